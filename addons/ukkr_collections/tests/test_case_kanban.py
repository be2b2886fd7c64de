"""The case kanban's cards (issue 22): drawn from the case's own stored columns, so a page of cards reads no
personal account — before, each page prefetched 40 accounts (all their columns) and auditlog wrote 40 read logs;
the account number and apartment are stored copies that follow the account when the billing file changes it."""
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS


class TestCaseKanban(TransactionCase):

    def setUp(self):
        super().setUp()
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
        self.account = self.env["ukkr.personal.account"].search([("name", "=", "9900000002")])
        Case = self.env["ukkr.debtor.case"]
        self.case = Case.search([("account_id", "=", self.account.id), ("state", "=", "open")]) \
            or Case.create({"account_id": self.account.id})
        self.operator = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "t_kanban_op", "login": "t_kanban_op", "lang": False,
            "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})

    def account_reads(self):
        return self.env["auditlog.log"].sudo().search_count([("model_id.model", "=", "ukkr.personal.account"),
                                                             ("method", "=", "read")])

    def test_cards_read_no_personal_account(self):
        Case = self.env["ukkr.debtor.case"].sudo(self.operator)
        view = self.env.ref("ukkr_collections.view_ukkr_debtor_case_kanban")
        fields = list(Case.fields_view_get(view.id, "kanban")["fields"])
        self.assertNotIn("account_id", fields)
        before = self.account_reads()
        # the web client's first page: read_group by stage, then the cards of each column
        for group in Case.read_group([("state", "=", "open")], ["stage_id"], ["stage_id"], lazy=True):
            cards = Case.search_read(group["__domain"], fields, limit=40)
            self.assertTrue(all(card["account_name"] for card in cards))
        [card] = Case.search_read([("id", "=", self.case.id)], fields)
        self.assertEqual((card["account_name"], card["apartment"]), ("9900000002", "2"))
        self.assertEqual(self.account_reads(), before)
        # the account itself (its form) is still read-logged
        self.env["ukkr.personal.account"].sudo(self.operator).browse(self.account.id).read(["name", "apartment"])
        self.assertEqual(self.account_reads(), before + 1)

    def test_stored_copies_follow_the_billing_file(self):
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(
                ACCOUNTS.replace("9900000002;п. Тея;ул. Южная;4;2;", "9900000002;п. Тея;ул. Южная;4;2а;")
                .encode("utf-8"), "accounts.csv")
        self.case.invalidate_cache()
        self.assertEqual((self.case.account_name, self.case.apartment), ("9900000002", "2а"))

    def test_cases_opened_by_the_close_carry_the_copies(self):
        """The close opens cases set-based (SQL): the card's columns are written there too."""
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close")
        self.env["ukkr.debtor.case"].search([]).write({"state": "closed"})
        with today_is("2026-11-26"):
            for text, name in ((ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
                self.env["ukkr.billing.import"].import_content(text.encode("utf-8"), name)
            for period in ("2026-09", "2026-10"):
                self.env["ukkr.monthly.close"].close_period(period)
        cases = self.env["ukkr.debtor.case"].search([("state", "=", "open"), ("opened_by", "=", "close")])
        self.assertTrue(cases)
        self.assertEqual([(c.account_name, c.apartment) for c in cases],
                         [(c.account_id.name, c.account_id.apartment) for c in cases])
        self.assertIn("9900000003", cases.mapped("account_name"))
