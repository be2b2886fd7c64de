from odoo import models


class UkkrPlanExecution(models.Model):
    _inherit = "ukkr.plan.execution"

    def _action_figures(self):
        """Executions of measures evidenced by collection actions: counts and sums of those actions in the period."""
        result = super()._action_figures()
        figures = self.env["ukkr.measure.figure"]
        for rec in self.filtered(lambda r: r.id and r.period_start and r.period_end
                                 and r.measure_id.evidence_kind == "collection"):
            rows = figures.figures(rec.period_start, rec.period_end, numbers=[rec.measure_id.number])
            result[rec.id] = (sum(r["count"] for r in rows), round(sum(r["amount"] for r in rows), 2))
        return result
