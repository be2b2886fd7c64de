"""Write-off (measure 27) on the agreements' small district, figures derived by hand.

- 9900000001 (individual owner) and 9900000003 (legal entity) owe 5 000 each for 2023-09, due 10.10.2023, time-barred
  since 11.10.2026, no court filing → candidates «time-barred» on 26.11.2026, one tranche 2023-09 of 5 000 each.
- 9900000002 owes 12 000 for 2026-06…08: not time-barred → no candidate.
- October 2026 is closed first (the opening close: 62.01 = 5 000 + 12 000 + 5 000 = 22 000).
- 9900000001's write-off: proposed by the lawyer, approved by the manager, posted on 26.11.2026 → ledger
  written_off 5 000 on 2023-09 (one service, heating), debt 0; entry Dr 91.02 5 000 / Cr 62.01 5 000 → 62.01 =
  17 000; the case moves to «Списано» and closes.
- Closing November on 01.12.2026: the snapshot's debt is 17 000 (12 000 + 5 000) and 62.01 still equals it — the
  close does not credit the written-off 5 000 a second time.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestWriteOff(AgreementCase):

    def setUp(self):
        super().setUp()
        self.WriteOff = self.env["ukkr.write.off"]
        with today_is("2026-11-26"):
            self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-10")

    def balance(self, code):
        self.env.cr.execute("""
            SELECT coalesce(sum(l.debit - l.credit), 0) FROM account_move_line l
            JOIN account_account a ON a.id = l.account_id JOIN account_move m ON m.id = l.move_id
            WHERE a.code = %s AND m.journal_id = %s AND m.state = 'posted'""",
                            (code, self.env.ref("ukkr_collections.journal_ukkr").id))
        return round(self.env.cr.fetchone()[0], 2)

    def written_off(self, suffix):
        self.env.cr.execute("SELECT coalesce(sum(written_off), 0) FROM ukkr_ledger_line WHERE account_id = %s",
                            (self.account[suffix].id,))
        return self.env.cr.fetchone()[0]

    def test_approval_flow_and_accounting_entry(self):
        case = self.Case.search([("account_id", "=", self.account["1"].id), ("state", "=", "open")]) \
            or self.open_case("1")
        self.assertEqual(self.balance("62.01"), 22000.0)
        with today_is("2026-11-26"):
            with self.assertRaises(AccessError):
                self.WriteOff.sudo(self.operator).create_candidates()
            drafts = self.WriteOff.sudo(self.lawyer).create_candidates()
            self.assertEqual(sorted((d.account_id.name, d.reason, d.amount) for d in drafts),
                             [("9900000001", "time_barred", 5000.0), ("9900000003", "time_barred", 5000.0)])
            self.assertFalse(self.WriteOff.sudo(self.lawyer).create_candidates(), "no second draft while one is open")
            write_off = drafts.filtered(lambda d: d.account_id == self.account["1"]).sudo(self.lawyer)
            self.assertEqual((write_off.case_id, write_off.line_ids.period), (case, "2023-09"))
            # without approval: refused, nothing changed
            with self.assertRaisesRegex(UserError, "not been approved|не утверждено"):
                write_off._post()
            with self.assertRaises(AccessError):
                write_off.sudo(self.operator).action_propose()
            write_off.action_propose()
            with self.assertRaisesRegex(UserError, "not been approved|не утверждено"):
                write_off._post()
            with self.assertRaisesRegex(UserError, "no longer a draft"):
                write_off.write({"basis": "другое"})
            with self.assertRaises(AccessError):
                write_off.action_approve()                               # a lawyer is not the manager
            self.assertEqual((write_off.state, self.written_off("1"), self.balance("62.01")),
                             ("proposed", 0.0, 22000.0), "nothing changed")
            write_off.sudo(self.manager).action_approve()
            self.assertEqual((write_off.state, write_off.approved_by), ("approved", self.manager))
            write_off._post()
            self.assertEqual(write_off.state, "posted")
            self.assertEqual(self.written_off("1"), 5000.0)
            self.account["1"].invalidate_cache()
            self.assertEqual(self.account["1"].debt_total, 0.0)
            move = write_off.sudo().move_id
            self.assertEqual(move.state, "posted")
            self.assertEqual(sorted((l.account_id.code[:2], l.debit, l.credit) for l in move.line_ids),
                             [("62", 0.0, 5000.0), ("91", 5000.0, 0.0)])
            self.assertEqual(round(sum(move.line_ids.mapped("debit")) - sum(move.line_ids.mapped("credit")), 2), 0)
            self.assertEqual(self.balance("62.01"), 17000.0)
            self.assertEqual((case.state, case.stage_code, case.close_reason), ("closed", "written_off",
                                                                               "written_off"))
            with self.assertRaisesRegex(UserError, "already posted"):
                write_off._post()
            self.assertEqual(self.written_off("1"), 5000.0, "posted once")
            # the act ИНВ-17 with its appendix and the director's order, from the posted write-off
            report = self.env.ref("ukkr_collections.report_write_off_documents")
            html = report.sudo(self.lawyer).render_qweb_html(write_off.ids)[0].decode("utf-8")
            for expected in ("ИНВ-17", "0317017", "АКТ ИНВЕНТАРИЗАЦИИ", "62.01", "5 000,00", "СПРАВКА",
                             "Иванов Иван Иванович", "9900000001", "2023-09", "истёк срок исковой давности",
                             "ПРИКАЗ", "О списании дебиторской задолженности", "91.02", "007",
                             "26.11.2026"):
                self.assertIn(expected, html)
            for user in (self.operator, self.control):
                with self.assertRaises(AccessError):
                    report.sudo(user).render_qweb_html(write_off.ids)
            other = drafts - write_off                                   # still a draft: no act yet
            with self.assertRaisesRegex(UserError, "not posted|не проведено"):
                report.sudo(self.lawyer).render_qweb_html(other.ids)
        with today_is("2026-12-01"):
            november = self.env["ukkr.monthly.close"].sudo(self.manager).close_period("2026-11")
        self.assertEqual(november.debt_total, 17000.0)
        self.assertEqual(self.balance("62.01"), 17000.0, "the close does not credit the write-off again")
        self.assertEqual(write_off.sudo().close_id, november)
        rows = self.WriteOff._quarter_rows(2026, 4)
        self.assertEqual([(r["account"], r["principal"], r["periods"]) for r in rows],
                         [("9900000001", 5000.0, "2023-09")])
        self.assertFalse(self.WriteOff._quarter_rows(2026, 3))
        figures = self.env["ukkr.measure.figure"].figures("2026-10-01", "2026-12-31", [27])
        self.assertEqual([(r["count"], r["amount"]) for r in figures], [(1, 5000.0)])

    def test_bad_input(self):
        with today_is("2026-11-26"):
            write_off = self.WriteOff.sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "reason": "deceased", "basis": "Свидетельство о смерти",
                "line_ids": [(0, 0, {"period": "2026-06", "principal": 4000.01})]})
            with self.assertRaisesRegex(UserError, "more than its unpaid principal"):
                write_off.action_propose()
            write_off.line_ids.write({"period": "2026-11", "principal": 100})
            with self.assertRaisesRegex(UserError, "closed months"):
                write_off.action_propose()
            self.assertEqual(write_off.state, "draft", "nothing changed")
            with self.assertRaisesRegex(UserError, "Uncollectable|невозможн|ст.46"):
                self.WriteOff.sudo(self.lawyer).create({
                    "account_id": self.account["2"].id, "reason": "uncollectable", "basis": "акт",
                    "line_ids": [(0, 0, {"period": "2026-06", "principal": 100})]}).action_propose()
            with self.assertRaises(UserError):
                self.WriteOff._quarter_rows(2026, 5)
