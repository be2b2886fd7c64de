"""The monthly report to the administration: every figure against the ledger, the payments and the accounting
entries of the closes, computed here independently of the snapshots (see common.py for the district)."""
from collections import defaultdict
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .common import (CATEGORY_OF, KEYS, LABELS, PAYMENTS, ReportCase, accruals_csv, debt_table, payments_csv,
                     read_sheet)


class TestMonthlyReport(ReportCase):

    # ------------------------------------------------------------------ independent computations
    def ledger_state(self, as_of, last_period):
        """Per category: debt, debt overdue more than 90 days, debtors — as of ``as_of`` over the tranches up
        to ``last_period``, from the ledger and the payment allocation (not from the snapshots)."""
        cr = self.env.cr
        cr.execute("""SELECT a.name, l.period, sum(l.accrued + l.correction - l.written_off) FROM ukkr_ledger_line l
                      JOIN ukkr_personal_account a ON a.id = l.account_id WHERE l.period <= %s GROUP BY 1, 2""",
                   (last_period,))
        charged = cr.fetchall()
        cr.execute("""SELECT a.name, al.period, sum(al.amount) FROM ukkr_payment_allocation al
                      JOIN ukkr_personal_account a ON a.id = al.account_id
                      WHERE al.date <= %s AND al.period <= %s GROUP BY 1, 2""", (as_of, last_period))
        paid = {(number, period): amount for number, period, amount in cr.fetchall()}
        rules = self.env["ukkr.rules"]
        result = {key: {"debt": 0.0, "over": 0.0, "debtors": set()} for key in KEYS}
        for number, period, amount in charged:
            principal = round(amount - paid.get((number, period), 0.0), 2)
            if principal <= 0.004:
                continue
            days = (as_of - rules.due_date(period)).days
            for key in (CATEGORY_OF[number], "total"):
                result[key]["debt"] += principal
                result[key]["over"] += principal if days > 90 else 0.0
                if days > 0:
                    result[key]["debtors"].add(number)
        return result

    def ledger_accrued(self, first, last):
        self.env.cr.execute("""SELECT a.name, sum(l.accrued + l.correction - l.written_off) FROM ukkr_ledger_line l
                               JOIN ukkr_personal_account a ON a.id = l.account_id
                               WHERE l.period >= %s AND l.period <= %s GROUP BY 1""", (first, last))
        return self.by_category(self.env.cr.fetchall())

    def paid_between(self, first, last):
        self.env.cr.execute("""SELECT a.name, sum(p.amount) FROM ukkr_payment p
                               JOIN ukkr_personal_account a ON a.id = p.account_id
                               WHERE p.date >= %s AND p.date <= %s GROUP BY 1""", (first, last))
        return self.by_category(self.env.cr.fetchall())

    @staticmethod
    def by_category(pairs):
        result = defaultdict(float)
        for number, amount in pairs:
            result[CATEGORY_OF[number]] += amount
            result["total"] += amount
        return result

    def journal(self, code, periods, column="balance"):
        """Balance (or debit) of an account over the entries of the closes of ``periods`` (None: all posted)."""
        journal = self.env.ref("ukkr_collections.journal_ukkr")
        query = """SELECT coalesce(sum(l.debit - l.credit), 0), coalesce(sum(l.debit), 0)
                   FROM account_move_line l JOIN account_account a ON a.id = l.account_id
                   JOIN account_move m ON m.id = l.move_id
                   WHERE a.code = %s AND m.journal_id = %s AND m.state = 'posted'"""
        params = [code, journal.id]
        if periods is not None:
            query += " AND m.id IN (SELECT move_id FROM ukkr_monthly_close WHERE period = ANY(%s))"
            params.append(periods)
        self.env.cr.execute(query, params)
        balance, debit = self.env.cr.fetchone()
        return round(balance if column == "balance" else debit, 2)

    def expected(self, period, start_as_of, start_period, first_month):
        end_day = date(int(period[:4]), int(period[5:7]), 28 if period.endswith("02") else 31)
        start = self.ledger_state(start_as_of, start_period)
        end = self.ledger_state(end_day, period)
        accrued = self.ledger_accrued(first_month, period)
        paid = self.paid_between(first_month + "-01", end_day)
        rows = {}
        for key, label in zip(KEYS, LABELS):
            s, e = round(start[key]["debt"], 2), round(end[key]["debt"], 2)
            rows[label] = [s, round(accrued[key], 2), round(paid[key], 2), e, round(end[key]["over"], 2),
                           len(end[key]["debtors"]), round((e - s) / s * 100, 2) if s else None]
        return rows

    def assertTable(self, table, expected):
        self.assertEqual(list(table), LABELS)
        for label in LABELS:
            got = [round(v, 2) if isinstance(v, float) else v for v in table[label]]
            self.assertEqual(got, expected[label], label)

    # ------------------------------------------------------------------ tests
    def test_every_figure_equals_the_ledger_and_the_accounting(self):
        self.close_all()
        with today_is("2026-03-05"):
            content = self.Report.sudo(self.control).render_xlsx("2026-02")
        table = debt_table(content)
        # by hand (common.py): owners = 9800000001 (only February's 500 left, not yet due) + the garage
        # 9800000004 (November … February unpaid, 4 × 300); social 9800000002 paid nothing: 5 × 2 000, of which
        # October's (due 10.11.2025, 110 days on 28.02.2026) is over 3 months; the school paid every month but
        # February's bill is not due yet: a debt, not a debtor.
        self.assertEqual(table["Население — собственники"], [1100, 2600, 2000, 1700, 0, 1, 54.55])
        self.assertEqual(table["Население — социальный наём"], [6000, 4000, 0, 10000, 2000, 1, 66.67])
        self.assertEqual(table["Бюджетные организации"], [8000, 16000, 16000, 8000, 0, 0, 0])
        # start + accrued − paid = end: 56 100 + 53 600 − 47 500 = 62 200; (62 200 − 56 100) / 56 100 = 10.87 %
        self.assertEqual(table["Итого"], [56100, 53600, 47500, 62200, 2000, 5, 10.87])
        self.assertTable(table, self.expected("2026-02", date(2025, 12, 31), "2025-12", "2026-01"))
        # the accounting entries of the closes agree: the receivable is the debt, the year's cash is what was
        # paid, the year's revenue what was accrued
        self.assertEqual(self.journal("62.01", None), table["Итого"][3])
        self.assertEqual(self.journal("51", ["2026-01", "2026-02"], "debit"), table["Итого"][2])
        self.assertEqual(-self.journal("90.01", ["2026-01", "2026-02"]), table["Итого"][1])
        # the scripting API gives the same numbers
        figures = self.Report.sudo(self.executor).figures("2026-02")
        self.assertEqual(figures["start_source"], "snapshot")
        self.assertEqual([r["end"] for r in figures["rows"]], [table[label][3] for label in LABELS])

    def test_year_start_from_the_ledger_when_december_is_not_closed(self):
        self.close_all()
        with today_is("2026-03-05"):
            content = self.Report.render_xlsx("2025-12")
        table = debt_table(content)
        # 2025: nothing owed on 31.12.2024; three bills accrued (3 × 26 800); paid in 2025: 500 + 1 000 + 1 000
        # + 1 500 + 300 + 4 000 + 8 000 + 8 000 = 24 300 — the 500 of 20.10.2025 came before the first close
        # (November) and counts from the ledger; 0 + 80 400 − 24 300 = 56 100, the start of 2026 above
        self.assertEqual(table["Итого"], [0, 80400, 24300, 56100, 0, 5, None])
        self.assertTable(table, self.expected("2025-12", date(2024, 12, 31), "2024-12", "2025-01"))
        self.assertEqual(self.journal("62.01", ["2025-11", "2025-12"]), 56100)
        text = " ".join(str(c) for row in read_sheet(content, "Задолженность") for c in row if c)
        self.assertIn("рассчитана по реестру на 31.12.2024", text)
        self.assertIn("Не закрыты в учёте: январь–октябрь 2025 г. (первый закрытый месяц — ноябрь 2025 г.)", text)

    def test_year_to_date_across_the_year_boundary(self):
        self.close_all()
        january = self.Report.figures("2026-01")["rows"][-1]
        february = self.Report.figures("2026-02")["rows"][-1]
        december = self.Report.figures("2025-12")["rows"][-1]
        # January starts from December's closing debt; February accumulates January
        self.assertEqual(january["start"], december["end"])
        self.assertEqual(february["start"], december["end"])
        # January: 26 800 accrued; 1 000 + 20 000 + 8 000 paid; 56 100 + 26 800 − 29 000 = 53 900
        self.assertEqual((january["accrued"], january["paid"], january["end"]), (26800, 29000, 53900))
        self.assertEqual((february["accrued"], february["paid"]), (53600, 47500))
        self.assertEqual(february["accrued"] - january["accrued"], -self.journal("90.01", ["2026-02"]))

    def test_reproducible_after_later_imports(self):
        self.close_all()
        with today_is("2026-03-05"):
            before = self.Report.render_xlsx("2026-02")
        # after the close: March's bills, a payment for February that arrives late, a March payment
        self.load(accruals_csv(["2026-03"]), "march.csv", day="2026-04-05")
        self.load(payments_csv([("9800000002", "2026-02-20", 2000), ("9800000001", "2026-03-05", 1000)], "L"),
                  "late.csv", day="2026-04-05")
        with today_is("2026-04-05"):
            after = self.Report.render_xlsx("2026-02")
        self.assertEqual(debt_table(after), debt_table(before))
        # the late payment is cash of March's close and counts in March's year to date
        self.close("2026-03", day="2026-04-05")
        march = self.Report.figures("2026-03")["rows"][-1]
        self.assertEqual(march["paid"], 47500 + 2000 + 1000)
        self.assertEqual(march["paid"], self.journal("51", ["2026-01", "2026-02", "2026-03"], "debit"))
        self.assertEqual(march["end"], self.journal("62.01", None))
        all_paid = sum(amount for _n, day, amount in PAYMENTS if day >= "2026-01-01") + 3000
        self.assertEqual(march["paid"], all_paid)

    def test_bad_input_clear_russian_errors(self):
        self.close("2025-11")
        self.close("2025-12")
        self.close("2026-01")
        # a database from before the months were closed in order: December reopened while January stayed closed
        self.env.cr.execute("UPDATE ukkr_monthly_close SET state = 'reopened' WHERE period = '2025-12'")
        self.env["ukkr.monthly.close"].invalidate_cache()
        Report = self.Report.with_context(lang="ru_RU")
        with self.assertRaises(UserError) as caught:
            Report.render_xlsx("2026-02")
        self.assertIn("Месяц 2026-02 не закрыт", caught.exception.name)
        for bad in ("2026-13", "02.2026", "", None):
            with self.assertRaises(UserError) as caught:
                Report.render_xlsx(bad)
            self.assertIn("— не период", caught.exception.name)
        with self.assertRaises(UserError) as caught:
            Report.render_xlsx("2026-01")
        self.assertIn("Месяц 2025-12 не закрыт", caught.exception.name)
        # the wizard says it before the download
        wizard = self.env["ukkr.report.wizard"].with_context(lang="ru_RU").create(
            {"report": "monthly", "period": "2026-01"})
        with self.assertRaises(UserError):
            wizard.action_print()
