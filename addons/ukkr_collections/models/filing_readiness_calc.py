"""Whether a filing for a debt would be returned or refused by the court — pure functions, no database.

Each function looks at one ground and returns what is wrong (codes, periods, a verdict); the model
(``ukkr.filing.readiness``) gathers the data set-based and turns the results into Russian messages.

- ГПК 124 ч.2 п.3: the application names the debtor — a citizen by full name, date and place of birth, residence and
  one identifier (СНИЛС, ИНН, passport, …); an organisation by name, address, ИНН and ОГРН. Without them the
  application is returned (ГПК 125 ч.1 п.2). An element the database cannot hold yet is passed as ``NOT_IN_MODEL``
  and is not checked (see ``res.partner._ukkr_identification``).
- ЖК 153, 158 ч.1, ГК 249: each owner of shared premises pays by his share — one filing per owner for his share,
  never one payer for the whole.
- ГПК 121: a court order only up to the ceiling of the route rule; above it a claim is needed (the route rules say).
- 127-ФЗ ст.5, Пленум ВС № 62 от 27.12.2016 п.12: from the bankruptcy procedure's start, claims that arose before it
  are not heard by court order; current payments (periods after the start) are.
"""
from datetime import date
from fractions import Fraction

NOT_IN_MODEL = "not_in_model"   # the database has no field for this element yet: it is not checked
INDIVIDUAL_KINDS = ("individual",)

# the order in which problems are reported (the most fundamental first)
PROBLEM_CODES = ("deceased", "bankrupt", "identification", "no_debt", "in_court", "time_barred", "owners",
                 "above_ceiling", "moratorium", "consultation")


def _given(value):
    return value not in (None, False, "", NOT_IN_MODEL) and (not isinstance(value, str) or value.strip())


def identification_gaps(payer_kind, values):
    """The ГПК 124 ч.2 п.3 elements missing from ``values`` (a dict), as codes in a fixed order.

    Citizens (``individual``; a sole trader is a citizen too, with his ОГРНИП as an identifier): ``full_name``
    (surname and given name at least), ``birth_date``, ``birth_place``, ``residence``, ``identifier`` (one of
    ``values['identifiers']``; ``values['identifiers_unknown']`` True — the claimant has recorded that none is known
    to him — satisfies it). Organisations: ``name``, ``address``, ``inn``, ``ogrn``. A value ``NOT_IN_MODEL`` is not
    checked.
    """
    gaps = []
    name = (values.get("name") or "").strip() if isinstance(values.get("name"), str) else ""
    citizen = payer_kind in INDIVIDUAL_KINDS or payer_kind == "sole_trader"
    if citizen:
        words = [w for w in name.replace("ИП ", " ", 1).split() if w.strip(".")]
        if len(words) < 2:
            gaps.append("full_name")
        for key in ("birth_date", "birth_place"):
            if values.get(key) != NOT_IN_MODEL and not _given(values.get(key)):
                gaps.append(key)
        if not _given(values.get("residence")):
            gaps.append("residence")
        identifiers = values.get("identifiers")
        if identifiers != NOT_IN_MODEL and not values.get("identifiers_unknown") and \
                not any(_given(v) for v in (identifiers or {}).values()):
            gaps.append("identifier")
    else:
        if not name:
            gaps.append("name")
        if not _given(values.get("residence")):
            gaps.append("address")
        for key in ("inn", "ogrn"):
            if values.get(key) != NOT_IN_MODEL and not _given(values.get(key)):
                gaps.append(key)
    return gaps


def period_end(period):
    """Last day of a period ``YYYY-MM``."""
    year, month = int(period[:4]), int(period[5:7])
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def periods_before(periods, start):
    """The periods whose month ended before ``start`` (claims that arose before a bankruptcy procedure began;
    a later period is a current payment)."""
    return sorted(p for p in periods if period_end(p) < start)


def time_barred(tranches, on_date):
    """The periods of ``tranches`` (dicts with ``period`` and ``limitation_expiry`` — a date, or None while a filing
    stops the clock) whose limitation period has run out by ``on_date``."""
    return sorted(t["period"] for t in tranches if t["limitation_expiry"] and t["limitation_expiry"] < on_date)


def owners_verdict(owners, payer_id):
    """What the recorded owners of the premises say about one filing against the account's payer for the whole.

    ``owners``: [(partner_id, numerator, denominator)] in force over the claimed periods. Returns ``None`` (nothing
    recorded, or the payer owns all of it), ``'several'`` (two or more owners: one filing per owner by share),
    ``'partial'`` (one owner recorded with less than the whole: the other shares' owners are unknown) or
    ``'not_payer'`` (the premises belong to someone else than the payer).
    """
    if not owners:
        return None
    partners = {partner for partner, _n, _d in owners}
    if len(partners) > 1:
        return "several"
    share = sum((Fraction(n, d) for _p, n, d in owners), Fraction(0))
    if next(iter(partners)) != payer_id:
        return "not_payer"
    if share < 1:
        return "partial"
    return None


def share_text(numerator, denominator):
    return "%d/%d" % (numerator, denominator)
