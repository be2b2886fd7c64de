"""Court cases (measures 18–20): routing, state duty on filing, НК 333.40 credit, ГК 204 effect on the tranches,
the batch of court-order applications and the plan's count.

Hand-derived figures (district of agreement_common):
- 9900000002 (individual, social tenancy, municipal) owes 3 × 4 000 = 12 000 for 2026-06…08. A court order filed on
  26.11.2026 claims 12 000 + penalties (< 100 000 in any case) → magistrate, court-order procedure (ГПК 121,
  limit 500 000); duty by the НК 333.19 scale in force since 09.09.2024: a claim up to 100 000 costs 4 000, a court
  order 50 % → 2 000. A claim after the order's cancellation costs 4 000, of which the 2 000 paid are credited
  (НК 333.40 п.1 пп.7 / 333.20 п.1 пп.13) → 2 000 to pay.
- 9900000003 (legal entity) owes 5 000 for 2023-09, due 10.10.2023 → limitation expires 11.10.2026. A court order
  filed on 01.10.2026 goes to the arbitration court; НК 333.21 since 09.09.2024: claim up to 100 000 → 10 000, court
  order 50 % → 5 000, but not less than 8 000 → 8 000. ГК 204 п.1: from the filing the clock stops; R = 11.10 − 01.10 + 1 = 11 days remain. The order
  is issued 05.10.2026 and cancelled 12.10.2026: the clock runs from 13.10 and would end 12.10 + 11 = 23.10.2026,
  under six months → extended to 12.10.2026 + 6 months = 12.04.2027 (ГК 204 п.3). The claim then: 10 000 duty,
  8 000 credited → 2 000 to pay.
"""
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import court_application_docx
from .agreement_common import AgreementCase


