"""SMS queue against a real local HTTP gateway (tests/local_servers.py): what arrived, quiet hours, daily limit,
retries, refusals and access. «Now» is set through the context key ``ukkr_now`` (UTC); ``krsk()`` converts a
Krasnoyarsk local time (UTC+7) to it, e.g. 10.03.2026 22:30 local = 10.03.2026 15:30 UTC."""
import socket
import threading
from datetime import datetime

import pytz

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase, at_install, post_install

from ..models import sms_providers, sms_schedule
from ..models.sms_phone import normalise_ru_phone
from ..models.ukkr_sms_gateway import PROVIDER_SELECTION
from .local_servers import FakeSmsGateway

KRSK = pytz.timezone("Asia/Krasnoyarsk")
TEXT = "Задолженность по л/с 4100001: 1 234,56 ₽. Оплатите до 25.03. МУП «УККР»"


def krsk(local):
    """Krasnoyarsk local «YYYY-MM-DD HH:MM» → UTC «YYYY-MM-DD HH:MM:SS» as Odoo stores it."""
    moment = KRSK.localize(datetime.strptime(local, "%Y-%m-%d %H:%M")).astimezone(pytz.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def make_account(env, number="SMS-TEST-0001", phone="8 (913) 123-45-67", email="ivanov@example.ru"):
    settlement = env["ukkr.settlement"].create({"name": "гп Северо-Енисейский (тест)"})
    building = env["ukkr.building"].create({"settlement_id": settlement.id, "street": "ул. Ленина", "house": "1"})
    partner = env["res.partner"].create({"name": "Иванов Иван Иванович"})
    return env["ukkr.personal.account"].create({"name": number, "building_id": building.id,
                                                "partner_id": partner.id, "apartment": "5", "phone": phone,
                                                "email": email})


def make_user(env, login, group):
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": login, "login": "t_sms_" + login, "lang": False,
        "groups_id": [(6, 0, [env.ref("ukkr_debt_plan." + group).id])]})


def free_closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


class TestSmsPureFunctions(TransactionCase):

    def test_phone_normalisation(self):
        good = {"8 (913) 123-45-67": "+79131234567", "+7 913 123 45 67": "+79131234567",
                "79131234567": "+79131234567", "9131234567": "+79131234567", " +7(913)123.45.67 ": "+79131234567"}
        for raw, phone in good.items():
            self.assertEqual(normalise_ru_phone(raw), (phone, None), raw)
        bad = {"": "empty", "12345": "length", "8913abc4567": "letters", "+1 202 555 0143": "country",
               "+44 20 7946 0958": "country", "8 (39160) 2-10-00": "not_mobile", "+7 913 123 45 6": "length",
               "8 913 123 45 678": "length"}
        for raw, problem in bad.items():
            self.assertEqual(normalise_ru_phone(raw), (None, problem), raw)

    def test_quiet_hours_and_local_day(self):
        """The worked examples of models/sms_schedule.py (Krasnoyarsk, quiet 21:00–08:00)."""
        def quiet(utc):
            return sms_schedule.quiet_until(datetime.strptime(utc, "%Y-%m-%d %H:%M"), "Asia/Krasnoyarsk", 21.0,
                                            8.0)
        self.assertEqual(quiet("2026-03-10 15:30"), datetime(2026, 3, 11, 1, 0))   # 22:30 local
        self.assertEqual(quiet("2026-03-11 00:59"), datetime(2026, 3, 11, 1, 0))   # 07:59 local
        self.assertIsNone(quiet("2026-03-11 01:00"))                                # 08:00 local
        self.assertIsNone(quiet("2026-03-10 13:59"))                                # 20:59 local
        self.assertEqual(quiet("2026-03-10 14:00"), datetime(2026, 3, 11, 1, 0))   # 21:00 local
        self.assertEqual(quiet("2026-03-10 17:30"), datetime(2026, 3, 11, 1, 0))   # 00:30 local, same local day
        # within a day (13:00–14:00) and none at all (start = end)
        self.assertEqual(sms_schedule.quiet_until(datetime(2026, 3, 10, 6, 30), "Asia/Krasnoyarsk", 13.0, 14.0),
                         datetime(2026, 3, 10, 7, 0))
        self.assertIsNone(sms_schedule.quiet_until(datetime(2026, 3, 10, 15, 30), "Asia/Krasnoyarsk", 0.0, 0.0))
        self.assertEqual(sms_schedule.local_day_window(datetime(2026, 3, 10, 6, 0), "Asia/Krasnoyarsk"),
                         (datetime(2026, 3, 9, 17, 0), datetime(2026, 3, 10, 17, 0)))
        self.assertEqual(sms_schedule.local_day_window(datetime(2026, 3, 10, 18, 0), "Asia/Krasnoyarsk"),
                         (datetime(2026, 3, 10, 17, 0), datetime(2026, 3, 11, 17, 0)))

    def test_every_provider_of_the_selection_has_an_adapter(self):
        self.assertEqual(sorted(code for code, _label in PROVIDER_SELECTION), sorted(sms_providers.PROVIDERS))


