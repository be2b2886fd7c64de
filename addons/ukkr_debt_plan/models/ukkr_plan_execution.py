from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .periods import deadline_for, month_bounds, period_label, quarter_bounds
from .ukkr_plan_measure import PERIODIC
from .groups import CONTROL as CONTROL_GROUP

STATES = [("planned", "Planned"), ("in_progress", "In progress"), ("submitted", "Submitted"),
          ("accepted", "Accepted"), ("returned", "Returned")]
OPEN_STATES = ("planned", "in_progress", "returned")
# what an executor writes; frozen once submitted
EVIDENCE_FIELDS = {"evidence_note", "qty_done", "amount_done", "attachment_ids"}
# what the plan fixes: only the control group changes it (executors may on their own open entries)
FRAME_FIELDS = {"period_start", "period_end", "deadline", "measure_id", "kind"}
# written only by the status buttons
PROTECTED = {"state", "date_submitted", "submitted_by_id", "date_decided", "decided_by_id", "submitted_late"}
KIND_SUFFIX = {"period": "", "summary": " · сводка за месяц", "entry": " · запись"}


class UkkrPlanExecution(models.Model):
    """What was done for one measure in one reporting period, with its evidence and the control's verdict.

    kind ``period``: the execution of a monthly or quarterly measure for that period (one per period, made by the
    scheduled action); ``summary``: the monthly summary of a permanent or as-needed measure; ``entry``: one piece of
    work of such a measure, recorded on demand.
    """
    _name = "ukkr.plan.execution"
    _description = "Plan measure execution"
    _inherit = ["mail.thread", "mail.activity.mixin", "ukkr.workflow.mixin"]
    _order = "deadline desc, measure_number, id desc"
    _workflow_fields = tuple(sorted(PROTECTED))

    name = fields.Char("Execution", compute="_compute_name", store=True)
    measure_id = fields.Many2one("ukkr.plan.measure", "Measure", required=True, ondelete="restrict", index=True,
                                 track_visibility="onchange")
    measure_number = fields.Integer(related="measure_id.number", string="Measure No.", store=True, readonly=True,
                                    group_operator=False)
    plan_id = fields.Many2one(related="measure_id.plan_id", string="Plan", store=True, readonly=True)
    section_id = fields.Many2one(related="measure_id.section_id", string="Section", store=True, readonly=True)
    executor_partner_ids = fields.Many2many(related="measure_id.executor_partner_ids", string="Executors",
                                            readonly=True)
    responsible_user_ids = fields.Many2many(related="measure_id.responsible_user_ids", string="Responsible users",
                                            readonly=True)
    kind = fields.Selection([("period", "Period execution"), ("summary", "Monthly summary"),
                             ("entry", "Entry")], "Kind", required=True, default="entry")
    period_start = fields.Date("Period from", required=True, default=lambda self: self._default_period()[0])
    period_end = fields.Date("Period to", required=True, default=lambda self: self._default_period()[1])
    period_label = fields.Char("Period", compute="_compute_name", store=True)
    deadline = fields.Date("Deadline", required=True, index=True, track_visibility="onchange",
                           default=lambda self: self._default_period()[1])
    state = fields.Selection(STATES, "Status", default="planned", required=True, readonly=True, copy=False,
                             index=True, track_visibility="onchange", group_expand="_expand_states")
    is_overdue = fields.Boolean("Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    evidence_note = fields.Text("What was done")
    qty_done = fields.Float("Quantity done", digits=(16, 0))
    amount_done = fields.Float("Amount, RUB", digits=(16, 2))
    target_qty = fields.Integer(related="measure_id.target_qty", string="Target", readonly=True)
    target_met = fields.Boolean("Target met", compute="_compute_action_figures")
    action_count = fields.Integer("Recorded actions", compute="_compute_action_figures",
                                  help="Counted from the suite's own records (meetings, information events, "
                                       "collection actions) for the measure and period; not typed in.")
    action_amount = fields.Float("Recorded sum, RUB", compute="_compute_action_figures", digits=(16, 2))
    attachment_ids = fields.Many2many("ir.attachment", "ukkr_plan_execution_attachment_rel", "execution_id",
                                      "attachment_id", "Evidence files")
    date_submitted = fields.Datetime("Submitted on", readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", "Submitted by", readonly=True, copy=False)
    date_decided = fields.Datetime("Decided on", readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", "Accepted / returned by", readonly=True, copy=False)
    control_comment = fields.Text("Control's comment", track_visibility="onchange")
    submitted_late = fields.Boolean("Submitted late", readonly=True, copy=False)
    color = fields.Integer(compute="_compute_is_overdue")
    is_mine = fields.Boolean("My measure", compute="_compute_is_mine", search="_search_is_mine",
                             help="Assigned to me, or to my organisation / department.")

    @api.model
    def _default_period(self):
        return tuple(fields.Date.to_string(d) for d in month_bounds(fields.Date.from_string(
            fields.Date.context_today(self))))

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in STATES]

    @api.model_cr
    def init(self):
        # the scheduled action makes exactly one period or summary record per measure and period
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS ukkr_plan_execution_period_uniq
            ON ukkr_plan_execution (measure_id, period_start, kind) WHERE kind IN ('period', 'summary')""")

    @api.depends("measure_id.number", "period_start", "kind")
    def _compute_name(self):
        """A stored label in the users' language whoever creates the record: «№ 5 · ноябрь 2026»."""
        for rec in self:
            if not rec.period_start:
                continue
            start = fields.Date.from_string(rec.period_start)
            quarterly = rec.measure_id.periodicity == "quarterly" and rec.kind == "period"
            rec.period_label = period_label(start, quarterly)
            rec.name = "№ %s · %s%s" % (rec.measure_id.number, rec.period_label, KIND_SUFFIX[rec.kind])

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for rec in self:
            rec.is_overdue = rec.state in OPEN_STATES and bool(rec.deadline) and rec.deadline < today
            rec.color = 1 if rec.is_overdue else (10 if rec.state == "accepted" else 0)

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        positive = bool(value) == (operator in ("=", "=="))
        if positive:
            return ["&", ("deadline", "<", today), ("state", "in", OPEN_STATES)]
        return ["|", ("deadline", ">=", today), ("state", "not in", OPEN_STATES)]

    @api.model
    def _my_measures_domain(self):
        user = self.env.user
        departments = user.ukkr_department_id | user.ukkr_department_id.parent_id
        return ["|", ("measure_id.responsible_user_ids", "in", [user.id]),
                ("measure_id.executor_partner_ids", "in", departments.ids)]

    def _compute_is_mine(self):
        mine = self.search([("id", "in", self.ids)] + self._my_measures_domain()) if self.ids else self.browse()
        for rec in self:
            rec.is_mine = rec in mine

    def _search_is_mine(self, operator, value):
        positive = bool(value) == (operator in ("=", "=="))
        return self._my_measures_domain() if positive else ["!"] + self._my_measures_domain()

    @api.depends("measure_id", "period_start", "period_end", "kind")
    def _compute_action_figures(self):
        figures = self._action_figures()
        for rec in self:
            rec.action_count, rec.action_amount = figures.get(rec.id, (0, 0.0))
            done = max(rec.action_count, int(rec.qty_done or 0))
            rec.target_met = bool(rec.target_qty) and done >= rec.target_qty

    def _action_figures(self):
        """Counts and sums of the records that evidence each execution: ``{execution id: (count, amount)}``.

        Extended by ukkr_collections for the collection actions (notices, visits, agreements, court filings…).
        Here: meetings (measures 3, 8), information events (6, 7) and the on-demand entries a summary covers.
        """
        result = {}
        for rec in self.filtered(lambda r: r.id and r.period_start and r.period_end):
            kind = rec.measure_id.evidence_kind
            domain = [("date", ">=", rec.period_start), ("date", "<=", rec.period_end),
                      ("measure_id", "=", rec.measure_id.id)]
            if kind == "meeting":
                result[rec.id] = (self.env["ukkr.plan.meeting"].search_count(domain + [("state", "=", "held")]), 0.0)
            elif kind == "info_event":
                result[rec.id] = (self.env["ukkr.plan.info.event"].search_count(domain), 0.0)
            elif rec.kind == "summary":
                entries = self.search([("measure_id", "=", rec.measure_id.id), ("kind", "=", "entry"),
                                       ("period_start", ">=", rec.period_start),
                                       ("period_start", "<=", rec.period_end)])
                result[rec.id] = (len(entries), sum(entries.mapped("amount_done")))
        return result

    @api.constrains("period_start", "period_end", "deadline")
    def _check_dates(self):
        for rec in self:
            if rec.period_end < rec.period_start:
                raise ValidationError(_("The reporting period ends (%s) before it starts (%s).")
                                % (rec.period_end, rec.period_start))
            if rec.deadline < rec.period_start:
                raise ValidationError(_("The deadline (%s) cannot be earlier than the start of the reporting period (%s).")
                                % (rec.deadline, rec.period_start))

    @api.constrains("qty_done", "amount_done")
    def _check_figures(self):
        for rec in self:
            if rec.qty_done < 0 or rec.amount_done < 0:
                raise ValidationError(_("Quantities and amounts of an execution cannot be negative."))

    # ------------------------------------------------------------------ protection of states and evidence
    @api.model
    def create(self, vals):
        if "control_comment" in vals:
            self._check_control()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """Executors change the evidence of open executions; statuses change only through the buttons
        (``ukkr.workflow.mixin``); the period, deadline and measure are the control group's, except on an
        executor's own open entries."""
        if "control_comment" in vals:
            self._check_control()
        if FRAME_FIELDS & set(vals) and not self.env.user.has_group(CONTROL_GROUP) \
                and any(rec.kind != "entry" or rec.state not in OPEN_STATES for rec in self):
            raise AccessError(_("The measure, period and deadline of an execution are set by the plan; only the "
                                "administration's control group changes them."))
        if EVIDENCE_FIELDS & set(vals):
            frozen = self.filtered(lambda r: r.state in ("submitted", "accepted"))
            if frozen:
                raise UserError(_("Execution «%s» has been submitted; its evidence can no longer be changed. "
                                  "Ask the control group to return it.") % frozen[0].name)
        return super().write(vals)

    @api.multi
    def unlink(self):
        if any(rec.kind != "entry" or rec.state != "planned" for rec in self):
            raise UserError(_("Only planned on-demand entries can be deleted; period executions are kept as the "
                              "plan's history."))
        return super().unlink()

    def _check_executor_step(self):
        """Starting and submitting are the executor's steps. The control group accepts or returns what is submitted:
        it does not start or submit an execution of a measure it is not itself responsible for."""
        if self.env.uid == SUPERUSER_ID or not self.env.user.has_group(CONTROL_GROUP):
            return
        if len(self.search([("id", "in", self.ids)] + self._my_measures_domain())) != len(self):
            raise AccessError(_("The measure's executor starts and submits its execution; the control group accepts "
                                "or returns it."))

    @api.multi
    def action_start(self):
        for rec in self:
            if rec.state not in ("planned", "returned"):
                raise UserError(_("Only a planned or returned execution can be started."))
        self.check_access_rule("write")
        self._check_executor_step()
        return self._transition({"state": "in_progress"})

    @api.multi
    def action_submit(self):
        self.check_access_rule("write")
        self._check_executor_step()
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for rec in self:
            if rec.state not in OPEN_STATES:
                raise UserError(_("Execution «%s» is already %s.")
                                % (rec.name, dict(self._fields["state"]._description_selection(self.env))[rec.state]))
            if not (rec.evidence_note or "").strip() and not rec.qty_done and not rec.amount_done \
                    and not rec.attachment_ids and not rec.action_count:
                raise UserError(_("Execution «%s» has no evidence: describe what was done, give the figures or "
                                  "attach a file before submitting.") % rec.name)
            rec._transition({"state": "submitted", "date_submitted": now, "submitted_by_id": self.env.uid,
                             "submitted_late": today > rec.deadline})
        self._notify_controllers()
        return True

    def _check_control(self):
        if not self.env.user.has_group(CONTROL_GROUP):
            raise AccessError(_("Only the administration's control group (first deputy head, expert-legal "
                                "department) accepts or returns executions."))

    @api.multi
    def action_accept(self):
        self._check_control()
        for rec in self:
            if rec.state != "submitted":
                raise UserError(_("Execution «%s» has not been submitted; only a submitted execution can be "
                                  "accepted.") % rec.name)
        self._transition({"state": "accepted", "date_decided": fields.Datetime.now(),
                          "decided_by_id": self.env.uid})
        self.sudo().mapped("activity_ids").action_feedback(feedback=_("Accepted by the control group"))
        return True

    @api.multi
    def action_return(self):
        self._check_control()
        for rec in self:
            if rec.state != "submitted":
                raise UserError(_("Only a submitted execution can be returned."))
            if not (rec.control_comment or "").strip():
                raise UserError(_("Write in «Control's comment» what must be corrected before returning "
                                  "«%s».") % rec.name)
        self._transition({"state": "returned", "date_decided": fields.Datetime.now(),
                          "decided_by_id": self.env.uid})
        for rec in self:
            rec._schedule_for_responsibles(_("Correct and resubmit: %s") % rec.control_comment)
        return True

    # ------------------------------------------------------------------ activities
    def _schedule_for_responsibles(self, summary):
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get(self._name).id
        values = []
        for rec in self:
            for user in rec.measure_id.responsible_user_ids:
                values.append({"res_model_id": model_id, "res_id": rec.id, "activity_type_id": todo.id,
                               "user_id": user.id, "date_deadline": rec.deadline, "summary": summary})
        for vals in values:
            self.env["mail.activity"].sudo().create(vals)

    def _notify_controllers(self):
        controllers = self.env.ref(CONTROL_GROUP).users
        for rec in self:
            users = rec.plan_id.controller_user_id or controllers[:1]
            todo = self.env.ref("mail.mail_activity_data_todo")
            for user in users:
                self.env["mail.activity"].sudo().create({
                    "res_model_id": self.env["ir.model"]._get(self._name).id, "res_id": rec.id,
                    "activity_type_id": todo.id, "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                    "summary": _("Review the submitted execution")})

    # ------------------------------------------------------------------ scheduled action
    @api.model
    def create_period_executions(self, on_date=None):
        """Create the executions of the period containing ``on_date`` (default today) for every measure of the
        plan in force: one per monthly/quarterly measure and period, one monthly summary per other measure.
        Idempotent: what exists is not created again. Returns the created records."""
        day = fields.Date.from_string(on_date) if isinstance(on_date, str) else (
            on_date or fields.Date.from_string(fields.Date.context_today(self)))
        plans = self.env["ukkr.plan"].search([("state", "=", "active"), ("date_from", "<=", fields.Date.to_string(day)),
                                              ("date_to", ">=", fields.Date.to_string(day))])
        measures = plans.mapped("measure_ids")
        wanted = {}
        for measure in measures:
            start, end = quarter_bounds(day) if measure.periodicity == "quarterly" else month_bounds(day)
            kind = "period" if measure.periodicity in PERIODIC else "summary"
            wanted[(measure.id, fields.Date.to_string(start), kind)] = (measure, start, end)
        if not wanted:
            return self.browse()
        self.env.cr.execute("""
            SELECT measure_id, period_start::text, kind FROM ukkr_plan_execution
            WHERE measure_id = ANY(%s) AND kind IN ('period', 'summary')""", (measures.ids,))
        existing = set(self.env.cr.fetchall())
        created = self.browse()
        for key in sorted(set(wanted) - existing):
            measure, start, end = wanted[key]
            deadline = deadline_for(end, measure.deadline_rule, measure.deadline_day)
            created |= self.with_context(mail_create_nolog=True).create({
                "measure_id": measure.id, "kind": key[2], "period_start": fields.Date.to_string(start),
                "period_end": fields.Date.to_string(end), "deadline": fields.Date.to_string(deadline)})
        for rec in created:
            rec._schedule_for_responsibles(_("Execute and report: %s") % rec.name)
        return created

    @api.model
    def _cron_create_period_executions(self):
        self.create_period_executions()
