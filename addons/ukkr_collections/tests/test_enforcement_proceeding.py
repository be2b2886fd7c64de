"""Enforcement proceedings (measures 22, 23, 25, 26) on the agreements' small district, derived by hand.

9900000002 (individual, municipal) owes 12 000: 4 000 for each of 2026-06, 2026-07, 2026-08.
- Route (229-ФЗ ст.9): the employer takes writs up to 100 000 RUB inclusive — 100 000 allowed, 100 000.01 refused,
  nothing created; the bailiffs take 150 000.
- Travel ban (ст.67): a 35 000 writ handed to the bailiffs on 01.06.2026 — 35 000 ≥ 30 000, so the application
  carries the petition (ст.30 ч.2) and measure 22 is recorded on 01.06. A separate request is refused while the
  voluntary period runs (received Fri 05.06.2026 → 5 working days from Mon 08.06, Fri 12.06 is Russia Day → ends
  Mon 15.06.2026) and after it, as the petition was made. An 8 000 writ carries none, and a request is refused even in
  November (not over 10 000).
- Recovery: 5 000 recovered by the bailiffs on 26.11.2026 → payment ФССП-ПП-1 (channel fssp) allocated to the
  oldest periods: 2026-06 paid off, 2026-07 4 000 − 1 000 = 3 000 → debt 12 000 − 5 000 = 7 000; 30 000 of the
  writ remain.
- Presentation deadline (ст.21): a court order issued 20.12.2023 and never presented must be presented by
  20.12.2026 — 24 days after 26.11.2026, inside the 60-day warning: the daily check gives the lawyer an activity
  once; a writ of 10.01.2025 (deadline 10.01.2028) is left alone.
- Return (ст.46): presented 01.06.2026, returned 01.07.2026 → presented again from 02.01.2027 (1.07 + 6 months + 1
  day); the deadline becomes 01.07.2029 (3 years from the return, ст.22 ч.3).
"""
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase

ERRORS = (UserError, ValidationError)


