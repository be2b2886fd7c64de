"""Payment allocation over an account's ledger as a pure function (LEGAL_RULES «Payment allocation»).

- a payment that names its period goes to that period first;
- otherwise, and for what is left, to the oldest periods whose limitation has not expired on the payment date
  (ГК 319.1 п.3; Пленум ВС № 22 п.32);
- inside a period, across services in proportion to what is still owed for each (so no service is overpaid),
  to the kopeck; principal only (penalties are not allocated here);
- what no debt absorbs stays on the payment as an advance.
Re-computable from scratch: the result depends only on the lines and the payments.
"""
from collections import OrderedDict


def to_cents(value):
    """Rubles → whole kopecks."""
    return int(round(value * 100))


def split_proportionally(amount_cents, owed):
    """Split ``amount_cents`` over ``owed`` ({key: cents}) in proportion, summing exactly; capped at each debt."""
    total = sum(owed.values())
    if total <= 0 or amount_cents <= 0:
        return {}
    amount_cents = min(amount_cents, total)
    shares = {key: amount_cents * value // total for key, value in owed.items()}
    rest = amount_cents - sum(shares.values())
    # the remaining kopecks go to the largest remainders, never above a service's debt
    order = sorted(owed, key=lambda key: (-(amount_cents * owed[key] % total), key))
    for key in order:
        if rest <= 0:
            break
        if shares[key] < owed[key]:
            shares[key] += 1
            rest -= 1
    return {key: cents for key, cents in shares.items() if cents}


def allocate(lines, payments, expiry_of):
    """Allocate ``payments`` over ``lines`` of one account.

    lines: iterable of (line id, period 'YYYY-MM', amount owed before any payment) — what the line
    charges (``ledger_sql.charged``); payments: iterable of (payment id, date, amount, named period or None), any order;
    expiry_of(period) → last date on which that period's debt is not time-barred.
    Returns (allocations [(payment id, line id, amount)], paid per line {line id: amount}).
    """
    owed = OrderedDict()
    by_period = OrderedDict()
    for line_id, period, amount in sorted(lines, key=lambda l: (l[1], l[0])):
        owed[line_id] = max(to_cents(amount), 0)
        by_period.setdefault(period, []).append(line_id)
    allocations = []
    for payment_id, pay_date, amount, named in sorted(payments, key=lambda p: (p[1], p[0])):
        left = to_cents(amount)
        periods = ([named] if named in by_period else []) + [
            p for p in by_period if p != named and expiry_of(p) >= pay_date]
        for period in periods:
            if left <= 0:
                break
            debts = {line_id: owed[line_id] for line_id in by_period[period] if owed[line_id] > 0}
            for line_id, cents in sorted(split_proportionally(left, debts).items()):
                owed[line_id] -= cents
                left -= cents
                allocations.append((payment_id, line_id, cents / 100.0))
    paid = {}
    for _payment_id, line_id, amount in allocations:
        paid[line_id] = round(paid.get(line_id, 0.0) + amount, 2)
    return allocations, paid
