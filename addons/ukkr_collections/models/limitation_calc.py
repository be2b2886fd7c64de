"""Limitation period (исковая давность) changed by events: pure functions, no database.

LEGAL_RULES «Limitation period»: 3 years for each monthly charge (ГК 196, 200). Acknowledging the debt in writing —
an installment agreement signed by the debtor — makes the period run anew from the acknowledgement for the
acknowledged part (ГК 203; after the expiry, ГК 206 п.2, with the same effect). A period counted in years ends on
the corresponding day of its last year (ГК 192 п.3), so an acknowledgement on 15.03.2026 runs to 15.03.2029; on
29 February it runs to 28 February.

The court branch adds 'filed' / 'cancelled' / 'dismissed' events (ГК 204); those are not applied here: the
integrator replaces the single call site (``ukkr.rules._penalty_context``'s tranche) with
``ukkr.rules.limitation_expiry_with_events(due_date, events)`` at merge.
"""


def add_years(day, years):
    """``day`` plus whole years; 29 February → 28 February of a non-leap year (ГК 192 п.3)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expiry_after_acknowledgements(normal_expiry, events, years=3):
    """Limitation expiry of one tranche given its events.

    normal_expiry: date — the expiry without events (``ukkr.rules.limitation_expiry(due_date)``);
    events: iterable of (kind, date) for this tranche, already limited to those that happened by the date the
    tranche is evaluated at; only kind 'acknowledged' counts here.
    Returns max(normal expiry, latest acknowledgement + 3 years).

    E.g. normal expiry 11.02.2026, acknowledged 20.11.2025 → 20.11.2028; normal expiry 11.02.2029, acknowledged
    20.11.2025 → 11.02.2029 (the later of the two).
    """
    acknowledged = [day for kind, day in events if kind == "acknowledged" and day]
    if not acknowledged:
        return normal_expiry
    return max(normal_expiry, add_years(max(acknowledged), years))

