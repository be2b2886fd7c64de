"""State duty (государственная пошлина) for claims and court orders as pure functions over a scale handed in.

A scale is a tuple of ``DutyBand``s sorted by ``lower``: a claim of amount A falls in the last band whose ``lower``
is below A (the first band's ``lower`` is 0), and its duty is ``fixed + percent % × (A − lower)``, raised to the
band's ``minimum`` and cut to its ``maximum`` (0: none). The statutory tables (НК РФ ст.333.19 for general courts,
ст.333.21 for arbitration courts) are continuous at every edge — «from 100 001 to 300 000: 4 000 plus 3 % of the sum
over 100 000» equals 4 000 at 100 000 — so an amount with kopecks between two printed edges is computed by the upper
band's formula without a jump.

Rounding (НК РФ ст.52 п.6): the duty is paid in whole rubles; less than 50 kopecks is dropped, 50 kopecks and more
make a full ruble. A court order costs ``order_percent`` % (50 %) of the duty payable on a claim of the same amount:
the claim duty is rounded to whole rubles first (the duty «payable» is a whole-ruble sum), then its share is rounded
again — 4 001 → 2 000,50 → 2 001 — and raised to the scale's ``order_minimum`` where one is set (НК 333.21
п.1 пп.2 in the wording of 259-ФЗ: an arbitration court order costs half the claim duty, but not less than 8 000 —
a 40 000 claim: 10 000 / 2 = 5 000 → 8 000).
"""
from collections import namedtuple
from decimal import ROUND_HALF_UP, Decimal

from .rule_errors import RuleInputError

DutyBand = namedtuple("DutyBand", "lower fixed percent minimum maximum")
KINDS = ("claim", "court_order")


def _dec(value):
    return Decimal(repr(float(value)))


def round_rubles(value):
    """НК 52 п.6: whole rubles, 50 kopecks and more up, less dropped."""
    return int(Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def claim_duty_exact(amount, bands):
    """The claim duty before rounding, as a Decimal."""
    price = _dec(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if price <= 0:
        raise RuleInputError("amount_not_positive", amount=amount)
    if not bands:
        raise RuleInputError("no_bands")
    band = bands[0]
    for candidate in bands:
        if _dec(candidate.lower) < price:
            band = candidate
    duty = _dec(band.fixed) + _dec(band.percent) / 100 * (price - _dec(band.lower))
    if band.minimum and duty < _dec(band.minimum):
        duty = _dec(band.minimum)
    if band.maximum and duty > _dec(band.maximum):
        duty = _dec(band.maximum)
    return duty


def state_duty(amount, kind, bands, order_percent=50.0, order_minimum=0.0):
    """Duty in whole rubles for a claim (``kind='claim'``) or a court order (``'court_order'``) of ``amount``;
    a court order costs ``order_percent`` % of the claim duty, not less than ``order_minimum`` (0: none)."""
    if kind not in KINDS:
        raise RuleInputError("unknown_kind", kind=kind)
    claim = round_rubles(claim_duty_exact(amount, bands))
    if kind == "claim":
        return claim
    order = round_rubles(Decimal(claim) * _dec(order_percent) / 100)
    return max(order, round_rubles(_dec(order_minimum or 0)))


def duty_credit(paid_order_duty, claim_duty):
    """НК 333.40: duty paid for a cancelled court order counts toward the claim's duty; what is left to pay (≥ 0)."""
    if paid_order_duty < 0 or claim_duty < 0:
        raise RuleInputError("negative_duty")
    rest = _dec(claim_duty) - _dec(paid_order_duty)
    rest = max(rest, Decimal(0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return int(rest) if rest == rest.to_integral_value() else float(rest)
