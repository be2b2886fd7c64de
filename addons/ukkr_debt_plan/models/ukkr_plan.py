from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CONTROL_GROUP = "ukkr_debt_plan.group_admin_control"
PLAN_MEASURE = 4  # «Актуализация плана …» — its executors (the expert-legal department) draft new versions


class UkkrPlan(models.Model):
    """The order approving the plan (распоряжение) in one of its versions.

    Measure 4 keeps the plan current: a new version copies sections and measures, the previous version becomes
    read-only (superseded) and the new one records what changed and why. The executors of measure 4 (the
    expert-legal department) or the control group draft a version; the drafter edits it (record rules); only the
    control group puts it in force.
    """
    _name = "ukkr.plan"
    _description = "Debt reduction plan"
    _inherit = ["mail.thread", "ukkr.workflow.mixin"]
    _order = "order_date desc, version desc"
    _workflow_fields = ("state", "version", "previous_id", "drafted_by_id")

    name = fields.Char("Title", required=True, track_visibility="onchange")
    order_number = fields.Char("Order number", required=True, track_visibility="onchange")
    order_date = fields.Date("Order date", required=True)
    date_from = fields.Date("Period from", required=True)
    date_to = fields.Date("Period to", required=True, track_visibility="onchange")
    signatory = fields.Char("Signed by")
    controller = fields.Char("Control entrusted to")
    controller_user_id = fields.Many2one("res.users", "Controlling user", track_visibility="onchange")
    version = fields.Integer("Version", default=1, readonly=True, copy=False)
    previous_id = fields.Many2one("ukkr.plan", "Previous version", readonly=True, copy=False)
    state = fields.Selection([("draft", "Draft"), ("active", "In force"), ("superseded", "Superseded")],
                             "Status", default="draft", required=True, readonly=True, copy=False,
                             track_visibility="onchange")
    change_reason = fields.Text("Reason for the new version", copy=False)
    drafted_by_id = fields.Many2one("res.users", "Drafted by", readonly=True, copy=False,
                                    help="Who drafted this version: an executor of measure 4 edits only the drafts "
                                         "they made; the control group puts a draft in force.")
    change_summary = fields.Text("What changed", compute="_compute_change_summary")
    section_ids = fields.One2many("ukkr.plan.section", "plan_id", "Sections")
    measure_ids = fields.One2many("ukkr.plan.measure", "plan_id", "Measures")
    measure_count = fields.Integer(compute="_compute_measure_count")
    active = fields.Boolean(default=True)

    @api.depends("measure_ids")
    def _compute_measure_count(self):
        for plan in self:
            plan.measure_count = len(plan.measure_ids)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(_("The plan period ends before it starts."))

    @api.depends("measure_ids.name", "measure_ids.periodicity", "measure_ids.executor_partner_ids",
                 "previous_id")
    def _compute_change_summary(self):
        for plan in self:
            plan.change_summary = "\n".join(plan._diff_with(plan.previous_id)) if plan.previous_id else False

    def _diff_with(self, other):
        """Human-readable differences between this version's measures and ``other``'s, by measure number."""
        self.ensure_one()
        mine = {m.number: m for m in self.measure_ids}
        theirs = {m.number: m for m in other.measure_ids}
        lines = []
        for number in sorted(set(mine) | set(theirs)):
            new, old = mine.get(number), theirs.get(number)
            if not old:
                lines.append(_("Measure %s added: %s") % (number, new.name))
            elif not new:
                lines.append(_("Measure %s removed: %s") % (number, old.name))
            else:
                if new.name != old.name:
                    lines.append(_("Measure %s: text changed") % number)
                if new.periodicity != old.periodicity or new.deadline_text != old.deadline_text:
                    lines.append(_("Measure %s: term changed from «%s» to «%s»")
                                 % (number, old.deadline_text or old.periodicity, new.deadline_text or new.periodicity))
                if new.executor_partner_ids != old.executor_partner_ids or new.executor_text != old.executor_text:
                    lines.append(_("Measure %s: executors changed") % number)
                if new.target_qty != old.target_qty:
                    lines.append(_("Measure %s: target changed from %s to %s") % (number, old.target_qty, new.target_qty))
        return lines or [_("No changes in the measures")]

    @api.multi
    def write(self, vals):
        allowed = {"active", "message_follower_ids", "message_ids", "activity_ids"}
        if set(vals) - allowed and not self._in_workflow_path():
            for plan in self:
                if plan.state == "superseded":
                    raise UserError(_("Plan «%s» (version %s) has been superseded and is kept read-only as "
                                      "history. Change the version in force instead.") % (plan.name, plan.version))
        return super().write(vals)

    def _check_control(self):
        if not self.env.user.has_group(CONTROL_GROUP):
            raise AccessError(_("Only the administration's control group (first deputy head, expert-legal "
                                "department) puts a plan version in force or drafts a new one."))

    @api.multi
    def action_activate(self):
        self._check_control()
        for plan in self:
            if plan.state != "draft":
                raise UserError(_("Only a draft plan can be put in force."))
            others = self.search([("state", "=", "active"), ("id", "!=", plan.id)])
            others._transition({"state": "superseded"})
            plan._transition({"state": "active"})
            plan.message_post(body=_("Plan version %s put in force.") % plan.version)
        return True

    def _may_draft(self):
        """The control group, or an executor of this plan's measure 4 (named on it, or its department)."""
        self.ensure_one()
        user = self.env.user
        if user.has_group(CONTROL_GROUP):
            return True
        measure = self.sudo().measure_ids.filtered(lambda m: m.number == PLAN_MEASURE)
        departments = user.ukkr_department_id | user.ukkr_department_id.parent_id
        return bool(measure) and (user in measure.responsible_user_ids
                                  or bool(measure.executor_partner_ids & departments))

    @api.multi
    def action_new_version(self, reason):
        """Copy this plan with its sections and measures into a new draft version; return the new plan."""
        self.ensure_one()
        if not self._may_draft():
            raise AccessError(_("A new version of the plan is drafted by the executors of measure 4 (the "
                                "expert-legal department) or the administration's control group."))
        if self.state == "superseded":
            raise UserError(_("A new version is made from the version in force or a draft, not from history."))
        if not (reason or "").strip():
            raise UserError(_("State why the plan is being updated."))
        plan = self.sudo()   # checked above: an executor of measure 4 has no right to create plans by hand
        with self._workflow_path(creating=True):
            new = plan.copy({"version": self.version + 1, "previous_id": self.id, "change_reason": reason,
                             "state": "draft", "drafted_by_id": self.env.uid})
        section_map = {}
        for section in plan.section_ids:
            section_map[section.id] = section.copy({"plan_id": new.id}).id
        for measure in plan.measure_ids:
            measure.copy({"plan_id": new.id, "section_id": section_map.get(measure.section_id.id),
                          "previous_id": measure.id})
        plan.message_post(body=_("New version %s drafted: %s") % (new.version, reason),
                          author_id=self.env.user.partner_id.id)
        if not self.env.user.has_group(CONTROL_GROUP):
            controller = self.sudo().controller_user_id or self.env.ref(CONTROL_GROUP).sudo().users[:1]
            for user in controller:
                self.env["mail.activity"].sudo().create({
                    "res_model_id": self.env["ir.model"]._get(self._name).id, "res_id": new.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id, "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                    "summary": _("Review the drafted plan version %s and put it in force") % new.version})
        return self.browse(new.id)
