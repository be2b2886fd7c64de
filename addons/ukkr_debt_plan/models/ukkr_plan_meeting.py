from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

MEETING_MEASURE = {"admin_meeting": 3, "house_council": 8}


class UkkrPlanMeeting(models.Model):
    """Measure 3 (administration meetings on debt reduction) and measure 8 (meetings with house councils)."""
    _name = "ukkr.plan.meeting"
    _description = "Meeting on debt reduction"
    _inherit = ["mail.thread", "mail.activity.mixin", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char("Subject", required=True, track_visibility="onchange")
    date = fields.Date("Date", required=True, default=lambda self: fields.Date.context_today(self), index=True,
                       track_visibility="onchange")
    kind = fields.Selection([("admin_meeting", "Administration meeting"), ("house_council", "House council meeting")],
                            "Kind", required=True, default="admin_meeting")
    measure_id = fields.Many2one("ukkr.plan.measure", "Measure", required=True, ondelete="restrict",
                                 default=lambda self: self.env["ukkr.plan.measure"]._find_in_force(3))
    location = fields.Char("Place")
    address = fields.Char("Building / address", help="For a house council: the building whose council met.")
    organiser_id = fields.Many2one("res.users", "Organiser", default=lambda self: self.env.user)
    participant_ids = fields.Many2many("res.partner", "ukkr_plan_meeting_partner_rel", "meeting_id", "partner_id",
                                       "Participants")
    participant_count = fields.Integer("Number of participants")
    minutes = fields.Html("Minutes")
    decision_ids = fields.One2many("ukkr.plan.meeting.decision", "meeting_id", "Decisions")
    state = fields.Selection([("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")], "Status",
                             default="planned", required=True, readonly=True, track_visibility="onchange")

    @api.onchange("kind")
    def _onchange_kind(self):
        measure = self.env["ukkr.plan.measure"]._find_in_force(MEETING_MEASURE.get(self.kind, 3))
        if measure:
            self.measure_id = measure

    @api.constrains("participant_count")
    def _check_participant_count(self):
        for meeting in self:
            if meeting.participant_count < 0:
                raise ValidationError(_("The number of participants cannot be negative."))

    def minutes_date_text(self):
        """The meeting's date as the minutes print it: 05.11.2026."""
        return fields.Date.from_string(self.date).strftime("%d.%m.%Y") if self.date else ""

    @api.multi
    def action_hold(self):
        """Record the meeting as held: the minutes are required and every decision becomes an activity."""
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(_("Only a planned meeting can be marked as held."))
            if not meeting.minutes or not meeting.minutes.strip() or meeting.minutes.strip() == "<p><br></p>":
                raise UserError(_("Write the minutes of «%s» before marking it as held.") % meeting.name)
            meeting._transition({"state": "held"})
            meeting.decision_ids._schedule_activities()
        return True

    @api.multi
    def action_cancel(self):
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(_("Only a planned meeting can be cancelled."))
        self.check_access_rule("write")
        self._transition({"state": "cancelled"})
        return True
