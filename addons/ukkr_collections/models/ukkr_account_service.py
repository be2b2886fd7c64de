from odoo import api, fields, models


class UkkrAccountService(models.Model):
    """A service billed to an account, with the monthly charge at the consumption norm (ПП № 354 threshold)."""
    _name = "ukkr.account.service"
    _description = "Service of a personal account"
    _order = "account_id, service_id"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    service_id = fields.Many2one("ukkr.service", "Service", required=True, ondelete="restrict")
    norm_charge = fields.Float("Monthly charge at the norm, RUB", digits=(12, 2))

    @api.multi
    def name_get(self):
        return [(rec.id, "%s: %s" % (rec.account_id.name or "", rec.service_id.name or "")) for rec in self]

    _sql_constraints = [("account_service_uniq", "unique(account_id, service_id)",
                         "The service is already on this account.")]
