from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

PERIODICITY = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("permanent", "Permanently"),
    ("as_needed", "As needed"),
    ("on_writ", "On receipt of a writ"),
]
# Measures whose term is a calendar period get one execution per period; the others (permanent, as needed, on
# receipt of a writ) get entries on demand and one monthly summary.
PERIODIC = ("monthly", "quarterly")


class UkkrPlanMeasure(models.Model):
    _name = "ukkr.plan.measure"
    _description = "Plan measure"
    _inherit = ["mail.thread"]
    _order = "plan_id, number"
    _rec_name = "display_title"

    plan_id = fields.Many2one("ukkr.plan", "Plan", required=True, ondelete="cascade", index=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan status", store=True, readonly=True)
    section_id = fields.Many2one("ukkr.plan.section", "Section", ondelete="restrict",
                                 domain="[('plan_id', '=', plan_id)]")
    number = fields.Integer("No.", required=True, group_operator=False)
    name = fields.Text("Measure", required=True, track_visibility="onchange")
    display_title = fields.Char("Title", compute="_compute_display_title", store=True)
    deadline_text = fields.Char("Term (as in the order)", track_visibility="onchange")
    periodicity = fields.Selection(PERIODICITY, "Periodicity", required=True, default="permanent",
                                   track_visibility="onchange")
    deadline_rule = fields.Selection([("period_end", "Last day of the period"),
                                      ("next_month_day", "Day of the month after the period")],
                                     "Deadline rule", required=True, default="period_end")
    deadline_day = fields.Integer("Deadline day", default=1,
                                  help="With «Day of the month after the period»: the day of that month.")
    executor_text = fields.Text("Executors (as in the order)")
    executor_partner_ids = fields.Many2many("res.partner", "ukkr_plan_measure_executor_rel", "measure_id",
                                            "partner_id", "Responsible organisations",
                                            track_visibility="onchange")
    responsible_user_ids = fields.Many2many("res.users", "ukkr_plan_measure_user_rel", "measure_id", "user_id",
                                            "Responsible users")
    target_qty = fields.Integer("Monthly target", help="Quantitative target where the order sets one "
                                                       "(measure 18: at least 10 filings a month).")
    target_uom = fields.Char("Target unit")
    evidence_kind = fields.Selection([("manual", "Entered by hand"), ("meeting", "Meetings"),
                                      ("info_event", "Information events")],
                                     "Evidenced by", default="manual", required=True,
                                     help="Which records of the suite prove the measure's execution; "
                                          "their counts and sums appear on the execution records.")
    execution_ids = fields.One2many("ukkr.plan.execution", "measure_id", "Executions")
    execution_count = fields.Integer(compute="_compute_execution_stats")
    overdue_count = fields.Integer("Overdue", compute="_compute_execution_stats")
    previous_id = fields.Many2one("ukkr.plan.measure", "Same measure in the previous version", readonly=True,
                                  copy=False)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("number_uniq", "unique(plan_id, number)", "A measure number is used only once in a plan."),
    ]

    @api.depends("number", "name")
    def _compute_display_title(self):
        for measure in self:
            text = (measure.name or "").replace("\n", " ")
            measure.display_title = "%s. %s" % (measure.number, text[:90] + ("…" if len(text) > 90 else ""))

    def _compute_execution_stats(self):
        data = self.env["ukkr.plan.execution"].read_group(
            [("measure_id", "in", self.ids)], ["measure_id"], ["measure_id"])
        counts = {d["measure_id"][0]: d["measure_id_count"] for d in data}
        overdue = self.env["ukkr.plan.execution"].read_group(
            [("measure_id", "in", self.ids), ("is_overdue", "=", True)], ["measure_id"], ["measure_id"])
        late = {d["measure_id"][0]: d["measure_id_count"] for d in overdue}
        for measure in self:
            measure.execution_count = counts.get(measure.id, 0)
            measure.overdue_count = late.get(measure.id, 0)

    @api.constrains("number", "deadline_day", "target_qty")
    def _check_numbers(self):
        for measure in self:
            if measure.number <= 0:
                raise ValidationError(_("A measure number must be positive."))
            if not 1 <= measure.deadline_day <= 31:
                raise ValidationError(_("The deadline day must be between 1 and 31."))
            if measure.target_qty < 0:
                raise ValidationError(_("The target cannot be negative."))

    @api.multi
    def write(self, vals):
        if any(m.plan_state == "superseded" for m in self):
            raise UserError(_("This measure belongs to a superseded plan version and is read-only. "
                              "Make changes in the version in force."))
        return super().write(vals)

    def _is_periodic(self):
        self.ensure_one()
        return self.periodicity in PERIODIC

    @api.multi
    def action_view_executions(self):
        self.ensure_one()
        action = self.env.ref("ukkr_debt_plan.action_ukkr_plan_execution").read()[0]
        action["domain"] = [("measure_id", "=", self.id)]
        action["context"] = {"default_measure_id": self.id, "default_kind": "entry"}
        return action

    @api.model
    def _find_in_force(self, number):
        """The measure with this number in the plan version in force (empty if none)."""
        return self.search([("number", "=", number), ("plan_id.state", "=", "active")], limit=1)
