from odoo import fields, models


class UkkrCourtCaseLine(models.Model):
    """One tranche (account × period) claimed in a court case, with its penalty to the filing date."""
    _name = "ukkr.court.case.line"
    _description = "Court case tranche"
    _inherit = ["ukkr.workflow.line.mixin"]
    _workflow_parent_field = "court_case_id"
    _order = "period"
    _rec_name = "period"

    court_case_id = fields.Many2one("ukkr.court.case", "Court case", required=True, ondelete="cascade", index=True)
    is_municipal = fields.Boolean(related="court_case_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    period = fields.Char("Period", size=7, required=True, index=True)
    due_date = fields.Date("Due date")
    principal = fields.Float("Principal, RUB", digits=(14, 2))
    penalty = fields.Float("Penalty, RUB", digits=(14, 2))
    amount = fields.Float("Total, RUB", digits=(14, 2), compute="_compute_amount")
    limitation_expiry = fields.Date("Limitation expired on (at preparation)")
    limitation_expiry_now = fields.Date("Limitation expires (with court events)",
                                        compute="_compute_limitation_expiry_now",
                                        help="ГК 204: no expiry while the case is in court; after a cancelled order "
                                             "the period resumes, at least six months.")

    def _compute_amount(self):
        for line in self:
            line.amount = round(line.principal + line.penalty, 2)

    def _compute_limitation_expiry_now(self):
        events = self.env["ukkr.limitation.event"]._events_by_tranche(
            list(set(self.mapped("court_case_id.account_id").ids)))
        rules = self.env["ukkr.rules"]
        for line in self:
            due = line.due_date or rules.due_date(line.period)
            found = events.get((line.court_case_id.account_id.id, line.period), [])
            expiry = rules.limitation_expiry_with_events(due, found) if found else rules.limitation_expiry(due)
            line.limitation_expiry_now = expiry and fields.Date.to_string(expiry) or False
