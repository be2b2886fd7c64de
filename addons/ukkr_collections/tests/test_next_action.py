"""Next best action (issue 23.3): the transparent rates on a worked example, the worklists per role, the refusal.

Worked example of next_action_calc (PRIOR = 10 pseudo-cases):
- month-ends: segment A (individual, owner, 2–6 months, 5–20 thousand) 20 cases, 10 paid half of the debt;
  segment B (individual, owner, over 12 months, 50 thousand and more) 20 cases, 2 paid a tenth.
  All debtors: p = 12/40 = 0,3; part = (10·0,5 + 2·0,1) / 12 = 0,4333.
  A: p = (10 + 10·0,3) / (20 + 10) = 0,4333; part = (5 + 10·0,4333) / (10 + 10) = 0,4667.
  B: p = (2 + 3) / 30 = 0,1667; part = (0,2 + 4,333) / 12 = 0,3778.
- SMS: 10 cases in A, 6 paid half. Expected payers by the segment rate 10·0,4333 = 4,333 → lift (6 + 10) / (4,333 + 10)
  = 1,1163; parts: expected 6·0,4667 = 2,8 → lift (3 + 10) / (2,8 + 10) = 1,0156.
  SMS for A: p = 0,4333·1,1163 = 0,4837, part = 0,4667·1,0156 = 0,4740; for a debt of 10 000 and a cost of 3,50 the
  expected net recovery is 0,4837 · 0,4740 · 10 000 − 3,50 = 2 289,24. A visit (no history): lift 1.
"""
from odoo.exceptions import AccessError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import next_action_calc as calc
from .agreement_common import AgreementCase

A = ("individual", "owner", "2_6", "5_20")
B = ("individual", "owner", "12_plus", "50_plus")


class TestNextActionCalc(AgreementCase):

    def cells(self):
        observations = [("none", A, 10000, 5000 if i < 10 else 0) for i in range(20)] + \
            [("none", B, 100000, 10000 if i < 2 else 0) for i in range(20)] + \
            [("sms", A, 10000, 5000 if i < 6 else 0) for i in range(10)]
        return calc.aggregate(observations)

    def test_segments(self):
        self.assertEqual(calc.segment("individual", "owner", 12000, 3000), ("individual", "owner", "2_6", "5_20"))
        self.assertEqual(calc.segment("legal", "nonresidential", 60000, 0), ("legal", "nonresidential", "12_plus",
                                                                            "50_plus"))
        self.assertEqual(calc.segment("individual", "social", 4999.99, 2500), ("individual", "social", "0_2", "lt5"))

    def test_worked_example(self):
        cells = self.cells()
        p, share, n = calc.base_rate(cells, A)
        self.assertEqual((round(p, 4), round(share, 4), n), (0.4333, 0.4667, 20))
        p, share, n = calc.base_rate(cells, B)
        self.assertEqual((round(p, 4), round(share, 4)), (0.1667, 0.3778))
        lift_p, lift_share, n, k = calc.lifts(cells, "sms")
        self.assertEqual((round(lift_p, 4), round(lift_share, 4), n, k), (1.1163, 1.0156, 10, 6))
        sms = calc.rate(cells, "sms", A)
        self.assertEqual((sms.p, sms.share), (0.4837, 0.474))
        self.assertEqual(calc.expected_net(sms, 10000, 3.5), 2289.24)
        self.assertEqual(calc.rate(cells, "sms", B, lifts_of=calc.all_lifts(cells)).p, 0.186)
        visit = calc.rate(cells, "visit", A)
        self.assertEqual((visit.p, visit.share, visit.lift_p, visit.n), (0.4333, 0.4667, 1.0, 0))
        # an unknown segment takes the rate of all debtors
        self.assertEqual(calc.rate(cells, "none", ("legal", "nonresidential", "0_2", "lt5")).p, 0.3)

    def test_top_k(self):
        items = [{"id": 1, "debt": 100, "score": 5, "recovered": 0}, {"id": 2, "debt": 50, "score": 30,
                                                                       "recovered": 40},
                 {"id": 3, "debt": 10, "score": 8, "recovered": 10}]
        self.assertEqual(calc.top_k_recovered(items, lambda i: i["score"], 2), 50)
        self.assertEqual(calc.top_k_recovered(items, lambda i: i["debt"], 2), 40)


