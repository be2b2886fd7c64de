"""A small district for the agreement tests (accounts of test_billing_import, accruals of their own).

- 9900000001 (individual owner): 5 000 for 2023-09, due 10.10.2023 → limitation expires 11.10.2026;
- 9900000002 (individual, social tenancy, MUNICIPAL): 4 000 for each of 2026-06, 2026-07, 2026-08, due
  15.07.2026, 17.08.2026 (15.08 is a Saturday), 15.09.2026 — 12 000 owed, nothing paid;
- 9900000003 (legal entity, not municipal): 5 000 for 2023-09, due 10.10.2023 → expires 11.10.2026.
The accounts file carries the payers' identification (ACCOUNTS_IDENTIFIED): Иванов — born 12.03.1975 in пос. Тея,
СНИЛС 112-233-445 95; Петрова — born 01.07.1980 in г. Красноярск, СНИЛС 123-456-789 64; ООО «Брянка-Лес» — ОГРН
1242400000006.
"""
import base64

from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS_IDENTIFIED as ACCOUNTS

ACCRUALS = """account;period;service;accrued;norm_charge
9900000001;2023-09;heating;5000;
9900000002;2026-06;heating;4000;
9900000002;2026-07;heating;4000;
9900000002;2026-08;heating;4000;
9900000003;2023-09;heating;5000;
"""


class AgreementCase(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close; DELETE FROM ukkr_limitation_event")
        self.Case = self.env["ukkr.debtor.case"]
        self.Case.search([]).write({"state": "closed"})
        self.importer = self.env["ukkr.billing.import"]
        # the claimant's ИНН and ОГРН (ГПК 124 ч.2 п.2), invented with valid check digits: 2434000014 (weights
        # 2 4 10 3 5 9 4 6 8 → 70 mod 11 = 4), 1242400000006 (124240000000 mod 11 = 6)
        self.env.user.company_id.write({"vat": "2434000014", "company_registry": "1242400000006"})
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv")):
                self.importer.import_content(text.encode("utf-8"), name)
        Users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, group):
            return Users.create({"name": login, "login": login, "lang": False,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + group).id])]})
        self.manager = user("t_agr_director", "group_ukkr_manager")
        self.operator = user("t_agr_op", "group_ukkr_operator")
        self.lawyer = user("t_agr_lawyer", "group_ukkr_lawyer")
        self.executor = user("t_agr_housing", "group_admin_executor")
        self.control = user("t_agr_control", "group_admin_control")
        self.account = {n[-1]: self.env["ukkr.personal.account"].search([("name", "=", n)])
                        for n in ("9900000001", "9900000002", "9900000003")}
        self.Agreement = self.env["ukkr.installment.agreement"]
        self.Workoff = self.env["ukkr.workoff.agreement"]

    def pay(self, rows, today="2026-11-26"):
        """rows: [(account suffix, 'DD.MM.YYYY', amount, doc)] imported as bank payments."""
        text = "Лицевой счет;Дата;Сумма;Документ;Период\n" + "".join(
            "990000000%s;%s;%s;%s;\n" % row for row in rows)
        with today_is(today):
            self.importer.import_content(text.encode("utf-8"), "payments.csv")

    def open_case(self, suffix):
        return self.Case.sudo(self.operator).create({"account_id": self.account[suffix].id})

    def draft(self, suffix="2", date="2026-10-01", user=None, **values):
        values = dict({"account_id": self.account[suffix].id, "date": date}, **values)
        return self.Agreement.sudo(user or self.operator).create(values)

    @staticmethod
    def scan():
        return base64.b64encode(b"%PDF-1.4 request")
