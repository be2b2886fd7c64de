"""Due dates, limitation and penalties on worked examples derived by hand (LEGAL_RULES.md, ЖК РФ ст.155 ч.14).

Day 1 is the day after the due date. Individuals: days 1–30 free, 31–90 at 1/300, from 91 at 1/130 of
rate × principal. Rates: the key rate on the payment day for a paid part, on the calculation day for the rest,
capped by ПП 474 (28.02–31.12.2022: 9.5 % fixed; 2023–2026: the lower of 9.5 % and the key rate).
"""
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from ..models import penalty_calc


class TestPenaltyRules(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    # ------------------------------------------------------------------ due dates (ЖК 155 ч.1, ГК 193)
    def test_due_dates(self):
        self.assertEqual(self.rules.due_date("2018-12"), date(2019, 1, 10))   # Thursday, a working day
        # 10.06.2023 is a Saturday, 12.06.2023 Russia Day: the term moves to Tuesday 13.06.2023
        self.assertEqual(self.rules.due_date("2023-05"), date(2023, 6, 13))
        # 10.01.2026 Saturday, 11.01 Sunday → Monday 12.01.2026
        self.assertEqual(self.rules.due_date("2025-12"), date(2026, 1, 12))
        # period 2026-02 is paid in March 2026 under 177-ФЗ: the 15th; 15.03.2026 is a Sunday → 16.03.2026
        self.assertEqual(self.rules.due_date("2026-02"), date(2026, 3, 16))
        self.assertEqual(self.rules.due_date("2026-03"), date(2026, 4, 15))   # from period 2026-03: the 15th
        # 10.05.2019 was a day off (transfer): → Monday 13.05.2019
        self.assertEqual(self.rules.due_date("2019-04"), date(2019, 5, 13))
        # the 2026-02 rule is configurable: back to the 10th, Tuesday 10.03.2026
        self.env.ref("ukkr_collections.due_day_2026_02").day = 10
        self.assertEqual(self.rules.due_date("2026-02"), date(2026, 3, 10))
        for bad in ("2026-13", "03.2026", "", None):
            with self.assertRaises(UserError):
                self.rules.due_date(bad)

    def test_limitation_expiry(self):
        self.assertEqual(self.rules.limitation_expiry(date(2020, 2, 10)), date(2023, 2, 11))
        self.assertEqual(self.rules.limitation_expiry("2023-02-27"), date(2026, 2, 28))  # day after: 28.02
        self.assertEqual(self.rules.limitation_expiry("2023-02-28"), date(2026, 3, 1))

    # ------------------------------------------------------------------ penalties
    def test_crossing_day_90(self):
        # 10 000 due 10.01.2019; day 1 = 11.01.2019, day 31 = 10.02, day 90 = 10.04, day 91 = 11.04;
        # calculated on 20.04.2019 = day 100, unpaid, key rate 7.75 % (from 17.12.2018):
        # 10 000 × 7.75 % × (60/300 + 10/130) = 775 × 0.2769230769 = 214.6153… → 214.62
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-04-20"), 214.62)
        # on day 90 itself only the 1/300 band: 775 × 60/300 = 155.00; on day 30 nothing yet
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-04-10"), 155.0)
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-02-09"), 0.0)
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-02-10"), round(775 / 300, 2))  # day 31

    def test_partial_payment(self):
        # 10 000 due 10.01.2019; 4 000 paid on 20.06.2019 (day 161, key rate 7.50 % from 17.06.2019); the rest
        # calculated on 01.08.2019 (day 203, key rate 7.25 % from 29.07.2019).
        # paid part: 4 000 × 7.50 % × (60/300 + 71/130)  = 300 × 0.7461538462 = 223.8461538
        # rest:      6 000 × 7.25 % × (60/300 + 113/130) = 435 × 1.0692307692 = 465.1153846
        # total 688.9615… → 688.96
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-08-01", payments=[("2019-06-20", 4000)]),
                         688.96)
        # the payment day still accrues on the old balance: paying on day 31 leaves one day of 1/300 on it
        # 10 000 × 7.75 % / 300 = 2.5833… → 2.58 (key rate on 10.02.2019 is 7.75 %)
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-02-10", payments=[("2019-02-10", 10000)]),
                         2.58)
        # paid in full before day 31: no penalty; overpayment changes nothing
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-08-01", payments=[("2019-02-01", 12000)]),
                         0.0)

    def test_2020_moratorium(self):
        # 5 000 due 10.02.2020; day 1 = 11.02, day 31 = 12.03, day 90 = 10.05, day 91 = 11.05.2020.
        # ПП 424: nothing accrues 06.04–31.12.2020, but those days still count toward days 31 and 91.
        # 1/300: 12.03–05.04.2020 = 25 days; 1/130: 01.01–31.01.2021 = 31 days; key rate on 31.01.2021: 4.25 %
        # 5 000 × 4.25 % × (25/300 + 31/130) = 212.5 × 0.3217948718 = 68.3814… → 68.38
        self.assertEqual(self.rules.penalty(5000, "2020-02-10", "2021-01-31"), 68.38)

    def test_2022_cap_and_moratorium(self):
        # 8 000 due 10.01.2022; day 31 = 10.02, day 90 = 10.04, day 91 = 11.04.2022. ПП 497: debt from before
        # 01.04.2022 accrues nothing 01.04–01.10.2022. 1/300: 10.02–31.03 = 50 days; 1/130: 02.10–31.12 = 91 days.
        # Calculated on 31.12.2022: key rate 7.5 %, but ПП 474 fixes 9.5 % for that date.
        # 8 000 × 9.5 % × (50/300 + 91/130) = 760 × 0.8666666667 = 658.6666… → 658.67
        self.assertEqual(self.rules.penalty(8000, "2022-01-10", "2022-12-31"), 658.67)
        # a debt due after 01.04.2022 is not under the moratorium: 1 000 due 11.04.2022, calculated 11.05.2022
        # (day 30): nothing; on 12.05.2022 (day 31): 1 000 × 9.5 % / 300 = 0.3166… → 0.32
        self.assertEqual(self.rules.penalty(1000, "2022-04-11", "2022-05-11"), 0.0)
        self.assertEqual(self.rules.penalty(1000, "2022-04-11", "2022-05-12"), 0.32)

    def test_weekend_due_date_and_lower_of_cap(self):
        # period 2023-05 is due 13.06.2023 (see test_due_dates); day 1 = 14.06, day 31 = 14.07, day 90 = 11.09,
        # day 91 = 12.09; calculated on 30.09.2023 (day 109): key rate 13 %, capped at the lower of 9.5 % and it.
        # 3 000 × 9.5 % × (60/300 + 19/130) = 285 × 0.3461538462 = 98.6538… → 98.65
        due = self.rules.due_date("2023-05")
        self.assertEqual(self.rules.penalty(3000, due, "2023-09-30"), 98.65)
        # with the due date taken as the unshifted 10.06.2023, three more days would accrue: a different result
        self.assertNotEqual(self.rules.penalty(3000, "2023-06-10", "2023-09-30"), 98.65)

    def test_legal_entity_from_day_one(self):
        # 1/130 from day 1: 10 000 due 10.01.2019, calculated 20.04.2019 (day 100), 7.75 %:
        # 775 × 100/130 = 596.1538… → 596.15
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-04-20", payer_kind="legal"), 596.15)

    def test_segments_for_the_printed_calculation(self):
        segments = self.rules.penalty_segments(8000, "2022-01-10", "2022-12-31")
        self.assertEqual([(s.date_from, s.date_to, s.days, s.divisor, s.rate) for s in segments], [
            (date(2022, 2, 10), date(2022, 3, 31), 50, 300, 9.5),
            (date(2022, 10, 2), date(2022, 12, 31), 91, 130, 9.5)])
        self.assertEqual(penalty_calc.penalty_total(segments), 658.67)

    def test_rules_are_data(self):
        # a new key-rate decision is a record, not a code change: it changes the rate for the unpaid rest
        self.env["ukkr.rule.key.rate"].create({"date_from": "2019-04-15", "rate": 8.0, "source": "тест"})
        # 10 000 × 8 % × (60/300 + 10/130) = 800 × 0.2769230769 = 221.5384… → 221.54
        self.assertEqual(self.rules.penalty(10000, "2019-01-10", "2019-04-20"), 221.54)

    def test_bad_input(self):
        with self.assertRaises(UserError):
            self.rules.penalty(-1, "2019-01-10", "2019-04-20")
        with self.assertRaises(UserError):
            self.rules.penalty(100, "2019-01-10", "2019-04-20", payments=[("2019-02-01", -5)])
        with self.assertRaises(UserError):
            self.rules.penalty(100, "10.01.2019", "2019-04-20")
        with self.assertRaises(UserError):
            self.rules.penalty(100, "2014-01-10", "2015-04-20")  # before the first recorded key rate
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.env["ukkr.rule.due.day"].create({"period_from": "2027-1", "day": 15, "source": "тест"})
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.env["ukkr.rule.penalty.cap"].create({"name": "пересечение", "date_from": "2022-06-01",
                                                          "date_to": "2023-06-01", "cap_rate": 9.5,
                                                          "source": "тест"})

    def test_round_half_up(self):
        self.assertEqual(penalty_calc.round_money(0.125), 0.13)
        self.assertEqual(penalty_calc.round_money(2.675), 2.68)
        self.assertEqual(penalty_calc.round_money(214.615384), 214.62)
