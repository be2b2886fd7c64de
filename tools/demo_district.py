"""Deterministic generator of a plausible Северо-Енисейский district: settlements, buildings and personal accounts.

Pure Python and seeded: the same ``(accounts, seed)`` always gives the same district, so demo databases, tests and
benchmarks are reproducible. It scales from a few hundred accounts to 20 000 and more.
"""
import random

# Settlements of Северо-Енисейский район with their share of accounts and the streets used for them.
SETTLEMENTS = [
    ("гп Северо-Енисейский", 0.62, ["ул. Ленина", "ул. Донского", "ул. Маяковского", "ул. Набережная",
                                     "ул. Октябрьская", "ул. Фабричная", "ул. Гоголя", "ул. Карла Маркса",
                                     "ул. Капитана Тибекина", "ул. Суворова", "ул. Молодёжная", "ул. Школьная"]),
    ("п. Тея", 0.12, ["ул. Октябрьская", "ул. Южная", "ул. Труда", "ул. Механизаторов"]),
    ("п. Брянка", 0.06, ["ул. Центральная", "ул. Школьная", "ул. Лесная"]),
    ("п. Вангаш", 0.05, ["ул. Центральная", "ул. Геологов"]),
    ("п. Новая Калами", 0.05, ["ул. Центральная", "ул. Таёжная"]),
    ("п. Енашимо", 0.04, ["ул. Центральная", "ул. Набережная"]),
    ("п. Вельмо", 0.03, ["ул. Береговая", "ул. Кедровая"]),
    ("п. Пит-Городок", 0.03, ["ул. Центральная", "ул. Новая"]),
]

MALE_SURNAMES = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков",
                 "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
                 "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
                 "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Тарасов", "Белов", "Комаров"]
MALE_NAMES = ["Александр", "Сергей", "Андрей", "Алексей", "Дмитрий", "Иван", "Николай", "Михаил", "Владимир",
              "Евгений", "Виктор", "Юрий", "Олег", "Павел", "Артём", "Роман", "Игорь", "Максим"]
FEMALE_NAMES = ["Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Анна", "Мария", "Людмила", "Галина",
                "Марина", "Надежда", "Юлия", "Екатерина", "Валентина", "Оксана", "Любовь", "Вера"]
PATRONYMIC_ROOTS = ["Александров", "Сергеев", "Андреев", "Алексеев", "Дмитриев", "Иванов", "Николаев",
                    "Михайлов", "Владимиров", "Викторов", "Юрьев", "Петров", "Павлов", "Геннадьев", "Васильев"]
LEGAL_NAMES = ["ООО «Северная звезда»", "ООО «Тейская торговая компания»", "ООО «Енисей-Сервис»",
               "АО «Золото Северной тайги»", "ООО «Авангард»", "ООО «Таёжный»", "ООО «Брянка-Лес»",
               "ООО «Стройдом»", "ООО «Аптека Здоровье»", "ООО «Север-Авто»", "ООО «Калами»", "ООО «Пекарня Хлебный дом»"]
BUDGET_NAMES = ["МБОУ «Северо-Енисейская средняя школа № 1»", "МБОУ «Северо-Енисейская средняя школа № 2»",
                "МБОУ «Тейская средняя школа № 3»", "МБДОУ «Детский сад № 1 „Солнышко“»",
                "МБДОУ «Детский сад № 2 „Колокольчик“»", "КГБУЗ «Северо-Енисейская районная больница»",
                "МБУК «Центральная библиотечная система»", "МБУ «Спортивный комплекс Нерика»"]

PAYER_KINDS = [("individual", 0.90), ("legal", 0.05), ("sole_trader", 0.03), ("budget", 0.02)]
TENURES_INDIVIDUAL = [("owner", 0.72), ("social", 0.22), ("commercial", 0.06)]
# How a payer behaves; read by the ledger's demo billing (most pay, some chronic debtors, some partial payers).
BEHAVIOURS = [("punctual", 0.68), ("late", 0.12), ("partial", 0.12), ("chronic", 0.08)]


def _pick(rng, weighted):
    x = rng.random()
    acc = 0.0
    for value, weight in weighted:
        acc += weight
        if x < acc:
            return value
    return weighted[-1][0]


def _full_name(rng):
    surname = rng.choice(MALE_SURNAMES)
    root = rng.choice(PATRONYMIC_ROOTS)
    if rng.random() < 0.55:
        return "%sа %s %sна" % (surname, rng.choice(FEMALE_NAMES), root)
    return "%s %s %sич" % (surname, rng.choice(MALE_NAMES), root)


