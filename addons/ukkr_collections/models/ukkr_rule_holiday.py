from odoo import fields, models


class UkkrRuleHoliday(models.Model):
    """Non-working days besides Saturdays and Sundays, and Saturdays or Sundays made working days by a transfer."""
    _name = "ukkr.rule.holiday"
    _inherit = ["ukkr.rule.mixin", "ukkr.period.source"]
    _description = "Public holiday or transferred working day"
    _order = "date desc"

    date = fields.Date("Date", required=True)
    name = fields.Char("Name", required=True)
    kind = fields.Selection([("holiday", "Non-working day"), ("working", "Working day (transferred)")], "Kind",
                            required=True, default="holiday")

    _sql_constraints = [("date_uniq", "unique(date)", "This date is already in the calendar.")]

