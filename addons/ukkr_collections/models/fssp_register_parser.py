"""The bailiffs' register of enforcement proceedings (measure 24) as a pure parser.

Columns (Russian headers, any order, case and «ё» ignored): Номер ИП, Номер ИД, Должник, Сумма, Взыскано,
Состояние. CSV (UTF-8, «;» or «,») or XLSX, read by the billing parser's ``read_table`` (the same file checks). All or
nothing: every row is checked and the errors are returned with their row numbers. Text that a spreadsheet would run
as a formula is refused. The state is mapped to ours: на исполнении / возбуждено → in_progress; окончено фактическим
исполнением → closed; возвращено / ст.46 / невозможно взыскать → returned; прекращено / отозвано → recalled.
"""
from .billing_parser import BillingFileError, _norm, looks_like_formula, parse_decimal, read_table

HEADERS = {"proceeding_number": ("номер ип", "№ ип", "ип"), "writ_number": ("номер ид", "№ ид", "ид"),
           "debtor": ("должник",), "amount": ("сумма", "сумма долга"), "collected": ("взыскано",),
           "state": ("состояние", "статус")}
LABELS = {"proceeding_number": "Номер ИП", "writ_number": "Номер ИД", "debtor": "Должник", "amount": "Сумма",
          "collected": "Взыскано", "state": "Состояние"}
REQUIRED = ("proceeding_number", "writ_number", "amount", "collected", "state")
MAX_ROWS = 100000


def map_state(text):
    """Our state for the register's wording, or None."""
    value = _norm(text)
    if not value:
        return None
    if "46" in value or "возвращ" in value or "невозможн" in value:
        return "returned"
    if "фактическ" in value or value in ("окончено", "исполнено"):
        return "closed"
    if "прекращ" in value or "отозван" in value:
        return "recalled"
    if "на исполнении" in value or "возбужд" in value or "в работе" in value:
        return "in_progress"
    return None


def parse_register(content, filename):
    """``(rows, errors)``: rows are dicts (row, proceeding_number, writ_number, debtor, amount, collected,
    state, state_text); errors (row, Russian message). Raises BillingFileError for a file-level fault."""
    header, data = read_table(content, filename)
    lookup = {_norm(alias): code for code, aliases in HEADERS.items() for alias in aliases}
    columns = [lookup.get(_norm(name)) for name in header]
    duplicated = sorted({LABELS[c] for c in columns if c and columns.count(c) > 1})
    if duplicated:
        raise BillingFileError("Столбцы повторяются: %s." % ", ".join(duplicated))
    missing = ["«%s»" % LABELS[c] for c in REQUIRED if c not in columns]
    if missing:
        raise BillingFileError("Это не реестр ФССП: не хватает столбцов %s." % ", ".join(missing))
    if len(data) > MAX_ROWS:
        raise BillingFileError("В реестре больше %d строк." % MAX_ROWS)
    rows, errors, seen = [], [], {}
    for offset, raw in enumerate(data):
        row_no = offset + 2
        if not any((cell or "").strip() for cell in raw if cell is not None):
            continue
        values = {c: ((raw[i] or "").strip() if i < len(raw) and raw[i] is not None else "")
                  for i, c in enumerate(columns) if c}
        before = len(errors)
        extra = [cell for cell in raw[len(header):] if cell is not None and str(cell).strip()]
        if extra:
            errors.append((row_no, "в строке больше значений, чем столбцов в заголовке"))
        for field in REQUIRED:
            if not values.get(field):
                errors.append((row_no, "не заполнен столбец «%s»" % LABELS[field]))
        for field, text in values.items():
            if "\n" in text or "\r" in text:
                errors.append((row_no, "значение в столбце «%s» содержит перевод строки" % LABELS[field]))
            elif len(text) > 200:
                errors.append((row_no, "«%s» длиннее 200 символов" % LABELS[field]))
            elif field not in ("amount", "collected") and looks_like_formula(text):
                errors.append((row_no, "значение «%s» похоже на формулу — не принимается" % text[:30].strip()))
        numbers = {}
        for field in ("amount", "collected"):
            if values.get(field):
                try:
                    numbers[field] = parse_decimal(values[field])
                except ValueError:
                    errors.append((row_no, "«%s»: «%s» — не число" % (LABELS[field], values[field][:30])))
                    continue
                if numbers[field] < 0:
                    errors.append((row_no, "«%s» не может быть отрицательной" % LABELS[field]))
        if "amount" in numbers and "collected" in numbers and numbers["collected"] > numbers["amount"]:
            errors.append((row_no, "взыскано больше суммы долга"))
        state = map_state(values.get("state"))
        if values.get("state") and not state:
            errors.append((row_no, "неизвестное состояние «%s»" % values["state"][:40]))
        number = values.get("proceeding_number")
        if number and number in seen:
            errors.append((row_no, "номер ИП %s уже был в строке %d" % (number, seen[number])))
        elif number:
            seen[number] = row_no
        if len(errors) == before:
            rows.append({"row": row_no, "proceeding_number": number, "writ_number": values["writ_number"],
                         "debtor": values.get("debtor", ""), "amount": numbers["amount"],
                         "collected": numbers["collected"], "state": state, "state_text": values["state"]})
    if not rows and not errors:
        raise BillingFileError("В реестре нет ни одной строки с данными.")
    return rows, errors
