"""A bank's payment register («реестр платежей»): the text file a bank sends for the payments it accepted for us.

Pure functions, no database. One line per payment, fields separated by «;», UTF-8 (with or without BOM) or
windows-1251::

    #<номер реестра>;<дата реестра ДД.ММ.ГГГГ>;<число платежей>;<общая сумма>      header, optional
    <лицевой счёт>;<плательщик>;<период>;<сумма>;<дата платежа>[;<номер операции>]    one line per payment
    =<число платежей>;<общая сумма>[;…]                                              footer, required

Period: ММ.ГГГГ, ММГГГГ, ГГГГ-ММ or empty (then the payment goes to the oldest debt); sum with «,» or «.»;
date ДД.ММ.ГГГГ. Other lines starting with «#» are comments. The count and sum of the header (if present) and of
the footer must equal the payment lines: a register cut short or edited by hand is refused.

A payment's identity is ``РП:<дата>:<номер операции>`` when the bank numbers its operations, otherwise
``РП:<дата>:<счёт>:<сумма>:<период>:<n>`` (n counts identical payments within the file), so a register loaded
twice changes nothing the second time.
"""
import re

from .billing_parser import (MAX_FILE_BYTES, MAX_LENGTH, BillingFileError, looks_like_formula, parse_date,
                             parse_decimal)

FIELDS = ("account", "payer", "period", "amount", "date", "operation")
LABELS = {"account": "лицевой счёт", "payer": "плательщик", "period": "период", "amount": "сумма",
          "date": "дата платежа", "operation": "номер операции"}
