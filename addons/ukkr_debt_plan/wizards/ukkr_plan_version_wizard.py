from odoo import fields, models


class UkkrPlanVersionWizard(models.TransientModel):
    """Measure 4: keep the plan current — draft a new version of the plan with a stated reason."""
    _name = "ukkr.plan.version.wizard"
    _description = "New plan version"

    plan_id = fields.Many2one("ukkr.plan", "Plan", required=True,
                              default=lambda self: self.env.context.get("active_id"))
    reason = fields.Text("Reason for the update", required=True)

    def action_create_version(self):
        new = self.plan_id.action_new_version(self.reason)
        return {"type": "ir.actions.act_window", "res_model": "ukkr.plan", "res_id": new.id, "view_mode": "form",
                "target": "current"}
