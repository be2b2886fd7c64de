"""Pure helpers of the administration's reports: periods, debtor categories, percentages. No database."""
import re

from odoo.addons.ukkr_collections.models.period_calc import (  # noqa: F401 (the reports' vocabulary, one source)
    PERIOD_RE, add_months, is_period, months_between, period_bounds)
from odoo.addons.ukkr_collections.models.selections import (  # noqa: F401
    CATEGORIES, CATEGORY_KEYS, ORGANISATIONS, category_of, category_sql)
from odoo.addons.ukkr_debt_plan.models.periods import MONTHS_NOMINATIVE


def year_months(period):
    """January of the period's year up to the period: the months a year-to-date figure covers."""
    return months_between(period[:4] + "-01", period)


def period_label(period):
    """«октябрь 2026 г.»"""
    return "%s %s г." % (MONTHS_NOMINATIVE[int(period[5:7]) - 1], period[:4])


def months_label(periods):
    """«январь–апрель 2026 г.» for a run of months of one year, «май 2026 г.» for one."""
    if not periods:
        return ""
    if len(periods) == 1:
        return period_label(periods[0])
    return "%s–%s" % (MONTHS_NOMINATIVE[int(periods[0][5:7]) - 1], period_label(periods[-1]))


def change_percent(start, end):
    """Change from ``start`` to ``end`` in percent, two decimals; None when there was nothing at the start."""
    if abs(start) < 0.005:
        return None
    return round((end - start) / start * 100.0, 2)


def apartment_label(apartment, account_number):
    """What an entrance notice shows for a debtor: the apartment («кв. 12», «пом. 3») or, for premises without a
    number, the account number — never a name (152-ФЗ)."""
    apartment = (apartment or "").strip()
    if not apartment:
        return "л/с %s" % account_number
    if apartment[0].isdigit():
        return "кв. %s" % apartment
    return apartment


def natural_key(text):
    """Sort «кв. 2» before «кв. 10»."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or "")]
