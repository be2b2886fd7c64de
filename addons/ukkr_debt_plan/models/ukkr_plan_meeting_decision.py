from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UkkrPlanMeetingDecision(models.Model):
    _name = "ukkr.plan.meeting.decision"
    _description = "Meeting decision"
    _order = "meeting_id, sequence, id"

    meeting_id = fields.Many2one("ukkr.plan.meeting", "Meeting", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Text("Decision", required=True)
    user_id = fields.Many2one("res.users", "Assignee", required=True)
    deadline = fields.Date("Deadline", required=True)
    activity_id = fields.Many2one("mail.activity", "Activity", readonly=True, ondelete="set null")
    done = fields.Boolean("Done", compute="_compute_done")

    def _compute_done(self):
        for decision in self:
            decision.done = bool(decision.id) and decision.meeting_id.state == "held" and not decision.activity_id

    @api.constrains("deadline")
    def _check_deadline(self):
        for decision in self:
            if decision.deadline < decision.meeting_id.date:
                raise ValidationError(_("The deadline of a decision cannot be earlier than the meeting (%s).")
                                % decision.meeting_id.date)

    def deadline_text(self):
        return fields.Date.from_string(self.deadline).strftime("%d.%m.%Y") if self.deadline else ""

    def _schedule_activities(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get("ukkr.plan.meeting").id
        for decision in self.filtered(lambda d: not d.activity_id):
            decision.activity_id = self.env["mail.activity"].sudo().create({
                "res_model_id": model_id, "res_id": decision.meeting_id.id, "activity_type_id": todo.id,
                "user_id": decision.user_id.id, "date_deadline": decision.deadline,
                "summary": (decision.name or "")[:120], "note": decision.name})
