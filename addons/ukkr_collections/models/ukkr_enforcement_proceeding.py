from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .selections import PAYER_KINDS
from .money import rub
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER, LAWYER
from . import ledger_sql

WRIT_KINDS = [("court_order", "Court order"), ("writ", "Writ of execution")]
ROUTES = [("bailiff", "Bailiffs (ФССП)"), ("employer", "Employer"), ("pension", "Pension payer"), ("bank", "Bank")]
STATES = [("draft", "Draft"), ("presented", "Presented"), ("in_progress", "In progress"),
          ("returned", "Returned as uncollectable"), ("closed", "Closed: paid"), ("recalled", "Recalled")]
# measures of the order: writs sent to the employer — 23; sent to the bailiffs — 26 (reported to the administration
# monthly); bank and pension payer — 25 (enforcement monitored by УККР itself)
ROUTE_MEASURES = {"employer": 23, "bailiff": 26, "bank": 25, "pension": 25}
WRIT_TERMS = {"writ_kind", "writ_number", "writ_date", "court_name", "writ_amount", "debtor_kind", "route",
              "account_id", "case_id", "recipient_id"}
DEADLINE_WARNING_DAYS = 60
ROUTE_TEXT = {"bailiff": "в ФССП", "employer": "работодателю", "pension": "в пенсионный орган", "bank": "в банк"}


