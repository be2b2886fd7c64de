from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.court_application_docx import money
from ..models.res_partner_identity import LEGAL_GROUP

REASON_TEXT = {"time_barred": "истёк срок исковой давности (ст.196, 200 ГК РФ), взыскание в судебном порядке не "
                              "производилось",
               "uncollectable": "невозможность взыскания: исполнительный документ возвращён взыскателю (п.3, 4 ч.1 "
                                "ст.46 Федерального закона № 229-ФЗ)",
               "deceased": "смерть должника-гражданина или ликвидация организации-должника (ст.418, 419 ГК РФ)"}


def _ru(value):
    return fields.Date.from_string(value).strftime("%d.%m.%Y") if value else ""


class WriteOffDocuments(models.AbstractModel):
    """The documents of a posted write-off (measure 27): the inventory act of settlements by the unified form ИНВ-17
    (Госкомстат, постановление от 18.08.1998 № 88) with its appendix (справка: debtor, account, period, sum,
    ground), and the director's order to write the debt off (ПБУ 10/99 п.11; off-balance account 007 for 5 years).
    Generated from the posted write-offs selected: one act and one order for them all."""
    _name = "report.ukkr_collections.write_off_documents"
    _description = "Write-off act (ИНВ-17) and order"

    @api.model
    def get_report_values(self, docids, data=None):
        if not self.env.user.has_group(LEGAL_GROUP):
            raise AccessError(_("Write-off documents are printed by the legal group and the УККР manager only."))
        write_offs = self.env["ukkr.write.off"].browse(docids)
        write_offs.check_access_rule("read")
        unposted = write_offs.filtered(lambda w: w.state != "posted")
        if unposted:
            raise UserError(_("Write-off %s is not posted: the act and the order are made from posted write-offs.")
                            % ", ".join(unposted.mapped("name")))
        company = self.env.user.company_id.sudo()
        rows = []
        for write_off in write_offs.sorted(lambda w: (w.account_id.name, w.id)):
            account = write_off.account_id.sudo()
            for line in write_off.line_ids.sorted("period"):
                rows.append({"debtor": account.partner_id.name, "account": account.name, "period": line.period,
                             "principal": line.principal, "penalty": line.penalty,
                             "reason": REASON_TEXT.get(write_off.reason, write_off.reason),
                             "basis": write_off.basis or "", "write_off": write_off.name,
                             "time_barred": write_off.reason == "time_barred"})
        day = max(write_offs.mapped("date_posted"))
        return {"doc_ids": docids, "doc_model": "ukkr.write.off", "docs": write_offs, "rows": rows,
                "company": company.name, "inn": company.vat or "", "number": ", ".join(write_offs.mapped("name")),
                "date": _ru(day), "total": round(sum(r["principal"] for r in rows), 2),
                "penalty_total": round(sum(r["penalty"] for r in rows), 2),
                "barred_total": round(sum(r["principal"] for r in rows if r["time_barred"]), 2),
                "money": money}
