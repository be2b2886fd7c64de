from odoo import api, fields, models


class UkkrDebtorCase(models.Model):
    """What the «sue before it expires» queue shows of each case: the earliest limitation expiry of its debt not yet
    claimed in court, and that debt (the same tranches as ``ukkr.court.case.court_queue``). Read-only, one query
    for all the cases shown."""
    _inherit = "ukkr.debtor.case"

    queue_expiry = fields.Date("Earliest limitation expiry", compute="_compute_queue",
                               help="The earliest day on which a tranche not yet claimed in court becomes "
                                    "time-barred (empty: the clock stands still, e.g. while a claim is pending).")
    queue_debt = fields.Float("Debt to claim, RUB", digits=(14, 2), compute="_compute_queue")

    def _compute_queue(self):
        found = {}
        if self.ids:
            today = fields.Date.context_today(self)
            self.env.cr.execute("""
                SELECT c.id, min(t.limitation_expiry), sum(t.principal)
                FROM ukkr_debtor_case c JOIN ukkr_debt_tranche t ON t.account_id = c.account_id
                WHERE c.id IN %(ids)s AND t.principal > 0 AND t.due_date < %(today)s
                  AND (t.limitation_expiry IS NULL OR t.limitation_expiry >= %(today)s)
                  AND NOT EXISTS (SELECT 1 FROM ukkr_court_case_line l JOIN ukkr_court_case k ON k.id = l.court_case_id
                                  WHERE k.account_id = c.account_id AND l.period = t.period
                                    AND k.state NOT IN ('cancelled', 'closed'))
                GROUP BY c.id""", {"ids": tuple(self.ids), "today": today})
            found = {case_id: (expiry, debt) for case_id, expiry, debt in self.env.cr.fetchall()}
        for case in self:
            expiry, debt = found.get(case.id, (False, 0.0))
            case.queue_expiry = expiry
            case.queue_debt = round(debt or 0.0, 2)
