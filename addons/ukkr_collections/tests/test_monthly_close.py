"""Monthly close on the small district of test_billing_import, figures derived by hand in the comments."""
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS


class TestMonthlyClose(TransactionCase):

    def setUp(self):
        super().setUp()
        # only this test's district in the ledger (the transaction is rolled back afterwards)
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close")
        importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
                importer.import_content(text.encode("utf-8"), name)
        self.Close = self.env["ukkr.monthly.close"]
        Users = self.env["res.users"].with_context(no_reset_password=True)
        self.manager = Users.create({"name": "Директор", "login": "t_director", "lang": False,
                                     "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_manager").id])]})
        self.operator = Users.create({"name": "Оператор", "login": "t_op", "lang": False,
                                      "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})

    def close(self, period, user=None):
        with today_is("2026-11-26"):
            return self.Close.sudo(user or self.manager).close_period(period)

    def balance(self, code):
        self.env.cr.execute("""
            SELECT coalesce(sum(l.debit - l.credit), 0) FROM account_move_line l
            JOIN account_account a ON a.id = l.account_id JOIN account_move m ON m.id = l.move_id
            WHERE a.code = %s AND m.journal_id = %s AND m.state = 'posted'""",
                            (code, self.env.ref("ukkr_collections.journal_ukkr").id))
        return round(self.env.cr.fetchone()[0], 2)

    def snapshot(self, period, number):
        return self.env["ukkr.debt.snapshot"].search([("period", "=", period), ("account_id.name", "=", number)])

    def test_two_closes_snapshot_and_accounting(self):
        september = self.close("2026-09")
        # as of 30.09.2026 nothing is paid yet and nothing is overdue (due 15.10.2026):
        # 3 450.50 + 2 500 + 20 000 = 25 950.50
        self.assertEqual((september.account_count, september.debt_total, september.overdue_total,
                          september.penalty_total), (3, 25950.5, 0.0, 0.0))
        self.assertEqual(self.snapshot("2026-09", "9900000002").debt_current, 2500.0)
        self.assertEqual(self.balance("62.01"), 25950.5, "receivable equals the ledger's debt")
        self.assertEqual(self.balance("90.01"), -25950.5)
        october = self.close("2026-10")
        # as of 31.10.2026: 9900000001 paid 3 450.50 on 05.10; 9900000002 paid 1 000 on 07.10 → 1 500 left;
        # 9900000003 (legal entity) owes 20 000, due 15.10.2026, 16 days overdue at 1/130 from day 1,
        # key rate 16 % capped at 9.5 %: 20 000 × 9.5 % × 16/130 = 233.846… → 233.85. 9900000002's 1 500 is in
        # its free 30 days.
        self.assertEqual((october.debt_total, october.overdue_total, october.penalty_total),
                         (21500.0, 21500.0, 233.85))
        legal = self.snapshot("2026-10", "9900000003")
        self.assertEqual((legal.debt, legal.penalty, legal.debt_1_3, legal.months_in_debt), (20000.0, 233.85,
                                                                                             20000.0, 1))
        self.assertEqual(self.snapshot("2026-10", "9900000001").debt, 0.0)
        self.assertEqual(str(self.snapshot("2026-10", "9900000001").last_payment_date), "2026-10-05")
        self.assertEqual(self.snapshot("2026-10", "9900000002").paid, 1000.0)
        self.assertEqual(self.balance("62.01"), 21500.0, "receivable equals the ledger's debt after two closes")
        self.assertEqual(self.balance("51"), 4450.5)
        self.assertEqual(self.balance("62.02"), 0.0)
        self.assertEqual(self.balance("76.02"), 233.85)
        # one receivable line per organisation, one per category of the population (where the debt changed)
        lines = september.move_id.line_ids.filtered(lambda l: l.account_id.code == "62.01")
        self.assertEqual(sorted(lines.mapped("name")), sorted([
            "ООО «Брянка-Лес»: receivable for 2026-09", "Население — собственники: receivable for 2026-09",
            "Население — социальный наём: receivable for 2026-09"]))
        self.assertIn(self.snapshot("2026-10", "9900000003").partner_id, lines.mapped("partner_id"))
        # the ledger itself agrees: sum of unpaid principal as of today's allocation
        self.env.cr.execute("SELECT sum(accrued + correction - paid - written_off) FROM ukkr_ledger_line")
        self.assertEqual(round(self.env.cr.fetchone()[0], 2), 21500.0)

    def test_frozen_refused_and_reopened(self):
        self.close("2026-09")
        october = self.close("2026-10")
        with self.assertRaises(UserError):
            self.close("2026-10")   # already closed
        with self.assertRaises(UserError):
            self.snapshot("2026-10", "9900000003").write({"debt": 0})
        with self.assertRaises(UserError):
            self.snapshot("2026-10", "9900000003").unlink()
        with self.assertRaises(AccessError):
            october.sudo(self.operator).action_reopen()
        with self.assertRaises(AccessError):
            self.close("2026-08", user=self.operator)
        september = self.Close.search([("period", "=", "2026-09")])
        with self.assertRaises(UserError):
            september.sudo(self.manager).action_reopen()   # October is closed after it
        move = october.move_id
        october.sudo(self.manager).action_reopen()
        self.assertEqual(october.state, "reopened")
        self.assertEqual(move.state, "posted", "the entry stays and is reversed (storno)")
        self.assertEqual(self.balance("62.01"), 25950.5, "back to September's debt")
        self.assertFalse(self.env["ukkr.debt.snapshot"].search([("period", "=", "2026-10")]))
        again = self.close("2026-10")
        self.assertEqual((again, again.debt_total, again.penalty_total), (october, 21500.0, 233.85))
        self.assertEqual(self.balance("62.01"), 21500.0)

    def test_months_close_in_order_and_the_ledger_follows(self):
        """Only the month after the last closed one is closed, only the latest closed one is reopened, once; after
        any allowed sequence 62.01 equals the debt of the last closed month (September 25 950.50, October
        21 500.00, see above)."""
        september = self.close("2026-09")
        october = self.close("2026-10")
        with self.assertRaisesRegex(UserError, "in order|по порядку"):
            self.close("2026-08")   # before the last closed month
        october.sudo(self.manager).action_reopen()
        with self.assertRaisesRegex(UserError, "not closed|не закрыт"):
            october.sudo(self.manager).action_reopen()   # reopened once
        september.sudo(self.manager).action_reopen()      # now the latest closed one
        self.assertEqual(self.balance("62.01"), 0.0, "nothing closed: nothing on the receivable")
        # the probe of 06.12.2026: October closed while September is reopened — refused, nothing posted
        moves = self.env["account.move"].search_count([])
        with self.assertRaisesRegex(UserError, "2026-09"):
            self.close("2026-10")
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        for period, debt in (("2026-09", 25950.5), ("2026-10", 21500.0)):
            close = self.close(period)
            self.assertEqual((close.state, close.debt_total), ("closed", debt))
            self.assertEqual(self.balance("62.01"), debt, "receivable equals the debt of %s" % period)
        self.assertEqual(self.balance("90.01"), -25950.5, "September's accruals counted once")
        october.sudo(self.manager).action_reopen()
        self.assertEqual(self.balance("62.01"), 25950.5)
        self.close("2026-10")
        self.assertEqual((self.balance("62.01"), self.balance("62.02"), self.balance("90.01")),
                         (21500.0, 0.0, -25950.5))

    def test_first_close_brings_penalties_owed_before_it(self):
        # the very first close is November's: October's penalties (233.85, see above) are opening balance.
        # As of 30.11.2026 (day 46): legal 20 000 × 9.5 % × 46/130 = 672.31; 9900000002: 1 500 × 9.5 % × 16/300 = 7.60
        with today_is("2026-12-05"):
            november = self.Close.sudo(self.manager).close_period("2026-11")
        self.assertEqual(november.penalty_total, 679.91)
        self.assertEqual(self.balance("76.02"), 679.91)
        self.assertEqual(self.balance("62.01"), november.debt_total)

    def test_late_payment_is_posted_by_the_next_close(self):
        self.close("2026-09")
        self.close("2026-10")
        # a payment dated in October arrives after October was closed
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(
                "account;date;amount;doc\n9900000003;20.10.2026;5000;P-LATE\n".encode("utf-8"), "late.csv")
        with today_is("2026-12-05"):
            november = self.Close.sudo(self.manager).close_period("2026-11")
        # 21 500 − 5 000 = 16 500 owed at the end of November; the late 5 000 is November's close's cash
        self.assertEqual(november.debt_total, 16500.0)
        self.assertEqual(self.balance("62.01"), 16500.0)
        self.assertEqual(self.balance("51"), 9450.5)
        self.assertEqual(self.balance("62.02"), 0.0)
        self.assertEqual(self.env["ukkr.payment"].search([("doc", "=", "P-LATE")]).close_id, november)

    def test_closed_month_takes_no_accruals(self):
        self.close("2026-09")
        before = self.env["ukkr.ledger.line"].search_count([])
        with today_is("2026-11-26"):
            with self.assertRaises(UserError) as caught:
                self.env["ukkr.billing.import"].import_content(
                    "account;period;service;accrued\n9900000001;2026-09;heating;3100\n".encode("utf-8"), "re.csv")
            self.assertIn("2026-09", caught.exception.name)
            self.assertEqual(self.env["ukkr.ledger.line"].search_count([]), before)
            # an open month still takes them
            result = self.env["ukkr.billing.import"].import_content(
                "account;period;service;accrued\n9900000001;2026-10;heating;3100\n".encode("utf-8"), "oct.csv")
        self.assertEqual(result["created"], 1)

    def test_bad_periods(self):
        for period in ("2026-11", "2026-12", "2026-13", "10.2026", ""):
            with self.assertRaises(UserError):
                self.close(period)
        self.assertFalse(self.Close.search([]))


# More tranches for the fast path (dues on the 10th of the next month, or the next working day; individuals owe no
# penalty on days 1–30, legal entities from day 1):
#   9900000001 2026-07: 1 000, paid 20.08.2026 in full — within the quiet days: skipped by SQL (no principal, no pени);
#   9900000001 2026-08: 1 000, paid 25.10.2026 in full — day 45, penalty runs: evaluated;
#   9900000002 2026-07: 800, 500 paid 05.08.2026 — principal left: evaluated;
#   9900000003 2026-08: 700, paid 15.09.2026 in full — a legal entity pays from day 1: evaluated.
MORE_ACCRUALS = """account;period;service;accrued;norm_charge
9900000001;2026-07;heating;1000;
9900000001;2026-08;heating;1000;
9900000002;2026-07;heating;800;
9900000003;2026-08;heating;700;
"""
MORE_PAYMENTS = """Лицевой счет;Дата;Сумма;Документ;Период
9900000001;20.08.2026;1000;F-1;2026-07
9900000001;25.10.2026;1000;F-2;2026-08
9900000002;05.08.2026;500;F-3;2026-07
9900000003;15.09.2026;700;F-4;2026-08
"""


class TestCloseFastPath(TransactionCase):
    """The close skips, in SQL, tranches paid in full before any penalty runs; the snapshot must not change."""

    def setUp(self):
        super().setUp()
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close")
        importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv"),
                               (MORE_ACCRUALS, "more-accruals.csv"), (MORE_PAYMENTS, "more-payments.csv")):
                importer.import_content(text.encode("utf-8"), name)
        self.Close = self.env["ukkr.monthly.close"]
        self.manager = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Директор", "login": "t_director", "lang": False,
            "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_manager").id])]})

    def close(self, period):
        with today_is("2026-11-26"):
            return self.Close.sudo(self.manager).close_period(period)

    @staticmethod
    def plain(state):
        return {account_id: dict(data, buckets={k: round(v, 2) for k, v in data["buckets"].items() if v})
                for account_id, data in state["accounts"].items()}

    def test_fast_path_gives_the_full_paths_state(self):
        from datetime import date
        for period, as_of in (("2026-08", date(2026, 8, 31)), ("2026-09", date(2026, 9, 30)),
                              ("2026-10", date(2026, 10, 31)), ("2026-10", date(2026, 11, 25))):
            fast = self.Close._compute_state(period, as_of)
            full = self.Close.with_context(ukkr_close_full_path=True)._compute_state(period, as_of)
            self.assertEqual(full["skipped"], 0)
            self.assertEqual(self.plain(fast), self.plain(full), "%s as of %s" % (period, as_of))
            self.assertEqual(fast["totals"], full["totals"])
        # as of 31.10: 2026-07 of 9900000001 (F-1) and 2026-09 of 9900000001 (P-1, paid 05.10) are skipped
        self.assertGreaterEqual(self.Close._compute_state("2026-10", date(2026, 10, 31))["skipped"], 2)
        self.assertGreater(full["totals"]["penalty"], 0)

    def test_fast_and_full_close_write_the_same_snapshot(self):
        def rows(close):
            self.env.cr.execute("""SELECT account_id, accrued, paid, debt, overdue_debt, debt_current, debt_1_3,
                                          debt_3_6, debt_6_12, debt_12_36, debt_barred, penalty, months_in_debt,
                                          last_payment_date
                                   FROM ukkr_debt_snapshot WHERE close_id = %s ORDER BY account_id""", (close.id,))
            return self.env.cr.fetchall()
        fast = self.close("2026-10")
        fast_rows, fast_totals = rows(fast), (fast.debt_total, fast.penalty_total, fast.overdue_total)
        fast.sudo(self.manager).action_reopen()
        with today_is("2026-11-26"):
            full = self.Close.sudo(self.manager).with_context(ukkr_close_full_path=True).close_period("2026-10")
        self.assertEqual(rows(full), fast_rows)
        self.assertEqual((full.debt_total, full.penalty_total, full.overdue_total), fast_totals)
        self.assertTrue(fast_rows)


