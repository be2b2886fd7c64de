from odoo import models

from ..models.xlsx_writer import WORKBOOK_OPTIONS


class MunicipalReportXlsx(models.AbstractModel):
    """report_xlsx entry of the municipal housing inventory (measure 2)."""
    _name = "report.ukkr_reports.municipal_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Municipal housing inventory (xlsx)"

    def get_workbook_options(self):
        return dict(WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, wizards):
        period = (data or {}).get("period") or wizards[:1].period
        report = self.env["ukkr.municipal.report"]
        report._check_report_access()
        report._write_workbook(workbook, report._closed_month(period).period)
