"""Formula-safe cells for every export (XLSX and CSV) of the suite — CSV/formula injection.

Payer names, streets and document numbers come from outside (billing files, registers, people typing). A spreadsheet
runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula, which can start
programs on the reader's computer (``=cmd|' /C calc'!A0``). Every exporter writes its cells through these helpers:

- ``safe_cell(value)``: the value for a CSV or any text sink — a formula-looking string gets a leading apostrophe,
  everything else is returned unchanged;
- ``write_cell(sheet, row, col, value, cell_format=None)``: for an xlsxwriter sheet (OCA report_xlsx) — text is
  always written as a string (xlsxwriter's ``write()`` would turn ``=…`` into a formula), formula-looking text with
  the apostrophe as well, so the file stays safe when saved again as CSV; numbers, dates and booleans keep their type;
- ``safe_row(values)``: ``safe_cell`` over a row, for ``csv.writer``.
"""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


def write_cell(sheet, row, col, value, cell_format=None):
    if isinstance(value, str):
        return sheet.write_string(row, col, safe_cell(value), cell_format)
    if value is None or value is False:
        return sheet.write_blank(row, col, None, cell_format)
    return sheet.write(row, col, value, cell_format)
