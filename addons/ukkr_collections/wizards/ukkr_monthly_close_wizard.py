from babel.dates import format_date
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

from ..models.period_calc import next_period, period_of

PICKER_MONTHS = 36   # how far back the month picker reaches


def next_period_to_close(last_ended, closed):
    """The month the manager closes next: the one after the last closed month, if it has ended; otherwise the last
    month that has ended. ``last_ended``: 'YYYY-MM'; ``closed``: the periods closed now. Pure function.

    >>> next_period_to_close("2026-10", {"2026-08", "2026-09"})
    '2026-10'
    >>> next_period_to_close("2026-10", {"2026-10"})   # nothing left to close: the last month is proposed
    '2026-10'
    >>> next_period_to_close("2026-10", set())
    '2026-10'
    >>> next_period_to_close("2026-10", {"2026-06"})   # a gap is closed first
    '2026-07'
    """
    if not closed:
        return last_ended
    following = next_period(max(closed))
    return following if following <= last_ended else last_ended


class UkkrMonthlyCloseWizard(models.TransientModel):
    """The manager's button: close a month now (the scheduled action does it on the 1st). The month is picked
    from a list — the ended months, each with its state — and the next one to close is proposed."""
    _name = "ukkr.monthly.close.wizard"
    _description = "Close a month"

    period = fields.Selection("_period_selection", "Month", required=True,
                              default=lambda self: self._default_period())

    @api.model
    def _last_ended(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return today.replace(day=1) - relativedelta(days=1)

    @api.model
    def _period_selection(self):
        last = self._last_ended().replace(day=1)
        states = {c["period"]: c["state"] for c in self.env["ukkr.monthly.close"].sudo().search_read(
            [], ["period", "state"])}
        labels = {"closed": _("closed"), "reopened": _("reopened")}
        locale = (self.env.context.get("lang") or self.env.user.lang or "ru_RU")
        options = []
        for back in range(PICKER_MONTHS):
            day = last - relativedelta(months=back)
            name = format_date(day, "LLLL yyyy", locale=locale).capitalize()
            state = labels.get(states.get(period_of(day)))
            options.append((period_of(day), "%s (%s)" % (name, state) if state else name))
        return options

    @api.model
    def _default_period(self):
        closed = {c["period"] for c in self.env["ukkr.monthly.close"].sudo().search_read(
            [("state", "=", "closed")], ["period"])}
        return next_period_to_close(period_of(self._last_ended()), closed)

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
