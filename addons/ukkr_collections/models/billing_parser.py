"""Reading the billing system's monthly files: CSV (UTF-8, `;` or `,`, optional BOM) or XLSX (first sheet).

Pure functions, no database: ``parse_billing_file(content, filename, today)`` recognises the file kind by its
headers (Russian or English names), converts every row and collects every error as ``(row number, message)``.
Row numbers are those a user sees in a spreadsheet (the header is row 1). Checks that need the database (unknown
accounts, documents already imported) are done by the importer model.
"""
import csv
import io
import math
import re
from datetime import date, datetime

from .identity_calc import clean as clean_identifier
from .rule_errors import RuleInputError

# canonical column → accepted header names (compared case-insensitively, ё = е, spaces collapsed)
HEADERS = {
    "account": ["account", "лицевой счет", "лицевой счёт", "л/с", "лс", "номер лс"],
    "settlement": ["settlement", "населенный пункт", "населённый пункт", "поселок", "посёлок"],
    "street": ["street", "улица"],
    "house": ["house", "дом"],
    "apartment": ["apartment", "квартира", "кв", "помещение"],
    "payer": ["payer", "плательщик", "фио", "наименование плательщика"],
    "payer_type": ["payer_type", "тип плательщика", "категория плательщика"],
    "tenure": ["tenure", "основание проживания", "основание"],
    "municipal": ["municipal", "муниципальное жилье", "муниципальное жильё"],
    "residents": ["residents", "проживает", "проживающих"],
    "area": ["area", "площадь"],
    "phone": ["phone", "телефон"],
    "email": ["email", "e-mail", "эл. почта", "электронная почта"],
    "period": ["period", "период"],
    "service": ["service", "услуга"],
    "accrued": ["accrued", "начислено"],
    "correction": ["correction", "корректировка", "перерасчет", "перерасчёт"],
    "norm_charge": ["norm_charge", "начисление по нормативу", "по нормативу", "норматив"],
    "date": ["date", "дата", "дата оплаты"],
    "amount": ["amount", "сумма", "оплачено"],
    "doc": ["doc", "документ", "номер документа", "платежный документ", "платёжный документ"],
    "channel": ["channel", "канал", "способ оплаты"],
    # the debtor's identification (ГПК 124 ч.2 п.3): optional; an absent column leaves the payer's field as it is
    "birthdate": ["birthdate", "дата рождения"],
    "birth_place": ["birth_place", "место рождения"],
    "snils": ["snils", "снилс"],
    "inn": ["inn", "инн"],
    "passport": ["passport", "паспорт", "паспорт (серия и номер)"],
    "driver_license": ["driver_license", "водительское удостоверение", "ву"],
    "ogrn": ["ogrn", "огрн", "огрнип", "огрн/огрнип", "огрн / огрнип"],
}
# identification columns → the identity_calc code that checks them (birth date and place have no check digits)
IDENTITY_COLUMNS = {"snils": "SNILS", "inn": "INN", "passport": "PASSPORT_RF", "driver_license": "DRIVER_LICENSE",
                    "ogrn": "OGRN", "birthdate": None, "birth_place": None}
KINDS = {
    "accounts": {"required": ["account", "settlement", "street", "house", "apartment", "payer", "payer_type",
                              "tenure"],
                 "optional": ["municipal", "residents", "area", "phone", "email"] + list(IDENTITY_COLUMNS)},
    "accruals": {"required": ["account", "period", "service", "accrued"], "optional": ["norm_charge", "correction"]},
    "payments": {"required": ["account", "date", "amount", "doc"], "optional": ["period", "channel"]},
}
SERVICES = {
    "heating": ["heating", "отопление"],
    "cold_water": ["cold_water", "хвс", "холодное водоснабжение"],
    "hot_water": ["hot_water", "гвс", "горячее водоснабжение"],
    "sewage": ["sewage", "водоотведение", "канализация"],
    "electricity": ["electricity", "электроэнергия", "электроснабжение"],
    "waste": ["waste", "тко", "вывоз тко", "обращение с тко"],
}
PAYER_TYPES = {
    "individual": ["individual", "физическое лицо", "физлицо", "физ. лицо", "население"],
    "legal": ["legal", "юридическое лицо", "юрлицо", "юр. лицо"],
    "sole_trader": ["sole_trader", "ип", "индивидуальный предприниматель"],
    "budget": ["budget", "бюджетная организация", "бюджет", "бюджетное учреждение"],
}
TENURES = {
    "owner": ["owner", "собственник", "собственность"],
    "social": ["social", "социальный наем", "социальный найм", "соц. наем"],
    "commercial": ["commercial", "коммерческий наем", "коммерческий найм"],
    "nonresidential": ["nonresidential", "нежилое", "нежилое помещение"],
}
LABELS = {"account": "Лицевой счет", "settlement": "Населенный пункт", "street": "Улица", "house": "Дом",
          "apartment": "Квартира", "payer": "Плательщик", "payer_type": "Тип плательщика",
          "tenure": "Основание проживания", "municipal": "Муниципальное жилье", "residents": "Проживает",
          "area": "Площадь", "phone": "Телефон", "email": "Email", "period": "Период", "service": "Услуга",
          "accrued": "Начислено", "correction": "Корректировка", "norm_charge": "Начисление по нормативу",
          "date": "Дата", "amount": "Сумма", "doc": "Документ", "channel": "Канал", "birthdate": "Дата рождения",
          "birth_place": "Место рождения", "snils": "СНИЛС", "inn": "ИНН", "passport": "Паспорт",
          "driver_license": "Водительское удостоверение", "ogrn": "ОГРН / ОГРНИП"}
