"""The limitation period (исковая давность) of one monthly charge and the court events that change it.

Dates are «last day of the period, inclusive»: the claim is time-barred from the next day. Conventions (the same as
``ukkr.rules.limitation_expiry``):
- the period is ``GENERAL_YEARS`` (3) years from the day after the due date (ГК 196, 200; Пленум ВС № 43 п.24):
  due 10.02.2020 → the violation is known on 11.02.2020 → the period ends on 11.02.2023 (ГК 192: the same date of
  the last year; 29 February → 28 February);
- ``filed`` (a court order or a claim filed on X, ГК 204 п.1): the clock does not run from X on; the days from X to
  the expiry are kept: R = expiry − X + 1;
- ``cancelled`` (the court order cancelled on Y, Пленум ВС № 43 п.18) and ``dismissed`` (the claim left without
  consideration on Y, ГК 204 п.2–3): the clock runs again from Y + 1, so the period ends on Y + R; when that remainder
  is shorter than ``MIN_REMAINDER_MONTHS`` (6) months it is extended to 6 months: the period ends no earlier than
  Y + 6 months;
- ``dismissed_claimant_fault`` (left without consideration for the claimant's own failures, ГПК 222 абз.2, 4, 7, 8;
  Пленум ВС № 43 п.17): the filing did not stop the clock at all — the expiry is the one before the filing;
- ``acknowledged`` (the debtor acknowledged the debt on Z, e.g. signed an installment agreement, ГК 203; after the
  expiry only in writing, ГК 206 п.2): the period starts anew and ends on Z + 3 years; if a filing is pending the new
  period waits for it like any other (R = Z + 3 years − Z);
- a filing after the expiry changes nothing; a decision or writ ends this calculation (the clock stays stopped and
  ``expiry_with_events`` returns None; enforcement has its own presentation period).
Same-day events are taken in the order filed, acknowledged, cancelled/dismissed.
"""
import calendar
from datetime import date, timedelta

from .rule_errors import RuleInputError

GENERAL_YEARS = 3          # ГК 196 п.1
MIN_REMAINDER_MONTHS = 6   # ГК 204 п.3; Пленум ВС № 43 п.18
EVENT_KINDS = ("filed", "acknowledged", "cancelled", "dismissed", "dismissed_claimant_fault")
_RANK = {"filed": 0, "acknowledged": 1, "cancelled": 2, "dismissed": 2, "dismissed_claimant_fault": 2}


def add_months(day, months):
    """The same day ``months`` later; the last day of the month where there is no such day (ГК 192 п.3)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day, years):
    return add_months(day, 12 * years)


def base_expiry(due_date, years=GENERAL_YEARS):
    """The period's last day with no event: ``years`` from the day after the due date."""
    return add_years(due_date + timedelta(days=1), years)


def expiry_with_events(due_date, events, years=GENERAL_YEARS, min_remainder_months=MIN_REMAINDER_MONTHS):
    """Last day of the period after ``events`` (iterable of (kind, date)); None while a filing is pending."""
    clean = []
    for position, (kind, day) in enumerate(events or []):
        if kind not in EVENT_KINDS:
            raise RuleInputError("unknown_event", kind=kind)
        if day is None or day <= due_date:
            raise RuleInputError("event_before_due", kind=kind, day=day, due=due_date)
        clean.append((day, _RANK[kind], position, kind))
    expiry = base_expiry(due_date, years)
    pending = None   # while a filing is pending: dict(filed=date, remaining=days or None, expiry_before=date)
    for day, _rank, _position, kind in sorted(clean):
        if kind == "filed":
            if pending:
                raise RuleInputError("already_filed", day=day, filed=pending["filed"])
            remaining = (expiry - day).days + 1 if day <= expiry else None
            pending = {"filed": day, "remaining": remaining, "expiry_before": expiry}
        elif kind == "acknowledged":
            restart = add_years(day, years)
            if pending:
                pending["remaining"] = (restart - day).days
                pending["expiry_before"] = restart
            else:
                expiry = restart
        else:
            if not pending:
                raise RuleInputError("not_filed", kind=kind, day=day)
            if kind == "dismissed_claimant_fault":
                expiry = pending["expiry_before"]
            elif pending["remaining"] is not None:
                expiry = max(day + timedelta(days=pending["remaining"]), add_months(day, min_remainder_months))
            pending = None
    return None if pending else expiry


def aging_bucket(days_overdue, time_barred):
    """Aging bucket of a tranche from its days overdue (a month counted as 30 days): current, 1_3, 3_6, 6_12, 12_36
    or barred (the snapshot's debt_* columns)."""
    if time_barred:
        return "barred"
    for limit, bucket in ((0, "current"), (90, "1_3"), (180, "3_6"), (365, "6_12")):
        if days_overdue <= limit:
            return bucket
    return "12_36"
