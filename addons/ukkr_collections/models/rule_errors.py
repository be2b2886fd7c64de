"""The one exception the pure rule modules raise: a code and its values, turned into a translated message by the
``ukkr.rules`` API (pure modules have no environment to translate with)."""


class RuleInputError(ValueError):
    """Bad input for a legal calculation: ``code`` names the problem, ``values`` fill its message."""

    def __init__(self, code, **values):
        super().__init__(code, values)
        self.code = code
        self.values = values
