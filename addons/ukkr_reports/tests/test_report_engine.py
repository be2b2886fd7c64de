import io

from odoo.tests.common import TransactionCase


class TestReportEngine(TransactionCase):
    """The administration's reports are xlsx (OCA report_xlsx / xlsxwriter) and PDF (QWeb via wkhtmltopdf)."""

    def test_xlsx_engine_writes_cyrillic(self):
        import xlsxwriter
        from openpyxl import load_workbook
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet("Задолженность")
        sheet.write(0, 0, "Итого")
        sheet.write_number(0, 1, 1234.56, book.add_format({"num_format": "# ##0.00"}))
        book.close()
        sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
        self.assertEqual(sheet.title, "Задолженность")
        self.assertEqual((sheet["A1"].value, sheet["B1"].value), ("Итого", 1234.56))
        self.assertIn("xlsx", dict(self.env["ir.actions.report"]._fields["report_type"].selection))

    def test_wkhtmltopdf_available(self):
        self.assertEqual(self.env["ir.actions.report"].get_wkhtmltopdf_state(), "ok")
