"""Pure helpers of the reports, on worked examples."""
import unittest

from odoo.addons.ukkr_reports.models import report_calc


class TestReportCalc(unittest.TestCase):

    def test_categories(self):
        self.assertEqual(report_calc.category_of("individual", "owner"), "owner")
        self.assertEqual(report_calc.category_of("individual", "social"), "social")
        self.assertEqual(report_calc.category_of("individual", "commercial"), "commercial")
        # a citizen's non-residential premises (garage) are counted with the owners
        self.assertEqual(report_calc.category_of("individual", "nonresidential"), "owner")
        # organisations by payer kind, whatever the tenure
        self.assertEqual(report_calc.category_of("legal", "nonresidential"), "legal")
        self.assertEqual(report_calc.category_of("sole_trader", "owner"), "sole_trader")
        self.assertEqual(report_calc.category_of("budget", "social"), "budget")

    def test_periods(self):
        self.assertEqual(report_calc.year_months("2026-03"), ["2026-01", "2026-02", "2026-03"])
        self.assertEqual(report_calc.add_months("2026-01", -1), "2025-12")
        self.assertEqual(report_calc.add_months("2025-12", 1), "2026-01")
        self.assertEqual(report_calc.months_between("2025-11", "2026-02"),
                         ["2025-11", "2025-12", "2026-01", "2026-02"])
        self.assertEqual(report_calc.months_between("2026-02", "2026-01"), [])
        self.assertEqual(report_calc.period_label("2026-10"), "октябрь 2026 г.")
        self.assertEqual(report_calc.months_label(["2026-01", "2026-02", "2026-03"]), "январь–март 2026 г.")
        self.assertFalse(report_calc.is_period("2026-13"))
        self.assertTrue(report_calc.is_period("2026-12"))

    def test_change_and_labels(self):
        # (1 700 − 1 100) / 1 100 = 54.545… %
        self.assertEqual(report_calc.change_percent(1100, 1700), 54.55)
        self.assertEqual(report_calc.change_percent(8000, 8000), 0.0)
        self.assertIsNone(report_calc.change_percent(0, 500))
        self.assertEqual(report_calc.apartment_label("12", "2401000012"), "кв. 12")
        self.assertEqual(report_calc.apartment_label("пом. 3", "2401000012"), "пом. 3")
        self.assertEqual(report_calc.apartment_label("", "2401000012"), "л/с 2401000012")
        self.assertEqual(sorted(["кв. 10", "кв. 2", "кв. 1"], key=report_calc.natural_key),
                         ["кв. 1", "кв. 2", "кв. 10"])
