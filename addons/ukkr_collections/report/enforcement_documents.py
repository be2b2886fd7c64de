from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.court_application_docx import money
from ..models.res_partner_identity import LEGAL_GROUP


def _ru(value):
    return fields.Date.from_string(value).strftime("%d.%m.%Y") if value else ""


class EnforcementDocumentMixin(models.AbstractModel):
    """What the enforcement documents share: the claimant (name, address, ИНН, ОГРН) with its bank details, the
    debtor as 229-ФЗ ст.13 names him (a citizen: birth date and place, one identifier), the writ. They carry personal
    data: printed by the legal group only, each print audited."""
    _name = "report.ukkr_collections.enforcement_document_mixin"
    _description = "Enforcement documents"

    @api.model
    def _claimant_bank(self):
        company = self.env.user.company_id.sudo()
        bank = company.partner_id.bank_ids[:1]
        if not bank:
            raise UserError(_("The claimant's bank account is not filled in: add it to the company's contact (Bank "
                              "Accounts) — the recovered money is transferred to it."))
        return {"account": bank.acc_number, "bank": bank.bank_id.name or "", "bic": bank.bank_id.bic or ""}

    @api.model
    def _debtor(self, rec):
        partner = rec.account_id.sudo().partner_id
        identifier = None
        for label, name in (("СНИЛС", "ukkr_snils"), ("ИНН", "ukkr_inn"),
                            ("паспорт гражданина РФ серия и номер", "ukkr_passport"),
                            ("водительское удостоверение серия и номер", "ukkr_driver_license")):
            if partner[name]:
                identifier = (label, partner[name])
                break
        account = rec.account_id.sudo()
        address = "%s, кв. %s" % (account.building_id.display_name, account.apartment) if account.apartment \
            else account.building_id.display_name
        return {"name": partner.name, "address": address, "account": account.name,
                "birthdate": _ru(partner.birthdate_date), "birth_place": partner.ukkr_birth_place or "",
                "identifier": identifier, "ogrn": partner.ukkr_ogrn or "", "individual": rec.debtor_kind == "individual"}

    @api.model
    def _values(self, docids, route):
        if not self.env.user.has_group(LEGAL_GROUP):
            raise AccessError(_("Enforcement documents are printed by the legal group and the УККР manager only."))
        records = self.env["ukkr.enforcement.proceeding"].browse(docids)
        records.check_access_rule("read")
        items = []
        for rec in records:
            if rec.route != route:
                labels = {"bailiff": _("the bailiffs"), "bank": _("a bank")}
                raise UserError(_("Proceeding %s was not handed to %s: this document does not apply.")
                                % (rec.name or rec.writ_number, labels[route]))
            day = rec.date_presented or fields.Date.context_today(self)
            petition, threshold = rec._travel_ban_petition(day)
            items.append((rec, {"claimant": self.env["ukkr.court.case"]._claimant(), "bank": self._claimant_bank(),
                                "debtor": self._debtor(rec), "writ_date": _ru(rec.writ_date), "date": _ru(day),
                                "petition": petition, "threshold": threshold}))
            rec.partner_id.sudo(self.env.uid)._ukkr_log_identity_read(["enforcement document (229-ФЗ)"])
        return {"doc_ids": docids, "doc_model": "ukkr.enforcement.proceeding", "docs": records, "items": items,
                "money": money}


class FsspApplication(models.AbstractModel):
    """The application to the bailiffs to open enforcement proceedings (229-ФЗ ст.30), with the petition for a
    temporary travel ban (ст.30 ч.2, ст.67) when the debt is at the dated threshold or above."""
    _name = "report.ukkr_collections.enforcement_fssp_application"
    _inherit = "report.ukkr_collections.enforcement_document_mixin"
    _description = "Application to the bailiffs"

    @api.model
    def get_report_values(self, docids, data=None):
        return self._values(docids, "bailiff")


class BankApplication(models.AbstractModel):
    """The claimant's application to the debtor's bank with the writ (229-ФЗ ст.8)."""
    _name = "report.ukkr_collections.enforcement_bank_application"
    _inherit = "report.ukkr_collections.enforcement_document_mixin"
    _description = "Application to the debtor's bank"

    @api.model
    def get_report_values(self, docids, data=None):
        return self._values(docids, "bank")
