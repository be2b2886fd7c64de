"""Russian mobile numbers for SMS: one pure function, no Odoo.

``normalise_ru_phone(raw)`` returns ``(phone, problem)``: ``phone`` is ``+7XXXXXXXXXX`` when the input is a Russian
mobile number, else ``None`` and ``problem`` names what is wrong, for the caller's translated message:

- ``empty``      nothing written;
- ``letters``    characters other than digits, spaces, ``+ - ( ) .``;
- ``country``    an international number of another country (``+1 …``, ``+44 …``); only ``+7`` is Russian;
- ``length``     not 10 digits after the country code (``8 913 …``, ``7 913 …`` or ``913 …``);
- ``not_mobile`` a Russian number that is not a mobile one: SMS go only to the 9xx (DEF) codes.

Worked examples: ``8 (913) 123-45-67`` → ``+79131234567``; ``+7 913 123 45 67`` → ``+79131234567``;
``9131234567`` → ``+79131234567``; ``+1 202 555 0143`` → country; ``8 (39160) 2-10-00`` → not_mobile;
``12345`` → length; ``8913abc4567`` → letters.
"""
import re

_ALLOWED = re.compile(r"^\+?[0-9 ()\-.]+$")


def normalise_ru_phone(raw):
    text = (raw or "").strip()
    if not text:
        return None, "empty"
    if not _ALLOWED.match(text):
        return None, "letters"
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if not digits.startswith("7"):
            return None, "country"
        national = digits[1:]
    elif len(digits) == 11 and digits[0] in "78":
        national = digits[1:]
    else:
        national = digits
    if len(national) != 10:
        return None, "length"
    if national[0] != "9":
        return None, "not_mobile"
    return "+7" + national, None
