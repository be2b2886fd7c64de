import base64
import logging
import time
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import xlsx_writer
from .ukkr_report_mixin import PARAM_AUTO_SEND, PARAM_RECIPIENTS

_logger = logging.getLogger(__name__)
WRITE_OFF_MEASURE = 28  # «Предоставление информации по списанию дебиторской задолженности … в администрацию»


class UkkrWriteOffReport(models.AbstractModel):
    """Quarterly write-off report (measure 28): the debt written off in a quarter, from the posted write-offs of
    ukkr_collections. Names only for municipal housing (152-ФЗ).

    Scripting API: ``env['ukkr.write.off.report'].render_xlsx(2026, 4)`` → xlsx bytes; ``.rows(2026, 4)``.
    After the close of a quarter's last month the report is generated, attached to the plan's measure-28
    execution of the quarter, submitted with the plan's own transition and e-mailed, like the monthly report
    (measure 5); a failure never undoes the close and the daily scheduled action tries again.
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

    # ------------------------------------------------------------------ after the quarter's last close
    @api.model
    def _quarter_of(self, period):
        """(year, quarter) when ``period`` (YYYY-MM) is the last month of a quarter, else None."""
        month = int(period[5:7])
        return (int(period[:4]), month // 3) if month % 3 == 0 else None

    @api.model
    def _dispatch_after_close(self, close):
        quarter = self._quarter_of(close.period)
        if not quarter or self._param(PARAM_AUTO_SEND, "1") in ("0", "False", "false", ""):
            return False
        try:
            with self.env.cr.savepoint():
                return self.sudo()._dispatch(close, *quarter)
        except Exception as error:  # noqa: BLE001 — any failure is logged on the dispatch record
            if isinstance(error, UserError):
                _logger.warning("Write-off report for %s not sent: %s", close.period, error.name)
            else:
                _logger.exception("Write-off report for %s failed", close.period)
            self.invalidate_cache()
            return self.env["ukkr.report.dispatch"].sudo().create({
                "report": "write_off", "period": "%d-Q%d" % quarter, "close_id": close.id, "state": "failed",
                "note": "%s" % (getattr(error, "name", None) or error)})

    @api.model
    def _dispatch(self, close, year, quarter):
        started = time.time()
        monthly = self.env["ukkr.monthly.report"].sudo()
        content = self.render_xlsx(year, quarter)
        name = "Списание задолженности %d квартал %d.xlsx" % (quarter, year)
        start = date(year, 3 * quarter - 2, 1)
        end = start + relativedelta(months=3, days=-1)
        execution, note = monthly._execution_for(WRITE_OFF_MEASURE, start, end)
        attachment = self.env["ir.attachment"].create({
            "name": name, "datas_fname": name, "datas": base64.b64encode(content),
            "res_model": execution._name if execution else "ukkr.monthly.close",
            "res_id": execution.id if execution else close.id,
            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        if execution:
            note = monthly._submit_execution(execution, attachment, _(
                "Quarterly write-off report for %s generated after the close of %s: %s.")
                % (execution.period_label, close.period, name))
        mail = self._send_mail(year, quarter, attachment)
        return self.env["ukkr.report.dispatch"].create({
            "report": "write_off", "period": "%d-Q%d" % (year, quarter), "close_id": close.id, "state": "done",
            "attachment_id": attachment.id, "execution_id": execution.id if execution else False,
            "mail_id": mail.id if mail else False, "recipients": mail.email_to if mail else False,
            "note": note or False, "duration": round(time.time() - started, 2)})

    @api.model
    def _send_mail(self, year, quarter, attachment):
        recipients = [r.strip() for r in (self._param(PARAM_RECIPIENTS) or "").replace(";", ",").split(",")
                      if r.strip()]
        if not recipients:
            return self.env["mail.mail"]
        company = self.env.user.company_id
        return self.env["mail.mail"].sudo().create({
            "subject": "Информация о списании дебиторской задолженности за %d квартал %d года" % (quarter, year),
            "body_html": "<p>Направляем информацию о списании дебиторской задолженности за коммунальные услуги, "
                         "по которой истёк срок исковой давности или признанной нереальной для взыскания, за %d "
                         "квартал %d года (мероприятие 28 плана, распоряжение № 2632-р).</p><p>%s</p>"
                         % (quarter, year, company.name or ""),
            "email_from": company.email or "noreply@localhost", "email_to": ", ".join(recipients),
            "attachment_ids": [(4, attachment.id)], "auto_delete": False})

    @api.model
    def _cron_dispatch(self):
        """Daily (with the monthly report's action): the latest closed quarter gets its write-off report if no
        successful dispatch followed the close of its last month."""
        if self._param(PARAM_AUTO_SEND, "1") in ("0", "False", "false", ""):
            return False
        closes = self.env["ukkr.monthly.close"].sudo().search([("state", "=", "closed")], order="period desc",
                                                              limit=3)
        close = next((c for c in closes if self._quarter_of(c.period)), None)
        if not close:
            return False
        done = self.env["ukkr.report.dispatch"].sudo().search([
            ("close_id", "=", close.id), ("report", "=", "write_off"), ("state", "=", "done"),
            ("date", ">=", close.date_closed)], limit=1)
        if done:
            return False
        return self._dispatch_after_close(close)
