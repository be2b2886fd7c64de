"""Measure 7: the register of debtors' employers and the letters to their heads.

Worked example (the billing test's three accounts, September 2026 closed on 26.11.2026): the snapshot of 2026-09 holds
9900000001 — 3 000,00 + 450,50 = 3 450,50, 9900000002 — 2 500,00, 9900000003 — 20 000,00 (the October payments come
after the month), none overdue on 30.09 (September is due in October). The district: 3 accounts in debt,
3 450,50 + 2 500,00 + 20 000,00 = 25 950,50.
«ООО «Прииск»» employs the payers of 9900000001 and 9900000002: 2 accounts, 2 in debt, 3 450,50 + 2 500,00 = 5 950,50.
"""
from odoo.exceptions import AccessError, UserError
from odoo.tests import common

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS
from .test_delivery_tracking import smtp_in_test_mode

GROUPS = {"operator": "group_ukkr_operator", "lawyer": "group_ukkr_lawyer", "manager": "group_ukkr_manager",
          "executor": "group_admin_executor", "control": "group_admin_control"}


class TestEmployerLetters(common.TransactionCase):

    def setUp(self):
        super().setUp()
        env = self.env
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
                env["ukkr.billing.import"].import_content(text.encode("utf-8"), name)
            if not env["ukkr.monthly.close"].search([("period", "=", "2026-09"), ("state", "=", "closed")]):
                env["ukkr.monthly.close"].close_period("2026-09")
        Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
        self.users = {code: Users.create({"name": "Работодатели: " + code, "login": "t_employer_" + code,
                                          "email": "employer_%s@ukkr.example.ru" % code, "lang": False,
                                          "groups_id": [(6, 0, [env.ref("ukkr_debt_plan." + xml_id).id])]})
                      for code, xml_id in GROUPS.items()}
        env.user.company_id.email = "ukkr@ukkr.example.ru"
        self.accounts = {a.name: a for a in env["ukkr.personal.account"].search([("name", "like", "99000000%")])}
        partner = env["res.partner"].create({"name": "ООО «Прииск»", "is_company": True})
        self.employer = env["ukkr.employer"].sudo(self.users["executor"]).create({
            "partner_id": partner.id, "head_name": "Генеральному директору Сидорову С. С.",
            "address": "гп Северо-Енисейский, ул. Ленина, 1", "email": "office@priisk.example.ru"})
        for number in ("9900000001", "9900000002"):
            env["ukkr.employer.employee"].sudo(self.users["lawyer"]).create({
                "employer_id": self.employer.id, "account_id": self.accounts[number].id, "source": "исп. документ"})

    def new_letter(self, channel="post", user="executor"):
        with today_is("2026-11-26"):
            return self.env["ukkr.employer.letter"].sudo(self.users[user]).create({
                "employer_id": self.employer.id, "channel": channel})

    def test_letter_fixes_the_figures_records_the_cases_and_counts_for_measure_7(self):
        letter = self.new_letter()
        with today_is("2026-11-26"):
            letter.action_send()
        self.assertEqual((letter.state, letter.date_sent, letter.snapshot_period, letter.as_of),
                         ("sent", "2026-11-26", "2026-09", "2026-09-30"))
        self.assertEqual((letter.district_accounts, letter.district_debt, letter.district_overdue),
                         (3, 25950.50, 0.0))
        self.assertEqual((letter.employee_accounts, letter.employee_debtors, letter.employee_debt),
                         (2, 2, 5950.50))
        # the mailing is in both debtors' cases, dated as sent
        actions = self.env["ukkr.employer.letter.action"].search([("letter_id", "=", letter.id)])
        self.assertEqual(sorted(actions.mapped("account_id.name")), ["9900000001", "9900000002"])
        self.assertEqual(set(actions.mapped("date")), {"2026-11-26"})
        # measure 7: one letter, the employees' debt; recovered: nothing paid after 26.11
        rows = self.env["ukkr.measure.figure"].figures("2026-10-01", "2026-12-31", numbers=[7])
        self.assertEqual([(r["count"], r["amount"], r["recovered"]) for r in rows
                          if r["model"] == "ukkr.employer.letter"], [(1, 5950.50, 0.0)])
        execution = self.env["ukkr.plan.execution"].create({
            "measure_id": self.env.ref("ukkr_debt_plan.measure_7").id, "period_start": "2026-10-01",
            "period_end": "2026-12-31", "deadline": "2026-12-31"})
        events = self.env["ukkr.plan.info.event"].search_count([
            ("measure_id", "=", execution.measure_id.id), ("date", ">=", "2026-10-01"), ("date", "<=", "2026-12-31")])
        self.assertEqual(execution.action_count, events + 1)
        # sending twice is refused, nothing changes
        with today_is("2026-11-27"), self.assertRaises(UserError):
            letter.action_send()
        self.assertEqual((letter.date_sent, len(letter.sudo().action_ids)), ("2026-11-26", 2))

    def test_printed_letter_is_russian_and_names_nobody(self):
        letter = self.new_letter()
        html = self.env.ref("ukkr_collections.report_employer_letter").sudo(
            self.users["executor"]).render_qweb_html(letter.ids)[0].decode("utf-8")
        self.assertIn("О задолженности за жилищно-коммунальные услуги", html)
        self.assertIn("25 950,50 руб.", html)
        self.assertIn("5 950,50 руб.", html)
        self.assertIn("30.09.2026", html)
        for channel_name in self.env["ukkr.payment.channel"]._payer_channels():
            self.assertIn(channel_name[0], html)
        for secret in ("Иванов", "Петрова", "9900000001", "9900000002", "ул. Южная"):
            self.assertNotIn(secret, html)

    def test_who_may_see_and_send(self):
        letter = self.new_letter()
        # where a payer works: the legal group and the manager only
        for code in ("operator", "executor", "control"):
            with self.assertRaises(AccessError):
                self.env["ukkr.employer.employee"].sudo(self.users[code]).search([]).read(["account_id"])
            with self.assertRaises(AccessError):
                self.employer.sudo(self.users[code]).read(["employee_ids"])
        for code in ("lawyer", "manager"):
            self.assertEqual(len(self.employer.sudo(self.users[code]).employee_ids), 2)
        # the count is for everyone (no names)
        self.assertEqual(self.employer.sudo(self.users["operator"]).employee_count, 2)
        # reads are logged (who, which record, which fields — not the values)
        Log = self.env["auditlog.log"]
        before = Log.search_count([("model_id.model", "=", "ukkr.employer.employee"), ("method", "=", "read")])
        self.employer.sudo(self.users["lawyer"]).employee_ids.read(["account_id", "source"])
        logs = Log.search([("model_id.model", "=", "ukkr.employer.employee"), ("method", "=", "read")])
        self.assertGreater(len(logs), before)
        self.assertTrue(any("account_id" in (log.ukkr_fields_read or "") and log.user_id == self.users["lawyer"]
                            for log in logs))
        # the operator and the control group may not send; the rows stay as they were
        for code in ("operator", "control"):
            with today_is("2026-11-26"), self.assertRaises(AccessError):
                letter.sudo(self.users[code]).action_send()
        self.assertEqual((letter.state, letter.date_sent, letter.employee_debt), ("draft", False, 0.0))
        self.assertFalse(self.env["ukkr.employer.letter.action"].search([("letter_id", "=", letter.id)]))
        # nobody writes the status or the figures directly
        for field, value in (("state", "sent"), ("employee_debt", 1.0), ("date_sent", "2026-11-26")):
            with self.assertRaises(UserError):
                letter.sudo(self.users["executor"]).write({field: value})
        self.assertEqual(letter.state, "draft")
        # the recorded case actions: the legal group reads them, the operator does not
        with today_is("2026-11-26"):
            letter.sudo(self.users["executor"]).action_send()
        with self.assertRaises(AccessError):
            self.env["ukkr.employer.letter.action"].sudo(self.users["operator"]).search([]).read(["account_id"])
        self.assertEqual(len(self.env["ukkr.employer.letter.action"].sudo(self.users["lawyer"]).search(
            [("letter_id", "=", letter.id)])), 2)

    def test_bad_input_leaves_the_letter_a_draft(self):
        # no closed month before the letter's date
        with today_is("2026-09-15"):
            early = self.env["ukkr.employer.letter"].sudo(self.users["executor"]).create({
                "employer_id": self.employer.id})
            with self.assertRaisesRegex(UserError, "15.09.2026"):   # no month closed before it
                early.action_send()
        self.assertEqual(early.state, "draft")
        # by e-mail without an address
        self.employer.email = False
        letter = self.new_letter(channel="email")
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "ООО «Прииск»"):   # no address
            letter.action_send()
        self.assertEqual((letter.state, letter.mail_id.id, letter.date_sent), ("draft", False, False))
        # a future letter date
        future = self.env["ukkr.employer.letter"].create({"employer_id": self.employer.id, "date": "2026-12-20"})
        with today_is("2026-11-26"), self.assertRaises(UserError):   # dated in the future
            future.action_send()
        # a sent letter cannot be deleted
        with today_is("2026-11-26"):
            sent = self.new_letter()
            sent.action_send()
        with self.assertRaises(UserError):
            sent.unlink()

    def test_email_delivery_and_bounce_from_mail_tracking(self):
        delivered, bounced = self.new_letter(channel="email"), self.new_letter(channel="email")
        with today_is("2026-11-26"):
            (delivered | bounced).action_send()
        self.assertTrue(delivered.mail_id and bounced.mail_id)
        self.assertIn("5 950,50", delivered.mail_id.body_html)
        with smtp_in_test_mode():
            (delivered.mail_id | bounced.mail_id).sudo().send()   # mail_tracking: a tracking record per e-mail, «sent»
        Tracking = self.env["mail.tracking.email"]
        track_ok = Tracking.search([("mail_id", "=", delivered.mail_id.id)])
        track_bad = Tracking.search([("mail_id", "=", bounced.mail_id.id)])
        self.assertEqual((track_ok.state, track_bad.state), ("sent", "sent"))
        delivered.invalidate_cache()
        self.assertEqual(delivered.email_state, "sent")
        track_ok.event_create("delivered", {})
        track_bad.event_create("hard_bounce", {"bounce_type": "550", "bounce_description": "no such user"})
        delivered.invalidate_cache()
        self.assertEqual((delivered.state, delivered.email_state), ("delivered", "delivered"))
        self.assertEqual((bounced.state, bounced.email_state), ("failed", "bounced"))
        track_ok.event_create("open", {})
        delivered.invalidate_cache()
        self.assertEqual((delivered.state, delivered.email_state), ("delivered", "opened"))
        # measure 7 counts the delivered letter, not the bounced one
        rows = self.env["ukkr.measure.figure"].figures("2026-10-01", "2026-12-31", numbers=[7])
        self.assertEqual([r["count"] for r in rows if r["model"] == "ukkr.employer.letter"], [1])

    def test_prepare_letters_from_the_register(self):
        action = self.employer.sudo(self.users["executor"]).action_prepare_letters()
        letters = self.env["ukkr.employer.letter"].search(action["domain"])
        self.assertEqual((len(letters), letters.state, letters.channel), (1, "draft", "email"))
        again = self.employer.sudo(self.users["executor"]).action_prepare_letters()
        self.assertEqual(self.env["ukkr.employer.letter"].search(again["domain"]), letters, "no second draft")
        with self.assertRaises(AccessError):
            self.employer.sudo(self.users["operator"]).action_prepare_letters()
