"""Installment agreements (measure 13) on the district of agreement_common.

The agreement of most tests: account 9900000002 owes 4 000 for each of 2026-06, 2026-07, 2026-08; signed on
01.10.2026 it covers 4 000 + 4 000 + 2 000 (only part of 2026-08) = 10 000 in 3 monthly payments from 15.10.2026:
10 000,00 / 3 = 3 333,33 (rounded down) → 3 333,33 on 15.10.2026, 3 333,33 on 15.11.2026, 3 333,34 on 15.12.2026
(the last payment takes the kopeck). Policy by default: at most 12 months, 10 days of grace.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestInstallmentAgreement(AgreementCase):

    def signed(self, user=None):
        """The agreement of the module docstring, put in force on 01.10.2026 by the operator."""
        agreement = self.draft(user=user, term_months=3, first_payment_date="2026-10-15")
        with today_is("2026-10-01"):
            agreement.action_fill_tranches()
            agreement.tranche_ids.filtered(lambda t: t.period == "2026-08").amount = 2000
            agreement.action_generate_schedule()
            agreement.action_activate()
        return agreement

    def test_fill_and_generate_schedule(self):
        agreement = self.draft(term_months=3, first_payment_date="2026-10-15")
        agreement.action_fill_tranches()
        self.assertEqual([(t.period, t.principal, t.amount) for t in agreement.tranche_ids],
                         [("2026-06", 4000.0, 4000.0), ("2026-07", 4000.0, 4000.0), ("2026-08", 4000.0, 4000.0)])
        agreement.tranche_ids.filtered(lambda t: t.period == "2026-08").amount = 2000
        self.assertEqual(agreement.amount_covered, 10000.0)
        agreement.action_generate_schedule()
        self.assertEqual([(l.sequence, l.date_due, l.amount) for l in agreement.line_ids],
                         [(1, "2026-10-15", 3333.33), (2, "2026-11-15", 3333.33), (3, "2026-12-15", 3333.34)])
        self.assertEqual(agreement.amount_scheduled, 10000.0)
        self.assertRegex(agreement.name, r"^РС-\d{6}$")
        # generating again replaces the schedule: 12 payments of 833,33 and a last one of 833,37
        agreement.write({"term_months": 12, "first_payment_date": "2026-10-31"})
        agreement.action_generate_schedule()
        self.assertEqual(len(agreement.line_ids), 12)
        self.assertEqual(agreement.line_ids[1].date_due, "2026-11-30", "31st clamped to the month's end")
        self.assertEqual((agreement.line_ids[0].amount, agreement.line_ids[-1].amount), (833.33, 833.37))
        self.assertEqual(agreement.line_ids[-1].date_due, "2027-09-30")

    def test_activation_moves_the_case_and_acknowledges_the_debt(self):
        case = self.open_case("2")
        agreement = self.signed()
        self.assertEqual((agreement.state, agreement.case_id, agreement.grace_days), ("active", case, 10))
        self.assertEqual(case.stage_code, "agreement")
        self.assertIn("вступило в силу", case.message_ids[0].body)
        events = self.env["ukkr.limitation.event"].search([("res_model", "=", agreement._name),
                                                            ("res_id", "=", agreement.id)])
        self.assertEqual(sorted((e.period, e.kind, e.date) for e in events),
                         [("2026-06", "acknowledged", "2026-10-01"), ("2026-07", "acknowledged", "2026-10-01"),
                          ("2026-08", "acknowledged", "2026-10-01")])
        self.assertEqual(events[0].origin, agreement.display_name)
        # the case's next deadline: the first payment
        self.assertEqual((case.next_deadline, case.next_action),
                         ("2026-10-15", "Платёж по рассрочке %s: 3\u00a0333,33 руб." % agreement.name))
        # the plan counts it for measure 13 with its covered sum
        rows = self.env["ukkr.measure.figure"].figures("2026-10-01", "2026-10-31", [13])
        self.assertEqual([(r["model"], r["count"], r["amount"]) for r in rows],
                         [("ukkr.installment.agreement", 1, 10000.0)])
        # terms are fixed now
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            agreement.write({"first_payment_date": "2026-10-20"})
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            agreement.line_ids[0].amount = 1
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            agreement.tranche_ids[0].unlink()

    def test_payments_matched_cumulatively(self):
        """Payments 3 000 on 12.10.2026 and 4 000 on 20.11.2026; as of 26.11.2026 (paid 7 000 in all):

        line  pay by      amount    due to date  paid by its date  paid of it           status
        1     15.10.2026  3 333,33   3 333,33    3 000 (12.10)     3 333,33             paid (late, caught up)
        2     15.11.2026  3 333,33   6 666,66    3 000             3 333,33             paid
        3     15.12.2026  3 333,34  10 000,00    7 000 (to 26.11)  7 000 − 6 666,66 = 333,34  partly
        Due to date (lines due by 26.11): 6 666,66 ≤ 7 000 → nothing behind; next: 15.12.2026, 10 000 − 7 000.
        """
        case = self.open_case("2")
        agreement = self.signed()
        self.pay([("2", "12.10.2026", "3000", "A-1"), ("2", "20.11.2026", "4000", "A-2"),
                  ("2", "30.09.2026", "500", "A-0")])  # before signing: not the agreement's
        with today_is("2026-11-26"):
            agreement.invalidate_cache()
            self.assertEqual([(l.due_to_date, l.paid_to_date, round(l.amount_paid, 2), l.status)
                              for l in agreement.line_ids],
                             [(3333.33, 3000.0, 3333.33, "paid"), (6666.66, 3000.0, 3333.33, "paid"),
                              (10000.0, 7000.0, 333.34, "partly")])
            self.assertEqual((agreement.amount_paid, agreement.amount_due, agreement.arrears,
                              agreement.next_payment_date, agreement.next_payment_amount),
                             (7000.0, 6666.66, 0.0, "2026-12-15", 3000.0))
            self.assertEqual(self.Agreement._cron_check_agreements(), (0, 0))
        self.assertEqual((case.next_deadline, case.next_action),
                         ("2026-12-15", "Платёж по рассрочке %s: 3\u00a0000,00 руб." % agreement.name))
        # as of 20.10.2026: 3 000 paid, 3 333,33 due → 333,33 behind, still within the grace
        with today_is("2026-10-20"):
            agreement.invalidate_cache()
            self.assertEqual((agreement.amount_paid, agreement.arrears), (3000.0, 333.33))
            self.assertEqual(agreement.line_ids[0].status, "late")

    def test_breach_by_the_daily_check(self):
        """3 000 paid on 12.10.2026 of the 3 333,33 due on 15.10.2026; 10 days of grace: on 25.10.2026 (10 days
        late) still honoured, on 26.10.2026 (11 days) breached: the case moves to «Ограничение»."""
        case = self.open_case("2")
        agreement = self.signed()
        self.pay([("2", "12.10.2026", "3000", "B-1")])
        account = self.account["2"].id
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-09-30"), set(), "not signed yet")
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-10-25"), {account})
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-10-26"), set(),
                         "behind schedule beyond the grace: not honoured, even before the daily check")
        with today_is("2026-10-25"):
            self.assertEqual(self.Agreement._cron_check_agreements(), (0, 0))
        self.assertEqual(agreement.state, "active")
        self.pay([("2", "20.11.2026", "4000", "B-2")])  # caught up later: 7 000 ≥ 6 666,66 on 20.11
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-11-20"), {account})
        with today_is("2026-10-26"):
            self.assertEqual(self.Agreement._cron_check_agreements(), (0, 1))
        self.assertEqual((agreement.state, agreement.date_breached), ("breached", "2026-10-26"))
        self.assertEqual(case.stage_code, "limitation")
        self.assertIn("нарушено", agreement.message_ids[0].body)
        self.assertIn("15.10.2026", case.message_ids[0].body)
        # a breach is recorded: from its date on the agreement no longer protects the account
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-11-20"), set())
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-10-20"), {account})
        with today_is("2026-10-27"):
            self.assertEqual(self.Agreement._cron_check_agreements(), (0, 0), "checked once")
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            agreement.sudo(self.manager).action_cancel()

    def test_fulfilled_when_the_covered_sum_is_paid(self):
        case = self.open_case("2")
        agreement = self.signed()
        self.pay([("2", "14.10.2026", "9999.99", "F-1")])
        with today_is("2026-10-20"):
            self.assertEqual(self.Agreement._cron_check_agreements(), (0, 0), "a kopeck short")
        self.pay([("2", "21.10.2026", "0.01", "F-2")])
        with today_is("2026-10-22"):
            self.assertEqual(self.Agreement._cron_check_agreements(), (1, 0))
        self.assertEqual((agreement.state, agreement.date_fulfilled), ("fulfilled", "2026-10-22"))
        self.assertIn("исполнено", agreement.message_ids[0].body)
        self.assertEqual(case.stage_code, "agreement")
        self.assertFalse(case.next_deadline)
        account = self.account["2"].id
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-10-21"), {account})
        self.assertEqual(self.Agreement._honoured_account_ids([account], "2026-10-23"), set(),
                         "fulfilled: no longer in force")

    def test_bad_input_is_refused_and_nothing_changes(self):
        agreement = self.draft(term_months=13, first_payment_date="2026-10-15")
        with self.assertRaisesRegex(UserError, "no payment schedule"):
            agreement.action_activate()
        with self.assertRaisesRegex(UserError, "covers no debt"):
            agreement.action_generate_schedule()
        agreement.action_fill_tranches()
        # 13 payments from 15.10.2026: the last on 15.10.2027 → 13 months from signing; 12 allowed
        with self.assertRaisesRegex(UserError, "at most 12 months"):
            agreement.action_generate_schedule()
        self.assertFalse(agreement.line_ids)
        # 12 payments starting the month after signing (15.11.2026 → 15.10.2027) are a 12-month installment
        agreement.write({"term_months": 12, "first_payment_date": "2026-11-15"})
        agreement.action_generate_schedule()
        self.assertEqual((len(agreement.line_ids), agreement.line_ids[-1].date_due), (12, "2027-10-15"))
        # … but the first payment cannot wait longer than the end of the month after signing
        agreement.write({"term_months": 11, "first_payment_date": "2026-12-01"})
        with self.assertRaisesRegex(UserError, "at the latest on 30.11.2026"):
            agreement.action_generate_schedule()
        # the schedule's own defaults: 12 payments, the first a month after signing (01.11.2026)
        agreement.write({"term_months": 12, "first_payment_date": False, "line_ids": [(5, 0, 0)]})
        agreement.action_generate_schedule()
        self.assertEqual((len(agreement.line_ids), agreement.first_payment_date), (12, "2026-11-01"))
        agreement.write({"line_ids": [(5, 0, 0)]})
        # the manager's policy is data: 6 months from 01.10.2026 on
        policy = self.env.ref("ukkr_collections.installment_policy_default")
        policy.date_to = "2026-09-30"
        self.env["ukkr.installment.policy"].create({"date_from": "2026-10-01", "max_months": 6, "grace_days": 5,
                                                    "source": "Приказ МУП «УККР» (тест)"})
        agreement.write({"term_months": 7, "first_payment_date": "2026-10-15"})
        with self.assertRaisesRegex(UserError, "at most 6 months"):
            agreement.action_generate_schedule()
        agreement.write({"term_months": 3, "first_payment_date": "2026-09-30"})
        with self.assertRaisesRegex(UserError, "cannot be before the signing date"):
            agreement.action_generate_schedule()
        self.assertFalse(agreement.line_ids)
        agreement.write({"first_payment_date": "2026-10-15"})
        agreement.tranche_ids[0].amount = 4000.01
        with self.assertRaisesRegex(UserError, "above the period's unpaid principal"):
            agreement.action_generate_schedule()
        agreement.tranche_ids[0].amount = 4000
        agreement.action_generate_schedule()
        agreement.line_ids[-1].amount += 1
        with self.assertRaises(UserError) as refused:
            agreement.action_activate()
        self.assertIn("sums to 12\u00a0001,00 RUB, the covered debt is 12\u00a0000,00 RUB", refused.exception.name)
        agreement.line_ids[-1].amount -= 1
        agreement.line_ids[0].date_due = "2026-09-20"
        with self.assertRaisesRegex(UserError, "cannot be before the signing date"):
            agreement.action_activate()
        agreement.line_ids[0].date_due = "2026-10-15"
        with today_is("2026-09-30"), self.assertRaisesRegex(UserError, "dated 01.10.2026, in the future"):
            agreement.action_activate()
        # the debt was paid in part before signing: the covered sum is now above the principal
        self.pay([("2", "30.09.2026", "100", "X-1")])
        with self.assertRaisesRegex(UserError, "above the period's unpaid principal"):
            agreement.action_activate()
        self.assertEqual(agreement.state, "draft")
        self.assertFalse(self.env["ukkr.limitation.event"].search([("res_id", "=", agreement.id),
                                                                    ("res_model", "=", agreement._name)]))
        # no policy on the signing date at all
        other = self.draft(suffix="3", date="2014-06-01", term_months=1, first_payment_date="2014-07-01")
        with self.assertRaisesRegex(UserError, "No installment policy is in force on 01.06.2014"):
            other.action_generate_schedule()

    def test_access_and_cancellation(self):
        municipal = self.signed()
        legal = self.draft(suffix="3", term_months=5, first_payment_date="2026-11-01")
        with today_is("2026-10-01"):
            legal.action_fill_tranches()
            legal.action_generate_schedule()
        everything = municipal | legal
        for user in (self.executor, self.control):
            self.assertEqual(self.Agreement.sudo(user).search([("id", "in", everything.ids)]), municipal,
                             "the administration sees municipal housing only (152-ФЗ)")
            self.assertEqual(len(self.env["ukkr.installment.line"].sudo(user).search(
                [("agreement_id", "in", everything.ids)])), 3)
            with self.assertRaises(AccessError):
                legal.sudo(user).read(["amount_covered"])
            with self.assertRaises(AccessError):
                municipal.sudo(user).write({"note": "x"})
            with self.assertRaises(AccessError):
                self.draft(suffix="2", user=user)
        self.assertEqual(self.Agreement.sudo(self.lawyer).search_count([("id", "in", everything.ids)]), 2)
        municipal.sudo(self.lawyer).write({"note": "Юрист: проверено"})
        with self.assertRaises(AccessError):
            self.draft(suffix="2", user=self.lawyer)
        with self.assertRaises(AccessError):
            legal.sudo(self.operator).unlink()
        with self.assertRaisesRegex(UserError, "Only a draft"):
            municipal.sudo(self.manager).unlink()
        with self.assertRaises(AccessError):
            municipal.sudo(self.operator).action_cancel()
        self.assertEqual(municipal.state, "active")
        municipal.sudo(self.manager).action_cancel()
        self.assertEqual(municipal.state, "cancelled")
        self.assertFalse(self.env["ukkr.limitation.event"].search([("res_id", "=", municipal.id),
                                                                    ("res_model", "=", municipal._name)]),
                         "a cancelled agreement acknowledges nothing")
        legal.sudo(self.manager).unlink()
        self.assertFalse(legal.exists())

    def test_printed_agreement(self):
        agreement = self.signed()
        html = self.env.ref("ukkr_collections.report_installment_agreement").render_qweb_html(agreement.ids)[0]
        html = html.decode("utf-8")
        for text in ("Соглашение № <span>%s</span>" % agreement.name, "статьёй 203 Гражданского кодекса",
                     "Петрова Анна Сергеевна", "9900000002", "п. Тея, ул. Южная, д. 4, кв. 2",
                     "2026-08", "10\u00a0000,00", "15.12.2026", "3\u00a0333,34", "в течение <span>10</span> дней",
                     "Правил № 354", "Онлайн"):
            self.assertIn(text, html)
