from odoo import api, fields, models, tools

from odoo.addons.ukkr_collections.models.selections import CATEGORY_SELECTION, PAYER_KINDS
from odoo.addons.ukkr_collections.models.ukkr_personal_account import TENURES

from .report_calc import category_sql
from odoo.addons.ukkr_collections.models import ledger_sql

# keys sort in age order, so pivots and graphs list the buckets from the youngest debt to the oldest
BUCKET_SELECTION = [("0_current", "Not overdue"), ("1_1_3", "1–3 months"), ("2_3_6", "3–6 months"),
                    ("3_6_12", "6–12 months"), ("4_12_36", "1–3 years"), ("5_barred", "Time-barred"),
                    ("6_none", "No debt")]
BUCKETS = [("0_current", "debt_current"), ("1_1_3", "debt_1_3"), ("2_3_6", "debt_3_6"),
           ("3_6_12", "debt_6_12"), ("4_12_36", "debt_12_36"), ("5_barred", "debt_barred")]


class UkkrDebtSnapshotAnalysis(models.Model):
    """The closed months' debt for dashboards, without any personal field: a database view over the frozen
    snapshots grouped by month, settlement, building, debtor category, payer kind, tenure, municipal flag and age
    bucket (the snapshot's bucket columns unpivoted into rows). Administration users read it; they do not read
    the snapshots of non-municipal payers.

    Measures: ``amount`` — debt in the bucket (so summing over buckets gives the debt); the per-account measures
    (accounts, debtors, penalties, accrued, paid) sit on the row of the account's oldest debt bucket («No debt»
    for an account that owes nothing), so each account counts once whatever the grouping.
    """
    _name = "ukkr.debt.snapshot.analysis"
    _description = "Debt analysis (closed months)"
    _auto = False
    _order = "period desc"
    _rec_name = "period"

    period = fields.Char("Month", readonly=True)
    period_date = fields.Date("Month start", readonly=True)
    is_last_period = fields.Boolean("Last closed month", readonly=True)
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", readonly=True)
    building_id = fields.Many2one("ukkr.building", "Building", readonly=True)
    category = fields.Selection(CATEGORY_SELECTION, "Debtor category", readonly=True)
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", readonly=True)
    tenure = fields.Selection(TENURES, "Tenure", readonly=True)
    is_municipal = fields.Boolean("Municipal housing", readonly=True)
    bucket = fields.Selection(BUCKET_SELECTION, "Debt age", readonly=True)
    amount = fields.Float("Debt, RUB", digits=(16, 2), readonly=True)
    overdue_amount = fields.Float("Overdue debt, RUB", digits=(16, 2), readonly=True)
    over_3m = fields.Float("Overdue more than 3 months, RUB", digits=(16, 2), readonly=True)
    account_count = fields.Integer("Accounts", readonly=True)
    debtor_count = fields.Integer("Debtors", readonly=True, help="Accounts with overdue debt, counted in the "
                                                                 "bucket of their oldest debt.")
    penalty = fields.Float("Penalties, RUB", digits=(16, 2), readonly=True)
    accrued = fields.Float("Accrued in the month, RUB", digits=(16, 2), readonly=True)
    paid = fields.Float("Paid in the month, RUB", digits=(16, 2), readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        oldest = "CASE %s ELSE '6_none' END" % " ".join(
            "WHEN s.%s > 0 THEN '%s'" % (column, key) for key, column in reversed(BUCKETS))
        values = ", ".join("('%s', %d, snap.%s)" % (key, index, column) for index, (key, column) in enumerate(BUCKETS))
        self.env.cr.execute("""
            CREATE VIEW {table} AS (
            WITH snap AS (
                SELECT s.id, s.period, s.settlement_id, s.building_id, s.payer_kind, s.tenure,
                       coalesce(s.is_municipal, false) AS is_municipal, {category} AS category,
                       {oldest} AS oldest, s.overdue_debt, s.penalty, s.accrued, s.paid,
                       s.period = ({last_closed}) AS is_last_period,
                       s.debt_current, s.debt_1_3, s.debt_3_6, s.debt_6_12, s.debt_12_36, s.debt_barred
                FROM ukkr_debt_snapshot s),
            unpivoted AS (
                SELECT snap.*, b.bucket, b.bucket_index, b.amount, b.bucket = snap.oldest AS is_oldest
                FROM snap CROSS JOIN LATERAL (VALUES {values}, ('6_none', 6, 0)) AS b(bucket, bucket_index, amount)
                WHERE b.amount <> 0 OR b.bucket = snap.oldest)
            SELECT min(id) * 10 + bucket_index AS id, period, to_date(period || '-01', 'YYYY-MM-DD') AS period_date,
                   is_last_period, settlement_id, building_id, category, payer_kind, tenure, is_municipal, bucket,
                   sum(amount) AS amount,
                   sum(amount) FILTER (WHERE bucket <> '0_current') AS overdue_amount,
                   sum(amount) FILTER (WHERE bucket IN ('2_3_6', '3_6_12', '4_12_36', '5_barred')) AS over_3m,
                   count(*) FILTER (WHERE is_oldest) AS account_count,
                   count(*) FILTER (WHERE is_oldest AND overdue_debt > 0) AS debtor_count,
                   sum(penalty) FILTER (WHERE is_oldest) AS penalty,
                   sum(accrued) FILTER (WHERE is_oldest) AS accrued,
                   sum(paid) FILTER (WHERE is_oldest) AS paid
            FROM unpivoted
            GROUP BY period, is_last_period, settlement_id, building_id, category, payer_kind, tenure, is_municipal,
                     bucket, bucket_index)""".format(table=self._table, category=category_sql("s.payer_kind", "s.tenure"),
                                                     oldest=oldest, values=values,
                                                     last_closed=ledger_sql.LAST_CLOSED_SQL))
