from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _ukkr_identification(self):
        """The ГПК 124 ч.2 п.3 elements this database records about the payer, for the filing readiness check
        (``filing_readiness_calc.identification_gaps``): the birth date (OCA partner_contact_birthdate), the place of
        birth, the identity documents (OCA partner_identification: SNILS, INN, PASSPORT_RF, DRIVER_LICENSE) and the
        ОГРН — the same fields the application prints (``ukkr.court.case._identification``). The payer's residence
        is the account's premises and is added by the caller; the lawyer's confirmation that no identifier is known
        is a court case's, so a debtor case reports the missing identifier."""
        self.ensure_one()
        partner = self.sudo()
        identifiers = {code: partner[name] for code, name in (("SNILS", "ukkr_snils"), ("INN", "ukkr_inn"),
                                                              ("PASSPORT_RF", "ukkr_passport"),
                                                              ("DRIVER_LICENSE", "ukkr_driver_license"))
                       if name in partner._fields}
        return {"name": partner.name or "", "inn": partner.vat or identifiers.get("INN") or "",
                "ogrn": partner.ukkr_ogrn or "", "birth_date": partner.birthdate_date or "",
                "birth_place": partner.ukkr_birth_place or "", "identifiers": identifiers,
                "identifiers_unknown": False}
