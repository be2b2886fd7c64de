from odoo import api, fields, models, tools

from odoo.addons.ukkr_collections.models import ledger_sql
from odoo.addons.ukkr_collections.models.selections import CATEGORY_SELECTION, PAYER_KINDS
from odoo.addons.ukkr_collections.models.ukkr_personal_account import TENURES

from .report_calc import category_sql

# keys sort in age order, so pivots and graphs list the buckets from the youngest debt to the oldest
BUCKET_SELECTION = [("0_current", "Not overdue"), ("1_1_3", "1–3 months"), ("2_3_6", "3–6 months"),
                    ("3_6_12", "6–12 months"), ("4_12_36", "1–3 years"), ("5_barred", "Time-barred"),
                    ("6_none", "No debt")]
BUCKETS = [("0_current", "debt_current"), ("1_1_3", "debt_1_3"), ("2_3_6", "debt_3_6"),
           ("3_6_12", "debt_6_12"), ("4_12_36", "debt_12_36"), ("5_barred", "debt_barred")]


# the stored rows of the analysis (not an Odoo model: the view below reads them, the triggers write them)
ROWS_TABLE = "ukkr_debt_analysis_row"
ROW_COLUMNS = ("id", "period", "period_date", "settlement_id", "building_id", "category", "payer_kind", "tenure",
               "is_municipal", "bucket", "amount", "overdue_amount", "over_3m", "account_count", "debtor_count",
               "penalty", "accrued", "paid")


def analysis_select(where="TRUE"):
    """The analysis rows of the snapshots matching ``where`` (an SQL condition over the snapshot ``s``): the
    snapshot's bucket columns unpivoted into rows, grouped by month, settlement, building, category, payer kind,
    tenure, municipal flag and bucket. A row's id is its smallest snapshot id × 10 + the bucket's index."""
    oldest = "CASE %s ELSE '6_none' END" % " ".join(
        "WHEN s.%s > 0 THEN '%s'" % (column, key) for key, column in reversed(BUCKETS))
    values = ", ".join("('%s', %d, snap.%s)" % (key, index, column) for index, (key, column) in enumerate(BUCKETS))
    return """
        WITH snap AS (
            SELECT s.id, s.period, s.settlement_id, s.building_id, s.payer_kind, s.tenure,
                   coalesce(s.is_municipal, false) AS is_municipal, {category} AS category,
                   {oldest} AS oldest, s.overdue_debt, s.penalty, s.accrued, s.paid,
                   s.debt_current, s.debt_1_3, s.debt_3_6, s.debt_6_12, s.debt_12_36, s.debt_barred
            FROM ukkr_debt_snapshot s WHERE {where}),
        unpivoted AS (
            SELECT snap.*, b.bucket, b.bucket_index, b.amount, b.bucket = snap.oldest AS is_oldest
            FROM snap CROSS JOIN LATERAL (VALUES {values}, ('6_none', 6, 0)) AS b(bucket, bucket_index, amount)
            WHERE b.amount <> 0 OR b.bucket = snap.oldest)
        SELECT min(id) * 10 + bucket_index AS id, period, to_date(period || '-01', 'YYYY-MM-DD') AS period_date,
               settlement_id, building_id, category, payer_kind, tenure, is_municipal, bucket,
               sum(amount) AS amount,
               sum(amount) FILTER (WHERE bucket <> '0_current') AS overdue_amount,
               sum(amount) FILTER (WHERE bucket IN ('2_3_6', '3_6_12', '4_12_36', '5_barred')) AS over_3m,
               count(*) FILTER (WHERE is_oldest) AS account_count,
               count(*) FILTER (WHERE is_oldest AND overdue_debt > 0) AS debtor_count,
               sum(penalty) FILTER (WHERE is_oldest) AS penalty,
               sum(accrued) FILTER (WHERE is_oldest) AS accrued,
               sum(paid) FILTER (WHERE is_oldest) AS paid
        FROM unpivoted
        GROUP BY period, settlement_id, building_id, category, payer_kind, tenure, is_municipal, bucket,
                 bucket_index""".format(category=category_sql("s.payer_kind", "s.tenure"), oldest=oldest,
                                        values=values, where=where)


