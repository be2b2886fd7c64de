"""Filing readiness (issue 23.1): one fixture per problem that would make the court return or refuse a court order,
and a ready case; the batch wizard prepares only ready cases and says why the others are held; the file wizard
files only ready court cases.

District of agreement_common, with one more accrual: 9900000001 (Иванов Иван Иванович, individual owner) owes
5 000 for 2023-09 (due 10.10.2023 → time-barred after 11.10.2026) and 3 000 for 2026-08 (due 15.09.2026);
9900000002 (Петрова Анна Сергеевна, social tenant of municipal housing) owes 4 000 × 2026-06, -07, -08 (due
15.07, 17.08, 15.09.2026); 9900000003 (ООО «Брянка-Лес») owes 5 000 for 2023-09, due 10.10.2023: limitation
expires 11.10.2026 (3 years from the day after the due date, ГК 196, 200).
"""
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import filing_readiness_calc as calc
from ..models.filing_readiness_calc import NOT_IN_MODEL
from .agreement_common import AgreementCase

TODAY = "2026-11-26"


class TestReadinessCalc(AgreementCase):
    """The pure functions, on examples written out by hand."""

    def test_identification_gaps(self):
        citizen = {"name": "Петрова Анна Сергеевна", "birth_date": date(1980, 5, 1), "birth_place": "г. Красноярск",
                   "residence": "п. Тея, ул. Южная, 4", "identifiers": {"SNILS": "112-233-445 95"}}
        self.assertEqual(calc.identification_gaps("individual", citizen), [])
        self.assertEqual(calc.identification_gaps("individual", dict(citizen, name="Петрова", identifiers={},
                                                                     birth_place="")),
                         ["full_name", "birth_place", "identifier"])
        # ГПК 124 for utility debt: identifiers known to the claimant — a recorded «none known» satisfies it
        self.assertEqual(calc.identification_gaps("individual", dict(citizen, identifiers={},
                                                                     identifiers_unknown=True)), [])
        # elements the database cannot hold are not checked
        self.assertEqual(calc.identification_gaps("individual", dict(
            citizen, birth_date=NOT_IN_MODEL, birth_place=NOT_IN_MODEL, identifiers=NOT_IN_MODEL)), [])
        self.assertEqual(calc.identification_gaps("sole_trader", dict(citizen, name="ИП Иванов И.И.")), [])
        self.assertEqual(calc.identification_gaps("legal", {"name": "ООО «Брянка-Лес»", "residence": "п. Брянка",
                                                            "inn": "", "ogrn": NOT_IN_MODEL}), ["inn"])
        self.assertEqual(calc.identification_gaps("budget", {"name": "", "residence": "", "inn": "2434000000",
                                                             "ogrn": "1022400000000"}), ["name", "address"])

    def test_periods_shares_and_time_bar(self):
        # a procedure started on 01.08.2026: June and July ended before it; August is a current payment
        self.assertEqual(calc.periods_before(["2026-06", "2026-07", "2026-08"], date(2026, 8, 1)),
                         ["2026-06", "2026-07"])
        self.assertEqual(calc.period_end("2024-02"), date(2024, 2, 29))
        self.assertEqual(calc.time_barred([{"period": "2023-09", "limitation_expiry": date(2026, 10, 11)},
                                           {"period": "2026-08", "limitation_expiry": None}], date(2026, 11, 26)),
                         ["2023-09"])
        self.assertIsNone(calc.owners_verdict([], 7))
        self.assertIsNone(calc.owners_verdict([(7, 1, 2), (7, 1, 2)], 7))     # the payer owns 1/2 + 1/2 = all
        self.assertEqual(calc.owners_verdict([(7, 1, 2), (8, 1, 2)], 7), "several")
        self.assertEqual(calc.owners_verdict([(7, 2, 3)], 7), "partial")
        self.assertEqual(calc.owners_verdict([(8, 1, 1)], 7), "not_payer")


