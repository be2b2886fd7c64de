"""Selections shared by several models of the module."""

PAYER_KINDS = [
    ("individual", "Individual"),
    ("legal", "Legal entity"),
    ("sole_trader", "Sole trader"),
    ("budget", "Budget organisation"),
]
CONFIDENCE = [
    ("high", "High: several sources agree"),
    ("medium", "Medium: one secondary source"),
    ("unconfirmed", "Unconfirmed: a default to check"),
]
# The penalty bands' payer kinds: the payer kinds, and managing organisations, ТСЖ and ЖСК buying resources for the
# residents (legal entities with their own bands: 190-ФЗ ст.15 ч.9.3, 416-ФЗ ст.13 ч.6.3) — a legal-entity account
# marked «resource buyer» gets these.
PENALTY_KINDS = PAYER_KINDS + [("managing", "Managing organisation / ТСЖ buying resources")]

# Payer kinds that are organisations (the rest — individuals — are the population): the accounting entry books them
# per partner, the reports count them by payer kind, the write-off names them on its entry.
ORGANISATIONS = ("legal", "sole_trader", "budget")

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
# the same categories as a field's selection (source strings in English, translated in ru.po)
CATEGORY_SELECTION = [("owner", "Population — owners"), ("social", "Population — social tenancy"),
                      ("commercial", "Population — commercial tenancy"), ("legal", "Legal entities"),
                      ("sole_trader", "Sole traders"), ("budget", "Budget organisations")]
# the population's lines of the monthly close's entry, by tenure (non-residential premises apart there)
POPULATION_LABELS = dict(CATEGORIES[:3], nonresidential="Население — нежилые помещения")


def category_of(payer_kind, tenure):
    """The report's category of an account: organisations by payer kind, citizens by tenure (see CATEGORIES)."""
    if payer_kind in ORGANISATIONS:
        return payer_kind
    if tenure in ("social", "commercial"):
        return tenure
    return "owner"


def category_sql(payer_kind, tenure):
    """The same as ``category_of`` as an SQL expression over two column expressions."""
    return ("CASE WHEN {k} IN (%s) THEN {k} WHEN {t} IN ('social', 'commercial') THEN {t} ELSE 'owner' END"
            % ", ".join("'%s'" % kind for kind in ORGANISATIONS)).format(k=payer_kind, t=tenure)
