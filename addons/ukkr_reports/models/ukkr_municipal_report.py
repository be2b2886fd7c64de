from odoo import api, fields, models

from . import report_calc, xlsx_writer

TENURE_LABELS = {"owner": "Собственник", "social": "Социальный наём", "commercial": "Коммерческий наём",
                 "nonresidential": "Нежилое помещение"}


class UkkrMunicipalReport(models.AbstractModel):
    """Inventory of the debt of municipal housing (measure 2): every municipal account with overdue debt at the end
    of a closed month (a bill not yet due is not listed). The municipality is the landlord, so names are shown (152-ФЗ allows it to the landlord).

    Scripting API: ``env['ukkr.municipal.report'].render_xlsx('2026-10')`` → xlsx bytes; ``.rows('2026-10')``.
    """
    _name = "ukkr.municipal.report"
    _inherit = "ukkr.report.mixin"
    _description = "Municipal housing debt inventory"

    @api.model
    def render_xlsx(self, period):
        return self._render_closed_month(period)

    @api.model
    def rows(self, period):
        """``[{'account_id', 'account', 'settlement', 'address', 'apartment', 'payer', 'tenure', 'residents',
        'debt', 'overdue', 'over_3m', 'penalty', 'months', 'last_payment', 'stage'}]`` from the period's frozen
        snapshots, ordered by settlement, address and apartment."""
        self._check_report_access()
        close = self._closed_month(period)
        self.env.cr.execute("""
            SELECT s.account_id, a.name, st.name, b.name, a.apartment, p.name, s.tenure, a.residents, s.debt,
                   s.overdue_debt, s.debt_3_6 + s.debt_6_12 + s.debt_12_36 + s.debt_barred, s.penalty,
                   s.months_in_debt, s.last_payment_date
            FROM ukkr_debt_snapshot s
            JOIN ukkr_personal_account a ON a.id = s.account_id
            LEFT JOIN ukkr_building b ON b.id = s.building_id
            LEFT JOIN ukkr_settlement st ON st.id = s.settlement_id
            LEFT JOIN res_partner p ON p.id = s.partner_id
            WHERE s.close_id = %s AND s.is_municipal AND s.overdue_debt > 0""", (close.id,))
        keys = ("account_id", "account", "settlement", "address", "apartment", "payer", "tenure", "residents",
                "debt", "overdue", "over_3m", "penalty", "months", "last_payment")
        result = [dict(zip(keys, row)) for row in self.env.cr.fetchall()]
        result.sort(key=lambda r: (r["settlement"] or "", r["address"] or "", report_calc.natural_key(r["apartment"]),
                                   r["account"]))
        stages = self._case_stages([r["account_id"] for r in result])
        for row in result:
            row["stage"] = stages.get(row["account_id"], "")
        return result

    @api.model
    def _case_stages(self, account_ids):
        """``{account id: the stage of its open debtor case}`` for the «Стадия дела» column (one query)."""
        if not account_ids:
            return {}
        stages = {s.id: s.name for s in self.env["ukkr.case.stage"].sudo().with_context(active_test=False).search([])}
        self.env.cr.execute("""SELECT account_id, stage_id FROM ukkr_debtor_case
                               WHERE state = 'open' AND account_id IN %s""", (tuple(account_ids),))
        return {account_id: stages.get(stage_id, "") for account_id, stage_id in self.env.cr.fetchall()}

    @api.model
    def _write_workbook(self, workbook, period):
        rows = self.rows(period)
        book = xlsx_writer.Book(workbook)
        sheet = workbook.add_worksheet("Муниципальное жильё")
        lines = ["Состояние на %s (отчётный период: %s)" % (
            report_calc.period_bounds(period)[1].strftime("%d.%m.%Y"), report_calc.period_label(period)),
            "Дата формирования: %s" % self._today().strftime("%d.%m.%Y")]
        row = book.header(sheet, 15, self._organisation(),
                          "Инвентаризация задолженности за коммунальные услуги граждан, проживающих в "
                          "муниципальных жилых помещениях (мероприятие 2 плана, распоряжение № 2632-р)", lines)
        row = book.table_head(sheet, row, [
            ("№ п/п", 6), ("Населённый пункт", 18), ("Адрес", 30), ("Кв.", 7), ("Лицевой счёт", 13),
            ("Наниматель (плательщик)", 30), ("Основание проживания", 16), ("Проживает", 9),
            ("Задолженность, руб.", 15), ("Просрочено, руб.", 15), ("в т.ч. свыше 3 месяцев, руб.", 15),
            ("Пени, руб.", 12), ("Месяцев с долгом", 9), ("Последняя оплата", 12), ("Стадия дела", 20)])
        totals = dict(debt=0.0, overdue=0.0, over_3m=0.0, penalty=0.0)
        for index, item in enumerate(rows, start=1):
            book.number(sheet, row, 0, index, "int")
            for col, key in ((1, "settlement"), (2, "address"), (3, "apartment"), (4, "account"), (5, "payer")):
                book.text(sheet, row, col, item[key])
            book.text(sheet, row, 6, TENURE_LABELS.get(item["tenure"], item["tenure"] or ""))
            book.number(sheet, row, 7, item["residents"] or 0, "int")
            for col, key in ((8, "debt"), (9, "overdue"), (10, "over_3m"), (11, "penalty")):
                book.number(sheet, row, col, round(item[key] or 0.0, 2))
                totals[key] += item[key] or 0.0
            book.number(sheet, row, 12, item["months"] or 0, "int")
            book.date(sheet, row, 13, fields.Date.from_string(item["last_payment"]) if item["last_payment"] else None)
            book.text(sheet, row, 14, item["stage"])
            row += 1
        book.text(sheet, row, 0, "Итого: %d" % len(rows), "cell_bold")
        for col in range(1, 8):
            book.text(sheet, row, col, "", "cell_bold")
        for col, key in ((8, "debt"), (9, "overdue"), (10, "over_3m"), (11, "penalty")):
            book.number(sheet, row, col, round(totals[key], 2), "money_bold")
        position, name = self._signatory()
        book.signature(sheet, row + 1, position, name)
        book.page_setup(sheet)