class TestFilingReadiness(AgreementCase):

    def setUp(self):
        super().setUp()
        with today_is(TODAY):
            self.importer.import_content("account;period;service;accrued;norm_charge\n"
                                         "9900000001;2026-08;heating;3000;\n".encode("utf-8"), "accruals.csv")
        self.cases = {suffix: self.open_case(suffix) for suffix in ("1", "2", "3")}
        self.Status = self.env["ukkr.debtor.status"]
        self.Owner = self.env["ukkr.premises.owner"]
        today = today_is(TODAY)   # the whole test runs on 26.11.2026
        today.__enter__()
        self.addCleanup(today.__exit__, None, None, None)

    def codes(self, suffix, day=TODAY):
        with today_is(day):
            return [code for code, _message in self.cases[suffix].filing_readiness()]

    def messages(self, suffix, day=TODAY):
        with today_is(day):
            return " ".join(message for _code, message in self.cases[suffix].filing_readiness())

    # ------------------------------------------------------------------ one fixture per problem
    def test_ready_case(self):
        self.assertEqual(self.codes("2"), [])
        with today_is(TODAY):
            self.assertTrue(self.cases["2"].filing_ready)
            self.assertFalse(self.cases["2"].filing_problems)

    def test_identification_incomplete(self):
        # a citizen named by the surname only (ГПК 124 ч.2 п.3: surname, given name, patronymic)
        self.account["2"].partner_id.name = "Петрова"
        self.assertEqual(self.codes("2"), ["identification"])
        self.assertRegex(self.messages("2"), "124")
        # an organisation without its ИНН, before its tranche is time-barred
        self.assertEqual(self.codes("3", "2026-10-01"), ["identification"])
        self.assertRegex(self.messages("3", "2026-10-01"), "ИНН")
        self.account["3"].partner_id.vat = "2434000335"
        self.assertEqual(self.codes("3", "2026-10-01"), [])

    def test_deceased_and_liquidated(self):
        self.Status.sudo(self.lawyer).create({"partner_id": self.account["2"].partner_id.id, "kind": "deceased",
                                              "date_from": "2026-10-02", "document": "Свидетельство о смерти"})
        self.assertEqual(self.codes("2"), ["deceased"])
        self.assertRegex(self.messages("2"), "1175")
        self.assertEqual(self.codes("2", "2026-10-01"), [], "not yet dead on 01.10.2026")
        self.account["3"].partner_id.vat = "2434000335"
        self.Status.create({"partner_id": self.account["3"].partner_id.id, "kind": "liquidated",
                            "date_from": "2026-09-01", "document": "Запись ЕГРЮЛ"})
        self.assertEqual(self.codes("3", "2026-10-01"), ["deceased"])
        with self.assertRaisesRegex(ValidationError, "end date|окончания"), self.env.cr.savepoint():
            self.Status.create({"partner_id": self.account["2"].partner_id.id, "kind": "deceased",
                                "date_from": "2026-10-02", "date_to": "2026-10-03", "document": "x"})

    def test_bankruptcy(self):
        """Procedure since 01.08.2026: June and July arose before it (bankruptcy case); from 01.06.2026 every claimed
        period is a current payment (the court order is possible); after the procedure ended, ready again."""
        status = self.Status.create({"partner_id": self.account["2"].partner_id.id, "kind": "bankrupt",
                                     "date_from": "2026-08-01", "document": "Определение АС № А33-1/2026"})
        self.assertEqual(self.codes("2"), ["bankrupt"])
        self.assertIn("2026-06, 2026-07", self.messages("2"))
        status.date_from = "2026-06-01"
        self.assertEqual(self.codes("2"), [])
        status.write({"date_from": "2026-08-01", "date_to": "2026-11-01"})
        self.assertEqual(self.codes("2"), [])

    def test_periods_in_a_live_court_case(self):
        with today_is(TODAY):
            order = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "case_id": self.cases["2"].id, "date": TODAY})
            order.action_load_tranches()
        self.assertEqual(self.codes("2"), ["in_court"])
        # the prepared order itself is ready; a second court case claiming the same periods is not
        with today_is(TODAY):
            self.assertEqual(order.filing_readiness(), [])
            twice = self.env["ukkr.court.case"].create({
                "account_id": self.account["2"].id, "date": TODAY,
                "line_ids": [(0, 0, {"period": "2026-07", "principal": 4000})]})
            self.assertEqual([c for c, _m in twice.filing_readiness()], ["in_court"])
            self.assertIn(order.name, twice.filing_problems)
        # a cancelled order no longer holds its periods
        order.sudo().write({"state": "cancelled"})
        self.assertEqual(self.codes("2"), [])

    def test_every_tranche_time_barred(self):
        """9900000003: 2023-09 due 10.10.2023 → expired 11.10.2026; on 26.11.2026 all claimed is time-barred. An
        acknowledgement on 01.05.2026 (ГК 203) restarts it: 01.05.2029."""
        self.account["3"].partner_id.vat = "2434000335"
        self.assertEqual(self.codes("3", "2026-10-11"), [])
        self.assertEqual(self.codes("3"), ["time_barred"])
        self.env["ukkr.limitation.event"].create({"account_id": self.account["3"].id, "period": "2023-09",
                                                  "kind": "acknowledged", "date": "2026-05-01"})
        self.assertEqual(self.codes("3"), [])
        # only some tranches barred: 9900000001's 2023-09 is barred, 2026-08 is not — the filing claims 2026-08
        self.assertEqual(self.codes("1"), [])

    def test_several_owners_with_shares(self):
        payer = self.account["1"].partner_id
        other = self.env["res.partner"].create({"name": "Иванова Мария Петровна"})
        owner = self.Owner.sudo(self.operator).create({
            "account_id": self.account["1"].id, "partner_id": payer.id, "share_numerator": 1, "share_denominator": 2,
            "date_from": "2015-03-01", "source": "Выписка ЕГРН"})
        self.assertEqual(self.codes("1"), ["owners"], "the payer owns 1/2: the other half's owner is unknown")
        self.Owner.create({"account_id": self.account["1"].id, "partner_id": other.id, "share_numerator": 1,
                           "share_denominator": 2, "date_from": "2015-03-01", "source": "Выписка ЕГРН"})
        self.assertEqual(self.codes("1"), ["owners"])
        self.assertIn("Иванова Мария Петровна — 1/2", self.messages("1"))
        self.assertRegex(self.messages("1"), "158")
        with self.assertRaisesRegex(ValidationError, "more than the whole|больше целого"), self.env.cr.savepoint():
            self.Owner.create({"account_id": self.account["1"].id, "partner_id": other.id, "share_numerator": 1,
                               "share_denominator": 3, "date_from": "2016-01-01", "source": "x"})
        # the other owner sold his half to the payer on 01.01.2026: the claimed 2026-08 is the payer's alone
        self.Owner.search([("partner_id", "=", other.id)]).date_to = "2025-12-31"
        owner.date_to = "2025-12-31"
        self.Owner.create({"account_id": self.account["1"].id, "partner_id": payer.id, "share_numerator": 1,
                           "share_denominator": 1, "date_from": "2026-01-01", "source": "Выписка ЕГРН"})
        self.assertEqual(self.codes("1"), [])
        # a social tenant pays for the whole whoever owns the premises
        self.Owner.create({"account_id": self.account["2"].id, "partner_id": other.id, "share_numerator": 1,
                           "share_denominator": 1, "date_from": "2010-01-01", "source": "Реестр муниципального "
                                                                                          "имущества"})
        self.assertEqual(self.codes("2"), [])

    def test_above_the_court_order_ceiling(self):
        with today_is(TODAY):
            self.importer.import_content("account;period;service;accrued;norm_charge\n"
                                         "9900000001;2026-07;heating;600000;\n".encode("utf-8"), "accruals.csv")
        self.assertEqual(self.codes("1"), ["above_ceiling"])
        self.assertRegex(self.messages("1"), "500")

    def test_moratorium(self):
        Moratorium = self.env["ukkr.rule.filing.moratorium"]
        rule = Moratorium.create({"name": "Мораторий (проверка)", "date_from": "2026-11-01", "date_to": "2026-12-31",
                                  "source": "Постановление (проверка)"})
        self.assertEqual(self.codes("2"), ["moratorium"])
        rule.payer_kind = "legal"
        self.assertEqual(self.codes("2"), [])
        rule.write({"payer_kind": False, "debt_before": "2026-07-01"})
        self.assertEqual(self.codes("2"), [], "2026-06 is due 15.07.2026: not before 01.07.2026")
        rule.debt_before = "2026-08-01"
        self.assertEqual(self.codes("2"), ["moratorium"])
        with self.assertRaises(AccessError):
            Moratorium.sudo(self.lawyer).create({"name": "x", "date_from": "2026-01-01", "source": "x"})

    def test_several_problems_in_order(self):
        self.account["2"].partner_id.name = "Петрова"
        self.Status.create({"partner_id": self.account["2"].partner_id.id, "kind": "deceased",
                            "date_from": "2026-10-02", "document": "Свидетельство о смерти"})
        self.assertEqual(self.codes("2"), ["deceased", "identification"])

    # ------------------------------------------------------------------ the wizards
    def test_batch_prepares_only_ready_cases(self):
        """Cases of accounts 1 (shared owners) and 2 (ready) selected: one application (account 2); the case of
        account 1 is held with its reason, no court case is made for it."""
        other = self.env["res.partner"].create({"name": "Иванова Мария Петровна"})
        for partner in (self.account["1"].partner_id, other):
            self.Owner.create({"account_id": self.account["1"].id, "partner_id": partner.id, "share_numerator": 1,
                               "share_denominator": 2, "date_from": "2015-03-01", "source": "Выписка ЕГРН"})
        Court = self.env["ukkr.court.case"]
        before = Court.search_count([])
        with today_is(TODAY):
            wizard = self.env["ukkr.court.batch.wizard"].sudo(self.lawyer).with_context(
                active_model="ukkr.debtor.case", active_ids=[self.cases["1"].id, self.cases["2"].id]).create({})
            self.assertEqual({c.account_id: c.filing_ready for c in wizard.case_ids},
                             {self.account["1"]: False, self.account["2"]: True})
            action = wizard.action_generate()
        created = Court.search(action["domain"])
        self.assertEqual(created.mapped("account_id"), self.account["2"])
        self.assertEqual(Court.search_count([]), before + 1)
        self.assertIn("158", self.cases["1"].message_ids[0].body)
        # nothing ready: refused, nothing created
        with today_is(TODAY), self.assertRaisesRegex(UserError, "ready|готов"):
            self.env["ukkr.court.batch.wizard"].sudo(self.lawyer).create(
                {"case_ids": [(6, 0, self.cases["1"].ids)]}).action_generate()
        self.assertEqual(Court.search_count([]), before + 1)

    def test_queue_offers_ready_cases_and_lists_the_held(self):
        self.account["3"].partner_id.vat = "2434000335"
        self.Status.create({"partner_id": self.account["1"].partner_id.id, "kind": "deceased",
                            "date_from": "2026-11-01", "document": "Свидетельство о смерти"})
        with today_is(TODAY):
            wizard = self.env["ukkr.court.batch.wizard"].sudo(self.lawyer).create({"min_debt": 0, "months": 6})
        self.assertEqual(wizard.case_ids, self.cases["2"])
        self.assertIn(self.account["1"].name, wizard.held_note)
        self.assertRegex(wizard.held_note, "1175")

    def test_file_wizard_files_only_ready(self):
        Court = self.env["ukkr.court.case"]
        with today_is(TODAY):
            ready = Court.sudo(self.lawyer).create({"account_id": self.account["2"].id, "date": TODAY})
            ready.action_load_tranches()
            held = Court.sudo(self.lawyer).create({"account_id": self.account["1"].id, "date": TODAY})
            held.action_load_tranches()
        self.Status.create({"partner_id": self.account["1"].partner_id.id, "kind": "deceased",
                            "date_from": "2026-11-01", "document": "Свидетельство о смерти"})
        with today_is(TODAY):
            self.assertFalse(held.filing_ready)
            with self.assertRaisesRegex(UserError, "ready|готов"):
                self.env["ukkr.court.file.wizard"].sudo(self.lawyer).create({
                    "court_case_ids": [(6, 0, held.ids)], "date_filed": TODAY}).action_file()
            self.assertEqual((held.state, held.date_filed), ("prepared", False))
            self.env["ukkr.court.file.wizard"].sudo(self.lawyer).create({
                "court_case_ids": [(6, 0, (ready | held).ids)], "date_filed": TODAY}).action_file()
        self.assertEqual((ready.state, held.state), ("filed", "prepared"))
        self.assertFalse(self.env["ukkr.limitation.event"].search([("account_id", "=", self.account["1"].id)]))

    def test_who_records_statuses_and_owners(self):
        partner = self.account["2"].partner_id
        values = {"partner_id": partner.id, "kind": "deceased", "date_from": "2026-10-02", "document": "x"}
        for user in (self.executor, self.control):
            with self.assertRaises(AccessError):
                self.Status.sudo(user).create(values)
            with self.assertRaises(AccessError):
                self.Owner.sudo(user).create({"account_id": self.account["1"].id, "partner_id": partner.id,
                                              "date_from": "2020-01-01", "source": "x"})
        status = self.Status.sudo(self.operator).create(values)
        with self.assertRaises(AccessError):
            status.sudo(self.operator).write({"document": "другое"})
        with self.assertRaises(AccessError):
            status.sudo(self.lawyer).unlink()
        self.assertEqual(status.document, "x")
        with self.assertRaisesRegex(ValidationError, "future|будущ"), self.env.cr.savepoint():
            self.Status.create(dict(values, date_from="2026-12-01"))