CHANNELS = ["bank", "post", "terminal", "cash", "online", "fssp", "employer"]
MAX_AMOUNT = 100000000.0
MAX_FILE_BYTES = 40 * 1024 * 1024  # a month of a 100 000-account utility is about 10 MB as CSV
MAX_RESIDENTS = 1000
MAX_AREA = 100000.0
# longest text accepted per column: longer values are a broken file, and would not fit the database's indexes
MAX_LENGTH = {"account": 30, "doc": 64, "house": 20, "apartment": 20, "phone": 64, "email": 128,
              "settlement": 128, "street": 128, "payer": 300, "birth_place": 300, "snils": 20, "inn": 20,
              "passport": 20, "driver_license": 20, "ogrn": 20}
NUMERIC = ("accrued", "correction", "amount", "norm_charge", "residents", "area")
# one month's charge of one service to one account above this is not a charge but a broken file
MAX_ACCRUAL = 10000000.0
# a spreadsheet runs a cell starting with one of these as a formula (CSV injection): such text is refused
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BillingFileError(Exception):
    """The file as a whole cannot be read (encoding, format, headers)."""


def _norm(text):
    return re.sub(r"\s+", " ", str(text or "").strip().lower().replace("ё", "е"))


def _lookup(table):
    return {_norm(alias): code for code, aliases in table.items() for alias in aliases}


HEADER_LOOKUP = _lookup(HEADERS)


