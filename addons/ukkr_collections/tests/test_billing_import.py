"""The billing importer against the database: all-or-nothing, idempotent, set-based."""
import odoo
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

ACCOUNTS = """Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;Основание проживания;Муниципальное жилье;Проживает;Площадь
9900000001;п. Тея;ул. Южная;4;1;Иванов Иван Иванович;Физическое лицо;Собственник;0;3;54,3
9900000002;п. Тея;ул. Южная;4;2;Петрова Анна Сергеевна;Физическое лицо;Социальный наем;1;2;41
9900000003;п. Брянка;ул. Лесная;7;;ООО «Брянка-Лес»;Юридическое лицо;Нежилое помещение;0;;300
"""
# the same accounts with the payers' identification (ГПК 124 ч.2 п.3) in the optional columns; check digits derived by
# hand: СНИЛС 112-233-445 → 9·1+8·1+7·2+6·2+5·3+4·3+3·4+2·4+1·5 = 95; 123-456-789 → 165 mod 101 = 64; ОГРН
# 124240000000 mod 11 = 6 → 1242400000006
ACCOUNTS_IDENTIFIED = "\n".join(
    line + extra for line, extra in zip(ACCOUNTS.strip("\n").split("\n"), (
        ";Дата рождения;Место рождения;СНИЛС;ОГРН",
        ";12.03.1975;пос. Тея Северо-Енисейского района Красноярского края;112-233-445 95;",
        ";01.07.1980;г. Красноярск;123-456-789 64;",
        ";;;;1242400000006"))) + "\n"
ACCRUALS = """account;period;service;accrued;norm_charge
9900000001;2026-09;heating;3000.00;3000
9900000001;2026-09;ХВС;450,50;400
9900000002;2026-09;heating;2500.00;
9900000003;09.2026;heating;20000;
"""
PAYMENTS = """Лицевой счет;Дата;Сумма;Документ;Период
9900000001;05.10.2026;3450,50;P-1;2026-09
9900000002;2026-10-07;1000;P-2;
"""


