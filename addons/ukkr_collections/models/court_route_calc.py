"""Which court hears a debt and in which procedure, as a pure function over the route rules handed in.

A route rule says: for this payer kind, this kind of application (``court_order`` or ``claim``) goes to ``court``
in ``procedure`` when the amount does not exceed ``limit`` (0: any amount). Limits are inclusive, as the codes say
«не превышает»: ГПК 121 (court order up to 500 000), ГПК 23 ч.1 п.5 (magistrate up to 100 000), АПК 229.2, 227.
The narrowest rule that admits the amount wins, so «magistrate ≤ 100 000» beats «district, any amount».
"""
from collections import namedtuple

from .rule_errors import RuleInputError

Route = namedtuple("Route", "kind limit court procedure ref")
KINDS = ("court_order", "claim", "auto")


def _fits(route, amount):
    return not route.limit or amount <= route.limit


def court_route(amount, kind, routes):
    """The winning ``Route`` for ``amount``.

    ``kind='auto'``: a court order where one is allowed (cheaper, no hearing), else a claim. Asking for a court
    order above its limit is refused (``court_order_over_limit``), as is a payer kind with no rule for the kind.
    """
    if kind not in KINDS:
        raise RuleInputError("unknown_kind", kind=kind)
    if amount is None or amount <= 0:
        raise RuleInputError("amount_not_positive", amount=amount)
    wanted = ("court_order", "claim") if kind == "auto" else (kind,)
    for current in wanted:
        candidates = sorted((r for r in routes if r.kind == current),
                            key=lambda r: (not r.limit, r.limit or 0))
        if not candidates:
            if kind == "auto" and current == "court_order":
                continue
            raise RuleInputError("no_route", kind=current)
        for route in candidates:
            if _fits(route, amount):
                return route
        if kind == "auto" and current == "court_order":
            continue
        raise RuleInputError("court_order_over_limit" if current == "court_order" else "claim_over_limit",
                             limit=max(r.limit for r in candidates), amount=amount)