class UkkrEnforcementProceeding(models.Model):
    """Исполнительное производство (229-ФЗ): a court order or writ of execution presented for enforcement.

    The writ's own data is held here (writs also come from decisions made before the suite existed); the route is
    checked against ``ukkr.rules.enforcement_route_allowed`` (employer / pension payer only up to the limit of ст.9).
    draft → presented → in progress → returned as uncollectable (ст.46) / closed paid / recalled. Money recovered
    («Поступление») becomes a ledger payment of channel fssp / employer allocated like an imported payment. The last
    day to present the writ (ст.21, 22) comes from ``writ_presentation_deadline`` over the presentations and returns
    of this writ (its earlier proceedings through ``previous_id``); a daily scheduled action warns the lawyer.
    """
    _name = "ukkr.enforcement.proceeding"
    _description = "Enforcement proceeding"
    _inherit = ["ukkr.case.action", "mail.thread", "mail.activity.mixin", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "previous_id", "date_presented", "date_returned", "date_closed",
                        "deadline_flagged", "payment_ids")
    _workflow_terms = tuple(sorted(WRIT_TERMS))
    _dated_steps = {"present": "_present", "return_uncollectable": "_return_uncollectable",
                    "travel_ban": "_request_travel_ban"}

    _measure_number_field = "measure_number"
    _measure_date_field = "date_presented"
    _measure_amount_field = "writ_amount"

    name = fields.Char("Number", readonly=True, copy=False, index=True)
    state = fields.Selection(STATES, "Status", default="draft", required=True, readonly=True, index=True,
                             copy=False, track_visibility="onchange")
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", store=True, readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    court_case_ref = fields.Char("Court case", help="Number of the court case that issued the writ.")
    writ_kind = fields.Selection(WRIT_KINDS, "Writ kind", required=True, default="court_order",
                                 track_visibility="onchange")
    writ_number = fields.Char("Writ number", required=True, index=True, track_visibility="onchange")
    writ_date = fields.Date("Writ date", required=True, track_visibility="onchange",
                            help="Issue date of a court order, or the date the decision entered into force for a "
                                 "writ of execution: the 3 years to present it run from it (229-ФЗ ст.21).")
    court_name = fields.Char("Issuing court", required=True)
    writ_amount = fields.Float("Amount of the writ", digits=(14, 2), required=True, track_visibility="onchange")
    debtor_kind = fields.Selection(PAYER_KINDS, "Debtor kind", required=True, default="individual")
    route = fields.Selection(ROUTES, "Sent to", required=True, default="bailiff", track_visibility="onchange")
    recipient_id = fields.Many2one("res.partner", "Employer, pension payer or bank",
                                   help="Who receives the writ when it is not sent to the bailiffs.")
    fssp_department = fields.Char("ФССП department")
    proceeding_number = fields.Char("Proceeding number", index=True, track_visibility="onchange",
                                    help="Number of the enforcement proceeding given by the bailiffs.")
    measure_number = fields.Integer("Plan measure", compute="_compute_measure_number", store=True)
    previous_id = fields.Many2one("ukkr.enforcement.proceeding", "Earlier presentation", readonly=True,
                                  ondelete="restrict", copy=False)
    date_presented = fields.Date("Presented on", readonly=True, copy=False, track_visibility="onchange")
    date_opened = fields.Date("Opened on", copy=False, help="Date of the bailiff's ruling opening the proceeding.")
    date_received = fields.Date("Debtor received the ruling on", copy=False)
    voluntary_end = fields.Date("Voluntary period ends", compute="_compute_voluntary_end", store=True)
    date_returned = fields.Date("Returned on", readonly=True, copy=False, track_visibility="onchange")
    new_assets = fields.Boolean("New assets found", help="The debtor's property was found after the return: the "
                                                           "writ may be presented again at once (229-ФЗ ст.46 ч.5).")
    representation_date = fields.Date("May be presented again from", compute="_compute_representation_date",
                                      store=True)
    date_closed = fields.Date("Closed on", readonly=True, copy=False)
    presentation_deadline = fields.Date("Present the writ by", compute="_compute_presentation_deadline",
                                        store=True, help="Last day to present the writ (229-ФЗ ст.21, 22): empty "
                                                         "while it is being enforced.")
    deadline_flagged = fields.Date("Deadline warning sent", readonly=True, copy=False)
    payment_ids = fields.Many2many("ukkr.payment", "ukkr_enforcement_payment_rel", "proceeding_id", "payment_id",
                                   "Recoveries", readonly=True, copy=False)
    recovered = fields.Float("Recovered", digits=(14, 2), compute="_compute_recovered", store=True)
    remaining = fields.Float("Still to recover", digits=(14, 2), compute="_compute_recovered", store=True)
    travel_ban_ids = fields.One2many("ukkr.travel.ban.request", "proceeding_id", "Travel ban requests")
    note = fields.Text("Notes")

    # ------------------------------------------------------------------ computations
    @api.depends("route")
    def _compute_measure_number(self):
        for rec in self:
            rec.measure_number = ROUTE_MEASURES.get(rec.route, 0)

    @api.depends("date_received")
    def _compute_voluntary_end(self):
        rules = self.env["ukkr.rules"]
        for rec in self:
            rec.voluntary_end = rules.voluntary_period_end(rec.date_received) if rec.date_received else False

    @api.depends("date_returned", "new_assets", "state")
    def _compute_representation_date(self):
        rules = self.env["ukkr.rules"]
        for rec in self:
            rec.representation_date = rules.representation_earliest(rec.date_returned, rec.new_assets) \
                if rec.date_returned and rec.state == "returned" else False

    def _writ_events(self):
        """(kind, date) of every presentation and return of this writ, the earlier proceedings first."""
        chain, rec = [], self
        while rec:
            chain.insert(0, rec)
            rec = rec.previous_id
        events = []
        for link in chain:
            if link.date_presented:
                events.append(("presented", link.date_presented))
            if link.date_returned:
                events.append(("returned", link.date_returned))
        return events

    @api.depends("writ_date", "date_presented", "date_returned", "state", "previous_id")
    def _compute_presentation_deadline(self):
        rules = self.env["ukkr.rules"]
        for rec in self:
            if not rec.writ_date or rec.state in ("closed", "recalled"):
                rec.presentation_deadline = False
                continue
            rec.presentation_deadline = rules.writ_presentation_deadline(rec.writ_date, rec._writ_events())

    @api.depends("payment_ids", "payment_ids.amount", "writ_amount")
    def _compute_recovered(self):
        for rec in self:
            rec.recovered = round(sum(rec.payment_ids.mapped("amount")), 2)
            rec.remaining = round(max(rec.writ_amount - rec.recovered, 0.0), 2)

    # ------------------------------------------------------------------ checks
    def _check_route(self, on_date=None):
        """The route must be allowed for the writ's amount (229-ФЗ ст.8, 9): a Russian UserError otherwise."""
        for rec in self:
            if rec.writ_amount <= 0:
                raise UserError(_("The amount of the writ must be positive."))
            self.env["ukkr.rules"].enforcement_route_allowed(rec.writ_amount, rec.route,
                                                             on_date or rec.date_presented or rec.date)

    @api.constrains("route", "writ_amount")
    def _constrain_route(self):
        try:
            self._check_route()
        except UserError as error:
            raise ValidationError(error.name)

    @api.constrains("writ_date", "date_opened", "date_received")
    def _constrain_dates(self):
        today = fields.Date.context_today(self)
        for rec in self:
            if rec.writ_date and rec.writ_date > today:
                raise ValidationError(_("The writ date cannot be in the future."))
            if rec.date_received and rec.date_opened and rec.date_received < rec.date_opened:
                raise ValidationError(_("The debtor cannot receive the ruling before the proceeding was opened."))

    # ------------------------------------------------------------------ create / write / unlink
    @api.model
    def create(self, vals):
        if not vals.get("debtor_kind") and vals.get("account_id"):
            vals["debtor_kind"] = self.env["ukkr.personal.account"].browse(vals["account_id"]).payer_kind
        record = super().create(vals)
        self.env["ukkr.numbering"]._number(record)
        return record

    @api.multi
    def unlink(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager group deletes enforcement proceedings."))
        if any(rec.state != "draft" for rec in self):
            raise UserError(_("Only a draft enforcement proceeding can be deleted."))
        return super().unlink()

    @staticmethod
    def _day(value, default):
        day = value or default
        return day if isinstance(day, str) else fields.Date.to_string(day)

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_present(self):
        """«Предъявлен»: asks the day the writ was sent to the bailiffs, the employer, the pension payer or the
        bank."""
        self.ensure_one()
        self._check_lawyer()
        if self.state != "draft":
            raise UserError(_("Proceeding %s is not a draft.") % self.name)
        return self._open_step("present", _("Writ %s presented") % self.writ_number)

    def _check_lawyer(self):
        if not (self.env.user.has_group(LAWYER) or self.env.user.has_group(MANAGER)):
            raise AccessError(_("Only the УККР lawyers and the manager move enforcement proceedings."))

    def _present(self, date_presented=None, _text=None):
        """The writ is sent on ``date_presented``: checks of ст.21, 46 and the route, then the step."""
        self._check_lawyer()
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Proceeding %s is not a draft.") % rec.name)
            day = self._day(date_presented, fields.Date.context_today(self))
            if day < rec.writ_date:
                raise UserError(_("A writ cannot be presented before it was issued."))
            if rec.previous_id and rec.previous_id.representation_date and day < rec.previous_id.representation_date:
                raise UserError(_("The writ was returned as uncollectable on %s: it may be presented again only "
                                  "from %s (229-ФЗ ст.46 ч.5), unless new assets of the debtor are found.")
                                % (fields.Date.from_string(rec.previous_id.date_returned).strftime("%d.%m.%Y"),
                                   fields.Date.from_string(rec.previous_id.representation_date)
                                   .strftime("%d.%m.%Y")))
            if rec.route != "bailiff" and not rec.recipient_id:
                raise UserError(_("Name the employer, pension payer or bank that receives the writ."))
            if rec.route == "bailiff" and not (rec.fssp_department or "").strip():
                raise UserError(_("Name the ФССП department that receives the writ."))
            rec._check_route(day)
            deadline = rec.presentation_deadline
            if deadline and day > deadline:
                raise UserError(_("The time to present the writ ran out on %s (229-ФЗ ст.21): ask the court to "
                                  "restore it first.") % fields.Date.from_string(deadline).strftime("%d.%m.%Y"))
            rec._transition({"state": "presented", "date_presented": day})
            rec._record_travel_ban_petition(day)
            text = "Исполнительный документ № %s на %s руб. предъявлен %s %s." % (
                rec.writ_number, rub(rec.writ_amount), ROUTE_TEXT[rec.route],
                fields.Date.from_string(day).strftime("%d.%m.%Y"))
            rec._post_note(text)
            rec.case_id._advance_to("enforcement", text)
        return True

    @api.multi
    def action_start(self):
        """The bailiffs opened the proceeding (or the employer / bank started deductions)."""
        self._check_lawyer()
        for rec in self:
            if rec.state != "presented":
                raise UserError(_("Proceeding %s must be presented first.") % rec.name)
            if rec.route == "bailiff" and not (rec.proceeding_number or "").strip():
                raise UserError(_("Enter the proceeding number given by the bailiffs."))
            rec._transition({"state": "in_progress",
                             "date_opened": rec.date_opened or fields.Date.context_today(self)})
        return True

    @api.multi
    def action_return_uncollectable(self):
        """«Возвращён»: asks the day the bailiffs returned the writ as uncollectable and their act."""
        self.ensure_one()
        self._check_lawyer()
        if self.state not in ("presented", "in_progress"):
            raise UserError(_("Only a writ being enforced can be returned."))
        return self._open_step("return_uncollectable", _("Writ %s returned as uncollectable") % self.writ_number,
                               text_label=_("Bailiff's act (number and date)"))

    def _return_uncollectable(self, date_returned=None, act=None):
        """The bailiffs returned the writ as uncollectable (229-ФЗ ст.46 ч.1 п.3–4) on ``date_returned``."""
        self._check_lawyer()
        for rec in self:
            if rec.state not in ("presented", "in_progress"):
                raise UserError(_("Only a writ being enforced can be returned."))
            day = self._day(date_returned, fields.Date.context_today(self))
            if day < rec.date_presented:
                raise UserError(_("The writ cannot be returned before it was presented."))
            rec._transition({"state": "returned", "date_returned": day, "date_closed": day})
            rec._post_note("Исполнительный документ возвращён взыскателю как невозможный к взысканию "
                           "(229-ФЗ ст.46) %s%s; повторно предъявить можно с %s." % (
                               fields.Date.from_string(day).strftime("%d.%m.%Y"), (", акт %s" % act) if act else "",
                               fields.Date.from_string(rec.representation_date).strftime("%d.%m.%Y")))
        return True

    @api.multi
    def action_close_paid(self):
        self._check_lawyer()
        for rec in self:
            if rec.state not in ("presented", "in_progress"):
                raise UserError(_("Only a writ being enforced can be closed as paid."))
            rec._transition({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    @api.multi
    def action_recall(self):
        self._check_lawyer()
        for rec in self:
            if rec.state not in ("presented", "in_progress"):
                raise UserError(_("Only a writ being enforced can be recalled."))
            rec._transition({"state": "recalled", "date_closed": fields.Date.context_today(self)})
        return True

    @api.multi
    def action_represent(self):
        """A new presentation of a writ returned as uncollectable: a draft proceeding linked to this one."""
        self.ensure_one()
        self._check_lawyer()
        if self.state != "returned":
            raise UserError(_("Only a writ returned as uncollectable is presented again."))
        if self.search_count([("previous_id", "=", self.id)]):
            raise UserError(_("This writ has already been presented again."))
        with self._workflow_path(creating=True):
            new = self.copy({"previous_id": self.id, "date": fields.Date.context_today(self)})
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": new.id, "view_mode": "form"}

    def _travel_ban_petition(self, day):
        """(included, threshold): does the application to the bailiffs carry the petition for a temporary travel ban
        (229-ФЗ ст.30 ч.2 lets the application contain it; ст.67: a citizen's debt of the dated threshold or more)?"""
        self.ensure_one()
        threshold = self.env["ukkr.rules"].enforcement_params(day).travel_ban_threshold
        included = self.route == "bailiff" and self.debtor_kind == "individual" and \
            self.remaining >= threshold - 0.004
        return included, threshold

    def _record_travel_ban_petition(self, day):
        """Measure 22: the petition included in the application is recorded on the day the writ is handed over."""
        for rec in self:
            included, threshold = rec._travel_ban_petition(day)
            if not included or rec.travel_ban_ids:
                continue
            reason = ("Ходатайство включено в заявление о возбуждении исполнительного производства (229-ФЗ ст.30 "
                      "ч.2, ст.67): долг %s руб. не менее %s руб." % (rub(rec.remaining), rub(threshold)))
            self.env["ukkr.travel.ban.request"].sudo()._workflow_create({
                "proceeding_id": rec.id, "account_id": rec.account_id.id, "case_id": rec.case_id.id, "date": day,
                "debt": rec.remaining, "reason": reason, "user_id": self.env.uid})
            rec._post_note(reason)

    @api.multi
    def action_request_travel_ban(self):
        """«Ходатайство о запрете выезда»: asks the day of the petition."""
        self.ensure_one()
        self._check_lawyer()
        if self.route != "bailiff" or self.state not in ("presented", "in_progress"):
            raise UserError(_("A travel ban is requested from the bailiffs while they enforce the writ."))
        return self._open_step("travel_ban", _("Travel ban petition under writ %s") % self.writ_number)

    def _request_travel_ban(self, on_date=None, _text=None):
        """Ask the bailiffs for a temporary travel ban (229-ФЗ ст.67; measure 22) — only when eligible."""
        self._check_lawyer()
        requests = self.env["ukkr.travel.ban.request"]
        for rec in self:
            if rec.route != "bailiff" or rec.state not in ("presented", "in_progress"):
                raise UserError(_("A travel ban is requested from the bailiffs while they enforce the writ."))
            if rec.debtor_kind != "individual":
                raise UserError(_("A travel ban applies to a citizen debtor only."))
            if not rec.voluntary_end:
                raise UserError(_("Enter the date the debtor received the ruling opening the proceeding: the "
                                  "voluntary period is counted from it."))
            day = self._day(on_date, fields.Date.context_today(self))
            eligible, reason = self.env["ukkr.rules"].travel_ban_eligible(rec.remaining, rec.voluntary_end, day)
            if not eligible:
                raise UserError(_("A travel ban cannot be requested: %s") % reason)
            if rec.travel_ban_ids:
                raise UserError(_("A travel ban was already petitioned on %s under this writ.")
                                % fields.Date.from_string(rec.travel_ban_ids[0].date).strftime("%d.%m.%Y"))
            # the petition is the step's own record: made by the code after the checks above, read by all
            requests |= requests.sudo()._workflow_create({"proceeding_id": rec.id, "account_id": rec.account_id.id,
                                                   "case_id": rec.case_id.id, "date": day,
                                                   "debt": rec.remaining, "reason": reason})
            rec._post_note("Направлено ходатайство о временном ограничении выезда должника из РФ: %s" % reason)
        return requests

    @api.multi
    def action_register_recovery(self, amount, date_paid, doc):
        """«Поступление»: money recovered under the writ becomes a ledger payment (channel fssp or employer),
        allocated to the debt like an imported payment."""
        ledger = self.env["ukkr.ledger.line"].sudo()
        self.ensure_one()
        if not (self.env.user.has_group(LAWYER) or self.env.user.has_group(MANAGER)):
            raise AccessError(_("Only the УККР lawyers register recoveries."))
        if self.state not in ("presented", "in_progress") or not self.date_presented:
            raise UserError(_("Recoveries are registered while the writ is being enforced."))
        try:
            amount = round(float(amount), 2)
        except (TypeError, ValueError):
            raise UserError(_("The amount must be a number."))
        if amount <= 0:
            raise UserError(_("The amount recovered must be positive."))
        if amount > self.remaining + 0.004:
            raise UserError(_("%s RUB is more than remains to recover under the writ (%s RUB).")
                            % (rub(amount), rub(self.remaining)))
        doc = (doc or "").strip()
        if not doc:
            raise UserError(_("Enter the number of the payment document."))
        day = self._day(date_paid, fields.Date.context_today(self))
        if day < self.date_presented:
            raise UserError(_("A recovery cannot be dated before the writ was presented."))
        if day > fields.Date.context_today(self):
            raise UserError(_("A recovery cannot be dated in the future."))
        full_doc = "%s-%s" % ("ФССП" if self.route == "bailiff" else "РАБ", doc)   # what the user reads in the payments
        if self.env["ukkr.payment"].sudo().search_count([("doc", "=", full_doc)]):
            raise UserError(_("Payment document %s has already been registered.") % doc)
        last_closed = ledger_sql.last_closed_period(self.env.cr)
        if last_closed and day[:7] <= last_closed:
            raise UserError(_("Month %s is closed: date the recovery in an open month, or ask the УККР manager "
                              "to reopen it.") % day[:7])
        payment = self.env["ukkr.payment"].sudo().create({
            "account_id": self.account_id.id, "date": day, "amount": amount, "doc": full_doc,
            "channel": "fssp" if self.route == "bailiff" else "employer"})
        ledger._allocate_new_payments([payment.id])
        self._transition({"payment_ids": [(4, payment.id)]})
        self._post_note("Поступило по исполнительному документу %s руб. (%s от %s)." % (
            rub(amount), full_doc, fields.Date.from_string(day).strftime("%d.%m.%Y")))
        self.account_id.invalidate_cache()
        return payment

    # ------------------------------------------------------------------ deadlines
    def _case_deadline(self):
        if self.state in ("draft", "returned") and self.presentation_deadline:
            return (fields.Date.from_string(self.presentation_deadline),
                    "Срок предъявления исполнительного документа № %s" % self.writ_number)
        return None

    @api.model
    def _cron_presentation_deadline(self, on_date=None):
        """Daily: writs not at the bailiffs whose presentation deadline has passed or is within
        ``DEADLINE_WARNING_DAYS`` days get an activity for the lawyer (once per deadline). Returns them."""
        today = fields.Date.from_string(on_date or fields.Date.context_today(self))
        limit = fields.Date.to_string(today + timedelta(days=DEADLINE_WARNING_DAYS))
        due = self.sudo().search([("state", "in", ("draft", "returned")), ("presentation_deadline", "!=", False),
                                  ("presentation_deadline", "<=", limit)])
        due = due.filtered(lambda r: r.deadline_flagged != r.presentation_deadline
                           and not self.search_count([("previous_id", "=", r.id)]))
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for rec in due:
            deadline = fields.Date.from_string(rec.presentation_deadline)
            passed = deadline < today
            summary = ("Истёк срок предъявления ИД № %s (%s)" if passed else
                       "Срок предъявления ИД № %s истекает %s") % (rec.writ_number, deadline.strftime("%d.%m.%Y"))
            self.env["mail.activity"].sudo().create({
                "res_model_id": self.env["ir.model"]._get(self._name).id, "res_id": rec.id,
                "activity_type_id": activity_type.id, "summary": summary,
                "date_deadline": fields.Date.to_string(min(deadline, today + timedelta(days=7))),
                "user_id": (rec.case_id.user_id or rec.user_id or self.env.user).id})
            rec._transition({"deadline_flagged": rec.presentation_deadline})
        return due

    @api.model
    def _measure_done_domain(self):
        return [("date_presented", "!=", False)]

    # ------------------------------------------------------------------ reports
    @api.model
    def _report_rows(self, date_from, date_to):
        """Writs presented in [date_from, date_to] for the monthly «ФССП» sheet: list of dicts with keys
        ``account`` (number), ``is_municipal``, ``payer`` (name, municipal housing only), ``writ_kind``,
        ``writ_number``, ``writ_date``, ``court``, ``amount``, ``route``, ``department`` (ФССП department or the
        recipient), ``proceeding_number``, ``date_presented``, ``state``, ``recovered``."""
        routes, states, kinds = dict(ROUTES), dict(STATES), dict(WRIT_KINDS)
        rows = []
        for rec in self.sudo().search([("date_presented", ">=", date_from), ("date_presented", "<=", date_to)],
                                      order="date_presented, id"):
            rows.append({
                "account": rec.account_id.name, "is_municipal": rec.is_municipal,
                "payer": rec.partner_id.name if rec.is_municipal else "",
                "writ_kind": kinds[rec.writ_kind], "writ_number": rec.writ_number, "writ_date": rec.writ_date,
                "court": rec.court_name, "amount": rec.writ_amount, "route": routes[rec.route],
                "department": rec.fssp_department if rec.route == "bailiff" else rec.recipient_id.name,
                "proceeding_number": rec.proceeding_number or "", "date_presented": rec.date_presented,
                "state": states[rec.state], "recovered": rec.recovered})
        return rows
