"""Work-off agreements (measure 17): 9900000002 owes 12 000 (4 000 for each of 2026-06, 2026-07, 2026-08).

10 hours × 250 RUB = 2 500 RUB set off on 26.11.2026 → a ledger payment WORKOFF-<id> of channel work_off; allocated
like an imported payment without a period: to the oldest period not time-barred, 2026-06 → 4 000 − 2 500 = 1 500;
the debt goes from 12 000 to 9 500.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestWorkoffAgreement(AgreementCase):

    def contract(self, user=None, **values):
        values = dict({"account_id": self.account["2"].id, "date": "2026-11-02", "hours": 10, "hourly_rate": 250,
                       "work_description": "Уборка придомовой территории, ул. Южная, 4",
                       "date_start": "2026-11-03", "date_end": "2026-11-20"}, **values)
        return self.Workoff.sudo(user or self.operator).create(values)

    def test_sign_post_and_debt_decreases(self):
        case = self.open_case("2")
        workoff = self.contract()
        self.assertEqual((workoff.worker_id, workoff.amount, workoff.case_id), (self.account["2"].partner_id,
                                                                                2500.0, case))
        self.assertRegex(workoff.name, r"^ОТ-\d{6}$")
        with self.assertRaisesRegex(UserError, "must be signed"):
            workoff._post()
        with self.assertRaisesRegex(UserError, "written request"):
            workoff.action_sign()
        workoff.write({"request_date": "2026-11-02", "request_file": self.scan(), "request_filename": "zayavlenie.pdf"})
        workoff.action_sign()
        self.assertEqual((workoff.state, case.stage_code), ("signed", "agreement"))
        self.assertEqual((case.next_deadline, case.next_action),
                         ("2026-11-20", "Окончание работ по договору отработки %s" % workoff.name))
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            workoff.write({"hours": 100})
        with today_is("2026-11-26"):
            self.assertEqual(self.account["2"].debt_total, 12000.0)
            workoff._post()
            payment = workoff.payment_id
            self.assertEqual((payment.doc, payment.channel, payment.amount, payment.date, payment.account_id),
                             ("WORKOFF-%d" % workoff.id, "work_off", 2500.0, "2026-11-26", self.account["2"]))
            self.assertEqual((workoff.state, workoff.date_done), ("done", "2026-11-26"))
            self.account["2"].invalidate_cache()
            self.assertEqual(self.account["2"].debt_total, 9500.0)
            tranches = {t["period"]: t["principal"] for t in self.account["2"].debt_tranches()}
            self.assertEqual(tranches, {"2026-06": 1500.0, "2026-07": 4000.0, "2026-08": 4000.0})
            with self.assertRaisesRegex(UserError, "already posted"):
                workoff._post()
        self.assertEqual(self.env["ukkr.payment"].search_count([("doc", "like", "WORKOFF-%")]), 1)
        with self.assertRaisesRegex(UserError, "is posted"):
            workoff.action_cancel()
        rows = self.env["ukkr.measure.figure"].figures("2026-11-01", "2026-11-30", [17])
        self.assertEqual([(r["count"], r["amount"]) for r in rows], [(1, 2500.0)])

    def test_bad_input_refused(self):
        workoff = self.contract(request_date="2026-11-05", request_file=self.scan())
        with self.assertRaisesRegex(UserError, "dated after the contract"):
            workoff.action_sign()
        workoff.write({"request_date": "2026-11-01", "hours": 0})
        with self.assertRaisesRegex(UserError, "must be positive"):
            workoff.action_sign()
        self.assertEqual(workoff.state, "draft")
        # more than the debt that can be set off: 100 h × 250 = 25 000 > 12 000
        workoff.write({"hours": 100})
        workoff.action_sign()
        with today_is("2026-11-26"):
            with self.assertRaisesRegex(UserError, "above the account's debt that can be set off"):
                workoff._post()
        self.assertEqual((workoff.state, workoff.payment_id.id), ("signed", False))
        # a closed month takes no set-off (like the importer refuses accruals of closed months)
        small = self.contract(request_date="2026-10-01", request_file=self.scan(), date="2026-10-01")
        small.action_sign()
        with today_is("2026-11-26"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-10")
            with self.assertRaisesRegex(UserError, "Month 2026-10 is closed"):
                small._post("2026-10-20")
            with self.assertRaisesRegex(UserError, "before the contract"):
                small._post("2026-09-20")
        self.assertFalse(self.env["ukkr.payment"].search([("channel", "=", "work_off")]))
        # time-barred debt is not set off (ГК 411): 9900000001 owes only 2023-09, barred since 11.10.2026
        barred = self.contract(account_id=self.account["1"].id, hours=1, request_date="2026-11-02",
                               request_file=self.scan())
        barred.action_sign()
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "ГК 411"):
            barred._post()

    def test_access(self):
        mine = self.contract(request_date="2026-11-02", request_file=self.scan())
        theirs = self.contract(account_id=self.account["3"].id, request_date="2026-11-02", request_file=self.scan())
        for user in (self.executor, self.control):
            self.assertEqual(self.Workoff.sudo(user).search([("id", "in", (mine | theirs).ids)]), mine)
            with self.assertRaises(AccessError):
                self.contract(user=user)
        with self.assertRaises(AccessError):
            mine.sudo(self.operator).unlink()
        mine.sudo(self.operator).action_sign()
        with self.assertRaisesRegex(UserError, "Only a draft"):
            mine.sudo(self.manager).unlink()
        theirs.sudo(self.manager).unlink()