_PERIODS = (re.compile(r"^(0[1-9]|1[0-2])\.(\d{4})$"), re.compile(r"^(0[1-9]|1[0-2])(\d{4})$"),
            re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"))


def decode_text(content):
    """UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise windows-1251."""
    if content[:3] == b"\xef\xbb\xbf":
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1251", errors="replace")


def parse_register_period(text, today):
    """YYYY-MM of ММ.ГГГГ, ММГГГГ or ГГГГ-ММ, not after ``today``'s month; ValueError otherwise."""
    value = text.strip()
    for number, pattern in enumerate(_PERIODS):
        match = pattern.match(value)
        if match:
            month, year = (match.group(2), match.group(1)) if number == 2 else (match.group(1), match.group(2))
            year, month = int(year), int(month)
            if year < 2000 or (year, month) > (today.year, today.month):
                raise ValueError(text)
            return "%04d-%02d" % (year, month)
    raise ValueError(text)


def _totals(line, first_index):
    """(count, sum) of a header or footer line's fields from ``first_index``."""
    parts = [part.strip() for part in line.split(";")]
    if len(parts) < first_index + 2:
        raise ValueError(line)
    count = parts[first_index]
    if not count.isdigit():
        raise ValueError(line)
    return int(count), parse_decimal(parts[first_index + 1])


def parse_payment_register(content, filename, today):
    """``{'kind': 'payment_register', 'rows': [payments], 'errors': [(line, message)], 'register': number or
    ''}``; raises BillingFileError for a file that is not a whole register."""
    if not content:
        raise BillingFileError("Файл пуст.")
    if len(content) > MAX_FILE_BYTES:
        raise BillingFileError("Файл больше %d МБ." % (MAX_FILE_BYTES // (1024 * 1024)))
    if b"\x00" in content:
        raise BillingFileError("Файл содержит двоичные данные: это не текстовый реестр платежей.")
    lines = [(number, line.strip()) for number, line in enumerate(decode_text(content).splitlines(), start=1)
             if line.strip()]
    if not lines:
        raise BillingFileError("Файл пуст.")
    footer_no, footer = lines[-1]
    if not footer.startswith("="):
        raise BillingFileError("Нет итоговой строки «=<число платежей>;<сумма>» в конце реестра: реестр передан "
                               "не полностью.")
    errors, rows, seen, register = [], [], {}, ""
    header = None
    body = lines[:-1]
    if body and body[0][1].startswith("#"):
        number, text = body[0]
        parts = [part.strip() for part in text[1:].split(";")]
        if len(parts) >= 4:
            register = parts[0]
            try:
                header = (number,) + _totals(text[1:], 2)
            except ValueError:
                errors.append((number, "заголовок реестра: число платежей и сумма — не числа: «%s»" % text[:60]))
    occurrences = {}
    total, count = 0.0, 0
    for number, text in body:
        if text.startswith("#"):
            continue
        if text.startswith("="):
            errors.append((number, "итоговая строка «=» не в конце реестра"))
            continue
        count += 1
        parts = [part.strip() for part in text.split(";")]
        before = len(errors)

        def fail(message, number=number):
            errors.append((number, message))

        if len(parts) not in (5, 6):
            fail("в строке %d полей, а нужно 5 или 6: лицевой счёт; плательщик; период; сумма; дата "
                 "[; номер операции]" % len(parts))
            continue
        values = dict(zip(FIELDS, parts))
        for field in ("account", "amount", "date"):
            if not values.get(field):
                fail("не заполнено поле «%s»" % LABELS[field])
        for field, value in values.items():
            if field in MAX_LENGTH and len(value) > MAX_LENGTH[field]:
                fail("«%s» длиннее %d символов" % (LABELS[field], MAX_LENGTH[field]))
            elif field in ("payer", "account", "operation") and looks_like_formula(value):
                fail("значение «%s» похоже на формулу — не принимается" % value[:30])
        if len(values.get("operation", "")) > MAX_LENGTH["doc"] - 20:
            fail("номер операции длиннее %d символов" % (MAX_LENGTH["doc"] - 20))
        amount = period = day = None
        if values.get("amount"):
            try:
                amount = parse_decimal(values["amount"])
                if amount <= 0:
                    fail("сумма платежа должна быть больше нуля, а не %s" % values["amount"])
            except ValueError:
                fail("сумма платежа — не число: «%s»" % values["amount"][:30])
        if values.get("period"):
            try:
                period = parse_register_period(values["period"], today)
            except ValueError:
                fail("неверный период «%s»: нужен ММ.ГГГГ, ММГГГГ или ГГГГ-ММ, не позже текущего месяца"
                     % values["period"][:20])
        if values.get("date"):
            try:
                day = parse_date(values["date"])
                if day > today:
                    fail("дата платежа %s в будущем" % values["date"])
            except ValueError:
                fail("неверная дата платежа «%s»: нужна ДД.ММ.ГГГГ" % values["date"][:20])
        if amount is not None and amount > 0:
            total += amount   # the totals are checked against every line that carries a sum
        if len(errors) > before:
            continue
        if values.get("operation"):
            key = "РП:%s:%s" % (day.isoformat(), values["operation"])
            if key in seen:
                fail("номер операции %s уже был в строке %d" % (values["operation"], seen[key]))
                continue
        else:
            base = "РП:%s:%s:%.2f:%s" % (day.isoformat(), values["account"], amount, period or "")
            occurrences[base] = occurrences.get(base, 0) + 1
            key = "%s:%d" % (base, occurrences[base])
        seen[key] = number
        rows.append({"row": number, "account": values["account"], "payer": values["payer"][:300],
                     "period": period, "amount": amount, "date": day, "doc": key[:64],
                     "operation": values.get("operation", "")})
    total = round(total, 2)
    checks = [("итоговой строке", footer_no, footer[1:], 0)]
    if header:
        checks.append(("заголовке", header[0], None, None))
    for place, number, text, index in checks:
        if text is not None:
            try:
                expected_count, expected_sum = _totals(text, index)
            except ValueError:
                errors.append((number, "в итоговой строке нужны число платежей и сумма: «=%s»" % text[:60]))
                continue
        else:
            expected_count, expected_sum = header[1], header[2]
        if expected_count != count:
            errors.append((number, "в %s реестра %d платежей, а строк платежей %d" % (place, expected_count, count)))
        if abs(expected_sum - total) >= 0.005:
            errors.append((number, "в %s реестра сумма %.2f, а сумма строк %.2f" % (place, expected_sum, total)))
    if not rows and not errors:
        raise BillingFileError("В реестре нет ни одного платежа.")
    return {"kind": "payment_register", "rows": rows, "errors": sorted(errors), "register": register}
