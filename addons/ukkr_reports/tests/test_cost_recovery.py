"""Cost against recovery (issue 23.2), figures derived by hand.

Account 9900000002 of the agreements' district (owes 12 000) gets an SMS on 01.10.2026 (3,50 RUB by the default
rate), a registered letter on 05.10.2026 (160 RUB) and a visit of two people on 10.10.2026 (2 × 630 = 1 260 RUB);
it pays 1 000 on 20.10.2026 and 2 000 on 20.12.2026. Counted up to 15.01.2027:
- SMS: within 30 days (to 31.10) 1 000; within 90 days (to 30.12) 3 000 → 3 000 / 3,50 = 857,14 per rouble;
- letter: 1 000 and 3 000 (to 03.01.2027) → 3 000 / 160 = 18,75;
- visit (measure 12): 1 000 and 3 000 (to 08.01.2027) → 3 000 / 1 260 = 2,38.
Counted up to 15.11.2026 only the 1 000 is in, and no 90-day window is over.
"""
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ukkr_collections.tests.agreement_common import AgreementCase
from odoo.addons.ukkr_debt_plan.tests.common import today_is


class TestCostRecovery(AgreementCase):

    def setUp(self):
        super().setUp()
        account = self.account["2"]
        Notice = self.env["ukkr.notice"]
        self.sms = Notice.create({"account_id": account.id, "kind": "warning", "channel": "sms"})
        self.letter = Notice.create({"account_id": account.id, "kind": "warning", "channel": "registered_letter"})
        self.sms.sudo().write({"state": "sent", "date_sent": "2026-10-01"})
        self.letter.sudo().write({"state": "sent", "date_sent": "2026-10-05"})
        with today_is("2026-10-10"):
            self.visit = self.env["ukkr.visit"].create({"account_id": account.id, "date": "2026-10-10",
                                                        "result": "met",
                                                        "staff_ids": [(6, 0, [self.operator.id, self.lawyer.id])]})
        self.pay([("2", "20.10.2026", 1000, "P-1")], today="2026-10-20")
        self.pay([("2", "20.12.2026", 2000, "P-2")], today="2026-12-20")
        self.Report = self.env["ukkr.cost.recovery.report"]

    def by_kind(self, rows):
        return {(r["measure"], r["cost_kind"]): r for r in rows}

    def test_every_action_carries_its_cost(self):
        self.assertEqual((self.sms.action_cost, self.letter.action_cost, self.visit.action_cost),
                         (3.5, 160.0, 1260.0))
        # a new SMS tariff from 01.11.2026 does not change what the October SMS cost
        rate = self.env.ref("ukkr_collections.cost_rate_sms")
        with self.assertRaisesRegex(ValidationError, "same days|одни и те же дни"), self.env.cr.savepoint():
            rate.copy({"date_from": "2026-11-01", "amount": 5.0})
        rate.date_to = "2026-10-31"
        rate.copy({"date_from": "2026-11-01", "date_to": False, "amount": 5.0})
        self.sms.invalidate_cache()
        self.assertEqual(self.sms.action_cost, 3.5)
        # a court case costs the duty it pays
        self.open_case("2")
        with today_is("2026-11-26"):
            order = self.env["ukkr.court.case"].create({"account_id": self.account["2"].id, "date": "2026-11-26"})
            order.action_load_tranches()
            order._file("2026-11-26")
        self.assertEqual(order.action_cost, 2000.0)

    def test_rows_per_measure_action_and_month(self):
        with today_is("2027-01-15"):
            rows = self.by_kind(self.Report.sudo(self.control).rows("2026-10-01", "2026-10-31"))
        sms, letter, visit = rows[(10, "sms")], rows[(10, "registered_letter")], rows[(12, "visit_hour")]
        self.assertEqual([(r["month"], r["actions"], r["accounts"], r["cost"], r["paid_30"], r["paid_90"],
                           r["payers"], r["per_rouble"], r["complete"]) for r in (sms, letter, visit)],
                         [("2026-10", 1, 1, 3.5, 1000.0, 3000.0, 1, 857.14, True),
                          ("2026-10", 1, 1, 160.0, 1000.0, 3000.0, 1, 18.75, True),
                          ("2026-10", 1, 1, 1260.0, 1000.0, 3000.0, 1, 2.38, True)])
        self.assertRegex(sms["action"], "SMS")
        # in Russian, with the translations not cached yet (reading them used to reset the query's result)
        self.env["ir.translation"].clear_caches()
        with today_is("2027-01-15"):
            russian = self.Report.with_context(lang="ru_RU").rows("2026-10-01", "2026-10-31")
        self.assertEqual(len(russian), 3)
        # counted up to 15.11.2026: the December payment is not in yet, no window is over
        rows = self.by_kind(self.Report.rows("2026-10-01", "2026-10-31", "2026-11-15"))
        self.assertEqual((rows[(10, "sms")]["paid_90"], rows[(10, "sms")]["complete"]), (1000.0, False))

    def test_wizard_list_and_xlsx(self):
        with today_is("2027-01-15"):
            wizard = self.env["ukkr.cost.recovery.wizard"].sudo(self.executor).create(
                {"date_from": "2026-10-01", "date_to": "2026-10-31", "as_of": "2027-01-15"})
            action = wizard.action_compute()
            lines = self.env["ukkr.cost.recovery.line"].sudo(self.executor).search(action["domain"])
            self.assertEqual(round(sum(lines.mapped("cost")), 2), 1423.5)
            self.assertEqual(sum(lines.mapped("actions")), 3)
            content = self.Report.render_xlsx("2026-10-01", "2026-10-31", "2027-01-15")
            self.assertEqual(content[:2], b"PK")
            wizard.action_xlsx()
            self.assertTrue(wizard.file)

    def test_refused_and_bad_input(self):
        stranger = self.env["res.users"].with_context(no_reset_password=True).create(
            {"name": "Посторонний", "login": "t_cost_stranger", "groups_id": [(6, 0, [self.env.ref(
                "base.group_user").id])]})
        with self.assertRaises(AccessError):
            self.Report.sudo(stranger).rows("2026-10-01", "2026-10-31")
        with self.assertRaisesRegex(UserError, "before it starts|раньше, чем начинается"):
            self.Report.rows("2026-10-31", "2026-10-01")
        with self.assertRaisesRegex(UserError, "dates|датами"):
            self.Report.rows("октябрь", "2026-10-01")
        with self.assertRaises(AccessError):
            self.env.ref("ukkr_collections.cost_rate_sms").sudo(self.operator).write({"amount": 1.0})
        self.assertEqual(self.env.ref("ukkr_collections.cost_rate_sms").amount, 3.5)
