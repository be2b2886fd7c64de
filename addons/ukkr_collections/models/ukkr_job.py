"""Background jobs of the suite (OCA ``queue_job``) with progress: ``ukkr.job``.

One code path for the heavy buttons (billing import, monthly close, court and notice batches, report generation):
the button calls ``env['ukkr.job']._launch(kind, records, method, total)``. When ``total`` (rows, accounts, cases)
is at most the system parameter ``ukkr.job_sync_limit.<kind>`` (or ``ukkr.job_sync_limit``; defaults in
``DEFAULT_SYNC_LIMITS``: 5 000 rows or accounts, 200 notices, 20 court applications) the method runs at once, in the request, and
its errors reach the user as before; above it a queue job runs the same method later, as the same user, in a
worker of its own, and the user follows the job record: progress (done / total, the step), then the result or the
Russian error.

All-or-nothing as before: the method runs inside a savepoint of the job's transaction; a refusal rolls everything
back and the job records only the error. The advisory locks of ``db_locks`` still refuse overlapping closes and
imports when the job runs; a close or an import is also refused at launch while another one is queued or running.

Progress is written through a separate cursor into the side table ``ukkr_job_progress`` (never into the job's row,
which the job's own transaction writes once at the end: Odoo's repeatable-read transactions would fail on a row
changed under them). The method reports with ``report_progress(env, done, total, stage)``; outside a background job
it does nothing. The job id travels on the database cursor, never in the context.
"""
import json
import logging
import time

import psycopg2

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError, except_orm
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from odoo.addons.queue_job.job import job

_logger = logging.getLogger(__name__)
_CURSOR_KEY = "_ukkr_job_progress"   # (job id, last report time) on the cursor of the running background job
SYNC_LIMIT_PARAM = "ukkr.job_sync_limit"   # «ukkr.job_sync_limit.<kind>» first, then this one, then the default
DEFAULT_SYNC_LIMITS = {"import": 5000, "close": 5000, "notice_batch": 200, "court_batch": 20, "report": 5000}
PROGRESS_EVERY = 1.0                 # seconds between two progress writes (the last one is always written)

OPERATOR = "ukkr_debt_plan.group_ukkr_operator"
LAWYER = "ukkr_debt_plan.group_ukkr_lawyer"
MANAGER = "ukkr_debt_plan.group_ukkr_manager"
EXECUTOR = "ukkr_debt_plan.group_admin_executor"
CONTROL = "ukkr_debt_plan.group_admin_control"
# kind → groups that may start it (checked at launch; the method checks again when it runs)
KIND_GROUPS = {
    "import": (OPERATOR, MANAGER),
    "close": (MANAGER,),
    "notice_batch": (OPERATOR, LAWYER, MANAGER),
    "court_batch": (LAWYER, MANAGER),
    "report": (OPERATOR, LAWYER, MANAGER, EXECUTOR, CONTROL),
}
EXCLUSIVE_KINDS = ("import", "close")
FILE_ANSWER = "ukkr.job.file"   # a method's answer {"type": FILE_ANSWER, "name": …, "datas": base64} → a file


def _jsonable(value):
    try:
        json.dumps(value)
        return True
    except (TypeError, ValueError):
        return False


def answer_name(attachment):
    return attachment.datas_fname or attachment.name   # never queued two at once (the advisory locks refuse them anyway)


def report_progress(env, done, total=None, stage=None):
    """Tell the running background job how far it is: ``done`` of ``total`` (rows, accounts, cases), at ``stage``.

    A no-op outside a background job (at once, in tests, in scripts). Throttled to one write a second."""
    mark = env.cr.__dict__.get(_CURSOR_KEY)
    if not mark:
        return
    now = time.time()
    final = total is not None and done >= total
    if not final and now - mark[1] < PROGRESS_EVERY and stage is None:
        return
    mark[1] = now
    try:
        with env.registry.cursor() as cr:
            # within one total, progress never goes back (a step may look at an earlier month again)
            cr.execute("""UPDATE ukkr_job_progress
                          SET done = CASE WHEN total IS NOT DISTINCT FROM COALESCE(%s, total) THEN GREATEST(done, %s)
                                          ELSE %s END,
                              total = COALESCE(%s, total),
                                 stage = COALESCE(%s, stage), updated = now() AT TIME ZONE 'UTC'
                          WHERE job_id = %s""", (total, done, done, total, stage, mark[0]))
    except psycopg2.Error:   # progress is a courtesy: it never breaks the job
        _logger.warning("Progress of job %s not written", mark[0], exc_info=True)


