from odoo import _, api, fields, models
from odoo.exceptions import UserError


class UkkrPlanSection(models.Model):
    _name = "ukkr.plan.section"
    _description = "Plan section"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("ukkr.plan", "Plan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Section", required=True)
    measure_ids = fields.One2many("ukkr.plan.measure", "section_id", "Measures")

    @api.multi
    def write(self, vals):
        if any(s.plan_id.state == "superseded" for s in self):
            raise UserError(_("This section belongs to a superseded plan version and is read-only."))
        return super().write(vals)
