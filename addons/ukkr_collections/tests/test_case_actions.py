"""Notices, visits and consultations on debtor cases, and the plan counting them (measures 9, 10, 12).

District of test_billing_import, October 2026 closed with the individual trigger lowered to 1 000 RUB, so two cases:
9900000002 (municipal, owes 1 500 of 2026-09) and 9900000003 (legal entity, owes 20 000 of 2026-09). «Today» is
26.11.2026.
"""
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS

TODAY = "2026-11-26"


class TestCaseActions(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close")
        self.Case = self.env["ukkr.debtor.case"]
        self.Case.search([]).write({"state": "closed"})
        self.patch = today_is(TODAY)
        self.patch.__enter__()
        self.addCleanup(self.patch.__exit__, None, None, None)
        importer = self.env["ukkr.billing.import"]
        for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
            importer.import_content(text.encode("utf-8"), name)
        self.env.ref("ukkr_collections.case_trigger_individual").min_amount = 1000
        self.env["ukkr.monthly.close"].close_period("2026-10")
        self.cases = self.Case.search([("state", "=", "open")], order="id")
        self.by_account = {c.account_id.name: c for c in self.cases}
        self.operator = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Оператор", "login": "t_actions_op", "lang": False,
            "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})

    def batch(self, cases, context=None, **values):
        wizard = self.env["ukkr.notice.batch.wizard"].sudo(self.operator).with_context(
            active_ids=cases.ids, **(context or {})).create(dict({"kind": "warning", "channel": "registered_letter"}, **values))
        return self.env["ukkr.notice"].search(wizard.action_create()["domain"])

    def test_notice_batch_and_delivery(self):
        self.assertEqual(sorted(self.by_account), ["9900000002", "9900000003"])
        notices = self.batch(self.cases)
        self.assertEqual(len(notices), 2)
        self.assertEqual({n.account_id.name: (n.state, n.date_sent, n.debt_amount) for n in notices},
                         {"9900000002": ("sent", TODAY, 1500.0), "9900000003": ("sent", TODAY, 20000.0)})
        self.assertEqual(len(set(notices.mapped("batch_ref"))), 1, "one batch")
        # the same batch again the same day: nothing new
        self.assertFalse(self.batch(self.cases))
        # a closed case gets none
        self.by_account["9900000002"]._close_by_hand("error")
        with self.assertRaisesRegex(UserError, "at least one open|хотя бы одно открытое"):
            self.batch(self.by_account["9900000002"], kind="debt_info")
        # delivery: the case moves to «Уведомлён»
        legal = notices.filtered(lambda n: n.account_id.name == "9900000003")
        self.assertEqual(legal.case_id.stage_code, "identified")
        legal._confirm_delivery("2026-11-26", "РПО 66000012345678")
        self.assertEqual((legal.state, legal.date_delivered, legal.case_id.stage_code),
                         ("delivered", "2026-11-26", "notified"))

    def test_delivery_before_sending_refused(self):
        notice = self.batch(self.by_account["9900000003"])
        with self.assertRaisesRegex(ValidationError, "before the sending date|раньше даты отправки"), self.env.cr.savepoint():
            notice._confirm_delivery("2026-11-25", "РПО 66000012345678")
        notice.invalidate_cache()
        self.assertEqual((notice.state, notice.date_delivered), ("sent", False), "nothing changed")
        with self.assertRaisesRegex(UserError, "cannot be deleted|удалить нельзя"):
            notice.unlink()

    def test_pp354_warning_sets_the_case_deadline(self):
        """Delivered 26.11.2026 → the 20 days end on 16.12.2026 (26.11 + 20 days)."""
        case = self.by_account["9900000003"]
        notice = self.env["ukkr.notice"].create({"case_id": case.id, "kind": "pp354_warning",
                                                 "channel": "hand_delivery"})
        self.assertEqual(notice.account_id, case.account_id)
        notice.action_send()
        self.assertEqual((notice.state, notice.pay_by), ("delivered", "2026-12-16"))
        self.assertEqual(case.next_deadline, "2026-12-16")
        self.assertRegex(case.next_action, "20 days|20 дней")
        self.assertEqual(case.stage_code, "notified")

    def test_visit_promise_and_notice_handed(self):
        case = self.by_account["9900000002"]
        Visit = self.env["ukkr.visit"].sudo(self.operator)
        with self.assertRaisesRegex(ValidationError, "needs a date and an amount|нужны дата и сумма"), self.env.cr.savepoint():
            Visit.create({"account_id": case.account_id.id, "result": "promised", "date": "2026-11-25"})
        with self.assertRaisesRegex(ValidationError, "Nobody was at home|Дома никого не было"), self.env.cr.savepoint():
            Visit.create({"account_id": case.account_id.id, "result": "not_home", "notice_handed": True})
        self.assertFalse(self.env["ukkr.visit"].search([("account_id", "=", case.account_id.id)]), "nothing kept")
        visit = Visit.create({"account_id": case.account_id.id, "result": "promised", "date": "2026-11-25",
                              "promised_date": "2026-12-05", "promised_amount": 1500, "notice_handed": True,
                              "media_present": True, "media_note": "газета «Северная Звезда»"})
        self.assertEqual(visit.case_id, case, "joins the account's open case")
        self.assertEqual((visit.notice_id.state, visit.notice_id.channel, visit.notice_id.date_delivered),
                         ("delivered", "hand_delivery", "2026-11-25"))
        self.assertEqual((case.next_deadline, case.stage_code), ("2026-12-05", "notified"))
        # the promise kept: the deadline goes once the daily job looks again
        self.env["ukkr.billing.import"].import_content(
            "Лицевой счет;Дата;Сумма;Документ;Период\n9900000002;26.11.2026;1500;P-9;\n".encode("utf-8"), "p.csv")
        self.Case._cron_close_paid_cases()
        self.assertEqual((case.state, case.next_deadline), ("closed", False))

    def test_plan_counts_the_actions(self):
        """Measure 10's November execution shows the 2 notices sent (21 500 RUB), measure 12 one visit, 9 one
        consultation; figures() adds the sums paid after the action (P-9: 500 RUB on 27.11 is after 26.11)."""
        self.batch(self.cases)
        account = self.by_account["9900000002"].account_id
        self.env["ukkr.visit"].create({"account_id": account.id, "result": "met"})
        self.env["ukkr.consultation"].create({"account_id": account.id, "topic": "subsidy"})
        Execution = self.env["ukkr.plan.execution"]
        self.env.ref("ukkr_debt_plan.plan_2632r").date_to = "2026-12-31"  # the order's plan, prolonged
        Execution.create_period_executions(TODAY)
        figures = {}
        for number in (9, 10, 12):
            execution = Execution.search([("measure_id.number", "=", number), ("measure_id.plan_id.state", "=",
                                          "active"), ("period_start", "=", "2026-11-01"), ("kind", "=", "summary")])
            self.assertEqual(len(execution), 1)
            figures[number] = (execution.action_count, execution.action_amount)
        self.assertEqual(figures, {9: (1, 0.0), 10: (2, 21500.0), 12: (1, 0.0)})
        with today_is("2026-11-30"):
            self.env["ukkr.billing.import"].import_content(
                "Лицевой счет;Дата;Сумма;Документ;Период\n9900000003;27.11.2026;500;P-9;\n".encode("utf-8"), "p.csv")
        rows = self.env["ukkr.measure.figure"].figures("2026-11-01", "2026-11-30")
        notices = [r for r in rows if r["measure"] == 10]
        self.assertEqual([(r["model"], r["count"], r["amount"], r["recovered"]) for r in notices],
                         [("ukkr.notice", 2, 21500.0, 500.0)])
        self.assertEqual(sorted(r["measure"] for r in rows), [9, 10, 12])


class TestNoticeChannels(TestCaseActions):
    """Notices by SMS and e-mail go through the real queues: the SMS reaches a local HTTP gateway, its delivery
    report proves the delivery; the e-mail is a mail.mail with the debt table."""

    def setUp(self):
        super().setUp()
        from .local_servers import FakeSmsGateway
        self.fake = FakeSmsGateway()
        self.addCleanup(self.fake.stop)
        self.env.cr.execute("DELETE FROM ukkr_sms_message; UPDATE ukkr_sms_gateway SET active = false")
        self.env["ukkr.sms.gateway"].create({"name": "Тест", "url": self.fake.url, "login": "ukkr", "token": "t",
                                             "sender": "UKKR", "daily_limit": 0, "timeout": 2})
        self.env.user.company_id.email = "ukkr@example.ru"
        self.legal = self.by_account["9900000003"]
        self.legal.account_id.write({"phone": "8 913 765-43-21", "email": "buh@brianka-les.ru"})

    def test_sms_notice_delivered_by_the_gateway_report(self):
        self.fake.answer_status = "delivered"
        without_phone = self.by_account["9900000002"]
        # 26.11.2026 12:00 Krasnoyarsk = 05:00 UTC: outside the quiet hours
        notices = self.batch(self.cases, context={"ukkr_now": "2026-11-26 05:00:00"}, kind="pp354_warning",
                             channel="sms")
        self.assertEqual(notices.mapped("case_id"), self.legal, "the account without a phone is skipped")
        self.assertFalse(without_phone.notice_ids)
        message = notices.sms_message_id
        self.assertEqual((notices.state, message.state, message.phone), ("sent", "queued", "+79137654321"))
        self.env["ukkr.sms.message"].with_context(ukkr_now="2026-11-26 05:01:00")._process_queue()
        self.assertEqual(len(self.fake.requests), 1)
        text = self.fake.requests[0]["json"]["text"]
        self.assertIn("9900000003", text)
        self.assertIn("20 000,00", text)
        self.assertEqual((message.state, notices.state, notices.date_delivered, notices.pay_by),
                         ("delivered", "delivered", "2026-11-26", "2026-12-16"))
        self.assertEqual(self.legal.stage_code, "notified")

    def test_email_notice_queued_with_the_debt(self):
        notices = self.batch(self.legal, kind="warning", channel="email")
        mail = notices.mail_id
        self.assertEqual(notices.state, "sent")
        self.assertIn("<buh@brianka-les.ru>", mail.email_to)
        self.assertIn("9900000003", mail.subject)
        self.assertIn("20\u00a0000,00", mail.body_html)   # the Russian way (issue 17)
        self.assertIn("2026-09", mail.body_html)
