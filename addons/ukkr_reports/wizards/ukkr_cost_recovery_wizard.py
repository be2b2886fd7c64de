import base64
from datetime import date

from odoo import _, api, fields, models


class UkkrCostRecoveryWizard(models.TransientModel):
    """Cost against recovery per measure, action and month (``ukkr.cost.recovery.report``): a list, pivot and
    graph in the web client, or an xlsx for the monthly meeting."""
    _name = "ukkr.cost.recovery.wizard"
    _description = "Cost against recovery"

    date_from = fields.Date("From", required=True, default=lambda self: "%d-01-01" % date.today().year)
    date_to = fields.Date("To", required=True, default=fields.Date.context_today)
    as_of = fields.Date("Payments counted up to", required=True, default=fields.Date.context_today)
    line_ids = fields.One2many("ukkr.cost.recovery.line", "wizard_id", "Lines")
    file = fields.Binary("File", readonly=True, attachment=False)
    filename = fields.Char("File name", readonly=True)

    @api.multi
    def action_compute(self):
        self.ensure_one()
        rows = self.env["ukkr.cost.recovery.report"].rows(self.date_from, self.date_to, self.as_of)
        names = self.env["ukkr.cost.recovery.report"]._measure_names()
        self.line_ids.unlink()
        Line = self.env["ukkr.cost.recovery.line"]
        for row in rows:
            Line.create({"wizard_id": self.id, "measure_number": row["measure"],
                         "measure_name": names.get(row["measure"], ""), "action": row["action"],
                         "month": row["month"], "actions": row["actions"], "accounts": row["accounts"],
                         "cost": row["cost"], "paid_30": row["paid_30"], "paid_90": row["paid_90"],
                         "payers": row["payers"], "per_rouble": row["per_rouble"] or 0.0,
                         "complete": row["complete"]})
        return {"type": "ir.actions.act_window", "name": _("Cost against recovery %s — %s")
                % (fields.Date.from_string(self.date_from).strftime("%d.%m.%Y"),
                   fields.Date.from_string(self.date_to).strftime("%d.%m.%Y")),
                "res_model": "ukkr.cost.recovery.line", "view_mode": "tree,pivot,graph",
                "domain": [("wizard_id", "=", self.id)], "target": "current"}

    @api.multi
    def action_xlsx(self):
        self.ensure_one()
        content = self.env["ukkr.cost.recovery.report"].render_xlsx(self.date_from, self.date_to, self.as_of)
        self.write({"file": base64.b64encode(content),
                    "filename": "cost_recovery_%s_%s.xlsx" % (self.date_from, self.date_to)})
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/web/content?model=%s&id=%d&field=file&filename_field=filename&download=true"
                       % (self._name, self.id)}


class UkkrCostRecoveryLine(models.TransientModel):
    """One measure × action × month of the cost-against-recovery list."""
    _name = "ukkr.cost.recovery.line"
    _description = "Cost against recovery line"
    _order = "measure_number, action, month"

    wizard_id = fields.Many2one("ukkr.cost.recovery.wizard", "Request", required=True, ondelete="cascade")
    measure_number = fields.Integer("Measure No.", group_operator=False)
    measure_name = fields.Char("Measure")
    action = fields.Char("Action")
    month = fields.Char("Month")
    actions = fields.Integer("Actions")
    accounts = fields.Integer("Accounts reached")
    cost = fields.Float("Cost, RUB", digits=(16, 2))
    paid_30 = fields.Float("Paid within 30 days, RUB", digits=(16, 2))
    paid_90 = fields.Float("Paid within 90 days, RUB", digits=(16, 2))
    payers = fields.Integer("Accounts that paid")
    per_rouble = fields.Float("Recovered per rouble spent", digits=(12, 2), group_operator="avg")
    complete = fields.Boolean("90 days over")
