from odoo import fields, models


class UkkrService(models.Model):
    """A utility service billed to personal accounts (extensible: add records)."""
    _name = "ukkr.service"
    _description = "Utility service"
    _order = "sequence, id"

    code = fields.Char("Code", required=True)
    name = fields.Char("Service", required=True, translate=True)
    sequence = fields.Integer(default=10)
    never_suspended = fields.Boolean("Never suspended", help="ПП № 354 п.119: heating is never limited.")
    never_suspended_apartment_building = fields.Boolean(
        "Never suspended in apartment buildings",
        help="ПП № 354 п.119: in an apartment building cold water is never limited or suspended.")

    _sql_constraints = [("code_uniq", "unique(code)", "A service code is used only once.")]
