"""Acknowledgement of the debt (ГК 203) restarts the limitation period of the covered tranches.

Hand-derived: period 2023-09 is due 10.10.2023 (10th of the next month, a Tuesday); its 3 years run from the day
after → expire 11.10.2026. An installment agreement covering it signed on 01.10.2026 acknowledges it: the period
runs anew and ends on the corresponding day three years later, 01.10.2029 (ГК 192 п.3). On 26.11.2026 the tranche
is 1 143 days overdue (10.10.2023 → 26.11.2026) → bucket «1–3 years» instead of «time-barred».
Account 9900000001 has the same tranche without an agreement (the control).
"""
from datetime import date

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestLimitationEvents(AgreementCase):

    def test_rule_applied_to_events(self):
        """The tranche uses ``ukkr.rules.limitation_expiry_with_events`` (ГК 203: the period restarts on the
        acknowledgement and ends 3 years later, the latest acknowledgement counts; ГК 204 in test_limitation_period)."""
        rules = self.env["ukkr.rules"]
        due = date(2023, 10, 10)
        normal = rules.limitation_expiry(due)
        self.assertEqual(normal, date(2026, 10, 11))
        self.assertEqual(rules.limitation_expiry_with_events(due, []), normal)
        self.assertEqual(rules.limitation_expiry_with_events(due, [("acknowledged", date(2026, 10, 1))]),
                         date(2029, 10, 1))
        self.assertEqual(rules.limitation_expiry_with_events(due, [("acknowledged", date(2024, 1, 15)),
                                                                   ("acknowledged", date(2025, 3, 3))]),
                         date(2028, 3, 3))

    def signed_on_old_tranche(self):
        agreement = self.draft(suffix="3", term_months=5, first_payment_date="2026-11-01")
        with today_is("2026-10-01"):
            agreement.action_fill_tranches()
            agreement.action_generate_schedule()
            agreement.action_activate()
        self.assertEqual([(t.period, t.amount) for t in agreement.tranche_ids], [("2023-09", 5000.0)])
        return agreement

    def test_acknowledgement_restarts_the_tranche(self):
        acknowledged, control = self.account["3"], self.account["1"]
        before = acknowledged.debt_tranches(date(2026, 11, 26))[0]
        self.assertEqual((before["due_date"], before["limitation_expiry"], before["bucket"]),
                         (date(2023, 10, 10), date(2026, 10, 11), "barred"))
        self.signed_on_old_tranche()
        after = acknowledged.debt_tranches(date(2026, 11, 26))[0]
        self.assertEqual((after["period"], after["limitation_expiry"], after["days_overdue"], after["bucket"]),
                         ("2023-09", date(2029, 10, 1), 1143, "12_36"))
        self.assertEqual(control.debt_tranches(date(2026, 11, 26))[0]["limitation_expiry"], date(2026, 10, 11))
        # evaluated before the signing date, the event has not happened yet
        self.assertEqual(acknowledged.debt_tranches(date(2026, 9, 30))[0]["limitation_expiry"],
                         date(2026, 10, 11))
        # the account form shows the new expiry
        with today_is("2026-11-26"):
            acknowledged.invalidate_cache()
            self.assertIn("01.10.2029", acknowledged.tranche_html)

    def test_monthly_close_buckets(self):
        """Close of 2026-10 (as of 31.10.2026): the control's 5 000 is time-barred, the acknowledged 5 000 is in
        «1–3 years»; 9900000002's 12 000 is 1–3 months (2026-08, due 15.09 → 46 days) or 3–6 months."""
        self.signed_on_old_tranche()
        with today_is("2026-11-26"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-10")
        snapshot = {s.account_id.name[-1]: s for s in self.env["ukkr.debt.snapshot"].search(
            [("period", "=", "2026-10"), ("account_id", "in", [a.id for a in self.account.values()])])}
        self.assertEqual((snapshot["3"].debt_barred, snapshot["3"].debt_12_36), (0.0, 5000.0))
        self.assertEqual((snapshot["1"].debt_barred, snapshot["1"].debt_12_36), (5000.0, 0.0))

    def test_one_query_for_all_accounts(self):
        self.signed_on_old_tranche()
        events = self.env["ukkr.limitation.event"]._events_by_tranche(None, "2026-12-31")
        self.assertEqual(events[(self.account["3"].id, "2023-09")], [("acknowledged", date(2026, 10, 1))])
        self.assertFalse(self.env["ukkr.limitation.event"]._events_by_tranche(None, "2026-09-30"))
