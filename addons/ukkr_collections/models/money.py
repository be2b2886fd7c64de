"""Amounts the Russian way, the one formatter of the suite: «12 345,67». Pure, no database."""

NBSP = "\u00a0"


def rub(amount, separator=NBSP):
    """Rubles the Russian way: 12 345,67 (thousands apart by a no-break space, or by ``separator``)."""
    return "{:,.2f}".format(amount or 0.0).replace(",", separator).replace(".", ",")
