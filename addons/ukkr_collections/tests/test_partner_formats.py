"""The formats the utility's partners send, through the billing importer's path (samples in ``tests/samples``).

Bank statement (1C «Клиент банка», windows-1251), account 40702810931000012345, 02–24.11.2026:
  № 118 from Иванов, 3 450,50, «Оплата ЖКУ л/с 9900000001 за 09.2026»     → payment of 9900000001, period 2026-09
  bank order 5521, 1 000,00, «… лицевой счет 9900000002» (purpose in two lines) → payment of 9900000002
  № 731 from ООО «Северный лес», 12 000,00, a contract, no account number  → listed for manual matching
  № 402 our own payment of 5 000,00 to a supplier                          → outgoing, skipped
  totals: received 16 450,50 = 3 450,50 + 1 000 + 12 000; spent 5 000,00.
Payment register № 17 (windows-1251): 4 payments, 6 200,00; 9900000077 is unknown → listed for matching.
Key rates (the Bank of Russia's XML, every working day 12.01–15.05.2026, newest first): the records stop at
22.12.2025 (16 %) → three change days are created: 16.02.2026 15,5 %, 23.03.2026 15 %, 27.04.2026 14,5 %.
"""
import os

import odoo
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_bad_input_campaign import table_fingerprint
from .test_billing_import import ACCOUNTS, ACCRUALS

SAMPLES = os.path.join(os.path.dirname(__file__), "samples")
TODAY = "2026-11-26"
PAYMENT_TABLES = ("ukkr_payment", "ukkr_payment_allocation", "ukkr_unmatched_payment", "ukkr_ledger_line")


def sample(name):
    with open(os.path.join(SAMPLES, name), "rb") as handle:
        return handle.read()


