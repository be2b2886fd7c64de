from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleKeyRate(models.Model):
    """The Bank of Russia key rate: in force from ``date_from`` until the next record."""
    _name = "ukkr.rule.key.rate"
    _inherit = "ukkr.rule.mixin"
    _description = "Key rate of the Bank of Russia"
    _order = "date_from desc"
    _rec_name = "date_from"

    date_from = fields.Date("In force from", required=True)
    rate = fields.Float("Rate, % per year", required=True, digits=(6, 2))

    _sql_constraints = [("date_from_uniq", "unique(date_from)", "There is already a key rate from this date.")]

    @api.constrains("rate")
    def _check_rate(self):
        for record in self:
            if not 0 < record.rate < 100:
                raise ValidationError(_("A key rate must be between 0 and 100 %."))
