"""Debtor cases: opened by the monthly close where the trigger holds, one per account, closed when paid off.

The district of test_billing_import (figures in test_monthly_close). As of 31.10.2026 after the October close:
- 9900000001 owes nothing → no case;
- 9900000002 (municipal, social tenancy) owes 1 500 overdue (2026-09 was due 15.10.2026); its average monthly accrual
  is 2 500 (one month), so 2 × 2 500 = 5 000 > 1 500 and 1 500 < 5 000 RUB → no case with the default trigger;
- 9900000003 (legal entity) owes 20 000 overdue ≥ 5 000 → a case; priority: 20 000 × 1 month = 20 000 ≥ 15 000
  («medium», '1') and < 60 000.
"""
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS


class TestDebtorCase(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close")
        self.Case = self.env["ukkr.debtor.case"]
        self.Case.search([]).write({"state": "closed"})  # demo cases of other accounts stay out of the way
        self.importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
                self.importer.import_content(text.encode("utf-8"), name)
        Users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, group):
            return Users.create({"name": login, "login": login, "lang": False,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
        self.manager = user("t_case_director", "group_ukkr_manager")
        self.operator = user("t_case_op", "group_ukkr_operator")
        self.executor = user("t_case_housing", "group_admin_executor")
        self.account = {n: self.env["ukkr.personal.account"].search([("name", "=", n)])
                        for n in ("9900000001", "9900000002", "9900000003")}

    def close(self, period):
        with today_is("2026-11-26"):
            return self.env["ukkr.monthly.close"].sudo(self.manager).close_period(period)

    def open_cases(self):
        return self.Case.search([("state", "=", "open"), ("account_id", "in", [a.id for a in self.account.values()])])

    def test_close_opens_exactly_one_case_per_account(self):
        self.close("2026-09")
        self.assertFalse(self.open_cases(), "nothing is overdue on 30.09.2026")
        october = self.close("2026-10")
        cases = self.open_cases()
        self.assertEqual(cases.mapped("account_id.name"), ["9900000003"])
        self.assertEqual((cases.stage_code, cases.opened_by, cases.overdue_at_close, cases.months_in_debt,
                          cases.priority, cases.last_close_period), ("identified", "close", 20000.0, 1, "1", "2026-10"))
        self.assertRegex(cases.name, r"^Д-\d{6}$")
        self.assertRegex(october.message_ids[0].body, "Debtor cases opened: 1|Открыто дел должников: 1")
        # the same close again (reopen and close): figures refreshed, still one case
        october.sudo(self.manager).action_reopen()
        self.close("2026-10")
        self.assertEqual(len(self.open_cases()), 1)
        # a stricter trigger for individuals (1 000 RUB) opens 9900000002's case at the next sync, once
        self.env.ref("ukkr_collections.case_trigger_individual").min_amount = 1000
        result = self.Case._sync_with_close(self.env["ukkr.monthly.close"].search([("period", "=", "2026-10")]))
        self.assertEqual((result["opened"], result["updated"]), (1, 2))
        self.assertEqual(sorted(self.open_cases().mapped("account_id.name")), ["9900000002", "9900000003"])
        again = self.Case._sync_with_close(self.env["ukkr.monthly.close"].search([("period", "=", "2026-10")]))
        self.assertEqual(again["opened"], 0)
        # by hand: refused while a case is open
        with self.assertRaisesRegex(UserError, "already has an open debtor case|уже есть открытое дело"):
            self.Case.sudo(self.operator).create({"account_id": self.account["9900000003"].id})

    def test_trigger_by_months_of_accruals(self):
        """2 × average accrual: 9900000002's average is 2 500 → threshold 5 000; with 0.5 months it is 1 250 ≤ 1 500."""
        self.env.ref("ukkr_collections.case_trigger_individual").months_of_accruals = 0.5
        self.close("2026-10")
        self.assertEqual(sorted(self.open_cases().mapped("account_id.name")), ["9900000002", "9900000003"])

    def test_paid_off_case_closes_itself(self):
        self.close("2026-10")
        case = self.open_cases()
        with today_is("2026-11-26"):
            self.importer.import_content("Лицевой счет;Дата;Сумма;Документ;Период\n9900000003;10.11.2026;19000;P-3;\n"
                                         .encode("utf-8"), "payments.csv")
            self.assertEqual(self.Case._cron_close_paid_cases(), 0, "1 000 RUB is still owed")
            with self.assertRaisesRegex(UserError, "cannot be marked paid off|нельзя отметить погашенным"):
                case.sudo(self.operator).write({"stage_id": self.env.ref("ukkr_collections.case_stage_paid").id})
            self.importer.import_content("Лицевой счет;Дата;Сумма;Документ;Период\n9900000003;11.11.2026;1000;P-4;\n"
                                         .encode("utf-8"), "payments.csv")
            self.assertEqual(self.Case._cron_close_paid_cases(), 1)
        self.assertEqual((case.state, case.stage_code, case.close_reason), ("closed", "paid", "paid"))
        self.assertRegex(case.message_ids[0].body, "paid off|Долг погашен")
        # a new debt later opens a new case: the closed one does not block it
        self.assertTrue(self.Case.create({"account_id": case.account_id.id}))

    def test_close_by_hand_and_forbidden_moves(self):
        self.close("2026-10")
        case = self.open_cases().sudo(self.operator)
        with self.assertRaisesRegex(UserError, "write-off approved|через списание"):
            case.write({"stage_id": self.env.ref("ukkr_collections.case_stage_written_off").id})
        with self.assertRaisesRegex(UserError, "Describe why|Опишите, почему"):
            case._close_by_hand("other", "  ")
        self.assertEqual(case.state, "open", "nothing changed")
        case._close_by_hand("account_closed", "Договор расторгнут")
        self.assertEqual((case.state, case.close_reason), ("closed", "account_closed"))
        with self.assertRaisesRegex(UserError, "is closed; reopen|закрыто; откройте"):
            case.write({"stage_id": self.env.ref("ukkr_collections.case_stage_court").id})
        with self.assertRaises(AccessError):
            case.action_reopen()
        case.sudo(self.manager).action_reopen()
        self.assertEqual(case.state, "open")
        with self.assertRaises(AccessError):
            case.unlink()

    def test_administration_sees_municipal_cases_only(self):
        self.env.ref("ukkr_collections.case_trigger_individual").min_amount = 1000
        self.close("2026-10")
        visible = self.Case.sudo(self.executor).search([("id", "in", self.open_cases().ids)])
        self.assertEqual(visible, self.open_cases().filtered(lambda c: c.account_id.name == "9900000002"),
                         "municipal housing only (152-ФЗ)")
        legal = self.open_cases().filtered(lambda c: c.account_id.name == "9900000003")
        with self.assertRaises(AccessError):
            legal.sudo(self.executor).read(["overdue_at_close"])
        with self.assertRaises(AccessError):
            self.Case.sudo(self.executor).create({"account_id": self.account["9900000001"].id})
