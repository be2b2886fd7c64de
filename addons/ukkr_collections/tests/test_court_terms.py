"""Procedural clocks of a court order from the production calendar (ГПК 128; ГПК 107 ч.3), derived by hand.

The debtor may object within 10 days of receiving the order; non-working days are not counted: the last day is the
10th working day after the receipt (the suite's holiday records: 2026 — 1–9 January, 23 February, 9 March, 1 and
11 May, 12 June, 4 November, 31 December; 31.12.2025 too).
- received Fri 20.02.2026: Mon 23.02 is a holiday → 24, 25, 26, 27.02, 2, 3, 4, 5, 6.03 are days 1–9, Mon 09.03 a
  holiday → Tue 10.03.2026 (counted in calendar days it would have been 02.03);
- received Thu 30.04.2026: Fri 01.05 a holiday → 4–8.05 are days 1–5, Mon 11.05 a holiday → 12–15.05 days 6–9 →
  Mon 18.05.2026;
- received Tue 30.12.2025: 31.12.2025 and 1–11.01.2026 are not working → 12–16.01 days 1–5, 19–22.01 days 6–9 →
  Fri 23.01.2026;
- received Sat 06.06.2026: 8–11.06 days 1–4, Fri 12.06 a holiday → 15–19.06 days 5–9 → Mon 22.06.2026;
- received Thu 29.10.2026: 30.10, 2, 3.11 days 1–3, Wed 04.11 a holiday → 5, 6, 9, 10, 11, 12.11 days 4–9 →
  Fri 13.11.2026;
- received Thu 10.12.2026 → Thu 24.12.2026 (no holiday between);
- received Tue 22.12.2026: the term runs into 2027, whose calendar is not recorded → refused;
- with Saturday 07.03.2026 made a working day (a transfer), the 20.02.2026 receipt ends on 07.03.2026.
A court order issued Thu 05.11.2026 and received Thu 12.11.2026: days 13, 16–20, 23–26.11 → deadline Thu 26.11.2026;
«Вступило в силу» is refused on 26.11 and allowed from 27.11.2026.
"""
from datetime import date

from odoo.exceptions import UserError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestCourtTerms(AgreementCase):

    def setUp(self):
        super().setUp()
        self.rules = self.env["ukkr.rules"]

    def test_objection_deadline_around_the_2026_holidays(self):
        for receipt, deadline in (("2026-02-20", date(2026, 3, 10)), ("2026-04-30", date(2026, 5, 18)),
                                  ("2025-12-30", date(2026, 1, 23)), ("2026-06-06", date(2026, 6, 22)),
                                  ("2026-10-29", date(2026, 11, 13)), ("2026-12-10", date(2026, 12, 24)),
                                  ("2026-11-12", date(2026, 11, 26))):
            self.assertEqual(self.rules.objection_deadline(receipt), deadline, receipt)
        with self.assertRaisesRegex(UserError, "2027"):
            self.rules.objection_deadline("2026-12-22")
        with self.assertRaises(UserError):
            self.rules.objection_deadline(False)
        self.env["ukkr.rule.holiday"].create({"date": "2026-03-07", "name": "Перенос (проверка)", "kind": "working",
                                              "source": "test"})
        self.assertEqual(self.rules.objection_deadline("2026-02-20"), date(2026, 3, 7))

    def test_terms_are_a_dated_record(self):
        term = self.env.ref("ukkr_collections.court_term_2019")
        self.assertEqual((term.objection_days, term.working_days_only), (10, True))
        # before ГПК 107 ч.3 (01.10.2019) no term is recorded: refused, not guessed
        with self.assertRaisesRegex(UserError, "ГПК 128"):
            self.rules.objection_deadline("2019-09-30")

    def order(self):
        self.open_case("2")
        with today_is("2026-11-02"):
            case = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-11-02"})
            case.action_load_tranches()
            case._file()
        with today_is("2026-11-05"):
            case.write({"date_order": "2026-11-05", "order_number": "2-1234/2026"})
            case.action_order_issued()
        return case

    def state(self, case):
        case.invalidate_cache()
        return (case.state, case.result, case.date_in_force)

    def test_in_force_only_after_the_objection_term(self):
        case = self.order()
        # an order dated today, no receipt recorded: a clear refusal (it used to crash with a TypeError)
        with today_is("2026-11-05"):
            case.date_in_force = "2026-11-05"
            before = self.state(case)
            with self.assertRaisesRegex(UserError, "received|получил"):
                case.sudo(self.lawyer).action_in_force()
            self.assertEqual(self.state(case), before)
            self.assertEqual(case.case_id.next_deadline, "2026-11-05")   # to do: record the receipt
            for bad in ("2026-11-06", "2026-11-04"):                   # a future day; before the order
                with self.assertRaises(ValidationError), self.env.cr.savepoint():
                    case.date_order_received = bad
            case.invalidate_cache()
        with today_is("2026-11-26"):
            case.sudo(self.lawyer).write({"date_order_received": "2026-11-12", "date_in_force": False})
            self.assertEqual(case.objection_deadline, "2026-11-26")
            self.assertEqual(case.case_id.next_deadline, "2026-11-26")
            for day in ("2026-11-20", "2026-11-26"):
                case.date_in_force = day
                before = self.state(case)
                with self.assertRaisesRegex(UserError, "26.11.2026"):
                    case.sudo(self.lawyer).action_in_force()
                self.assertEqual(self.state(case), before)
            case.date_in_force = "2026-11-27"   # the right day, but today is still the last day for objections
            with self.assertRaisesRegex(UserError, "26.11.2026"):
                case.sudo(self.lawyer).action_in_force()
            self.assertEqual(case.state, "order_issued")
        with today_is("2026-11-27"):
            case.sudo(self.lawyer).action_in_force()
        self.assertEqual(self.state(case), ("in_force", "won", "2026-11-27"))
        # the writ's 3-year presentation term (229-ФЗ ст.21) runs from the order's issue
        self.assertEqual(self.rules.writ_presentation_deadline("2026-11-05"), date(2029, 11, 5))
        self.assertEqual(self.rules.representation_earliest("2027-03-01"), date(2027, 9, 2))
