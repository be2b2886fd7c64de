"""Enforcement (229-ФЗ) on worked examples derived by hand with the production calendar of the module's data.

Voluntary period: 5 working days from the day after the receipt (ст.30 ч.12, ст.15 ч.2–3). Travel ban: 30 000 or
more after it; over 10 000 after 2 more months (ст.67). Writ: 3 years from issue, interrupted by presentation, anew
from the return or a partial payment (ст.21, 22). Re-presentation after return as uncollectable: after 6 months
(ст.46 ч.5). Fee: 7 %, at least 1 000 (citizen, sole trader) or 10 000 (organisation) (ст.112).
"""
from datetime import date

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from ..models import enforcement_calc


class TestEnforcement(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    def test_routes(self):
        self.assertTrue(self.rules.enforcement_route_allowed(100000, "employer", "2026-06-01"))
        self.assertTrue(self.rules.enforcement_route_allowed(5000000, "bank", "2026-06-01"))
        self.assertTrue(self.rules.enforcement_route_allowed(5000000, "bailiff", "2026-06-01"))
        self.assertEqual(self.rules.enforcement_route_check(100000.01, "employer", "2026-06-01")[0], False)
        with self.assertRaises(UserError) as caught:
            self.rules.with_context(lang="ru_RU").enforcement_route_allowed(150000, "pension", "2026-06-01")
        self.assertIn("100\u00a0000,00", caught.exception.name)
        self.assertIn("ст.9", caught.exception.name)
        for args in ((1000, "courier"), (0, "bank"), ("x", "bank")):
            with self.assertRaises(UserError):
                self.rules.enforcement_route_allowed(*args)
        with self.assertRaises(UserError):   # no parameters recorded before 01.10.2017
            self.rules.enforcement_route_allowed(1000, "bank", "2017-09-30")

    def test_voluntary_period(self):
        # received Fri 05.06.2026: Mon 08 (1), Tue 09 (2), Wed 10 (3), Thu 11 (4), Fri 12.06 Russia Day,
        # Mon 15.06.2026 (5)
        self.assertEqual(self.rules.voluntary_period_end("2026-06-05"), date(2026, 6, 15))
        # received Wed 04.03.2026: Thu 05 (1), Fri 06 (2), Mon 09.03 holiday (8 March moved), Tue 10 (3),
        # Wed 11 (4), Thu 12.03.2026 (5)
        self.assertEqual(self.rules.voluntary_period_end("2026-03-04"), date(2026, 3, 12))
        # received Mon 16.11.2026: Tue 17 … Fri 20 (4), Mon 23.11.2026 (5)
        self.assertEqual(self.rules.voluntary_period_end("2026-11-16"), date(2026, 11, 23))
        self.assertEqual(enforcement_calc.voluntary_end(date(2026, 11, 16), 5, lambda d: d.weekday() >= 5),
                         date(2026, 11, 23))

    def test_travel_ban(self):
        end = "2026-06-15"
        self.assertEqual(self.rules.travel_ban_eligible(30000, end, "2026-06-16")[0], True)     # 30 000 or more
        self.assertEqual(self.rules.travel_ban_eligible(30000, end, "2026-06-15")[0], False)    # voluntary period
        self.assertEqual(self.rules.travel_ban_eligible(29999.99, end, "2026-06-16")[0], False)
        # over 10 000 once 2 months have passed since 15.06.2026, i.e. from 16.08.2026
        self.assertEqual(self.rules.travel_ban_eligible(15000, end, "2026-08-15")[0], False)
        self.assertEqual(self.rules.travel_ban_eligible(15000, end, "2026-08-16")[0], True)
        self.assertEqual(self.rules.travel_ban_eligible(10000, end, "2026-09-01")[0], False)   # not over 10 000
        self.assertEqual(self.rules.travel_ban_eligible(10000.01, end, "2026-09-01")[0], True)
        eligible, reason = self.rules.with_context(lang="ru_RU").travel_ban_eligible(30000, end, "2026-06-15")
        self.assertIn("15.06.2026", reason)
        self.assertEqual(enforcement_calc.travel_ban_eligible(30000, date(2026, 6, 15), date(2026, 6, 16), 30000),
                         (True, "threshold"))
        for args in ((-1, end, "2026-07-01"), (30000, None, "2026-07-01"), (30000, "2026-13-01", "2026-07-01")):
            with self.assertRaises(UserError):
                self.rules.travel_ban_eligible(*args)

    def test_writ_presentation(self):
        deadline = self.rules.writ_presentation_deadline
        self.assertEqual(deadline("2026-03-16"), date(2029, 3, 16))          # court order issued 16.03.2026
        self.assertEqual(deadline("2024-02-29"), date(2027, 2, 28))          # ГК 192 п.3
        self.assertIs(deadline("2026-03-16", [("presented", "2026-05-01")]), False)   # at the bailiffs
        # returned 20.01.2027 → new 3 years from the return
        self.assertEqual(deadline("2026-03-16", [("presented", "2026-05-01"), ("returned", "2027-01-20")]),
                         date(2030, 1, 20))
        self.assertEqual(deadline("2026-03-16", [("presented", "2026-05-01"), ("returned", "2027-01-20"),
                                                 ("presented", "2027-08-01"), ("returned", "2028-02-10")]),
                         date(2031, 2, 10))
        # a partial payment by the debtor before presentation restarts the period: 30.06.2027 → 30.06.2030
        self.assertEqual(deadline("2026-03-16", [("partial_payment", "2027-06-30")]), date(2030, 6, 30))
        # presented on the last day is in time; the day after is late
        self.assertIs(deadline("2020-01-15", [("presented", "2023-01-15")]), False)
        for events in ([("presented", "2023-01-16")], [("returned", "2021-01-01")],
                       [("presented", "2021-01-01"), ("presented", "2021-02-01")], [("presented", "2020-01-14")],
                       [("seized", "2021-01-01")]):
            with self.assertRaises(UserError, msg=str(events)):
                deadline("2020-01-15", events)

    def test_representation(self):
        # returned 16.03.2026: 6 months run to 16.09.2026 → again from 17.09.2026
        self.assertEqual(self.rules.representation_earliest("2026-03-16"), date(2026, 9, 17))
        # 31.08.2026 + 6 months = 28.02.2027 (no 31 February) → 01.03.2027; leap: 31.08.2027 → 29.02.2028 → 01.03
        self.assertEqual(self.rules.representation_earliest("2026-08-31"), date(2027, 3, 1))
        self.assertEqual(self.rules.representation_earliest("2027-08-31"), date(2028, 3, 1))
        self.assertEqual(self.rules.representation_earliest("2026-03-16", new_assets=True), date(2026, 3, 16))

    def test_fee(self):
        fee = self.rules.enforcement_fee
        self.assertEqual(fee(50000, "individual", "2026-06-01"), 3500.0)      # 7 % × 50 000
        self.assertEqual(fee(10000, "individual", "2026-06-01"), 1000.0)      # 700 → minimum 1 000
        self.assertEqual(fee(14285.71, "individual", "2026-06-01"), 1000.0)   # 999,9997 → minimum 1 000
        self.assertEqual(fee(14285.72, "individual", "2026-06-01"), 1000.0)   # 1 000,0004 → 1 000,00
        self.assertEqual(fee(123456.78, "individual", "2026-06-01"), 8641.97)  # 8 641,9746
        self.assertEqual(fee(10000, "sole_trader", "2026-06-01"), 1000.0)
        self.assertEqual(fee(50000, "legal", "2026-06-01"), 10000.0)          # 3 500 → organisation minimum 10 000
        self.assertEqual(fee(200000, "budget", "2026-06-01"), 14000.0)
        for args in ((0, "individual"), (1000, "alien")):
            with self.assertRaises(UserError):
                fee(*args)