def read_table(content, filename):
    """Header and data rows of a CSV or XLSX file, every cell as text (None for empty)."""
    if not content:
        raise BillingFileError("Файл пуст.")
    if len(content) > MAX_FILE_BYTES:
        raise BillingFileError("Файл больше %d МБ: разделите его на части (например, по населённым пунктам)."
                               % (MAX_FILE_BYTES // (1024 * 1024)))
    if (filename or "").lower().endswith(".xlsx") or content[:2] == b"PK":
        return _read_xlsx(content)
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise BillingFileError("Файл в кодировке UTF-16 (Юникод): сохраните его как «CSV UTF-8».")
    if b"\x00" in content:
        raise BillingFileError("Файл содержит двоичные данные (нулевые байты): это не текстовый CSV. "
                               "Сохраните таблицу как «CSV UTF-8» или XLSX.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BillingFileError("Файл не в кодировке UTF-8: сохраните его как «CSV UTF-8».")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise BillingFileError("В файле нет строки заголовков.")
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise BillingFileError("Файл CSV не читается: значение длиннее допустимого или незакрытая кавычка. "
                               "Проверьте файл в табличном редакторе и сохраните его заново.")
    return rows[0], rows[1:]


def _read_xlsx(content):
    from openpyxl import load_workbook
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:
        raise BillingFileError("Файл XLSX повреждён или это не XLSX.")
    sheet = book.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append([_xlsx_cell(v) for v in values])
    if not rows:
        raise BillingFileError("В файле нет строки заголовков.")
    return rows[0], rows[1:]


def _xlsx_cell(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def map_headers(header):
    """Canonical column name per position (None for columns we do not read) and the file kind."""
    columns = [HEADER_LOOKUP.get(_norm(name)) for name in header]
    present = {c for c in columns if c}
    duplicated = sorted({c for c in columns if c and columns.count(c) > 1})
    if duplicated:
        raise BillingFileError("Столбцы повторяются: %s." % ", ".join(duplicated))
    for kind in ("accounts", "accruals", "payments"):
        if set(KINDS[kind]["required"]) <= present:
            return kind, columns
    best = max(KINDS, key=lambda k: len(set(KINDS[k]["required"]) & present))
    missing = ["«%s»" % LABELS[c] for c in KINDS[best]["required"] if c not in present]
    raise BillingFileError("Не удалось определить вид файла: не хватает столбцов %s (для файла «%s»)."
                           % (", ".join(missing), {"accounts": "лицевые счета", "accruals": "начисления",
                                                   "payments": "оплаты"}[best]))


_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_PERIOD_ISO = re.compile(r"^(\d{4})-(\d{2})$")
_PERIOD_RU = re.compile(r"^(\d{2})\.(\d{4})$")


def parse_decimal(text):
    value = str(text).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not _DECIMAL.match(value):
        raise ValueError(text)
    number = float(value)
    if math.isnan(number) or math.isinf(number) or abs(number) > MAX_AMOUNT:
        raise ValueError(text)
    return round(number, 2)


def parse_period(text, today):
    value = str(text).strip()
    match = _PERIOD_ISO.match(value) or _PERIOD_RU.match(value)
    if not match:
        raise ValueError(text)
    year, month = (match.group(1), match.group(2)) if "-" in value else (match.group(2), match.group(1))
    year, month = int(year), int(month)
    if not 1 <= month <= 12 or year < 2000:
        raise ValueError(text)
    if (year, month) > (today.year, today.month):
        raise ValueError(text)
    return "%04d-%02d" % (year, month)


def parse_date(text):
    value = str(text).strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if day.year < 2000:
            raise ValueError(text)
        return day
    raise ValueError(text)


def parse_birthdate(text, today):
    value = str(text).strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if day.year < 1900 or day > today:
            raise ValueError(text)
        return day
    raise ValueError(text)


def looks_like_formula(text, field=None):
    """True for text a spreadsheet would run as a formula: =, +, -, @, tab or CR first (a lone «-» is text).
    A phone number may start with «+» followed by digits."""
    if not text or text == "-" or not text.startswith(FORMULA_START):
        return False
    if field == "phone" and re.match(r"^\+[\d\s()\-]+$", text):
        return False
    return True


def parse_billing_file(content, filename, today):
    """``{'kind', 'rows': [dict], 'errors': [(row, message)]}``; raises BillingFileError for a file-level fault."""
    header, data = read_table(content, filename)
    kind, columns = map_headers(header)
    errors, rows, seen = [], [], {}
    services, payer_types, tenures = _lookup(SERVICES), _lookup(PAYER_TYPES), _lookup(TENURES)
    for offset, raw in enumerate(data):
        row_no = offset + 2
        if not any((cell or "").strip() for cell in raw if cell is not None):
            continue
        values = {}
        for index, column in enumerate(columns):
            if column and index < len(raw):
                values[column] = (raw[index] or "").strip() if raw[index] is not None else ""
        before = len(errors)

        def fail(message):
            errors.append((row_no, message))

        extra = [cell for cell in raw[len(header):] if cell is not None and str(cell).strip()]
        if extra:
            fail("в строке больше значений (%d), чем столбцов в заголовке (%d): лишний разделитель «;» или «,» "
                 "внутри значения?" % (len(header) + len(extra), len(header)))
        for field in KINDS[kind]["required"]:
            if field != "apartment" and not values.get(field):
                fail("не заполнен столбец «%s»" % LABELS[field])
        for field, text in values.items():
            if "\n" in text or "\r" in text:
                fail("значение в столбце «%s» содержит перевод строки: незакрытая кавычка?" % LABELS[field])
            elif field in MAX_LENGTH and len(text) > MAX_LENGTH[field]:
                fail("«%s» длиннее %d символов" % (LABELS[field], MAX_LENGTH[field]))
            elif field not in NUMERIC and looks_like_formula(text, field):
                fail("значение «%s» похоже на формулу — не принимается" % text[:30].strip())
        record = {"row": row_no, "account": values.get("account", "")}
        if kind == "accounts":
            record.update({k: values.get(k, "") for k in ("settlement", "street", "house", "apartment", "payer",
                                                         "phone", "email")})
            record["payer_type"] = payer_types.get(_norm(values.get("payer_type")))
            if values.get("payer_type") and not record["payer_type"]:
                fail("неизвестный тип плательщика «%s»" % values["payer_type"])
            record["tenure"] = tenures.get(_norm(values.get("tenure")))
            if values.get("tenure") and not record["tenure"]:
                fail("неизвестное основание проживания «%s»" % values["tenure"])
            municipal = _norm(values.get("municipal"))
            if municipal not in ("", "0", "1", "да", "нет"):
                fail("«Муниципальное жильё» — 0 или 1, а не «%s»" % values.get("municipal"))
            record["municipal"] = municipal in ("1", "да")
            for field, cast, limit in (("residents", int, MAX_RESIDENTS), ("area", parse_decimal, MAX_AREA)):
                text = values.get(field)
                try:
                    record[field] = cast(text) if text else 0
                    if not 0 <= record[field] <= limit:
                        raise ValueError(text)
                except ValueError:
                    fail("«%s» — не число, отрицательное или больше %g: «%s»" % (LABELS[field], limit, text))
            # identification: only the columns present, only the cells filled (an empty cell changes nothing)
            identity = {}
            for field, code in IDENTITY_COLUMNS.items():
                text = values.get(field)
                if not text:
                    continue
                if field == "birthdate":
                    try:
                        identity[field] = parse_birthdate(text, today)
                    except ValueError:
                        fail("неверная дата рождения «%s»: нужна ДД.ММ.ГГГГ, не раньше 1900 года и не позже "
                             "сегодняшнего дня" % text)
                elif code:
                    try:
                        identity[field] = clean_identifier(code, text)
                    except RuleInputError as error:
                        fail("%s «%s» %s" % (LABELS[field], text, "— неверное контрольное число"
                                             if error.code == "identity_check" else "записан неверно"))
                else:
                    identity[field] = text
            record["identity"] = identity
            key = record["account"]
        elif kind == "accruals":
            try:
                record["period"] = parse_period(values.get("period", ""), today) if values.get("period") else None
            except ValueError:
                fail("неверный период «%s»: нужен ГГГГ-ММ или ММ.ГГГГ, не позже текущего месяца"
                     % values.get("period"))
            record["service"] = services.get(_norm(values.get("service")))
            if values.get("service") and not record["service"]:
                fail("неизвестная услуга «%s»" % values["service"])
            for field in ("accrued", "norm_charge", "correction"):
                text = values.get(field)
                try:
                    record[field] = parse_decimal(text) if text else (None if field == "norm_charge" else 0.0)
                except ValueError:
                    fail("«%s» — не число: «%s»" % (LABELS[field], text))
            if record.get("norm_charge") is not None and record["norm_charge"] < 0:
                fail("начисление по нормативу не может быть отрицательным")
            if isinstance(record.get("accrued"), float):
                if record["accrued"] < 0:
                    fail("начислено %s — отрицательное начисление не принимается: сторно и перерасчёты "
                         "передаются в столбце «Корректировка»" % values.get("accrued"))
                elif record["accrued"] > MAX_ACCRUAL:
                    fail("начислено %s — больше %s руб. за месяц по одной услуге: проверьте файл"
                         % (values.get("accrued"), "{:,.0f}".format(MAX_ACCRUAL).replace(",", " ")))
            if isinstance(record.get("correction"), float) and abs(record["correction"]) > MAX_ACCRUAL:
                fail("корректировка %s — больше %s руб. по модулю: проверьте файл"
                     % (values.get("correction"), "{:,.0f}".format(MAX_ACCRUAL).replace(",", " ")))
            key = (record["account"], record.get("period"), record.get("service"))
        else:
            try:
                record["date"] = parse_date(values.get("date", "")) if values.get("date") else None
                if record["date"] and record["date"] > today:
                    fail("дата оплаты %s в будущем" % values["date"])
            except ValueError:
                fail("неверная дата «%s»: нужна ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, не раньше 2000 года" % values.get("date"))
            try:
                record["amount"] = parse_decimal(values["amount"]) if values.get("amount") else None
                if record["amount"] is not None and record["amount"] <= 0:
                    fail("сумма оплаты должна быть больше нуля, а не %s" % values["amount"])
            except ValueError:
                fail("сумма оплаты — не число: «%s»" % values.get("amount"))
            try:
                record["period"] = parse_period(values["period"], today) if values.get("period") else None
            except ValueError:
                fail("неверный период «%s»" % values.get("period"))
            record["doc"] = values.get("doc", "")
            record["channel"] = _norm(values.get("channel")) or "bank"
            if record["channel"] not in CHANNELS:
                fail("неизвестный канал оплаты «%s»" % values.get("channel"))
            key = record["doc"]
        if len(errors) == before:
            if key in seen:
                fail("строка повторяет строку %d" % seen[key])
            else:
                seen[key] = row_no
                rows.append(record)
    if not rows and not errors:
        raise BillingFileError("В файле нет строк с данными.")
    # the optional columns the file has: an absent column leaves its field as it is in the database
    present = {c for c in columns if c}
    return {"kind": kind, "rows": rows, "errors": errors, "columns": present,
            "identity_columns": sorted(c for c in columns if c in IDENTITY_COLUMNS)}