class TestCourtCase(AgreementCase):

    def setUp(self):
        super().setUp()
        self.Court = self.env["ukkr.court.case"]

    def prepared(self, suffix, date_prepared, kind="court_order", user=None):
        with today_is(date_prepared):
            case = self.Court.sudo(user or self.lawyer).create({
                "account_id": self.account[suffix].id, "kind": kind, "date": date_prepared})
            case.action_load_tranches()
        return case

    def events(self, account):
        return sorted((e.period, e.kind, e.date) for e in self.env["ukkr.limitation.event"].search(
            [("account_id", "=", account.id)]))

    def test_individual_court_order_routing_and_duty(self):
        self.open_case("2")
        case = self.prepared("2", "2026-11-26")
        self.assertEqual(case.line_ids.mapped("period"), ["2026-06", "2026-07", "2026-08"])
        self.assertEqual(case.principal_amount, 12000.0)
        self.assertEqual(case.measure_number, 18)
        with today_is("2026-11-26"):
            case._file("2026-11-26")
        tranches = {t["period"]: t for t in self.account["2"].debt_tranches(date(2026, 11, 26))}
        penalty = round(sum(t["penalty"] for t in tranches.values()), 2)
        self.assertGreater(penalty, 0)
        self.assertAlmostEqual(case.penalty_amount, penalty, places=2)
        self.assertAlmostEqual(case.claim_amount, 12000.0 + penalty, places=2)
        self.assertEqual((case.state, case.court_kind, case.state_duty, case.duty_to_pay),
                         ("filed", "magistrate", 2000.0, 2000.0))
        self.assertEqual(case.date_filed, "2026-11-26")
        self.assertEqual(self.events(self.account["2"]),
                         [(p, "filed", "2026-11-26") for p in ("2026-06", "2026-07", "2026-08")])
        # pending filing: no expiry (ГК 204 п.1) — the tranches show it
        self.assertFalse(any(t["limitation_expiry"] for t in tranches.values()))
        self.assertEqual(case.case_id.stage_code, "court")
        # a claim of the same debt: magistrate (≤ 100 000), 4 000
        self.assertEqual(self.env["ukkr.rules"].state_duty(case.claim_amount, "claim", date(2026, 11, 26)), 4000)

    def test_legal_entity_cancelled_order_becomes_claim(self):
        account = self.account["3"]
        self.open_case("3")
        order = self.prepared("3", "2026-10-01")
        self.assertEqual(order.line_ids.mapped("period"), ["2023-09"])
        self.assertEqual(order.line_ids.limitation_expiry, "2026-10-11")
        with today_is("2026-10-01"):
            order._file("2026-10-01")
        self.assertEqual((order.court_kind, order.state_duty), ("arbitration", 8000.0))
        self.assertIsNone(account.debt_tranches(date(2026, 10, 20))[0]["limitation_expiry"])
        with today_is("2026-10-20"):
            order.write({"date_order": "2026-10-05"})
            order.action_order_issued()
            order.write({"date_cancelled": "2026-10-12"})
            order.action_cancel_order()
        self.assertEqual(order.state, "cancelled")
        self.assertEqual(self.events(account), [("2023-09", "cancelled", "2026-10-12"),
                                                ("2023-09", "filed", "2026-10-01")])
        self.assertEqual(account.debt_tranches(date(2026, 11, 26))[0]["limitation_expiry"], date(2027, 4, 12))
        self.assertEqual(order.line_ids.limitation_expiry_now, "2027-04-12")
        # НК 333.40: the claim credits the order's 8 000
        with today_is("2026-11-26"):
            action = order.sudo(self.lawyer).action_make_claim()
            claim = self.Court.browse(action["res_id"])
            self.assertEqual((claim.kind, claim.previous_case_id, claim.line_ids.mapped("period")),
                             ("claim", order, ["2023-09"]))
            claim._file("2026-11-26")
        self.assertEqual((claim.court_kind, claim.state_duty, claim.duty_credit, claim.duty_to_pay),
                         ("arbitration", 10000.0, 8000.0, 2000.0))
        # the claim's filing stops the clock again
        self.assertIsNone(account.debt_tranches(date(2026, 11, 27))[0]["limitation_expiry"])

    def test_individual_claim_after_cancellation_credit(self):
        self.open_case("2")
        order = self.prepared("2", "2026-11-02")
        with today_is("2026-11-02"):
            order._file("2026-11-02")
        with today_is("2026-11-26"):
            order.write({"date_order": "2026-11-05"})
            order.action_order_issued()
            order.write({"date_cancelled": "2026-11-16"})
            order.action_cancel_order()
            claim = self.Court.browse(order.action_make_claim()["res_id"])
            claim._file("2026-11-26")
        self.assertEqual((claim.court_kind, claim.state_duty, claim.duty_credit, claim.duty_to_pay),
                         ("magistrate", 4000.0, 2000.0, 2000.0))

    def test_dismissal_restores_the_period(self):
        """Filed 01.10.2026, left without consideration 20.10.2026: ГК 204 п.2–3 — 11 days remained → the period is
        extended to 20.10.2026 + 6 months = 20.04.2027."""
        claim = self.prepared("3", "2026-10-01", kind="claim")
        with today_is("2026-10-01"):
            claim._file("2026-10-01")
        with today_is("2026-10-20"):
            claim.action_dismiss()
        self.assertEqual((claim.state, claim.result), ("closed", "dismissed"))
        self.assertEqual(self.account["3"].debt_tranches(date(2026, 11, 26))[0]["limitation_expiry"],
                         date(2027, 4, 20))

    def test_bad_input_changes_nothing(self):
        case = self.prepared("2", "2026-11-20")
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "before the preparation|раньше даты подготовки"):
            case._file("2026-11-19")
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "future|будущ"):
            case._file("2026-11-30")
        self.assertEqual((case.state, case.date_filed, case.state_duty), ("prepared", False, 0.0))
        self.assertFalse(self.events(self.account["2"]))
        # a court order above the ГПК 121 limit (account 1 owes 600 000 for 2026-06)
        with today_is("2026-11-26"):
            self.importer.import_content("account;period;service;accrued;norm_charge\n"
                                         "9900000001;2026-06;heating;600000;\n".encode("utf-8"), "accruals.csv")
        large = self.prepared("1", "2026-11-26")
        self.assertEqual(large.principal_amount, 600000.0)
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "500"):
            large._file("2026-11-26")
        self.assertEqual((large.state, large.state_duty), ("prepared", 0.0))
        self.assertFalse(self.events(self.account["1"]))
        # a negative amount
        case.line_ids[0].principal = -20000
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "greater than zero|больше нуля"):
            case._file("2026-11-26")
        with self.assertRaisesRegex(UserError, "greater than zero|больше нуля"):
            self.env["ukkr.rules"].state_duty(-100, "court_order", date(2026, 11, 26))
        # no tranche
        case.line_ids.unlink()
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "no tranche|ни одного периода"):
            case._file("2026-11-26")
        self.assertEqual((case.state, case.date_filed), ("prepared", False))
        self.assertFalse(self.events(self.account["2"]))
        # eviction (ЖК 90) only for a social tenant of municipal housing
        with self.assertRaisesRegex(ValidationError, "ЖК 90|90 ЖК"):
            self.Court.create({"account_id": self.account["1"].id, "kind": "eviction_social", "date": "2026-11-26"})
        # a tranche claimed by a live case is not claimed twice
        with self.assertRaisesRegex(UserError, "claimed in another court case|в другом судебном"), \
                self.env.cr.savepoint():
            self.prepared("1", "2026-11-26")   # 2026-06 is already claimed by the prepared court order
        # one bad case among several: none is filed
        with today_is("2026-11-26"), self.assertRaisesRegex(UserError, "500"):
            (self.prepared("3", "2026-10-01") | large)._file("2026-11-26")
        self.assertFalse(self.events(self.account["3"]))

    def test_access(self):
        """Operator reads only; the housing department files evictions from municipal housing, nothing else."""
        with self.assertRaises(AccessError):
            self.Court.sudo(self.operator).create({"account_id": self.account["2"].id, "date": "2026-11-26"})
        with self.assertRaises(AccessError):
            self.Court.sudo(self.executor).create({"account_id": self.account["2"].id, "date": "2026-11-26"})
        eviction = self.Court.sudo(self.executor).create({"account_id": self.account["2"].id,
                                                          "kind": "eviction_social", "date": "2026-11-26"})
        self.assertEqual(eviction.measure_number, 19)
        order = self.prepared("3", "2026-10-01")
        with self.assertRaises(AccessError):
            self.Court.sudo(self.control).browse(order.id).read(["name"])

    def test_batch_of_ten_and_measure_18(self):
        """Ten individual owners owe 1 000 × k (k = 1…10) for 2026-05 (due 10.06.2026): the queue (debt above
        1 500) lists 9 of them, the largest debt first among equal expiries; all ten selected → ten court orders
        prepared with a DOCX each, filed in one step on 26.11.2026; measure 18's November execution counts 10."""
        lines_a = ["Лицевой счет;Населенный пункт;Улица;Дом;Квартира;Плательщик;Тип плательщика;"
                   "Основание проживания;Муниципальное жилье;Проживает;Площадь;Дата рождения;Место рождения;Паспорт"]
        lines_c = ["account;period;service;accrued;norm_charge"]
        for k in range(1, 11):
            lines_a.append("98000000%02d;п. Тея;ул. Новая;%d;1;Должник %d;Физическое лицо;Собственник;0;1;30;"
                           "01.01.1970;п. Тея;0412 5000%02d" % (k, k, k, k))
            lines_c.append("98000000%02d;2026-05;heating;%d;" % (k, 1000 * k))
        with today_is("2026-11-26"):
            for text, name in (("\n".join(lines_a) + "\n", "accounts.csv"), ("\n".join(lines_c) + "\n",
                                                                              "accruals.csv")):
                self.importer.import_content(text.encode("utf-8"), name)
            accounts = self.env["ukkr.personal.account"].search([("name", "like", "98000000%")], order="name")
            cases = self.Case.browse([self.Case.create({"account_id": a.id}).id for a in accounts])
            queue = self.Court.court_queue(min_debt=1500, months=6)
            queued = [row[0] for row in queue if row[0] in cases.ids]
            self.assertEqual(len(queued), 9)
            self.assertEqual(self.Case.browse(queued[0]).account_id.name, "9800000010")
            with self.assertRaisesRegex(UserError, "negative|отрицательн"):
                self.Court.court_queue(min_debt=-1)
            wizard = self.env["ukkr.court.batch.wizard"].sudo(self.lawyer).create(
                {"case_ids": [(6, 0, cases.ids)]})
            action = wizard.action_generate()
            created = self.Court.search(action["domain"])
            self.assertEqual(len(created), 10)
            self.assertEqual(set(created.mapped("state")), {"prepared"})
            big = created.filtered(lambda c: c.account_id.name == "9800000010")
            self.assertEqual((big.principal_amount, big.court_kind, big.state_duty), (10000.0, "magistrate", 2000.0))
            text = court_application_docx.read_text(base64.b64decode(big.application_id.datas))
            self.assertTrue(big.court_name)
            for expected in (big.court_name, "ЗАЯВЛЕНИЕ О ВЫДАЧЕ СУДЕБНОГО ПРИКАЗА", "Должник 10", "9800000010",
                             "2026-05", "10 000,00", "2 000,00", "Приложения", "ст. 122 ГПК РФ"):
                self.assertIn(expected, text)
            self.assertEqual(big.application_id.res_model, "ukkr.court.case")
            self.env["ukkr.court.file.wizard"].sudo(self.lawyer).create({
                "court_case_ids": [(6, 0, created.ids)], "date_filed": "2026-11-26"}).action_file()
            self.assertEqual(set(created.mapped("state")), {"filed"})
            execution = self.env["ukkr.plan.execution"].create({
                "measure_id": self.env.ref("ukkr_debt_plan.measure_18").id, "kind": "summary",
                "period_start": "2026-11-01", "period_end": "2026-11-30", "deadline": "2026-12-05"})
            self.assertEqual((execution.action_count, execution.target_qty, execution.target_met), (10, 10, True))
        rows = self.Court._report_rows("2026-11-01", "2026-11-30")
        self.assertEqual(len(rows), 10)
        self.assertFalse(rows[0]["payer"], "names only for municipal housing")
        self.assertEqual(rows[0]["stage"], "filed")
