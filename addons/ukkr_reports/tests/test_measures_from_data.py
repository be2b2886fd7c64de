"""Measures 21, 25, 26 and 28 counted from the work itself, in the plan and in the monthly report, untyped.

The agreements' test district, November 2026:
- account «2» (municipal, owes 12 000): a court order filed on 26.11 → measure 18 and 21 (reported filings), 1 each;
- its writ presented to the bailiffs on 10.11, opened on 12.11, 5 000 recovered on 20.11 → measure 26: 1 writ of
  35 000; measure 25: presented 1, opened 1, recovered 1 (5 000);
- account «1»'s time-barred 2023-09 (5 000) written off on 26.11 → measure 27 (proposed) and 28 (posted), 1 each.
October and November are closed on 02.12.2026: November's report is attached to the executions of measures 5, 21
and 26 and submitted; December closed on 11.01.2027 ends the quarter: the write-off report of Q4 is attached to
measure 28's execution of the quarter and submitted.
"""
import base64
import io

from openpyxl import load_workbook

from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
from odoo.addons.ukkr_debt_plan.tests.common import today_is


def measure_sheet(content):
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(content))["Меры"].iter_rows()]
    head = next(i for i, row in enumerate(rows) if row[0] == "№")
    return rows[head + 1:]


class TestMeasuresFromData(AgreementCase):

    def setUp(self):
        super().setUp()
        plan = self.env.ref("ukkr_debt_plan.plan_2632r")
        if plan.date_to < "2027-12-31":
            plan.write({"date_to": "2027-12-31"})   # as measure 4 keeps it current
        self.open_case("2")
        Proceeding = self.env["ukkr.enforcement.proceeding"].sudo(self.lawyer)
        with today_is("2026-11-12"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-10")
            self.writ = Proceeding.create({
                "account_id": self.account["2"].id, "writ_kind": "court_order", "writ_number": "2-500/2026",
                "writ_date": "2026-05-20", "court_name": "Мировой судья судебного участка № 161",
                "writ_amount": 35000, "route": "bailiff", "fssp_department": "ОСП по Северо-Енисейскому району",
                "proceeding_number": "100/26/24076-ИП"})
            self.writ._present("2026-11-10")
            self.writ.action_start()
        with today_is("2026-11-20"):
            self.writ.action_register_recovery(5000, "2026-11-20", "ПП-5")
        with today_is("2026-11-26"):
            court = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-11-26"})
            court.action_load_tranches()
            court._file("2026-11-26")
            self.claim = court.claim_amount
            write_off = self.env["ukkr.write.off"].sudo(self.lawyer).create_candidates().filtered(
                lambda w: w.account_id == self.account["1"])
            write_off.action_propose()
            write_off.sudo(self.manager).action_approve()
            write_off._post("2026-11-26")

    def figures(self, numbers):
        rows = self.env["ukkr.measure.figure"].figures("2026-11-01", "2026-11-30", numbers)
        return sorted((r["measure"], r["action"], r["count"], r["amount"], r["recovered"]) for r in rows)

    def test_figures_of_the_month(self):
        self.assertEqual([(m, c, a) for m, _label, c, a, _r in self.figures([21, 26, 28])],
                         [(21, 1, self.claim), (26, 1, 35000.0), (28, 1, 5000.0)])
        events = {label: (count, amount, recovered) for _m, label, count, amount, recovered in self.figures([25])}
        self.assertEqual(sorted(events.values()), [(1, 5000.0, 5000.0), (1, 35000.0, 0.0), (1, 35000.0, 0.0)])
        self.assertEqual(self.figures([25]), [r for r in self.figures(None) if r[0] == 25],
                         "the same rows whether the measure is asked for or all are")
        self.assertFalse(self.env["ukkr.measure.figure"].figures("2026-10-01", "2026-10-31", [21, 25, 26, 28]))

    def test_plan_executions_and_the_monthly_report(self):
        Execution = self.env["ukkr.plan.execution"]
        with today_is("2026-11-26"):
            Execution.create_period_executions("2026-11-26")
        counts = {e.measure_number: e.action_count for e in Execution.search([
            ("measure_number", "in", [21, 25, 26, 28]), ("period_start", "<=", "2026-11-26"),
            ("period_end", ">=", "2026-11-26"), ("kind", "in", ("period", "summary"))])}
        self.assertEqual(counts, {21: 1, 25: 3, 26: 1, 28: 1})
        with today_is("2026-12-02"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-11")
        dispatch = self.env["ukkr.report.dispatch"].search([("period", "=", "2026-11")])
        self.assertEqual((dispatch.report, dispatch.state), ("monthly", "done"))
        for number in (5, 21, 26):
            execution = Execution.search([("measure_number", "=", number), ("kind", "=", "period"),
                                          ("period_start", "=", "2026-11-01")])
            self.assertEqual(execution.state, "submitted", "measure %d" % number)
            self.assertIn(dispatch.attachment_id, execution.attachment_ids)
        rows = measure_sheet(base64.b64decode(dispatch.attachment_id.datas))
        totals = {r[0]: (r[3], r[6]) for r in rows if isinstance(r[0], int)}
        for number, count in ((18, 1), (21, 1), (25, 3), (26, 1), (27, 1), (28, 1)):
            self.assertEqual(totals[number], (count, count), "measure %d: month and year" % number)
        current, sub_rows = None, {}
        for row in rows:
            if isinstance(row[0], int):
                current = row[0]
            elif row[0] == "" and row[2]:
                sub_rows.setdefault(current, []).append((row[2], row[3]))
        self.assertEqual(len(sub_rows[25]), 3, "one sub-row per enforcement event: %s" % sub_rows[25])
        self.assertEqual(sorted(count for _label, count in sub_rows[25]), [1, 1, 1])

    def test_quarterly_write_off_report_after_december(self):
        with today_is("2026-12-02"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-11")
        self.assertFalse(self.env["ukkr.report.dispatch"].search([("report", "=", "write_off")]),
                         "November does not end a quarter")
        with today_is("2027-01-11"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-12")
        dispatch = self.env["ukkr.report.dispatch"].search([("report", "=", "write_off")])
        self.assertEqual((dispatch.period, dispatch.state), ("2026-Q4", "done"))
        execution = dispatch.execution_id
        self.assertEqual((execution.measure_number, execution.period_start, execution.state),
                         (28, "2026-10-01", "submitted"))
        self.assertIn(dispatch.attachment_id, execution.attachment_ids)
        sheet = load_workbook(io.BytesIO(base64.b64decode(dispatch.attachment_id.datas)))["Списание"]
        self.assertIn("9900000001", [c.value for row in sheet.iter_rows() for c in row])
        self.assertEqual(execution.action_count, 1, "the write-off of the quarter, counted")
        with today_is("2027-01-12"):   # the daily retry finds nothing to do
            self.assertFalse(self.env["ukkr.write.off.report"]._cron_dispatch())

    def test_enforcement_kanban_and_pivot(self):
        """The kanban of proceedings by status and the pivot of recovered against remaining by route and month, as
        the web client asks them (read_group), for the lawyer and for the administration (municipal housing)."""
        for user in (self.lawyer, self.executor):
            Proceeding = self.env["ukkr.enforcement.proceeding"].sudo(user)
            groups = Proceeding.read_group([], ["route", "date_presented", "recovered", "remaining"],
                                           ["route", "date_presented:month"],
                                           lazy=False)
            self.assertEqual([(g["route"], g["recovered"], g["remaining"]) for g in groups],
                             [("bailiff", 5000.0, 30000.0)])
            self.assertEqual([(g["state"], g["state_count"]) for g in Proceeding.read_group([], ["state"], ["state"])],
                             [("in_progress", 1)])
        arch = self.env["ukkr.enforcement.proceeding"].fields_view_get(view_type="kanban")["arch"]
        self.assertIn('default_group_by="state"', arch)
        pivot = self.env["ukkr.enforcement.proceeding"].fields_view_get(view_type="pivot")["arch"]
        self.assertIn('name="remaining"', pivot)