class TestBillingImport(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Import = self.env["ukkr.billing.import"]

    def count(self, table):
        self.env.cr.execute("SELECT count(*) FROM %s" % table)
        return self.env.cr.fetchone()[0]

    def load(self, text, name, **kw):
        return self.Import.import_content(text.encode("utf-8"), name, **kw)

    def test_accounts_then_reimport_changes_nothing(self):
        partners = self.count("res_partner")
        result = self.load(ACCOUNTS, "accounts.csv")
        self.assertEqual((result["kind"], result["rows"], result["created"], result["updated"], result["errors"]),
                         ("accounts", 3, 3, 0, []))
        account = self.env["ukkr.personal.account"].search([("name", "=", "9900000002")])
        self.assertEqual((account.partner_id.name, account.payer_kind, account.tenure, account.is_municipal,
                          account.residents, account.building_id.name),
                         ("Петрова Анна Сергеевна", "individual", "social", True, 2, "п. Тея, ул. Южная, д. 4"))
        self.assertEqual(account.partner_id.commercial_partner_id, account.partner_id)
        self.assertEqual(account.settlement_id.name, "п. Тея", "stored related fields are written too")
        self.assertTrue(self.env["ukkr.personal.account"].search([("name", "=", "9900000003")]).partner_id.is_company)
        self.assertEqual(self.count("res_partner"), partners + 3)
        again = self.load(ACCOUNTS.replace("Петрова Анна Сергеевна", "Петрова Анна Сергеевна (смена ФИО)"),
                          "accounts.csv")
        self.assertEqual((again["created"], again["updated"]), (0, 3))
        self.assertEqual(self.count("res_partner"), partners + 3, "no duplicate payers")
        self.assertEqual(self.count("ukkr_building"), self.count("ukkr_building"))
        account.invalidate_cache()
        self.assertEqual(account.partner_id.name, "Петрова Анна Сергеевна (смена ФИО)")

    def test_accruals_replace_and_payments_idempotent(self):
        self.load(ACCOUNTS, "accounts.csv")
        result = self.load(ACCRUALS, "accruals.csv")
        self.assertEqual((result["kind"], result["created"], result["updated"]), ("accruals", 4, 0))
        lines = self.env["ukkr.ledger.line"].search([("account_id.name", "=", "9900000001")])
        self.assertEqual(sorted(lines.mapped("accrued")), [450.5, 3000.0])
        norms = self.env["ukkr.account.service"].search([("account_id.name", "=", "9900000001")])
        self.assertEqual(sorted(norms.mapped("norm_charge")), [400.0, 3000.0])
        # a recalculated month replaces what was there
        again = self.load(ACCRUALS.replace("3000.00;3000", "3100.00;3000"), "accruals.csv")
        self.assertEqual((again["created"], again["updated"]), (0, 4))
        lines.invalidate_cache()
        self.assertEqual(sorted(lines.mapped("accrued")), [450.5, 3100.0])
        self.assertEqual(self.env["ukkr.ledger.line"].search_count([("account_id.name", "like", "99000000")]), 4)
        paid = self.load(PAYMENTS, "payments.csv")
        self.assertEqual((paid["kind"], paid["created"], paid["skipped"]), ("payments", 2, 0))
        paid_again = self.load(PAYMENTS, "payments.csv")
        self.assertEqual((paid_again["created"], paid_again["skipped"]), (0, 2))
        payments = self.env["ukkr.payment"].search([("doc", "in", ["P-1", "P-2"])])
        self.assertEqual(sorted(payments.mapped("amount")), [1000.0, 3450.5])
        self.assertEqual(payments.filtered(lambda p: p.doc == "P-1").period, "2026-09")

    def test_only_ukkr_operators_import(self):
        Users = self.env["res.users"].with_context(no_reset_password=True)
        for group in ("group_ukkr_lawyer", "group_admin_executor", "group_admin_control"):
            user = Users.create({"name": group, "login": "t_" + group, "lang": False,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
            with self.assertRaises(AccessError):
                self.Import.sudo(user).import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
        self.assertFalse(self.env["ukkr.personal.account"].search([("name", "like", "99000000")]))

    def test_period_before_the_rules_is_refused(self):
        self.load(ACCOUNTS, "accounts.csv")
        with self.assertRaises(UserError) as caught:
            self.load("account;period;service;accrued\n9900000001;2014-12;heating;100\n", "old.csv")
        self.assertIn("2014-12", caught.exception.name)
        self.assertFalse(self.env["ukkr.ledger.line"].search([("period", "=", "2014-12")]))

    def test_dry_run_writes_nothing(self):
        result = self.load(ACCOUNTS, "accounts.csv", dry_run=True)
        self.assertEqual((result["created"], result["errors"]), (3, []))
        self.assertFalse(self.env["ukkr.personal.account"].search([("name", "like", "99000000")]))

    def test_bad_file_changes_nothing_and_is_logged(self):
        self.load(ACCOUNTS, "accounts.csv")
        before = (self.count("ukkr_ledger_line"), self.count("ukkr_account_service"))
        bad = ACCRUALS + "9999999999;2026-09;heating;10\n9900000001;2026-09;gas;1\n"
        with self.assertRaises(UserError) as caught:
            self.load(bad, "accruals.csv")
        message = caught.exception.name
        self.assertIn("9999999999", message)
        self.assertIn("gas", message)
        self.assertEqual((self.count("ukkr_ledger_line"), self.count("ukkr_account_service")), before,
                         "all or nothing: the good rows were not written either")
        result = self.load(bad, "accruals.csv", dry_run=True)
        self.assertEqual([row for row, _m in result["errors"]], [6, 7])
        # the refused import is logged with its file, in its own transaction
        with odoo.registry(self.env.cr.dbname).cursor() as cr:
            cr.execute("SELECT state, error_count, attachment_id IS NOT NULL FROM ukkr_billing_import WHERE id = %s",
                       (result["log_id"],))
            self.assertEqual(cr.fetchone(), ("failed", 2, True))
        with self.assertRaises(UserError):
            self.load("", "empty.csv")


class TestLedgerAfterImport(TransactionCase):
    """Import → allocation → debt by tranche, on the small district of TestBillingImport."""

    def setUp(self):
        super().setUp()
        importer = self.env["ukkr.billing.import"]
        for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
            importer.import_content(text.encode("utf-8"), name)
        self.Account = self.env["ukkr.personal.account"]

    def test_allocation_and_tranches(self):
        paid_off = self.Account.search([("name", "=", "9900000001")])
        lines = self.env["ukkr.ledger.line"].search([("account_id", "=", paid_off.id)])
        self.assertEqual(sorted(lines.mapped("paid")), [450.5, 3000.0])   # P-1 named 2026-09, both services
        self.assertEqual(paid_off.debt_tranches("2026-11-26"), [], "paid before the due date: nothing owed")
        debtor = self.Account.search([("name", "=", "9900000002")])
        # 2 500 for 2026-09, due 15.10.2026 (the 15th from period 2026-03; a Thursday); 1 000 paid on 07.10.2026
        # before the due date; as of 26.11.2026 day 42: days 31–42 = 15.11–26.11 = 12 days at 1/300 on 1 500,
        # key rate 16 % capped at the lower of 9.5 %: 1 500 × 9.5 % × 12/300 = 5.70
        [tranche] = debtor.debt_tranches("2026-11-26")
        self.assertEqual(tranche["period"], "2026-09")
        self.assertEqual((tranche["charged"], tranche["principal"]), (2500.0, 1500.0))
        self.assertEqual(str(tranche["due_date"]), "2026-10-15")
        self.assertEqual(tranche["days_overdue"], 42)
        self.assertEqual(str(tranche["limitation_expiry"]), "2029-10-16")
        self.assertEqual(tranche["penalty"], 5.70)
        self.assertEqual(tranche["bucket"], "1_3")
        # as of the day before the payment, the whole 2 500 is unpaid and nothing is due yet
        [early] = debtor.debt_tranches("2026-10-06")
        self.assertEqual((early["principal"], early["penalty"], early["bucket"]), (2500.0, 0.0, "current"))
        # re-running the allocation from scratch gives the same result
        before = sorted(self.env["ukkr.payment.allocation"].search([]).mapped(lambda a: (a.payment_id.doc,
                                                                                          a.period, a.amount)))
        self.env["ukkr.ledger.line"]._allocate_payments()
        after = sorted(self.env["ukkr.payment.allocation"].search([]).mapped(lambda a: (a.payment_id.doc,
                                                                                         a.period, a.amount)))
        self.assertEqual(before, after)

    def test_account_form_and_printed_penalty_calculation(self):
        from odoo.addons.ukkr_debt_plan.tests.common import today_is
        legal = self.Account.search([("name", "=", "9900000003")])
        with today_is("2026-10-31"):
            legal.invalidate_cache()
            # 20 000 due 15.10.2026, legal entity, 1/130 from day 1: 16 days → 233.85 (see test_monthly_close)
            self.assertEqual((legal.debt_total, legal.overdue_total, legal.penalty_total,
                              legal.oldest_overdue_period), (20000.0, 20000.0, 233.85, "2026-09"))
            self.assertIn("2026-09", legal.tranche_html)
            html = self.env.ref("ukkr_collections.report_penalty_calculation").render_qweb_html(legal.ids)[0]
        text = html.decode("utf-8") if isinstance(html, bytes) else html
        self.assertIn("Расчёт пени", text)
        self.assertIn("16.10.2026", text)   # day 1
        self.assertIn("1/130", text)
        self.assertIn("233,85", text)   # amounts the Russian way (issue 17)

    def test_tranche_list(self):
        tranches = self.env["ukkr.debt.tranche"].search([("account_id.name", "like", "99000000")])
        # 9900000001 paid in full; 9900000002 owes 1 500 of 2026-09; 9900000003 owes 20 000
        self.assertEqual(sorted((t.account_id.name, t.period, t.principal) for t in tranches),
                         [("9900000002", "2026-09", 1500.0), ("9900000003", "2026-09", 20000.0)])
        self.assertEqual({str(t.due_date) for t in tranches}, {"2026-10-15"})
        self.assertEqual({str(t.limitation_expiry) for t in tranches}, {"2029-10-16"})

    def test_payment_naming_a_month_not_billed_yet(self):
        """A payment names October before October's accruals arrive: once they do, it goes to October."""
        from odoo.addons.ukkr_debt_plan.tests.common import today_is
        importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            importer.import_content("account;date;amount;doc;period\n9900000002;03.11.2026;600;P-9;2026-10\n"
                                    .encode("utf-8"), "p9.csv")
            importer.import_content("account;period;service;accrued\n9900000002;2026-10;heating;2500\n"
                                    .encode("utf-8"), "october.csv")
        p9 = self.env["ukkr.payment.allocation"].search([("payment_id.doc", "=", "P-9")])
        self.assertEqual([(a.period, a.amount) for a in p9], [("2026-10", 600.0)])

    def test_incremental_allocation_equals_a_rebuild(self):
        from odoo.addons.ukkr_debt_plan.tests.common import today_is
        importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            importer.import_content("account;period;service;accrued\n9900000002;2026-10;heating;2500\n"
                                    .encode("utf-8"), "october.csv")
            # later than every earlier payment: appended to the existing allocation
            importer.import_content("account;date;amount;doc\n9900000002;05.11.2026;3000;P-3\n".encode("utf-8"),
                                    "p3.csv")
            # earlier than P-3: the account is rebuilt, P-4 now comes first
            importer.import_content("account;date;amount;doc\n9900000002;20.10.2026;700;P-4\n".encode("utf-8"),
                                    "p4.csv")
        Allocation = self.env["ukkr.payment.allocation"]

        def state():
            allocations = Allocation.search([("account_id.name", "=", "9900000002")])
            return sorted((a.payment_id.doc, a.period, round(a.amount, 2)) for a in allocations)
        incremental = state()
        # P-2 1 000 and P-4 700 to 2026-09; P-3 first 800 left of 2026-09, then 2 200 of 2026-10
        self.assertEqual(incremental, [("P-2", "2026-09", 1000.0), ("P-3", "2026-09", 800.0),
                                       ("P-3", "2026-10", 2200.0), ("P-4", "2026-09", 700.0)])
        self.env["ukkr.ledger.line"]._allocate_payments()
        self.assertEqual(state(), incremental)
        lines = self.env["ukkr.ledger.line"].search([("account_id.name", "=", "9900000002")])
        self.assertEqual(sorted(lines.mapped("paid")), [2200.0, 2500.0])

    def test_allocation_in_batches_of_accounts(self):
        """The allocation works in batches of accounts (bounded memory at any scale): batches of one account give
        the same allocations and «paid» as one batch of all, for the rebuild and for payments appended."""
        from odoo.addons.ukkr_debt_plan.tests.common import today_is
        Ledger = type(self.env["ukkr.ledger.line"])
        cr = self.env.cr

        def state():
            cr.execute("SELECT payment_id, ledger_line_id, account_id, period, date, amount "
                       "FROM ukkr_payment_allocation ORDER BY 1, 2")
            allocations = cr.fetchall()
            cr.execute("SELECT id, paid FROM ukkr_ledger_line ORDER BY id")
            return allocations, cr.fetchall()
        self.env["ukkr.ledger.line"]._allocate_payments()
        whole = state()
        self.assertTrue(whole[0])
        self.patch(Ledger, "_ALLOCATION_BATCH", 1)
        self.env["ukkr.ledger.line"]._allocate_payments()
        self.assertEqual(state(), whole)
        # new payments of two accounts appended batch by batch: each gets its own allocation
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(
                "account;date;amount;doc\n9900000003;05.11.2026;5000;P-5\n9900000002;06.11.2026;1500;P-6\n"
                .encode("utf-8"), "p56.csv")
        lines = self.env["ukkr.ledger.line"].search([("account_id.name", "in", ("9900000002", "9900000003"))])
        self.assertEqual(sorted((l.account_id.name, l.paid) for l in lines),
                         [("9900000002", 2500.0), ("9900000003", 5000.0)])
