"""The monthly report's «Суд» sheet: court filings of the month from the court cases (payer's name only for
municipal housing). Account «2» of the agreements' test district owes 2026-06…08, 12 000 RUB: a court order filed on
26.11.2026 at the magistrate, duty 2 000 RUB (50 % of 4 000)."""
import io

import openpyxl

from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
from odoo.addons.ukkr_reports.models import xlsx_writer
from odoo.addons.ukkr_debt_plan.tests.common import today_is


class TestCourtSheet(AgreementCase):

    def test_filings_of_the_month(self):
        self.open_case("2")
        with today_is("2026-11-26"):
            case = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-11-26"})
            case.action_load_tranches()
            case._file("2026-11-26")
        rows = self.env["ukkr.monthly.report"]._court_rows("2026-11-01", "2026-11-30")
        self.assertEqual([(r["account"], r["date"], r["amount"], r["duty"]) for r in rows],
                         [(self.account["2"].name, "2026-11-26", case.claim_amount, 2000.0)])
        self.assertRegex(rows[0]["kind"], "(?i)court order|судебный приказ")
        self.assertEqual(bool(rows[0]["debtor"]), bool(self.account["2"].is_municipal))
        self.assertFalse(self.env["ukkr.monthly.report"]._court_rows("2026-10-01", "2026-10-31"))

    def test_the_sheet_of_a_month_with_a_filing(self):
        """The «Суд» sheet of a real filing (dates as Odoo gives them, 'YYYY-MM-DD' strings) is written: the
        monthly report sent after the close failed on it (found by the director's browser path, issue 17)."""
        self.open_case("2")
        with today_is("2026-11-26"):
            case = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-11-26"})
            case.action_load_tranches()
            case._file("2026-11-26")   # what «Подано в суд» runs once its dialog is confirmed
        report = self.env["ukkr.monthly.report"]
        content = xlsx_writer.render(lambda workbook: report._write_court_sheet(
            xlsx_writer.Book(workbook), report._court_rows("2026-11-01", "2026-11-30"), ["Ноябрь 2026"]))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
        self.assertIn(self.account["2"].name, values)
