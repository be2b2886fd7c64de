"""Payment allocation on hand-made ledgers (pure function)."""
import unittest
from datetime import date

from ..models.allocation import allocate, split_proportionally

# period → last day before its debt is time-barred (as the rules would give)
EXPIRY = {"2019-01": date(2022, 2, 12), "2026-07": date(2029, 8, 11), "2026-08": date(2029, 9, 11)}
LINES = [(1, "2026-07", 1000.0), (2, "2026-07", 500.0), (3, "2026-08", 1000.0)]  # heating, cold water; heating


class TestAllocation(unittest.TestCase):

    def run_allocation(self, payments, lines=LINES):
        return allocate(lines, payments, EXPIRY.get)

    def test_no_period_goes_to_the_oldest_in_proportion(self):
        # 900 over July's 1000 + 500 in proportion 2:1 → 600 + 300
        allocations, paid = self.run_allocation([(10, date(2026, 9, 5), 900.0, None)])
        self.assertEqual(paid, {1: 600.0, 2: 300.0})
        self.assertEqual(allocations, [(10, 1, 600.0), (10, 2, 300.0)])

    def test_named_period_first_then_the_oldest(self):
        _allocs, paid = self.run_allocation([(10, date(2026, 9, 5), 1000.0, "2026-08")])
        self.assertEqual(paid, {3: 1000.0})
        # 2 000 named August: 1 000 there, the other 1 000 to July 2:1 — 666.67 + 333.33 to the kopeck
        _allocs, paid = self.run_allocation([(10, date(2026, 9, 5), 2000.0, "2026-08")])
        self.assertEqual(paid, {3: 1000.0, 1: 666.67, 2: 333.33})

    def test_time_barred_periods_are_skipped_unless_named(self):
        lines = LINES + [(4, "2019-01", 700.0)]
        _allocs, paid = self.run_allocation([(10, date(2026, 9, 5), 300.0, None)], lines)
        self.assertNotIn(4, paid)
        self.assertEqual(paid, {1: 200.0, 2: 100.0})
        _allocs, paid = self.run_allocation([(10, date(2026, 9, 5), 300.0, "2019-01")], lines)
        self.assertEqual(paid, {4: 300.0})
        # a payment made before the expiry may still go to the old period
        _allocs, paid = self.run_allocation([(10, date(2021, 3, 1), 300.0, None)], lines)
        self.assertEqual(paid, {4: 300.0})

    def test_order_of_payments_and_overpayment(self):
        payments = [(11, date(2026, 10, 1), 2000.0, None), (10, date(2026, 9, 1), 400.0, None)]
        allocations, paid = self.run_allocation(payments)
        # the earlier payment first: 400 to July (266.67 + 133.33); then 2 000: July's rest 1 100, August 900
        self.assertEqual(paid, {1: 1000.0, 2: 500.0, 3: 900.0})
        self.assertEqual(round(sum(a for p, _l, a in allocations if p == 10), 2), 400.0)
        # 3 000 against 2 500 of debt: 500 stays on the payment as an advance
        allocations, paid = self.run_allocation([(12, date(2026, 9, 1), 3000.0, None)])
        self.assertEqual(round(sum(a for _p, _l, a in allocations), 2), 2500.0)

    def test_split_is_exact_to_the_kopeck(self):
        shares = split_proportionally(100, {"a": 1000, "b": 1000, "c": 1000})
        self.assertEqual(sum(shares.values()), 100)
        self.assertEqual(sorted(shares.values()), [33, 33, 34])
        self.assertEqual(split_proportionally(500, {"a": 100, "b": 50}), {"a": 100, "b": 50})  # capped
        self.assertEqual(split_proportionally(0, {"a": 100}), {})
