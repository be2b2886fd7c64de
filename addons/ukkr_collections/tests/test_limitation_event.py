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


class TestOneTrancheClock(AgreementCase):
    """The account form, the tranche view (pivot, lists) and the «sue before it expires» queue give the same
    limitation expiry for every tranche (issue 19): before, the view ignored the events, so a debt acknowledged in
    2026 looked time-barred and dropped out of the court queue.

    Hand-derived (due dates: 2023-09 → 10.10.2023; 2026-06 → 15.07.2026, 2026-07 → 17.08.2026, 2026-08 →
    15.09.2026):
    - account «3» 2023-09 acknowledged 01.10.2026 (installment agreement) → 01.10.2029;
    - account «1» 2023-09, no event → 11.10.2026 (time-barred on 26.11.2026);
    - account «2» 2026-06 filed 01.10.2026, pending → no expiry while in court;
    - account «2» 2026-07 filed 01.09.2026, order cancelled 15.10.2026 → the period resumes after the cancellation
      and is extended to six months if less remained (ГК 204 п.1, 3) — whatever the rules give, all three agree;
    - account «2» 2026-08 filed 01.10.2026, left without consideration 20.10.2026 (ГК 204 п.2).
    """

    def test_form_view_and_queue_agree(self):
        Event = self.env["ukkr.limitation.event"]
        agreement = self.draft(suffix="3", term_months=5, first_payment_date="2026-11-01")
        with today_is("2026-10-01"):
            agreement.action_fill_tranches()
            agreement.action_generate_schedule()
            agreement.action_activate()
        for period, events in (("2026-06", [("filed", "2026-10-01")]),
                               ("2026-07", [("filed", "2026-09-01"), ("cancelled", "2026-10-15")]),
                               ("2026-08", [("filed", "2026-10-01"), ("dismissed", "2026-10-20")])):
            for kind, day in events:
                Event.create({"account_id": self.account["2"].id, "period": period, "kind": kind, "date": day})
        today = date(2026, 11, 26)
        expected = {("3", "2023-09"): date(2029, 10, 1), ("1", "2023-09"): date(2026, 10, 11),
                    ("2", "2026-06"): None}
        for suffix in ("1", "2", "3"):
            account = self.account[suffix]
            form = {t["period"]: t["limitation_expiry"] for t in account.debt_tranches(today)}
            view = {t.period: t.limitation_expiry and date(*map(int, t.limitation_expiry.split("-")))
                    for t in self.env["ukkr.debt.tranche"].search([("account_id", "=", account.id)])}
            self.assertEqual({p: e or None for p, e in view.items()}, form, "account %s" % account.name)
            for (wanted_suffix, period), expiry in expected.items():
                if wanted_suffix == suffix:
                    self.assertEqual(form[period], expiry, (suffix, period))
        # the queue: the acknowledged debt stays in it, the time-barred one does not
        acknowledged, barred = self.open_case("3"), self.open_case("1")
        with today_is("2026-11-26"):
            queued = {case_id: expiry for case_id, expiry, _debt in self.env["ukkr.court.case"].court_queue()}
        self.assertEqual(queued.get(acknowledged.id), date(2029, 10, 1))
        self.assertNotIn(barred.id, queued)
        # the clock follows an event removed (the agreement cancelled by the manager): back to 11.10.2026
        agreement.sudo(self.manager).action_cancel()
        tranche = self.env["ukkr.debt.tranche"].search([("account_id", "=", self.account["3"].id)])
        self.assertEqual(tranche.limitation_expiry, "2026-10-11")
