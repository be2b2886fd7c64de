"""Bad-input campaign (issue 9.3): every malformed input ends in a clear Russian error and changes no row.

Table-driven: ``CASES`` lists (name, importer, file name, content, words the message must contain); ``IMPORTERS``
maps an importer to how it is run and which tables it may touch. Another importer (the ФССП register) plugs in by
adding its runner to ``IMPORTERS`` and its rows to ``CASES`` — nothing else changes.

For every case the importer runs for real (not a dry run) as the УККР operator would, in Russian; the case is
«rejected cleanly» when the importer raises a UserError whose text is Russian and names the fault, and a fingerprint
(row count + md5 of every row) of each table is the same before and after. The totals go to the test log:
``Bad-input campaign: N inputs tried, N rejected cleanly``.
"""
import io
import logging
import re

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS

_logger = logging.getLogger(__name__)
TODAY = "2026-11-26"
BILLING_TABLES = ["ukkr_ledger_line", "ukkr_payment", "ukkr_payment_allocation", "ukkr_personal_account",
                  "res_partner", "ukkr_account_service", "ukkr_building", "ukkr_settlement", "ukkr_period"]


def run_billing(env, content, filename):
    return env["ukkr.billing.import"].import_content(content, filename, dry_run=False)


# importer → (how to run it on (env, content, filename), tables it may change)
PAYMENT_TABLES = BILLING_TABLES + ["ukkr_unmatched_payment"]
IMPORTERS = {
    "billing": (run_billing, BILLING_TABLES),
    "bank": (lambda env, content, filename: env["ukkr.billing.import"].import_content(
        content, filename, file_format="bank_statement"), PAYMENT_TABLES),
    "register": (lambda env, content, filename: env["ukkr.billing.import"].import_content(
        content, filename, file_format="payment_register"), PAYMENT_TABLES),
    # key rates are the manager's: run as the superuser with the operator's language
    "key_rates": (lambda env, content, filename: env["ukkr.billing.import"].sudo().import_content(
        content, filename, file_format="key_rates"), ["ukkr_rule_key_rate"]),
    "fssp": (lambda env, content, filename: run_fssp_register(env, content, filename),
             ["ukkr_fssp_reconciliation", "ukkr_fssp_reconciliation_line", "ukkr_enforcement_proceeding"]),
}
FSSP = "Номер ИП;Номер ИД;Должник;Сумма;Взыскано;Состояние\n"


def run_fssp_register(env, content, filename):
    """The register is imported by the legal group: run as the superuser with the operator's language."""
    return env["ukkr.fssp.reconciliation"].sudo().import_content(content, filename, 2026, 4)

ACCOUNT_HEADER = "Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;Основание проживания"
ACCOUNT_ROW = "9900000009;п. Тея;ул. Южная;5;1;{payer};Физическое лицо;Собственник"


def csv(text):
    return text.encode("utf-8")


def account_file(payer, extra_header="", extra=""):
    return csv(ACCOUNT_HEADER + extra_header + "\n" + ACCOUNT_ROW.format(payer=payer) + extra + "\n")