class TestNextAction(AgreementCase):
    """Open cases of the agreements' district on 26.11.2026: 9900000002 (Петрова, social tenant, 12 000 overdue,
    a phone), 9900000001 (Иванов, owner, 5 000 for 2023-09, no phone), 9900000003 (an organisation without ИНН, its
    only tranche time-barred)."""

    def setUp(self):
        super().setUp()
        self.account["2"].phone = "+79131234567"
        for suffix, overdue in (("1", 5000.0), ("2", 12000.0), ("3", 5000.0)):
            case = self.open_case(suffix)
            case.sudo().write({"overdue_at_close": overdue})   # as the monthly close would
        self.NA = self.env["ukkr.next.action"]

    def rows(self, user=None):
        with today_is("2026-11-26"):
            (self.NA.sudo(user) if user else self.NA).refresh()
        return {(r.account_id.name[-1], r.role): r for r in self.NA.search([])}

    def test_worklists_per_role(self):
        rows = self.rows(self.operator)
        self.assertEqual(rows[("2", "operator")].action, "sms", "cheapest allowed action when no action has a "
                                                                "history of its own")
        self.assertEqual(rows[("1", "operator")].action, "letter", "no phone: a registered letter")
        self.assertEqual(rows[("3", "operator")].action, "letter", "an organisation: no visit")
        court = rows[("2", "lawyer")]
        self.assertEqual((court.action, court.cost), ("court_order", 2000.0))
        self.assertNotIn(("3", "lawyer"), rows, "not ready to file: no action of the legal department")
        self.assertNotIn(("1", "lawyer"), rows)
        sms = rows[("2", "operator")]
        self.assertTrue(sms.is_best)
        self.assertFalse(court.is_best)
        self.assertAlmostEqual(sms.expected_net, round(sms.probability / 100 * sms.share / 100 * 12000 - 3.5, 2),
                               delta=1.0)
        self.assertGreater(sms.expected_net, court.expected_net)
        for text in ("SMS", "90"):
            self.assertIn(text, sms.reason)
        ordered = self.NA.search([("role", "=", "operator")])
        self.assertEqual(ordered.mapped("expected_net"), sorted(ordered.mapped("expected_net"), reverse=True))
        # the lawyer's worklist: what the lawyer can read
        self.assertEqual(self.NA.sudo(self.lawyer).search_count([("role", "=", "lawyer")]), 1)
        self.assertTrue(self.env["ukkr.next.action.rate"].search_count([]))

    def test_cooldown_and_court_pending(self):
        with today_is("2026-11-20"):
            notice = self.env["ukkr.notice"].create({"account_id": self.account["2"].id, "channel": "sms"})
        notice.sudo().write({"state": "sent", "date_sent": "2026-11-20"})
        rows = self.rows()
        self.assertEqual(rows[("2", "operator")].action, "letter", "an SMS went out 6 days ago")
        with today_is("2026-11-26"):
            order = self.env["ukkr.court.case"].create({"account_id": self.account["2"].id, "date": "2026-11-26"})
            order.action_load_tranches()
        self.assertNotIn(("2", "lawyer"), self.rows(), "a court case is pending")

    def test_refused_to_the_administration(self):
        self.rows()
        before = self.NA.search([]).ids
        for user in (self.executor, self.control):
            with self.assertRaises(AccessError):
                self.NA.sudo(user).refresh()
            with self.assertRaises(AccessError):
                self.NA.sudo(user).search([])
        self.assertEqual(self.NA.search([]).ids, before)

    def test_holdout_shape(self):
        """Cutoff 28.08.2026: debtors 9900000001 (5 000), 9900000002 (4 000 for June due 15.07 and 4 000 for July
        due 17.08 → 8 000) and 9900000003 (5 000); 9900000001 pays 5 000 on 10.09.2026, the others nothing. Largest
        debt first works 9900000002 first and recovers nothing with one case worked."""
        self.pay([("1", "10.09.2026", 5000, "HO-1")], today="2026-09-10")
        result = self.NA.holdout("2026-08-28", shares=(0.34, 1.0))
        self.assertEqual((result["debtors"], result["recovered_total"]), (3, 5000.0))
        first, whole = result["rows"]
        self.assertEqual((first["worked"], first["largest_debt_first"]), (2, 5000.0))   # 8 000, then 5 000 (lower id)
        self.assertEqual(whole["expected_net_first"], whole["largest_debt_first"])
        self.assertEqual(whole["largest_debt_first"], 5000.0)
        one = self.NA.holdout("2026-08-28", shares=(0.01,))["rows"][0]
        self.assertEqual((one["worked"], one["largest_debt_first"]), (1, 0.0))