def _initials(full_name):
    surname, name, patronymic = full_name.split(" ")
    return "%s %s.%s." % (surname, name[0], patronymic[0])


def generate(accounts=600, seed=2632):
    """Return the district as a list of account dicts, ordered by account number.

    Keys: account, settlement, street, house, apartment, payer, payer_type, tenure, municipal, residents, area,
    phone, email, behaviour.
    """
    rng = random.Random(seed)
    result = []
    serial = 0
    for s_index, (settlement, share, streets) in enumerate(SETTLEMENTS):
        count = int(round(accounts * share)) if s_index else 0
        result.append((settlement, streets, count))
    # the district centre takes whatever rounding left, so the total is exact
    first = accounts - sum(c for _, _, c in result[1:])
    result[0] = (result[0][0], result[0][1], first)
    rows = []
    for s_index, (settlement, streets, count) in enumerate(result):
        house_no = {}
        made = 0
        while made < count:
            street = rng.choice(streets)
            house_no[street] = house_no.get(street, 0) + rng.randint(1, 4)
            house = str(house_no[street])
            # apartment buildings in the centre, mostly small houses in the villages
            flats = rng.choice([8, 12, 16, 24, 36, 45, 60]) if (s_index == 0 and rng.random() < 0.8) else \
                rng.choice([1, 1, 1, 2, 4, 8])
            municipal_share = 0.35 if s_index else 0.25
            for flat in range(1, flats + 1):
                if made >= count:
                    break
                serial += 1
                made += 1
                kind = _pick(rng, PAYER_KINDS)
                if kind == "individual":
                    tenure = _pick(rng, TENURES_INDIVIDUAL)
                    payer = _full_name(rng)
                    apartment = str(flat) if flats > 1 else ""
                    residents = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])
                    area = round(rng.uniform(28, 92), 1)
                else:
                    tenure = "nonresidential"
                    if kind == "legal":
                        payer = rng.choice(LEGAL_NAMES)
                    elif kind == "budget":
                        payer = rng.choice(BUDGET_NAMES)
                    else:
                        payer = "ИП " + _initials(_full_name(rng))
                    apartment = "пом. %d" % flat if flats > 1 else ""
                    residents = 0
                    area = round(rng.uniform(40, 900), 1)
                municipal = tenure in ("social", "commercial") or (
                    tenure == "owner" and rng.random() < municipal_share * 0.1)
                behaviour = _pick(rng, BEHAVIOURS) if kind != "budget" else _pick(rng, [("punctual", 0.8), ("late", 0.2)])
                rows.append({
                    "account": "24%02d%06d" % (s_index + 1, serial),
                    "settlement": settlement,
                    "street": street,
                    "house": house,
                    "apartment": apartment,
                    "payer": payer,
                    "payer_type": kind,
                    "tenure": tenure,
                    "municipal": 1 if municipal else 0,
                    "residents": residents,
                    "area": area,
                    "phone": "+7913%07d" % rng.randint(0, 9999999) if rng.random() < 0.7 else "",
                    "email": ("ls%s@example.ru" % serial) if rng.random() < 0.3 else "",
                    "behaviour": behaviour,
                })
    rows.sort(key=lambda r: r["account"])
    return rows


# ---------------------------------------------------------------------------------------------------- billing
# Monthly charges (RUB) at the consumption norm, roughly those of a northern district: per m² for heating, per
# resident for the rest; organisations pay flat amounts scaled by area.
TARIFFS = {"heating": 58.0, "cold_water": 260.0, "hot_water": 640.0, "sewage": 210.0, "waste": 125.0,
           "electricity": 540.0}


def _snils(number):
    """A СНИЛС with its check number (ПФР rule: the first nine digits weighted 9…1; under 100 as is, 100 and 101
    give 00, above that mod 101), for a demo payer."""
    digits = "%09d" % (100000000 + number % 800000000)
    total = sum(int(d) * w for d, w in zip(digits, range(9, 0, -1)))
    check = total if total < 100 else (0 if total in (100, 101) else total % 101 % 100)
    return "%s-%s-%s %02d" % (digits[:3], digits[3:6], digits[6:], check)


def _ogrn(number, sole_trader):
    """An ОГРН (13 digits, mod 11) or ОГРНИП (15 digits, mod 13) with its check digit, for a demo organisation."""
    body = ("3042400%07d" % (number % 10 ** 7)) if sole_trader else ("10224%07d" % (number % 10 ** 7))
    return body + str(int(body) % (13 if sole_trader else 11) % 10)


