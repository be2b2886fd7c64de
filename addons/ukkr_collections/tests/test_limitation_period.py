"""Limitation period of a monthly charge with court and debtor events (ГК 196, 200, 203, 204, 206) — worked examples.

Expiry = the last day on which the claim is not time-barred. No events: 3 years from the day after the due date.
Filing on X stops the clock and keeps R = expiry − X + 1 days; a cancellation (or dismissal) on Y lets them run
from Y + 1 → expiry Y + R, but not earlier than Y + 6 months. An acknowledgement on Z restarts: Z + 3 years.
"""
from datetime import date

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from ..models import limitation_period_calc as calc
from ..models.rule_errors import RuleInputError


class TestLimitationPeriod(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    def expiry(self, due, *events):
        return self.rules.limitation_expiry_with_events(due, list(events))

    def test_no_events_same_as_limitation_expiry(self):
        for due, expected in (("2020-02-10", date(2023, 2, 11)), ("2023-02-27", date(2026, 2, 28)),
                              ("2023-02-28", date(2026, 3, 1)),
                              ("2024-02-28", date(2027, 2, 28)),    # starts 29.02.2024 → 28.02.2027 (ГК 192 п.3)
                              ("2024-02-29", date(2027, 3, 1))):
            self.assertEqual(self.rules.limitation_expiry(due), expected)
            self.assertEqual(self.expiry(due), expected)
            self.assertEqual(self.rules.limitation_expiry_with_events(due), expected)

    def test_cancelled_court_order_long_remainder(self):
        # due 10.03.2021 → expiry 11.03.2024. Court order filed 01.06.2022, cancelled 15.07.2022: the clock stood
        # 01.06–15.07.2022 = 45 days → 11.03.2024 + 45 days = 25.04.2024 (more than 6 months from 15.07.2022).
        # Same by remainder: R = 11.03.2024 − 01.06.2022 + 1 = 650 days; 15.07.2022 + 650 = 25.04.2024.
        self.assertEqual(self.expiry("2021-03-10", ("filed", "2022-06-01"), ("cancelled", "2022-07-15")),
                         date(2024, 4, 25))
        # the order of the list does not matter; a dismissed claim counts the same way (ГК 204 п.2–3)
        self.assertEqual(self.expiry("2021-03-10", ("cancelled", "2022-07-15"), ("filed", "2022-06-01")),
                         date(2024, 4, 25))
        self.assertEqual(self.expiry("2021-03-10", ("filed", "2022-06-01"), ("dismissed", "2022-07-15")),
                         date(2024, 4, 25))
        # dismissed for the claimant's own failures: the filing did not stop the clock at all
        self.assertEqual(self.expiry("2021-03-10", ("filed", "2022-06-01"),
                                     ("dismissed_claimant_fault", "2022-07-15")), date(2024, 3, 11))
        # filed and cancelled the same day: that one day did not run → 12.03.2024
        self.assertEqual(self.expiry("2021-03-10", ("cancelled", "2022-06-01"), ("filed", "2022-06-01")),
                         date(2024, 3, 12))

    def test_cancelled_court_order_six_months(self):
        # due 10.01.2020 → expiry 11.01.2023. Filed 01.12.2022: R = 11.01.2023 − 01.12.2022 + 1 = 42 days.
        # Cancelled 20.02.2023: 20.02.2023 + 42 = 03.04.2023, less than 6 months → 20.08.2023 (ГК 204 п.3).
        self.assertEqual(self.expiry("2020-01-10", ("filed", "2022-12-01"), ("cancelled", "2023-02-20")),
                         date(2023, 8, 20))
        # filed again 01.06.2023: R = 20.08.2023 − 01.06.2023 + 1 = 81; dismissed 10.09.2023: + 81 = 30.11.2023,
        # still under 6 months → 10.03.2024
        self.assertEqual(self.expiry("2020-01-10", ("filed", "2022-12-01"), ("cancelled", "2023-02-20"),
                                     ("filed", "2023-06-01"), ("dismissed", "2023-09-10")), date(2024, 3, 10))
        # 6 months to a shorter month: cancelled 31.08.2023 → 29.02.2024 (the last day of February, ГК 192 п.3)
        self.assertEqual(self.expiry("2020-01-10", ("filed", "2022-12-01"), ("cancelled", "2023-08-31")),
                         date(2024, 2, 29))

    def test_pending_and_late_filing(self):
        # a pending filing (or a decision, writ): the clock stands → no expiry
        self.assertIs(self.expiry("2020-01-10", ("filed", "2022-12-01")), False)
        self.assertIsNone(calc.expiry_with_events(date(2020, 1, 10), [("filed", date(2022, 12, 1))]))
        # due 10.01.2019 → expiry 11.01.2022; a filing on 01.03.2022 comes too late and changes nothing
        self.assertEqual(self.expiry("2019-01-10", ("filed", "2022-03-01"), ("cancelled", "2022-04-01")),
                         date(2022, 1, 11))

    def test_acknowledgement(self):
        # due 10.05.2020 → 11.05.2023; acknowledged (installment agreement) 15.09.2022 → 15.09.2025 (ГК 203)
        self.assertEqual(self.expiry("2020-05-10", ("acknowledged", "2022-09-15")), date(2025, 9, 15))
        # after the expiry (11.05.2022), acknowledged in writing 01.03.2023 → 01.03.2026 (ГК 206 п.2)
        self.assertEqual(self.expiry("2019-05-10", ("acknowledged", "2023-03-01")), date(2026, 3, 1))
        # acknowledged on 29.02.2024 → 28.02.2027
        self.assertEqual(self.expiry("2021-05-10", ("acknowledged", "2024-02-29")), date(2027, 2, 28))
        # acknowledged while a filing is pending: the new 3 years (20.06.2022 → 20.06.2025 = 1 096 days) wait for
        # the cancellation on 15.07.2022 → 15.07.2022 + 1 096 = 15.07.2025
        self.assertEqual(self.expiry("2021-03-10", ("filed", "2022-06-01"), ("acknowledged", "2022-06-20"),
                                     ("cancelled", "2022-07-15")), date(2025, 7, 15))

    def test_bad_events(self):
        for events in ([("appealed", "2022-06-01")], [("cancelled", "2022-06-01")],
                       [("filed", "2022-06-01"), ("filed", "2022-07-01")],
                       [("filed", "2021-03-10")],                       # on the due date itself
                       [("filed", "2021-02-30")], [("filed", None)], ["filed"]):
            with self.assertRaises(UserError, msg=str(events)):
                self.rules.limitation_expiry_with_events("2021-03-10", events)
        with self.assertRaises(RuleInputError):
            calc.expiry_with_events(date(2021, 3, 10), [("filed", date(2022, 6, 1)), ("filed", date(2022, 7, 1))])
        with self.assertRaises(UserError) as caught:
            self.rules.with_context(lang="ru_RU").limitation_expiry_with_events(
                "2021-03-10", [("filed", "2022-06-01"), ("filed", "2022-07-01")])
        self.assertIn("01.06.2022", caught.exception.name)
