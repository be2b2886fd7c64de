"""Measure 11: each posting of the entrance notice is recorded (building, day, who, photo) with the figures the
notice printed, and counts for measure 11 of its month. The report tests' district: building «ул. Южная, д. 4»
(apartments 1–3 of 9800000001…3) — on 05.03.2026 the notice prints February's overdue debt."""
import base64

from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .common import ReportCase

PHOTO = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)


class TestNoticePosting(ReportCase):

    def test_posting_counts_for_measure_11(self):
        self.close_all()
        building = self.account("9800000002").building_id
        Posting = self.env["ukkr.notice.posting"]
        with today_is("2026-03-06"):
            with self.assertRaises(AccessError):   # the administration reads postings, УККР staff post them
                Posting.sudo(self.executor).create({"building_id": building.id, "date": "2026-03-05"})
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                Posting.sudo(self.operator).create({"building_id": building.id, "date": "2026-03-07"})
            self.assertFalse(Posting.search([]), "nothing recorded by the refused attempts")
            posting = Posting.sudo(self.operator).create({"building_id": building.id, "date": "2026-03-05",
                                                          "entrances": 2, "photo": PHOTO,
                                                          "photo_filename": "доска.png"})
        notice = self.env["report.ukkr_reports.building_debt_notice_document"].notices(
            building, self.env["ukkr.monthly.close"].search([("period", "=", "2026-02")]))[0]
        self.assertEqual((posting.period, posting.debtor_count, posting.user_id),
                         ("2026-02", notice["debtors"], self.operator))
        self.assertAlmostEqual(posting.overdue_total, notice["total_amount"], places=2)
        rows = self.env["ukkr.measure.figure"].figures("2026-03-01", "2026-03-31", [11])
        self.assertEqual([(r["model"], r["count"]) for r in rows], [("ukkr.notice.posting", 1)])
        self.assertFalse(self.env["ukkr.measure.figure"].figures("2026-02-01", "2026-02-28", [11]))
