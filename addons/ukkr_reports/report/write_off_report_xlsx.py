from odoo import models

from ..models.xlsx_writer import WORKBOOK_OPTIONS


class WriteOffReportXlsx(models.AbstractModel):
    """report_xlsx entry of the quarterly write-off report (measure 28)."""
    _name = "report.ukkr_reports.write_off_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Quarterly write-off report (xlsx)"

    def get_workbook_options(self):
        return dict(WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        year, quarter = (data or {}).get("year") or wizard.year, (data or {}).get("quarter") or wizard.quarter
        report = self.env["ukkr.write.off.report"]
        report._write_workbook(workbook, int(year), int(quarter), report.rows(year, quarter))
