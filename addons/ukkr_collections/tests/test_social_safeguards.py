"""Social safeguards (issue 23.4): a debtor with a social marker is offered a consultation before a ПП 354
limitation or a court filing (the shipped rule: every marker, before both, a consultation within 180 days).

District of test_limitation_case: 9900000002 (Петрова Анна Сергеевна, social tenant) may have her hot water limited
(3 000 > 2 × 1 000) and owes 12 000 for heating 2026-06…08 (ready to file on 26.11.2026). She is a pensioner since
2019. A consultation on 01.11.2026 counts on 26.11.2026 (25 days before); one on 01.04.2026 does not (239 days >
180).
"""
from odoo.exceptions import AccessError, UserError
from odoo.tests import common

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_limitation_case import EXTRA
from .agreement_common import AgreementCase

TODAY = "2026-11-26"


class SafeguardCase(AgreementCase):

    def setUp(self):
        super().setUp()
        with today_is(TODAY):
            self.importer.import_content(EXTRA.encode("utf-8"), "accruals2.csv")
        today = today_is(TODAY)
        today.__enter__()
        self.addCleanup(today.__exit__, None, None, None)
        self.hot_water = self.env["ukkr.service"].search([("code", "=", "hot_water")])
        self.case = self.open_case("2")
        self.marker = self.env["ukkr.payer.marker"].sudo(self.lawyer).create({
            "partner_id": self.account["2"].partner_id.id, "kind": "pensioner", "date_from": "2019-05-01",
            "document": "Пенсионное удостоверение № 123"})

    def consult(self, day):
        return self.env["ukkr.consultation"].sudo(self.operator).create({
            "account_id": self.account["2"].id, "date": day, "topic": "subsidy"})


class TestSocialSafeguards(SafeguardCase):

    def test_court_filing_waits_for_a_consultation(self):
        self.assertEqual([c for c, _m in self.case.filing_readiness()], ["consultation"])
        self.assertRegex(self.case.sudo(self.lawyer).consultation_status, "(?i)required|требуется")
        self.assertRegex(self.case.sudo(self.lawyer).social_marker, "Pensioner|Пенсионер")
        self.consult("2026-04-01")
        self.assertEqual([c for c, _m in self.case.filing_readiness()], ["consultation"], "239 days ago")
        self.consult("2026-11-01")
        self.assertEqual(self.case.filing_readiness(), [])
        self.assertIn("01.11.2026", self.case.consultation_status)
        # the marker ended before: no consultation needed
        self.env["ukkr.consultation"].search([("account_id", "=", self.account["2"].id)]).unlink()
        self.marker.date_to = "2026-10-31"
        self.assertEqual(self.case.filing_readiness(), [])

    def test_limitation_waits_for_a_consultation(self):
        Limitation = self.env["ukkr.service.limitation"]
        count = Limitation.search_count([])
        wizard = self.env["ukkr.limitation.candidate.wizard"].sudo(self.operator).create({})
        line = wizard.line_ids.filtered(lambda l: l.account_id == self.account["2"])
        self.assertEqual(line.service_id, self.hot_water)
        self.assertFalse(line.selected, "a consultation comes first: not selected")
        self.assertRegex(line.consultation_status, "(?i)required|требуется")
        with self.assertRaisesRegex(UserError, "9900000002"):
            line.action_create_one()
        with self.assertRaisesRegex(UserError, "9900000002"):
            Limitation.sudo(self.operator).create({"account_id": self.account["2"].id,
                                                   "service_id": self.hot_water.id})
        self.assertEqual(Limitation.search_count([]), count)
        self.consult("2026-11-20")
        line.action_create_one()
        self.assertEqual(Limitation.search_count([]), count + 1)

    def test_rule_is_dated_data(self):
        rule = self.env.ref("ukkr_collections.rule_consultation_2022")
        rule.cover_pensioner = False
        self.assertEqual(self.case.filing_readiness(), [])
        rule.cover_pensioner = True
        rule.before_court = False
        self.assertEqual(self.case.filing_readiness(), [])
        rule.before_court = True
        rule.date_to = "2026-11-25"
        self.assertEqual(self.case.filing_readiness(), [], "no rule in force on 26.11.2026")

    def test_markers_for_the_legal_group_and_the_manager_only(self):
        for user in (self.operator, self.executor, self.control):
            with self.assertRaises(AccessError):
                self.marker.sudo(user).read(["kind"])
            with self.assertRaises(AccessError):
                self.env["ukkr.payer.marker"].sudo(user).create({
                    "partner_id": self.account["1"].partner_id.id, "kind": "disabled", "date_from": "2020-01-01",
                    "document": "x"})
        self.assertEqual(self.env["ukkr.payer.marker"].search_count([]), 1)
        with self.assertRaises(AccessError):
            self.case.sudo(self.operator).read(["social_marker"])
        self.case.sudo(self.operator).read(["consultation_status"])
        self.assertEqual(self.marker.sudo(self.manager).kind, "pensioner")


@common.at_install(False)
@common.post_install(True)
class TestMarkerAudit(SafeguardCase):
    """auditlog hooks its rules when the registry is ready: after every module is installed."""

    def test_reads_and_changes_are_logged(self):
        Log = self.env["auditlog.log"]
        # a fresh browse, as a request would (the record returned by create carries auditlog's own context)
        self.env["ukkr.payer.marker"].sudo(self.lawyer).browse(self.marker.id).read(["kind", "partner_id"])
        read = Log.search([("res_id", "=", self.marker.id), ("method", "=", "read"),
                           ("model_id.model", "=", "ukkr.payer.marker"), ("user_id", "=", self.lawyer.id)])
        self.assertEqual(len(read), 1)
        self.assertFalse(read.line_ids, "the values read are not copied into the log")
        self.env["ukkr.payer.marker"].sudo(self.manager).browse(self.marker.id).write(
            {"document": "Пенсионное удостоверение № 124"})
        self.assertTrue(Log.search([("res_id", "=", self.marker.id), ("method", "=", "write"),
                                    ("model_id.model", "=", "ukkr.payer.marker")]))
        created = Log.search([("res_id", "=", self.marker.id), ("method", "=", "create"),
                              ("model_id.model", "=", "ukkr.payer.marker")])
        self.assertEqual(created.user_id, self.lawyer)
