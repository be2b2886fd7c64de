from odoo import fields, models

from .selections import PAYER_KINDS

TENURES = [("owner", "Owner"), ("social", "Social tenancy"), ("commercial", "Commercial tenancy"),
           ("nonresidential", "Non-residential")]


class UkkrPersonalAccount(models.Model):
    """Лицевой счёт: one payer's account for one set of premises."""
    _name = "ukkr.personal.account"
    _description = "Personal account"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char("Account number", required=True, index=True, track_visibility="onchange")
    building_id = fields.Many2one("ukkr.building", "Building", required=True, ondelete="restrict", index=True)
    settlement_id = fields.Many2one(related="building_id.settlement_id", string="Settlement", store=True,
                                    readonly=True)
    apartment = fields.Char("Apartment / premises")
    partner_id = fields.Many2one("res.partner", "Payer", required=True, ondelete="restrict", index=True,
                                 track_visibility="onchange")
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", required=True, default="individual",
                                  track_visibility="onchange")
    tenure = fields.Selection(TENURES, "Tenure", required=True, default="owner", track_visibility="onchange")
    is_municipal = fields.Boolean("Municipal housing", track_visibility="onchange")
    residents = fields.Integer("Residents")
    area = fields.Float("Area, m²", digits=(10, 1))
    phone = fields.Char("Phone")
    email = fields.Char("E-mail")
    state = fields.Selection([("active", "Active"), ("closed", "Closed")], "Status", default="active",
                             required=True, track_visibility="onchange")
    service_ids = fields.One2many("ukkr.account.service", "account_id", "Services")

    _sql_constraints = [("name_uniq", "unique(name)", "A personal account number is used only once.")]
