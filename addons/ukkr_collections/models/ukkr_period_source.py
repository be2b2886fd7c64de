from odoo import api, models


class UkkrPeriodSource(models.AbstractModel):
    """A rule the periods' dates depend on (due days, the holiday calendar — ГК 193): any change of one refreshes
    the due dates and expiries kept in ``ukkr.period`` (and the tranche clocks)."""
    _name = "ukkr.period.source"
    _description = "Rule the periods' dates depend on"

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