class SmsCase(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang="en_US"))  # technical texts asserted in English
        self.fake = FakeSmsGateway()
        self.addCleanup(self.fake.stop)
        self.env.cr.execute("DELETE FROM ukkr_sms_message; UPDATE ukkr_sms_gateway SET active = false")
        self.gateway = self.env["ukkr.sms.gateway"].create({
            "name": "Тестовый шлюз", "url": self.fake.url, "login": "ukkr", "token": "secret-token",
            "sender": "UKKR", "daily_limit": 0, "max_attempts": 3, "retry_delay": 10, "timeout": 2})
        self.account = make_account(self.env)
        self.Sms = self.env["ukkr.sms.message"]

    def at(self, local):
        return self.Sms.with_context(ukkr_now=krsk(local))

    def process(self, local, limit=100):
        return self.at(local)._process_queue(limit=limit)

    def russian(self, model):
        if not self.env["res.lang"].search([("code", "=", "ru_RU")]):
            self.env["res.lang"].load_lang("ru_RU")
        self.env["ir.translation"].load_module_terms(["ukkr_collections"], ["ru_RU"])
        return model.with_context(lang="ru_RU")


class TestSmsQueue(SmsCase):

    def test_sent_with_the_exact_json_and_noted_on_the_account(self):
        message = self.at("2026-03-10 12:00").queue_sms("8 (913) 123-45-67", TEXT, account=self.account)
        self.assertEqual((message.phone, message.state, message.gateway_id, message.partner_id),
                         ("+79131234567", "queued", self.gateway, self.account.partner_id))
        self.assertEqual(self.process("2026-03-10 12:01"), 1)
        self.assertEqual(len(self.fake.requests), 1)
        request = self.fake.requests[0]
        self.assertEqual(request["path"], "/api/send")
        self.assertEqual(request["headers"]["Content-Type"], "application/json")
        self.assertEqual(request["json"], {"login": "ukkr", "token": "secret-token", "sender": "UKKR",
                                           "phone": "+79131234567", "text": TEXT,
                                           "client_id": "ukkr-sms-%d" % message.id})
        self.assertEqual((message.state, message.provider_message_id, message.sent_at, message.attempts,
                          message.last_error), ("sent", "MSG-1", krsk("2026-03-10 12:01"), 1, False))
        notes = self.account.message_ids.filtered(lambda m: "+79131234567" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn("1 234,56 ₽", notes.body)
        # a sent message is never sent again
        self.assertEqual(self.process("2026-03-10 12:10"), 0)
        self.assertEqual(len(self.fake.requests), 1)
        # a gateway that reports delivery at once
        self.fake.answer_status = "delivered"
        second = self.at("2026-03-10 12:20").queue_sms("", "Второе сообщение", account=self.account)
        self.assertEqual(second.phone, "+79131234567", "the account's phone when none is given")
        self.process("2026-03-10 12:21")
        self.assertEqual((second.state, second.provider_message_id), ("delivered", "MSG-2"))

    def test_quiet_hours_in_krasnoyarsk(self):
        message = self.at("2026-03-10 22:30").queue_sms("+7 913 123 45 67", TEXT, account=self.account)
        self.assertEqual(self.process("2026-03-10 22:31"), 0)
        self.assertEqual(self.fake.requests, [])
        self.assertEqual((message.state, message.next_attempt_at), ("queued", krsk("2026-03-11 08:00")))
        self.assertEqual(self.process("2026-03-11 07:59"), 0)
        self.assertEqual(self.fake.requests, [])
        self.assertEqual(self.process("2026-03-11 08:00"), 1)
        self.assertEqual(len(self.fake.requests), 1)
        self.assertEqual((message.state, message.sent_at), ("sent", krsk("2026-03-11 08:00")))

    def test_daily_limit_per_local_day(self):
        self.gateway.daily_limit = 2
        messages = [self.at("2026-03-10 10:00").queue_sms("+7913000000%d" % i, "Сообщение %d" % i)
                    for i in range(3)]
        self.assertEqual(self.process("2026-03-10 10:01"), 2)
        self.assertEqual([m.state for m in messages], ["sent", "sent", "queued"])
        # the rest waits for tomorrow: local midnight is in the quiet hours, so 08:00
        self.assertEqual(messages[2].next_attempt_at, krsk("2026-03-11 08:00"))
        self.assertEqual(self.gateway.with_context(ukkr_now=krsk("2026-03-10 12:00")).sent_today, 2)
        late = self.at("2026-03-10 15:00").queue_sms("+79130000009", "Ещё одно")
        self.assertEqual(self.process("2026-03-10 15:01"), 0)
        self.assertEqual((late.state, late.next_attempt_at), ("queued", krsk("2026-03-11 08:00")))
        self.assertEqual(len(self.fake.requests), 2)
        self.assertEqual(self.process("2026-03-11 08:05"), 2)
        self.assertEqual([m.state for m in messages + [late]], ["sent"] * 4)
        self.assertEqual(len(self.fake.requests), 4)

    def test_gateway_failure_retried_then_sent(self):
        self.fake.fail(2, status=500)
        message = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT)
        self.process("2026-03-10 12:00")
        self.assertEqual((message.state, message.attempts, message.next_attempt_at),
                         ("queued", 1, krsk("2026-03-10 12:10")))
        self.assertIn("HTTP 500", message.last_error)
        self.assertEqual(self.process("2026-03-10 12:05"), 0, "not before the retry delay")
        self.process("2026-03-10 12:10")
        self.assertEqual((message.state, message.attempts), ("queued", 2))
        self.process("2026-03-10 12:20")
        self.assertEqual((message.state, message.attempts, message.last_error), ("sent", 3, False))
        self.assertEqual(len(self.fake.requests), 3)
        self.assertEqual({r["json"]["client_id"] for r in self.fake.requests}, {"ukkr-sms-%d" % message.id})
        self.assertEqual(len(message.attempt_log.splitlines()), 3)

    def test_gateway_failure_retried_then_failed_without_losing_the_message(self):
        self.fake.refuse(3, "Недостаточно средств на балансе")
        message = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT, account=self.account)
        for local in ("2026-03-10 12:00", "2026-03-10 12:10", "2026-03-10 12:20"):
            self.process(local)
        self.assertEqual((message.state, message.attempts, message.body), ("failed", 3, TEXT))
        self.assertIn("Недостаточно средств на балансе", message.last_error)
        self.assertEqual(len(message.attempt_log.splitlines()), 3)
        self.assertEqual(self.process("2026-03-10 13:00"), 0, "a failed message is not retried by itself")
        self.assertEqual(len(self.fake.requests), 3)
        self.assertTrue(self.account.message_ids.filtered(lambda m: "Недостаточно средств" in (m.body or "")))
        # «Повторить» by an operator: queued again with fresh attempts, then sent
        operator = make_user(self.env, "op", "group_ukkr_operator")
        message.sudo(operator).with_context(ukkr_now=krsk("2026-03-10 13:00")).action_retry()
        self.assertEqual((message.state, message.attempts), ("queued", 0))
        self.process("2026-03-10 13:01")
        self.assertEqual((message.state, message.provider_message_id), ("sent", "MSG-4"))

    def test_timeout_and_refused_connection_are_retried(self):
        self.gateway.timeout = 1
        self.fake.delay = 2
        slow = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT)
        self.process("2026-03-10 12:00")
        self.assertEqual((slow.state, slow.attempts), ("queued", 1))
        self.assertEqual(slow.last_error, "the gateway did not answer within 1 s")
        self.fake.delay = 0
        self.gateway.url = "http://127.0.0.1:%d/api/send" % free_closed_port()
        self.process("2026-03-10 12:10")
        self.assertEqual((slow.state, slow.attempts), ("queued", 2))
        self.assertEqual(slow.last_error, "no connection to the gateway (%s: Connection refused)" % self.gateway.url)
        self.assertEqual(len(self.fake.requests), 1)

    def test_invalid_phones_refused_nothing_created(self):
        Sms = self.russian(self.Sms)
        count = Sms.search_count([])
        expected = {"12345": "цифр", "8913abc4567": "буквы", "+1 202 555 0143": "не российский",
                    "8 (39160) 2-10-00": "не мобильный", "": "Не указан номер"}
        for raw, words in expected.items():
            with self.assertRaises(ValidationError) as caught:
                Sms.queue_sms(raw, TEXT)
            self.assertIn(words, caught.exception.name, raw)
        self.account.phone = "нет телефона"
        with self.assertRaises(ValidationError):
            Sms.queue_sms(None, TEXT, account=self.account)
        with self.assertRaises(ValidationError):
            Sms.queue_sms("+79131234567", "   ")
        self.assertEqual(Sms.search_count([]), count)

    def test_opt_out_respected(self):
        queued = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT, account=self.account)
        self.account.sms_opt_out = True
        count = self.Sms.search_count([])
        with self.assertRaises(UserError) as caught:
            self.russian(self.Sms).queue_sms("+79131234567", TEXT, account=self.account)
        self.assertIn("отказался от SMS", caught.exception.name)
        self.assertEqual(self.Sms.search_count([]), count)
        # a message queued before the opt-out is cancelled, not sent
        self.process("2026-03-10 12:05")
        self.assertEqual(queued.state, "cancelled")
        self.assertEqual(self.fake.requests, [])
        self.assertTrue(self.account.message_ids.filtered(lambda m: "sms_opt_out" in m.tracking_value_ids.mapped(
            "field")), "the opt-out is tracked in the chatter")

    def test_interrupted_sending_is_failed_not_resent(self):
        message = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT)
        self.env.cr.execute("""UPDATE ukkr_sms_message SET state = 'sending',
                               write_date = now() at time zone 'utc' - interval '2 hours' WHERE id = %s""",
                            (message.id,))
        message.invalidate_cache()
        self.process("2026-03-10 12:05")
        self.assertEqual(message.state, "failed")
        self.assertIn("outcome is unknown", message.last_error)
        self.assertEqual(self.fake.requests, [])

    def test_cancel_and_origin(self):
        origin = self.account.partner_id
        message = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT, origin=origin)
        self.assertEqual((message.res_model, message.res_id, message.origin_name),
                         ("res.partner", origin.id, origin.display_name))
        manager = make_user(self.env, "mgr", "group_ukkr_manager")
        message.sudo(manager).action_cancel()
        self.assertEqual(message.state, "cancelled")
        self.process("2026-03-10 12:05")
        self.assertEqual(self.fake.requests, [])
        with self.assertRaises(UserError):
            message.sudo(manager).action_cancel()

    def test_smsru_style_form_adapter(self):
        self.gateway.write({"provider": "smsru_form", "url": "http://127.0.0.1:%d/sms/send" % self.fake.port})
        message = self.at("2026-03-10 12:00").queue_sms("+79131234567", TEXT)
        self.process("2026-03-10 12:01")
        self.assertEqual(self.fake.requests[0]["form"], {"api_id": "secret-token", "to": "79131234567",
                                                         "msg": TEXT, "from": "UKKR", "json": "1"})
        self.assertEqual((message.state, message.provider_message_id), ("sent", "RU-1"))
        with self.assertRaisesRegex(UserError, "balance 42"):
            self.gateway.action_check_connection()
        self.assertEqual(self.fake.requests[-1]["path"], "/auth/check")

    def test_check_connection(self):
        with self.assertRaisesRegex(UserError, "works.*balance: 42"):
            self.gateway.action_check_connection()
        self.assertEqual(self.fake.requests[-1]["json"], {"login": "ukkr", "token": "secret-token",
                                                          "sender": "UKKR", "check": True})
        self.fake.refuse(1, "неверный токен")
        with self.assertRaisesRegex(UserError, "did not accept the check.*неверный токен"):
            self.gateway.action_check_connection()

    def test_gateway_settings_checked(self):
        with self.assertRaises(ValidationError):
            self.gateway.quiet_start = 25
        with self.assertRaises(ValidationError):
            self.gateway.url = "ftp://127.0.0.1/"
        with self.assertRaises(ValidationError):
            self.gateway.max_attempts = 0

    def test_access(self):
        operator = make_user(self.env, "op", "group_ukkr_operator")
        lawyer = make_user(self.env, "law", "group_ukkr_lawyer")
        manager = make_user(self.env, "mgr", "group_ukkr_manager")
        executor = make_user(self.env, "exe", "group_admin_executor")
        control = make_user(self.env, "ctl", "group_admin_control")
        message = self.Sms.sudo(operator).queue_sms("+79131234567", TEXT, account=self.account.id)
        self.assertEqual(message.state, "queued")
        count = self.Sms.search_count([])
        with self.assertRaisesRegex(UserError, "Status|Статус"), self.env.cr.savepoint():
            self.Sms.sudo(operator).create({"phone": "+79131234567", "body": "x", "state": "delivered",
                                            "attempts": 7})
        self.assertEqual(self.Sms.search_count([]), count, "status fields are the queue's: nothing created")
        with self.assertRaises(AccessError):   # operators do not write SMS at all
            message.sudo(operator).write({"state": "delivered"})
        with self.assertRaisesRegex(UserError, "Status|Статус"):
            message.sudo(manager).write({"state": "delivered"})
        self.assertEqual(message.state, "queued")
        with self.assertRaises(AccessError):
            self.Sms.sudo(lawyer).queue_sms("+79131234567", TEXT)
        self.assertEqual(message.sudo(lawyer).read(["phone"])[0]["phone"], "+79131234567")
        for user in (executor, control):
            with self.assertRaises(AccessError):
                message.sudo(user).read(["phone"])
            with self.assertRaises(AccessError):
                self.gateway.sudo(user).read(["name"])
        # the token: managers only; operators read the rest of the gateway
        self.assertEqual(self.gateway.sudo(operator).read(["url"])[0]["url"], self.fake.url)
        with self.assertRaises(AccessError):
            self.gateway.sudo(operator).read(["token"])
        self.assertEqual(self.gateway.sudo(manager).read(["token"])[0]["token"], "secret-token")
        with self.assertRaises(AccessError):
            self.gateway.sudo(operator).write({"url": "http://127.0.0.1:1/"})
        with self.assertRaises(UserError):
            self.gateway.sudo(operator).action_check_connection()
        with self.assertRaises(AccessError):
            message.sudo(lawyer).action_cancel()
        with self.assertRaises(UserError):
            message.sudo(manager).action_retry()  # only failed or cancelled messages are retried


