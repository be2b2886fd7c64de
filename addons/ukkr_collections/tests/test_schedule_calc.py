"""Installment schedules as pure functions (examples worked out by hand in the comments)."""
import unittest
from datetime import date

from ..models.schedule_calc import equal_schedule, months_span, schedule_status


class TestScheduleCalc(unittest.TestCase):

    def test_equal_schedule_kopecks_to_the_last(self):
        # 10 000,00 / 3 = 3 333,333… → 3 333,33 twice, 10 000 − 6 666,66 = 3 333,34 last
        self.assertEqual(equal_schedule(10000, 3, date(2026, 10, 15)),
                         [(date(2026, 10, 15), 3333.33), (date(2026, 11, 15), 3333.33),
                          (date(2026, 12, 15), 3333.34)])
        # 100,00 / 7 = 14,285… → 14,28 × 6 = 85,68, last 14,32; from 31 January: 28/29 February, 31 March…
        schedule = equal_schedule(100, 7, date(2027, 1, 31))
        self.assertEqual([a for _d, a in schedule], [14.28] * 6 + [14.32])
        self.assertEqual([d for d, _a in schedule][:3], [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)])
        self.assertEqual(round(sum(a for _d, a in schedule), 2), 100.0)
        self.assertEqual(equal_schedule(100, 0, date(2027, 1, 31)), [])

    def test_months_span(self):
        self.assertEqual(months_span(date(2026, 11, 15), date(2027, 11, 15)), 12)
        self.assertEqual(months_span(date(2026, 11, 15), date(2027, 11, 16)), 13)
        self.assertEqual(months_span(date(2026, 11, 15), date(2026, 12, 15)), 1)
        self.assertEqual(months_span(date(2026, 11, 15), date(2026, 11, 20)), 1)

    def test_status_cumulative(self):
        lines = [(1, date(2026, 10, 15), 3333.33), (2, date(2026, 11, 15), 3333.33), (3, date(2026, 12, 15), 3333.34)]
        # 7 000 paid by 26.11: lines 1 and 2 covered (6 666,66), 333,34 of line 3; 3 000 still owed on it
        status = schedule_status(lines, 7000, date(2026, 11, 26), 10)
        self.assertEqual((status["due"], status["arrears"], status["breach_line"], status["next_line"]),
                         (6666.66, 0.0, None, (3, date(2026, 12, 15), 3000.0)))
        self.assertEqual(status["covered"], {1: 3333.33, 2: 3333.33, 3: 333.34})
        # 3 000 paid: on 25.10 line 1 is 10 days late (grace 10) → no breach; on 26.10 → 11 days → breach
        self.assertIsNone(schedule_status(lines, 3000, date(2026, 10, 25), 10)["breach_line"])
        late = schedule_status(lines, 3000, date(2026, 10, 26), 10)
        self.assertEqual((late["breach_line"], late["arrears"], late["next_line"]),
                         (1, 333.33, (1, date(2026, 10, 15), 333.33)))
        # all paid: nothing next, nothing behind
        done = schedule_status(lines, 10000, date(2027, 1, 1), 10)
        self.assertEqual((done["due"], done["arrears"], done["next_line"], done["breach_line"]),
                         (10000.0, 0.0, None, None))
