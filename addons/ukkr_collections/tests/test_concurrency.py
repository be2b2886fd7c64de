"""Two monthly closes, or two imports, at the same time (issue 9.4) — with two real database connections.

Connection A is the test's own transaction: it runs a close or an import and, as a long job would, still holds its
transaction (and so its advisory lock, models/db_locks.py) open. Connection B is a second PostgreSQL connection from
the registry, as a second Odoo worker or cron would have; it starts the same job while A is in the middle of it.
B must be refused at once with a clear Russian message and leave no row behind; A's result must hold every row
exactly once (no duplicates, no partial snapshots).
"""
from contextlib import contextmanager

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS

TODAY = "2026-11-26"
TABLES = ["ukkr_personal_account", "ukkr_ledger_line", "ukkr_payment", "ukkr_payment_allocation",
          "ukkr_monthly_close", "ukkr_debt_snapshot", "account_move", "res_partner"]


class TestConcurrency(TransactionCase):

    @contextmanager
    def second_connection(self):
        """Environment B on its own PostgreSQL connection (a second backend: another pid)."""
        cr = self.registry.cursor()
        try:
            yield api.Environment(cr, SUPERUSER_ID, {"lang": "ru_RU", "tz": "Asia/Krasnoyarsk"})
        finally:
            cr.rollback()
            cr.close()

    @staticmethod
    def counts(env):
        result = {}
        for table in TABLES:
            env.cr.execute("SELECT count(*) FROM %s" % table)
            result[table] = env.cr.fetchone()[0]
        return result

    @staticmethod
    def backend(env):
        env.cr.execute("SELECT pg_backend_pid()")
        return env.cr.fetchone()[0]

    def load(self, env, *files):
        with today_is(TODAY):
            for text, name in files:
                env["ukkr.billing.import"].import_content(text.encode("utf-8"), name)

    def test_two_closes_of_the_same_month(self):
        self.load(self.env, (ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv"))
        with today_is(TODAY):
            close = self.env["ukkr.monthly.close"].close_period("2026-10")   # A: done, transaction still open
        with self.second_connection() as env_b:
            self.assertNotEqual(self.backend(env_b), self.backend(self.env), "two real connections")
            before = self.counts(env_b)
            with today_is(TODAY), self.assertRaises(UserError) as caught:
                env_b["ukkr.monthly.close"].close_period("2026-10")
            self.assertIn("Другое закрытие месяца выполняется", caught.exception.name)
            self.assertEqual(self.counts(env_b), before, "B wrote nothing: no partial snapshots")
        # A's close is whole and single: one close of October, one snapshot per account, one entry
        self.assertEqual(self.env["ukkr.monthly.close"].search_count([("period", "=", "2026-10")]), 1)
        self.env.cr.execute("SELECT count(*), count(DISTINCT account_id) FROM ukkr_debt_snapshot WHERE close_id = %s",
                            (close.id,))
        self.assertEqual(self.env.cr.fetchone(), (3, 3))
        self.assertEqual(close.account_count, 3)
        self.assertEqual(close.move_id.state, "posted")

    def test_two_imports_of_the_same_file(self):
        self.load(self.env, (ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"))   # A: imported, still open
        with self.second_connection() as env_b:
            before = self.counts(env_b)
            with today_is(TODAY), self.assertRaises(UserError) as caught:
                env_b["ukkr.billing.import"].import_content(ACCRUALS.encode("utf-8"), "accruals.csv")
            self.assertIn("Другой файл начислений и оплат сейчас загружается", caught.exception.name)
            self.assertIn("данные не изменились", caught.exception.name)
            self.assertEqual(self.counts(env_b), before, "B wrote nothing")
        # A holds each ledger line once: 4 rows in the file, 4 lines
        self.env.cr.execute("""SELECT count(*), count(DISTINCT (account_id, period, service_id)) FROM ukkr_ledger_line l
                               JOIN ukkr_personal_account a ON a.id = l.account_id WHERE a.name LIKE '99000000%%'""")
        self.assertEqual(self.env.cr.fetchone(), (4, 4))

    def test_close_while_an_import_runs(self):
        self.load(self.env, (ACCOUNTS, "accounts.csv"))   # A: an import in progress
        with self.second_connection() as env_b:
            before = self.counts(env_b)
            with today_is(TODAY), self.assertRaises(UserError) as caught:
                env_b["ukkr.monthly.close"].close_period("2026-10")
            self.assertIn("загружается файл начислений", caught.exception.name)
            self.assertEqual(self.counts(env_b), before)

    def test_import_while_a_close_runs(self):
        with today_is(TODAY):
            self.env["ukkr.monthly.close"].close_period("2026-10")   # A: a close in progress (no import before it)
        with self.second_connection() as env_b:
            before = self.counts(env_b)
            with today_is(TODAY), self.assertRaises(UserError) as caught:
                env_b["ukkr.billing.import"].import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
            self.assertIn("выполняется закрытие месяца", caught.exception.name)
            self.assertEqual(self.counts(env_b), before)
