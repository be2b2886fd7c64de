"""Periods 'YYYY-MM' of the ledger: the one place that parses and steps them. Pure, no database.

Every module of the suite reads a period through these functions (the close, the rules, the importers, the reports).
"""
import calendar
import re
from datetime import date

PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
# the forms a file may write a period in: 2026-03, 03.2026 and (payment registers) 032026
_TEXT_FORMS = ((PERIOD_RE, False), (re.compile(r"^(0[1-9]|1[0-2])\.(\d{4})$"), True),
               (re.compile(r"^(0[1-9]|1[0-2])(\d{4})$"), True))


def is_period(value):
    return bool(PERIOD_RE.match(value or ""))


def parse_period(period):
    """(year, month) of 'YYYY-MM'; ValueError for anything else."""
    match = PERIOD_RE.match(period or "") if isinstance(period, str) else None
    if not match:
        raise ValueError(period)
    return int(match.group(1)), int(match.group(2))


def parse_period_text(text, today, compact=False):
    """'YYYY-MM' of a period as a file writes it — ГГГГ-ММ or ММ.ГГГГ (and ММГГГГ with ``compact``) — from 2000
    up to ``today``'s month; ValueError otherwise."""
    value = str(text).strip()
    for pattern, month_first in _TEXT_FORMS[:3 if compact else 2]:
        match = pattern.match(value)
        if match:
            month, year = (match.group(1), match.group(2)) if month_first else (match.group(2), match.group(1))
            year, month = int(year), int(month)
            if year < 2000 or (year, month) > (today.year, today.month):
                raise ValueError(text)
            return "%04d-%02d" % (year, month)
    raise ValueError(text)


def _year_month(period):
    # arithmetic only: the caller's period is already valid (a stored period, or one parse_period accepted)
    return int(period[:4]), int(period[5:7])


def period_of(day):
    """The period of a date."""
    return "%04d-%02d" % (day.year, day.month)


def add_months(period, count):
    year, month = _year_month(period)
    index = year * 12 + month - 1 + count
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def next_period(period):
    return add_months(period, 1)


def previous_period(period):
    return add_months(period, -1)


def period_bounds(period):
    """First and last day of the period."""
    year, month = _year_month(period)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def period_end(period):
    """Last day of a period ``YYYY-MM``."""
    return period_bounds(period)[1]


def months_between(first, last):
    """Periods from ``first`` to ``last`` inclusive (empty when first > last)."""
    result = []
    current = first
    while current <= last:
        result.append(current)
        current = add_months(current, 1)
    return result
