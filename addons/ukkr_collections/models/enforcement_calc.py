"""Enforcement of a court order or writ (229-ФЗ «Об исполнительном производстве») as pure functions.

- ст.8, 9: the creditor may send the writ himself to the debtor's bank (any sum) or to the employer / pension payer
  (sums not exceeding ``employer_limit``, 100 000); the bailiffs take any sum;
- ст.30 ч.12, ст.15 ч.2–3: the voluntary period is 5 days from the debtor's receipt of the ruling that opens the
  proceedings, counted in working days from the next day: received on Friday 05.06.2026 → Monday 08.06 is day 1 →
  Friday 12.06.2026 is day 5, the last day;
- ст.67 ч.1 п.3: a temporary travel ban for a debt of ``travel_ban_threshold`` (30 000) or more after the voluntary
  period; ч.2: for a debt over ``late_threshold`` (10 000) once ``late_months`` (2) months have passed since the
  voluntary period ended;
- ст.21, 22: a writ may be presented within ``years`` (3) years — from the court order's issue or the decision's entry
  into force; presenting it interrupts the period (none runs while the proceedings are open), a partial payment by
  the debtor restarts it, and when the writ is returned the new period runs from the return (ст.22 ч.3): returned
  on R → last day R + 3 years. The calendar date is kept (not moved off non-working days): a warning date, never late;
- ст.46 ч.5: a writ returned as uncollectable (ст.46 ч.1 п.3–4) may be presented again not before ``months`` (6)
  months from the return have run: returned on R → from R + 6 months + 1 day; at once if new assets are shown;
- ст.112 ч.3: the enforcement fee is ``fee_percent`` (7 %) of the sum, at least 1 000 RUB for a citizen or sole
  trader and 10 000 RUB for an organisation; rounded half-up to kopecks.
"""
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from .limitation_period_calc import add_months, add_years
from .rule_errors import RuleInputError

ROUTES = ("employer", "pension", "bank", "bailiff")
WRIT_EVENTS = ("presented", "returned", "partial_payment")
_RANK = {"partial_payment": 0, "returned": 1, "presented": 2}


def route_allowed(amount, route, employer_limit):
    """(allowed, reason code): ``ok`` or ``over_employer_limit``."""
    if route not in ROUTES:
        raise RuleInputError("unknown_route", route=route)
    if amount is None or amount <= 0:
        raise RuleInputError("amount_not_positive", amount=amount)
    if route in ("employer", "pension") and amount > employer_limit:
        return False, "over_employer_limit"
    return True, "ok"


def nth_working_day_after(start, days, is_non_working):
    """The ``days``-th working day after ``start`` (terms in days that exclude non-working days: 229-ФЗ ст.15 ч.2,
    ГПК 107 ч.3): day 1 is the first working day after ``start``, whatever day ``start`` itself is."""
    if start is None:
        raise RuleInputError("no_date")
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if not is_non_working(day):
            counted += 1
    return day


def voluntary_end(receipt_date, working_days, is_non_working):
    """The last day of the voluntary period: the ``working_days``-th working day after the receipt."""
    return nth_working_day_after(receipt_date, working_days, is_non_working)


def travel_ban_eligible(debt, voluntary_end_date, on_date, threshold, late_threshold=0, late_months=0):
    """(eligible, reason code): ``voluntary_period``, ``threshold``, ``late_threshold`` or ``below_threshold``."""
    if debt is None or debt < 0:
        raise RuleInputError("negative_debt", amount=debt)
    if voluntary_end_date is None or on_date is None:
        raise RuleInputError("no_date")
    if on_date <= voluntary_end_date:
        return False, "voluntary_period"
    if debt >= threshold:
        return True, "threshold"
    if late_threshold and debt > late_threshold and on_date > add_months(voluntary_end_date, late_months):
        return True, "late_threshold"
    return False, "below_threshold"


def writ_deadline(start_date, events, years):
    """Last day to present the writ after ``events`` ((kind, date): presented, returned, partial_payment);
    None while it is at the bailiffs."""
    if start_date is None:
        raise RuleInputError("no_date")
    clean = []
    for position, (kind, day) in enumerate(events or []):
        if kind not in WRIT_EVENTS:
            raise RuleInputError("unknown_event", kind=kind)
        if day is None or day < start_date:
            raise RuleInputError("event_before_start", kind=kind, day=day, start=start_date)
        clean.append((day, _RANK[kind], position, kind))
    deadline, presented = add_years(start_date, years), False
    for day, _rank, _position, kind in sorted(clean):
        if kind == "presented":
            if presented:
                raise RuleInputError("already_presented", day=day)
            if day > deadline:
                raise RuleInputError("presented_late", day=day, deadline=deadline)
            presented = True
        elif kind == "returned":
            if not presented:
                raise RuleInputError("not_presented", day=day)
            presented, deadline = False, add_years(day, years)
        elif not presented:   # a partial payment restarts a running period (ст.22 ч.1–2)
            deadline = add_years(day, years)
    return None if presented else deadline


def representation_earliest(return_date, months, new_assets=False):
    """First day a writ returned as uncollectable on ``return_date`` may be presented again."""
    if return_date is None:
        raise RuleInputError("no_date")
    if new_assets:
        return return_date
    return add_months(return_date, months) + timedelta(days=1)


def enforcement_fee(amount, percent, minimum):
    """7 % of the sum, at least ``minimum``; kopecks rounded half-up."""
    if amount is None or amount <= 0:
        raise RuleInputError("amount_not_positive", amount=amount)
    fee = Decimal(repr(float(amount))) * Decimal(repr(float(percent))) / 100
    fee = max(fee, Decimal(repr(float(minimum))))
    return float(fee.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
