"""The Bank of Russia's key-rate file as pure functions: read it, and find the days on which the rate changed.

The Bank publishes the key rate for every day (cbr.ru «Ключевая ставка Банка России»: a table «Дата | Ставка»
exported as XLSX, and the web service DailyInfo ``KeyRate``/``KeyRateXML`` answering ``<KR><DT>…</DT><Rate>…</Rate>
</KR>`` rows). ``parse(content, filename)`` reads either (and the same table as CSV) into ``[(date, rate)]`` sorted by
date; ``changes(rows, rate_before)`` reduces the daily rows to the days on which the rate differs from the day
before — the suite's key-rate records.
"""
import csv
import io
import re
from datetime import date, datetime

from .rule_errors import RuleInputError

_DATE_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "")
    match = _DATE_RE.match(text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _ISO_RE.match(text)
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        pass
    return None


def _rate(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        rate = float(value)
    else:
        try:
            rate = float(str(value or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", "."))
        except ValueError:
            return None
    return rate if 0 < rate < 100 else None


def _from_table(rows):
    """Rows of cells with a header «Дата» and «Ставка» (or «date»/«rate») somewhere above the data."""
    header = None
    result = []
    for number, row in enumerate(rows, 1):
        cells = [("" if cell is None else cell) for cell in row]
        if header is None:
            names = [str(cell).strip().lower() for cell in cells]
            if any(n in ("дата", "date") for n in names) and any(n.startswith(("ставка", "rate", "ключевая"))
                                                                  for n in names):
                header = (next(i for i, n in enumerate(names) if n in ("дата", "date")),
                          next(i for i, n in enumerate(names) if n.startswith(("ставка", "rate", "ключевая"))))
            continue
        if not any(str(cell).strip() for cell in cells):
            continue
        day = _date(cells[header[0]]) if header[0] < len(cells) else None
        rate = _rate(cells[header[1]]) if header[1] < len(cells) else None
        if day is None or rate is None:
            raise RuleInputError("key_rate_bad_row", row=number)
        result.append((day, rate))
    if header is None:
        raise RuleInputError("key_rate_no_header")
    return result


def _from_xml(content):
    from lxml import etree
    try:
        root = etree.fromstring(content)
    except etree.XMLSyntaxError:
        raise RuleInputError("key_rate_bad_file")
    result = []
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).localname != "KR":
            continue
        values = {etree.QName(child).localname: (child.text or "") for child in element
                  if isinstance(child.tag, str)}
        day, rate = _date(values.get("DT")), _rate(values.get("Rate"))
        if day is None or rate is None:
            raise RuleInputError("key_rate_bad_row", row=len(result) + 1)
        result.append((day, rate))
    return result


def parse(content, filename):
    """``[(date, rate)]`` from the Bank's file (XML of the web service, XLSX or CSV of the site's table)."""
    name = (filename or "").lower()
    if not content:
        raise RuleInputError("key_rate_empty")
    if name.endswith(".xml") or content.lstrip()[:1] == b"<":
        rows = _from_xml(content)
    elif name.endswith(".xlsx"):
        import openpyxl
        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:   # openpyxl raises many kinds for a broken file
            raise RuleInputError("key_rate_bad_file")
        rows = _from_table(book.worksheets[0].iter_rows(values_only=True))
    elif name.endswith((".csv", ".txt")):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1251", errors="strict")
        first_line = text.split("\n", 1)[0]
        delimiter = max(";,\t", key=first_line.count)
        rows = _from_table(csv.reader(io.StringIO(text), delimiter=delimiter))
    else:
        raise RuleInputError("key_rate_bad_file")
    if not rows:
        raise RuleInputError("key_rate_empty")
    days = [day for day, _rate_ in rows]
    if len(set(days)) != len(days):
        raise RuleInputError("key_rate_duplicate")
    return sorted(rows)


def changes(rows, rate_before):
    """The days of ``rows`` (sorted daily rates) on which the rate differs from the day before; the first day
    counts when it differs from ``rate_before`` (the rate in force before the file's first day, or None)."""
    result, current = [], rate_before
    for day, rate in rows:
        if current is None or abs(rate - current) > 1e-9:
            result.append((day, rate))
        current = rate
    return result
