"""The month-close wizard proposes the month to close next and offers the ended months to pick (issue 17)."""
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..wizards.ukkr_monthly_close_wizard import next_period_to_close


class TestMonthCloseWizard(TransactionCase):

    def test_next_period_to_close(self):
        self.assertEqual(next_period_to_close("2026-10", {"2026-08", "2026-09"}), "2026-10")
        self.assertEqual(next_period_to_close("2026-10", {"2026-10"}), "2026-10")
        self.assertEqual(next_period_to_close("2026-10", set()), "2026-10")
        self.assertEqual(next_period_to_close("2026-10", {"2026-06"}), "2026-07")
        self.assertEqual(next_period_to_close("2027-01", {"2026-12"}), "2027-01")

    def test_the_picker_and_the_proposal(self):
        self.env.cr.execute("DELETE FROM ukkr_debt_snapshot; DELETE FROM ukkr_monthly_close")
        Close = self.env["ukkr.monthly.close"]
        Close.create({"period": "2026-08", "state": "closed"})
        Close.create({"period": "2026-09", "state": "reopened"})
        Wizard = self.env["ukkr.monthly.close.wizard"].with_context(lang="ru_RU")
        with today_is("2026-11-26"):
            self.assertEqual(Wizard.default_get(["period"])["period"], "2026-09", "the reopened month comes next")
            options = dict(Wizard._period_selection())
            self.assertEqual(list(options)[:3], ["2026-10", "2026-09", "2026-08"], "ended months, newest first")
            self.assertNotIn("2026-11", options, "a month not ended yet is not offered")
            self.assertEqual(options["2026-10"], "Октябрь 2026")
            self.assertEqual(options["2026-08"], "Август 2026 (закрыт)")
