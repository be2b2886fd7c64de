"""Municipal housing inventory, the plan execution report, the «Меры» sheet, the entrance notice and the
dashboards' views, on the district of common.py closed up to February 2026."""
import io
import re

from openpyxl import load_workbook

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .common import NAMES, ReportCase, read_sheet

MIN_APARTMENTS = "ukkr_reports.notice_min_apartments"


class TestOtherReports(ReportCase):

    def setUp(self):
        super().setUp()
        self.close_all()

    def test_municipal_inventory(self):
        content = self.env["ukkr.municipal.report"].sudo(self.executor).render_xlsx("2026-02")
        rows = read_sheet(content, "Муниципальное жильё")
        head = next(i for i, row in enumerate(rows) if row[0] == "№ п/п")
        body = rows[head + 1:head + 3]
        # the two municipal tenants with overdue debt; the owner of кв. 1 is not municipal housing
        self.assertEqual([(r[3], r[4], r[5], r[6]) for r in body],
                         [("2", "9800000002", "Петрова Анна Сергеевна", "Социальный наём"),
                          ("3", "9800000003", "=Сидоров Пётр Ильич", "Коммерческий наём")])
        # debt / overdue / over 3 months: 10 000 / 8 000 / 2 000 and 4 500 / 3 000 / 0
        self.assertEqual([r[8:11] for r in body], [[10000, 8000, 2000], [4500, 3000, 0]])
        self.assertEqual(rows[head + 3][0], "Итого: 2")
        self.assertEqual(rows[head + 3][8], 14500)
        # the formula-looking name stays text
        sheet = load_workbook(io.BytesIO(content))["Муниципальное жильё"]
        cell = sheet.cell(row=head + 3, column=6)
        self.assertEqual((cell.value, cell.data_type), ("=Сидоров Пётр Ильич", "s"))
        # the «Стадия дела» column: the stage of the account's open debtor case
        tenant = self.env["ukkr.personal.account"].search([("name", "=", "9800000002")])
        owner = self.env["ukkr.personal.account"].search([("name", "=", "9800000003")])
        self.env["ukkr.debtor.case"].search([("account_id", "in", (tenant | owner).ids)]).write({"state": "closed"})
        case = self.env["ukkr.debtor.case"].create({"account_id": tenant.id})
        self.assertEqual(self.env["ukkr.municipal.report"]._case_stages([tenant.id, owner.id]),
                         {tenant.id: case.stage_id.name})

    def executions(self, day):
        plan = self.env.ref("ukkr_debt_plan.plan_2632r")
        if plan.date_to < day:
            plan.write({"date_to": "2026-12-31"})  # as measure 4 keeps it current
        with today_is(day):
            return self.env["ukkr.plan.execution"].create_period_executions(day)

    def test_plan_execution_report_and_measure_sheet(self):
        january, february = self.executions("2026-01-15"), self.executions("2026-02-15")
        for executions, qty, note in ((january, 3, "Январь: 3 уведомления"), (february, 5, "Февраль: 5 уведомлений")):
            notice = executions.filtered(lambda e: e.measure_number == 10)
            notice.write({"qty_done": qty, "amount_done": qty * 1000.0, "evidence_note": note})
            with today_is("2026-03-03"):
                notice.action_submit()
        with today_is("2026-03-05"):
            content = self.env["ukkr.plan.execution.report"].sudo(self.control).render_xlsx("2026-01-01",
                                                                                           "2026-02-28")
            measures = self.Report.render_xlsx("2026-02")
        sheet = load_workbook(io.BytesIO(content))["Исполнение"]
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        head = next(i for i, row in enumerate(rows) if row[0] == "№ мер.")
        body = [r for r in rows[head + 1:] if isinstance(r[0], int)]
        quarterly = self.env.ref("ukkr_debt_plan.plan_2632r").measure_ids.filtered(
            lambda m: m.periodicity == "quarterly")
        self.assertEqual(len(body), 29 * 2 - len(quarterly), "every measure: January, February (quarterly: Q1)")
        late = [r for r in body if r[0] == 10]
        self.assertEqual([(r[5], r[9], r[14]) for r in late], [("Представлено", 3, "представлено с опозданием"),
                                                               ("Представлено", 5, "представлено с опозданием")])
        overdue = next(i for i, r in enumerate(rows) if r[0] == 1 and r[2] == "январь 2026")
        self.assertEqual(rows[overdue][14], "просрочено")
        self.assertEqual(sheet.cell(row=overdue + 1, column=6).fill.fgColor.rgb, "FFFF9999")
        summary = read_sheet(content, "Сводка")
        ten = next(r for r in summary if r[0] == 10)
        self.assertEqual(ten[2:8], [2, 0, 2, 0, 0, 2])
        # «Меры»: all 29 measures of the plan in force, with the plan's executions of the month and the year
        rows = read_sheet(measures, "Меры")
        head = next(i for i, row in enumerate(rows) if row[0] == "№")
        numbers = [r[0] for r in rows[head + 1:] if isinstance(r[0], int)]
        self.assertEqual(numbers, list(range(1, 30)))
        ten = next(r for r in rows[head + 1:] if r[0] == 10)
        self.assertEqual((ten[9], ten[10], ten[11], ten[12], ten[13], ten[14]),
                         ("Представлено", 5, 5000, 8, 8000, "Февраль: 5 уведомлений"))
        # one row per kind of collection action the suite records (none on this branch yet)
        actions = self.env["ukkr.measure.figure"].figures("2026-01-01", "2026-02-28")
        sub_rows = [r for r in rows[head + 1:] if r[0] == "" and r[2]]
        self.assertEqual(len(sub_rows), len({(a["measure"], a["model"], a["action"]) for a in actions}))

    def test_building_notice_never_names_a_payer(self):
        building = self.account("9800000001").building_id
        report = self.env.ref("ukkr_reports.report_building_debt_notice")
        self.env["ir.config_parameter"].set_param(MIN_APARTMENTS, "3")
        html = report.sudo(self.operator).render_qweb_html(building.ids)[0].decode()
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")
        for name in NAMES + ["Петрова", "Сидоров", "Иванов", "9800000002"]:
            self.assertNotIn(name, text)
        # overdue on 28.02.2026: кв. 2 — 8 000 (November … January), кв. 3 — 3 000 (December, January);
        # кв. 1 owes only February's bill, not yet due
        self.assertIn("просроченная задолженность за коммунальные услуги по дому составляет 11 000,00 руб.", text)
        self.assertIn("помещений с задолженностью — 2", text)
        self.assertIn("кв. 2 8 000,00", text)
        self.assertIn("кв. 3 3 000,00", text)
        self.assertNotIn("кв. 1 ", text)
        self.assertIn("По состоянию на 28.02.2026", text)
        # a building smaller than the setting: the total only
        self.env["ir.config_parameter"].set_param(MIN_APARTMENTS, "4")
        html = report.render_qweb_html(building.ids)[0].decode()
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")
        self.assertIn("11 000,00 руб.", text)
        self.assertNotIn("кв. 2", text)
        self.assertIn("В доме менее 4 квартир", text)

    def test_dashboard_views_add_up(self):
        cr = self.env.cr
        cr.execute("""SELECT sum(debt), sum(debt_3_6), count(*), count(*) FILTER (WHERE overdue_debt > 0),
                             sum(penalty), sum(paid) FROM ukkr_debt_snapshot WHERE period = '2026-02'""")
        debt, debt_3_6, accounts, debtors, penalty, paid = cr.fetchone()
        Analysis = self.env["ukkr.debt.snapshot.analysis"].sudo(self.control)
        fields_ = ["amount", "account_count", "debtor_count", "penalty", "paid"]
        for groupby in (["bucket"], ["category", "bucket"], ["building_id"], ["settlement_id", "tenure"]):
            groups = Analysis.read_group([("period", "=", "2026-02")], groupby + fields_, groupby, lazy=False)
            self.assertAlmostEqual(sum(g["amount"] for g in groups), debt, 2)
            self.assertEqual(sum(g["account_count"] for g in groups), accounts)
            self.assertEqual(sum(g["debtor_count"] for g in groups), debtors)
            self.assertAlmostEqual(sum(g["penalty"] or 0 for g in groups), penalty, 2)
            self.assertAlmostEqual(sum(g["paid"] or 0 for g in groups), paid, 2)
        buckets = {g["bucket"]: g["amount"] for g in Analysis.read_group(
            [("period", "=", "2026-02")], ["bucket", "amount"], ["bucket"])}
        self.assertAlmostEqual(buckets["2_3_6"], debt_3_6, 2)
        self.assertEqual(Analysis.search_count([("is_last_period", "=", True), ("period", "!=", "2026-02")]), 0)
        trend = Analysis.read_group([], ["period", "amount"], ["period"], orderby="period")
        self.assertEqual([g["period"] for g in trend], ["2025-11", "2025-12", "2026-01", "2026-02"])
        self.assertEqual(round(trend[1]["amount"], 2), 56100.0)
        cr.execute("SELECT sum(accrued + correction - paid - written_off) FROM ukkr_ledger_line")
        ledger = cr.fetchone()[0]
        services = self.env["ukkr.debt.service.analysis"].sudo(self.executor).read_group(
            [], ["service_id", "debt"], ["service_id"])
        self.assertAlmostEqual(sum(g["debt"] for g in services), ledger, 2)
        self.assertEqual(len(services), 2)
        # the saved favourites and the first deputy's dashboard load
        filters = self.env["ir.filters"].sudo(self.control).get_filters(
            "ukkr.debt.snapshot.analysis", self.env.ref("ukkr_reports.action_ukkr_debt_snapshot_analysis").id)
        self.assertGreaterEqual(len(filters), 5)
        board = self.env["board.board"].sudo(self.control).fields_view_get(
            self.env.ref("ukkr_reports.view_ukkr_board_deputy").id, "form")
        self.assertEqual(board["arch"].count("<action "), 5)  # debt ×3, cases by stage, overdue executions

    def test_effectiveness_by_measure(self):
        wizard = self.env["ukkr.measure.effect.wizard"].sudo(self.control).create(
            {"date_from": "2026-01-01", "date_to": "2026-02-28"})
        action = wizard.action_compute()
        self.assertEqual(action["res_model"], "ukkr.measure.effect.line")
        figures = self.env["ukkr.measure.figure"].figures("2026-01-01", "2026-02-28")
        self.assertEqual(len(wizard.line_ids), len(figures))
