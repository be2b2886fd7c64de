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
