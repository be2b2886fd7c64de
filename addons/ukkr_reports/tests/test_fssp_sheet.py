"""The monthly report's «ФССП» sheet: writs presented to the bailiffs in the month (enforcement proceedings), with
the payer's name for municipal housing only; writs sent to an employer are not on it."""
from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
from odoo.addons.ukkr_debt_plan.tests.common import today_is


class TestFsspSheet(AgreementCase):

    def writ(self, **values):
        values = dict({"account_id": self.account["2"].id, "writ_kind": "court_order", "writ_number": "2-500/2026",
                       "writ_date": "2026-05-20", "court_name": "Мировой судья судебного участка № 161",
                       "writ_amount": 35000, "route": "bailiff",
                       "fssp_department": "ОСП по Северо-Енисейскому району"}, **values)
        with today_is("2026-11-26"):
            return self.env["ukkr.enforcement.proceeding"].sudo(self.lawyer).create(values)

    def test_rows_of_the_month(self):
        employer = self.env["res.partner"].create({"name": "ООО «Работодатель»", "is_company": True})
        to_bailiff = self.writ()
        to_employer = self.writ(route="employer", recipient_id=employer.id, writ_number="2-502/2026")
        with today_is("2026-11-26"):
            to_bailiff.sudo(self.lawyer)._present("2026-11-10")
            to_employer.sudo(self.lawyer)._present("2026-11-11")
        sheet = self.env["ukkr.monthly.report"]._fssp_rows("2026-11-01", "2026-11-30")
        self.assertEqual([(r["account"], r["department"], r["amount"]) for r in sheet],
                         [(self.account["2"].name, "ОСП по Северо-Енисейскому району", 35000.0)])
        self.assertIn("2-500/2026 от 20.05.2026", sheet[0]["document"])
        self.assertEqual(bool(sheet[0]["debtor"]), bool(self.account["2"].is_municipal))
        self.assertFalse(self.env["ukkr.monthly.report"]._fssp_rows("2026-10-01", "2026-10-31"))
