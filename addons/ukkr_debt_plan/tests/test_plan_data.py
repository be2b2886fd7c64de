import os

from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase

from .seed_parser import parse_plan


class TestPlanData(TransactionCase):
    """The 29 measures loaded as data are exactly those of распоряжение № 2632-р (data/seed/ holds its text)."""

    def setUp(self):
        super().setUp()
        path = os.path.join(get_module_path("ukkr_debt_plan"), "data", "seed",
                            "rasporyazhenie_2632-r_2022-11-02.txt")
        with open(path, encoding="utf-8") as handle:
            self.seed = parse_plan(handle.read())
        self.plan = self.env.ref("ukkr_debt_plan.plan_2632r")

    def test_sections_and_measures_match_the_order(self):
        self.assertEqual([s["title"] for s in self.seed], self.plan.section_ids.sorted("sequence").mapped("name"))
        seed_measures = [m for s in self.seed for m in s["measures"]]
        self.assertEqual(len(seed_measures), 29)
        self.assertEqual(len(self.plan.measure_ids), 29)
        for section in self.seed:
            for expected in section["measures"]:
                measure = self.env.ref("ukkr_debt_plan.measure_%d" % expected["number"])
                self.assertEqual(measure.plan_id, self.plan)
                self.assertEqual(measure.number, expected["number"])
                self.assertEqual(measure.name, expected["name"], "text of measure %d" % expected["number"])
                self.assertEqual(measure.deadline_text, expected["term"], "term of measure %d" % expected["number"])
                self.assertEqual(measure.executor_text, expected["executors"],
                                 "executors of measure %d" % expected["number"])
                self.assertEqual(measure.section_id.name, section["title"])

    def test_executor_organisations(self):
        ukkr = self.env.ref("base.main_partner")
        administration = self.env.ref("ukkr_debt_plan.partner_administration")
        legal = self.env.ref("ukkr_debt_plan.partner_dept_legal")
        housing = self.env.ref("ukkr_debt_plan.partner_dept_housing")
        economy = self.env.ref("ukkr_debt_plan.partner_dept_economy")
        expected = {1: ukkr | administration, 2: ukkr | administration, 3: administration, 4: legal, 5: ukkr,
                    6: ukkr | administration, 7: legal, 9: ukkr | administration, 15: housing, 18: ukkr,
                    19: housing, 20: housing, 24: ukkr, 29: economy | ukkr}
        for number, partners in expected.items():
            self.assertEqual(self.env.ref("ukkr_debt_plan.measure_%d" % number).executor_partner_ids, partners,
                             "executors of measure %d" % number)
        # every measure has at least one executor and every executor text names them
        for measure in self.plan.measure_ids:
            self.assertTrue(measure.executor_partner_ids, "measure %d has no executor" % measure.number)

    def test_periodicity_deadlines_and_targets(self):
        def m(number):
            return self.env.ref("ukkr_debt_plan.measure_%d" % number)
        self.assertEqual(m(1).periodicity, "monthly")
        self.assertEqual((m(5).periodicity, m(5).deadline_rule, m(5).deadline_day), ("monthly", "next_month_day", 1))
        self.assertEqual(m(7).periodicity, "quarterly")
        self.assertEqual(m(13).periodicity, "as_needed")
        self.assertEqual(m(22).periodicity, "on_writ")
        self.assertEqual((m(18).periodicity, m(18).target_qty), ("permanent", 10))
        counts = {}
        for measure in self.plan.measure_ids:
            counts[measure.periodicity] = counts.get(measure.periodicity, 0) + 1
        # ежемесячно: 1, 2, 3, 5, 8, 21, 26; ежеквартально: 7, 24, 27, 28; по мере необходимости: 13, 15, 19, 20;
        # при поступлении исполнительного документа: 22, 23; постоянно: the other 12
        self.assertEqual(counts, {"monthly": 7, "quarterly": 4, "as_needed": 4, "on_writ": 2, "permanent": 12})
        self.assertEqual(self.plan.order_number, "2632-р")
        self.assertEqual(self.plan.order_date, "2022-11-02")
