"""Exports escape formula-looking cells (issue 9.3): the shared helpers of models/xlsx_safe.py."""
import csv
import io
import unittest
from datetime import date

from ..models.xlsx_safe import safe_cell, safe_row, write_cell

ATTACKS = ["=cmd|' /C calc'!A0", "+7+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://evil.example\",\"Нажмите\")"]


class TestXlsxSafe(unittest.TestCase):

    def test_safe_cell(self):
        for text in ATTACKS:
            self.assertEqual(safe_cell(text), "'" + text)
        for value in ("Иванов Иван Иванович", "ул. Ленина, 21", "", "1-2", "a=b", 12.5, -5, 0, None, False,
                      date(2026, 11, 26)):
            self.assertEqual(safe_cell(value), value, "harmless values are left alone: %r" % (value,))
        self.assertEqual(safe_row(["=1", 2, "x"]), ["'=1", 2, "x"])

    def test_csv_export_opens_without_formulas(self):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerow(safe_row(ATTACKS + [100.5]))
        cells = next(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";"))
        self.assertTrue(all(cell.startswith("'") for cell in cells[:-1]))
        self.assertEqual(cells[-1], "100.5")

    def test_xlsx_cells_are_strings_never_formulas(self):
        import xlsxwriter
        from openpyxl import load_workbook
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet("Должники")
        values = ATTACKS + ["Петрова Анна Сергеевна", 1234.56, -300, None, True]
        for col, value in enumerate(values):
            write_cell(sheet, 0, col, value)
        # the trap the helper exists for: plain write() turns text into a formula
        sheet.write(1, 0, "=1+1")
        book.close()
        cells = list(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(min_row=1, max_row=2))
        row = cells[0]
        for cell, text in zip(row, ATTACKS):
            # (openpyxl reads a carriage return back as its XML escape _x000D_)
            self.assertEqual((cell.data_type, cell.value.replace("_x000D_", "\r")), ("s", "'" + text))
        self.assertEqual([c.value for c in row[len(ATTACKS):len(values)]],
                         ["Петрова Анна Сергеевна", 1234.56, -300, None, True])
        self.assertEqual(row[len(ATTACKS) + 1].data_type, "n")
        self.assertEqual(cells[1][0].data_type, "f", "xlsxwriter's write() would have written a formula")
