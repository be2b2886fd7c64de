from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleServiceLimitation(models.Model):
    """ПП № 354 раздел XI: the threshold and terms of limiting and suspending a service for debt."""
    _name = "ukkr.rule.service.limitation"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Service limitation terms (ПП № 354)"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    multiplier = fields.Float("Threshold: monthly charges", required=True, default=2.0, digits=(6, 2),
                              help="A service may be limited when its debt is greater than this number of monthly "
                                   "charges at the consumption norm and the current tariff (п.117, 118).")
    pay_days = fields.Integer("Days to pay after delivery of the warning", required=True, default=20)
    suspension_days = fields.Integer("Days from limitation to suspension", required=True, default=10)
    restoration_days = fields.Integer("Calendar days to restore after payment", required=True, default=2)

    @api.constrains("date_from", "date_to", "multiplier", "pay_days", "suspension_days", "restoration_days")
    def _check_values(self):
        for rule in self:
            if rule.multiplier <= 0 or min(rule.pay_days, rule.suspension_days, rule.restoration_days) < 0:
                raise ValidationError(_("The threshold must be positive and the terms non-negative."))
        self._check_dated()
