from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import xlsx_writer


class UkkrWriteOffReport(models.AbstractModel):
    """Quarterly write-off report (measure 28): the debt written off in a quarter, from the posted write-offs of
    ukkr_collections. Names only for municipal housing (152-ФЗ).

    Scripting API: ``env['ukkr.write.off.report'].render_xlsx(2026, 4)`` → xlsx bytes; ``.rows(2026, 4)``.
    """
    _name = "ukkr.write.off.report"
    _inherit = "ukkr.report.mixin"
    _description = "Quarterly write-off report"

    @api.model
    def rows(self, year, quarter):
        self._check_report_access()
        try:
            year, quarter = int(year), int(quarter)
        except (TypeError, ValueError):
            raise UserError(_("Write the year and the quarter as numbers, e.g. 2026 and 4."))
        if quarter not in (1, 2, 3, 4) or not 2000 <= year <= 2100:
            raise UserError(_("A quarter is 1, 2, 3 or 4 of a year between 2000 and 2100."))
        return self.env["ukkr.write.off"].sudo()._quarter_rows(year, quarter)

    @api.model
    def render_xlsx(self, year, quarter):
        rows = self.rows(year, quarter)
        return xlsx_writer.render(lambda workbook: self._write_workbook(workbook, int(year), int(quarter), rows))

    def _write_workbook(self, workbook, year, quarter, rows):
        book = xlsx_writer.Book(workbook)
        sheet = workbook.add_worksheet("Списание")
        lines = ["Отчётный период: %d квартал %d года" % (quarter, year),
                 "Дата формирования: %s" % self._today().strftime("%d.%m.%Y")]
        row = book.header(sheet, 10, self._organisation(),
                          "Списание задолженности, невозможной к взысканию (мероприятия 27, 28 плана, "
                          "распоряжение № 2632-р)", lines,
                          ["ФИО должника указывается только для нанимателей муниципального жилья (152-ФЗ)."])
        row = book.table_head(sheet, row, [
            ("№ п/п", 6), ("Списание", 14), ("Дата", 12), ("Лицевой счёт", 14), ("Должник (муниципальное жильё)", 30),
            ("Основание", 30), ("Периоды", 24), ("Основной долг, руб.", 15), ("Пени, руб.", 13),
            ("Утвердил", 22)])
        principal = penalty = 0.0
        for index, item in enumerate(rows, start=1):
            book.number(sheet, row, 0, index, "int")
            book.text(sheet, row, 1, item["name"])
            book.date(sheet, row, 2, fields.Date.from_string(item["date_posted"]) if item["date_posted"] else None)
            book.text(sheet, row, 3, item["account"])
            book.text(sheet, row, 4, item["payer"] if item["is_municipal"] else "")
            book.text(sheet, row, 5, item["reason"])
            book.text(sheet, row, 6, item["periods"])
            book.number(sheet, row, 7, round(item["principal"] or 0.0, 2))
            book.number(sheet, row, 8, round(item["penalty"] or 0.0, 2))
            book.text(sheet, row, 9, item["approved_by"] or "")
            principal += item["principal"] or 0.0
            penalty += item["penalty"] or 0.0
            row += 1
        book.text(sheet, row, 0, "Итого: %d" % len(rows), "cell_bold")
        for col in range(1, 7):
            book.text(sheet, row, col, "", "cell_bold")
        book.number(sheet, row, 7, round(principal, 2), "money_bold")
        book.number(sheet, row, 8, round(penalty, 2), "money_bold")
        position, name = self._signatory()
        book.signature(sheet, row + 1, position, name)
        book.page_setup(sheet)
