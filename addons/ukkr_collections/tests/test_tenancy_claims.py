"""The municipality's claims as landlord, made by the housing department (measures 19, 20).

- Eviction of a social tenant (ЖК 90): Петрова (9900000002, social tenancy, municipal, 2 residents) — accruals
  2025-12 (due Mon 12.01.2026, 10.01 and 11.01 being the weekend) and 2026-06…08, nothing ever paid. On 26.11.2026
  10 full months have passed since 12.01.2026 (12.01 → 12.11) — more than 6: the claim may be made. With 2 residents
  the premises offered need at least 2 × 6 = 12 m² (ЖК 105): 11,5 m² is refused, 14 m² accepted.
- Termination of a commercial tenancy (ГК 687): 9900000009 (commercial tenancy, municipal) owes 3 000 for 2026-07
  (due 17.08.2026, 15.08 a Saturday): on 26.11.2026 3 months — refused; on 20.02.2027 6 months (17.08 → 17.02) —
  the claim may be made.
The УККР operator cannot make them; the housing department (administration — executor) does.
"""
import base64

from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import court_application_docx
from .agreement_common import AgreementCase


class TestTenancyClaims(AgreementCase):

    def setUp(self):
        super().setUp()
        with today_is("2026-11-26"):
            self.importer.import_content(
                "Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;Основание проживания;"
                "Муниципальное жилье;Проживает;Площадь\n9900000009;п. Тея;ул. Южная;4;9;Сидоров Пётр Петрович;"
                "Физическое лицо;Коммерческий наем;1;1;33\n".encode("utf-8"), "accounts.csv")
            self.importer.import_content("account;period;service;accrued;norm_charge\n9900000002;2025-12;heating;4000;\n"
                                         "9900000009;2026-07;heating;3000;\n".encode("utf-8"), "accruals.csv")
        self.commercial = self.env["ukkr.personal.account"].search([("name", "=", "9900000009")])
        self.Court = self.env["ukkr.court.case"]

    def text(self, case):
        return court_application_docx.read_text(base64.b64decode(case.application_id.datas))

    def test_eviction_of_a_social_tenant(self):
        with today_is("2026-11-26"):
            with self.assertRaises(AccessError):
                self.Court.sudo(self.operator).create({"account_id": self.account["2"].id,
                                                       "kind": "eviction_social", "date": "2026-11-26"})
            case = self.Court.sudo(self.executor).create({"account_id": self.account["2"].id,
                                                          "kind": "eviction_social", "date": "2026-11-26"})
            self.assertEqual((case.measure_number, case.months_without_payment), (19, 10))
            with self.assertRaisesRegex(UserError, "premises offered|предлагаем"):
                case.action_generate_claim_document()
            case.write({"offered_address": "п. Тея, ул. Школьная, д. 3, кв. 1 (общежитие)", "offered_area": 11.5})
            with self.assertRaisesRegex(UserError, "12 m²|12 м²"):
                case.action_generate_claim_document()
            self.assertFalse(case.application_id)
            case.offered_area = 14
            case.action_generate_claim_document()
        text = self.text(case)
        for expected in ("о выселении из жилого помещения", "Администрация Северо-Енисейского района",
                         "Петрова Анна Сергеевна", "п. Тея, ул. Южная, д. 4, кв. 2", "10 мес.", "16 000,00",
                         "п. Тея, ул. Школьная, д. 3, кв. 1 (общежитие)", "14 м²", "ст. 90", "ст. 105"):
            self.assertIn(expected, text)
        # the housing department does not see the identification: it is left to be filled in by hand
        self.assertNotIn("123-456-789 64", text)
        self.assertIn("идентификатор (СНИЛС", text)

    def test_termination_of_a_commercial_tenancy(self):
        with today_is("2026-11-26"):
            case = self.Court.sudo(self.executor).create({"account_id": self.commercial.id,
                                                          "kind": "termination_commercial", "date": "2026-11-26"})
            self.assertEqual((case.measure_number, case.months_without_payment), (20, 3))
            with self.assertRaisesRegex(UserError, "ГК 687"):
                case.action_generate_claim_document()
        with today_is("2027-02-20"):
            later = self.Court.sudo(self.executor).create({"account_id": self.commercial.id,
                                                           "kind": "termination_commercial", "date": "2027-02-20"})
            self.assertEqual(later.months_without_payment, 6)
            later.action_generate_claim_document()
        text = self.text(later)
        for expected in ("о расторжении договора коммерческого найма", "Сидоров Пётр Петрович", "6 мес.",
                         "3 000,00", "ст. 687 ГК РФ"):
            self.assertIn(expected, text)
        # a lawyer's document carries the tenant's identification
        with today_is("2027-02-20"):
            self.Court.browse(later.id).sudo(self.lawyer).action_generate_claim_document()
        self.assertIn("дата рождения: ____________", self.text(later))   # Сидоров has none recorded
