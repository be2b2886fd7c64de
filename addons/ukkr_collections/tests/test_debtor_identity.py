"""The debtor's identification (ГПК 124 ч.2 п.3) under 152-ФЗ: check digits derived by hand, the optional columns of
the accounts file, who may read and change it, the audit of every read, and the refusal to file without it.

Check digits (identity_calc):
- СНИЛС 112-233-445: 9·1+8·1+7·2+6·2+5·3+4·3+3·4+2·4+1·5 = 95 → «95»; 123-456-789: 9+16+21+24+25+24+21+16+9 = 165,
  165 mod 101 = 64 → «64»;
- ИНН 7707083893: 2·7+4·7+10·0+3·7+5·0+9·8+4·3+6·8+8·9 = 267, 267 mod 11 = 3 → «3»; ИНН 500100732259:
  11th digit 7·5+2·0+4·0+10·1+3·0+5·0+9·7+4·3+6·2+8·2 = 148, mod 11 = 5; 12th 3·5+7·0+2·0+4·1+10·0+3·0+5·7+9·3+4·2
  +6·2+8·5 = 141, mod 11 = 9 → «59»;
- ОГРН 1027700132195: 102770013219 mod 11 = 5; ОГРНИП 304500116000157: 30450011600015 mod 13 = 7.
"""
import base64

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import court_application_docx, identity_calc
from ..models.rule_errors import RuleInputError
from .agreement_common import AgreementCase
from .test_billing_import import ACCOUNTS, ACCOUNTS_IDENTIFIED


