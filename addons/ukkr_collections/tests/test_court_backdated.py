"""A court order recorded after the fact (issue 17, found by the lawyer's browser path).

The lawyer records an application prepared and filed on 01.09.2026 (the clerk brings the papers in late). Account «2»
of the agreements' district owes 2026-06, -07, -08, due 15.07, 17.08, 15.09.2026: on 01.09 the August tranche was
not yet due, so it cannot be claimed by that filing. «Загрузить долг» takes the tranches overdue *today* (26.11),
August included; filing on 01.09 then writes a ГК 204 «filed» event before August's due date — and from then on
every reading of the account's debt (its form, its case, the close) is refused with «Событие … не может быть раньше
срока оплаты». Now the filing is refused (a tranche not yet overdue on the filing day, ``_check_not_due_yet``), in
Russian, and nothing changes: the account's debt can still be read."""
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase


class TestCourtBackdated(AgreementCase):

    def test_a_back_dated_filing_leaves_the_debt_readable(self):
        self.open_case("2")
        with today_is("2026-11-26"):
            court = self.env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "kind": "court_order", "date": "2026-09-01"})
            court.action_load_tranches()
            with self.assertRaisesRegex(UserError, "not yet overdue|ещё не был просрочен"):
                court._file("2026-09-01")
            tranches = self.account["2"].debt_tranches(date(2026, 11, 26))   # must not raise
        self.assertEqual(len(tranches), 3)
        self.assertEqual(court.state, "prepared")
        self.assertFalse(self.env["ukkr.limitation.event"].search([("res_model", "=", "ukkr.court.case"),
                                                                   ("res_id", "=", court.id)]))
