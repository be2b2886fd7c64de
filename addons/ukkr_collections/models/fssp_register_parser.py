"""The bailiffs' register of enforcement proceedings (measure 24) as a pure parser, in two layouts.

1. **The ФССП department's export** (the register of proceedings by creditor that an ОСП exports from its system;
   title rows above the header are skipped): «Рег. № ИП» (or «Номер ИП»), «Дата возбуждения», «Должник»,
   «Вид ИД», «Номер ИД» (or «Реквизиты ИД»), «Дата ИД», «Сумма долга» (or «Сумма по ИД»), «Остаток долга»,
   «Дата окончания», «Основание окончания» (or «Причина окончания»: статья, часть, пункт 229-ФЗ),
   «Судебный пристав-исполнитель», «Отдел» (or «ОСП»). Collected = sum − remaining; the state comes from the
   end: none → on enforcement; ст.47 ч.1 п.1 (фактическое исполнение) → paid; ст.46 ч.1 п.3, 4 or ст.47 ч.1 п.3
   (returned, nothing to recover) → returned; ст.46 ч.1 п.1, 2 (the creditor's application) or ст.43
   (terminated) → recalled; ст.47 ч.1 п.6, 8 (sent to the employer or pension payer) → on enforcement.
2. **The short layout** kept from before: Номер ИП, Номер ИД, Должник, Сумма, Взыскано, Состояние (на исполнении /
   возбуждено → in progress; окончено фактическим исполнением → closed; возвращено / ст.46 / невозможно взыскать →
   returned; прекращено / отозвано → recalled).

CSV (UTF-8 or windows-1251, «;» or «,») or XLSX. All or nothing: every row is checked and the errors are returned
with their row numbers (as a spreadsheet numbers them). Text that a spreadsheet would run as a formula is refused.
"""
import csv
import io
import re

from .billing_parser import (MAX_FILE_BYTES, BillingFileError, _norm, _read_xlsx, looks_like_formula,
                             parse_date, parse_decimal)
from .payment_register_parser import decode_text

SHORT = {"proceeding_number": ("номер ип", "№ ип", "ип"), "writ_number": ("номер ид", "№ ид", "ид"),
         "debtor": ("должник",), "amount": ("сумма", "сумма долга"), "collected": ("взыскано",),
         "state": ("состояние", "статус")}
EXPORT = {"proceeding_number": ("рег. № ип", "рег. номер ип", "регистрационный номер ип", "номер ип", "№ ип",
                                "рег. № ип (сводного)", "номер исполнительного производства"),
          "date_opened": ("дата возбуждения", "дата возбуждения ип"),
          "debtor": ("должник", "должник (фио/наименование)", "наименование должника", "фио должника"),
          "writ_kind": ("вид ид", "вид исполнительного документа"),
          "writ_number": ("номер ид", "№ ид", "реквизиты ид", "номер исполнительного документа"),
          "writ_date": ("дата ид", "дата исполнительного документа"),
          "amount": ("сумма долга", "сумма по ид", "сумма задолженности по ид", "сумма задолженности"),
          "remaining": ("остаток долга", "остаток задолженности", "остаток", "остаток основного долга"),
          "date_end": ("дата окончания", "дата окончания ип", "дата окончания (прекращения)",
                       "дата окончания (прекращения) ип"),
          "basis": ("основание окончания", "причина окончания", "основание окончания (прекращения)",
                    "причина окончания или прекращения ип (статья, часть, пункт основания)",
                    "статья, часть, пункт окончания"),
          "bailiff": ("судебный пристав-исполнитель", "спи", "пристав"),
          "department": ("отдел", "осп", "отдел судебных приставов")}
LABELS = {"proceeding_number": "Номер ИП", "writ_number": "Номер ИД", "debtor": "Должник", "amount": "Сумма",
          "collected": "Взыскано", "state": "Состояние", "date_opened": "Дата возбуждения", "writ_kind": "Вид ИД",
          "writ_date": "Дата ИД", "remaining": "Остаток долга", "date_end": "Дата окончания",
          "basis": "Основание окончания", "bailiff": "Судебный пристав-исполнитель", "department": "Отдел"}
