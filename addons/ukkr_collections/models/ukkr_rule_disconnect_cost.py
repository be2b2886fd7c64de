from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .money import rub


class UkkrRuleDisconnectCost(models.Model):
    """The most a debtor may be charged for limiting, suspending and restoring a service (ПП № 354 п.121(1))."""
    _name = "ukkr.rule.disconnect.cost"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Disconnection cost cap"
    _order = "service_id, date_from desc"

    service_id = fields.Many2one("ukkr.service", "Service", required=True, ondelete="restrict")
    cap_amount = fields.Float("Cap, RUB", required=True, digits=(16, 2))
    vat_included = fields.Boolean("VAT included", default=True)

    @api.multi
    def name_get(self):
        names = []
        for cost in self:
            names.append((cost.id, _("%s: at most %s RUB from %s") % (
                cost.service_id.name, rub(cost.cap_amount),
                fields.Date.from_string(cost.date_from).strftime("%d.%m.%Y"))))
        return names

    @api.constrains("date_from", "date_to", "service_id", "cap_amount")
    def _check_values(self):
        for rule in self:
            if rule.cap_amount <= 0:
                raise ValidationError(_("A cost cap must be positive."))
        self._check_dated(("service_id",))
