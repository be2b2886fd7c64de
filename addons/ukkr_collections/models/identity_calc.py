"""Identifiers of a debtor (ГПК 124 ч.2 п.3) and their check digits, as pure functions.

``clean(code, text)`` returns the identifier written the one way the suite keeps it, or raises RuleInputError
(``identity_format`` — wrong length or characters, ``identity_check`` — the check digit does not match):
- СНИЛС (``SNILS``): 11 digits, kept as «112-233-445 95». Check number (ПФР): the first nine digits weighted 9…1;
  a sum under 100 is the check number, 100 and 101 give 00, above that the sum mod 101 (100 → 00). Numbers up to
  001-001-998 carry no check. 112-233-445: 9·1+8·1+7·2+6·2+5·3+4·3+3·4+2·4+1·5 = 95 → «112-233-445 95»;
- ИНН (``INN``): 10 digits (organisation) — the weights 2 4 10 3 5 9 4 6 8, sum mod 11 mod 10 is the 10th digit
  (7707083893: 267 mod 11 = 3); 12 digits (citizen, sole trader) — the 11th digit from the weights
  7 2 4 10 3 5 9 4 6 8, the 12th from 3 7 2 4 10 3 5 9 4 6 8 (500100732259);
- ОГРН (``OGRN``): 13 digits, the first 12 as a number mod 11 mod 10 is the 13th (1027700132195);
  ОГРНИП: 15 digits, the first 14 mod 13 mod 10 is the 15th (304500116000157);
- passport of a citizen of Russia (``PASSPORT_RF``): series of 4 digits and number of 6, kept as «0412 345678»;
- driving licence (``DRIVER_LICENSE``): 4 characters of the series (digits, or 2 digits and 2 Cyrillic letters of
  the older form) and a number of 6 digits, kept as «99 12 345678».
"""
import re

from .rule_errors import RuleInputError

CODES = ("SNILS", "INN", "PASSPORT_RF", "DRIVER_LICENSE", "OGRN")


def _digits(text):
    return re.sub(r"[\s\-]", "", str(text or ""))


def snils_check(first_nine):
    total = sum(int(d) * w for d, w in zip(first_nine, range(9, 0, -1)))
    if total < 100:
        return total
    if total in (100, 101):
        return 0
    rest = total % 101
    return 0 if rest == 100 else rest


def inn_valid(value):
    digits = [int(d) for d in value]

    def check(weights):
        return sum(d * w for d, w in zip(digits, weights)) % 11 % 10
    if len(digits) == 10:
        return check((2, 4, 10, 3, 5, 9, 4, 6, 8)) == digits[9]
    return check((7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == digits[10] and \
        check((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == digits[11]


def clean(code, text):
    """The identifier in its kept form; RuleInputError(identity_format | identity_check | unknown_kind)."""
    value = _digits(text)
    if code == "SNILS":
        if not re.match(r"^\d{11}$", value):
            raise RuleInputError("identity_format", kind=code, value=text)
        if value[:9] > "001001998" and snils_check(value[:9]) != int(value[9:]):
            raise RuleInputError("identity_check", kind=code, value=text)
        return "%s-%s-%s %s" % (value[:3], value[3:6], value[6:9], value[9:])
    if code == "INN":
        if not re.match(r"^(\d{10}|\d{12})$", value):
            raise RuleInputError("identity_format", kind=code, value=text)
        if not inn_valid(value):
            raise RuleInputError("identity_check", kind=code, value=text)
        return value
    if code == "OGRN":
        if not re.match(r"^(\d{13}|\d{15})$", value):
            raise RuleInputError("identity_format", kind=code, value=text)
        if int(value[:-1]) % (11 if len(value) == 13 else 13) % 10 != int(value[-1]):
            raise RuleInputError("identity_check", kind=code, value=text)
        return value
    if code == "PASSPORT_RF":
        if not re.match(r"^\d{10}$", value):
            raise RuleInputError("identity_format", kind=code, value=text)
        return "%s %s" % (value[:4], value[4:])
    if code == "DRIVER_LICENSE":
        value = value.upper()
        if not re.match(r"^(\d{4}|\d{2}[А-ЯЁ]{2})\d{6}$", value):
            raise RuleInputError("identity_format", kind=code, value=text)
        return "%s %s %s" % (value[:2], value[2:4], value[4:])
    raise RuleInputError("unknown_kind", kind=code)
