"""Writing the administration's xlsx documents with xlsxwriter: one place for formats, headers and page setup.

Text always goes through ``write_string`` (a payer's name or a note starting with =, +, - or @ stays text, never a
formula); numbers through ``write_number`` in rubles with kopecks; the workbook is opened with formula and URL
conversion off as a second guard.
"""
import io
from datetime import datetime

import xlsxwriter

WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}
MONEY = "#,##0.00"


class Book:
    """Formats of one workbook and helpers to write sheets of a document."""

    def __init__(self, workbook):
        self.workbook = workbook
        add = workbook.add_format
        base = {"font_name": "Times New Roman", "font_size": 10}
        self.f = {
            "org": add(dict(base, bold=True, font_size=11)),
            "title": add(dict(base, bold=True, font_size=12, text_wrap=True, valign="top")),
            "text": add(dict(base, valign="top")),
            "note": add(dict(base, italic=True, text_wrap=True, valign="top")),
            "head": add(dict(base, bold=True, text_wrap=True, align="center", valign="vcenter", border=1,
                             bg_color="#D9E1F2")),
            "cell": add(dict(base, text_wrap=True, valign="top", border=1)),
            "cell_bold": add(dict(base, bold=True, text_wrap=True, valign="top", border=1)),
            "int": add(dict(base, num_format="0", valign="top", border=1)),
            "int_bold": add(dict(base, bold=True, num_format="0", valign="top", border=1)),
            "money": add(dict(base, num_format=MONEY, valign="top", border=1)),
            "money_bold": add(dict(base, bold=True, num_format=MONEY, valign="top", border=1)),
            "pct": add(dict(base, num_format="0.00", valign="top", border=1)),
            "pct_bold": add(dict(base, bold=True, num_format="0.00", valign="top", border=1)),
            "date": add(dict(base, num_format="dd.mm.yyyy", valign="top", border=1)),
            "late": add(dict(base, text_wrap=True, valign="top", border=1, bg_color="#F8CBAD")),
            "overdue": add(dict(base, text_wrap=True, valign="top", border=1, bg_color="#FF9999")),
            "sign": add(dict(base, font_size=11)),
        }

    # ------------------------------------------------------------------ cells
    def text(self, sheet, row, col, value, fmt="cell"):
        sheet.write_string(row, col, "" if value is None else str(value), self.f[fmt])

    def number(self, sheet, row, col, value, fmt="money"):
        if value is None:
            sheet.write_blank(row, col, None, self.f[fmt])
        else:
            sheet.write_number(row, col, value, self.f[fmt])

    def date(self, sheet, row, col, value, fmt="date"):
        if isinstance(value, str) and value:
            value = datetime.strptime(value[:10], "%Y-%m-%d")   # Odoo 11 gives dates as YYYY-MM-DD strings
        if value:
            sheet.write_datetime(row, col, value, self.f[fmt])
        else:
            sheet.write_blank(row, col, None, self.f[fmt])

    # ------------------------------------------------------------------ blocks
    def header(self, sheet, width, organisation, title, lines, notes=()):
        """Organisation, title and the period/date lines above a table; returns the next free row."""
        last = max(width - 1, 1)
        sheet.merge_range(0, 0, 0, last, "", self.f["org"])
        self.text(sheet, 0, 0, organisation, "org")
        sheet.merge_range(1, 0, 1, last, "", self.f["title"])
        self.text(sheet, 1, 0, title, "title")
        sheet.set_row(1, 32)
        row = 2
        for line in lines:
            self.text(sheet, row, 0, line, "text")
            row += 1
        for note in notes:
            sheet.merge_range(row, 0, row, last, "", self.f["note"])
            self.text(sheet, row, 0, note, "note")
            sheet.set_row(row, 28)
            row += 1
        return row + 1

    def table_head(self, sheet, row, columns, height=45):
        """``columns``: [(title, width)]. Writes the header row, sets widths, freezes and repeats it on every
        printed page; returns the first data row."""
        for col, (title, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            self.text(sheet, row, col, title, "head")
        sheet.set_row(row, height)
        sheet.freeze_panes(row + 1, 0)
        sheet.repeat_rows(row)
        return row + 1

    def signature(self, sheet, row, position, name):
        self.text(sheet, row + 1, 0, position or "", "sign")
        self.text(sheet, row + 1, 3, "____________________", "sign")
        self.text(sheet, row + 1, 5, name or "", "sign")
        return row + 3

    @staticmethod
    def page_setup(sheet, landscape=True):
        """Printable: A4, landscape, fit to the page width, page numbers in the footer."""
        sheet.set_paper(9)
        if landscape:
            sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        sheet.set_footer("&CСтраница &P из &N")


def render(write):
    """Run ``write(workbook)`` on a new in-memory workbook and return the file's bytes."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    write(workbook)
    workbook.close()
    return buffer.getvalue()
