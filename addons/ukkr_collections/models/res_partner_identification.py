from odoo import models

from .filing_readiness_calc import NOT_IN_MODEL


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _ukkr_identification(self):
        """The ГПК 124 ч.2 п.3 elements this database records about the payer, for the filing readiness check
        (``filing_readiness_calc.identification_gaps``). The payer's residence is the account's premises and is
        added by the caller.

        MERGE POINT (issue 20 adds the identity fields): today res.partner holds the name and the ИНН (``vat``) only;
        the elements it cannot hold are ``NOT_IN_MODEL`` and are not checked. When the OCA fields arrive, return
        here ``birth_date`` = ``birthdate_date`` (partner_contact_birthdate), ``birth_place`` = the birth-place field,
        ``identifiers`` = {category code: number} from ``id_numbers`` (partner_identification: SNILS, INN,
        PASSPORT_RF, DRIVER_LICENSE) plus the ИНН/ОГРНИП, ``identifiers_unknown`` = the lawyer's recorded confirmation
        that none is known (ГПК 124 ч.2 п.3 for utility debt: indicated if known to the claimant), and ``ogrn`` =
        the organisation's ОГРН. Nothing else changes.
        """
        self.ensure_one()
        partner = self.sudo()
        return {"name": partner.name or "", "inn": partner.vat or "", "ogrn": NOT_IN_MODEL,
                "birth_date": NOT_IN_MODEL, "birth_place": NOT_IN_MODEL,
                # no way yet to record «identifiers unknown to the claimant» for a citizen: not checked until then
                "identifiers": NOT_IN_MODEL, "identifiers_unknown": False}
