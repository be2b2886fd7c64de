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
                                                                      "buildings (ПП № 354 п.119). Left empty by the "
                                                                      "importer, it is set to «more than one premises»; "
                                                                      "correct it by hand where needed.")
    account_ids = fields.One2many("ukkr.personal.account", "building_id", "Personal accounts")

    _sql_constraints = [("address_uniq", "unique(settlement_id, street, house)", "This building already exists.")]

    @api.model
    def _default_apartment_flags(self):
        """Set the apartment-building flag where it was never set (NULL): True for a building with more than one
        premises (personal account), False otherwise. A flag set by hand (True or False) is kept. One statement."""
        self.env.cr.execute("""
            UPDATE ukkr_building b SET is_apartment_building = coalesce(n.premises, 0) > 1
            FROM ukkr_building b2 LEFT JOIN (SELECT building_id, count(*) AS premises FROM ukkr_personal_account
                                             GROUP BY building_id) n ON n.building_id = b2.id
            WHERE b.id = b2.id AND b.is_apartment_building IS NULL""")
        self.invalidate_cache(["is_apartment_building"])

    @api.depends("settlement_id.name", "street", "house")
    def _compute_name(self):
        for building in self:
            building.name = "%s, %s, д. %s" % (building.settlement_id.name, building.street, building.house)
