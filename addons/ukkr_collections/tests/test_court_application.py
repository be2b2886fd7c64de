"""The application for a court order (ГПК 124) as the court takes it: a test reads the DOCX and the PDF's HTML and finds
every element of ГПК 124 ч.2, and the magistrate's precinct comes from the dated records of the debtor's address.

Петрова А. С. (account 9900000002, п. Тея, ул. Южная, 4, кв. 2; born 01.07.1980 in г. Красноярск, СНИЛС
123-456-789 64) owes 4 000 for each of 2026-06…08; prepared on 26.11.2026 → court order at the magistrate, duty 2 000
(НК 333.19: half of 4 000), paid by «платёжное поручение № 512 от 20.11.2026». The precinct records: the district's
default (№ 163) and, from 01.01.2026, п. Тея, ул. Южная, houses 1-10 → «судебный участок № 164» (a record made in the
test): the most specific record in force wins.
"""
import base64

from odoo.exceptions import AccessError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import court_application_docx
from .agreement_common import AgreementCase


class TestCourtApplication(AgreementCase):

    def setUp(self):
        super().setUp()
        Precinct = self.env["ukkr.rule.court.precinct"]
        self.tea = self.account["2"].building_id
        Precinct.create({"court": "magistrate", "settlement_id": self.tea.settlement_id.id, "street": "ул. Южная",
                         "houses": "1-10", "date_from": "2026-01-01", "address": "663282, п. Тея, ул. Южная, 1",
                         "name": "Мировому судье судебного участка № 164 в Северо-Енисейском районе Красноярского края",
                         "source": "test"})
        self.open_case("2")
        with today_is("2026-11-26"):
            self.case = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-11-26",
                "duty_payment_doc": "платёжное поручение № 512 от 20.11.2026"})
            self.case.action_load_tranches()
            self.case.action_compute()

    def test_precinct_by_address(self):
        rules = self.env["ukkr.rules"]
        self.assertIn("№ 164", rules.court_precinct("magistrate", self.tea, "2026-11-26")["name"])
        self.assertIn("№ 163", rules.court_precinct("magistrate", self.tea, "2025-12-31")["name"])   # before it
        brianka = self.account["3"].building_id                                                        # elsewhere
        self.assertIn("№ 163", rules.court_precinct("magistrate", brianka, "2026-11-26")["name"])
        self.assertEqual(rules.court_precinct("arbitration", brianka, "2026-11-26")["name"],
                         "Арбитражный суд Красноярского края")
        self.assertEqual((self.case.court_kind, self.case.court_address), ("magistrate", "663282, п. Тея, ул. Южная, 1"))
        self.assertIn("№ 164", self.case.court_name)

    def test_every_element_of_gpk_124(self):
        with today_is("2026-11-26"):
            self.case.sudo(self.lawyer).action_generate_application()
        text = court_application_docx.read_text(base64.b64decode(self.case.application_id.datas))
        company = self.env.user.company_id
        elements = {
            "п.1 the court with its precinct": "Мировому судье судебного участка № 164 в Северо-Енисейском районе",
            "the court's address": "663282, п. Тея, ул. Южная, 1",
            "п.2 the claimant": company.name,
            "п.2 the claimant's ИНН and ОГРН": "ИНН 2434000014, ОГРН 1242400000006",
            "п.3 the debtor's name": "Петрова Анна Сергеевна",
            "п.3 date and place of birth": "дата рождения: 01.07.1980, место рождения: г. Красноярск",
            "п.3 residence": "место жительства: п. Тея, ул. Южная, д. 4, кв. 2",
            "п.3 one identifier": "СНИЛС: 123-456-789 64",
            "п.4 the claim and its ground": "ст. 122 ГПК РФ",
            "п.5 the circumstances: ЖК 153, 155": "ст. 153, 155 Жилищного кодекса РФ",
            "the claim by period": "2026-06 | 15.07.2026 | 4 000,00",
            "principal and penalties apart": "Основной долг, руб. | Пени, руб.",
            "the penalty calculation attached": "Расчёт задолженности и пеней по лицевому счёту № 9900000002",
            "the duty": "Государственная пошлина по ст. 333.19 НК РФ составляет 2 000,00 руб.",
            "the duty's payment document": "платёжное поручение № 512 от 20.11.2026",
            "п.6 the attachments": "Приложения:",
            "the date": "26.11.2026",
        }
        missing = [name for name, expected in elements.items() if expected not in text]
        self.assertFalse(missing, "not in the application: %s\n%s" % (missing, text))
        # the PDF is rendered from the same content (its HTML checked; wkhtmltopdf makes the PDF of it)
        html = self.env.ref("ukkr_collections.report_court_application").sudo(self.lawyer).render_qweb_html(
            self.case.ids)[0].decode("utf-8")
        for name in ("п.1 the court with its precinct", "п.2 the claimant's ИНН and ОГРН", "п.3 one identifier",
                     "п.3 date and place of birth", "the duty's payment document"):
            self.assertIn(elements[name], html, name)
        # the printout carries personal data: the legal group only, and each one is audited
        for user in (self.operator, self.control):
            with self.assertRaises(AccessError):
                self.env.ref("ukkr_collections.report_court_application").sudo(user).render_qweb_html(self.case.ids)
        self.assertTrue(self.env["auditlog.log"].search([("res_id", "=", self.account["2"].partner_id.id),
                                                         ("ukkr_fields_read", "=", "application (ГПК 124)"),
                                                         ("user_id", "=", self.lawyer.id)]))
