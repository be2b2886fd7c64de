"""The Bank of Russia's key-rate files, read into change points of the dated key-rate records.

Pure functions, no database. Two publications of the Bank of Russia are read:

- the XML of its web service (``KeyRate`` / ``KeyRateXML`` of DailyInfo, also inside its SOAP envelope): elements
  ``KR`` with ``DT`` (date, ISO) and ``Rate`` (percent);
- the table of the page «Ключевая ставка Банка России» saved as XLSX or CSV (UTF-8 or windows-1251): columns
  «Дата» (ДД.ММ.ГГГГ) and «Ставка» («Ключевая ставка», «Ставка, %»), title rows above the header allowed.

Either lists the rate per working day (or only the decision days): ``rate_changes`` keeps the days the rate
differs from the day before — the records the suite keeps.
"""
import io
import re
from datetime import date, datetime

from .billing_parser import (MAX_FILE_BYTES, BillingFileError, _norm, _read_xlsx, parse_decimal)
from .payment_register_parser import decode_text

DATE_HEADERS = ("дата", "date", "дата установления", "дата изменения", "с какой даты")
RATE_HEADERS = ("ставка", "ключевая ставка", "ставка, %", "ставка, % годовых", "ключевая ставка, %",
                "ключевая ставка, % годовых", "rate", "key rate")
MAX_ROWS = 20000
FIRST_RATE_DAY = date(2013, 9, 13)   # the key rate exists since 13.09.2013 (Bank of Russia)


def _rate(text):
    value = parse_decimal(str(text).replace("%", ""))
    if not 0 < value < 100:
        raise ValueError(text)
    return value


def _day(text):
    value = str(text).strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(value[:10] if pattern == "%Y-%m-%d" else value, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_xml(content):
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    if b"<!DOCTYPE" in content[:2000] or b"<!ENTITY" in content:
        raise BillingFileError("XML с объявлением DOCTYPE/ENTITY не принимается.")
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise BillingFileError("XML не читается: %s" % str(error)[:120])
    points, errors = [], []
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).localname != "KR":
            continue
        values = {etree.QName(child).localname: (child.text or "").strip() for child in element
                  if isinstance(child.tag, str)}
        row = element.sourceline or 0
        try:
            day = _day(values.get("DT", ""))
        except ValueError:
            errors.append((row, "неверная дата «%s» в элементе DT" % values.get("DT", "")[:30]))
            continue
        try:
            rate = _rate(values.get("Rate", ""))
        except ValueError:
            errors.append((row, "ставка «%s» — не число от 0 до 100" % values.get("Rate", "")[:30]))
            continue
        points.append((row, day, rate))
    if not points and not errors:
        raise BillingFileError("В XML нет элементов KR с датой (DT) и ставкой (Rate): это не файл ключевой ставки "
                               "Банка России.")
    return points, errors


def _find_header(rows):
    """(index, date column, rate column) of the header row among the first rows (title rows may precede it)."""
    for index, row in enumerate(rows[:15]):
        names = [_norm(cell) for cell in row]
        date_col = next((i for i, name in enumerate(names) if name in DATE_HEADERS), None)
        rate_col = next((i for i, name in enumerate(names) if name in RATE_HEADERS), None)
        if date_col is not None and rate_col is not None:
            return index, date_col, rate_col
    raise BillingFileError("Не найдены столбцы «Дата» и «Ставка»: это не таблица ключевой ставки Банка России.")


