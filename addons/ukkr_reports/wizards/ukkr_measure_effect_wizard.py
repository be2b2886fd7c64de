from odoo import _, api, fields, models
from odoo.exceptions import UserError


class UkkrMeasureEffectWizard(models.TransientModel):
    """Collection effectiveness per plan measure for a date range, from the collection actions' figures
    (``ukkr.measure.figure``): how many actions, their sums, and what the debtors paid after them."""
    _name = "ukkr.measure.effect.wizard"
    _description = "Collection effectiveness by measure"

    date_from = fields.Date("From", required=True, default=lambda self: "%s-01-01" % fields.Date.context_today(self)[:4])
    date_to = fields.Date("To", required=True, default=lambda self: fields.Date.context_today(self))
    line_ids = fields.One2many("ukkr.measure.effect.line", "wizard_id", "Measures")

    @api.multi
    def action_compute(self):
        self.ensure_one()
        self.env["ukkr.report.mixin"]._check_report_access()
        if self.date_to < self.date_from:
            raise UserError(_("The period ends before it starts."))
        self.line_ids.unlink()
        rows = self.env["ukkr.measure.figure"].sudo().figures(self.date_from, self.date_to)
        plan = self.env["ukkr.plan"].sudo().search([("state", "=", "active")], limit=1)
        names = {m.number: (m.name or "").replace("\n", " ") for m in plan.measure_ids}
        Line = self.env["ukkr.measure.effect.line"]
        for row in rows:
            Line.create({
                "wizard_id": self.id, "measure_number": row["measure"],
                "measure_name": names.get(row["measure"], ""), "action": row["action"], "model": row["model"],
                "count": row["count"], "amount": row["amount"], "recovered": row["recovered"],
                "recovered_per_action": round(row["recovered"] / row["count"], 2) if row["count"] else 0.0,
                "recovered_share": round(row["recovered"] / row["amount"] * 100.0, 2) if row["amount"] else 0.0})
        return {"type": "ir.actions.act_window", "name": _("Collection effectiveness %s — %s")
                % (fields.Date.from_string(self.date_from).strftime("%d.%m.%Y"),
                   fields.Date.from_string(self.date_to).strftime("%d.%m.%Y")),
                "res_model": "ukkr.measure.effect.line", "view_mode": "tree,graph,pivot",
                "domain": [("wizard_id", "=", self.id)], "target": "current"}