class FormatCase(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Import = self.env["ukkr.billing.import"]
        with today_is(TODAY):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv")):
                self.Import.import_content(text.encode("utf-8"), name)
        Users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, group):
            return Users.create({"name": login, "login": login, "lang": False,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
        self.operator = user("t_fmt_operator", "group_ukkr_operator")
        self.manager = user("t_fmt_manager", "group_ukkr_manager")
        self.lawyer = user("t_fmt_lawyer", "group_ukkr_lawyer")
        self.executor = user("t_fmt_executor", "group_admin_executor")
        self.account = {n: self.env["ukkr.personal.account"].search([("name", "=", n)])
                        for n in ("9900000001", "9900000002", "9900000003")}

    def fingerprint(self, tables):
        return table_fingerprint(self.env.cr, tables)

    def load(self, content, name, user=None, **kw):
        importer = self.Import.sudo(user) if user else self.Import
        with today_is(TODAY):
            return importer.import_content(content, name, **kw)


class TestBankStatement(FormatCase):

    def test_statement_then_second_import_changes_nothing(self):
        content = sample("bank_statement_1c.txt")
        checked = self.load(content, "выписка.txt", self.operator, dry_run=True)
        self.assertEqual((checked["kind"], checked["created"], checked["unmatched"], checked["errors"]),
                         ("bank_statement", 2, 1, []))
        self.assertFalse(self.env["ukkr.payment"].search([("doc", "like", "1С:%")]), "a dry run writes nothing")
        result = self.load(content, "выписка.txt", self.operator)
        self.assertEqual((result["kind"], result["rows"], result["created"], result["skipped"], result["unmatched"]),
                         ("bank_statement", 3, 2, 0, 1))
        payments = self.env["ukkr.payment"].search([("doc", "like", "1С:%")], order="date")
        self.assertEqual([(p.account_id.name, p.date, p.amount, p.period or False, p.channel) for p in payments],
                         [("9900000001", "2026-11-06", 3450.5, "2026-09", "bank"),
                          ("9900000002", "2026-11-12", 1000.0, False, "bank")])
        self.assertEqual(payments[0].doc, "1С:40817810231004500001:05.11.2026:118")
        # allocated like a billing payment: 9900000001 owed 3 450,50 for 2026-09, now nothing
        lines = self.env["ukkr.ledger.line"].search([("account_id", "=", self.account["9900000001"].id)])
        self.assertEqual(round(sum(lines.mapped("paid")), 2), 3450.5)
        unmatched = self.env["ukkr.unmatched.payment"].search([])
        self.assertEqual([(u.amount, u.payer, u.period, u.state, u.source) for u in unmatched],
                         [(12000.0, "ИНН 2434009999 ООО «Северный лес»", "2026-10", "unmatched", "bank_statement")])
        log = self.Import.browse(result["log_id"])
        self.assertEqual((log.kind, log.state, log.created_count, log.unmatched_count), ("bank_statement", "done", 2, 1))
        before = self.fingerprint(PAYMENT_TABLES)
        again = self.load(content, "выписка.txt", self.operator)
        self.assertEqual((again["created"], again["skipped"], again["unmatched"]), (0, 3, 0))
        self.assertEqual(self.fingerprint(PAYMENT_TABLES), before, "the second import changes nothing")

    def test_format_recognised_without_being_named(self):
        result = self.load(sample("bank_statement_1c.txt"), "statement.txt", dry_run=True)
        self.assertEqual(result["kind"], "bank_statement")

    def test_manual_matching(self):
        self.load(sample("bank_statement_1c.txt"), "выписка.txt")
        unmatched = self.env["ukkr.unmatched.payment"].search([])
        # the administration does not see bank payments at all; a lawyer reads but does not match
        with self.assertRaises(AccessError):
            unmatched.sudo(self.executor).read(["payer"])
        unmatched.account_id = self.account["9900000003"]
        before = self.fingerprint(PAYMENT_TABLES)
        with self.assertRaises(AccessError):
            unmatched.sudo(self.lawyer).action_match()
        with self.assertRaises(UserError):   # the state is the button's, not a field to write
            unmatched.sudo(self.operator).write({"state": "matched"})
        self.assertEqual(self.fingerprint(PAYMENT_TABLES), before)
        with today_is(TODAY):
            unmatched.sudo(self.operator).action_match()
        self.assertEqual((unmatched.state, unmatched.matched_by_id, unmatched.payment_id.account_id),
                         ("matched", self.operator, self.account["9900000003"]))
        self.assertEqual((unmatched.payment_id.amount, unmatched.payment_id.doc),
                         (12000.0, "1С:40702810400000007777:19.11.2026:731"))
        with self.assertRaises(UserError):
            unmatched.sudo(self.operator).write({"account_id": self.account["9900000001"].id})
        with self.assertRaises(UserError):
            unmatched.sudo(self.operator).action_match()
        again = self.load(sample("bank_statement_1c.txt"), "выписка.txt")
        self.assertEqual((again["created"], again["skipped"], again["unmatched"]), (0, 3, 0))

    def test_set_aside_needs_a_reason(self):
        self.load(sample("bank_statement_1c.txt"), "выписка.txt")
        unmatched = self.env["ukkr.unmatched.payment"].search([]).sudo(self.operator)
        with self.assertRaisesRegex(UserError, "Note"):
            unmatched.action_ignore()
        unmatched.note = "Возврат переплаты поставщику, не оплата ЖКУ"
        unmatched.action_ignore()
        self.assertEqual(unmatched.state, "ignored")
        unmatched.action_reset()
        self.assertEqual(unmatched.state, "unmatched")

    def test_only_operators_load_statements(self):
        for user in (self.lawyer, self.executor):
            with self.assertRaises(AccessError):
                self.load(sample("bank_statement_1c.txt"), "выписка.txt", user)
        self.assertFalse(self.env["ukkr.payment"].search([("doc", "like", "1С:%")]))

    def test_cut_statement_refused_and_logged(self):
        content = sample("bank_statement_1c.txt").decode("cp1251")
        cut = content[:content.index("СекцияДокумент=Платежное поручение\r\nНомер=731")] + "КонецФайла\r\n"
        before = self.fingerprint(PAYMENT_TABLES)
        with self.assertRaisesRegex(UserError, "ВсегоПоступило"):
            self.load(cut.encode("cp1251"), "выписка.txt")
        self.assertEqual(self.fingerprint(PAYMENT_TABLES), before, "all or nothing")
        result = self.load(cut.encode("cp1251"), "выписка.txt", dry_run=True)
        with odoo.registry(self.env.cr.dbname).cursor() as cr:
            cr.execute("SELECT kind, state, attachment_id IS NOT NULL FROM ukkr_billing_import WHERE id = %s",
                       (result["log_id"],))
            self.assertEqual(cr.fetchone(), ("bank_statement", "failed", True))


class TestPaymentRegister(FormatCase):

    def test_register_then_second_import_changes_nothing(self):
        content = sample("payment_register.txt")
        result = self.load(content, "reestr_17.txt", self.operator)
        self.assertEqual((result["kind"], result["rows"], result["created"], result["unmatched"], result["errors"]),
                         ("payment_register", 4, 3, 1, []))
        payments = self.env["ukkr.payment"].search([("doc", "like", "РП:%")], order="doc")
        self.assertEqual([(p.account_id.name, p.amount, p.period or False) for p in payments],
                         [("9900000001", 1200.0, "2026-09"), ("9900000002", 800.0, False),
                          ("9900000003", 3000.0, "2026-09")])
        unknown = self.env["ukkr.unmatched.payment"].search([])
        self.assertEqual((unknown.account_number, unknown.amount, unknown.source),
                         ("9900000077", 1200.0, "payment_register"))
        before = self.fingerprint(PAYMENT_TABLES)
        again = self.load(content, "reestr_17.txt", self.operator)
        self.assertEqual((again["created"], again["skipped"], again["unmatched"]), (0, 4, 0))
        self.assertEqual(self.fingerprint(PAYMENT_TABLES), before)

    def test_utf8_register_without_operation_numbers(self):
        text = ("=2;200,00\n", "9900000001;Иванов;;100,00;20.11.2026\n9900000001;Иванов;;100,00;20.11.2026\n")
        result = self.load((text[1] + text[0]).encode("utf-8"), "reestr.txt", file_format="payment_register")
        self.assertEqual((result["created"], result["errors"]), (2, []))
        again = self.load((text[1] + text[0]).encode("utf-8"), "reestr.txt", file_format="payment_register")
        self.assertEqual((again["created"], again["skipped"]), (0, 2))


class TestKeyRates(FormatCase):

    def setUp(self):
        super().setUp()
        # a database whose rates stop at 22.12.2025 (the shipped data also holds 16.02.2026): the file brings 2026
        self.env["ukkr.rule.key.rate"].search([("date_from", ">", "2025-12-22")]).unlink()

    def rates(self, since="2025-12-01"):
        return [(r.date_from, r.rate) for r in self.env["ukkr.rule.key.rate"].search(
            [("date_from", ">=", since)], order="date_from")]

    def test_bank_of_russia_xml_then_second_import_changes_nothing(self):
        self.assertEqual(self.rates(), [("2025-12-22", 16.0)])
        with self.assertRaises(AccessError):   # the legal rules are the manager's
            self.load(sample("key_rate_cbr.xml"), "KeyRate.xml", self.operator)
        result = self.load(sample("key_rate_cbr.xml"), "KeyRate.xml", self.manager)
        self.assertEqual((result["kind"], result["rows"], result["created"], result["updated"], result["errors"]),
                         ("key_rates", 90, 3, 0, []))
        self.assertEqual(self.rates(), [("2025-12-22", 16.0), ("2026-02-16", 15.5), ("2026-03-23", 15.0),
                                        ("2026-04-27", 14.5)])
        record = self.env["ukkr.rule.key.rate"].search([("date_from", "=", "2026-02-16")])
        self.assertIn("KeyRate.xml", record.source)
        self.assertEqual(record.confidence, "high")
        # the penalty engine reads them at once: the rate on 01.03.2026 is 15,5 %
        self.assertEqual(self.env["ukkr.rules"].key_rate("2026-03-01"), 15.5)
        before = self.fingerprint(["ukkr_rule_key_rate"])
        again = self.load(sample("key_rate_cbr.xml"), "KeyRate.xml", self.manager)
        self.assertEqual((again["created"], again["updated"], again["skipped"]), (0, 0, 90))
        self.assertEqual(self.fingerprint(["ukkr_rule_key_rate"]), before)

    def test_table_of_the_site_in_windows_1251(self):
        result = self.load(sample("key_rate_cbr.csv"), "KeyRate.csv", self.manager)
        self.assertEqual((result["kind"], result["created"]), ("key_rates", 3))
        again = self.load(sample("key_rate_cbr.xml"), "KeyRate.xml", self.manager)
        self.assertEqual((again["created"], again["updated"]), (0, 0), "both publications say the same")

    def test_wrong_record_corrected_on_a_change_day(self):
        self.env["ukkr.rule.key.rate"].create({"date_from": "2026-02-16", "rate": 15.0, "source": "набрано вручную"})
        result = self.load(sample("key_rate_cbr.xml"), "KeyRate.xml", self.manager)
        self.assertEqual((result["created"], result["updated"]), (2, 1))
        self.assertIn(("2026-02-16", 15.5), self.rates())

    def test_contradicting_record_refused(self):
        self.env["ukkr.rule.key.rate"].create({"date_from": "2026-03-02", "rate": 13.0, "source": "ошибка"})
        before = self.fingerprint(["ukkr_rule_key_rate"])
        with self.assertRaisesRegex(UserError, "02.03.2026"):
            self.load(sample("key_rate_cbr.xml"), "KeyRate.xml", self.manager)
        self.assertEqual(self.fingerprint(["ukkr_rule_key_rate"]), before)

    def test_file_starting_after_an_unrecorded_change_refused(self):
        text = "Дата;Ставка\n01.06.2026;14,50\n02.06.2026;14,50\n"
        before = self.fingerprint(["ukkr_rule_key_rate"])
        with self.assertRaisesRegex(UserError, "22.12.2025"):
            self.load(text.encode("utf-8"), "rates.csv", self.manager)
        self.assertEqual(self.fingerprint(["ukkr_rule_key_rate"]), before)


class TestFsspExport(FormatCase):
    """The ФССП department's export layout (title rows, remaining debt, the end's article of 229-ФЗ)."""

    def test_export_layout_and_second_import(self):
        Reconciliation = self.env["ukkr.fssp.reconciliation"].sudo(self.lawyer)
        Proceeding = self.env["ukkr.enforcement.proceeding"].sudo(self.lawyer)
        with today_is(TODAY):
            ours = Proceeding.create({
                "account_id": self.account["9900000002"].id, "writ_number": "2-500/2026", "writ_date": "2026-05-20",
                "court_name": "Мировой судья судебного участка № 161", "writ_amount": 35000, "route": "bailiff",
                "fssp_department": "ОСП по Северо-Енисейскому району", "proceeding_number": "100/26/24076-ИП"})
            ours._present("2026-06-01")
            ours.action_start()
            ours.action_register_recovery(5000, "2026-11-20", "ПП-7")
            record = Reconciliation.import_content(sample("fssp_register_export.csv"), "reestr_osp.csv", 2026, 4)
        self.assertEqual((record.layout, record.row_count, record.department),
                         ("export", 4, "ОСП по Северо-Енисейскому району"))
        ok = record.line_ids.filtered(lambda line: line.kind == "ok")
        self.assertEqual((ok.proceeding_id, ok.collected), (ours, 5000.0), "collected = sum − remaining")
        self.assertEqual(sorted(record.line_ids.mapped("kind")), ["missing_here", "missing_here", "missing_here", "ok"])
        before = self.fingerprint(["ukkr_fssp_reconciliation", "ukkr_fssp_reconciliation_line"])
        with today_is(TODAY):
            again = Reconciliation.import_content(sample("fssp_register_export.csv"), "reestr_osp.csv", 2026, 4)
        self.assertEqual(again, record)
        self.assertEqual(self.fingerprint(["ukkr_fssp_reconciliation", "ukkr_fssp_reconciliation_line"]), before)
