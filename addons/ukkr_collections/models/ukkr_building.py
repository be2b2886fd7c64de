from odoo import api, fields, models


class UkkrBuilding(models.Model):
    _name = "ukkr.building"
    _description = "Building"
    _order = "settlement_id, street, house"

    name = fields.Char("Address", compute="_compute_name", store=True)
    settlement_id = fields.Many2one("ukkr.settlement", "Settlement", required=True, ondelete="restrict", index=True)
    street = fields.Char("Street", required=True)
    house = fields.Char("House", required=True)
    is_apartment_building = fields.Boolean("Apartment building", help="Cold water is never suspended in apartment "
                                                                      "buildings (ПП № 354 п.119).")
    account_ids = fields.One2many("ukkr.personal.account", "building_id", "Personal accounts")

    _sql_constraints = [("address_uniq", "unique(settlement_id, street, house)", "This building already exists.")]

    @api.depends("settlement_id.name", "street", "house")
    def _compute_name(self):
        for building in self:
            building.name = "%s, %s, д. %s" % (building.settlement_id.name, building.street, building.house)