class TestDebtorIdentity(AgreementCase):

    def setUp(self):
        super().setUp()
        self.ivanov = self.account["1"].partner_id
        self.petrova = self.account["2"].partner_id

    def test_check_digits(self):
        good = [("SNILS", "112-233-445 95", "112-233-445 95"), ("SNILS", "12345678964", "123-456-789 64"),
                ("SNILS", "001-001-998 00", "001-001-998 00"),   # up to 001-001-998: no check number
                ("INN", "7707083893", "7707083893"), ("INN", "500100732259", "500100732259"),
                ("OGRN", "1027700132195", "1027700132195"), ("OGRN", "304500116000157", "304500116000157"),
                ("PASSPORT_RF", "04 12 123456", "0412 123456"), ("DRIVER_LICENSE", "99 12 345678", "99 12 345678"),
                ("DRIVER_LICENSE", "24ав123456", "24 АВ 123456")]
        for code, text, kept in good:
            self.assertEqual(identity_calc.clean(code, text), kept, text)
        bad = [("SNILS", "112-233-445 96", "identity_check"), ("SNILS", "112-233-445", "identity_format"),
               ("INN", "7707083894", "identity_check"), ("INN", "500100732258", "identity_check"),
               ("INN", "77070838", "identity_format"), ("OGRN", "1027700132196", "identity_check"),
               ("OGRN", "304500116000158", "identity_check"), ("OGRN", "10277001321", "identity_format"),
               ("PASSPORT_RF", "0412 12345", "identity_format"), ("DRIVER_LICENSE", "99 12 34567X", "identity_format")]
        for code, text, error in bad:
            with self.assertRaises(RuleInputError, msg=text) as caught:
                identity_calc.clean(code, text)
            self.assertEqual(caught.exception.code, error, text)

    def test_accounts_file_columns(self):
        self.assertEqual((self.ivanov.birthdate_date, self.ivanov.ukkr_birth_place, self.ivanov.ukkr_snils),
                         ("1975-03-12", "пос. Тея Северо-Енисейского района Красноярского края", "112-233-445 95"))
        self.assertEqual(self.account["3"].partner_id.ukkr_ogrn, "1242400000006")
        # a file without the columns, and a file with empty cells, leave the identification as it is
        with today_is("2026-11-26"):
            self.importer.import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
            self.importer.import_content(ACCOUNTS_IDENTIFIED.replace(";12.03.1975;", ";;").encode("utf-8"),
                                         "accounts.csv")
        self.ivanov.invalidate_cache()
        self.assertEqual((self.ivanov.birthdate_date, self.ivanov.ukkr_snils), ("1975-03-12", "112-233-445 95"))
        self.assertEqual(len(self.ivanov.id_numbers), 1)
        # a new number replaces the old one of its category
        with today_is("2026-11-26"):
            self.importer.import_content(ACCOUNTS_IDENTIFIED.replace("112-233-445 95", "12345678964")
                                         .encode("utf-8"), "accounts.csv")
        self.ivanov.invalidate_cache()
        self.assertEqual((len(self.ivanov.id_numbers), self.ivanov.ukkr_snils), (1, "123-456-789 64"))
        # a wrong check digit refuses the whole file, naming the row; nothing changes
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "(?s)row 3.*СНИЛС|строка 3.*СНИЛС"):
            self.importer.import_content(ACCOUNTS_IDENTIFIED.replace("123-456-789 64", "123-456-789 65")
                                         .replace("12.03.1975", "13.03.1975").encode("utf-8"), "accounts.csv")
        self.ivanov.invalidate_cache()
        self.assertEqual(self.ivanov.birthdate_date, "1975-03-12")
        # the operator loads accounts, but not the identification
        with today_is("2026-11-26"):
            self.importer.sudo(self.operator).import_content(ACCOUNTS.encode("utf-8"), "accounts.csv")
            with self.assertRaisesRegex(UserError, "legal group|юридическ"):
                self.importer.sudo(self.operator).import_content(
                    ACCOUNTS_IDENTIFIED.replace("12.03.1975", "13.03.1975").encode("utf-8"), "accounts.csv")
        self.ivanov.invalidate_cache()
        self.assertEqual(self.ivanov.birthdate_date, "1975-03-12")

    def test_only_the_legal_group_reads_and_changes_it(self):
        Log = self.env["auditlog.log"]
        fields = ["birthdate_date", "ukkr_birth_place", "ukkr_snils"]
        for user in (self.operator, self.executor, self.control):
            with self.assertRaises(AccessError):
                self.petrova.sudo(user).read(fields)
            with self.assertRaises(AccessError):
                self.petrova.sudo(user).write({"ukkr_birth_place": "г. Москва"})
            with self.assertRaises(AccessError):
                self.env["res.partner.id_number"].sudo(user).search([])
        self.assertNotIn("birthdate_date", self.env["res.partner"].sudo(self.operator).fields_get())
        logs = Log.search_count([("method", "=", "read"), ("model_id.model", "=", "res.partner")])
        # the lawyer reads: one log entry, who and which payer and fields, never the values
        values = self.petrova.sudo(self.lawyer).read(fields)[0]
        self.assertEqual((values["birthdate_date"], values["ukkr_snils"]), ("1980-07-01", "123-456-789 64"))
        log = Log.search([("method", "=", "read"), ("model_id.model", "=", "res.partner"),
                          ("res_id", "=", self.petrova.id), ("user_id", "=", self.lawyer.id)])
        self.assertEqual(len(log), 1)
        self.assertEqual(log.ukkr_fields_read, "birthdate_date, ukkr_birth_place, ukkr_snils")
        self.assertIn("9900000002", log.name)
        self.assertNotIn("Петрова", log.name)
        self.assertFalse(log.line_ids)
        self.assertEqual(Log.search_count([("method", "=", "read"), ("model_id.model", "=", "res.partner")]),
                         logs + 1)
        # reading the numbers themselves is logged too
        self.petrova.sudo(self.lawyer).id_numbers.read(["name"])
        self.assertTrue(Log.search([("res_id", "=", self.petrova.id), ("ukkr_fields_read", "=", "id_numbers"),
                                    ("user_id", "=", self.lawyer.id)]))
        # the lawyer changes the identification, not the payer's other data
        self.petrova.sudo(self.lawyer).write({"ukkr_birth_place": "г. Красноярск, Красноярский край",
                                              "ukkr_passport": "04 12 654321"})
        self.petrova.invalidate_cache()
        self.assertEqual((self.petrova.ukkr_birth_place, self.petrova.ukkr_passport),
                         ("г. Красноярск, Красноярский край", "0412 654321"))
        with self.assertRaises(AccessError):
            self.petrova.sudo(self.lawyer).write({"name": "Другое имя"})
        with self.assertRaisesRegex(ValidationError, "Петрова.*(check digit|контрольн)"):
            with self.env.cr.savepoint():
                self.petrova.sudo(self.lawyer).write({"ukkr_snils": "123-456-789 65"})
        with self.assertRaisesRegex(ValidationError, "ОГРН"):
            with self.env.cr.savepoint():
                self.account["3"].partner_id.sudo(self.lawyer).write({"ukkr_ogrn": "1242400000007"})
        self.petrova.invalidate_cache()
        self.assertEqual(self.petrova.ukkr_snils, "123-456-789 64")

    def court_order(self, suffix="2"):
        self.open_case(suffix)
        with today_is("2026-11-26"):
            case = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account[suffix].id, "kind": "court_order", "date": "2026-11-26"})
            case._load_tranches("2026-11-26")
        return case

    def test_no_filing_without_identification(self):
        case = self.court_order()
        self.petrova.id_numbers.unlink()
        self.petrova.birthdate_date = False
        with today_is("2026-11-26"):
            with self.assertRaisesRegex(UserError, "date of birth.*identifier|дата рождения.*идентификатор"):
                case.sudo(self.lawyer).action_file()
            with self.assertRaisesRegex(UserError, "identifier|идентификатор"):
                case.sudo(self.lawyer).action_generate_application()
            self.assertEqual((case.state, case.date_filed, case.application_id.id), ("prepared", False, False))
            self.petrova.birthdate_date = "1980-07-01"
            # no identifier known: the lawyer confirms it knowingly — nobody else may
            for user in (self.operator, self.control):
                with self.assertRaises(AccessError):
                    case.sudo(user).action_confirm_no_identifier()
            self.assertFalse(case.identifier_unknown)
            case.sudo(self.lawyer).action_confirm_no_identifier()
            self.assertEqual((case.identifier_unknown, case.identifier_unknown_user_id), (True, self.lawyer))
            self.assertTrue(case.identifier_unknown_date)
            with self.assertRaisesRegex(UserError, "buttons|кнопк"):   # not by a direct write
                case.sudo(self.lawyer).write({"identifier_unknown": False})
            self.assertTrue(case.identifier_unknown)
            case.sudo(self.lawyer).action_generate_application()
            text = court_application_docx.read_text(base64.b64decode(case.application_id.datas))
            self.assertIn("взыскателю неизвестны", text)
            case.sudo(self.lawyer)._file()
        self.assertEqual(case.state, "filed")
        # an identifier known afterwards: the confirmation is refused (it is printed instead)
        other = self.court_order("1")
        with self.assertRaisesRegex(UserError, "identifier of the debtor is known|известен"):
            other.sudo(self.lawyer).action_confirm_no_identifier()

    def test_claimant_inn_and_ogrn(self):
        case = self.court_order()
        self.env.user.company_id.write({"company_registry": False})
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "ОГРН"):
            case.sudo(self.lawyer).action_generate_application()
        self.assertFalse(case.application_id)