class TestEnforcementProceeding(AgreementCase):

    def setUp(self):
        super().setUp()
        self.Proceeding = self.env["ukkr.enforcement.proceeding"]
        self.employer = self.env["res.partner"].create({"name": "ООО «Северная золоторудная компания»",
                                                        "is_company": True})

    def writ(self, user=None, **values):
        values = dict({"account_id": self.account["2"].id, "writ_kind": "court_order", "writ_number": "2-500/2026",
                       "writ_date": "2026-05-20", "court_name": "Мировой судья судебного участка № 161",
                       "writ_amount": 35000, "route": "bailiff",
                       "fssp_department": "ОСП по Северо-Енисейскому району"}, **values)
        with today_is("2026-11-26"):
            return self.Proceeding.sudo(user or self.lawyer).create(values)

    def test_employer_route_limit(self):
        allowed = self.writ(route="employer", recipient_id=self.employer.id, writ_amount=100000)
        self.assertEqual(allowed.measure_number, 23)
        count = self.Proceeding.search_count([])
        with self.assertRaisesRegex(ValidationError, "ст.9"), self.env.cr.savepoint():   # as an RPC call would
            self.writ(route="employer", recipient_id=self.employer.id, writ_amount=100000.01,
                      writ_number="2-501/2026")
        self.assertEqual(self.Proceeding.search_count([]), count, "nothing created")
        with self.assertRaisesRegex(ValidationError, "ст.9"), self.env.cr.savepoint():
            allowed.sudo(self.lawyer).write({"writ_amount": 100000.01})
        allowed.invalidate_cache()
        self.assertEqual(allowed.writ_amount, 100000.0, "nothing changed")
        self.assertEqual(self.writ(writ_amount=150000, writ_number="2-502/2026").measure_number, 26)
        # Russian message for the user
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            self.Proceeding.sudo(self.lawyer).with_context(lang="ru_RU").create({
                "account_id": self.account["2"].id, "writ_number": "2-503/2026", "writ_date": "2026-05-20",
                "court_name": "Суд", "writ_amount": 150000, "route": "pension", "recipient_id": self.employer.id})
        self.assertRegex(caught.exception.name, "работодателю.*100\u00a0000,00.*ст.9")
        # the employer letter prints (measure 23)
        html = self.env.ref("ukkr_collections.report_enforcement_employer_letter").render_qweb_html(allowed.ids)[0]
        self.assertIn(b"2-500/2026", html)

    def test_present_travel_ban_and_recovery(self):
        case = self.open_case("2")
        proceeding = self.writ()
        self.assertEqual(proceeding.case_id, case)
        with today_is("2026-11-26"):
            proceeding._present("2026-06-01")
            self.assertEqual((proceeding.state, case.stage_code), ("presented", "enforcement"))
            self.assertIs(proceeding.presentation_deadline, False, "no deadline runs at the bailiffs")
            with self.assertRaisesRegex(UserError, "Presented|Предъявлен"):
                proceeding.sudo(self.lawyer).write({"writ_amount": 1})
            with self.assertRaisesRegex(UserError, "proceeding number"):
                proceeding.action_start()
            proceeding.write({"proceeding_number": "12345/26/24076-ИП", "date_opened": "2026-06-02",
                              "date_received": "2026-06-05"})
            proceeding.action_start()
            self.assertEqual(proceeding.voluntary_end, "2026-06-15")
            # the application handed over on 01.06.2026 carried the petition (35 000 ≥ 30 000; 229-ФЗ ст.30 ч.2):
            # measure 22 is recorded that day
            ban = proceeding.travel_ban_ids
            self.assertEqual((len(ban), ban.debt, ban.date, ban._measure_number), (1, 35000.0, "2026-06-01", 22))
            self.assertIn("ст.30", ban.reason)
            with self.assertRaisesRegex(UserError, "15.06.2026"):
                proceeding.sudo(self.lawyer)._request_travel_ban("2026-06-15")
            with self.assertRaisesRegex(UserError, "already|уже"):
                proceeding.sudo(self.lawyer)._request_travel_ban("2026-06-16")
            self.assertEqual(len(proceeding.travel_ban_ids), 1, "nothing more created")
            small = self.writ(writ_amount=8000, writ_number="2-600/2026")
            small._present("2026-06-01")
            self.assertFalse(small.travel_ban_ids, "8 000 is below the threshold: no petition")
            small.write({"date_received": "2026-06-05"})
            with self.assertRaisesRegex(UserError, "below"):
                small._request_travel_ban("2026-11-26")
            # recovery: 12 000 → 7 000
            self.assertEqual(self.account["2"].debt_total, 12000.0)
            with self.assertRaisesRegex(AccessError, "lawyers"):
                proceeding.sudo(self.operator).action_register_recovery(5000, "2026-11-26", "ПП-1")
            with self.assertRaisesRegex(UserError, "more than remains"):
                proceeding.action_register_recovery(35000.01, "2026-11-26", "ПП-1")
            payment = proceeding.sudo(self.lawyer).action_register_recovery(5000, "2026-11-26", "ПП-1")
            self.assertEqual((payment.doc, payment.channel, payment.amount), ("ФССП-ПП-1", "fssp", 5000.0))
            with self.assertRaisesRegex(UserError, "already been registered"):
                proceeding.action_register_recovery(100, "2026-11-26", "ПП-1")
            self.account["2"].invalidate_cache()
            self.assertEqual(self.account["2"].debt_total, 7000.0)
            tranches = {t["period"]: t["principal"] for t in self.account["2"].debt_tranches()}
            self.assertEqual(tranches, {"2026-06": 0.0, "2026-07": 3000.0, "2026-08": 4000.0})
            self.assertEqual((proceeding.recovered, proceeding.remaining), (5000.0, 30000.0))
        rows = self.Proceeding._report_rows("2026-06-01", "2026-06-30")
        self.assertEqual([(r["writ_number"], r["amount"], r["payer"]) for r in rows],
                         [("2-500/2026", 35000.0, self.account["2"].partner_id.name),
                          ("2-600/2026", 8000.0, self.account["2"].partner_id.name)])
        figures = self.env["ukkr.measure.figure"].figures("2026-06-01", "2026-06-30", [22, 26])
        self.assertEqual([(r["measure"], r["count"]) for r in figures], [(22, 1), (26, 2)])

    def test_employer_recovery_channel(self):
        proceeding = self.writ(route="employer", recipient_id=self.employer.id, writ_amount=12000)
        with today_is("2026-11-26"):
            proceeding._present("2026-11-02")
            payment = proceeding.action_register_recovery(2500, "2026-11-25", "77")
        self.assertEqual((payment.channel, payment.doc), ("employer", "РАБ-77"))

    def test_deadline_cron_and_return(self):
        with today_is("2026-11-26"):
            old = self.writ(writ_number="2-10/2023", writ_date="2023-12-20")
            recent = self.writ(writ_number="2-11/2025", writ_date="2025-01-10")
            self.assertEqual((old.presentation_deadline, recent.presentation_deadline), ("2026-12-20", "2028-01-10"))
            flagged = self.Proceeding._cron_presentation_deadline()
            self.assertEqual(flagged, old)
            self.assertEqual(len(old.activity_ids), 1)
            self.assertIn("20.12.2026", old.activity_ids.summary)
            self.assertFalse(self.Proceeding._cron_presentation_deadline(), "warned once")
            recent._present("2026-06-01")
            recent.write({"proceeding_number": "1/26/24076-ИП"})
            recent.action_start()
            recent._return_uncollectable("2026-07-01")
            self.assertEqual((recent.state, recent.representation_date, recent.presentation_deadline),
                             ("returned", "2027-01-02", "2029-07-01"))
            action = recent.action_represent()
            again = self.Proceeding.browse(action["res_id"])
            self.assertEqual((again.previous_id, again.state, again.writ_number), (recent, "draft", "2-11/2025"))
            with self.assertRaisesRegex(UserError, "02.01.2027"):
                again._present("2026-12-01")
            self.assertEqual(again.state, "draft", "nothing changed")
            again._present("2027-01-02")
            self.assertEqual(again.state, "presented")

    def test_access(self):
        with self.assertRaises(AccessError):
            self.writ(user=self.operator)
        proceeding = self.writ()
        with self.assertRaises(AccessError):
            proceeding.sudo(self.lawyer).unlink()
        self.assertEqual(proceeding.sudo(self.executor).read(["name"])[0]["name"], proceeding.name)  # municipal