class TestSetBasedEntry(TransactionCase):
    """The close writes its entry's lines with one INSERT (thousands of organisation lines at city scale): every
    column must hold what Odoo's own ``account.move.create`` stores for the same lines."""

    LINE_COLUMNS = ("name", "quantity", "product_uom_id", "product_id", "debit", "credit", "balance",
                    "debit_cash_basis", "credit_cash_basis", "balance_cash_basis", "amount_currency",
                    "company_currency_id", "currency_id", "amount_residual", "amount_residual_currency",
                    "tax_base_amount", "account_id", "ref", "payment_id", "statement_line_id", "statement_id",
                    "reconciled", "full_reconcile_id", "journal_id", "blocked", "date_maturity", "date",
                    "tax_line_id", "analytic_account_id", "company_id", "invoice_id", "partner_id", "user_type_id",
                    "tax_exigible")
    MOVE_COLUMNS = ("ref", "date", "journal_id", "currency_id", "state", "partner_id", "amount", "company_id",
                    "matched_percentage")

    def rows(self, table, columns, where, value):
        self.env.cr.execute("SELECT %s FROM %s WHERE %s = %%s ORDER BY id" % (", ".join(columns), table, where),
                            (value,))
        return self.env.cr.fetchall()

    def test_same_columns_as_the_orm(self):
        account = self.env["account.account"]
        code = {c: account.search([("code", "=", c), ("company_id", "=", self.env.user.company_id.id)]).id
                for c in ("62.01", "90.01", "51", "62.02")}
        partner = self.env["res.partner"].create({"name": "ООО «Проводка»"})
        # receivable 1 200.10 + 300 (reconcilable: residual = balance), bank 500 (liquidity: residual too),
        # revenue −1 500.10 and advances −500 (neither: residual 0); debit = credit = 2 000.10
        lines = [(code["62.01"], partner.id, "Проводка: дебиторская", 1200.1, 0.0),
                 (code["62.01"], False, "Население", 300.0, 0.0),
                 (code["90.01"], False, "Выручка", 0.0, 1500.1),
                 (code["51"], False, "Касса", 500.0, 0.0),
                 (code["62.02"], False, "Авансы", 0.0, 500.0)]
        journal = self.env.ref("ukkr_collections.journal_ukkr")
        ours = self.env["ukkr.monthly.close"]._create_posted_entry(journal, "2026-10-31", "Сверка", lines)
        theirs = self.env["account.move"].with_context(check_move_validity=False).create({
            "journal_id": journal.id, "date": "2026-10-31", "ref": "Сверка",
            "line_ids": [(0, 0, {"account_id": a, "partner_id": p, "name": n, "debit": d, "credit": c})
                         for a, p, n, d, c in lines]})
        theirs.post()
        self.assertEqual(self.rows("account_move_line", self.LINE_COLUMNS, "move_id", ours.id),
                         self.rows("account_move_line", self.LINE_COLUMNS, "move_id", theirs.id))
        self.assertEqual(self.rows("account_move", self.MOVE_COLUMNS, "id", ours.id),
                         self.rows("account_move", self.MOVE_COLUMNS, "id", theirs.id))
        self.assertEqual((ours.state, ours.amount, len(ours.line_ids)), ("posted", 2000.1, 5))
        self.assertNotEqual(ours.name, theirs.name, "each has its own sequence number")

    def test_unbalanced_lines_are_refused(self):
        account = self.env["account.account"].search([("code", "=", "62.01")], limit=1)
        journal = self.env.ref("ukkr_collections.journal_ukkr")
        moves = self.env["account.move"].search_count([])
        sequence = journal.sequence_id.number_next_actual
        with self.assertRaisesRegex(UserError, "does not balance|не сбалансирована"), self.env.cr.savepoint():
            self.env["ukkr.monthly.close"]._create_posted_entry(journal, "2026-10-31", "Сверка",
                                                                [(account.id, False, "Одна сторона", 10.0, 0.0)])
        self.assertEqual(self.env["account.move"].search_count([]), moves, "nothing is left of the entry")
        self.assertEqual(journal.sequence_id.number_next_actual, sequence, "no entry number was drawn")

    def test_lines_odoo_would_refuse_are_refused(self):
        """Odoo checks each line it creates (deprecated account, journal's entry controls); the set-based entry
        checks the same once per account, before anything is written."""
        journal = self.env.ref("ukkr_collections.journal_ukkr")
        company = self.env.user.company_id.id
        receivable = self.env["account.account"].search([("code", "=", "62.01"), ("company_id", "=", company)])
        revenue = self.env["account.account"].search([("code", "=", "90.01"), ("company_id", "=", company)])
        lines = [(receivable.id, False, "Долг", 100.0, 0.0), (revenue.id, False, "Выручка", 0.0, 100.0)]
        Close = self.env["ukkr.monthly.close"]
        moves = self.env["account.move"].search_count([])
        revenue.deprecated = True
        with self.assertRaisesRegex(UserError, "is deprecated|устарел"), self.env.cr.savepoint():
            Close._create_posted_entry(journal, "2026-10-31", "Сверка", lines)
        revenue.deprecated = False
        journal.account_control_ids = receivable   # only 62.01 allowed in the journal
        with self.assertRaisesRegex(UserError, "does not allow account 90.01|не допускает счёт 90.01"), \
                self.env.cr.savepoint():
            Close._create_posted_entry(journal, "2026-10-31", "Сверка", lines)
        journal.account_control_ids = False
        self.assertEqual(self.env["account.move"].search_count([]), moves, "nothing was written")
        self.assertEqual(Close._create_posted_entry(journal, "2026-10-31", "Сверка", lines).state, "posted")
