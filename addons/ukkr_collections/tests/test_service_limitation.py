"""Limitation and suspension of services for debt (ПП № 354, раздел XI) on worked examples.

A term of N days from an event begins the next day (ГК 191): warning delivered on D → the debtor pays up to D + 20,
limitation from D + 21; limited on L → suspension when unpaid after L + 10, i.e. from L + 11; paid on P → service
restored by P + 2. Threshold: debt GREATER than 2 × the monthly charge at the norm.
"""
from datetime import date

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from ..models import limitation_calc
from ..models.rule_errors import RuleInputError

PARAMS = limitation_calc.Params(2.0, 20, 10, 2)
HEATING = {"never_suspended": True, "never_suspended_apartment_building": False}
COLD_WATER = {"never_suspended": False, "never_suspended_apartment_building": True}
ELECTRICITY = {"never_suspended": False, "never_suspended_apartment_building": False}


class TestServiceLimitation(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    def test_eligibility_pure(self):
        # monthly charge at the norm 1 500 → threshold 2 × 1 500 = 3 000, strictly greater
        self.assertEqual(limitation_calc.is_eligible(3000.01, 1500, 2, False, ELECTRICITY, True), (True, "eligible"))
        self.assertEqual(limitation_calc.is_eligible(3000.00, 1500, 2, False, ELECTRICITY, True),
                         (False, "below_threshold"))
        self.assertEqual(limitation_calc.is_eligible(90000, 1500, 2, False, HEATING, False),
                         (False, "never_suspended"))
        self.assertEqual(limitation_calc.is_eligible(90000, 1500, 2, False, COLD_WATER, True),
                         (False, "never_suspended_apartment_building"))
        self.assertEqual(limitation_calc.is_eligible(90000, 1500, 2, False, COLD_WATER, False), (True, "eligible"))
        self.assertEqual(limitation_calc.is_eligible(90000, 1500, 2, True, ELECTRICITY, False), (False, "agreement"))
        for args in ((-1, 1500), (100, 0), (100, None)):
            with self.assertRaises(RuleInputError):
                limitation_calc.is_eligible(args[0], args[1], 2, False, ELECTRICITY, False)

    def test_eligibility_api(self):
        self.assertTrue(self.env.ref("ukkr_collections.service_heating").never_suspended)
        self.assertTrue(self.env.ref("ukkr_collections.service_cold_water").never_suspended_apartment_building)
        eligible, reason = self.rules.with_context(lang="ru_RU").service_limitation_eligible(
            3000.01, 1500, "hot_water", True, on_date="2026-06-01")
        self.assertTrue(eligible)
        self.assertIn("3\u00a0000,01", reason)
        self.assertIn("3\u00a0000,00", reason)
        self.assertIn("превышает", reason)
        self.assertEqual(self.rules.service_limitation_eligible(3000, 1500, "hot_water", True, on_date="2026-06-01")[0],
                         False)
        cold_water = self.env.ref("ukkr_collections.service_cold_water")
        self.assertFalse(self.rules.service_limitation_eligible(9000, 1500, cold_water, True)[0])
        self.assertTrue(self.rules.service_limitation_eligible(9000, 1500, cold_water.id, False)[0])
        self.assertFalse(self.rules.service_limitation_eligible(9000, 1500, "heating", False)[0])
        self.assertFalse(self.rules.service_limitation_eligible(9000, 1500, "electricity", False, True)[0])
        # the threshold is data: 3 monthly charges → 4 000 is no longer enough for a 1 500 charge
        self.env.ref("ukkr_collections.service_limitation_2017").multiplier = 3
        self.assertFalse(self.rules.service_limitation_eligible(4000, 1500, "electricity", False)[0])
        for args in ((9000, 1500, "gas", False), (-1, 1500, "electricity", False), (9000, 0, "electricity", False),
                     ("x", 1500, "electricity", False)):
            with self.assertRaises(UserError, msg=str(args)):
                self.rules.service_limitation_eligible(*args)
        with self.assertRaises(UserError):           # no terms recorded before 2017
            self.rules.service_limitation_eligible(9000, 1500, "electricity", False, on_date="2016-12-31")

    def test_dates(self):
        cases = [
            # delivered,    pay until,        limitation,        pay until (limited), suspension
            (date(2026, 3, 2), date(2026, 3, 22), date(2026, 3, 23), date(2026, 4, 2), date(2026, 4, 3)),
            # month end: 31.01 + 20 = 20.02; 21.02 + 10 = 03.03 (February 2026 has 28 days)
            (date(2026, 1, 31), date(2026, 2, 20), date(2026, 2, 21), date(2026, 3, 3), date(2026, 3, 4)),
            # leap year: 08.02.2028 + 20 = 28.02 → limitation on 29.02.2028; 29.02 + 10 = 10.03
            (date(2028, 2, 8), date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 10), date(2028, 3, 11)),
            (date(2028, 2, 9), date(2028, 2, 29), date(2028, 3, 1), date(2028, 3, 11), date(2028, 3, 12)),
            # year end; holidays do not move these dates (the steps are «not earlier than»)
            (date(2026, 12, 15), date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 15), date(2027, 1, 16)),
        ]
        for delivered, pay_until, limitation, suspension_pay_until, suspension in cases:
            expected = {"pay_until": pay_until, "limitation": limitation,
                        "suspension_pay_until": suspension_pay_until, "suspension": suspension}
            self.assertEqual(limitation_calc.limitation_dates(delivered, PARAMS), expected)
            self.assertEqual(self.rules.service_limitation_dates(delivered.isoformat()), expected)
        with self.assertRaises(UserError):
            self.rules.service_limitation_dates(False)
        with self.assertRaises(UserError):
            self.rules.service_limitation_dates("2026-02-30")

    def test_restoration(self):
        for paid, due in (("2026-02-27", date(2026, 3, 1)), ("2028-02-27", date(2028, 2, 29)),
                          ("2028-02-28", date(2028, 3, 1)), ("2026-12-31", date(2027, 1, 2))):
            self.assertEqual(self.rules.service_restoration_due(paid), due)
            self.assertEqual(limitation_calc.restoration_due(date(*map(int, paid.split("-"))), 2), due)
        with self.assertRaises(UserError):
            self.rules.service_restoration_due(None)

    def test_disconnect_cost_cap(self):
        self.assertEqual(self.rules.disconnect_cost_cap("electricity", "2025-12-27"), 5000)
        self.assertFalse(self.rules.disconnect_cost_cap("electricity", "2025-12-26"))
        self.assertFalse(self.rules.disconnect_cost_cap("hot_water", "2026-06-01"))
