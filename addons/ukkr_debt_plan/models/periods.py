"""Reporting periods of the plan: pure date arithmetic, no database."""
import calendar
from datetime import date, timedelta

MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                     "октябрь", "ноябрь", "декабрь"]
QUARTERS = ["I", "II", "III", "IV"]


def month_bounds(day):
    """First and last day of the month containing ``day``."""
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def quarter_bounds(day):
    """First and last day of the quarter containing ``day``."""
    start_month = 3 * ((day.month - 1) // 3) + 1
    first = date(day.year, start_month, 1)
    last_month = start_month + 2
    return first, date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])


def period_label(start, quarterly=False):
    if quarterly:
        return "%s квартал %d" % (QUARTERS[(start.month - 1) // 3], start.year)
    return "%s %d" % (MONTHS_NOMINATIVE[start.month - 1], start.year)


def deadline_for(period_end, rule, day=1):
    """Deadline of a period's execution.

    ``period_end``: the last day of the period; ``rule`` 'period_end' (the last day itself) or 'next_month_day'
    (day ``day`` of the month after the period, e.g. measure 5: «ежемесячно, в срок до 01 числа»).
    """
    if rule == "next_month_day":
        following = period_end + timedelta(days=1)
        last = calendar.monthrange(following.year, following.month)[1]
        return following.replace(day=min(max(day, 1), last))
    return period_end