def _parse_table(content, filename):
    if (filename or "").lower().endswith(".xlsx") or content[:2] == b"PK":
        header, data = _read_xlsx(content)
        rows = [header] + data
    else:
        text = decode_text(content)
        first = text.splitlines()[0] if text.splitlines() else ""
        delimiter = ";" if first.count(";") >= first.count(",") and ";" in text else (
            "\t" if "\t" in first else ",")
        import csv
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    index, date_col, rate_col = _find_header(rows)
    points, errors = [], []
    for offset, raw in enumerate(rows[index + 1:], start=index + 2):
        cells = [(cell or "").strip() if cell is not None else "" for cell in raw]
        if not any(cells):
            continue
        date_text = cells[date_col] if date_col < len(cells) else ""
        rate_text = cells[rate_col] if rate_col < len(cells) else ""
        try:
            day = _day(date_text)
        except ValueError:
            errors.append((offset, "неверная дата «%s»: нужна ДД.ММ.ГГГГ" % date_text[:30]))
            continue
        try:
            rate = _rate(rate_text)
        except ValueError:
            errors.append((offset, "ставка «%s» — не число от 0 до 100" % rate_text[:30]))
            continue
        points.append((offset, day, rate))
    return points, errors


def parse_key_rates(content, filename, today):
    """``{'kind': 'key_rates', 'rows': [{'row', 'date', 'rate'}] sorted by date, 'errors': [(row, message)]}``;
    raises BillingFileError for a file that is not a key-rate file."""
    if not content:
        raise BillingFileError("Файл пуст.")
    if len(content) > MAX_FILE_BYTES:
        raise BillingFileError("Файл больше %d МБ." % (MAX_FILE_BYTES // (1024 * 1024)))
    head = content[:200].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head.startswith(b"<"):
        points, errors = _parse_xml(content)
    else:
        points, errors = _parse_table(content, filename)
    if len(points) > MAX_ROWS:
        raise BillingFileError("В файле больше %d строк." % MAX_ROWS)
    by_day = {}
    for row, day, rate in points:
        if day > today:
            errors.append((row, "дата %s в будущем" % day.strftime("%d.%m.%Y")))
        elif day < FIRST_RATE_DAY:
            errors.append((row, "дата %s раньше введения ключевой ставки (13.09.2013)" % day.strftime("%d.%m.%Y")))
        elif day in by_day and by_day[day][1] != rate:
            errors.append((row, "на %s две разные ставки: %s и %s (строка %d)"
                           % (day.strftime("%d.%m.%Y"), _pct(by_day[day][1]), _pct(rate), by_day[day][0])))
        else:
            by_day.setdefault(day, (row, rate))
    if not by_day and not errors:
        raise BillingFileError("В файле нет ни одной ставки.")
    rows = [{"row": row, "date": day, "rate": rate} for day, (row, rate) in sorted(by_day.items())]
    return {"kind": "key_rates", "rows": rows, "errors": sorted(errors)}


def _pct(rate):
    return ("%.2f" % rate).replace(".", ",") + " %"


def rate_changes(rows, rate_before):
    """The change points of a sorted list of daily (or decision-day) rates: the first row if ``rate_before`` (the
    rate in force the day before it, or None) differs, then every row whose rate differs from the row before.

    >>> rate_changes([{'date': 1, 'rate': 16.0}, {'date': 2, 'rate': 16.0}, {'date': 3, 'rate': 15.5}], 16.0)
    [{'date': 3, 'rate': 15.5}]
    """
    changes, previous = [], rate_before
    for row in rows:
        if previous is None or abs(row["rate"] - previous) >= 0.0001:
            changes.append(row)
        previous = row["rate"]
    return changes


def is_key_rate_file(content, filename):
    """A cheap look at the start of a file: the Bank of Russia's XML or a table headed «Дата» / «Ставка»."""
    head = content[:4000]
    if re.search(rb"<(\w+:)?KR[\s>]", head) or b"KeyRate" in head:
        return True
    if (filename or "").lower().endswith(".xlsx") or head[:2] == b"PK":
        return False
    text = decode_text(head).lower()
    lines = [line for line in text.splitlines()[:15] if line.strip()]
    for line in lines:
        cells = [_norm(cell.strip('"')) for cell in re.split(r"[;,\t]", line)]
        if any(c in DATE_HEADERS for c in cells) and any(c in RATE_HEADERS for c in cells):
            return True
    return False
