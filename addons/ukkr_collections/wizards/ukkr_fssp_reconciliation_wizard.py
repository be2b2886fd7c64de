import base64

from odoo import api, fields, models


def _this_quarter(self):
    return str((fields.Date.from_string(fields.Date.context_today(self)).month - 1) // 3 + 1)


class UkkrFsspReconciliationWizard(models.TransientModel):
    """Upload the bailiffs' register of a quarter (``ukkr.fssp.reconciliation.import_content`` checks rights)."""
    _name = "ukkr.fssp.reconciliation.wizard"
    _description = "Import the ФССП register"

    year = fields.Integer("Year", required=True,
                          default=lambda self: fields.Date.from_string(fields.Date.context_today(self)).year)
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")], "Quarter", required=True,
                               default=_this_quarter)
    department = fields.Char("ФССП department")
    file = fields.Binary("Register (CSV or XLSX)", required=True)
    filename = fields.Char("File name")

    @api.multi
    def action_import(self):
        self.ensure_one()
        record = self.env["ukkr.fssp.reconciliation"].import_content(
            base64.b64decode(self.file or b""), self.filename or "register.csv", self.year, self.quarter,
            self.department)
        return {"type": "ir.actions.act_window", "res_model": record._name, "res_id": record.id,
                "view_mode": "form"}
