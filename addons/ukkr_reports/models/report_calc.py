"""Pure helpers of the administration's reports: periods, debtor categories, percentages. No database."""
import calendar
import re
from datetime import date

from odoo.addons.ukkr_debt_plan.models.periods import MONTHS_NOMINATIVE

PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

# The administration's debtor categories (the rows of the «Задолженность» sheet), in the order of the report.
# An individual's non-residential premises (a garage, a shop owned by a citizen who is not a sole trader) counts as
# «Население — собственники»: the payer is a citizen and such premises are property, not a tenancy; the monthly
# close's accounting entry books them as population too (62.01 by category).
CATEGORIES = [
    ("owner", "Население — собственники"),
    ("social", "Население — социальный наём"),
    ("commercial", "Население — коммерческий наём"),
    ("legal", "Юридические лица"),
    ("sole_trader", "Индивидуальные предприниматели"),
    ("budget", "Бюджетные организации"),
]
CATEGORY_KEYS = [key for key, _label in CATEGORIES]
ORGANISATIONS = ("legal", "sole_trader", "budget")


def category_of(payer_kind, tenure):
    """The report's category of an account: organisations by payer kind, citizens by tenure (see CATEGORIES)."""
    if payer_kind in ORGANISATIONS:
        return payer_kind
    if tenure in ("social", "commercial"):
        return tenure
    return "owner"


def category_sql(payer_kind, tenure):
    """The same as ``category_of`` as an SQL expression over two column expressions."""
    return ("CASE WHEN {k} IN ('legal', 'sole_trader', 'budget') THEN {k} "
            "WHEN {t} IN ('social', 'commercial') THEN {t} ELSE 'owner' END").format(k=payer_kind, t=tenure)


def is_period(value):
    return bool(PERIOD_RE.match(value or ""))


def period_bounds(period):
    year, month = int(period[:4]), int(period[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(period, count):
    year, month = int(period[:4]), int(period[5:7])
    index = year * 12 + month - 1 + count
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def months_between(first, last):
    """Periods from ``first`` to ``last`` inclusive (empty when first > last)."""
    result = []
    current = first
    while current <= last:
        result.append(current)
        current = add_months(current, 1)
    return result


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