REQUIRED = {"short": ("proceeding_number", "writ_number", "amount", "collected", "state"),
            "export": ("proceeding_number", "writ_number", "amount", "remaining")}
NUMBERS = ("amount", "collected", "remaining")
DATES = ("date_opened", "writ_date", "date_end")
MAX_ROWS = 100000
STATE_TEXT = {"in_progress": "на исполнении", "closed": "окончено фактическим исполнением",
              "returned": "возвращено (ст.46)", "recalled": "прекращено / отозвано"}


def map_state(text):
    """Our state for the short layout's wording, or None."""
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


_ARTICLE = re.compile(r"ст\.?\s*(\d+)\s*,?\s*ч\.?\s*(\d+)\s*,?\s*п\.?\s*(\d+)")
_ARTICLE_43 = re.compile(r"ст\.?\s*43\b")
# 229-ФЗ: (article, part, point) → our state
END_BASES = {(47, 1, 1): "closed", (46, 1, 3): "returned", (46, 1, 4): "returned", (47, 1, 3): "returned",
             (46, 1, 1): "recalled", (46, 1, 2): "recalled", (47, 1, 6): "in_progress",
             (47, 1, 8): "in_progress"}


def map_end_basis(text):
    """Our state for the export's end of a proceeding («ст. 46 ч. 1 п. 3», «ст.47 ч.1 п.1», «ст. 43 …», or the
    words), or None when it is not recognised."""
    value = _norm(text)
    if not value:
        return "in_progress"
    match = _ARTICLE.search(value)
    if match:
        return END_BASES.get(tuple(int(g) for g in match.groups()))
    if _ARTICLE_43.search(value):
        return "recalled"
    return map_state(value)


