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
