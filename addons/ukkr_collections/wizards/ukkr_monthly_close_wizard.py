from odoo import _, fields, models

from ..models.period_calc import period_of, previous_period


class UkkrMonthlyCloseWizard(models.TransientModel):
    """The manager's button: close a month now (the scheduled action does it on the 1st)."""
    _name = "ukkr.monthly.close.wizard"
    _description = "Close a month"

    period = fields.Char("Period (YYYY-MM)", required=True, default=lambda self: previous_period(
        period_of(fields.Date.from_string(fields.Date.context_today(self)))))

    def action_close(self):
        """A background job above the sync limit of accounts (``ukkr.job``), at once below it."""
        self.ensure_one()
        self.env.cr.execute("SELECT count(*) FROM ukkr_personal_account")
        return self.env["ukkr.job"]._launch("close", self, "_run_close", self.env.cr.fetchone()[0],
                                            _("Monthly close %s") % self.period.strip())

    def _run_close(self):
        close = self.env["ukkr.monthly.close"].close_period(self.period.strip())
        return {"type": "ir.actions.act_window", "res_model": "ukkr.monthly.close", "res_id": close.id,
                "view_mode": "form", "target": "current"}
