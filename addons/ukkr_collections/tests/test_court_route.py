"""Court jurisdiction for utility debt on worked examples (limits inclusive: «не превышает»).

Individuals: court order up to 500 000 at the magistrate (ГПК 121, 122); claims up to 100 000 at the magistrate,
above at the district court (ГПК 23, 24). Legal entities, sole traders, budget organisations: arbitration court —
court order up to 500 000 (АПК 229.2), simplified procedure up to 800 000 / 400 000 (АПК 227), ordinary above.
"""
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from ..models import court_route_calc

DAY = "2026-06-01"


class TestCourtRoute(TransactionCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    def route(self, amount, payer_kind="individual", kind="auto", day=DAY):
        result = self.rules.court_route(amount, payer_kind, kind, day)
        return result["court"], result["procedure"], result["kind"]

    def test_individual(self):
        self.assertEqual(self.route(500000, kind="court_order"), ("magistrate", "court_order", "court_order"))
        self.assertEqual(self.route(80000), ("magistrate", "court_order", "court_order"))
        self.assertEqual(self.route(500000), ("magistrate", "court_order", "court_order"))
        # 500 000,01: no court order; a claim above 100 000 goes to the district court
        self.assertEqual(self.route(500000.01), ("district", "ordinary", "claim"))
        self.assertEqual(self.route(5, kind="claim"), ("magistrate", "ordinary", "claim"))
        self.assertEqual(self.route(100000, kind="claim"), ("magistrate", "ordinary", "claim"))
        self.assertEqual(self.route(100000.01, kind="claim"), ("district", "ordinary", "claim"))
        result = self.rules.court_route(500000, "individual", "court_order", DAY)
        self.assertEqual(result["limit"], 500000)
        self.assertEqual(result["rule_id"], self.env.ref("ukkr_collections.court_route_individual_order").id)
        self.assertEqual(self.rules.court_route(100000.01, "individual", "claim", DAY)["limit"], False)
        with self.assertRaises(UserError) as caught:
            self.rules.with_context(lang="ru_RU").court_route(500000.01, "individual", "court_order", DAY)
        self.assertIn("500\u00a0000,00", caught.exception.name)
        self.assertIn("иск", caught.exception.name)

    def test_organisations(self):
        self.assertEqual(self.route(500000, "legal", "court_order"), ("arbitration", "court_order", "court_order"))
        with self.assertRaises(UserError):
            self.route(500000.01, "legal", "court_order")
        self.assertEqual(self.route(600000, "legal"), ("arbitration", "simplified", "claim"))
        self.assertEqual(self.route(800000, "legal", "claim"), ("arbitration", "simplified", "claim"))
        self.assertEqual(self.route(800000.01, "legal", "claim"), ("arbitration", "ordinary", "claim"))
        self.assertEqual(self.route(400000, "sole_trader", "claim"), ("arbitration", "simplified", "claim"))
        self.assertEqual(self.route(400000.01, "sole_trader", "claim"), ("arbitration", "ordinary", "claim"))
        self.assertEqual(self.route(10000, "budget"), ("arbitration", "court_order", "court_order"))

    def test_limit_is_data(self):
        # if the АПК 229.2 limit for legal entities is confirmed at 750 000, the manager edits the record
        self.env.ref("ukkr_collections.court_route_legal_order").amount_limit = 750000
        self.assertEqual(self.route(700000, "legal"), ("arbitration", "court_order", "court_order"))
        self.assertEqual(self.route(700000, "sole_trader"), ("arbitration", "ordinary", "claim"))
        with self.assertRaises(ValidationError):      # the same rule twice in force
            self.env["ukkr.rule.court.route"].create({
                "payer_kind": "legal", "kind": "court_order", "amount_limit": 750000, "court": "arbitration",
                "procedure": "court_order", "date_from": "2025-01-01", "source": "test"})

    def test_pure_function(self):
        routes = [court_route_calc.Route("claim", 0, "district", "ordinary", 1),
                  court_route_calc.Route("claim", 100000, "magistrate", "ordinary", 2)]
        self.assertEqual(court_route_calc.court_route(100000, "auto", routes).ref, 2)   # no court-order rule
        self.assertEqual(court_route_calc.court_route(100000.01, "claim", routes).ref, 1)

    def test_bad_input(self):
        for args in ((1000, "alien", "auto", DAY), (1000, "individual", "appeal", DAY),
                     (0, "individual", "auto", DAY), (-1, "individual", "claim", DAY),
                     (1000, "individual", "auto", "2019-09-30")):     # before the recorded rules
            with self.assertRaises(UserError, msg=str(args)):
                self.rules.court_route(*args)
