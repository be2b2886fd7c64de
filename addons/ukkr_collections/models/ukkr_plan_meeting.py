from odoo import _, api, fields, models
from odoo.exceptions import UserError


class UkkrPlanMeetingBuildings(models.Model):
    """Measure 8: a meeting with a house council is about one or more buildings of the district — linked to them,
    so a building shows its council meetings and a held meeting always says which houses it was about."""
    _inherit = "ukkr.plan.meeting"

    building_ids = fields.Many2many("ukkr.building", "ukkr_plan_meeting_building_rel", "meeting_id", "building_id",
                                    "Buildings", help="The buildings whose council (or senior residents) met.")

    @api.multi
    def action_hold(self):
        for meeting in self:
            if meeting.kind == "house_council" and not meeting.building_ids:
                raise UserError(_("Name the building(s) of the house council «%s» before marking the meeting as "
                                  "held.") % meeting.name)
        return super().action_hold()


class UkkrBuildingCouncilMeetings(models.Model):
    _inherit = "ukkr.building"

    council_meeting_ids = fields.Many2many("ukkr.plan.meeting", "ukkr_plan_meeting_building_rel", "building_id",
                                           "meeting_id", "House council meetings", readonly=True)
    council_meeting_count = fields.Integer("Council meetings", compute="_compute_council_meeting_count")

    def _compute_council_meeting_count(self):
        for building in self:
            building.council_meeting_count = len(building.council_meeting_ids)
