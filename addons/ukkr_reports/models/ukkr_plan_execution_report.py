from collections import OrderedDict
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import xlsx_writer

STATE_LABELS = {"planned": "Запланировано", "in_progress": "В работе", "submitted": "Представлено",
                "accepted": "Принято", "returned": "Возвращено"}
KIND_LABELS = {"period": "за период", "summary": "сводка за месяц", "entry": "запись"}


def _date(value):
    return fields.Date.from_string(value) if value else None


def _datetime(value):
    return fields.Datetime.from_string(value) if value else None


class UkkrPlanExecutionReport(models.AbstractModel):
    """The plan's execution report: every execution of every measure whose period falls in a date range, with its
    status, figures and evidence; overdue ones (open past the deadline) and late submissions highlighted.

    Scripting API: ``env['ukkr.plan.execution.report'].render_xlsx('2026-01-01', '2026-11-30')`` → xlsx bytes.
    """
    _name = "ukkr.plan.execution.report"
    _inherit = "ukkr.report.mixin"
    _description = "Plan execution report"

    @api.model
    def render_xlsx(self, date_from, date_to):
        self._check_report_access()
        start, end = self._range(date_from, date_to)
        return xlsx_writer.render(lambda workbook: self._write_workbook(workbook, start, end))

    @api.model
    def _range(self, date_from, date_to):
        try:
            start = fields.Date.from_string(date_from) if not isinstance(date_from, date) else date_from
            end = fields.Date.from_string(date_to) if not isinstance(date_to, date) else date_to
        except (TypeError, ValueError):
            start = end = None
        if not start or not end:
            raise UserError(_("Give the report's dates as YYYY-MM-DD, e.g. 2026-01-01 and 2026-11-30."))
        if end < start:
            raise UserError(_("The report's period ends (%s) before it starts (%s).")
                            % (end.strftime("%d.%m.%Y"), start.strftime("%d.%m.%Y")))
        return start, end

    @api.model
    def _executions(self, start, end):
        return self.env["ukkr.plan.execution"].sudo().search([
            ("period_start", "<=", fields.Date.to_string(end)), ("period_end", ">=", fields.Date.to_string(start))],
            order="measure_number, period_start, kind, id")

    @api.model
    def _write_workbook(self, workbook, start, end):
        executions = self._executions(start, end)
        book = xlsx_writer.Book(workbook)
        lines = ["Период: %s — %s" % (start.strftime("%d.%m.%Y"), end.strftime("%d.%m.%Y")),
                 "Дата формирования: %s" % self._today().strftime("%d.%m.%Y")]
        notes = ["Красным выделены исполнения, не представленные в срок (просрочены); светло-красным — "
                 "представленные после срока."]
        title = "Исполнение плана мероприятий по снижению задолженности по оплате за коммунальные услуги " \
                "(распоряжение № 2632-р)"
        sheet = workbook.add_worksheet("Исполнение")
        row = book.header(sheet, 15, self._organisation(), title, lines, notes)
        row = book.table_head(sheet, row, [
            ("№ мер.", 6), ("Мероприятие", 42), ("Период", 16), ("Вид", 12), ("Срок", 11), ("Статус", 14),
            ("Представлено", 16), ("Решение контроля", 16), ("Учтено действий", 10), ("Сделано", 10),
            ("Сумма, руб.", 14), ("Что сделано", 44), ("Файлов", 8), ("Комментарий контроля", 30),
            ("Отметка", 16)])
        summary = OrderedDict()
        for rec in executions:
            mark, fmt = "", "cell"
            if rec.is_overdue:
                mark, fmt = "просрочено", "overdue"
            elif rec.submitted_late:
                mark, fmt = "представлено с опозданием", "late"
            book.number(sheet, row, 0, rec.measure_number, "int")
            book.text(sheet, row, 1, (rec.measure_id.name or "").replace("\n", " "), fmt)
            book.text(sheet, row, 2, rec.period_label, fmt)
            book.text(sheet, row, 3, KIND_LABELS.get(rec.kind, rec.kind), fmt)
            book.date(sheet, row, 4, _date(rec.deadline))
            book.text(sheet, row, 5, STATE_LABELS.get(rec.state, rec.state), fmt)
            book.date(sheet, row, 6, _datetime(rec.date_submitted))
            book.date(sheet, row, 7, _datetime(rec.date_decided))
            book.number(sheet, row, 8, rec.action_count, "int")
            book.number(sheet, row, 9, rec.qty_done, "int")
            book.number(sheet, row, 10, rec.amount_done)
            book.text(sheet, row, 11, rec.evidence_note or "", fmt)
            book.number(sheet, row, 12, len(rec.attachment_ids), "int")
            book.text(sheet, row, 13, rec.control_comment or "", fmt)
            book.text(sheet, row, 14, mark, fmt)
            row += 1
            item = summary.setdefault(rec.measure_number, {"name": rec.measure_id.name or "", "total": 0,
                                                           "accepted": 0, "submitted": 0, "open": 0,
                                                           "overdue": 0, "late": 0})
            item["total"] += 1
            item["accepted"] += rec.state == "accepted"
            item["submitted"] += rec.state == "submitted"
            item["open"] += rec.state in ("planned", "in_progress", "returned")
            item["overdue"] += bool(rec.is_overdue)
            item["late"] += bool(rec.submitted_late)
        position, name = self._signatory()
        book.signature(sheet, row, position, name)
        book.page_setup(sheet)

        sheet = workbook.add_worksheet("Сводка")
        row = book.header(sheet, 8, self._organisation(), title + ": сводка по мероприятиям", lines)
        row = book.table_head(sheet, row, [
            ("№ мер.", 6), ("Мероприятие", 60), ("Исполнений", 11), ("Принято", 10), ("Представлено", 12),
            ("Не представлено", 12), ("Просрочено", 11), ("С опозданием", 11)])
        for number, item in summary.items():
            fmt = "overdue" if item["overdue"] else "cell"
            book.number(sheet, row, 0, number, "int")
            book.text(sheet, row, 1, item["name"].replace("\n", " "), fmt)
            for col, key in enumerate(("total", "accepted", "submitted", "open", "overdue", "late"), start=2):
                book.number(sheet, row, col, item[key], "int")
            row += 1
        book.signature(sheet, row, position, name)
        book.page_setup(sheet)
