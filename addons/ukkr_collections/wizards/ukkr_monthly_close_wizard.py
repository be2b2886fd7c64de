from odoo import fields, models


def _previous_period(today):
    year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return "%04d-%02d" % (year, month)


class UkkrMonthlyCloseWizard(models.TransientModel):
    """The manager's button: close a month now (the scheduled action does it on the 1st)."""
    _name = "ukkr.monthly.close.wizard"
    _description = "Close a month"

    period = fields.Char("Period (YYYY-MM)", required=True, default=lambda self: _previous_period(
        fields.Date.from_string(fields.Date.context_today(self))))

    def action_close(self):
        close = self.env["ukkr.monthly.close"].close_period(self.period.strip())
        return {"type": "ir.actions.act_window", "res_model": "ukkr.monthly.close", "res_id": close.id,
                "view_mode": "form", "target": "current"}
