"""Limitation and suspension of services (measure 14, ПП № 354 п.117–121), worked by hand.

District (agreement_common + the accruals below, all unpaid):
- 9900000001 (owner, п. Тея, ул. Южная 4 — two premises, so an apartment building):
  cold water 500 × 3 (2026-08..10), norm 400 → 1 500 > 2 × 400 = 800, but cold water is never limited in an
  apartment building (п.119); heating 5 000 (2023-09), norm 3 000 → never (heating);
  electricity 1 000 × 3, norm 1 000 → 3 000 > 2 000: ELIGIBLE.
- 9900000002 (social tenant, municipal, same building): electricity 1 000 × 2, norm 1 000 → 2 000 = 2 × 1 000: the
  threshold is strict, NOT eligible; hot water 1 000 × 3, norm 1 000 → 3 000 > 2 000: eligible unless an agreement
  is honoured.
- 9900000003 (legal entity, п. Брянка, ул. Лесная 7 — one premises, not an apartment building): cold water 500 × 3,
  norm 400 → 1 500 > 800: ELIGIBLE (the cold-water ban is for apartment buildings only).

Dates (ГК 191, ПП 354 п.119–120): warning delivered 11.10.2026 → pay until 31.10.2026 (D + 20), limitation from
01.11.2026; limited 01.11.2026 → suspension from 12.11.2026 (L + 10 days to pay, then the next day); paid in full
30.11.2026 → restore by 02.12.2026 (P + 2, over the month end); on 03.12.2026 a restoration not done is overdue.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase

EXTRA = """account;period;service;accrued;norm_charge
9900000001;2026-08;cold_water;500;400
9900000001;2026-09;cold_water;500;400
9900000001;2026-10;cold_water;500;400
9900000001;2026-08;electricity;1000;1000
9900000001;2026-09;electricity;1000;1000
9900000001;2026-10;electricity;1000;1000
9900000001;2023-09;heating;5000;3000
9900000002;2026-09;electricity;1000;1000
9900000002;2026-10;electricity;1000;1000
9900000002;2026-08;hot_water;1000;1000
9900000002;2026-09;hot_water;1000;1000
9900000002;2026-10;hot_water;1000;1000
9900000003;2026-08;cold_water;500;400
9900000003;2026-09;cold_water;500;400
9900000003;2026-10;cold_water;500;400
"""


class TestLimitationCase(AgreementCase):

    def setUp(self):
        super().setUp()
        with today_is("2026-11-26"):
            self.importer.import_content(EXTRA.encode("utf-8"), "accruals2.csv")
        self.Limitation = self.env["ukkr.service.limitation"]
        self.svc = {code: self.env["ukkr.service"].search([("code", "=", code)])
                    for code in ("heating", "cold_water", "hot_water", "electricity")}

    def pairs(self, candidates):
        names = {a.id: s for s, a in self.account.items()}
        codes = {s.id: c for c, s in self.svc.items()}
        return sorted((names[a], codes[s]) for a, s, _d, _n, _r in candidates if a in names)

    def test_apartment_building_flag_from_premises(self):
        self.assertTrue(self.account["1"].building_id.is_apartment_building, "two premises at ул. Южная 4")
        self.assertFalse(self.account["3"].building_id.is_apartment_building, "one premises at ул. Лесная 7")

    def test_service_debts_and_candidates(self):
        debts = self.Limitation._service_debts([a.id for a in self.account.values()])
        a1, a3 = self.account["1"].id, self.account["3"].id
        self.assertEqual(debts[(a1, self.svc["cold_water"].id)], (1500.0, 400.0, True))
        self.assertEqual(debts[(a1, self.svc["heating"].id)], (5000.0, 3000.0, True), "2023-09, reloaded with a norm")
        self.assertEqual(debts[(a3, self.svc["cold_water"].id)], (1500.0, 400.0, False))
        with today_is("2026-11-26"):
            found = self.Limitation._candidates()
        self.assertEqual(self.pairs(found), [("1", "electricity"), ("2", "hot_water"), ("3", "cold_water")],
                         "heating never; cold water not in the apartment building; 2 000 = 2 × 1 000 is not enough")

    def test_eligibility_reasons_on_create(self):
        """A limitation exists only for an eligible candidate: the others are refused with the reason, nothing
        is kept."""
        refused = (("1", "heating", "п.119"), ("1", "cold_water", "apartment building|многоквартирн"),
                   ("2", "electricity", "may not be limited|нельзя"))
        with today_is("2026-11-26"):
            for suffix, service, reason in refused:
                with self.assertRaisesRegex(UserError, reason), self.env.cr.savepoint():
                    self.Limitation.create({"account_id": self.account[suffix].id, "service_id": self.svc[service].id})
            cold3 = self.Limitation.create({"account_id": self.account["3"].id,
                                            "service_id": self.svc["cold_water"].id})
            with self.assertRaisesRegex(UserError, "already in progress|уже"), self.env.cr.savepoint():
                self.Limitation.create({"account_id": self.account["3"].id, "service_id": self.svc["cold_water"].id})
        self.assertEqual(self.Limitation.search([]), cold3, "nothing else kept")
        self.assertTrue(cold3.eligible)
        self.assertEqual((cold3.service_debt, cold3.norm_charge), (1500.0, 400.0))

    def test_honoured_agreement_blocks(self):
        agreement = self.draft(term_months=3, first_payment_date="2026-10-15")
        with today_is("2026-10-01"):
            agreement.action_fill_tranches()
            agreement.action_generate_schedule()
            agreement.action_activate()
        account = self.account["2"].id
        with today_is("2026-10-05"):
            self.assertEqual(self.pairs(self.Limitation._candidates()), [("1", "electricity"), ("3", "cold_water")],
                             "the agreement signed 01.10.2026 is honoured on 05.10.2026")
            with self.assertRaisesRegex(UserError, "agreement|соглашение"), self.env.cr.savepoint():
                self.Limitation.create({"account_id": account, "service_id": self.svc["hot_water"].id})
        with today_is("2027-01-10"):
            self.assertIn(("2", "hot_water"), self.pairs(self.Limitation._candidates()),
                          "nothing paid: behind the schedule beyond the grace, the agreement no longer protects")

    def warned(self, suffix="3", service="cold_water"):
        self.open_case(suffix)
        with today_is("2026-10-10"):
            record = self.Limitation.create({"account_id": self.account[suffix].id,
                                             "service_id": self.svc[service].id, "date": "2026-10-10"})
            record.action_create_warning()
            record.notice_id.action_send()
        with today_is("2026-10-11"):
            record.notice_id._confirm_delivery("2026-10-11", "уведомление о вручении")
        return record

    def test_notice_limitation_suspension_restoration_dates(self):
        record = self.warned()
        self.assertEqual(record.state, "warned")
        self.assertEqual(record.notice_id.kind, "pp354_warning")
        self.assertEqual((record.pay_until, record.limitation_from), ("2026-10-31", "2026-11-01"))
        self.assertEqual(record.case_id.next_deadline, "2026-10-31", "the warning's pay-by comes first")
        with self.assertRaisesRegex(UserError, "too early|рано"):
            record._limit("2026-10-31")
        self.assertEqual(record.state, "warned", "refused: nothing changed")
        self.assertFalse(self.Limitation._candidates(account_ids=[self.account["3"].id]),
                         "a limitation in progress: not a candidate again")
        record._limit("2026-11-01")
        self.assertEqual((record.state, record.date_limited, record.suspension_from),
                         ("limited", "2026-11-01", "2026-11-12"))
        self.assertEqual(record.case_id.stage_code, "limitation")
        self.assertEqual(record._case_deadline()[0], "2026-11-12")
        with self.assertRaisesRegex(UserError, "too early|рано"):
            record._suspend("2026-11-11")
        record._suspend("2026-11-12")
        self.assertEqual((record.state, record.date_suspended), ("suspended", "2026-11-12"))
        # paid in full on 30.11.2026: the daily check sets «restore by» 02.12.2026 and an activity
        self.pay([("3", "30.11.2026", "1500", "R-1")], today="2026-11-30")
        self.assertEqual(self.Limitation._cron_check("2026-12-01"), {"settled": 1, "overdue": 0})
        self.assertEqual((record.date_settled, record.restoration_due), ("2026-11-30", "2026-12-02"))
        self.assertEqual(len(record.activity_ids), 1)
        self.assertEqual(self.Limitation._cron_check("2026-12-02"), {"settled": 0, "overdue": 0},
                         "due today: not overdue yet")
        self.assertFalse(record.restoration_overdue)
        self.assertEqual(self.Limitation._cron_check("2026-12-03"), {"settled": 0, "overdue": 1})
        self.assertTrue(record.restoration_overdue)
        self.assertEqual(len(record.activity_ids), 2)
        self.assertIn(record, self.Limitation.search([("restoration_overdue", "=", True)]))
        self.assertEqual(self.Limitation._cron_check("2026-12-04")["overdue"], 0, "flagged once")
        record._restore("2026-12-04")
        self.assertEqual((record.state, record.date_restored, record.restoration_overdue),
                         ("restored", "2026-12-04", False))

    def test_limitation_needs_proven_delivery_and_debt(self):
        with today_is("2026-10-10"):
            record = self.Limitation.create({"account_id": self.account["3"].id,
                                             "service_id": self.svc["cold_water"].id})
            record.action_create_warning()
        with self.assertRaisesRegex(UserError, "not proven|не подтвержд"):
            record._limit("2026-12-01")
        record.action_cancel()
        self.assertEqual(record.state, "cancelled")
        self.assertEqual(record.notice_id.state, "cancelled")
        paid = self.warned()
        self.pay([("3", "20.10.2026", "1500", "P-1")], today="2026-10-20")
        with self.assertRaisesRegex(UserError, "paid|оплачен"):
            paid._limit("2026-11-01")
        paid._settled("2026-10-20")
        self.assertEqual((paid.state, paid.date_settled), ("cancelled", "2026-10-20"), "paid in time: cancelled")

    def test_costs_through_the_ledger(self):
        """Electricity of 9900000001: cap 5 000 RUB (п.121(1), in force from 27.12.2025). 1 200 charged in
        2026-11 → the ledger line 2026-11 × electricity gets a correction of 1 200, the debt for the service
        3 000 → 4 200; a further 3 900 would exceed 5 000 and is refused; a closed month is refused."""
        record = self.warned("1", "electricity")
        record._limit("2026-11-01")
        with self.assertRaisesRegex(UserError, "positive|положительн"):
            record._charge_cost(0, "2026-11-02")
        record._charge_cost(1200, "2026-11-02")
        line = self.env["ukkr.ledger.line"].search([("account_id", "=", self.account["1"].id),
                                                    ("period", "=", "2026-11"),
                                                    ("service_id", "=", self.svc["electricity"].id)])
        self.assertEqual((line.accrued, line.correction), (0.0, 1200.0))
        self.assertEqual(record.cost_amount, 1200.0)
        debts = self.Limitation._service_debts([self.account["1"].id])
        self.assertEqual(debts[(self.account["1"].id, self.svc["electricity"].id)][0], 4200.0)
        with self.assertRaisesRegex(UserError, "5000|5 000|exceed|превышать"):
            record._charge_cost(3900, "2026-11-03")
        self.assertEqual(line.correction, 1200.0, "refused: nothing changed")
        with today_is("2026-11-26"):
            self.env["ukkr.monthly.close"].close_period("2026-10")
        with self.assertRaisesRegex(UserError, "closed|закрыт"):
            record._charge_cost(100, "2026-10-31")

    def test_candidates_wizard_creates_limitations_and_warnings(self):
        with today_is("2026-11-26"):
            wizard = self.env["ukkr.limitation.candidate.wizard"].sudo(self.operator).create({})
            self.assertEqual(len(wizard.line_ids.filtered(lambda l: l.account_id in self.account.values())), 3)
            wizard.line_ids.filtered(lambda l: l.account_id != self.account["3"]).write({"selected": False})
            wizard.action_create()
        record = self.Limitation.search([("account_id", "=", self.account["3"].id)])
        self.assertEqual((record.state, record.notice_id.kind, record.notice_id.state),
                         ("warned", "pp354_warning", "sent"))
        with today_is("2026-11-26"):
            wizard = self.env["ukkr.limitation.candidate.wizard"].sudo(self.executor).create({})
            with self.assertRaises(AccessError):
                wizard.action_create()

    def test_acts_render(self):
        record = self.warned()
        record._limit("2026-11-01")
        for xml_id in ("report_service_limitation_act", "report_service_suspension_act",
                       "report_service_restoration_act"):
            html = self.env.ref("ukkr_collections." + xml_id).render_qweb_html(record.ids)[0].decode("utf-8")
            self.assertIn("АКТ", html)
            self.assertIn(self.account["3"].name, html)
        html = self.env.ref("ukkr_collections.report_service_limitation_act").render_qweb_html(
            record.ids)[0].decode("utf-8")
        self.assertIn("01.11.2026", html)
        self.assertIn("12.11.2026", html)
