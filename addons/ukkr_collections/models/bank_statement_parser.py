"""Bank statements in the 1C «Клиент банка» exchange format (``1CClientBankExchange``, versions 1.02/1.03).

Pure functions, no database. ``parse_statement(content, filename, today)`` reads the text file the bank's client
program exports for 1C (windows-1251 as «Кодировка=Windows», cp866 as «Кодировка=DOS», or UTF-8), and returns the
incoming payments of the statement's own accounts (``РасчСчет`` of the header and of ``СекцияРасчСчет``) with
every fault as ``(line number, Russian message)``. Outgoing documents (our account is the payer's) are counted and
skipped. The totals of each ``СекцияРасчСчет`` (``ВсегоПоступило``, ``ВсегоСписано``) must equal the documents of
the file: a statement cut short is refused.

A payment's identity is ``1С:<payer's account or ИНН>:<document date>:<number>`` (a payer numbers his payment
orders within a year), so a statement loaded twice, or two statements that overlap, change nothing the second
time. The personal account is looked for in the purpose text (``account_candidates``) and the period the payer
named (``period_in_text``); the importer matches the candidates against the database.
"""
import re
from datetime import datetime

from .billing_parser import MAX_FILE_BYTES, BillingFileError, looks_like_formula, parse_decimal

HEADER = "1CClientBankExchange"
END_OF_FILE = "КонецФайла"
REQUIRED = ("Номер", "Дата", "Сумма")
MAX_TEXT = 2000
MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
          "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}


def decode_statement(content):
    """The text of a 1C exchange file: UTF-8 when it is valid UTF-8, otherwise the declared legacy encoding."""
    if content[:3] == b"\xef\xbb\xbf":
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if "Кодировка=DOS".encode("cp866") in content:
        return content.decode("cp866", errors="replace")
    return content.decode("cp1251", errors="replace")


def _date(text):
    day = datetime.strptime(text.strip(), "%d.%m.%Y").date()
    if day.year < 2000:
        raise ValueError(text)
    return day


# «л/с 123456», «ЛС: 123456», «лицевой счет № 123456», «лиц.сч. 123456»
_MARKED = re.compile(r"(?<!\w)(?:л\s*[./]\s*с(?:ч)?\.?|лс|лиц(?:евой|\.)?\s*сч(?:ет|ёт|\.)?|лицевому\s+сч[её]ту)"
                     r"\s*[:№#N]?\s*(\d[\d\-]{2,29}\d)", re.IGNORECASE)
_BARE = re.compile(r"(?<![\d.,/\-])(\d{5,20})(?![\d.,/\-]\d|\d)")
_NOT_ACCOUNT = re.compile(r"(инн|кпп|бик|огрн|снилс|р/с|к/с|сч\.?\s*№?)\s*:?\s*$", re.IGNORECASE)


def account_candidates(text):
    """Personal account numbers a payer may have written in the purpose: those after a marker («л/с», «лицевой
    счёт») if any, otherwise every bare run of 5–20 digits that is not an amount, a date or a tax number."""
    text = text or ""
    marked = [m.group(1).replace("-", "") for m in _MARKED.finditer(text)]
    if marked:
        return sorted(set(marked))
    found = []
    for match in _BARE.finditer(text):
        if _NOT_ACCOUNT.search(text[max(0, match.start() - 12):match.start()]):
            continue
        found.append(match.group(1))
    return sorted(set(found))


_PERIOD_NUM = re.compile(r"(?<![\d.])(0[1-9]|1[0-2])\s*[./]\s*(20\d\d)(?!\d)")
_PERIOD_WORD = re.compile(r"(январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|"
                          r"октябр\w*|ноябр\w*|декабр\w*)\s+(20\d\d)", re.IGNORECASE)


