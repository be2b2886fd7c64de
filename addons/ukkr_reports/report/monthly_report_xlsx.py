from odoo import models

from ..models.xlsx_writer import WORKBOOK_OPTIONS


class MonthlyReportXlsx(models.AbstractModel):
    """report_xlsx entry of the monthly report: the wizard's period (or ``data['period']``) → ukkr.monthly.report."""
    _name = "report.ukkr_reports.monthly_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly report to the administration (xlsx)"

    def get_workbook_options(self):
        return dict(WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, wizards):
        period = (data or {}).get("period") or wizards[:1].period
        report = self.env["ukkr.monthly.report"]
        report._check_report_access()
        report._write_workbook(workbook, report._closed_month(period).period)
