"""The probe campaign of guarded transitions: what a careless or dishonest user can try over RPC.

For every workflow model and every role: direct writes of the status and of the fields a transition fixes, the
same with every context key the suite has ever read (forged), creates born past the first state, and steps pressed
out of order. Each must be refused with a clear message (UserError / AccessError / ValidationError) and leave the
rows exactly as they were (compared column by column before and after). The counts are written to the log:
``Probe campaign: N tried, N refused, 0 accepted, 0 server errors``.
"""
import glob
import logging
import os
import re

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .agreement_common import AgreementCase

_logger = logging.getLogger(__name__)
REFUSALS = (UserError, AccessError, ValidationError)
# keys the suite trusted before the transitions were guarded; kept in the campaign so none comes back
HISTORICAL_KEYS = {"ukkr_write_off_system", "ukkr_case_system", "ukkr_enforcement_system", "ukkr_agreement_system",
                   "ukkr_plan_versioning", "ukkr_filing_date", "ukkr_reopen", "ukkr_close_full_path", "ukkr_now"}


def context_keys():
    """Every ``context.get("…")`` key read by the suite's code, plus the historical ones."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    keys = set(HISTORICAL_KEYS)
    for path in glob.glob(os.path.join(root, "ukkr_*", "**", "*.py"), recursive=True):
        if os.sep + "tests" + os.sep in path:
            continue
        with open(path, encoding="utf-8") as handle:
            keys |= set(re.findall(r"context\.get\(\s*[\"']([a-z_]+)[\"']", handle.read()))
    return keys - {"active_id", "active_ids", "active_model", "lang", "tz"}


@common.at_install(False)
@common.post_install(True)
class TestTransitionProbes(AgreementCase):

    def setUp(self):
        super().setUp()
        self.roles = {"operator": self.operator, "lawyer": self.lawyer, "manager": self.manager,
                      "executor": self.executor, "control": self.control}
        self.forged = {key: (True if not key.endswith("date") and key != "ukkr_now" else "2020-01-01")
                       for key in context_keys()}
        self.tried = self.refused = 0
        self.accepted, self.errors = [], []

    # ------------------------------------------------------------------ probing
    def row(self, record):
        record.env.cr.execute('SELECT * FROM "%s" WHERE id = %%s' % record._table, (record.id,))
        return record.env.cr.fetchone()

    def probe(self, label, call, records=()):
        """Run ``call``; it must be refused and leave ``records``' rows as they were."""
        self.tried += 1
        before = [self.row(r) for r in records]
        try:
            with self.env.cr.savepoint():
                call()
        except REFUSALS:
            self.refused += 1
        except Exception as error:  # noqa: BLE001 — a server error is a finding
            self.errors.append("%s: %r" % (label, error))
        else:
            self.accepted.append(label)
        self.env["ukkr.personal.account"].invalidate_cache()
        after = [self.row(r) for r in records]
        if before != after:
            self.accepted.append("%s: the row changed" % label)

    def probe_writes(self, record, values, roles=None):
        """Each role writes each value directly, then again with every forged context key."""
        for code in roles or self.roles:
            user = self.roles[code]
            for field, value in values.items():
                for forged in (False, True):
                    target = record.sudo(user)
                    if forged:
                        target = target.with_context(**self.forged)
                    label = "%s.%s := %r as %s%s" % (record._name, field, value, code, " (forged context)"
                                                     if forged else "")
                    self.probe(label, lambda t=target, f=field, v=value: t.write({f: v}), [record])

    def probe_create(self, model, values, roles=None):
        count = self.env[model].search_count([])
        for code in roles or self.roles:
            for forged in (False, True):
                Model = self.env[model].sudo(self.roles[code])
                if forged:
                    Model = Model.with_context(**self.forged)
                self.probe("%s.create(%s) as %s%s" % (model, sorted(values), code, " (forged)" if forged else ""),
                           lambda M=Model: M.create(dict(values)))
        self.assertEqual(self.env[model].search_count([]), count, "%s: nothing created" % model)

    def probe_step(self, record, method, roles, *args):
        for code in roles:
            target = record.sudo(self.roles[code]).with_context(**self.forged)
            self.probe("%s.%s as %s in «%s»" % (record._name, method, code, record.state),
                       lambda t=target: getattr(t, method)(*args), [record])

    def report(self):
        _logger.info("Probe campaign: %d tried, %d refused, %d accepted, %d server errors (%d forged context keys)",
                     self.tried, self.refused, len(self.accepted), len(self.errors), len(self.forged))
        self.assertFalse(self.errors, "server errors:\n" + "\n".join(self.errors))
        self.assertFalse(self.accepted, "wrongly accepted:\n" + "\n".join(self.accepted))

    # ------------------------------------------------------------------ fixtures
    def fixtures(self):
        env = self.env
        with today_is("2026-11-26"):
            # a hot-water debt on the municipal account, eligible for ПП 354
            self.importer.import_content("account;period;service;accrued;norm_charge\n"
                                         "9900000002;2026-08;hot_water;900;100\n".encode("utf-8"), "hw.csv")
            case = self.open_case("2")
            notice = env["ukkr.notice"].sudo(self.operator).create({"account_id": self.account["2"].id})
            sent = env["ukkr.notice"].sudo(self.operator).create({"account_id": self.account["2"].id,
                                                                  "kind": "pp354_warning"})
            sent.action_send()
            draft_agreement = self.draft(term_months=3, first_payment_date="2026-10-15")
            workoff = self.Workoff.sudo(self.operator).create({
                "account_id": self.account["2"].id, "date": "2026-11-20", "worker_id": self.account["2"].partner_id.id,
                "work_description": "Уборка территории", "hours": 10, "hourly_rate": 200,
                "request_date": "2026-11-20", "request_file": self.scan()})
            workoff.action_sign()
            limitation = env["ukkr.service.limitation"].sudo(self.operator).create({
                "account_id": self.account["2"].id, "service_id": env.ref("ukkr_collections.service_hot_water").id})
            court = env["ukkr.court.case"].sudo(self.lawyer).create({"account_id": self.account["2"].id,
                                                                    "date": "2026-11-26"})
            court.action_load_tranches()
            proceeding = env["ukkr.enforcement.proceeding"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "writ_number": "2-1/2026", "writ_date": "2026-05-20",
                "court_name": "Мировой судья", "writ_amount": 1000, "route": "bailiff",
                "fssp_department": "ОСП по Северо-Енисейскому району"})
            proceeding._present("2026-06-01")
            write_off = env["ukkr.write.off"].sudo(self.lawyer).create({
                "account_id": self.account["1"].id, "reason": "time_barred", "date": "2026-11-26",
                "line_ids": [(0, 0, {"period": "2023-09", "principal": 5000})]})
            # October is closed (written off are periods of closed months only)
            env.cr.execute("INSERT INTO ukkr_monthly_close (period, state, create_uid, create_date) "
                           "VALUES ('2026-10', 'closed', 1, now() at time zone 'UTC')")
        return locals()

    # ------------------------------------------------------------------ the campaign
    def test_direct_writes_creates_and_forged_context_are_refused(self):
        f = self.fixtures()
        env = self.env
        other = self.env["ukkr.payment"].search([], limit=1)
        self.probe_writes(f["case"], {"state": "closed", "close_reason": "paid", "date_closed": "2026-11-26",
                                      "debt_at_close": 0.0, "overdue_at_close": 0.0,
                                      "stage_id": env.ref("ukkr_collections.case_stage_written_off").id,
                                      "next_deadline": "2030-01-01"})
        self.probe_writes(f["notice"], {"state": "delivered", "date_sent": "2026-11-20",
                                        "date_delivered": "2026-11-21", "debt_amount": 1.0, "batch_ref": "x"})
        self.probe_writes(f["sent"], {"state": "delivered", "date_delivered": "2026-11-26",
                                      "delivery_proof": "подделка"})
        self.probe_writes(f["draft_agreement"], {"state": "active", "date_fulfilled": "2026-11-26",
                                                 "grace_days": 365})
        self.probe_writes(f["workoff"], {"state": "done", "hours": 1000, "payment_id": other.id or False})
        self.probe_writes(f["limitation"], {"state": "limited", "date_limited": "2026-11-26", "cost_amount": 0.0,
                                            "eligible": True, "service_debt": 1.0})
        self.probe_writes(f["court"], {"state": "writ", "date_filed": "2026-11-26", "duty_to_pay": 0.0,
                                       "result": "won", "writ_amount": 90000000})
        self.probe_writes(f["proceeding"], {"state": "in_progress", "writ_amount": 90000000,
                                            "date_presented": "2020-01-01", "payment_ids": [(4, other.id)]}
                          if other else {"state": "in_progress", "writ_amount": 90000000})
        self.probe_writes(f["write_off"], {"state": "approved", "approved_by": self.lawyer.id,
                                           "date_approved": "2026-11-26", "move_id": False})
        plan = env.ref("ukkr_debt_plan.plan_2632r")
        self.probe_writes(plan, {"state": "superseded", "version": 99})
        # records born past their first state
        self.probe_create("ukkr.write.off", {"account_id": self.account["1"].id, "reason": "time_barred",
                                             "state": "approved", "approved_by": self.lawyer.id})
        self.probe_create("ukkr.notice", {"account_id": self.account["2"].id, "state": "delivered",
                                          "date_sent": "2026-11-01", "date_delivered": "2026-11-02"})
        self.probe_create("ukkr.enforcement.proceeding", {
            "account_id": self.account["2"].id, "writ_number": "2-9/2026", "writ_date": "2026-05-20",
            "court_name": "Суд", "writ_amount": 1000, "route": "bailiff", "state": "in_progress",
            "date_presented": "2026-06-01"})
        self.probe_create("ukkr.travel.ban.request", {"account_id": self.account["2"].id,
                                                      "proceeding_id": f["proceeding"].id, "debt": 1.0})
        self.probe_create("ukkr.monthly.close", {"period": "2026-01", "state": "closed"})
        self.probe_create("ukkr.service.limitation", {"account_id": self.account["1"].id,
                                                      "service_id": env.ref("ukkr_collections.service_heating").id})
        self.probe_create("ukkr.limitation.event", {"account_id": self.account["2"].id, "period": "2026-06",
                                                    "kind": "acknowledged", "date": "2026-11-26",
                                                    "res_model": "res.users", "res_id": 1})
        self.report()

    def test_steps_out_of_order_and_four_eyes(self):
        f = self.fixtures()
        everyone = list(self.roles)
        with today_is("2026-11-26"):
            self.probe_step(f["notice"], "action_confirm_delivery", everyone)     # not sent
            self.probe_step(f["notice"], "action_mark_failed", everyone)
            self.probe_step(f["draft_agreement"], "action_activate", everyone)    # no schedule
            self.probe_step(f["workoff"], "action_sign", everyone)                # signed already
            self.probe_step(f["limitation"], "action_limit", everyone)            # not warned
            self.probe_step(f["limitation"], "action_suspend", everyone)
            self.probe_step(f["limitation"], "action_restore", everyone)
            self.probe_step(f["court"], "action_writ", everyone)                  # not in force
            self.probe_step(f["court"], "action_in_force", everyone)
            self.probe_step(f["court"], "action_order_issued", everyone)
            self.probe_step(f["proceeding"], "action_present", everyone)          # presented already
            self.probe_step(f["proceeding"], "action_represent", everyone)
            self.probe_step(f["write_off"], "action_approve", everyone)           # not proposed
            self.probe_step(f["write_off"], "action_post", everyone)
            # four eyes: the manager proposes (a manager is also in the legal group), then may not approve
            write_off = f["write_off"]
            write_off.sudo(self.manager).action_propose()
            self.probe_step(write_off, "action_approve", ["manager"])
            self.probe_step(write_off, "action_approve", ["operator", "lawyer", "executor", "control"])
            # a recovery above what remains, and on a writ that is not being enforced
            proceeding = f["proceeding"]
            self.probe("recovery above the writ", lambda: proceeding.sudo(self.lawyer).action_register_recovery(
                5000, "2026-11-26", "PP-1"), [proceeding])
            self.probe("recovery with a str amount", lambda: proceeding.sudo(self.lawyer).action_register_recovery(
                "много", "2026-11-26", "PP-2"), [proceeding])
            # the limitation's costs: only once limited, and within the cap
            self.probe("costs before the limitation", lambda: f["limitation"].sudo(self.operator)._charge_cost(
                100, "2026-11-26"), [f["limitation"]])
        self.report()

    def test_write_off_grounds(self):
        """A «time-barred» write-off of a living tranche, one of a period in a live court case and «deceased»
        without the document are refused at the proposal; nothing changes."""
        env = self.env
        with today_is("2026-11-26"):
            alive = env["ukkr.write.off"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "reason": "time_barred", "date": "2026-11-26",
                "line_ids": [(0, 0, {"period": "2026-06", "principal": 4000})]})
            court = env["ukkr.court.case"].sudo(self.lawyer).create({"account_id": self.account["1"].id,
                                                                    "date": "2026-11-26"})
            court.write({"line_ids": [(0, 0, {"period": "2023-09", "principal": 5000})]})
            court._transition({"state": "filed", "date_filed": "2026-11-26"})
            in_court = env["ukkr.write.off"].sudo(self.lawyer).create({
                "account_id": self.account["1"].id, "reason": "time_barred", "date": "2026-11-26",
                "line_ids": [(0, 0, {"period": "2023-09", "principal": 5000})]})
            deceased = env["ukkr.write.off"].sudo(self.lawyer).create({
                "account_id": self.account["3"].id, "reason": "deceased", "date": "2026-11-26",
                "basis": "Выписка ЕГРЮЛ", "line_ids": [(0, 0, {"period": "2023-09", "principal": 5000})]})
            env.cr.execute("INSERT INTO ukkr_monthly_close (period, state, create_uid, create_date) "
                           "VALUES ('2026-10', 'closed', 1, now() at time zone 'UTC')")
            for record, text in ((alive, "not time-barred"), (in_court, "court case"),
                                 (deceased, "Attach the document")):
                before = self.row(record)
                with self.assertRaisesRegex(UserError, text), self.env.cr.savepoint():
                    record.sudo(self.lawyer).action_propose()
                self.env["ukkr.personal.account"].invalidate_cache()
                self.assertEqual(self.row(record), before)
            # the document attached: proposed
            env["ir.attachment"].create({"name": "Выписка ЕГРЮЛ.pdf", "res_model": "ukkr.write.off",
                                         "res_id": deceased.id, "datas": self.scan()})
            deceased.sudo(self.lawyer).action_propose()
            self.assertEqual(deceased.state, "proposed")

    def test_court_claims_a_period_once(self):
        """Lines typed by hand skip «Загрузить долг»: filing still refuses periods of a live court case."""
        env = self.env
        self.open_case("2")
        with today_is("2026-11-26"):
            first = env["ukkr.court.case"].sudo(self.lawyer).create({"account_id": self.account["2"].id,
                                                                    "date": "2026-11-26"})
            first.action_load_tranches()
            first._file("2026-11-26")
            second = env["ukkr.court.case"].sudo(self.lawyer).create({
                "account_id": self.account["2"].id, "date": "2026-11-26",
                "line_ids": [(0, 0, {"period": "2026-07", "principal": 4000})]})
            before = self.row(second)
            with self.assertRaisesRegex(UserError, "already claimed"), self.env.cr.savepoint():
                second._file("2026-11-26")
            self.env["ukkr.personal.account"].invalidate_cache()
            self.assertEqual(self.row(second), before)
            # and the lines of a filed case are frozen
            with self.assertRaisesRegex(UserError, "no longer a draft"), self.env.cr.savepoint():
                first.sudo(self.lawyer).write({"line_ids": [(0, 0, {"period": "2026-09", "principal": 1})]})
            with self.assertRaisesRegex(UserError, "no longer a draft"), self.env.cr.savepoint():
                first.line_ids[0].sudo(self.lawyer).write({"principal": 1})
