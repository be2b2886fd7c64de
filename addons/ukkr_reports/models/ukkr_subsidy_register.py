import base64
import csv
import io

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_collections.models.ukkr_personal_account import rub

from . import xlsx_writer

MANAGER = "ukkr_debt_plan.group_ukkr_manager"
DEFAULT_RECIPIENT = "Территориальное отделение КГКУ «Управление социальной защиты населения» по Северо-Енисейскому " \
                    "району"
PARAM_RECIPIENT = "ukkr_reports.subsidy_register_recipient"
PARAM_EMAIL = "ukkr_reports.subsidy_register_email"
COLUMNS = [("account", "Лицевой счёт"), ("payer", "ФИО"), ("address", "Адрес помещения"),
           ("act", "Судебный акт"), ("act_number", "Номер"), ("act_date", "Дата"), ("in_force", "Вступил в силу"),
           ("periods", "Периоды долга"), ("debt", "Непогашенный долг по акту, руб.")]
LOOKBACK_YEARS = 3   # ЖК 159 ч.5, ПП № 761 п.6: debt formed over the last 3 years


class UkkrSubsidyRegister(models.Model):
    """The monthly register of court-confirmed utility debt for the social-protection body (ЖК 159 ч.5, ПП № 761
    п.6: a housing subsidy is refused while a debt confirmed by a court order or decision in force, formed over the
    last three years, is unpaid and no repayment agreement is honoured).

    Rows: citizens with a court order or decision in force (stage «in force», «writ» or closed as recovered), the
    claimed periods of the last three years still unpaid on the register's date, no honoured installment agreement.
    Minimal fields: account, name, premises, the court act, the periods and the unpaid sum. The УККР manager sends
    it; each sending is a record with its CSV and xlsx, who sent it and when (and an e-mail when an address is set).
    """
    _name = "ukkr.subsidy.register"
    _inherit = ["ukkr.workflow.mixin", "mail.thread"]
    _description = "Register of court-confirmed debt for social protection"
    _order = "date desc, id desc"
    _workflow_fields = ("state", "date_sent", "sent_by", "row_count", "total_debt", "csv_file", "xlsx_file")

    name = fields.Char("Register", compute="_compute_name", store=True)
    date = fields.Date("As of", required=True, default=fields.Date.context_today, readonly=True,
                       states={"draft": [("readonly", False)]})
    period = fields.Char("Month", compute="_compute_name", store=True)
    recipient = fields.Char("Recipient", required=True, readonly=True, states={"draft": [("readonly", False)]},
                            default=lambda self: self.env["ir.config_parameter"].sudo().get_param(
                                PARAM_RECIPIENT, DEFAULT_RECIPIENT))
    recipient_email = fields.Char("Recipient's e-mail", readonly=True, states={"draft": [("readonly", False)]},
                                  default=lambda self: self.env["ir.config_parameter"].sudo().get_param(PARAM_EMAIL))
    state = fields.Selection([("draft", "Draft"), ("sent", "Sent")], "Status", default="draft", required=True,
                             readonly=True, track_visibility="onchange")
    date_sent = fields.Datetime("Sent on", readonly=True)
    sent_by = fields.Many2one("res.users", "Sent by", readonly=True)
    row_count = fields.Integer("Debtors", readonly=True)
    total_debt = fields.Float("Unpaid court-confirmed debt, RUB", digits=(16, 2), readonly=True)
    csv_file = fields.Binary("CSV", readonly=True, attachment=True)
    csv_filename = fields.Char("CSV file name", compute="_compute_name")
    xlsx_file = fields.Binary("xlsx", readonly=True, attachment=True)
    xlsx_filename = fields.Char("xlsx file name", compute="_compute_name")
    mail_id = fields.Many2one("mail.mail", "E-mail", readonly=True, ondelete="set null", groups="base.group_system")

    @api.depends("date")
    def _compute_name(self):
        for register in self:
            day = fields.Date.from_string(register.date) if register.date else None
            register.period = day.strftime("%Y-%m") if day else False
            register.name = _("Register of court-confirmed debt as of %s") % day.strftime("%d.%m.%Y") if day else ""
            stem = "reestr_zhk159_%s" % (register.date or "")
            register.csv_filename = stem + ".csv"
            register.xlsx_filename = stem + ".xlsx"

    @api.model
    def _check_manager(self):
        if self.env.uid != 1 and not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group sends the register to the social-protection body."))

    # ------------------------------------------------------------------ the rows
    @api.model
    def rows(self, as_of):
        """[dict(account, payer, address, act, act_number, act_date, in_force, periods, debt)] on ``as_of``: one
        row per court act. Set-based: one query, then the honoured agreements in one more."""
        self._check_manager()
        day = fields.Date.from_string(as_of) if isinstance(as_of, str) else as_of
        if not day:
            raise UserError(_("Give the date of the register."))
        first_period = (day - relativedelta(years=LOOKBACK_YEARS)).strftime("%Y-%m")
        self.env.cr.execute("""
            WITH act AS (
                SELECT k.id, k.account_id, k.kind, k.order_number, coalesce(k.date_decision, k.date_order) AS act_date,
                       k.date_in_force
                FROM ukkr_court_case k JOIN ukkr_personal_account a ON a.id = k.account_id
                WHERE k.kind IN ('court_order', 'claim') AND a.payer_kind = 'individual'
                  AND (k.state IN ('in_force', 'writ') OR (k.state = 'closed' AND k.result = 'won'))
                  AND k.date_in_force <= %(day)s),
            claimed AS (
                SELECT act.id AS act_id, act.account_id, l.period FROM act
                JOIN ukkr_court_case_line l ON l.court_case_id = act.id WHERE l.period >= %(first)s),
            charged AS (
                SELECT c.act_id, c.period, sum(g.accrued + g.correction - g.written_off) AS amount
                FROM claimed c JOIN ukkr_ledger_line g ON g.account_id = c.account_id AND g.period = c.period
                GROUP BY 1, 2),
            paid AS (
                SELECT c.act_id, c.period, sum(p.amount) AS amount
                FROM claimed c JOIN ukkr_payment_allocation p ON p.account_id = c.account_id AND p.period = c.period
                 AND p.date <= %(day)s
                GROUP BY 1, 2),
            unpaid AS (
                SELECT ch.act_id, ch.period, ch.amount - coalesce(pa.amount, 0) AS amount FROM charged ch
                LEFT JOIN paid pa ON pa.act_id = ch.act_id AND pa.period = ch.period
                WHERE ch.amount - coalesce(pa.amount, 0) > 0.004)
            SELECT act.id, act.account_id, a.name, p.name, s.name, b.street, b.house, a.apartment, act.kind,
                   act.order_number, act.act_date, act.date_in_force, min(u.period), max(u.period), sum(u.amount)
            FROM act JOIN unpaid u ON u.act_id = act.id
            JOIN ukkr_personal_account a ON a.id = act.account_id JOIN res_partner p ON p.id = a.partner_id
            JOIN ukkr_building b ON b.id = a.building_id LEFT JOIN ukkr_settlement s ON s.id = b.settlement_id
            GROUP BY act.id, act.account_id, a.name, p.name, s.name, b.street, b.house, a.apartment, act.kind,
                     act.order_number, act.act_date, act.date_in_force
            ORDER BY a.name, act.id""", {"day": day, "first": first_period})
        found = self.env.cr.fetchall()
        honoured = self.env["ukkr.installment.agreement"].sudo()._honoured_account_ids(
            list({row[1] for row in found}), day)
        kinds = {"court_order": _("court order"), "claim": _("court decision")}
        result = []
        for (_id, account_id, account, payer, settlement, street, house, apartment, kind, number, act_date, in_force,
             first, last, debt) in found:
            if account_id in honoured:
                continue
            address = ", ".join(part for part in (settlement, street, house and "д. %s" % house,
                                                  apartment and "кв. %s" % apartment) if part)
            result.append({"account": account, "payer": payer, "address": address, "act": kinds[kind],
                           "act_number": number or "", "act_date": _as_date(act_date),
                           "in_force": _as_date(in_force), "periods": first if first == last else
                           "%s — %s" % (first, last), "debt": round(float(debt), 2)})
        return result

    # ------------------------------------------------------------------ the files
    @api.model
    def _csv(self, rows):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([label for _key, label in COLUMNS])
        for row in rows:
            writer.writerow([_csv_cell(row[key]) for key, _label in COLUMNS])
        return ("\ufeff" + out.getvalue()).encode("utf-8")   # BOM: Excel opens it as UTF-8

    @api.model
    def _xlsx(self, rows, day, recipient):
        organisation = self.env["ukkr.report.mixin"]._organisation()

        def write(workbook):
            book = xlsx_writer.Book(workbook)
            sheet = workbook.add_worksheet("Реестр")
            book.text(sheet, 0, 0, organisation, "org")
            book.text(sheet, 1, 0, "Реестр граждан, имеющих подтверждённую судебным актом непогашенную задолженность "
                                   "по оплате коммунальных услуг (ч.5 ст.159 ЖК РФ), на %s" % day.strftime("%d.%m.%Y"),
                      "title")
            book.text(sheet, 2, 0, "Получатель: %s" % recipient, "text")
            for col, (_key, label) in enumerate(COLUMNS):
                book.text(sheet, 4, col, label, "head")
            for index, row in enumerate(rows, start=5):
                for col, (key, _label) in enumerate(COLUMNS):
                    if key == "debt":
                        book.number(sheet, index, col, row[key])
                    elif key in ("act_date", "in_force"):
                        book.text(sheet, index, col, row[key].strftime("%d.%m.%Y") if row[key] else "")
                    else:
                        book.text(sheet, index, col, row[key])
            total = len(rows) + 5
            book.text(sheet, total, 7, "Итого", "cell_bold")
            book.number(sheet, total, 8, round(sum(r["debt"] for r in rows), 2), "money_bold")
            for col, width in enumerate((14, 30, 40, 16, 14, 11, 11, 18, 16)):
                sheet.set_column(col, col, width)
            sheet.freeze_panes(5, 0)
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
            sheet.repeat_rows(4)
        return xlsx_writer.render(write)

    # ------------------------------------------------------------------ sending
    @api.multi
    def action_send(self):
        """Make the files as of the register's date and record the sending (and e-mail them when an address is
        set). The manager only, a draft only."""
        self._check_manager()
        for register in self:
            if register.state != "draft":
                raise UserError(_("%s has already been sent.") % register.name)
            day = fields.Date.from_string(register.date)
            if day > fields.Date.from_string(fields.Date.context_today(self)):
                raise UserError(_("A register cannot be made as of a future date."))
            rows = register.rows(day)
            csv_content, xlsx_content = register._csv(rows), register._xlsx(rows, day, register.recipient)
            register._transition({
                "state": "sent", "date_sent": fields.Datetime.now(), "sent_by": self.env.uid,
                "row_count": len(rows), "total_debt": round(sum(r["debt"] for r in rows), 2),
                "csv_file": base64.b64encode(csv_content), "xlsx_file": base64.b64encode(xlsx_content)})
            if register.recipient_email:
                register.sudo().mail_id = register._mail(csv_content, xlsx_content).id
            register.message_post(body=_("Sent to %s: %d debtors, %s RUB.") % (
                register.recipient, len(rows), rub(register.total_debt)), subtype="mail.mt_note")
        return True

    def _mail(self, csv_content, xlsx_content):
        Attachment = self.env["ir.attachment"].sudo()
        attachments = [Attachment.create({"name": name, "datas_fname": name, "datas": base64.b64encode(content),
                                          "res_model": self._name, "res_id": self.id, "mimetype": mimetype})
                       for name, content, mimetype in (
                           (self.csv_filename, csv_content, "text/csv"),
                           (self.xlsx_filename, xlsx_content,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))]
        company = self.env.user.company_id
        return self.env["mail.mail"].sudo().create({
            "subject": "Реестр задолженности, подтверждённой судебными актами, на %s"
                       % fields.Date.from_string(self.date).strftime("%d.%m.%Y"),
            "body_html": "<p>Направляем реестр граждан, имеющих подтверждённую вступившими в силу судебными актами "
                         "непогашенную задолженность по оплате коммунальных услуг, образовавшуюся за последние три "
                         "года, при отсутствии исполняемого соглашения о погашении (ч.5 ст.159 ЖК РФ).</p><p>%s</p>"
                         % (company.name or ""),
            "email_from": company.email or "noreply@localhost", "email_to": self.recipient_email,
            "attachment_ids": [(4, a.id) for a in attachments], "auto_delete": False})

    @api.multi
    def unlink(self):
        if any(register.state == "sent" for register in self):
            raise UserError(_("A sent register is kept: it records what the social-protection body received."))
        return super().unlink()


def _as_date(value):
    return fields.Date.from_string(value) if isinstance(value, str) else value


def _csv_cell(value):
    """CSV text of a value; a date the Russian way; text that a spreadsheet would take for a formula is quoted."""
    if value is None or value is False:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return ("%.2f" % value).replace(".", ",")
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
