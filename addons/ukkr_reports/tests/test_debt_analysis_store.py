"""The debt analysis stored per month (issue 22): the rows of ``ukkr_debt_analysis_row`` — written by the triggers
on the snapshots when a close writes them, a reopening deletes them or anything else changes them — are the same
as the former view's aggregation of every snapshot, on the district of common.py."""
from decimal import Decimal

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models.ukkr_debt_snapshot_analysis import ROW_COLUMNS, ROWS_TABLE, analysis_select
from .common import ReportCase, payments_csv

MEASURES = ["amount", "overdue_amount", "over_3m", "account_count", "debtor_count", "penalty", "accrued", "paid"]


def _rounded(rows):
    return sorted(tuple(round(float(v), 2) if isinstance(v, (float, Decimal)) else v for v in row) for row in rows)


class TestDebtAnalysisStored(ReportCase):

    def assert_same_as_snapshots(self):
        """Stored rows = the former view's query over all snapshots (its SELECT, unchanged), row by row, and the
        pivot's read_group (month × category, the action's default) = the same GROUP BY over that query."""
        cr = self.env.cr
        columns = ", ".join(ROW_COLUMNS)
        cr.execute("SELECT %s FROM %s" % (columns, ROWS_TABLE))
        stored = _rounded(cr.fetchall())
        cr.execute("SELECT %s FROM (%s) old" % (columns, analysis_select()))
        self.assertEqual(stored, _rounded(cr.fetchall()))
        groups = self.env["ukkr.debt.snapshot.analysis"].sudo(self.control).read_group(
            [], ["period", "category"] + MEASURES, ["period", "category"], lazy=False)
        cr.execute("SELECT period, category, %s FROM (%s) old GROUP BY period, category" % (
            ", ".join("sum(%s)" % m for m in MEASURES), analysis_select()))
        self.assertEqual(_rounded((g["period"], g["category"]) + tuple(g[m] or 0 for m in MEASURES) for g in groups),
                         _rounded(row[:2] + tuple(v or 0 for v in row[2:]) for row in cr.fetchall()))
        return stored

    def periods(self):
        self.env.cr.execute("SELECT DISTINCT period FROM %s ORDER BY 1" % ROWS_TABLE)
        return [period for (period,) in self.env.cr.fetchall()]

    def test_stored_rows_follow_the_snapshots(self):
        self.assertEqual(self.periods(), [])
        self.close_all()
        self.assertTrue(self.assert_same_as_snapshots())
        self.assertEqual(self.periods(), ["2025-11", "2025-12", "2026-01", "2026-02"])
        Analysis = self.env["ukkr.debt.snapshot.analysis"].sudo(self.control)
        self.assertEqual(set(Analysis.search([("is_last_period", "=", True)]).mapped("period")), {"2026-02"})
        # February reopened: its rows go with its snapshots, January becomes the last closed month
        february = self.env["ukkr.monthly.close"].search([("period", "=", "2026-02")])
        with today_is("2026-03-05"):
            february.sudo(self.manager).action_reopen()
        self.assert_same_as_snapshots()
        self.assertEqual(self.periods(), ["2025-11", "2025-12", "2026-01"])
        self.assertEqual(set(Analysis.search([("is_last_period", "=", True)]).mapped("period")), {"2026-01"})
        # a late payment of the social tenant, February closed again: the new figures are stored
        self.load(payments_csv([("9800000002", "2026-02-20", 2000)], prefix="LATE"), "late.csv")
        self.close("2026-02")
        self.assert_same_as_snapshots()
        self.assertEqual(self.periods(), ["2025-11", "2025-12", "2026-01", "2026-02"])
        self.env.cr.execute("SELECT sum(paid) FROM ukkr_debt_snapshot WHERE period = '2026-02'")
        paid = self.env.cr.fetchone()[0]
        [february_paid] = Analysis.read_group([("period", "=", "2026-02")], ["paid"], [])
        self.assertAlmostEqual(february_paid["paid"], paid, 2)
        # any other write to the snapshots is followed too, in the same statement
        self.env.cr.execute("UPDATE ukkr_debt_snapshot SET penalty = penalty + 1 WHERE period = '2026-01'")
        self.assert_same_as_snapshots()