@at_install(False)
@post_install(True)
class TestSmsOverlappingRuns(TransactionCase):
    """Two queue runs at the same time, each in its own committed transaction, as two cron workers would: every
    message reaches the gateway exactly once. The data is committed (no other way for two connections to see it)
    and removed at the end. Post-install: during the install the new tables are not committed yet."""

    def test_overlapping_runs_send_each_message_once(self):
        fake = FakeSmsGateway()
        self.addCleanup(fake.stop)
        fake.delay = 0.2
        registry = self.registry
        now = krsk("2026-03-10 12:00")
        with api.Environment.manage(), registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"ukkr_now": now, "tracking_disable": True})
            gateway = env["ukkr.sms.gateway"].create({"name": "overlap test", "url": fake.url, "sequence": -100,
                                                      "token": "t", "daily_limit": 0})
            gateway_id = gateway.id
            ids = [env["ukkr.sms.message"].create({"phone": "+7913000001%d" % i, "body": "x %d" % i,
                                                   "gateway_id": gateway_id}).id for i in range(6)]
        try:
            barrier = threading.Barrier(2)
            counts = []

            def run():
                with api.Environment.manage(), registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {"ukkr_now": now})
                    barrier.wait(5)
                    counts.append(env["ukkr.sms.message"]._process_queue(limit=100, auto_commit=True))

            threads = [threading.Thread(target=run) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            self.assertEqual(sorted(r["json"]["client_id"] for r in fake.requests),
                             sorted("ukkr-sms-%d" % i for i in ids))
            self.assertEqual(len(counts), 2, "both runs finished")
            with registry.cursor() as cr:
                cr.execute("SELECT state, count(*) FROM ukkr_sms_message WHERE id IN %s GROUP BY state",
                           (tuple(ids),))
                self.assertEqual(cr.fetchall(), [("sent", 6)])
        finally:
            with api.Environment.manage(), registry.cursor() as cr:
                cr.execute("DELETE FROM ukkr_sms_message WHERE gateway_id = %s", (gateway_id,))
                api.Environment(cr, SUPERUSER_ID, {})["ukkr.sms.gateway"].browse(gateway_id).unlink()
