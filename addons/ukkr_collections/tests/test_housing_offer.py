"""Cheaper housing offers (measure 15): who may record them and who is a candidate.

9900000002 (social tenant, municipal) owes 4 000 for each of 2026-06..08 (agreement_common): 3 months in debt.
With the policy of 6 months it is not a candidate; 3 more unpaid months (2026-09..11) make 6 → a candidate.
The housing department (administration — executor) records and updates offers for municipal housing; the
administration's control group and УККР staff read them; a non-municipal account is refused.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase

MORE = """account;period;service;accrued;norm_charge
9900000002;2026-09;heating;4000;
9900000002;2026-10;heating;4000;
9900000002;2026-11;heating;4000;
"""


class TestHousingOffer(AgreementCase):

    def setUp(self):
        super().setUp()
        self.Offer = self.env["ukkr.housing.offer"]
        self.values = {"account_id": self.account["2"].id, "offered_address": "п. Тея, ул. Южная, д. 6, кв. 1",
                       "offered_area": 28.5, "offered_rooms": 1}

    def test_candidates_by_months_in_debt(self):
        account = self.account["2"]
        self.assertEqual(self.Offer._months_in_debt([account.id]), {account.id: 3})
        self.assertNotIn(account.id, self.Offer._candidate_account_ids("2026-11-26"))
        with today_is("2026-11-26"):
            self.importer.import_content(MORE.encode("utf-8"), "more.csv")
        self.assertEqual(self.Offer._months_in_debt([account.id]), {account.id: 6})
        self.assertIn(account.id, self.Offer._candidate_account_ids("2026-11-26"))
        self.assertNotIn(self.account["3"].id, self.Offer._candidate_account_ids("2026-11-26"), "not a tenant")
        case = self.open_case("2")
        self.assertIn(case, self.env["ukkr.debtor.case"].search([("housing_offer_candidate", "=", True)]))
        # the policy is a dated record: 7 months from 2026-11-01 → no longer a candidate
        self.env.ref("ukkr_collections.housing_offer_policy_2026").date_to = "2026-10-31"
        self.env["ukkr.housing.offer.policy"].create({"date_from": "2026-11-01", "months_in_debt": 7,
                                                      "source": "распоряжение (проверка)"})
        self.assertNotIn(account.id, self.Offer._candidate_account_ids("2026-11-26"))
        self.assertIn(account.id, self.Offer._candidate_account_ids("2026-10-15"))

    def test_housing_department_records_offers(self):
        offer = self.Offer.sudo(self.executor).create(self.values)
        self.assertEqual((offer.outcome, offer.months_in_debt, offer.is_municipal), ("pending", 3, True))
        with today_is("2026-12-01"):
            offer.sudo(self.executor).write({"outcome": "accepted"})
        self.assertEqual((offer.outcome, offer.date_outcome), ("accepted", "2026-12-01"))
        # УККР and the control group read, do not write
        self.assertEqual(offer.sudo(self.operator).read(["outcome"])[0]["outcome"], "accepted")
        self.assertEqual(offer.sudo(self.control).read(["outcome"])[0]["outcome"], "accepted")
        for user in (self.operator, self.manager, self.control):
            with self.assertRaises(AccessError):
                offer.sudo(user).write({"note": "x"})
            with self.assertRaises(AccessError):
                self.Offer.sudo(user).create(self.values)

    def test_only_social_tenants_of_municipal_housing(self):
        for suffix in ("1", "3"):
            with self.assertRaisesRegex(UserError, "social tenants|социальн"):
                self.Offer.sudo(self.executor).create(dict(self.values, account_id=self.account[suffix].id))
        # a record made for a private account (by hand in the database) stays out of the department's reach
        offer = self.Offer.create(self.values)
        self.env.cr.execute("UPDATE ukkr_housing_offer SET account_id = %s, is_municipal = false WHERE id = %s",
                            (self.account["1"].id, offer.id))
        offer.invalidate_cache()
        self.assertFalse(self.Offer.sudo(self.executor).search([("id", "=", offer.id)]))
        with self.assertRaises(AccessError):
            offer.sudo(self.executor).write({"note": "x"})
        self.assertTrue(self.Offer.sudo(self.operator).search([("id", "=", offer.id)]), "УККР reads all")
