from odoo import _, api, models
from odoo.exceptions import AccessError

from ..models.court_application_docx import debtor_block, money
from ..models.res_partner_identity import LEGAL_GROUP


class CourtApplicationDocument(models.AbstractModel):
    """The court application as PDF, from the same data as the DOCX (``ukkr.court.case._application_data``): it
    carries the debtor's identification, so it is printed for the legal group only, and each print is audited."""
    _name = "report.ukkr_collections.court_application_document"
    _description = "Court application (PDF)"

    @api.model
    def get_report_values(self, docids, data=None):
        if not self.env.user.has_group(LEGAL_GROUP):
            raise AccessError(_("Court applications are printed by the legal group and the УККР manager only."))
        cases = self.env["ukkr.court.case"].browse(docids)
        cases.check_access_rule("read")
        cases._check_identification()
        applications = []
        for case in cases:
            applications.append((case, case._application_data()))
            case.partner_id.sudo(self.env.uid)._ukkr_log_identity_read(["application (ГПК 124)"])
        return {"doc_ids": docids, "doc_model": "ukkr.court.case", "docs": cases, "applications": applications,
                "money": money, "debtor_block": debtor_block}
