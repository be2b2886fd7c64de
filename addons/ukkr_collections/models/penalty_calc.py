"""Penalties (пени) under ЖК РФ ст.155 ч.14 as pure functions: no database, only the rules handed in.

Conventions (issue «ukkr_collections core», so that results compare to the kopeck):
- day 1 is the day after the due date (the due date itself already moved to a working day, ГК 193);
- a band table gives the factor per overdue day: for individuals nothing on days 1–30, 1/300 on days 31–90 and
  1/130 from day 91, of (key rate × outstanding principal at the start of that day);
- a payment made on day P still lets day P accrue on the old balance;
- each paid portion uses the key rate in force on its payment date, the unpaid rest the rate on the calculation
  date, each capped where a cap covers that date (a fixed rate, or the lower of the cap and the key rate);
- moratorium days accrue nothing but still count toward the day-31 and day-91 thresholds;
- the total is rounded half-up to kopecks once, at the end.
"""
from collections import namedtuple
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

Band = namedtuple("Band", "day_from day_to divisor")           # day_to None = open-ended; divisor 0 = no penalty
Segment = namedtuple("Segment", "date_from date_to days principal rate divisor amount basis")

def round_money(value):
    """Half-up to kopecks (Python's round() is half-even)."""
    if not value:
        return 0.0   # most tranches of a close owe no penalty: no Decimal needed
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def split_portions(principal, payments, calc_date):
    """Split the principal into (amount, end date, rate date, basis) portions.

    A payment covers its part of the principal up to and including its date; what is not paid by the calculation
    date runs to it. Payments after the calculation date are ignored; overpayment is ignored.
    """
    portions = []
    rest = principal
    for pay_date, amount in sorted(payments or [], key=lambda p: p[0]):
        if pay_date > calc_date or rest <= 0 or amount <= 0:
            continue
        part = min(amount, rest)
        portions.append((part, pay_date, pay_date, "payment"))
        rest -= part
    if rest > 0.000001:
        portions.append((rest, calc_date, calc_date, "unpaid"))
    return portions


def _subtract_ranges(start, end, holes):
    """Parts of [start, end] (dates, inclusive) not covered by the inclusive ``holes``."""
    parts = [(start, end)]
    for hole_from, hole_to in holes:
        result = []
        for part_from, part_to in parts:
            if hole_to < part_from or hole_from > part_to:
                result.append((part_from, part_to))
                continue
            if hole_from > part_from:
                result.append((part_from, hole_from - timedelta(days=1)))
            if hole_to < part_to:
                result.append((hole_to + timedelta(days=1), part_to))
        parts = result
    return parts


def penalty_segments(principal, due_date, calc_date, payments, bands, rate_on, moratoria):
    """The penalty calculation as segments (for the printed «расчёт пени»).

    ``rate_on(date)`` → the applicable annual rate in percent on that date (key rate with its cap applied);
    ``moratoria``: list of (date_from, date_to) periods, already filtered to those that apply to this debt.
    """
    segments = []
    day_one = due_date + timedelta(days=1)
    for amount, end, rate_date, basis in split_portions(principal, payments, calc_date):
        if end < day_one:
            continue
        rate = rate_on(rate_date)
        for band in bands:
            if not band.divisor:
                continue
            band_from = day_one + timedelta(days=band.day_from - 1)
            band_to = end if band.day_to is None else min(end, day_one + timedelta(days=band.day_to - 1))
            if band_from > band_to:
                continue
            parts = _subtract_ranges(band_from, band_to, moratoria) if moratoria else ((band_from, band_to),)
            for part_from, part_to in parts:
                days = (part_to - part_from).days + 1
                segments.append(Segment(part_from, part_to, days, amount, rate, band.divisor,
                                        amount * rate / 100.0 * days / band.divisor, basis))
    return segments


def penalty_total(segments):
    return round_money(sum(s.amount for s in segments))


def shift_to_working_day(day, is_non_working):
    """ГК 193: a term ending on a non-working day ends on the next working day."""
    while is_non_working(day):
        day += timedelta(days=1)
    return day
