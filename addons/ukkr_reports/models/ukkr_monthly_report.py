import base64
import logging
import time
from collections import defaultdict
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import report_calc, xlsx_writer
from .report_calc import CATEGORIES, category_of, category_sql
from .ukkr_report_mixin import PARAM_AUTO_SEND, PARAM_RECIPIENTS
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER
from odoo.addons.ukkr_collections.models import ledger_sql

_logger = logging.getLogger(__name__)

REPORT_MEASURE = 5  # «Представление в адрес администрации … информации об объеме задолженности …»
# the report's «Суд» and «ФССП» sheets are the information measures 21 and 26 give the administration monthly
ALSO_REPORTED = (21, 26)
OPEN_STATES = ("planned", "in_progress", "returned")
STATE_LABELS = {"planned": "Запланировано", "in_progress": "В работе", "submitted": "Представлено",
                "accepted": "Принято", "returned": "Возвращено"}


class UkkrMonthlyReport(models.AbstractModel):
    """The monthly report to the administration (measures 5, 21, 26 of the plan), year to date.

    Scripting API: ``env['ukkr.monthly.report'].render_xlsx('2026-10')`` → the xlsx file's bytes;
    ``.figures('2026-10')`` → the numbers of the «Задолженность» sheet (a dict, see ``figures``).

    Every figure comes from frozen data: the snapshots of closed months and the payments each close posted, so
    a report regenerated after later imports gives the same numbers. The one exception is a year in which the
    suite started closing months after January: the months before the first close (and the start of the year)
    are then computed from the ledger as it stands, and the sheet says so.
    """
    _name = "ukkr.monthly.report"
    _inherit = "ukkr.report.mixin"
    _description = "Monthly debt report to the administration"

    # ------------------------------------------------------------------ API
    @api.model
    def render_xlsx(self, period):
        """The report for a closed month ``'YYYY-MM'`` as xlsx bytes."""
        return self._render_closed_month(period)

    @api.model
    def figures(self, period):
        """The «Задолженность» sheet's numbers for a closed month.

        ``{'period', 'rows': [{'category', 'label', 'start', 'accrued', 'paid', 'end', 'over_3m', 'debtors',
        'change'}, …, total row with category 'total'], 'start_source': 'snapshot' | 'ledger',
        'live_months': [periods computed from the ledger]}``.

        - start: the debt of the December snapshot of the previous year (``start_source`` 'snapshot'); when that
          month is not closed, the debt as of 31 December computed from the ledger by the close's own function;
        - accrued: the snapshots' accruals of the year's closed months (plus the ledger's for live months);
        - paid: the payments posted as cash by the year's closes (the debit of account 51 in their entries: late
          payments count in the month whose close posted them), plus, for live months, payments dated in them;
        - end, over_3m (overdue more than 90 days: 3–6, 6–12 months, 1–3 years and time-barred), debtors (accounts
          with overdue debt): the period's snapshots;
        - change: (end − start) / start in percent, False when nothing was owed at the start.
        """
        self._check_report_access()
        close = self._closed_month(period)
        data = self._figures(close)
        for row in data["rows"]:  # XML-RPC has no None
            row["change"] = False if row["change"] is None else row["change"]
        return data

    # ------------------------------------------------------------------ the numbers
    @api.model
    def _closed_run(self, period):
        """``{period: close}`` of the closed months up to ``period``, which must be closed, like every month
        between the first close and it: a gap would leave a month's snapshot out of the year's figures."""
        self._closed_month(period)
        closes = self.env["ukkr.monthly.close"].sudo().search([("state", "=", "closed"), ("period", "<=", period)])
        closed = {c.period: c for c in closes}
        missing = [m for m in report_calc.months_between(min(closed), period) if m not in closed]
        if missing:
            raise UserError(_("Month %s is not closed, but months before and after it are: close the months in "
                              "order (reopen the later ones first) to make the year's report.") % missing[0])
        return closed

    @api.model
    def _figures(self, close):
        cr = self.env.cr
        period = close.period
        Close = self.env["ukkr.monthly.close"].sudo()
        closed = self._closed_run(period)
        first = min(closed)
        months = report_calc.year_months(period)
        year_closes = [closed[m] for m in months if m in closed]
        live_months = [m for m in months if m not in closed]  # only before the first close (no gaps above)
        sums = {key: defaultdict(float) for key in ("start", "accrued", "paid", "end", "over_3m", "debtors")}
        snap_cat = category_sql("s.payer_kind", "s.tenure")

        # start of the year
        december = report_calc.add_months(period[:4] + "-01", -1)
        if december in closed:
            start_source = "snapshot"
            cr.execute("SELECT %s, sum(s.debt) FROM ukkr_debt_snapshot s WHERE s.close_id = %%s GROUP BY 1"
                       % snap_cat, (closed[december].id,))
            for category, amount in cr.fetchall():
                sums["start"][category] += amount
        else:
            start_source = "ledger"
            state = Close.debt_state(december, report_calc.period_bounds(december)[1])
            for data in state["accounts"].values():
                sums["start"][category_of(data["payer_kind"], data["tenure"])] += data["debt"]

        # accrued in the year
        cr.execute("SELECT %s, sum(s.accrued) FROM ukkr_debt_snapshot s WHERE s.close_id = ANY(%%s) GROUP BY 1"
                   % snap_cat, ([c.id for c in year_closes],))
        for category, amount in cr.fetchall():
            sums["accrued"][category] += amount
        if live_months:
            cr.execute("""
                SELECT {cat}, sum({charged}) FROM ukkr_ledger_line l
                JOIN ukkr_personal_account a ON a.id = l.account_id WHERE l.period = ANY(%s) GROUP BY 1""".format(
                cat=category_sql("a.payer_kind", "a.tenure"), charged=ledger_sql.charged("l")), (live_months,))
            for category, amount in cr.fetchall():
                sums["accrued"][category] += amount

        # paid in the year: the cash of the year's closes (the first close ever also marks the payments before
        # its month as posted, as part of its opening balance: those are not its cash)
        first_close = closed[first]
        cr.execute("""
            WITH cash AS (
                SELECT p.close_id, p.account_id, sum(p.amount) AS amount FROM ukkr_payment p
                WHERE p.close_id = ANY(%s) AND NOT (p.close_id = %s AND p.date < %s)
                GROUP BY p.close_id, p.account_id)
            SELECT {cat}, sum(cash.amount) FROM cash
            JOIN ukkr_personal_account a ON a.id = cash.account_id
            -- the category of the account in the snapshot of the close that posted the cash; the snapshots of the
            -- year's closes are joined as a whole (hash join): looked up one by one per account and close they took
            -- 1.1 of the report's 1.4 s at 20 000 accounts
            LEFT JOIN ukkr_debt_snapshot s ON s.close_id = cash.close_id AND s.account_id = cash.account_id
                                           AND s.close_id = ANY(%s)
            GROUP BY 1""".format(cat=category_sql("coalesce(s.payer_kind, a.payer_kind)",
                                                  "coalesce(s.tenure, a.tenure)")),
                   ([c.id for c in year_closes], first_close.id, report_calc.period_bounds(first)[0],
                    [c.id for c in year_closes]))
        for category, amount in cr.fetchall():
            sums["paid"][category] += amount
        if live_months:
            cr.execute("""
                SELECT {cat}, sum(p.amount) FROM ukkr_payment p JOIN ukkr_personal_account a ON a.id = p.account_id
                WHERE p.date >= %s AND p.date < %s AND (p.close_id IS NULL OR p.close_id = %s)
                GROUP BY 1""".format(cat=category_sql("a.payer_kind", "a.tenure")),
                       (report_calc.period_bounds(live_months[0])[0], report_calc.period_bounds(first)[0],
                        first_close.id))
            for category, amount in cr.fetchall():
                sums["paid"][category] += amount

        # end of the period
        cr.execute("""
            SELECT %s, sum(s.debt), sum(s.debt_3_6 + s.debt_6_12 + s.debt_12_36 + s.debt_barred),
                   count(*) FILTER (WHERE s.overdue_debt > 0)
            FROM ukkr_debt_snapshot s WHERE s.close_id = %%s GROUP BY 1""" % snap_cat, (close.id,))
        for category, debt, over, debtors in cr.fetchall():
            sums["end"][category] += debt
            sums["over_3m"][category] += over
            sums["debtors"][category] += debtors

        rows = []
        for key, label in CATEGORIES + [("total", "Итого")]:
            if key == "total":
                values = {name: sum(r[name] for r in rows) for name in sums}
            else:
                values = {name: sums[name].get(key, 0.0) for name in sums}
            row = {name: round(value, 2) for name, value in values.items()}
            row["debtors"] = int(values["debtors"])
            row.update(category=key, label=label, change=report_calc.change_percent(row["start"], row["end"]))
            rows.append(row)
        return {"period": period, "rows": rows, "start_source": start_source, "live_months": live_months,
                "first_closed": first}

    @api.model
    def _measure_rows(self, period):
        """Per measure of the plan in force: the collection actions' figures (``ukkr.measure.figure``) for the
        month and the year to date, and the plan's execution records (status, quantities, what was done).
        Action models that inherit ``ukkr.measure.action`` appear here without any change to this report."""
        month_start, month_end = report_calc.period_bounds(period)
        year_start = date(month_start.year, 1, 1)
        report = self.with_context(lang="ru_RU")   # a printed document: the kinds of action in Russian
        figure = report.env["ukkr.measure.figure"].sudo()
        month, year = [figure.figures(fields.Date.to_string(start), fields.Date.to_string(month_end))
                       + report._plan_record_figures(start, month_end) for start in (month_start, year_start)]
        Plan = self.env["ukkr.plan"].sudo()
        plan = Plan.search([("state", "=", "active")], limit=1) or Plan.search([], order="id desc", limit=1)
        Execution = self.env["ukkr.plan.execution"].sudo()
        executions = Execution.search([("kind", "in", ("period", "summary")),
                                       ("period_start", "<=", fields.Date.to_string(month_end)),
                                       ("period_end", ">=", fields.Date.to_string(year_start))])
        in_month = defaultdict(list)
        in_year = defaultdict(list)
        for execution in executions:
            in_year[execution.measure_number].append(execution)
            if execution.period_end >= fields.Date.to_string(month_start):
                in_month[execution.measure_number].append(execution)
        rows = []
        for measure in plan.measure_ids.sorted("number"):
            number = measure.number
            actions = {}
            for scope, data in (("month", month), ("year", year)):
                for item in data:
                    if item["measure"] != number:
                        continue
                    entry = actions.setdefault((item["model"], item["action"]),
                                               {"action": item["action"], "month": None, "year": None})
                    entry[scope] = item
            month_exec = sorted(in_month[number], key=lambda e: e.period_start)
            rows.append({
                "number": number, "name": (measure.name or "").replace("\n", " "),
                "actions": [actions[key] for key in sorted(actions, key=lambda k: actions[k]["action"])],
                "month": self._sum_figures([a["month"] for a in actions.values()]),
                "year": self._sum_figures([a["year"] for a in actions.values()]),
                "state": ", ".join(STATE_LABELS.get(e.state, e.state) for e in month_exec),
                "overdue": any(e.is_overdue for e in month_exec),
                "month_qty": sum(e.qty_done for e in month_exec),
                "month_amount": round(sum(e.amount_done for e in month_exec), 2),
                "year_qty": sum(e.qty_done for e in in_year[number]),
                "year_amount": round(sum(e.amount_done for e in in_year[number]), 2),
                "evidence": "; ".join((e.evidence_note or "").strip() for e in month_exec
                                      if (e.evidence_note or "").strip()),
            })
        return rows

    @api.model
    def _plan_record_figures(self, date_from, date_to):
        """The plan's own records that evidence measures, as figure rows: meetings held (3, 8) and information
        events (6, 7) dated in [date_from, date_to], counted per measure number of any plan version."""
        rows = []
        for table, model, label, extra in (
                ("ukkr_plan_meeting", "ukkr.plan.meeting", _("Meetings held"), "AND r.state = 'held'"),
                ("ukkr_plan_info_event", "ukkr.plan.info.event", _("Information events"), "")):
            self.env.cr.execute("""
                SELECT m.number, count(*) FROM {table} r JOIN ukkr_plan_measure m ON m.id = r.measure_id
                WHERE r.date >= %s AND r.date <= %s {extra} GROUP BY m.number""".format(table=table, extra=extra),
                                (fields.Date.to_string(date_from), fields.Date.to_string(date_to)))
            rows += [{"measure": number, "model": model, "action": label, "count": count, "amount": 0.0,
                      "recovered": 0.0} for number, count in self.env.cr.fetchall()]
        return rows

    @staticmethod
    def _sum_figures(items):
        items = [item for item in items if item]
        if not items:
            return None
        return {"count": sum(i["count"] for i in items), "amount": round(sum(i["amount"] for i in items), 2),
                "recovered": round(sum(i["recovered"] for i in items), 2)}

    @api.model
    def _court_rows(self, date_from, date_to):
        """Court filings (court orders and claims) sent in [date_from, date_to], for the «Суд» sheet (measure 21).

        Returns ``[{'date': date, 'account': account number, 'debtor': payer's name, 'is_municipal': bool,
        'kind': 'судебный приказ' | 'исковое заявление', 'court': court's name, 'amount': claimed sum,
        'duty': state duty}]`` from the court cases filed in the range (eviction referrals included); the court
        cases give the payer's name for municipal housing only (152-ФЗ)."""
        return [{"date": item["date_filed"], "account": item["account"], "debtor": item["payer"] or "",
                 "is_municipal": item["is_municipal"], "kind": item["kind_name"],
                 "court": item["court"] or item["court_kind_name"], "amount": item["claim_amount"] or 0.0,
                 "duty": item["state_duty"] or 0.0}
                for item in self.env["ukkr.court.case"].sudo().with_context(lang="ru_RU")._report_rows(date_from,
                                                                                                      date_to)]

    @api.model
    def _fssp_rows(self, date_from, date_to):
        """Writs sent to the bailiffs (ФССП) in [date_from, date_to], for the «ФССП» sheet (measure 26).

        Returns ``[{'date': date, 'account': account number, 'debtor': payer's name, 'is_municipal': bool,
        'document': writ / court order number and date, 'department': the ФССП department, 'amount': sum to
        recover, 'recovered': recovered so far}]`` from the enforcement proceedings presented to the bailiffs (the
        proceedings give the payer's name for municipal housing only; the sheet prints nothing else)."""
        rows = []
        for item in self.env["ukkr.enforcement.proceeding"].sudo()._report_rows(date_from, date_to):
            if item["route"] != dict(self.env["ukkr.enforcement.proceeding"]._fields["route"].selection)["bailiff"]:
                continue
            writ_date = item["writ_date"]
            rows.append({"date": item["date_presented"], "account": item["account"], "debtor": item["payer"],
                         "is_municipal": item["is_municipal"],
                         "document": "%s № %s от %s" % (item["writ_kind"], item["writ_number"] or "",
                                                      fields.Date.from_string(writ_date).strftime("%d.%m.%Y")
                                                      if writ_date else ""),
                         "department": item["department"] or "", "amount": item["amount"] or 0.0,
                         "recovered": item["recovered"] or 0.0})
        return rows

    # ------------------------------------------------------------------ the document
    @api.model
    def _write_workbook(self, workbook, period):
        close = self._closed_month(period)
        data = self._figures(close)
        book = xlsx_writer.Book(workbook)
        today = self._today()
        start, end = report_calc.period_bounds(period)
        lines = ["Отчётный период: %s, нарастающим итогом с 01.01.%s" % (report_calc.period_label(period),
                                                                         period[:4]),
                 "Дата формирования: %s" % today.strftime("%d.%m.%Y")]
        self._write_debt_sheet(book, data, lines)
        self._write_measure_sheet(book, period, lines)
        self._write_court_sheet(book, self._court_rows(start, end), lines)
        self._write_fssp_sheet(book, self._fssp_rows(start, end), lines)

    def _finish(self, book, sheet, row):
        position, name = self._signatory()
        book.signature(sheet, row, position, name)
        book.page_setup(sheet)

    def _write_debt_sheet(self, book, data, lines):
        sheet = book.workbook.add_worksheet("Задолженность")
        notes = []
        if data["start_source"] == "ledger":
            notes.append("Задолженность на начало года рассчитана по реестру на 31.12.%d: декабрь %d года в "
                         "учёте не закрыт." % (int(data["period"][:4]) - 1, int(data["period"][:4]) - 1))
        if data["live_months"]:
            notes.append("Не закрыты в учёте: %s (первый закрытый месяц — %s); начисления и оплаты за эти месяцы — "
                         "по реестру на дату формирования." % (report_calc.months_label(data["live_months"]),
                                                              report_calc.period_label(data["first_closed"])))
        notes.append("Население — нежилые помещения граждан учтены в строке «Население — собственники». "
                     "Оплачено — поступления, учтённые закрытиями месяцев года (счёт 51). Должники — лицевые счета "
                     "с просроченной задолженностью.")
        row = book.header(sheet, 8, self._organisation(),
                          "Информация об объёме задолженности по оплате коммунальных услуг по видам должников "
                          "(мероприятие 5 плана, распоряжение № 2632-р)", lines, notes)
        row = book.table_head(sheet, row, [
            ("Категория должников", 34), ("Задолженность на начало года, руб.", 17),
            ("Начислено с начала года, руб.", 17), ("Оплачено с начала года, руб.", 17),
            ("Задолженность на конец периода, руб.", 17), ("в т.ч. свыше 3 месяцев, руб.", 17),
            ("Количество должников", 12), ("Изменение с начала года, %", 12)])
        for item in data["rows"]:
            bold = "_bold" if item["category"] == "total" else ""
            book.text(sheet, row, 0, item["label"], "cell" + bold)
            for col, key in enumerate(("start", "accrued", "paid", "end", "over_3m"), start=1):
                book.number(sheet, row, col, item[key], "money" + bold)
            book.number(sheet, row, 6, item["debtors"], "int" + bold)
            book.number(sheet, row, 7, item["change"], "pct" + bold)
            row += 1
        self._finish(book, sheet, row)

    def _write_measure_sheet(self, book, period, lines):
        sheet = book.workbook.add_worksheet("Меры")
        row = book.header(sheet, 15, self._organisation(),
                          "Принимаемые меры по снижению задолженности и их результаты (мероприятие 5 плана)", lines,
                          ["Количество и суммы — по записям о мерах взыскания (уведомления, выезды, соглашения, "
                           "ограничения, суд, ФССП, списание) и по записям плана (проведённые совещания и встречи, "
                           "информационные мероприятия); «оплачено после меры» — платежи должников после первой "
                           "меры периода. Исполнение — записи плана за месяц и с начала года."])
        row = book.table_head(sheet, row, [
            ("№", 5), ("Мероприятие", 48), ("Вид мер", 24),
            ("За месяц: количество", 11), ("За месяц: сумма, руб.", 15), ("За месяц: оплачено после меры, руб.", 15),
            ("С начала года: количество", 11), ("С начала года: сумма, руб.", 15),
            ("С начала года: оплачено после меры, руб.", 15), ("Исполнение за месяц", 14),
            ("По исполнению за месяц: количество", 11), ("По исполнению за месяц: сумма, руб.", 15),
            ("По исполнению с начала года: количество", 11), ("По исполнению с начала года: сумма, руб.", 15),
            ("Что сделано", 50)], height=60)

        def figures(r, month, year, bold=""):
            for col, item in ((3, month), (6, year)):
                book.number(sheet, r, col, item["count"] if item else None, "int" + bold)
                book.number(sheet, r, col + 1, item["amount"] if item else None, "money" + bold)
                book.number(sheet, r, col + 2, item["recovered"] if item else None, "money" + bold)

        for item in self._measure_rows(period):
            book.number(sheet, row, 0, item["number"], "int_bold")
            book.text(sheet, row, 1, item["name"], "cell_bold")
            book.text(sheet, row, 2, "Всего по мероприятию" if item["actions"] else "", "cell_bold")
            figures(row, item["month"], item["year"], "_bold")
            book.text(sheet, row, 9, item["state"], "overdue" if item["overdue"] else "cell")
            book.number(sheet, row, 10, item["month_qty"], "int")
            book.number(sheet, row, 11, item["month_amount"], "money")
            book.number(sheet, row, 12, item["year_qty"], "int")
            book.number(sheet, row, 13, item["year_amount"], "money")
            book.text(sheet, row, 14, item["evidence"])
            row += 1
            for action in item["actions"]:
                book.text(sheet, row, 0, "")
                book.text(sheet, row, 1, "")
                book.text(sheet, row, 2, action["action"])
                figures(row, action["month"], action["year"])
                for col in range(9, 15):
                    book.text(sheet, row, col, "")
                row += 1
        self._finish(book, sheet, row)

    def _write_court_sheet(self, book, rows, lines):
        self._write_register_sheet(
            book, "Суд", "Направление в суд заявлений о выдаче судебных приказов и исковых заявлений о взыскании "
            "задолженности (мероприятие 21 плана)", lines,
            [("Дата подачи", 12), ("Вид документа", 20), ("Суд", 30), ("Сумма требований, руб.", 16),
             ("Госпошлина, руб.", 14)], rows, ("kind", "court"), ("amount", "duty"))

    def _write_fssp_sheet(self, book, rows, lines):
        self._write_register_sheet(
            book, "ФССП", "Направление исполнительных документов в территориальные отделы УФССП (мероприятие 26 "
            "плана)", lines,
            [("Дата направления", 12), ("Исполнительный документ", 24), ("Отдел ФССП", 28),
             ("Сумма к взысканию, руб.", 16), ("Взыскано, руб.", 14)], rows, ("document", "department"),
            ("amount", "recovered"))

    def _write_register_sheet(self, book, name, title, lines, columns, rows, text_keys, sum_keys):
        """A register of documents sent (court, bailiffs): № | date | account | debtor (municipal housing only,
        152-ФЗ) | two text columns | two sums, with a total row. ``columns``: (heading, width) of the date, the two
        text and the two sum columns."""
        sheet = book.workbook.add_worksheet(name)
        row = book.header(sheet, 8, self._organisation(), title, lines,
                          ["ФИО должника указывается только для нанимателей муниципального жилья (152-ФЗ)."])
        row = book.table_head(sheet, row, [("№ п/п", 6), columns[0], ("Лицевой счёт", 14),
                                           ("Должник (муниципальное жильё)", 32)] + list(columns[1:]))
        totals = [0.0, 0.0]
        for index, item in enumerate(rows, start=1):
            book.number(sheet, row, 0, index, "int")
            book.date(sheet, row, 1, item.get("date"))
            book.text(sheet, row, 2, item.get("account"))
            book.text(sheet, row, 3, item.get("debtor") if item.get("is_municipal") else "")
            for col, key in enumerate(text_keys, start=4):
                book.text(sheet, row, col, item.get(key))
            for position, key in enumerate(sum_keys):
                book.number(sheet, row, 6 + position, item.get(key) or 0.0)
                totals[position] += item.get(key) or 0.0
            row += 1
        book.text(sheet, row, 0, "Итого: %d" % len(rows), "cell_bold")
        for col in range(1, 6):
            book.text(sheet, row, col, "", "cell_bold")
        for position, total in enumerate(totals):
            book.number(sheet, row, 6 + position, round(total, 2), "money_bold")
        self._finish(book, sheet, row + 1)

    # ------------------------------------------------------------------ after the close: attach, submit, e-mail
    @api.model
    def dispatch(self, period):
        """Generate the month's report, attach it to the plan's measure-5 execution of that month and submit it
        (the plan's own transitions), and e-mail it to the recipients set in the settings. Returns the
        ``ukkr.report.dispatch`` log record. For the УККР — manager group and the scheduled action."""
        if self.env.uid != 1 and not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group sends the monthly report to the administration."))
        close = self._closed_month(period)
        return self.sudo()._dispatch(close)

    @api.model
    def _dispatch(self, close):
        started = time.time()
        period = close.period
        content = self.render_xlsx(period)
        name = "Отчёт о задолженности %s.xlsx" % period
        Attachment = self.env["ir.attachment"]
        execution, note = self._report_execution(period)
        attachment = Attachment.create({
            "name": name, "datas_fname": name, "datas": base64.b64encode(content),
            "res_model": execution._name if execution else "ukkr.monthly.close",
            "res_id": execution.id if execution else close.id,
            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        if execution:
            note = self._submit_execution(execution, attachment)
        start, end = report_calc.period_bounds(period)
        for number in ALSO_REPORTED:
            other, _missing = self._execution_for(number, start, end)
            if other:
                note = "\n".join(n for n in (note, self._submit_execution(other, attachment)) if n)
        mail = self._send_mail(period, attachment)
        nobody = _("No recipients are set in the settings: nothing e-mailed.") if not mail else ""
        return self.env["ukkr.report.dispatch"].create({
            "report": "monthly",
            "period": period, "close_id": close.id, "state": "done", "attachment_id": attachment.id,
            "execution_id": execution.id if execution else False, "mail_id": mail.id if mail else False,
            "recipients": mail.email_to if mail else False,
            "note": "\n".join(n for n in (note, nobody) if n),
            "duration": round(time.time() - started, 2)})

    @api.model
    def _report_execution(self, period):
        """The plan's execution of measure 5 for the month: found, or created for the measure in force."""
        start, end = report_calc.period_bounds(period)
        return self._execution_for(REPORT_MEASURE, start, end)

    @api.model
    def _execution_for(self, number, start, end):
        """``(execution, note)``: the plan's period execution of measure ``number`` starting on ``start`` (a
        month's or a quarter's first day), found, or created for the measure in force."""
        Execution = self.env["ukkr.plan.execution"].sudo()
        execution = Execution.search([("measure_number", "=", number), ("kind", "=", "period"),
                                      ("period_start", "=", fields.Date.to_string(start))],
                                     order="plan_id desc", limit=1)
        if execution:
            return execution, ""
        measure = self.env["ukkr.plan.measure"].sudo()._find_in_force(number)
        if not measure:
            return Execution, _("No plan in force has measure %d: the report is kept here only.") % number
        from odoo.addons.ukkr_debt_plan.models.periods import deadline_for
        execution = Execution.with_context(mail_create_nolog=True).create({
            "measure_id": measure.id, "kind": "period", "period_start": fields.Date.to_string(start),
            "period_end": fields.Date.to_string(end),
            "deadline": fields.Date.to_string(deadline_for(end, measure.deadline_rule, measure.deadline_day))})
        return execution, ""

    @api.model
    def _submit_execution(self, execution, attachment, text=None):
        text = text or _("Monthly report for %s generated after the month's close: %s.") % (
            execution.period_label, attachment.name)
        if execution.state in OPEN_STATES:
            evidence = "\n".join(t for t in ((execution.evidence_note or "").strip(), text) if t)
            execution.write({"attachment_ids": [(4, attachment.id)], "evidence_note": evidence})
            execution.action_submit()
            return _("Attached to «%s» and submitted.") % execution.name
        execution.message_post(body=text + " " + _("The execution was already %s: the new file is in the "
                                                   "history only.") % STATE_LABELS.get(execution.state),
                               attachment_ids=[attachment.id], subtype="mail.mt_note")
        return _("«%s» was already submitted: the file is posted in its history.") % execution.name

    @api.model
    def _send_mail(self, period, attachment):
        recipients = [r.strip() for r in (self._param(PARAM_RECIPIENTS) or "").replace(";", ",").split(",")
                      if r.strip()]
        if not recipients:
            return self.env["mail.mail"]
        company = self.env.user.company_id
        label = report_calc.period_label(period)
        return self.env["mail.mail"].sudo().create({
            "subject": "Информация о задолженности за коммунальные услуги за %s" % label,
            "body_html": "<p>Направляем информацию об объёме задолженности по оплате коммунальных услуг за %s "
                         "(нарастающим итогом с начала года) по мероприятиям 5, 21, 26 плана, распоряжение "
                         "№ 2632-р.</p><p>%s</p>" % (label, company.name or ""),
            "email_from": company.email or "noreply@localhost", "email_to": ", ".join(recipients),
            "attachment_ids": [(4, attachment.id)], "auto_delete": False})

    @api.model
    def _dispatch_after_close(self, close):
        """Called by the monthly close: a failing report never undoes the close — it is logged and the scheduled
        action tries again."""
        if self._param(PARAM_AUTO_SEND, "1") in ("0", "False", "false", ""):
            return False
        try:
            with self.env.cr.savepoint():
                return self.sudo()._dispatch(close)
        except Exception as error:  # noqa: BLE001 — any failure is logged on the dispatch record
            if isinstance(error, UserError):  # e.g. a month left open: said on the record, retried by the cron
                _logger.warning("Monthly report for %s not sent: %s", close.period, error.name)
            else:
                _logger.exception("Monthly report for %s failed", close.period)
            self.invalidate_cache()
            return self.env["ukkr.report.dispatch"].sudo().create({
                "report": "monthly",
                "period": close.period, "close_id": close.id, "state": "failed",
                "note": "%s" % (getattr(error, "name", None) or error)})

    @api.model
    def _cron_dispatch(self):
        """Daily: the latest closed month gets its report if no successful dispatch followed its close."""
        if self._param(PARAM_AUTO_SEND, "1") in ("0", "False", "false", ""):
            return False
        close = self.env["ukkr.monthly.close"].sudo().search([("state", "=", "closed")], order="period desc",
                                                             limit=1)
        if not close:
            return False
        self.env["ukkr.write.off.report"]._cron_dispatch()
        done = self.env["ukkr.report.dispatch"].sudo().search([
            ("close_id", "=", close.id), ("report", "=", "monthly"), ("state", "=", "done"),
            ("date", ">=", close.date_closed)], limit=1)
        if done:
            return False
        return self.sudo()._dispatch(close)
