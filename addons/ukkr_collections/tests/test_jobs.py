"""Background jobs (``ukkr.job``, OCA queue_job): one code path for the heavy buttons, at once below the sync
limit and queued above it; a failed job changes nothing and records the Russian error; a close and an import are
never queued together. The queue job is performed here the way the runner's /queue_job/runjob does it
(``Job.load(env, uuid).perform()``); tests/test_background_jobs.py runs them through the real runner."""
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from odoo.addons.queue_job.job import Job
from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS


class TestJobs(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env.cr.execute("DELETE FROM ukkr_payment_allocation; DELETE FROM ukkr_payment; "
                            "DELETE FROM ukkr_ledger_line; DELETE FROM ukkr_debt_snapshot; "
                            "DELETE FROM ukkr_monthly_close")
        importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv")):
                importer.import_content(text.encode("utf-8"), name)
        Users = self.env["res.users"].with_context(no_reset_password=True)
        self.manager = Users.create({"name": "Директор", "login": "t_job_director", "lang": "ru_RU",
                                     "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_manager").id])]})
        self.operator = Users.create({"name": "Оператор", "login": "t_job_op", "lang": "ru_RU",
                                      "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})
        self.params = self.env["ir.config_parameter"].sudo()

    def background(self):
        """Every job in the background (the sync limit 0), as for a city-sized district."""
        self.params.set_param("ukkr.job_sync_limit", "0")

    def perform(self, job):
        """What the job runner does: load the queue job and perform it (as the runner's controller does)."""
        queued = job.sudo().queue_job_id
        self.assertEqual(queued.state, "pending")
        with today_is("2026-11-26"):
            Job.load(self.env, queued.uuid).perform()
        job.invalidate_cache()
        return job

    def close_wizard(self, period, user=None):
        return self.env["ukkr.monthly.close.wizard"].sudo(user or self.manager).create({"period": period})

    def test_small_close_runs_at_once(self):
        with today_is("2026-11-26"):
            action = self.close_wizard("2026-09").action_close()
        self.assertEqual(action["res_model"], "ukkr.monthly.close")
        close = self.env["ukkr.monthly.close"].browse(action["res_id"])
        self.assertEqual((close.period, close.state), ("2026-09", "closed"))
        job = self.env["ukkr.job"].search([("kind", "=", "close")], limit=1)
        self.assertEqual((job.state, job.background, job.user_id), ("done", False, self.manager))

    def test_close_in_the_background(self):
        self.background()
        with today_is("2026-11-26"):
            action = self.close_wizard("2026-09").action_close()
        self.assertEqual(action["res_model"], "ukkr.job")
        job = self.env["ukkr.job"].browse(action["res_id"])
        self.assertEqual((job.state, job.display_state, job.background), ("queued", "queued", True))
        self.assertFalse(self.env["ukkr.monthly.close"].search([("period", "=", "2026-09")]), "not run yet")
        # the manager follows the job; the operator does not see it
        self.assertEqual(self.env["ukkr.job"].sudo(self.manager).search([("id", "=", job.id)]), job)
        self.assertFalse(self.env["ukkr.job"].sudo(self.operator).search([("id", "=", job.id)]))
        self.perform(job)
        self.assertEqual((job.state, job.progress, job.error), ("done", 100.0, False))
        close = self.env["ukkr.monthly.close"].search([("period", "=", "2026-09")])
        self.assertEqual(close.state, "closed")
        self.assertEqual(close.closed_by_id, self.manager, "the job runs as the user who started it")
        result = job.sudo(self.manager).action_open_result()
        self.assertEqual((result["res_model"], result["res_id"]), ("ukkr.monthly.close", close.id))
        # the end is announced to the user
        self.assertTrue(self.env["mail.message"].search([("partner_ids", "in", self.manager.partner_id.id),
                                                         ("body", "like", job.name)]))

    def test_failed_job_changes_nothing_and_says_why_in_russian(self):
        self.background()
        # a month closed by someone else (the scheduled action) while the job waited in the queue: refused when the
        # job runs (the picker offers only ended months, so a month not yet ended cannot be queued any more)
        with today_is("2026-11-26"):
            action = self.close_wizard("2026-09").action_close()
            self.env["ukkr.monthly.close"].close_period("2026-09")
        closes_before = self.env["ukkr.monthly.close"].search_read([], ["period", "state"])
        self.env.cr.execute("SELECT count(*) FROM ukkr_ledger_line")
        ledger_before = self.env.cr.fetchone()[0]
        job = self.perform(self.env["ukkr.job"].browse(action["res_id"]))
        self.assertEqual(job.state, "failed")
        self.assertIn("уже закрыт", job.error)
        self.assertEqual(self.env["ukkr.monthly.close"].search_read([], ["period", "state"]), closes_before,
                         "nothing else closed")
        with self.assertRaises(UserError):
            job.action_open_result()
        # an import whose file is refused: the job fails, the ledger is as it was
        bad = "\n".join(ACCRUALS.splitlines()[:2] + ["9999999999;2026-09;heating;100,00"]) + "\n"
        wizard = self.env["ukkr.billing.import.wizard"].sudo(self.operator).create({
            "file": base64.b64encode(bad.encode("utf-8")), "filename": "bad.csv", "dry_run": False})
        with today_is("2026-11-26"):
            action = wizard.action_import()
        job = self.perform(self.env["ukkr.job"].browse(action["res_id"]))
        self.assertEqual(job.state, "failed")
        self.assertIn("не загружен", job.error)
        self.env.cr.execute("SELECT count(*) FROM ukkr_ledger_line")
        self.assertEqual(self.env.cr.fetchone()[0], ledger_before)

    def test_import_in_the_background(self):
        self.background()
        wizard = self.env["ukkr.billing.import.wizard"].sudo(self.operator).create({
            "file": base64.b64encode(PAYMENTS.encode("utf-8")), "filename": "payments.csv", "dry_run": False})
        with today_is("2026-11-26"):
            action = wizard.action_import()
        job = self.perform(self.env["ukkr.job"].browse(action["res_id"]))
        self.assertEqual(job.state, "done", job.error)
        self.assertRegex(job.result, "payments|Оплаты")
        self.assertTrue(self.env["ukkr.payment"].search([]))

    def test_close_and_import_are_never_queued_together(self):
        self.background()
        with today_is("2026-11-26"):
            self.close_wizard("2026-09").action_close()
        wizard = self.env["ukkr.billing.import.wizard"].sudo(self.operator).create({
            "file": base64.b64encode(PAYMENTS.encode("utf-8")), "filename": "payments.csv", "dry_run": False})
        jobs_before = self.env["ukkr.job"].search_count([])
        with self.assertRaises(UserError) as refused:
            wizard.action_import()
        self.assertIn("по одному", refused.exception.name)
        self.assertEqual(self.env["ukkr.job"].search_count([]), jobs_before)
        # a dry run is a check only: it runs at once whatever is queued
        wizard.dry_run = True
        with today_is("2026-11-26"):
            wizard.action_import()

    def test_only_the_allowed_groups_start_a_job(self):
        self.background()
        with self.assertRaises(AccessError):
            self.close_wizard("2026-09", user=self.operator).action_close()
        self.assertFalse(self.env["ukkr.job"].search([]))
        # the job records are written by the job only
        job = self.env["ukkr.job"].sudo()._workflow_create({"name": "x", "kind": "close",
                                                           "user_id": self.manager.id})
        with self.assertRaises((AccessError, UserError)):   # the workflow guard, then the access rights
            job.sudo(self.manager).write({"state": "done"})
