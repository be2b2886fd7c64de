"""E-mail to a payer through Odoo's mail queue to a real local SMTP server (tests/local_servers.py); the message
that arrived is parsed as a mail client would and its subject, recipient, Russian text and attachment checked."""
import email
import email.policy
import threading
from contextlib import contextmanager
from email.header import decode_header, make_header

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from .local_servers import LocalSmtpServer
from .test_sms_gateway import make_account, make_user

SUBJECT = "Уведомление о задолженности по лицевому счёту 4100001"
BODY = "<p>Уважаемый Иван Иванович! Задолженность составляет <b>12 345,67 ₽</b>. Просим оплатить до 25.03.2026.</p>"
ATTACHMENT = ("Уведомление о задолженности.pdf", b"%PDF-1.4\n% test notice\n")


@contextmanager
def smtp_allowed():
    """Odoo's mail server never connects in a test thread (``threading.currentThread().testing``); lift that guard
    for the block so the real SMTP path runs. Commits stay off: we call ``send(auto_commit=False)`` ourselves."""
    thread = threading.currentThread()
    saved = getattr(thread, "testing", False)
    thread.testing = False
    try:
        yield
    finally:
        thread.testing = saved


def decoded(value):
    return str(make_header(decode_header(value)))


class TestEmailSending(TransactionCase):

    def setUp(self):
        super().setUp()
        self.smtp = LocalSmtpServer()
        self.addCleanup(self.smtp.stop)
        self.env.cr.execute("UPDATE ir_mail_server SET active = false")
        self.env["ir.mail_server"].create({"name": "Локальный SMTP (тест)", "smtp_host": "127.0.0.1",
                                           "smtp_port": self.smtp.port, "smtp_encryption": "none"})
        self.env.user.company_id.email = "ukkr@example.ru"
        self.account = make_account(self.env)
        self.operator = make_user(self.env, "mail_op", "group_ukkr_operator")
        self.Mailer = self.env["ukkr.mailer"].sudo(self.operator)

    def test_email_arrives_with_subject_text_and_attachment(self):
        origin = self.account.partner_id
        mail = self.Mailer.send_debt_email(self.account, SUBJECT, BODY, attachments=[ATTACHMENT], origin=origin)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn(mail, self.env["mail.mail"].search([("state", "=", "outgoing")]), "waits in Odoo's queue")
        with smtp_allowed():
            self.env["mail.mail"].browse(mail.id).send(auto_commit=False)
        self.assertEqual(mail.state, "sent", mail.failure_reason)
        self.assertEqual(len(self.smtp.messages), 1)
        mail_from, recipients, raw = self.smtp.messages[0]
        self.assertEqual((mail_from, recipients), ("ukkr@example.ru", ["ivanov@example.ru"]))
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self.assertEqual(decoded(message["Subject"]), SUBJECT)
        self.assertEqual(decoded(message["To"]), "Иванов Иван Иванович <ivanov@example.ru>")
        self.assertIn("ukkr@example.ru", decoded(message["From"]))
        self.assertEqual(message["X-UKKR-Origin"], "res.partner,%d" % origin.id)
        html = message.get_body(preferencelist=("html",)).get_content()
        text = message.get_body(preferencelist=("plain",)).get_content()
        self.assertIn("Задолженность составляет <b>12 345,67 ₽</b>", html)
        self.assertIn("Уважаемый Иван Иванович!", text)
        self.assertIn("12 345,67 ₽", text)
        attachments = [(decoded(part.get_filename()), part.get_content()) for part in message.iter_attachments()]
        self.assertEqual(attachments, [ATTACHMENT])
        # the e-mail is on the account's chatter, with its attachment
        posted = self.account.message_ids.filtered(lambda m: m.subject == SUBJECT)
        self.assertEqual(posted.attachment_ids.mapped("datas_fname"), [ATTACHMENT[0]])

    def test_refusals_leave_nothing_behind(self):
        if not self.env["res.lang"].search([("code", "=", "ru_RU")]):
            self.env["res.lang"].load_lang("ru_RU")
        self.env["ir.translation"].load_module_terms(["ukkr_collections"], ["ru_RU"])
        Mailer = self.Mailer.with_context(lang="ru_RU")
        Mail = self.env["mail.mail"]
        count, attachments = Mail.search_count([]), self.env["ir.attachment"].search_count([])
        self.account.email_opt_out = True
        with self.assertRaisesRegex(UserError, "отказался от электронной почты"):
            Mailer.send_debt_email(self.account, SUBJECT, BODY, attachments=[ATTACHMENT])
        self.account.write({"email_opt_out": False, "email": False})
        self.account.partner_id.email = False
        with self.assertRaisesRegex(UserError, "нет адреса электронной почты"):
            Mailer.send_debt_email(self.account, SUBJECT, BODY)
        self.account.email = "иванов@почта.рф"
        with self.assertRaisesRegex(UserError, "неверный"):
            Mailer.send_debt_email(self.account, SUBJECT, BODY, attachments=[ATTACHMENT])
        self.account.email = "ivanov@example"
        with self.assertRaisesRegex(UserError, "неверный"):
            Mailer.send_debt_email(self.account, SUBJECT, BODY)
        self.assertEqual((Mail.search_count([]), self.env["ir.attachment"].search_count([])), (count, attachments))
        self.assertEqual(self.smtp.messages, [])
        # the payer's own address is used when the account has none
        self.account.email = False
        self.account.partner_id.email = "payer@example.ru"
        mail = Mailer.send_debt_email(self.account.id, SUBJECT, BODY)
        self.assertEqual(mail.email_to, '"Иванов Иван Иванович" <payer@example.ru>')

    def test_only_ukkr_users_send(self):
        control = make_user(self.env, "mail_ctl", "group_admin_control")
        with self.assertRaises(AccessError):
            self.env["ukkr.mailer"].sudo(control).send_debt_email(self.account, SUBJECT, BODY)
