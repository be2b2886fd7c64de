"""Installment schedules as pure functions (no database): equal monthly payments and schedule status.

Money is handled in kopecks (integers) so a schedule always sums exactly to the covered debt.
"""
from dateutil.relativedelta import relativedelta


def _cents(value):
    return int(round(value * 100))


def add_months(day, months):
    """Same day ``months`` later, clamped to the month's end (31.01 + 1 month → 28.02 or 29.02)."""
    return day + relativedelta(months=months)


def months_span(start, end):
    """Whole months from ``start`` to ``end``, a started month counted as one: 15.11.2026 → 15.11.2027 is 12,
    → 16.11.2027 is 13, → 15.12.2026 is 1."""
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months + (1 if delta.days > 0 else 0)


def equal_schedule(total, count, first_date):
    """``count`` monthly payments from ``first_date`` summing to ``total``: equal amounts rounded down to the
    kopeck, the remaining kopecks on the last payment. 10 000,00 in 3 → 3 333,33 + 3 333,33 + 3 333,34.
    Returns [(date, amount)]."""
    if count < 1:
        return []
    cents = _cents(total)
    each = cents // count
    amounts = [each] * (count - 1) + [cents - each * (count - 1)]
    return [(add_months(first_date, index), amount / 100.0) for index, amount in enumerate(amounts)]


def schedule_status(lines, paid, as_of, grace_days):
    """Where an agreement stands on ``as_of``, payments matched to the schedule cumulatively.

    lines: [(line id, due date, amount)] in schedule order; paid: all the agreement's payments up to ``as_of``
    (rubles); grace_days: days a payment may be late. Line i is *covered* when ``paid`` reaches the sum of lines
    1..i; the agreement is *in breach* when some line whose due date + grace days is before ``as_of`` is not
    covered. Returns dict: ``due`` (sum of lines due by as_of), ``arrears`` (due − paid, ≥ 0), ``breach_line``
    (id of the first line in breach or None), ``next_line`` ((id, date, amount still owed on it) of the first line
    not covered, or None), ``covered`` {line id: part of the line paid}.
    """
    paid_cents = _cents(paid)
    cumulative, due_cents = 0, 0
    breach_line, next_line, covered = None, None, {}
    for line_id, due_date, amount in lines:
        before = cumulative
        cumulative += _cents(amount)
        covered[line_id] = min(max(paid_cents - before, 0), _cents(amount)) / 100.0
        if due_date <= as_of:
            due_cents = cumulative
        if paid_cents < cumulative:
            if next_line is None:
                next_line = (line_id, due_date, (cumulative - max(paid_cents, before)) / 100.0)
            if breach_line is None and (as_of - due_date).days > grace_days:
                breach_line = line_id
    return {"due": due_cents / 100.0, "arrears": max(due_cents - paid_cents, 0) / 100.0,
            "breach_line": breach_line, "next_line": next_line, "covered": covered}
