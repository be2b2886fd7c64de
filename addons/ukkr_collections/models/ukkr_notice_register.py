import base64
import csv
import io

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .ukkr_personal_account import rub

OPERATOR = "ukkr_debt_plan.group_ukkr_operator"


def payment_document_text(kind, account, as_of, debt, overdue, penalty):
    """The text the billing system prints on the next bill (measure 10, «payment document» channel)."""
    text = "Задолженность по лицевому счёту %s на %s: %s руб." % (account, as_of.strftime("%d.%m.%Y"), rub(debt))
    if overdue:
        text += ", в т.ч. просроченная %s руб." % rub(overdue)
    if penalty:
        text += " Пени: %s руб." % rub(penalty)
    if kind == "pp354_warning":
        text += (" ПРЕДУПРЕЖДЕНИЕ: если задолженность не будет погашена в течение 20 дней со дня доставки этого "
                 "платёжного документа, предоставление коммунальной услуги будет ограничено (приостановлено) "
                 "(пп. 117–119 Правил № 354).")
    else:
        text += " Просим погасить задолженность. Рассрочка и отработка долга — в МУП «УККР»."
    return text


class UkkrNoticeRegister(models.Model):
    """The register of «in the payment document» notices handed to the billing system (measure 10): a CSV of
    account and the notice's text, printed on the next bill. Handing it over records the notices as sent."""
    _name = "ukkr.notice.register"
    _description = "Register of notices for payment documents"
    _order = "id desc"

    name = fields.Char("Register", readonly=True, copy=False)
    date = fields.Date("Handed over on", required=True, readonly=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", "By", readonly=True, default=lambda self: self.env.user)
    notice_ids = fields.Many2many("ukkr.notice", "ukkr_notice_register_rel", "register_id", "notice_id", "Notices",
                                  readonly=True)
    notice_count = fields.Integer("Notices", readonly=True)
    file = fields.Binary("Register (CSV)", attachment=True, readonly=True)
    filename = fields.Char("File name", readonly=True)


class UkkrNoticePaymentDocument(models.Model):
    _inherit = "ukkr.notice"

    @api.multi
    def action_payment_document_register(self):
        """«Реестр для платёжных документов»: the selected draft notices of the «in the payment document» channel
        into one CSV for the billing system (account; text); they are sent with it. Returns the register."""
        if self.env.uid != 1 and not self.env.user.has_group(OPERATOR):
            raise AccessError(_("Registers for payment documents are made by the УККР — operator and manager groups."))
        notices = self.filtered(lambda n: n.channel == "payment_doc" and n.state == "draft")
        if not notices:
            raise UserError(_("None of the selected notices is a draft to be printed in the payment document."))
        today = fields.Date.from_string(fields.Date.context_today(self))
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Лицевой счёт", "Текст уведомления"])
        for notice in notices.sorted(lambda n: (n.account_id.name, n.id)):
            as_of = fields.Date.from_string(notice.debt_as_of) if notice.debt_as_of else today
            writer.writerow([notice.account_id.sudo().name, payment_document_text(
                notice.kind, notice.account_id.sudo().name, as_of, notice.debt_amount, notice.overdue_amount,
                notice.penalty_amount)])
        content = buffer.getvalue().encode("utf-8-sig")
        register = self.env["ukkr.notice.register"].sudo().create({
            "notice_ids": [(6, 0, notices.ids)], "notice_count": len(notices), "user_id": self.env.uid,
            "file": base64.b64encode(content)})
        register.write({"name": "РПД-%06d" % register.id,
                        "filename": "реестр_уведомлений_%s_%06d.csv" % (today.strftime("%Y%m%d"), register.id)})
        notices.action_send()
        for notice in notices:
            notice.message_post(body=_("Handed to the billing system in register %s: printed on the next payment "
                                       "document.") % register.name, subtype="mail.mt_note")
        return register