class UkkrDebtSnapshotAnalysis(models.Model):
    """The closed months' debt for dashboards, without any personal field: the frozen snapshots grouped by month,
    settlement, building, debtor category, payer kind, tenure, municipal flag and age bucket (the snapshot's bucket
    columns unpivoted into rows). Administration users read it; they do not read the snapshots of non-municipal
    payers.

    Stored per month in ``ukkr_debt_analysis_row`` (``analysis_select``), so a pivot over all months reads ≈ one
    row per building × category × bucket instead of re-aggregating every snapshot of every month (2.4 s over
    220 000 snapshots at 20 000 accounts × 10 closes). Statement-level triggers on ``ukkr_debt_snapshot``
    rewrite the months a statement touched — the close's COPY of a month's snapshots, the reopening's DELETE, any
    other write — set-based in the same transaction, so the rows never differ from the snapshots. The model is a
    view over that table adding «last closed month».

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
        cr = self.env.cr
        tools.drop_view_if_exists(cr, self._table)
        # rebuilt whole at each install/update of the module (its definition may have changed)
        cr.execute("DROP TABLE IF EXISTS %s CASCADE" % ROWS_TABLE)
        cr.execute("""CREATE TABLE {rows} (
                          id bigint PRIMARY KEY, period varchar NOT NULL, period_date date, settlement_id integer,
                          building_id integer, category varchar, payer_kind varchar, tenure varchar,
                          is_municipal boolean, bucket varchar, amount numeric, overdue_amount numeric,
                          over_3m numeric, account_count bigint, debtor_count bigint, penalty numeric,
                          accrued numeric, paid numeric);
                      CREATE INDEX {rows}_period_index ON {rows} (period)""".format(rows=ROWS_TABLE))
        columns = ", ".join(ROW_COLUMNS)
        cr.execute("INSERT INTO %s (%s) %s" % (ROWS_TABLE, columns, analysis_select()))
        # one function rewrites the rows of the months given; one trigger per statement kind calls it with the
        # months that statement touched (transition tables: PostgreSQL ≥ 10)
        cr.execute("""
            CREATE OR REPLACE FUNCTION ukkr_debt_analysis_refresh(periods varchar[]) RETURNS void AS $body$
            BEGIN
                DELETE FROM {rows} WHERE period = ANY(periods);
                INSERT INTO {rows} ({columns}) {select};
            END $body$ LANGUAGE plpgsql""".format(
                rows=ROWS_TABLE, columns=columns, select=analysis_select("s.period = ANY(periods)")))
        for kind, sql in (
                ("insert", "ARRAY(SELECT DISTINCT period FROM new_rows)"),
                ("delete", "ARRAY(SELECT DISTINCT period FROM old_rows)"),
                ("update", "ARRAY(SELECT period FROM old_rows UNION SELECT period FROM new_rows)")):
            cr.execute("""
                CREATE OR REPLACE FUNCTION ukkr_debt_analysis_on_{kind}() RETURNS trigger AS $body$
                BEGIN
                    PERFORM ukkr_debt_analysis_refresh({sql});
                    RETURN NULL;
                END $body$ LANGUAGE plpgsql""".format(kind=kind, sql=sql))
            cr.execute("DROP TRIGGER IF EXISTS ukkr_debt_analysis_{kind} ON ukkr_debt_snapshot".format(kind=kind))
            cr.execute("""CREATE TRIGGER ukkr_debt_analysis_{kind} AFTER {event} ON ukkr_debt_snapshot
                          REFERENCING {tables} FOR EACH STATEMENT
                          EXECUTE FUNCTION ukkr_debt_analysis_on_{kind}()""".format(
                kind=kind, event=kind.upper(), tables={"insert": "NEW TABLE AS new_rows",
                                                       "delete": "OLD TABLE AS old_rows",
                                                       "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}[kind]))
        cr.execute("""
            CREATE OR REPLACE FUNCTION ukkr_debt_analysis_on_truncate() RETURNS trigger AS $body$
            BEGIN
                TRUNCATE {rows};
                RETURN NULL;
            END $body$ LANGUAGE plpgsql""".format(rows=ROWS_TABLE))
        cr.execute("DROP TRIGGER IF EXISTS ukkr_debt_analysis_truncate ON ukkr_debt_snapshot")
        cr.execute("""CREATE TRIGGER ukkr_debt_analysis_truncate AFTER TRUNCATE ON ukkr_debt_snapshot
                      FOR EACH STATEMENT EXECUTE FUNCTION ukkr_debt_analysis_on_truncate()""")
        cr.execute("""
            CREATE VIEW {table} AS (
            SELECT r.*, r.period = ({last_closed}) AS is_last_period
            FROM {rows} r)""".format(table=self._table, rows=ROWS_TABLE, last_closed=ledger_sql.LAST_CLOSED_SQL))
