from odoo import api, fields, models


class UkkrRuleHoliday(models.Model):
    """Non-working days besides Saturdays and Sundays, and Saturdays or Sundays made working days by a transfer."""
    _name = "ukkr.rule.holiday"
    _inherit = "ukkr.rule.mixin"
    _description = "Public holiday or transferred working day"
    _order = "date desc"

    date = fields.Date("Date", required=True)
    name = fields.Char("Name", required=True)
    kind = fields.Selection([("holiday", "Non-working day"), ("working", "Working day (transferred)")], "Kind",
                            required=True, default="holiday")

    _sql_constraints = [("date_uniq", "unique(date)", "This date is already in the calendar.")]

    # due dates move with the calendar (ГК 193): the periods' dates are refreshed on any change
    @api.model
    def create(self, vals):
        record = super().create(vals)
        self.env["ukkr.period"].sudo().refresh_known()
        return record

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        self.env["ukkr.period"].sudo().refresh_known()
        return result

    @api.multi
    def unlink(self):
        result = super().unlink()
        self.env["ukkr.period"].sudo().refresh_known()
        return result
