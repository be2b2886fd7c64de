from odoo import fields, models, tools

from .selections import PAYER_KINDS


class UkkrDebtTranche(models.Model):
    """One account's debt for one period, live (a database view over the ledger, allocations and periods).

    Principal is what is still unpaid today; days overdue and time-bar are as of today. The limitation expiry is the
    one the account form shows: with the tranche's limitation events applied (``ukkr_tranche_clock``, empty while a
    court filing is pending). Penalties and the frozen month-end state are in the monthly snapshots.
    """
    _name = "ukkr.debt.tranche"
    _description = "Debt tranche"
    _auto = False
    _order = "period, account_id"
    _rec_name = "period"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", readonly=True)
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", readonly=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", readonly=True)
    is_municipal = fields.Boolean("Municipal housing", readonly=True)
    period = fields.Char("Period", readonly=True)
    charged = fields.Float("Charged", digits=(14, 2), readonly=True)
    paid = fields.Float("Paid", digits=(14, 2), readonly=True)
    principal = fields.Float("Unpaid", digits=(14, 2), readonly=True)
    due_date = fields.Date("Due date", readonly=True)
    days_overdue = fields.Integer("Days overdue", readonly=True, group_operator="max")
    limitation_expiry = fields.Date("Limitation expires", readonly=True)
    is_time_barred = fields.Boolean("Time-barred", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW ukkr_debt_tranche AS (
                SELECT min(l.id) AS id, l.account_id, a.settlement_id, a.payer_kind, a.is_municipal, l.period,
                       sum(l.accrued + l.correction - l.written_off) AS charged, sum(l.paid) AS paid,
                       sum(l.accrued + l.correction - l.written_off - l.paid) AS principal,
                       coalesce(o.due_date, p.due_date) AS due_date,
                       GREATEST(current_date - coalesce(o.due_date, p.due_date), 0) AS days_overdue,
                       CASE WHEN k.account_id IS NOT NULL THEN k.limitation_expiry
                            ELSE coalesce(o.limitation_expiry, p.limitation_expiry) END AS limitation_expiry,
                       coalesce(current_date > CASE WHEN k.account_id IS NOT NULL THEN k.limitation_expiry
                                                    ELSE coalesce(o.limitation_expiry, p.limitation_expiry) END,
                                false) AS is_time_barred
                FROM ukkr_ledger_line l
                JOIN ukkr_personal_account a ON a.id = l.account_id
                LEFT JOIN ukkr_period p ON p.name = l.period
                LEFT JOIN ukkr_period_account o ON o.account_id = l.account_id AND o.period = l.period
                LEFT JOIN ukkr_tranche_clock k ON k.account_id = l.account_id AND k.period = l.period
                GROUP BY l.account_id, a.settlement_id, a.payer_kind, a.is_municipal, l.period, p.due_date,
                         p.limitation_expiry, o.due_date, o.limitation_expiry, k.account_id, k.limitation_expiry
                HAVING sum(l.accrued + l.correction - l.written_off - l.paid) > 0.004
            )""")