def identity(row):
    """The demo payer's identification (ГПК 124 ч.2 п.3), derived from the account number (no random draw, so the
    rest of the district stays as it was): birth date, place of birth and СНИЛС for citizens, ОГРН/ОГРНИП for
    organisations and sole traders."""
    number = int(row["account"])
    if row["payer_type"] == "individual":
        from datetime import date
        born = date.fromordinal(date(1950, 1, 1).toordinal() + number % 18000)
        return [born.strftime("%d.%m.%Y"), "%s, Красноярский край" % row["settlement"], _snils(number), ""]
    return ["", "", "", _ogrn(number, row["payer_type"] == "sole_trader")]


def _services_for(row, rng):
    if row["payer_type"] != "individual":
        return {"heating": row["area"] * TARIFFS["heating"] * 1.2, "cold_water": 900 + row["area"] * 2,
                "sewage": 700 + row["area"] * 1.5}
    people = max(row["residents"], 1)
    services = {"heating": row["area"] * TARIFFS["heating"], "cold_water": people * TARIFFS["cold_water"],
                "sewage": people * TARIFFS["sewage"], "waste": people * TARIFFS["waste"]}
    if row["settlement"] == "гп Северо-Енисейский" and row["apartment"]:
        services["hot_water"] = people * TARIFFS["hot_water"]
    if rng.random() < 0.3:
        services["electricity"] = people * TARIFFS["electricity"]
    return services


def _months_back(today, count):
    year, month = today.year, today.month
    result = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        result.append((year, month))
    return list(reversed(result))


def billing_files(rows, today, months=24, seed=2632):
    """The billing system's files for the district: accounts, accruals for ``months`` closed months before
    ``today``, payments up to ``today``, following each payer's behaviour. Returns {file name: CSV bytes}."""
    import calendar
    from datetime import date
    rng = random.Random(seed + 1)
    periods = _months_back(today, months)
    accounts = ["Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;"
                "Основание проживания;Муниципальное жилье;Проживает;Площадь;Телефон;Email;"
                "Дата рождения;Место рождения;СНИЛС;ОГРН"]
    accruals = ["account;period;service;accrued;norm_charge"]
    payments = ["account;date;amount;period;doc;channel"]
    channels = ["bank", "bank", "bank", "online", "online", "terminal", "post", "cash"]
    for row in rows:
        accounts.append(";".join([str(row[k]) for k in ("account", "settlement", "street", "house", "apartment",
                                                        "payer", "payer_type", "tenure", "municipal", "residents",
                                                        "area", "phone", "email")] + identity(row)))
        services = _services_for(row, rng)
        behaviour = row["behaviour"]
        serial = 0
        carry = 0.0
        for year, month in periods:
            bill = 0.0
            for code, amount in services.items():
                amount = round(amount, 2)
                bill += amount
                accruals.append("%s;%04d-%02d;%s;%.2f;%.2f" % (row["account"], year, month, code, amount, amount))
            next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
            last_day = calendar.monthrange(next_year, next_month)[1]
            if behaviour == "punctual":
                pay, day_shift, named = bill, rng.randint(1, 12), True
            elif behaviour == "late":
                pay, day_shift, named = bill, rng.randint(15, 55), False
            elif behaviour == "partial":
                pay, day_shift, named = bill * rng.uniform(0.4, 0.85), rng.randint(5, 25), False
            else:  # chronic: pays now and then, a part of what is owed
                carry += bill
                pay, day_shift, named = (carry * rng.uniform(0.2, 0.5), rng.randint(5, 25), False) \
                    if rng.random() < 0.2 else (0.0, 0, False)
                carry -= pay
            if pay <= 0:
                continue
            pay_date = date(next_year, next_month, 1).toordinal() + day_shift - 1
            pay_date = date.fromordinal(min(pay_date, date(next_year, next_month, last_day).toordinal() + 40))
            if pay_date > today:
                continue
            serial += 1
            payments.append("%s;%s;%.2f;%s;D%s-%03d;%s" % (
                row["account"], pay_date.strftime("%d.%m.%Y"), round(pay, 2),
                "%04d-%02d" % (year, month) if named else "", row["account"], serial, rng.choice(channels)))
    encode = lambda lines: ("\n".join(lines) + "\n").encode("utf-8")  # noqa: E731
    return {"accounts.csv": encode(accounts), "accruals.csv": encode(accruals), "payments.csv": encode(payments)}