def period_in_text(text, today):
    """The one period («за 10.2026», «за октябрь 2026») a payer named, as YYYY-MM; None if none, several, or a
    month after ``today``'s."""
    found = set()
    for month, year in _PERIOD_NUM.findall(text or ""):
        found.add((int(year), int(month)))
    for word, year in _PERIOD_WORD.findall(text or ""):
        stem = word.lower()
        month = next((number for prefix, number in MONTHS.items() if stem.startswith(prefix)), None)
        if month:
            found.add((int(year), month))
    if len(found) != 1:
        return None
    year, month = found.pop()
    if (year, month) > (today.year, today.month):
        return None
    return "%04d-%02d" % (year, month)


def _purpose(fields):
    if fields.get("НазначениеПлатежа"):
        return fields["НазначениеПлатежа"]
    return " ".join(fields.get("НазначениеПлатежа%d" % i, "") for i in range(1, 7)).strip()


def parse_statement(content, filename, today):
    """``{'kind': 'bank_statement', 'rows': [incoming payments], 'errors': [(line, message)], 'accounts': [our
    accounts], 'outgoing': count}``; raises BillingFileError for a file that is not a whole 1C statement."""
    if not content:
        raise BillingFileError("Файл пуст.")
    if len(content) > MAX_FILE_BYTES:
        raise BillingFileError("Файл больше %d МБ." % (MAX_FILE_BYTES // (1024 * 1024)))
    if b"\x00" in content:
        raise BillingFileError("Файл содержит двоичные данные: это не выписка в формате 1С.")
    lines = decode_statement(content).splitlines()
    if not lines or lines[0].strip().lstrip("\ufeff") != HEADER:
        raise BillingFileError("Это не выписка в формате обмена 1С: первая строка должна быть «%s»." % HEADER)
    if END_OF_FILE not in (line.strip() for line in lines[-5:]):
        raise BillingFileError("В файле нет строки «%s»: выписка передана не полностью." % END_OF_FILE)
    errors, header, sections, documents = [], {}, [], []
    our_accounts = set()
    current, current_kind, current_line = None, None, 0
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.strip()
        if not line:
            continue
        if line == END_OF_FILE:
            if current is not None:
                errors.append((current_line, "раздел, начатый в строке %d, не закрыт" % current_line))
            current = None
            break
        if line in ("СекцияРасчСчет",) or line.startswith("СекцияДокумент="):
            if current is not None:
                errors.append((current_line, "раздел, начатый в строке %d, не закрыт строкой «%s»"
                               % (current_line, "КонецДокумента" if current_kind == "document" else "КонецРасчСчет")))
            current, current_line = {}, number
            if line == "СекцияРасчСчет":
                current_kind = "account"
            else:
                current_kind = "document"
                current["_type"] = line.split("=", 1)[1].strip()
            continue
        if line in ("КонецРасчСчет", "КонецДокумента"):
            expected = "account" if line == "КонецРасчСчет" else "document"
            if current is None or current_kind != expected:
                errors.append((number, "«%s» без начала раздела" % line))
            else:
                (sections if expected == "account" else documents).append((current_line, current))
            current = None
            continue
        if "=" not in line:
            errors.append((number, "строка «%s» не в формате «Ключ=Значение»" % line[:40]))
            continue
        key, value = line.split("=", 1)
        key, value = key.strip(), value.strip()
        if len(value) > MAX_TEXT:
            errors.append((number, "значение «%s» длиннее %d символов" % (key, MAX_TEXT)))
            continue
        target = header if current is None else current
        if key == "РасчСчет":
            our_accounts.add(value)
        if key in target and current is None and key in ("РасчСчет", "Документ"):
            continue  # the header may list several accounts and document kinds
        target[key] = value
    if current is not None:
        errors.append((current_line, "раздел, начатый в строке %d, не закрыт" % current_line))
    our_accounts.discard("")
    if not our_accounts:
        raise BillingFileError("В выписке не указан расчётный счёт организации (строка «РасчСчет=»).")

    rows, seen, outgoing = [], {}, 0
    totals = {}
    for line_no, doc in documents:
        before = len(errors)

        def fail(message, line_no=line_no):
            errors.append((line_no, message))

        for key in REQUIRED:
            if not doc.get(key):
                fail("в документе нет реквизита «%s»" % key)
        receiver, payer_account = doc.get("ПолучательСчет", ""), doc.get("ПлательщикСчет", "")
        if receiver in our_accounts and payer_account in our_accounts:
            direction = "internal"   # between the organisation's own accounts: no payment of a payer
        elif receiver in our_accounts:
            direction = "in"
        elif payer_account in our_accounts:
            direction = "out"
        else:
            fail("документ № %s не относится к счёту выписки (ни плательщик, ни получатель не %s)"
                 % (doc.get("Номер", "?"), ", ".join(sorted(our_accounts))))
            continue
        try:
            amount = parse_decimal(doc.get("Сумма", "")) if doc.get("Сумма") else None
            if amount is not None and amount <= 0:
                fail("сумма документа должна быть больше нуля, а не %s" % doc["Сумма"])
        except ValueError:
            amount = None
            fail("сумма документа — не число: «%s»" % doc.get("Сумма", "")[:30])
        dates = {}
        for key in ("Дата", "ДатаПоступило", "ДатаСписано"):
            if doc.get(key):
                try:
                    dates[key] = _date(doc[key])
                except ValueError:
                    fail("неверная дата «%s» в реквизите «%s»: нужна ДД.ММ.ГГГГ" % (doc[key][:20], key))
                    continue
                if dates[key] > today:
                    fail("дата %s в реквизите «%s» в будущем" % (doc[key], key))
        if len(errors) > before:
            continue
        if direction in ("in", "internal"):
            totals[(receiver, "in")] = totals.get((receiver, "in"), 0.0) + amount
        if direction in ("out", "internal"):
            totals[(payer_account, "out")] = totals.get((payer_account, "out"), 0.0) + amount
        if direction != "in":
            outgoing += 1
            continue
        payer = doc.get("Плательщик1") or doc.get("Плательщик", "")
        purpose = _purpose(doc)
        for label, text in (("Плательщик", payer), ("НазначениеПлатежа", purpose)):
            if looks_like_formula(text):
                fail("значение «%s» похоже на формулу — не принимается" % text[:30])
        if len(errors) > before:
            continue
        payer_id = payer_account or doc.get("ПлательщикИНН", "") or payer[:20]
        key = "1С:%s:%s:%s" % (payer_id, doc["Дата"], doc["Номер"])
        if key in seen:
            fail("документ повторяет документ строки %d" % seen[key])
            continue
        seen[key] = line_no
        rows.append({"row": line_no, "doc": key, "number": doc["Номер"], "kind": doc.get("_type", ""),
                     "date": dates.get("ДатаПоступило") or dates["Дата"], "amount": amount, "payer": payer[:300],
                     "payer_inn": doc.get("ПлательщикИНН", "")[:12], "payer_account": payer_account[:30],
                     "purpose": purpose, "period": period_in_text(purpose, today),
                     "candidates": account_candidates(purpose)})
    document_errors = bool(errors)   # a refused document is not in the sums: its own error says enough
    for line_no, section in sections:
        account = section.get("РасчСчет", "")
        for key, direction in (("ВсегоПоступило", "in"), ("ВсегоСписано", "out")):
            if not section.get(key):
                continue
            try:
                expected = parse_decimal(section[key])
            except ValueError:
                errors.append((line_no, "итог «%s» — не число: «%s»" % (key, section[key][:30])))
                continue
            found = round(totals.get((account, direction), 0.0), 2)
            if abs(found - expected) >= 0.005 and not document_errors:
                errors.append((line_no, "по счёту %s итог «%s» = %.2f, а документов в файле на %.2f: выписка "
                                        "неполная" % (account, key, expected, found)))
    if not documents and not errors:
        raise BillingFileError("В выписке нет ни одного документа.")
    return {"kind": "bank_statement", "rows": rows, "errors": sorted(errors), "accounts": sorted(our_accounts),
            "outgoing": outgoing}
