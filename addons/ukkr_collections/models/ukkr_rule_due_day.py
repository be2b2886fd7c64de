import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrRuleDueDay(models.Model):
    """Day of the following month by which a period's bill is due (ЖК РФ ст.155 ч.1), from a period on."""
    _name = "ukkr.rule.due.day"
    _inherit = "ukkr.rule.mixin"
    _description = "Payment due day"
    _order = "period_from desc"
    _rec_name = "period_from"

    period_from = fields.Char("From period (YYYY-MM)", required=True)
    day = fields.Integer("Day of the following month", required=True, default=10)

    _sql_constraints = [("period_from_uniq", "unique(period_from)", "There is already a rule from this period.")]

    @api.constrains("period_from", "day")
    def _check_values(self):
        for record in self:
            if not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", record.period_from or ""):
                raise ValidationError(_("A period is written as YYYY-MM, e.g. 2026-03."))
            if not 1 <= record.day <= 28:
                raise ValidationError(_("The due day must be between 1 and 28."))
