"""Who runs the reports: every УККР and administration group; the administration gets sums, never the personal
accounts of non-municipal payers."""
from odoo.exceptions import AccessError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .common import ReportCase, debt_table

PERSONAL = {"account_id", "partner_id", "apartment", "name", "phone", "email"}


class TestReportAccess(ReportCase):

    def test_every_role_runs_the_reports_outsiders_do_not(self):
        self.close_all()
        expected = debt_table(self.Report.render_xlsx("2026-02"))
        with today_is("2026-03-05"):
            for user in (self.operator, self.manager, self.executor, self.control):
                self.assertEqual(debt_table(self.Report.sudo(user).render_xlsx("2026-02")), expected, user.login)
                self.env["ukkr.municipal.report"].sudo(user).render_xlsx("2026-02")
                self.env["ukkr.plan.execution.report"].sudo(user).render_xlsx("2026-01-01", "2026-02-28")
                wizard = self.env["ukkr.report.wizard"].sudo(user).create({"report": "monthly",
                                                                           "period": "2026-02"})
                action = wizard.action_print()
                self.assertEqual((action["report_type"], action["report_name"]),
                                 ("xlsx", "ukkr_reports.monthly_report_xlsx"))
            # the OCA report_xlsx path renders the same workbook (a wizard is its creator's only)
            wizard = self.env["ukkr.report.wizard"].sudo(self.executor).create({"report": "monthly",
                                                                                "period": "2026-02"})
            report = self.env.ref("ukkr_reports.report_monthly_xlsx").sudo(self.executor)
            content, kind = report.render_xlsx([wizard.id], {})
            with self.assertRaises(AccessError):
                report.sudo(self.control).render_xlsx([wizard.id], {})
        self.assertEqual((kind, debt_table(content)), ("xlsx", expected))
        for method, args in (("render_xlsx", ("2026-02",)), ("figures", ("2026-02",))):
            with self.assertRaises(AccessError):
                getattr(self.Report.sudo(self.outsider), method)(*args)
        with self.assertRaises(AccessError):
            self.env["ukkr.municipal.report"].sudo(self.outsider).render_xlsx("2026-02")
        with self.assertRaises(AccessError):
            self.env["ukkr.plan.execution.report"].sudo(self.outsider).render_xlsx("2026-01-01", "2026-02-28")

    def test_administration_reads_sums_not_personal_accounts(self):
        self.close_all()
        Analysis = self.env["ukkr.debt.snapshot.analysis"]
        self.assertFalse(PERSONAL & set(Analysis._fields), "the analysis view has no personal field")
        self.assertFalse(PERSONAL & set(self.env["ukkr.debt.service.analysis"]._fields))
        for user in (self.executor, self.control):
            groups = Analysis.sudo(user).read_group([("period", "=", "2026-02")], ["category", "amount", "debtor_count"],
                                                    ["category"])
            totals = {g["category"]: (round(g["amount"], 2), g["debtor_count"]) for g in groups}
            self.assertEqual(totals["social"], (10000.0, 1))
            self.assertEqual(sum(t[0] for t in totals.values()), 62200.0)
            # building names for the dashboards and notices, no accounts
            self.assertTrue(self.env["ukkr.building"].sudo(user).search([]).read(["name"]))
            owner = self.account("9800000001")
            with self.assertRaises(AccessError):
                owner.sudo(user).read(["partner_id", "apartment"])
            with self.assertRaises(AccessError):
                self.env["ukkr.payment"].sudo(user).search([]).read(["amount"])
        # the building notice prints for the administration, without reading the accounts themselves
        building = self.account("9800000001").building_id
        html = self.env.ref("ukkr_reports.report_building_debt_notice").sudo(self.executor).render_qweb_html(
            building.ids)[0]
        self.assertIn("ул. Южная", html.decode())
        with self.assertRaises(AccessError):
            self.env.ref("ukkr_reports.report_building_debt_notice").sudo(self.outsider).render_qweb_html(
                building.ids)
