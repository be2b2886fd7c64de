"""The ledger's vocabulary, written once: what a ledger line charges and owes (in SQL and in Python), and the last
closed month. Every query over ``ukkr_ledger_line`` takes its expressions from here.

- charged = accrued + correction − written_off: what the line asks of the payer (corrections, e.g. the costs of a
  service limitation, are charges like any other; a write-off takes its share away);
- owed = charged − paid: what is still unpaid after the payments the allocation gave the line.
"""

LAST_CLOSED_SQL = "SELECT max(period) FROM ukkr_monthly_close WHERE state = 'closed'"


def _columns(alias):
    prefix = alias + "." if alias else ""
    return {name: prefix + name for name in ("accrued", "correction", "written_off", "paid")}


def charged(alias=None):
    """SQL: what a ledger line charges, over the columns of ``alias`` (a table alias, or none)."""
    return "{accrued} + {correction} - {written_off}".format(**_columns(alias))


def owed(alias=None):
    """SQL: what a ledger line still owes after its payments."""
    return charged(alias) + " - {paid}".format(**_columns(alias))


def owed_amount(accrued, correction, written_off, paid=0.0):
    """Python: the same as ``owed`` (``charged`` with paid 0) for one line's figures."""
    return accrued + correction - written_off - paid


def last_closed_period(cr, before=None):
    """The last closed month 'YYYY-MM' (the last before ``before`` when given), None when none is closed."""
    if before:
        cr.execute(LAST_CLOSED_SQL + " AND period < %s", (before,))
    else:
        cr.execute(LAST_CLOSED_SQL)
    return cr.fetchone()[0]
