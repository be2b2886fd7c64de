from odoo import api, fields, models, tools


class ResPartner(models.Model):
    """Payers of personal accounts and what the administration may see of them (152-ФЗ, DESIGN §5).

    ``ukkr_private_payer`` marks a partner who pays personal accounts none of which is municipal housing: the
    administration's groups do not see such partners (record rule in security/ukkr_personal_data_rules.xml); the
    УККР groups do. It is kept set-based by ``_ukkr_refresh_private_payers`` — after every import of accounts, and
    when an account is created, deleted, changes payer or its municipal flag, and on module install/update.
    """
    _inherit = "res.partner"

    ukkr_private_payer = fields.Boolean(
        "Payer of non-municipal accounts only", index=True, readonly=True, copy=False,
        help="Personal data of this payer are visible to УККР staff only; the administration sees payers of "
             "municipal housing (the municipality is the landlord) and aggregates otherwise (152-ФЗ).")

    @api.model_cr
    def init(self):
        if tools.table_exists(self.env.cr, "ukkr_personal_account"):
            self._ukkr_refresh_private_payers()

    @api.model
    def _ukkr_refresh_private_payers(self, partner_ids=None):
        """(Re)compute the flag for these partners, or for every payer (and every partner flagged so far)."""
        cr = self.env.cr
        if partner_ids is None:
            scope, params = "p.ukkr_private_payer OR p.id IN (SELECT partner_id FROM ukkr_personal_account)", []
        else:
            scope, params = "p.id = ANY(%s)", [list(set(partner_ids))]
            if not params[0]:
                return 0
        cr.execute("""
            UPDATE res_partner p SET ukkr_private_payer = f.private
            FROM (SELECT p.id, coalesce(bool_and(NOT coalesce(a.is_municipal, false)), false) AS private
                  FROM res_partner p LEFT JOIN ukkr_personal_account a ON a.partner_id = p.id
                  WHERE %s GROUP BY p.id) f
            WHERE p.id = f.id AND p.ukkr_private_payer IS DISTINCT FROM f.private""" % scope, params)
        self.invalidate_cache(["ukkr_private_payer"])
        return cr.rowcount