def xlsx(rows):
    from openpyxl import Workbook
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fifty_megabytes():
    row = b"9900000001;2026-10;heating;100.00\n"
    return b"account;period;service;accrued\n" + row * (50 * 1024 * 1024 // len(row) + 1)


STATEMENT_HEAD = ("1CClientBankExchange\nВерсияФормата=1.03\nКодировка=Windows\nРасчСчет=40702810931000012345\n"
                  "СекцияРасчСчет\nРасчСчет=40702810931000012345\nВсегоПоступило={total}\nКонецРасчСчет\n")
STATEMENT_DOC = ("СекцияДокумент=Платежное поручение\nНомер={number}\nДата={date}\nСумма={amount}\n"
                 "ПлательщикСчет=40817810231004500001\nПлательщик=Иванов И. И.\nПолучательСчет={receiver}\n"
                 "НазначениеПлатежа={purpose}\nКонецДокумента\n")


def statement(total="100.00", end="КонецФайла\n", docs=None, head=STATEMENT_HEAD, **values):
    """A 1C statement in windows-1251 with one document (its fields overridable) or ``docs``."""
    fields = dict(number="1", date="20.11.2026", amount="100.00", receiver="40702810931000012345",
                  purpose="Оплата ЖКУ л/с 9900000001")
    fields.update(values)
    body = docs if docs is not None else STATEMENT_DOC.format(**fields)
    return (head.format(total=total) + body + end).encode("cp1251")


def register(lines, footer="=1;100,00", header=""):
    return ((header + "\n" if header else "") + lines + "\n" + footer + "\n").encode("cp1251")


REGISTER_LINE = "9900000001;Иванов И. И.;09.2026;100,00;20.11.2026;OP-1"
FSSP_EXPORT = ("Рег. № ИП;Дата возбуждения;Должник;Номер ИД;Сумма долга;Остаток долга;Дата окончания;"
               "Основание окончания\n")
ACCRUAL = "account;period;service;accrued;norm_charge\n"
PAYMENT = "account;date;amount;doc;period;channel\n"

# (case, importer, file name, content or a function making it, words the Russian message must contain)
CASES = [
    # the file as a whole
    ("empty file", "billing", "accruals.csv", b"", "Файл пуст"),
    ("blank lines only", "billing", "accruals.csv", b"\n \n\n", "нет строки заголовков"),
    ("wrong encoding (Windows-1251)", "billing", "accounts.csv", ACCOUNTS.encode("cp1251"), "UTF-8"),
    ("UTF-16 with its byte-order mark", "billing", "accruals.csv", ACCRUALS.encode("utf-16"), "UTF-16"),
    ("binary file named .csv", "billing", "accruals.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "двоичные"),
    ("NUL bytes inside a CSV", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-10;heating;1\x00\n"),
     "двоичные"),
    ("damaged XLSX", "billing", "accruals.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50, "повреждён"),
    ("XLSX without any row", "billing", "accruals.xlsx", lambda: xlsx([]), "нет строки заголовков"),
    ("50 MB file", "billing", "accruals.csv", fifty_megabytes, "больше 40 МБ"),
    ("a name of 200 000 characters", "billing", "accounts.csv", lambda: account_file("Я" * 200000),
     "длиннее 300 символов"),
    ("a number of 200 000 digits", "billing", "accruals.csv",
     lambda: csv(ACCRUAL + "9900000001;2026-10;heating;" + "9" * 200000 + ";\n"), "не число"),
    # headers
    ("no header row (data first)", "billing", "accruals.csv", csv("9900000001;2026-10;heating;100\n"),
     "не хватает столбцов"),
    ("required column missing", "billing", "accruals.csv", csv("account;period;service\n9900000001;2026-10;heating\n"),
     "«Начислено»"),
    ("same column twice", "billing", "accruals.csv",
     csv("account;period;service;accrued;Начислено\n9900000001;2026-10;heating;1;2\n"), "повторяются"),
    ("headers only", "billing", "accruals.csv", csv(ACCRUAL), "нет строк с данными"),
    ("title row above the headers (XLSX)", "billing", "accruals.xlsx",
     lambda: xlsx([["Начисления за октябрь"], ["account", "period", "service", "accrued"],
                   ["9900000001", "2026-10", "heating", 100]]), "не хватает столбцов"),
    ("extra columns: more values than headers", "billing", "accruals.csv",
     csv(ACCRUAL + "9900000001;2026-10;heating;100;;Иванов;лишнее\n"), "больше значений"),
    ("unclosed quote swallows the next rows", "billing", "accruals.csv",
     csv(ACCRUAL + '9900000001;"2026-10;heating;100;\n9900000002;2026-10;heating;100;\n'), "незакрытая кавычка"),
    # formulas and CSV injection
    ("formula in an XLSX text cell", "billing", "accounts.xlsx",
     lambda: xlsx([ACCOUNT_HEADER.split(";"), ["9900000009", "п. Тея", "ул. Южная", "5", "1",
                                               '=HYPERLINK("http://evil.example","Иванов")', "Физическое лицо",
                                               "Собственник"]]), "похоже на формулу"),
    ("formula in an XLSX amount cell", "billing", "accruals.xlsx",
     lambda: xlsx([["account", "period", "service", "accrued"], ["9900000001", "2026-10", "heating", "=SUM(1,2)"]]),
     "не число"),
    ("CSV injection =cmd| in a name", "billing", "accounts.csv", account_file("=cmd|' /C calc'!A0"),
     "похоже на формулу"),
    ("CSV injection -2+3+cmd| in a name", "billing", "accounts.csv", account_file("-2+3+cmd|' /C calc'!A0"),
     "похоже на формулу"),
    ("CSV injection @SUM in a name", "billing", "accounts.csv", account_file("@SUM(1+1)*cmd|' /C calc'!A0"),
     "похоже на формулу"),
    ("CSV injection behind a tab", "billing", "accounts.csv", account_file("\t=1+1"), "похоже на формулу"),
    ("CSV injection in a phone", "billing", "accounts.csv",
     account_file("Иванов И. И.", ";Телефон", ";+7+cmd|' /C calc'!A0"), "похоже на формулу"),
    # duplicates
    ("duplicate accrual rows", "billing", "accruals.csv",
     csv(ACCRUAL + "9900000001;2026-10;heating;100;\n9900000001;10.2026;Отопление;100;\n"), "повторяет строку 2"),
    ("duplicate payment documents", "billing", "payments.csv",
     csv(PAYMENT + "9900000001;01.11.2026;100;D-1;;\n9900000002;02.11.2026;200;D-1;;\n"), "повторяет строку 2"),
    ("duplicate accounts", "billing", "accounts.csv",
     account_file("Иванов И. И.") + csv(ACCOUNT_ROW.format(payer="Иванов И. И.") + "\n"), "повторяет строку 2"),
    # numbers
    ("negative payment", "billing", "payments.csv", csv(PAYMENT + "9900000001;01.11.2026;-100;D-2;;\n"),
     "больше нуля"),
    ("negative norm charge", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-10;heating;100;-5\n"),
     "не может быть отрицательным"),
    ("negative area", "billing", "accounts.csv", account_file("Иванов И. И.", ";Площадь", ";-40"), "Площадь"),
    ("huge amount", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-10;heating;1000000000000;\n"),
     "не число"),
    ("1e308", "billing", "payments.csv", csv(PAYMENT + "9900000001;01.11.2026;1e308;D-3;;\n"), "не число"),
    ("NaN", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-10;heating;NaN;\n"), "не число"),
    ("Infinity", "billing", "payments.csv", csv(PAYMENT + "9900000001;01.11.2026;Infinity;D-4;;\n"), "не число"),
    ("thousands separator comma and dot", "billing", "accruals.csv",
     csv(ACCRUAL + '9900000001;2026-10;heating;"1,000.50";\n'), "не число"),
    ("huge number of residents", "billing", "accounts.csv",
     account_file("Иванов И. И.", ";Проживает", ";99999999999"), "Проживает"),
    # the ФССП register (measure 24)
    ("ФССП: empty file", "fssp", "register.csv", b"", "Файл пуст"),
    ("ФССП: not a register", "fssp", "register.csv", csv("account;period\n1;2\n"), "не хватает столбцов"),
    ("ФССП: damaged XLSX", "fssp", "register.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50, "повреждён"),
    ("ФССП: formula as the debtor", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;2-1/2026;=cmd|' /C calc'!A0;1000;0;на исполнении\n"), "похоже на формулу"),
    ("ФССП: formula in an XLSX cell", "fssp", "register.xlsx",
     lambda: xlsx([FSSP.strip().split(";"), ["1/26/24076-ИП", "2-1/2026", '=HYPERLINK("http://evil.example")',
                                             1000, 0, "на исполнении"]]), "похоже на формулу"),
    ("ФССП: collected not a number", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;2-1/2026;Иванов;1000;много;на исполнении\n"), "не число"),
    ("ФССП: collected above the amount", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;2-1/2026;Иванов;1000;2000;на исполнении\n"), "взыскано больше"),
    ("ФССП: unknown state", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;2-1/2026;Иванов;1000;0;где-то\n"), "неизвестное состояние"),
    ("ФССП: proceeding listed twice", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;2-1/2026;Иванов;1000;0;на исполнении\n"
         "1/26/24076-ИП;2-2/2026;Петров;500;0;на исполнении\n"), "уже был в строке 2"),
    ("ФССП: writ number missing", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;;Иванов;1000;0;на исполнении\n"), "не заполнен"),
    ("ФССП: negative amount", "fssp", "register.csv",
     csv(FSSP + "1/26/24076-ИП;2-1/2026;Иванов;-1000;0;на исполнении\n"), "отрицательной"),
    # the ФССП department's export layout
    ("ФССП export: remaining above the sum", "fssp", "register.csv",
     csv(FSSP_EXPORT + "1/26/24076-ИП;05.06.2026;Иванов;2-1/2026;1000;1500;;\n"), "остаток долга больше"),
    ("ФССП export: unknown end basis", "fssp", "register.csv",
     csv(FSSP_EXPORT + "1/26/24076-ИП;05.06.2026;Иванов;2-1/2026;1000;0;10.11.2026;ст. 99 ч. 9 п. 9\n"),
     "неизвестное основание"),
    ("ФССП export: end date without basis", "fssp", "register.csv",
     csv(FSSP_EXPORT + "1/26/24076-ИП;05.06.2026;Иванов;2-1/2026;1000;0;10.11.2026;\n"), "нет основания"),
    ("ФССП export: opening date 31.02", "fssp", "register.csv",
     csv(FSSP_EXPORT + "1/26/24076-ИП;31.02.2026;Иванов;2-1/2026;1000;0;;\n"), "неверная дата"),
    ("ФССП export: remaining missing", "fssp", "register.csv",
     csv(FSSP_EXPORT + "1/26/24076-ИП;05.06.2026;Иванов;2-1/2026;1000;;;\n"), "не заполнен столбец «Остаток"),
    # bank statements in the 1C exchange format (measure 16's channels: the bank)
    ("1C: not a 1C file", "bank", "statement.txt", csv("Дата;Сумма\n01.11.2026;100\n"),
     "первая строка должна быть «1CClientBankExchange»"),
    ("1C: cut short", "bank", "statement.txt", statement(end=""), "нет строки «КонецФайла»"),
    ("1C: no account of ours", "bank", "statement.txt",
     statement(head="1CClientBankExchange\nВерсияФормата=1.03\n"), "не указан расчётный счёт"),
    ("1C: document not closed", "bank", "statement.txt",
     statement(docs=STATEMENT_DOC.replace("КонецДокумента\n", "").format(
         number="1", date="20.11.2026", amount="100.00", receiver="40702810931000012345", purpose="x")
         + STATEMENT_DOC.format(number="2", date="20.11.2026", amount="1.00", receiver="40702810931000012345",
                                purpose="y")), "не закрыт"),
    ("1C: line without «=»", "bank", "statement.txt",
     statement(purpose="Оплата\nпродолжение назначения"), "не в формате «Ключ=Значение»"),
    ("1C: amount not a number", "bank", "statement.txt", statement(amount="сто"), "не число"),
    ("1C: zero amount", "bank", "statement.txt", statement(amount="0.00", total="0.00"), "больше нуля"),
    ("1C: 31.02.2026", "bank", "statement.txt", statement(date="31.02.2026"), "неверная дата"),
    ("1C: dated in the future", "bank", "statement.txt", statement(date="01.12.2026"), "в будущем"),
    ("1C: document number missing", "bank", "statement.txt", statement(number=""), "нет реквизита «Номер»"),
    ("1C: another organisation's document", "bank", "statement.txt",
     statement(receiver="40702810000000099999"), "не относится к счёту выписки"),
    ("1C: document listed twice", "bank", "statement.txt",
     statement(total="200.00", docs=STATEMENT_DOC.format(number="7", date="20.11.2026", amount="100.00",
                                                         receiver="40702810931000012345", purpose="a") * 2),
     "повторяет документ"),
    ("1C: totals of the statement differ", "bank", "statement.txt", statement(total="150.00"), "выписка неполная"),
    ("1C: formula in the purpose", "bank", "statement.txt",
     statement(purpose="=HYPERLINK(\"http://evil.example\")"), "похоже на формулу"),
    # a bank's payment register
    ("register: no footer", "register", "reestr.txt", register(REGISTER_LINE, footer=""), "Нет итоговой строки"),
    ("register: footer count differs", "register", "reestr.txt", register(REGISTER_LINE, footer="=2;100,00"),
     "2 платежей, а строк платежей 1"),
    ("register: footer sum differs", "register", "reestr.txt", register(REGISTER_LINE, footer="=1;99,00"),
     "сумма строк"),
    ("register: footer not numbers", "register", "reestr.txt", register(REGISTER_LINE, footer="=один;сто"),
     "в итоговой строке нужны число платежей и сумма"),
    ("register: header sum differs", "register", "reestr.txt",
     register(REGISTER_LINE, header="#17;25.11.2026;1;150,00"), "в заголовке реестра сумма"),
    ("register: wrong number of fields", "register", "reestr.txt",
     register("9900000001;Иванов;100,00;20.11.2026"), "полей, а нужно 5 или 6"),
    ("register: 31.02.2026", "register", "reestr.txt", register(REGISTER_LINE.replace("20.11.2026", "31.02.2026")),
     "неверная дата платежа"),
    ("register: dated in the future", "register", "reestr.txt",
     register(REGISTER_LINE.replace("20.11.2026", "01.12.2026")), "в будущем"),
    ("register: amount not a number", "register", "reestr.txt",
     register(REGISTER_LINE.replace("100,00", "сто"), footer="=1;0,00"), "не число"),
    ("register: negative amount", "register", "reestr.txt",
     register(REGISTER_LINE.replace("100,00", "-100,00"), footer="=1;0,00"), "больше нуля"),
    ("register: period 13.2026", "register", "reestr.txt", register(REGISTER_LINE.replace("09.2026", "13.2026")),
     "неверный период"),
    ("register: operation listed twice", "register", "reestr.txt",
     register(REGISTER_LINE + "\n" + REGISTER_LINE, footer="=2;200,00"), "уже был в строке"),
    ("register: account missing", "register", "reestr.txt", register(REGISTER_LINE.replace("9900000001", "")),
     "не заполнено поле «лицевой счёт»"),
    ("register: formula as the payer", "register", "reestr.txt",
     register(REGISTER_LINE.replace("Иванов И. И.", "=1+1")), "похоже на формулу"),
    # the Bank of Russia's key rates
    ("key rates: not a key-rate table", "key_rates", "rates.csv", csv("Дата;Курс\n01.11.2026;90\n"),
     "Не найдены столбцы «Дата» и «Ставка»"),
    ("key rates: XML without rates", "key_rates", "rates.xml", csv("<ValCurs><Valute/></ValCurs>"),
     "нет элементов KR"),
    ("key rates: XML with an entity", "key_rates", "rates.xml",
     csv('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><KeyRate><KR><DT>&e;</DT>'
         '</KR></KeyRate>'), "DOCTYPE"),
    ("key rates: broken XML", "key_rates", "rates.xml", csv("<KeyRate><KR><DT>2026-01-12"), "XML не читается"),
    ("key rates: 31.02.2026", "key_rates", "rates.csv", csv("Дата;Ставка\n31.02.2026;16,00\n"), "неверная дата"),
    ("key rates: rate not a number", "key_rates", "rates.csv", csv("Дата;Ставка\n12.01.2026;шестнадцать\n"),
     "не число от 0 до 100"),
    ("key rates: rate of 150 %", "key_rates", "rates.xml",
     csv("<KeyRate><KR><DT>2026-01-12T00:00:00+03:00</DT><Rate>150</Rate></KR></KeyRate>"),
     "не число от 0 до 100"),
    ("key rates: dated in the future", "key_rates", "rates.csv", csv("Дата;Ставка\n01.12.2026;16,00\n"),
     "в будущем"),
    ("key rates: two rates on one day", "key_rates", "rates.csv",
     csv("Дата;Ставка\n12.01.2026;16,00\n12.01.2026;15,00\n"), "две разные ставки"),
    ("key rates: before the key rate existed", "key_rates", "rates.csv", csv("Дата;Ставка\n01.01.2010;8,00\n"),
     "раньше введения ключевой ставки"),
    # dates and periods
    ("31.02.2025", "billing", "payments.csv", csv(PAYMENT + "9900000001;31.02.2025;100;D-5;;\n"), "неверная дата"),
    ("date in 1900", "billing", "payments.csv", csv(PAYMENT + "9900000001;01.01.1900;100;D-6;;\n"),
     "не раньше 2000 года"),
    ("payment dated in the future", "billing", "payments.csv", csv(PAYMENT + "9900000001;01.12.2026;100;D-7;;\n"),
     "в будущем"),
    ("accrual period in the future", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2027-01;heating;100;\n"),
     "не позже текущего месяца"),
    ("month 13", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-13;heating;100;\n"), "неверный период"),
    ("period before the rules", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2014-12;heating;100;\n"),
     "раньше первого правила"),
    ("accruals for a closed month", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-09;heating;100;\n"),
     "закрыт"),
    # references
    ("unknown account (accruals)", "billing", "accruals.csv", csv(ACCRUAL + "9999999999;2026-10;heating;100;\n"),
     "неизвестный лицевой счёт «9999999999»"),
    ("unknown account (payments)", "billing", "payments.csv", csv(PAYMENT + "9999999999;01.11.2026;100;D-8;;\n"),
     "неизвестный лицевой счёт «9999999999»"),
    ("SQL in an account number", "billing", "accruals.csv",
     csv(ACCRUAL + "1' OR '1'='1;2026-10;heating;100;\n"), "неизвестный лицевой счёт «1' OR '1'='1»"),
    ("account number of 5 000 digits", "billing", "accruals.csv", csv(ACCRUAL + "1" * 5000 + ";2026-10;heating;1;\n"),
     "длиннее 30 символов"),
    ("unknown service", "billing", "accruals.csv", csv(ACCRUAL + "9900000001;2026-10;gas;100;\n"),
     "неизвестная услуга"),
    ("unknown payer type", "billing", "accounts.csv",
     csv(ACCOUNT_HEADER + "\n" + ACCOUNT_ROW.format(payer="Иванов И. И.").replace("Физическое лицо", "марсианин")
         + "\n"), "неизвестный тип плательщика"),
    ("municipal flag neither 0 nor 1", "billing", "accounts.csv",
     account_file("Иванов И. И.", ";Муниципальное жилье", ";может быть"), "Муниципальное"),
    ("unknown payment channel", "billing", "payments.csv", csv(PAYMENT + "9900000001;01.11.2026;100;D-9;;голубь\n"),
     "неизвестный канал"),
    # all or nothing
    ("one good row and one bad row", "billing", "accruals.csv",
     csv(ACCRUAL + "9900000001;2026-10;heating;100;\n9900000001;2026-10;ХВС;сто;\n"), "не число"),
]



def table_fingerprint(cr, tables):
    """{table: (rows, md5 of every row in id order)}: compared before and after, it shows a table left exactly as
    it was."""
    result = {}
    for table in tables:
        cr.execute("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM %s t" % table)
        result[table] = cr.fetchone()
    return result

class TestBadInputCampaign(TransactionCase):

    def setUp(self):
        super().setUp()
        importer = self.env["ukkr.billing.import"]
        with today_is(TODAY):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
                importer.import_content(text.encode("utf-8"), name)
            if not self.env["ukkr.monthly.close"].search([("period", "=", "2026-09")]):
                self.env["ukkr.monthly.close"].close_period("2026-09")
        operator = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Оператор кампании", "login": "t_campaign_operator", "lang": "ru_RU",
            "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})
        self.operator_env = self.env(user=operator.id, context=dict(self.env.context, lang="ru_RU"))

    def fingerprint(self, tables):
        return table_fingerprint(self.env.cr, tables)

    def test_campaign(self):
        self.assertEqual(len({case[0] for case in CASES}), len(CASES), "case names are unique")
        tried, clean, faults = 0, 0, []
        for name, importer, filename, content, words in CASES:
            run, tables = IMPORTERS[importer]
            data = content() if callable(content) else content
            tried += 1
            before = self.fingerprint(tables)
            problem = None
            try:
                with self.env.cr.savepoint():   # only to go on after a crash; a clean refusal changes nothing
                    with today_is(TODAY):
                        try:
                            run(self.operator_env, data, filename)
                            problem = "accepted"
                        except UserError as error:
                            message = error.name
                            changed = [t for t, v in self.fingerprint(tables).items() if v != before[t]]
                            if changed:
                                problem = "rows changed in %s" % ", ".join(changed)
                            elif not re.search("[а-яА-Я]", message) or "не загружен" not in message:
                                problem = "message is not Russian: %s" % message[:200]
                            elif words not in message:
                                problem = "message does not say «%s»: %s" % (words, message[:300])
            except Exception as error:  # noqa: BLE001 — an unexpected crash is itself the finding
                problem = "crashed: %s: %s" % (type(error).__name__, str(error)[:200])
            if problem:
                faults.append("%s (%s): %s" % (name, importer, problem))
            else:
                clean += 1
        _logger.info("Bad-input campaign: %d inputs tried, %d rejected cleanly", tried, clean)
        self.assertFalse(faults, "not rejected cleanly:\n" + "\n".join(faults))
        self.assertGreaterEqual(tried, 50)