class UkkrJob(models.Model):
    _name = "ukkr.job"
    _description = "Background job"
    _inherit = ["ukkr.workflow.mixin"]
    _order = "id desc"
    _workflow_fields = ("state", "result", "error", "date_done", "duration", "result_action", "queue_job_id",
                        "user_id", "context", "res_model", "res_ids", "method", "kind", "background")

    name = fields.Char("Job", required=True, readonly=True)
    kind = fields.Selection([("import", "Billing import"), ("close", "Monthly close"),
                             ("notice_batch", "Notice batch"), ("court_batch", "Court applications"),
                             ("report", "Report")], "Kind", required=True, readonly=True)
    user_id = fields.Many2one("res.users", "Started by", required=True, readonly=True, index=True,
                              default=lambda self: self.env.uid)
    state = fields.Selection([("queued", "Queued"), ("done", "Done"), ("failed", "Ended with an error")], "Status",
                             required=True, readonly=True, default="queued", index=True)
    display_state = fields.Selection([("queued", "Queued"), ("running", "Running"), ("done", "Done"),
                                      ("failed", "Ended with an error")], "State", compute="_compute_progress")
    background = fields.Boolean("In the background", readonly=True)
    done = fields.Integer("Done", compute="_compute_progress")
    total = fields.Integer("Total", compute="_compute_progress")   # the size at launch, refined by the job
    progress = fields.Float("Progress, %", compute="_compute_progress")
    stage = fields.Char("Step", compute="_compute_progress")
    date_started = fields.Datetime("Started", compute="_compute_progress")
    date_done = fields.Datetime("Finished", readonly=True)
    duration = fields.Float("Seconds", digits=(10, 1), readonly=True)
    result = fields.Text("Result", readonly=True)
    error = fields.Text("Error", readonly=True)
    result_action = fields.Text("Result action", readonly=True)
    res_model = fields.Char("Model", readonly=True)
    res_ids = fields.Char("Records", readonly=True)
    method = fields.Char("Method", readonly=True)
    context = fields.Text("Context", readonly=True)   # the caller's context (JSON): the job runs as the button would
    queue_job_id = fields.Many2one("queue.job", "Queue job", readonly=True, ondelete="set null",
                                   groups="base.group_system")

    @api.model_cr
    def init(self):
        self.env.cr.execute("""CREATE TABLE IF NOT EXISTS ukkr_job_progress (
                                   job_id integer PRIMARY KEY REFERENCES ukkr_job(id) ON DELETE CASCADE,
                                   done integer NOT NULL DEFAULT 0, total integer, stage varchar,
                                   started timestamp, updated timestamp)""")

    @api.depends("state")
    def _compute_progress(self):
        rows = {}
        if self.ids:
            self.env.cr.execute("SELECT job_id, done, total, stage, started FROM ukkr_job_progress WHERE job_id IN %s",
                                (tuple(self.ids),))
            rows = {r[0]: r[1:] for r in self.env.cr.fetchall()}
        for record in self:
            done, total, stage, started = rows.get(record.id, (0, 0, None, None))
            total = total or 0
            if record.state == "done":
                done = max(done, total)
            record.done = done
            record.total = total
            record.progress = min(100.0, 100.0 * done / total) if total else (100.0 if record.state == "done" else 0)
            record.stage = stage
            record.date_started = started
            record.display_state = "running" if record.state == "queued" and started else record.state

    # ------------------------------------------------------------------ launching
    @api.model
    def _sync_limit(self, kind):
        params = self.env["ir.config_parameter"].sudo()
        for key in ("%s.%s" % (SYNC_LIMIT_PARAM, kind), SYNC_LIMIT_PARAM):
            value = params.get_param(key)
            if value not in (None, False, ""):
                try:
                    return int(value)
                except ValueError:
                    _logger.warning("System parameter %s is not a number: %r", key, value)
        return DEFAULT_SYNC_LIMITS[kind]

    @api.model
    def _check_launch(self, kind, background):
        groups = KIND_GROUPS[kind]
        if self.env.uid != SUPERUSER_ID and not any(self.env.user.has_group(g) for g in groups):
            raise AccessError(_("You may not start this job: %s.") % dict(self._fields["kind"].selection)[kind])
        # (at once, the advisory locks refuse an overlap with a running job; a queued one has not started)
        if kind in EXCLUSIVE_KINDS and background:
            busy = self.sudo().search([("kind", "in", EXCLUSIVE_KINDS), ("state", "=", "queued"),
                                       ("background", "=", True)], limit=1)
            if busy:
                raise UserError(_("Job «%s» (№ %d) is queued or running: a billing import and a monthly close run "
                                  "one at a time. Nothing has changed; start this one when it has finished.")
                                % (busy.name, busy.id))

    @api.model
    def _launch(self, kind, records, method, total, name):
        """Run ``records.method()`` as a job of ``kind``: at once for ``total`` up to the sync limit (its result is
        returned and its errors raised, as a button's), else queued (the job's form is returned)."""
        background = total > self._sync_limit(kind)
        self._check_launch(kind, background)
        context = {key: value for key, value in records.env.context.items() if _jsonable(value)}
        values = {"name": name, "kind": kind, "user_id": self.env.uid, "background": background,
                  "res_model": records._name, "res_ids": json.dumps(records.ids), "method": method,
                  "context": json.dumps(context)}
        record = self.sudo()._workflow_create(values)
        self.env.cr.execute("INSERT INTO ukkr_job_progress (job_id, total) VALUES (%s, %s)", (record.id, total))
        if not background:
            return record._execute(raise_errors=True)
        queued = record.with_delay(description=name)._run()
        record._transition({"queue_job_id": queued.db_record().id})
        return record.action_open()

    def action_open(self):
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form",
                "views": [(False, "form")], "target": "current", "name": _("Background job")}

    # ------------------------------------------------------------------ running
    @job(default_channel="root")
    @api.multi
    def _run(self):
        """The queue job: run the method once, record the result or the error (never raised: a refusal is the
        job's outcome, and nothing of it is kept)."""
        self.ensure_one()
        if self.state != "queued":
            return _("Job %d has already ended.") % self.id
        with self.env.registry.cursor() as cr:
            cr.execute("UPDATE ukkr_job_progress SET started = now() AT TIME ZONE 'UTC' WHERE job_id = %s",
                       (self.id,))
        self.env.cr.__dict__[_CURSOR_KEY] = [self.id, 0.0]
        try:
            self._execute(raise_errors=False)
        finally:
            self.env.cr.__dict__.pop(_CURSOR_KEY, None)
        return "%s: %s" % (self.state, self.error or self.result or "")

    def _target(self):
        """The records as the button had them: the user who pressed it, with the context of the call."""
        user = self.user_id
        context = dict(json.loads(self.context or "{}"))
        context.setdefault("lang", user.lang or "ru_RU")
        context.setdefault("tz", user.tz or "Asia/Krasnoyarsk")
        env = api.Environment(self.env.cr, user.id, context)
        return env[self.res_model].browse(json.loads(self.res_ids or "[]"))

    def _execute(self, raise_errors):
        started = time.time()
        target = self._target()
        method = getattr(target, self.method)
        try:
            with self.env.cr.savepoint():
                answer = method()
        except psycopg2.OperationalError as error:
            if error.pgcode in PG_CONCURRENCY_ERRORS_TO_RETRY or raise_errors:
                raise   # the queue retries a serialization failure later
            return self._end("failed", started, error=self._message(error))
        except Exception as error:  # noqa: BLE001 — every failure becomes the job's outcome
            if raise_errors:
                raise
            if not isinstance(error, (UserError, ValidationError, AccessError, except_orm)):
                _logger.exception("Background job %s failed", self.id)
            target.invalidate_cache()
            return self._end("failed", started, error=self._message(error))
        result = getattr(target, "result", False) if "result" in target._fields and len(target) == 1 else False
        return self._end("done", started, result=result, answer=answer)

    def _message(self, error):
        lang = self._target().env.context.get("lang")
        if isinstance(error, except_orm):
            text = error.name
        else:
            text = self.with_context(lang=lang)._internal_error(error)
        return text

    def _internal_error(self, error):
        what = "%s: %s" % (type(error).__name__, error) if str(error) else type(error).__name__   # MemoryError: ""
        return _("The job stopped on an internal error; nothing has changed. Tell the administrator: %s") % what

    def _end(self, state, started, result=False, error=False, answer=None):
        action = False
        if isinstance(answer, dict) and answer.get("type") == FILE_ANSWER:
            # a file made by the job (a report): kept on the job, so only who may read the job may download it
            attachment = self.env["ir.attachment"].sudo().create({
                "name": answer["name"], "datas_fname": answer["name"], "datas": answer["datas"],
                "res_model": self._name, "res_id": self.id})
            answer = {"type": "ir.actions.act_url", "target": "self",
                      "url": "/web/content/%d?download=true" % attachment.id}
            result = result or _("File: %s") % answer_name(attachment)
        if isinstance(answer, dict) and (answer.get("type") == "ir.actions.act_url" or (
                answer.get("type") == "ir.actions.act_window"
                and not self.env[answer.get("res_model", "ukkr.job")]._transient)):
            action = json.dumps(answer, default=str)
        self.sudo()._transition({"state": state, "result": result or False, "error": error or False,
                                 "date_done": fields.Datetime.now(), "duration": time.time() - started,
                                 "result_action": action})
        if self.background:
            self.sudo()._notify_user(state)
        return answer

    def _notify_user(self, state):
        """The user hears of the end of a background job (an Odoo notification in the chatter's inbox)."""
        body = (_("Job «%s» has finished.") if state == "done" else _("Job «%s» has failed: %s")) \
            % ((self.name,) if state == "done" else (self.name, self.error))
        partner = self.user_id.partner_id
        self.env["mail.message"].sudo().create({"body": body, "model": False, "res_id": False,
                                                "message_type": "notification", "subtype_id": False,
                                                "author_id": self.env.ref("base.partner_root").id,
                                                "partner_ids": [(4, partner.id)],
                                                "needaction_partner_ids": [(4, partner.id)]})

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_open_result(self):
        self.ensure_one()
        if self.state != "done" or not self.result_action:
            raise UserError(_("This job has no result to open."))
        return json.loads(self.result_action)

    @api.multi
    def action_refresh(self):
        return {"type": "ir.actions.client", "tag": "reload"}
