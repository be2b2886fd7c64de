"""Reading billing files: kinds, header aliases, conversions and every listed bad input, row by row."""
import io
import unittest
from datetime import date

from ..models.billing_parser import BillingFileError, parse_billing_file

TODAY = date(2026, 11, 26)


def csv_bytes(text, bom=False):
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def xlsx_bytes(rows):
    from openpyxl import Workbook
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class TestBillingParser(unittest.TestCase):

    def test_accounts_russian_headers_semicolon_bom(self):
        content = csv_bytes(
            "Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;Основание проживания;"
            "Муниципальное жилье;Проживает;Площадь;Телефон;Email\n"
            "2401000001;гп Северо-Енисейский;ул. Ленина;21;5;Иванов Иван Иванович;Физическое лицо;Собственник;0;3;"
            "54,3;+79130000000;\n"
            "2401000002;п. Тея;ул. Южная;4;;ООО «Авангард»;Юридическое лицо;Нежилое помещение;0;;120.5;;\n", bom=True)
        result = parse_billing_file(content, "accounts.csv", TODAY)
        self.assertEqual((result["kind"], result["errors"]), ("accounts", []))
        first, second = result["rows"]
        self.assertEqual((first["account"], first["payer_type"], first["tenure"], first["residents"], first["area"]),
                         ("2401000001", "individual", "owner", 3, 54.3))
        self.assertEqual((second["apartment"], second["payer_type"], second["tenure"], second["area"]),
                         ("", "legal", "nonresidential", 120.5))

    def test_accruals_english_headers_comma_and_periods(self):
        content = csv_bytes("account,period,service,accrued,norm_charge\n"
                            "2401000001,2026-10,heating,\"3120,50\",3000\n"
                            "2401000001,10.2026,ХВС,450.10,\n")
        result = parse_billing_file(content, "accruals.csv", TODAY)
        self.assertEqual(result["errors"], [])
        self.assertEqual([(r["period"], r["service"], r["accrued"], r["norm_charge"]) for r in result["rows"]],
                         [("2026-10", "heating", 3120.5, 3000.0), ("2026-10", "cold_water", 450.1, None)])
        self.assertNotIn("correction", result["columns"], "no correction column: the ledger's stays as it is")

    def test_negative_and_implausible_accruals_only_as_corrections(self):
        """A storno comes in the correction column; a negative or absurd «accrued» is a broken row."""
        bad = csv_bytes("account;period;service;accrued\n"
                        "2401000001;2026-09;Отопление;-120.00\n"
                        "2401000001;2026-09;ХВС;-99999999\n"
                        "2401000001;2026-09;ГВС;10000000.01\n")
        result = parse_billing_file(bad, "accruals.csv", TODAY)
        self.assertEqual([row for row, _text in result["errors"]], [2, 3, 4])
        self.assertIn("Корректировка", result["errors"][0][1])
        self.assertFalse(result["rows"])
        good = csv_bytes("Лицевой счет;Период;Услуга;Начислено;Корректировка\n"
                         "2401000001;2026-09;Отопление;3000;-120,00\n")
        result = parse_billing_file(good, "accruals.csv", TODAY)
        self.assertEqual(result["errors"], [])
        self.assertEqual([(r["accrued"], r["correction"]) for r in result["rows"]], [(3000.0, -120.0)])
        self.assertIn("correction", result["columns"])

    def test_payments_xlsx(self):
        content = xlsx_bytes([["Лицевой счет", "Дата", "Сумма", "Период", "Документ", "Канал"],
                              ["2401000001", date(2026, 11, 3), 1500.5, "2026-10", "П-1", "bank"],
                              [2401000002, "2026-11-04", "200", None, "П-2", None]])
        result = parse_billing_file(content, "payments.xlsx", TODAY)
        self.assertEqual(result["errors"], [])
        self.assertEqual([(r["account"], r["date"], r["amount"], r["period"], r["channel"]) for r in result["rows"]],
                         [("2401000001", date(2026, 11, 3), 1500.5, "2026-10", "bank"),
                          ("2401000002", date(2026, 11, 4), 200.0, None, "bank")])

    def test_every_bad_row_is_reported_with_its_number(self):
        content = csv_bytes("account;date;amount;doc;period;channel\n"
                            "2401000001;31.02.2025;100;D1;;\n"        # 2: no such date
                            "2401000001;01.12.2026;100;D2;;\n"        # 3: in the future
                            "2401000001;01.11.2026;-5;D3;;\n"         # 4: negative payment
                            "2401000001;01.11.2026;abc;D4;;\n"        # 5: not a number
                            "2401000001;01.11.2026;NaN;D5;;\n"        # 6: NaN
                            "2401000001;01.11.2026;1e308;D6;;\n"      # 7: huge
                            ";01.11.2026;100;D7;;\n"                  # 8: no account
                            "2401000001;01.11.2026;100;D8;2027-01;\n"  # 9: period in the future
                            "2401000001;01.11.2026;100;D9;;pigeon\n"  # 10: unknown channel
                            "2401000001;01.11.2026;100;D10;;\n"       # ok
                            "2401000001;02.11.2026;100;D10;;\n")      # 12: duplicate document
        result = parse_billing_file(content, "payments.csv", TODAY)
        self.assertEqual([row for row, _msg in result["errors"]], [2, 3, 4, 5, 6, 7, 8, 9, 10, 12])
        self.assertIn("будущем", dict(result["errors"])[3])
        self.assertIn("повторяет строку 11", dict(result["errors"])[12])
        self.assertEqual([r["doc"] for r in result["rows"]], ["D10"])

    def test_accrual_errors(self):
        content = csv_bytes("account;period;service;accrued\n"
                            "2401000001;2026-13;heating;10\n"         # 2: month 13
                            "2401000001;13.2026;heating;10\n"         # 3
                            "2401000001;2026-10;gas;10\n"             # 4: unknown service
                            "2401000001;2026-10;heating;1.2.3\n"      # 5
                            "2401000001;2026-10;heating;10\n"         # ok
                            "2401000001;10.2026;Отопление;11\n")      # 7: same account, period, service
        result = parse_billing_file(content, "a.csv", TODAY)
        self.assertEqual([row for row, _msg in result["errors"]], [2, 3, 4, 5, 7])

    def test_csv_injection_in_names_is_refused(self):
        content = csv_bytes("account;settlement;street;house;apartment;payer;payer_type;tenure\n"
                            "2401000001;п. Тея;ул. Южная;4;1;=cmd|' /C calc'!A0;individual;owner\n")
        result = parse_billing_file(content, "accounts.csv", TODAY)
        self.assertEqual([row for row, _msg in result["errors"]], [2])
        self.assertIn("формулу", result["errors"][0][1])

    def test_file_level_faults(self):
        for content, name, words in (
                (b"", "x.csv", "пуст"),
                ("Лицевой счет;Период\n1;2026-01\n".encode("cp1251"), "x.csv", "UTF-8"),
                (csv_bytes("account;foo;bar\n1;2;3\n"), "x.csv", "не хватает"),
                (csv_bytes("account;period;service;accrued;Период\n"), "x.csv", "повторяются"),
                (csv_bytes("account;period;service;accrued\n"), "x.csv", "нет строк"),
                (b"PK\x03\x04garbage", "x.xlsx", "повреждён"),
                (csv_bytes("account;period;service;accrued\n") + b"1;2026-01;heating;1\n" * 3000000, "x.csv",
                 "больше 40 МБ")):
            with self.assertRaises(BillingFileError) as caught:
                parse_billing_file(content, name, TODAY)
            self.assertIn(words, str(caught.exception))
