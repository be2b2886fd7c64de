"""Next best action: transparent segment rates and the expected net recovery — pure functions, no database.

A debtor's segment is (payer kind, tenure, debt age band, debt size band); the age is the overdue debt in months of
the account's average monthly charge. Two tables, both learned from the suite's own history:

- the segment rates: at month-ends with overdue debt (whatever was done), in how many cases n the debtor paid
  anything within 90 days (k), and which part of the debt the payers paid on average. Shrunk towards the rate of
  all debtors with ``PRIOR`` pseudo-cases: p = (k + PRIOR·p_all) / (n + PRIOR), likewise the part paid.
- the action lifts: after an action of a kind, how much more (or less) often did debtors pay than their segments'
  rates predict: lift = (payers + PRIOR) / (expected payers + PRIOR), expected = Σ the segment rate of each case;
  likewise for the part paid. No history: lift 1 (the action is assumed to change nothing).

For a case and an action: p = segment rate × lift (at most 0.99), part = segment part × lift (at most 1), and the
expected net recovery = p × part × debt − cost.
"""
from collections import namedtuple

PRIOR = 10.0
MAX_P = 0.99
BASE = "none"
ALL = (None, None, None, None)
AGE_BANDS = ((2.0, "0_2"), (6.0, "2_6"), (12.0, "6_12"), (None, "12_plus"))      # months of charges overdue
SIZE_BANDS = ((5000.0, "lt5"), (20000.0, "5_20"), (50000.0, "20_50"), (None, "50_plus"))   # RUB overdue

Cell = namedtuple("Cell", "n k share_sum")       # cases, cases that paid, sum of the parts paid by the payers
Rate = namedtuple("Rate", "p share n k lift_p lift_share base_n")


def band(value, bands):
    for limit, code in bands:
        if limit is None or value < limit:
            return code
    return bands[-1][1]


def segment(payer_kind, tenure, overdue, monthly_charge):
    """(payer_kind, tenure, age band, size band) of a debt."""
    months = overdue / monthly_charge if monthly_charge and monthly_charge > 0 else 99.0
    return (payer_kind, tenure, band(months, AGE_BANDS), band(overdue, SIZE_BANDS))


def aggregate(observations):
    """{(action, segment): Cell} and {(action, ALL): Cell} of ``observations``: (action, segment, debt, paid)."""
    cells = {}
    for action, seg, debt, paid in observations:
        share = min(paid / debt, 1.0) if debt > 0 and paid > 0 else 0.0
        for key in (seg, ALL):
            n, k, total = cells.get((action, key), (0, 0, 0.0))
            cells[(action, key)] = Cell(n + 1, k + (1 if paid > 0 else 0), total + share)
    return cells


def base_rate(cells, seg, prior=PRIOR):
    """(p, part paid, n) of a segment at month-ends, shrunk towards all debtors."""
    every = cells.get((BASE, ALL), Cell(0, 0, 0.0))
    p_all = every.k / every.n if every.n else 0.0
    share_all = every.share_sum / every.k if every.k else 0.0
    own = cells.get((BASE, seg), Cell(0, 0, 0.0))
    return ((own.k + prior * p_all) / (own.n + prior), (own.share_sum + prior * share_all) / (own.k + prior), own.n)


def lifts(cells, action, prior=PRIOR):
    """(lift of the probability, lift of the part paid, cases, payers) of an action over its cases' segments."""
    if action == BASE:
        return 1.0, 1.0, 0, 0
    expected_payers = expected_share = 0.0
    for (name, seg), cell in cells.items():
        if name != action or seg == ALL:
            continue
        p, share, _n = base_rate(cells, seg, prior)
        expected_payers += cell.n * p
        expected_share += cell.k * share
    own = cells.get((action, ALL), Cell(0, 0, 0.0))
    return ((own.k + prior) / (expected_payers + prior), (own.share_sum + prior) / (expected_share + prior),
            own.n, own.k)


def all_lifts(cells, prior=PRIOR):
    """{action: lifts(...)} for every action of the history."""
    return {action: lifts(cells, action, prior) for action, seg in cells if seg == ALL}


def rate(cells, action, seg, prior=PRIOR, lifts_of=None):
    """The Rate of ``action`` for a debtor of segment ``seg`` (``lifts_of``: all_lifts(cells), computed once)."""
    p, share, base_n = base_rate(cells, seg, prior)
    if lifts_of is not None:
        lift_p, lift_share, n, k = lifts_of.get(action, (1.0, 1.0, 0, 0))
    else:
        lift_p, lift_share, n, k = lifts(cells, action, prior)
    return Rate(round(min(p * lift_p, MAX_P), 4), round(min(share * lift_share, 1.0), 4), n, k,
                round(lift_p, 4), round(lift_share, 4), base_n)


def expected_net(rate_, debt, cost):
    """p × part paid × debt − cost, in roubles."""
    return round(rate_.p * rate_.share * debt - cost, 2)


def top_k_recovered(items, key, k):
    """Sum of ``recovered`` of the ``k`` items ranked first by ``key`` (descending); ties broken by id."""
    ranked = sorted(items, key=lambda item: (-key(item), item["id"]))
    return round(sum(item["recovered"] for item in ranked[:k]), 2)
