"""State duty (НК 333.19, 333.21, 333.40; rounding НК 52 п.6) on worked examples derived by hand.

A band applies to claims ABOVE its lower bound: duty = fixed + percent × (amount − lower), within the band's
min/max, then rounded to whole rubles (less than 50 kopecks dropped, 50 kopecks and more → a full ruble). A court order
costs 50 % of the (rounded) claim duty, rounded again. Filings up to 08.09.2024 use the old scales, from 09.09.2024
the scales of 259-ФЗ.
"""
from decimal import Decimal

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase

from ..models import state_duty_calc

NEW, OLD = "2025-03-03", "2024-09-08"


class TestStateDuty(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    def duty(self, amount, day=NEW, kind="claim", court="general"):
        return self.rules.state_duty(amount, kind, day, court)

    def check(self, cases, day, kind="claim", court="general"):
        for amount, expected in cases:
            self.assertEqual(self.duty(amount, day, kind, court), expected,
                             "%s %s %s on %s" % (court, kind, amount, day))

    def test_general_new_scale_band_edges(self):
        # НК 333.19 (259-ФЗ), filings from 09.09.2024
        self.check([
            (0.01, 4000), (50000, 4000),
            (100000, 4000),                 # band 1: up to 100 000 — 4 000
            (100000.01, 4000),              # 4 000 + 3 % × 0,01 = 4 000,0003 → 4 000
            (150000, 5500),                 # 4 000 + 3 % × 50 000 = 5 500
            (123456.78, 4704),              # 4 000 + 3 % × 23 456,78 = 4 703,7034 → 4 704
            (300000, 10000),                # 4 000 + 3 % × 200 000 = 10 000
            (300000.01, 10000),             # 10 000 + 2,5 % × 0,01 = 10 000,00025 → 10 000
            (500000, 15000),                # 10 000 + 2,5 % × 200 000 = 15 000
            (500000.01, 15000),             # 15 000 + 2 % × 0,01 = 15 000,0002
            (1000000, 25000),               # 15 000 + 2 % × 500 000 = 25 000
            (1000000.01, 25000),
            (3000000, 45000),               # 25 000 + 1 % × 2 000 000 = 45 000
            (3000000.01, 45000),
            (8000000, 80000),               # 45 000 + 0,7 % × 5 000 000 = 80 000
            (8000000.01, 80000),
            (24000000, 136000),             # 80 000 + 0,35 % × 16 000 000 = 136 000
            (24000000.01, 136000),          # (bands above 24 M: unconfirmed records)
            (50000000, 214000),             # 136 000 + 0,3 % × 26 000 000 = 214 000
            (100000000, 314000),            # 214 000 + 0,2 % × 50 000 000 = 314 000
            (400000000, 764000),            # 314 000 + 0,15 % × 300 000 000 = 764 000
            (490666666.67, 900000),         # 314 000 + 0,15 % × 390 666 666,67 = 900 000,000005 → max 900 000
            (1000000000, 900000),           # 1 664 000 → the maximum 900 000
        ], NEW)

    def test_general_old_scale_band_edges(self):
        # НК 333.19 before 259-ФЗ, filings up to 08.09.2024
        self.check([
            (0.01, 400),                    # 4 % = 0,0004 → minimum 400
            (9999.99, 400),                 # 399,9996 → minimum 400
            (10000, 400),                   # 4 % = 400
            (10000.01, 400),                # 400,0004 → 400
            (20000, 800),                   # 4 % × 20 000 = 800
            (20000.01, 800),                # 800 + 3 % × 0,01
            (50000, 1700),                  # 800 + 3 % × 30 000 = 1 700
            (100000, 3200),                 # 800 + 3 % × 80 000 = 3 200
            (100000.01, 3200),
            (200000, 5200),                 # 3 200 + 2 % × 100 000 = 5 200
            (200000.01, 5200),
            (1000000, 13200),               # 5 200 + 1 % × 800 000 = 13 200
            (1000000.01, 13200),
            (5000000, 33200),               # 13 200 + 0,5 % × 4 000 000 = 33 200
            (10360000, 60000),              # 13 200 + 0,5 % × 9 360 000 = 60 000 — the maximum reached exactly
            (10360000.01, 60000),           # 60 000,00005 → maximum 60 000
            (20000000, 60000),              # 108 200 → 60 000
        ], OLD)

    def test_arbitration_new_scale_band_edges(self):
        # НК 333.21 (259-ФЗ), filings from 09.09.2024
        self.check([
            (50000, 10000), (100000, 10000),
            (100000.01, 10000),             # 10 000 + 5 % × 0,01 = 10 000,0005
            (300000, 20000),                # 10 000 + 5 % × 200 000 = 20 000
            (1000000, 55000),               # 10 000 + 5 % × 900 000 = 55 000
            (1000000.01, 55000),
            (10000000, 325000),             # 55 000 + 3 % × 9 000 000 = 325 000
            (10000000.01, 325000),
            (50000000, 725000),             # 325 000 + 1 % × 40 000 000 = 725 000
            (50000000.01, 725000),
            (1905000000, 10000000),         # 725 000 + 0,5 % × 1 855 000 000 = 10 000 000 exactly
            (3000000000, 10000000),         # 15 475 000 → maximum 10 000 000
        ], NEW, court="arbitration")

    def test_arbitration_old_scale_band_edges(self):
        # НК 333.21 before 259-ФЗ (record of medium confidence), filings up to 08.09.2024
        self.check([
            (10000, 2000),                  # 4 % = 400 → minimum 2 000
            (50000, 2000),                  # 4 % = 2 000
            (50000.01, 2000),               # 2 000,0004
            (75000, 3000),                  # 4 % × 75 000
            (100000, 4000), (100000.01, 4000),
            (200000, 7000),                 # 4 000 + 3 % × 100 000
            (200000.01, 7000),
            (1000000, 23000),               # 7 000 + 2 % × 800 000
            (1000000.01, 23000),
            (2000000, 33000),               # 23 000 + 1 % × 1 000 000
            (2000000.01, 33000),
            (35400000, 200000),             # 33 000 + 0,5 % × 33 400 000 = 200 000 exactly
            (50000000, 200000),             # 273 000 → maximum 200 000
        ], OLD, court="arbitration")

    def test_court_order_half(self):
        # new scale: half the claim duty, so never below 4 000 / 2 = 2 000
        self.check([(0.01, 2000), (50000, 2000), (100000, 2000), (150000, 2750), (500000, 7500),
                    (1000000000, 450000)], NEW, "court_order")
        # old scale: 50 000 → 1 700 / 2 = 850; 5 000 → minimum 400 / 2 = 200
        self.check([(5000, 200), (50000, 850), (200000, 2600)], OLD, "court_order")
        # arbitration (НК 333.21 п.1 пп.2, 259-ФЗ): half the claim duty, not less than 8 000 —
        # 40 000 and 50 000: 10 000 / 2 = 5 000 → 8 000; 300 000: 20 000 / 2 = 10 000; 220 000: 16 000 / 2 = 8 000;
        # 200 000: 15 000 / 2 = 7 500 → 8 000; old scale 10 000 → 2 000 / 2 = 1 000 (no minimum before 09.09.2024)
        self.check([(40000, 8000), (50000, 8000), (200000, 8000), (220000, 8000), (300000, 10000)], NEW,
                   "court_order", "arbitration")
        self.check([(10000, 1000)], OLD, "court_order", "arbitration")

    def test_rounding_kopecks(self):
        # new scale, band 500 000–1 000 000: 15 000 + 2 % of the excess
        self.assertEqual(self.duty(500024.50), 15000)   # 15 000 + 0,49 → 15 000,49 → 15 000
        self.assertEqual(self.duty(500025.00), 15001)   # 15 000 + 0,50 → 15 000,50 → 15 001
        # old scale, first band 4 %: 15 012,49 → 600,4996 → 600; 15 012,50 → 600,50 → 601
        self.assertEqual(self.duty(15012.49, OLD), 600)
        self.assertEqual(self.duty(15012.50, OLD), 601)
        # arbitration new: 10 000 + 5 % × 9,99 = 10 000,4995 → 10 000; × 10,00 = 10 000,50 → 10 001
        self.assertEqual(self.duty(100009.99, court="arbitration"), 10000)
        self.assertEqual(self.duty(100010.00, court="arbitration"), 10001)
        # court order: claim 15 012,50 → 601, half 300,50 → 301
        self.assertEqual(self.duty(15012.50, OLD, "court_order"), 301)
        # court order of the rounded claim duty: 100 033,33 → 4 000 + 3 % × 33,33 = 4 000,9999 → 4 001;
        # 4 001 / 2 = 2 000,50 → 2 001 (half of the unrounded duty, 2 000,49995, would give 2 000)
        self.assertEqual(self.duty(100033.33, NEW, "court_order"), 2001)
        # 100 016,66 → 4 000,4998 → 4 000 → 2 000
        self.assertEqual(self.duty(100016.66, NEW, "court_order"), 2000)
        self.assertEqual(state_duty_calc.round_rubles(Decimal("0.49")), 0)
        self.assertEqual(state_duty_calc.round_rubles(Decimal("0.5")), 1)
        self.assertEqual(state_duty_calc.round_rubles(Decimal("2.5")), 3)   # half-up, not banker's rounding

    def test_scale_switch_on_09_09_2024(self):
        # 50 000 filed on 08.09.2024: old scale 800 + 3 % × 30 000 = 1 700; on 09.09.2024: new scale 4 000
        self.assertEqual(self.duty(50000, "2024-09-08"), 1700)
        self.assertEqual(self.duty(50000, "2024-09-09"), 4000)
        self.assertEqual(self.duty(50000, "2024-09-08", "court_order"), 850)
        self.assertEqual(self.duty(50000, "2024-09-09", "court_order"), 2000)
        # arbitration: 4 % of 50 000 = 2 000 the day before, 10 000 from 09.09.2024
        self.assertEqual(self.duty(50000, "2024-09-08", court="arbitration"), 2000)
        self.assertEqual(self.duty(50000, "2024-09-09", court="arbitration"), 10000)

    def test_credit_333_40(self):
        # court order for 150 000 cost 2 750; cancelled; claim duty 5 500 → 2 750 left to pay
        self.assertEqual(self.rules.state_duty_credit(2750, 5500), 2750)
        self.assertEqual(self.rules.state_duty_credit(2000, 5500), 3500)
        self.assertEqual(self.rules.state_duty_credit(4000, 4000), 0)
        self.assertEqual(self.rules.state_duty_credit(2000, 1500), 0)      # never negative
        self.assertEqual(self.rules.state_duty_credit(850, 1700), 850)
        with self.assertRaises(UserError):
            self.rules.state_duty_credit(-1, 1700)

    def test_bad_input(self):
        for args in ((0, "claim", NEW), (-5, "claim", NEW), ("abc", "claim", NEW), (None, "claim", NEW),
                     (1000, "appeal", NEW), (1000, "claim", "2024-13-01"), (1000, "claim", NEW, "supreme"),
                     (1000, "claim", "2010-01-28")):   # before the first recorded scale (29.01.2010)
            with self.assertRaises(UserError, msg=str(args)):
                self.rules.state_duty(*args)
        with self.assertRaises(UserError) as caught:
            self.rules.with_context(lang="ru_RU").state_duty(0, "claim", NEW)
        self.assertIn("больше нуля", caught.exception.name)

    def test_missing_scale_refused_in_russian(self):
        # without the old arbitration scale, an arbitration filing before 09.09.2024 is refused
        self.env.ref("ukkr_collections.state_duty_arbitration_2010").unlink()
        with self.assertRaises(UserError) as caught:
            self.rules.with_context(lang="ru_RU").state_duty(50000, "claim", OLD, "arbitration")
        self.assertIn("08.09.2024", caught.exception.name)
        self.assertIn("Нет шкалы госпошлины", caught.exception.name)
        self.assertEqual(self.duty(50000, OLD), 1700)   # general courts unaffected

    def test_new_scale_is_data(self):
        # a new law is a new record: close the 259-ФЗ scale and add one from 2027 with a flat 5 000
        current = self.env.ref("ukkr_collections.state_duty_general_2024")
        Scale = self.env["ukkr.rule.state.duty"]
        values = {"name": "test 2027", "court": "general", "date_from": "2027-01-01", "source": "test",
                  "band_ids": [(0, 0, {"lower": 0, "fixed": 5000})]}
        with self.assertRaises(ValidationError):     # overlaps the open 259-ФЗ scale
            with self.env.cr.savepoint():
                Scale.create(values)
        current.date_to = "2026-12-31"
        scale = Scale.create(values)
        self.assertEqual(self.duty(50000, "2026-12-31"), 4000)
        self.assertEqual(self.duty(50000, "2027-01-01"), 5000)
        self.assertEqual(self.duty(50000, "2027-01-01", "court_order"), 2500)
        for bands in ([(1, scale.band_ids.id, {"lower": 100})],           # no band from 0
                      [(0, 0, {"lower": 10, "percent": -1})]):           # negative percent
            with self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    scale.write({"band_ids": bands})

    def test_access(self):
        Users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, group):
            return Users.create({"name": login, "login": "t_duty_" + login,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
        scale = self.env.ref("ukkr_collections.state_duty_general_2024")
        for group in ("group_ukkr_operator", "group_ukkr_lawyer", "group_admin_executor", "group_admin_control"):
            reader = user(group, group)
            self.assertTrue(scale.sudo(reader).band_ids.read(["lower"]))
            self.assertEqual(self.env["ukkr.rules"].sudo(reader).state_duty(150000, "claim", NEW), 5500)
            with self.assertRaises(AccessError):
                scale.sudo(reader).write({"order_percent": 40})
            with self.assertRaises(AccessError):
                scale.band_ids[0].sudo(reader).write({"fixed": 1})
        manager = user("manager", "group_ukkr_manager")
        scale.sudo(manager).write({"note": "checked"})
        self.assertEqual(scale.note, "checked")
