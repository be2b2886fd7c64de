from odoo import api, models


class UkkrMonthlyClose(models.Model):
    _inherit = "ukkr.monthly.close"

    @api.model
    def close_period(self, period):
        """After the close, the month's report goes to the administration (see ``ukkr.monthly.report``); after the
        close of a quarter's last month also the quarterly write-off report (measure 28)."""
        close = super().close_period(period)
        self.env["ukkr.monthly.report"]._dispatch_after_close(close)
        self.env["ukkr.write.off.report"]._dispatch_after_close(close)
        return close
