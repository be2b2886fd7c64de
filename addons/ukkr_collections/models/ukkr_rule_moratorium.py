from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleMoratorium(models.Model):
    """Days on which no penalty accrues (ПП № 424 of 02.04.2020, ПП № 497 of 28.03.2022)."""
    _name = "ukkr.rule.moratorium"
    _inherit = "ukkr.rule.mixin"
    _description = "Penalty moratorium"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", required=True)
    debt_before = fields.Date("Only debt that arose before",
                              help="Empty: every debt. Otherwise the moratorium covers only tranches whose due date "
                                   "is earlier than this date.")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for record in self:
            if record.date_to < record.date_from:
                raise ValidationError(_("The moratorium ends before it starts."))
