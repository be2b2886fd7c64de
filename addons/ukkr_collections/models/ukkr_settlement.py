from odoo import fields, models


class UkkrSettlement(models.Model):
    _name = "ukkr.settlement"
    _description = "Settlement"
    _order = "sequence, name"

    name = fields.Char("Settlement", required=True)
    sequence = fields.Integer(default=10)
    building_ids = fields.One2many("ukkr.building", "settlement_id", "Buildings")

    _sql_constraints = [("name_uniq", "unique(name)", "This settlement already exists.")]
