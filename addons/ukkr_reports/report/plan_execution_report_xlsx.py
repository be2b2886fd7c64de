from odoo import models

from ..models.xlsx_writer import WORKBOOK_OPTIONS


class PlanExecutionReportXlsx(models.AbstractModel):
    """report_xlsx entry of the plan execution report."""
    _name = "report.ukkr_reports.plan_execution_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Plan execution report (xlsx)"

    def get_workbook_options(self):
        return dict(WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, wizards):
        data = data or {}
        date_from = data.get("date_from") or wizards[:1].date_from
        date_to = data.get("date_to") or wizards[:1].date_to
        report = self.env["ukkr.plan.execution.report"]
        report._check_report_access()
        start, end = report._range(date_from, date_to)
        report._write_workbook(workbook, start, end)
