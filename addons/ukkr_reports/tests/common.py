"""A small district for the report tests: one account of every debtor category, five months across a year
boundary (2025-10 … 2026-02), payments of every habit, and the closes of 2025-11 … 2026-02 as the manager.

Accounts (monthly bill, RUB):          payments
  9800000001 owner, кв. 1        1 000   500 on 20.10.2025 (before the first close), then 1 000 on the 5th of
                                         every month for the month before
  9800000002 social, municipal,  2 000   nothing: over 3 months in debt by February
             кв. 2
  9800000003 commercial,         1 500   1 500 on 20.12.2025 and on 10.02.2026; the payer's name, edited after
             municipal, кв. 3             the import (which refuses it), starts with «=» like a formula
  9800000004 citizen's garage      300   300 on 15.11.2025 (non-residential premises of a citizen → «owners»)
  9800000005 legal entity       10 000   20 000 on 20.01.2026
  9800000006 sole trader         4 000   4 000 on 30.11.2025, 8 000 on 25.02.2026
  9800000007 budget school       8 000   8 000 on the 25th of every month from November
"""
import io

from openpyxl import load_workbook

from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

ACCOUNTS = """Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;Основание проживания;Муниципальное жилье;Проживает;Площадь
9800000001;п. Отчётный;ул. Южная;4;1;Иванов Иван Иванович;individual;owner;0;3;54
9800000002;п. Отчётный;ул. Южная;4;2;Петрова Анна Сергеевна;individual;social;1;2;41
9800000003;п. Отчётный;ул. Южная;4;3;Сидоров Пётр Ильич;individual;commercial;1;1;30
9800000004;п. Отчётный;ул. Северная;1;гараж 5;Кузнецов Олег Петрович;individual;nonresidential;0;0;20
9800000005;п. Отчётный;ул. Северная;2;;ООО «Тестовая компания»;legal;nonresidential;0;;300
9800000006;п. Отчётный;ул. Северная;2;пом. 2;ИП Орлов Олег Олегович;sole_trader;nonresidential;0;;80
9800000007;п. Отчётный;ул. Школьная;1;;МБОУ «Тестовая школа»;budget;nonresidential;0;;900
"""
BILLS = {"9800000001": 1000, "9800000002": 2000, "9800000003": 1500, "9800000004": 300, "9800000005": 10000,
         "9800000006": 4000, "9800000007": 8000}
PERIODS = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]
PAYMENTS = [
    ("9800000001", "2025-10-20", 500), ("9800000001", "2025-11-05", 1000), ("9800000001", "2025-12-05", 1000),
    ("9800000001", "2026-01-05", 1000), ("9800000001", "2026-02-05", 1000),
    ("9800000003", "2025-12-20", 1500), ("9800000003", "2026-02-10", 1500),
    ("9800000004", "2025-11-15", 300),
    ("9800000005", "2026-01-20", 20000),
    ("9800000006", "2025-11-30", 4000), ("9800000006", "2026-02-25", 8000),
    ("9800000007", "2025-11-25", 8000), ("9800000007", "2025-12-25", 8000), ("9800000007", "2026-01-25", 8000),
    ("9800000007", "2026-02-25", 8000),
]
NAMES = ["Иванов Иван Иванович", "Петрова Анна Сергеевна", "=Сидоров Пётр Ильич", "Кузнецов Олег Петрович",
         "ООО «Тестовая компания»", "ИП Орлов Олег Олегович", "МБОУ «Тестовая школа»"]
CATEGORY_OF = {"9800000001": "owner", "9800000002": "social", "9800000003": "commercial", "9800000004": "owner",
               "9800000005": "legal", "9800000006": "sole_trader", "9800000007": "budget"}
LABELS = ["Население — собственники", "Население — социальный наём", "Население — коммерческий наём",
          "Юридические лица", "Индивидуальные предприниматели", "Бюджетные организации", "Итого"]
KEYS = ["owner", "social", "commercial", "legal", "sole_trader", "budget", "total"]


def accruals_csv(periods):
    lines = ["account;period;service;accrued"]
    for number, bill in sorted(BILLS.items()):
        for period in periods:
            lines.append("%s;%s;heating;%.2f" % (number, period, bill * 0.8))
            lines.append("%s;%s;cold_water;%.2f" % (number, period, bill * 0.2))
    return "\n".join(lines) + "\n"


def payments_csv(payments, prefix="T"):
    lines = ["account;date;amount;doc;channel"]
    for index, (number, day, amount) in enumerate(payments):
        lines.append("%s;%s;%.2f;%s-%s-%d;bank" % (number, day, amount, prefix, number, index))
    return "\n".join(lines) + "\n"


def read_sheet(content, title):
    """The cells of one sheet of an xlsx file as a list of rows (values)."""
    return [list(row) for row in load_workbook(io.BytesIO(content))[title].iter_rows(values_only=True)]


def debt_table(content):
    """{category label: [start, accrued, paid, end, over 3 months, debtors, change]} of the «Задолженность» sheet."""
    rows = read_sheet(content, "Задолженность")
    head = next(i for i, row in enumerate(rows) if row[0] == "Категория должников")
    return {row[0]: row[1:8] for row in rows[head + 1:head + 8]}


class ReportCase(TransactionCase):
    """The district above in a database holding nothing else of the ledger (rolled back after each test)."""

    def setUp(self):
        super().setUp()
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_report_dispatch; DELETE FROM ukkr_monthly_close")
        Users = self.env["res.users"].with_context(no_reset_password=True, tracking_disable=True)

        def user(login, *groups):
            return Users.create({"name": login, "login": "t_rep_" + login, "email": login + "@example.ru",
                                 "lang": False, "groups_id": [(6, 0, [self.env.ref(g).id for g in groups])]})
        self.manager = user("manager", "ukkr_debt_plan.group_ukkr_manager")
        self.operator = user("operator", "ukkr_debt_plan.group_ukkr_operator")
        self.executor = user("executor", "ukkr_debt_plan.group_admin_executor")
        self.control = user("control", "ukkr_debt_plan.group_admin_control")
        self.outsider = user("outsider", "base.group_user")
        self.load(ACCOUNTS, "accounts.csv")
        self.load(accruals_csv(PERIODS), "accruals.csv")
        self.load(payments_csv(PAYMENTS), "payments.csv")
        self.account("9800000003").partner_id.name = "=Сидоров Пётр Ильич"
        self.Report = self.env["ukkr.monthly.report"]

    def load(self, text, name, day="2026-03-05"):
        with today_is(day):
            return self.env["ukkr.billing.import"].import_content(text.encode("utf-8"), name)

    def close(self, period, day="2026-03-05"):
        with today_is(day):
            return self.env["ukkr.monthly.close"].sudo(self.manager).close_period(period)

    def close_all(self):
        for period in ("2025-11", "2025-12", "2026-01", "2026-02"):
            self.close(period)

    def account(self, number):
        return self.env["ukkr.personal.account"].search([("name", "=", number)])