def _rows_of(content, filename):
    if (filename or "").lower().endswith(".xlsx") or content[:2] == b"PK":
        header, data = _read_xlsx(content)
        return [header] + data
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise BillingFileError("Файл в кодировке UTF-16: сохраните его как «CSV UTF-8» или XLSX.")
    if b"\x00" in content:
        raise BillingFileError("Файл содержит двоичные данные: сохраните реестр как CSV или XLSX.")
    text = decode_text(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise BillingFileError("Файл CSV не читается: незакрытая кавычка или слишком длинное значение.")


def _layout(rows):
    """(layout, header index, columns) — the export layout wins when both could be read."""
    lookups = {name: {_norm(alias): code for code, aliases in table.items() for alias in aliases}
               for name, table in (("export", EXPORT), ("short", SHORT))}
    best = None
    for index, row in enumerate(rows[:15]):
        for name in ("export", "short"):
            columns = [lookups[name].get(_norm(cell)) for cell in row]
            present = {c for c in columns if c}
            if name == "export" and "remaining" not in present:
                continue
            if set(REQUIRED[name]) <= present:
                return name, index, columns
            score = len(set(REQUIRED[name]) & present)
            if not best or score > best[0]:
                best = (score, name, present)
    if best and best[0]:
        missing = ["«%s»" % LABELS[c] for c in REQUIRED[best[1]] if c not in best[2]]
        raise BillingFileError("Это не реестр ФССП: не хватает столбцов %s." % ", ".join(missing))
    raise BillingFileError("Это не реестр ФССП: не хватает столбцов %s (или, в выгрузке отдела ФССП, %s)." % (
        ", ".join("«%s»" % LABELS[c] for c in REQUIRED["short"]),
        ", ".join("«%s»" % LABELS[c] for c in REQUIRED["export"])))


def parse_register(content, filename):
    """``(rows, errors)``: rows are dicts (row, proceeding_number, writ_number, debtor, amount, collected, state,
    state_text, department, layout); errors (row, Russian message). Raises BillingFileError for a file-level
    fault."""
    if not content:
        raise BillingFileError("Файл пуст.")
    if len(content) > MAX_FILE_BYTES:
        raise BillingFileError("Файл больше %d МБ." % (MAX_FILE_BYTES // (1024 * 1024)))
    table = _rows_of(content, filename)
    layout, header_index, columns = _layout(table)
    duplicated = sorted({LABELS[c] for c in columns if c and columns.count(c) > 1})
    if duplicated:
        raise BillingFileError("Столбцы повторяются: %s." % ", ".join(duplicated))
    header, data = table[header_index], table[header_index + 1:]
    if len(data) > MAX_ROWS:
        raise BillingFileError("В реестре больше %d строк." % MAX_ROWS)
    rows, errors, seen = [], [], {}
    for offset, raw in enumerate(data):
        row_no = header_index + offset + 2
        if not any((cell or "").strip() for cell in raw if cell is not None):
            continue
        values = {c: ((raw[i] or "").strip() if i < len(raw) and raw[i] is not None else "")
                  for i, c in enumerate(columns) if c}
        before = len(errors)
        extra = [cell for cell in raw[len(header):] if cell is not None and str(cell).strip()]
        if extra:
            errors.append((row_no, "в строке больше значений, чем столбцов в заголовке"))
        for field in REQUIRED[layout]:
            if not values.get(field):
                errors.append((row_no, "не заполнен столбец «%s»" % LABELS[field]))
        for field, text in values.items():
            if "\n" in text or "\r" in text:
                if field not in ("debtor", "basis", "department", "bailiff"):
                    errors.append((row_no, "значение в столбце «%s» содержит перевод строки" % LABELS[field]))
                values[field] = text = " ".join(text.split())
            if len(text) > 300:
                errors.append((row_no, "«%s» длиннее 300 символов" % LABELS[field]))
            elif field not in NUMBERS and looks_like_formula(text):
                errors.append((row_no, "значение «%s» похоже на формулу — не принимается" % text[:30].strip()))
        numbers = {}
        for field in NUMBERS:
            if values.get(field):
                try:
                    numbers[field] = parse_decimal(values[field])
                except ValueError:
                    errors.append((row_no, "«%s»: «%s» — не число" % (LABELS[field], values[field][:30])))
                    continue
                if numbers[field] < 0:
                    errors.append((row_no, "«%s» не может быть отрицательной" % LABELS[field]))
        for field in DATES:
            if values.get(field):
                try:
                    parse_date(values[field])
                except ValueError:
                    errors.append((row_no, "«%s»: неверная дата «%s», нужна ДД.ММ.ГГГГ"
                                   % (LABELS[field], values[field][:20])))
        if layout == "export":
            if "amount" in numbers and "remaining" in numbers:
                if numbers["remaining"] > numbers["amount"]:
                    errors.append((row_no, "остаток долга больше суммы долга"))
                numbers["collected"] = round(numbers["amount"] - numbers["remaining"], 2)
            state = map_end_basis(values.get("basis"))
            if values.get("date_end") and not values.get("basis"):
                errors.append((row_no, "указана дата окончания, но нет основания окончания"))
            elif not state:
                errors.append((row_no, "неизвестное основание окончания «%s»: ожидается статья, часть и пункт "
                                       "229-ФЗ (например, «ст. 46 ч. 1 п. 3»)" % values["basis"][:60]))
            state_text = values.get("basis") or STATE_TEXT["in_progress"]
        else:
            if "amount" in numbers and "collected" in numbers and numbers["collected"] > numbers["amount"]:
                errors.append((row_no, "взыскано больше суммы долга"))
            state = map_state(values.get("state"))
            if values.get("state") and not state:
                errors.append((row_no, "неизвестное состояние «%s»" % values["state"][:40]))
            state_text = values.get("state", "")
        number = values.get("proceeding_number")
        if number and number in seen:
            errors.append((row_no, "номер ИП %s уже был в строке %d" % (number, seen[number])))
        elif number:
            seen[number] = row_no
        if len(errors) == before:
            rows.append({"row": row_no, "proceeding_number": number, "writ_number": values["writ_number"],
                         "debtor": values.get("debtor", ""), "amount": numbers["amount"],
                         "collected": numbers["collected"], "state": state, "state_text": state_text,
                         "department": values.get("department", ""), "layout": layout})
    if not rows and not errors:
        raise BillingFileError("В реестре нет ни одной строки с данными.")
    return rows, errors
