"""The monthly report's «Суд» sheet: court filings of the month from the court cases (payer's name only for
municipal housing). Account «2» of the agreements' test district owes 2026-06…08, 12 000 RUB: a court order filed on
26.11.2026 at the magistrate, duty 2 000 RUB (50 % of 4 000)."""
from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
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
