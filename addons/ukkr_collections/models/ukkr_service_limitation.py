"""Limitation and suspension of a utility service for debt (measure 14, ПП № 354 раздел XI).

One record per account × service: the check (debt for the service against 2 × the monthly charge at the norm), the
ПП 354 warning (``ukkr.notice`` kind pp354_warning, created from here) whose proven delivery date drives the dates
(``ukkr.rules.service_limitation_dates``), then limitation, suspension and restoration.

Debt per service is read from the ledger: each ledger line is one account × period × service and its «paid» is what
the allocation gave that very line (allocations carry the ledger line, hence the service), so no proportional split
is needed: debt = Σ owed (``ledger_sql.owed``) over the account's lines of that service.

Costs of limiting/restoring are charged to the debtor through the ledger as a CORRECTION of the line of the same
account and service in the period of the cost date (created when missing). The monthly close and the debt figures
treat corrections as charges (``ledger_sql.charged``), so the cost is owed like any charge of that
month; a period already closed is refused (reopen it or date the cost in an open month). Payments are then
re-allocated for that account so that an advance absorbs the cost.
"""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from . import ledger_sql

from .money import rub

STATES = [("draft", "Draft"), ("warned", "Warned"), ("limited", "Limited"), ("suspended", "Suspended"),
          ("restored", "Restored"), ("cancelled", "Cancelled")]
ACTIVE_STATES = ("draft", "warned", "limited", "suspended")


class UkkrServiceLimitation(models.Model):
    _name = "ukkr.service.limitation"
    _inherit = ["ukkr.case.action", "mail.thread", "mail.activity.mixin", "ukkr.workflow.mixin"]
    _description = "Service limitation (ПП № 354)"
    _order = "date desc, id desc"
    _workflow_fields = ("state", "service_debt", "norm_charge", "eligible", "eligibility_reason", "notice_id",
                        "date_limited", "date_suspended", "date_settled", "restoration_due", "date_restored",
                        "restoration_overdue", "cost_amount")
    _workflow_terms = ("account_id", "case_id", "service_id", "date")
    _measure_number = 14
    _measure_amount_field = "service_debt"

    name = fields.Char("Reference", compute="_compute_name", store=True)
    service_id = fields.Many2one("ukkr.service", "Service", required=True, ondelete="restrict",
                                 track_visibility="onchange")
    is_municipal = fields.Boolean(related="account_id.is_municipal", store=True, string="Municipal housing")
    state = fields.Selection(STATES, "Status", default="draft", required=True, readonly=True, index=True,
                             track_visibility="onchange")
    service_debt = fields.Float("Debt for the service, RUB", digits=(14, 2), readonly=True)
    norm_charge = fields.Float("Monthly charge at the norm, RUB", digits=(12, 2), readonly=True)
    eligible = fields.Boolean("Eligible at the check", readonly=True)
    eligibility_reason = fields.Text("Check result", readonly=True)
    notice_id = fields.Many2one("ukkr.notice", "ПП 354 warning", readonly=True, ondelete="set null")
    date_delivered = fields.Date(related="notice_id.date_delivered", string="Warning delivered on", readonly=True)
    pay_until = fields.Date("Pay until", compute="_compute_dates", store=True)
    limitation_from = fields.Date("Limitation allowed from", compute="_compute_dates", store=True)
    date_limited = fields.Date("Limited on", readonly=True, track_visibility="onchange")
    suspension_from = fields.Date("Suspension allowed from", compute="_compute_dates", store=True)
    date_suspended = fields.Date("Suspended on", readonly=True, track_visibility="onchange")
    date_settled = fields.Date("Paid / agreement on", readonly=True, track_visibility="onchange")
    restoration_due = fields.Date("Restore by", readonly=True, track_visibility="onchange")
    date_restored = fields.Date("Restored on", readonly=True, track_visibility="onchange")
    restoration_overdue = fields.Boolean("Restoration overdue", readonly=True, index=True)
    cost_amount = fields.Float("Costs charged, RUB", digits=(12, 2), readonly=True)
    cost_to_charge = fields.Float("Cost to charge, RUB", digits=(12, 2),
                                  help="Cost of limiting/restoring to charge to the debtor through the ledger.")
    note = fields.Text("Note")

    @api.depends("account_id.name", "service_id.name")
    def _compute_name(self):
        for record in self:
            record.name = "%s — %s" % (record.account_id.name or "", record.service_id.name or "")

    @api.depends("notice_id.date_delivered", "date_limited")
    def _compute_dates(self):
        rules = self.env["ukkr.rules"]
        for record in self:
            record.pay_until = record.limitation_from = record.suspension_from = False
            if record.notice_id.date_delivered:
                dates = rules.service_limitation_dates(record.notice_id.date_delivered)
                record.pay_until = fields.Date.to_string(dates["pay_until"])
                record.limitation_from = fields.Date.to_string(dates["limitation"])
                record.suspension_from = fields.Date.to_string(dates["suspension"])
            if record.date_limited:
                limited = fields.Date.from_string(record.date_limited)
                params = rules.service_limitation_params(limited)
                record.suspension_from = fields.Date.to_string(
                    limited + timedelta(days=params.suspension_days + 1))

    @api.model
    def _measure_done_domain(self):
        return [("state", "in", ("warned", "limited", "suspended", "restored"))]

    def _case_deadline(self):
        if self.state == "warned" and self.limitation_from:
            return (self.limitation_from, _("ПП 354: %s may be limited") % self.service_id.name)
        if self.state == "limited" and self.suspension_from:
            return (self.suspension_from, _("ПП 354: %s may be suspended") % self.service_id.name)
        if self.state in ("limited", "suspended") and self.restoration_due:
            return (self.restoration_due, _("ПП 354: restore %s") % self.service_id.name)
        return None

    # ------------------------------------------------------------------ debt per service (set-based)
    @api.model
    def _service_debts(self, account_ids=None):
        """{(account_id, service_id): (debt, norm_charge, is_apartment_building)} for every account × service
        billed (or on the account's services), all accounts when ``account_ids`` is None. One query.

        A building's flag left empty counts as an apartment building when it has more than one premises."""
        where = "WHERE a.id = ANY(%(accounts)s)" if account_ids is not None else ""
        self.env.cr.execute("""
            WITH debt AS (
                SELECT account_id, service_id,
                       sum({owed}) AS debt
                FROM ukkr_ledger_line {lwhere} GROUP BY account_id, service_id),
            premises AS (SELECT building_id, count(*) AS n FROM ukkr_personal_account GROUP BY building_id),
            pairs AS (
                SELECT account_id, service_id FROM debt
                UNION SELECT account_id, service_id FROM ukkr_account_service {lwhere})
            SELECT p.account_id, p.service_id, round(coalesce(d.debt, 0)::numeric, 2), coalesce(s.norm_charge, 0),
                   coalesce(b.is_apartment_building, coalesce(pr.n, 0) > 1)
            FROM pairs p
            JOIN ukkr_personal_account a ON a.id = p.account_id
            JOIN ukkr_building b ON b.id = a.building_id
            LEFT JOIN premises pr ON pr.building_id = b.id
            LEFT JOIN debt d ON d.account_id = p.account_id AND d.service_id = p.service_id
            LEFT JOIN ukkr_account_service s ON s.account_id = p.account_id AND s.service_id = p.service_id
            {where}""".format(owed=ledger_sql.owed(), lwhere="WHERE account_id = ANY(%(accounts)s)" if account_ids is not None else "",
                              where=where),
            {"accounts": list(account_ids or [])})
        return {(account, service): (float(debt), float(norm), bool(apartment))
                for account, service, debt, norm, apartment in self.env.cr.fetchall()}

    @api.model
    def _candidates(self, on_date=None, account_ids=None):
        """[(account_id, service_id, debt, norm, reason)] eligible on ``on_date``: debt for the service greater than
        the threshold, the service not banned (heating; cold water in an apartment building), no honoured
        agreement, no limitation of that account × service in progress. Set-based: the debt query, one query for
        the agreements, the flags and the open records, then the pure check in memory."""
        rules = self.env["ukkr.rules"]
        day = rules._today(on_date)
        params = rules.service_limitation_params(day)
        debts = self._service_debts(account_ids)
        services = {s.id: s for s in self.env["ukkr.service"].search([])}
        over = {key: value for key, value in debts.items()
                if value[1] > 0 and round(value[0], 2) > round(params.multiplier * value[1], 2)
                and not services[key[1]].never_suspended
                and not (value[2] and services[key[1]].never_suspended_apartment_building)}
        if not over:
            return []
        accounts = {account for account, _service in over}
        honoured = self.env["ukkr.installment.agreement"]._honoured_account_ids(list(accounts), day)
        self.env.cr.execute("SELECT account_id, service_id FROM ukkr_service_limitation "
                            "WHERE (state IN ('warned', 'limited', 'suspended') OR (state = 'draft' AND eligible)) "
                            "AND account_id = ANY(%s)", (list(accounts),))
        busy = set(self.env.cr.fetchall())
        self.env.cr.execute("SELECT id FROM ukkr_personal_account WHERE id = ANY(%s) AND state = 'active'",
                            (list(accounts),))
        active = {account for (account,) in self.env.cr.fetchall()}
        result = []
        for (account, service), (debt, norm, apartment) in sorted(over.items()):
            if account in honoured or (account, service) in busy or account not in active:
                continue
            eligible, reason = rules.service_limitation_eligible(debt, norm, services[service], apartment, False, day)
            if eligible:
                result.append((account, service, debt, norm, reason))
        return result

    # ------------------------------------------------------------------ create: the check
    @api.model
    def create(self, vals):
        """Only for an eligible candidate: the check (debt for the service against the threshold, banned services,
        an honoured agreement, another limitation in progress) is made here, on the server, and refuses the rest."""
        self._workflow_check_create(vals)
        vals = self._fill_case(dict(vals))
        if vals.get("account_id") and vals.get("service_id"):
            vals.update(self._check_values(vals["account_id"], vals["service_id"], vals.get("date")))
            account = self.env["ukkr.personal.account"].browse(vals["account_id"])
            service = self.env["ukkr.service"].browse(vals["service_id"])
            if not vals["eligible"]:
                raise UserError(_("The service %s of account %s may not be limited: %s")
                                % (service.name, account.name, vals["eligibility_reason"]))
            self.env.cr.execute("""SELECT 1 FROM ukkr_service_limitation WHERE account_id = %s AND service_id = %s
                                   AND state IN ('draft', 'warned', 'limited', 'suspended')""",
                                (account.id, service.id))
            if self.env.cr.fetchone():
                raise UserError(_("A limitation of %s on account %s is already in progress.")
                                % (service.name, account.name))
        with self._workflow_path(creating=True):
            return super().create(vals)

    @api.model
    def _check_values(self, account_id, service_id, on_date=None):
        rules = self.env["ukkr.rules"]
        day = rules._today(on_date)
        debt, norm, apartment = self._service_debts([account_id]).get((account_id, service_id), (0.0, 0.0, False))
        if norm <= 0:
            service = self.env["ukkr.service"].browse(service_id)
            raise UserError(_("Account has no monthly charge at the norm for %s: the ПП 354 threshold cannot be "
                              "checked. Fill it in on the account's services.") % service.name)
        honoured = bool(self.env["ukkr.installment.agreement"]._honoured_account_ids([account_id], day))
        eligible, reason = rules.service_limitation_eligible(debt, norm, service_id, apartment, honoured, day)
        return {"service_debt": debt, "norm_charge": norm, "eligible": eligible, "eligibility_reason": reason}

    # ------------------------------------------------------------------ steps
    @api.multi
    def action_create_warning(self):
        """Create the ПП 354 warning (a draft notice) for each record; it is then sent and its delivery proven."""
        Notice = self.env["ukkr.notice"]
        for record in self:
            if record.state != "draft":
                raise UserError(_("%s: the warning is created once, from a draft.") % record.name)
            if not record.eligible:
                raise UserError(_("%s: the service may not be limited: %s") % (record.name, record.eligibility_reason))
            notice = Notice.create({"account_id": record.account_id.id, "kind": "pp354_warning",
                                    "note": _("Limitation of %s (ПП № 354)") % record.service_id.name})
            record._transition({"notice_id": notice.id, "state": "warned"})
        return True

    @api.model
    def _day(self, day):
        return self.env["ukkr.rules"]._today(day)

    def _still_owed(self, day):
        debt, norm, _apartment = self._service_debts([self.account_id.id]).get(
            (self.account_id.id, self.service_id.id), (0.0, 0.0, False))
        honoured = bool(self.env["ukkr.installment.agreement"]._honoured_account_ids([self.account_id.id], day))
        return debt > 0.004 and not honoured

    @api.multi
    def action_limit(self):
        return self._limit()

    @api.multi
    def _limit(self, day=None):
        on = self._day(day)
        for record in self:
            if record.state != "warned":
                raise UserError(_("%s: only a warned service can be limited.") % record.name)
            if not record.notice_id.date_delivered or record.notice_id.state != "delivered":
                raise UserError(_("%s: the delivery of the ПП 354 warning is not proven yet; the service cannot be "
                                  "limited.") % record.name)
            earliest = fields.Date.from_string(record.limitation_from)
            if on < earliest:
                raise UserError(_("%s: too early — the debtor may pay until %s; the service may be limited from %s "
                                  "(ПП № 354 п.119 «а»).")
                                % (record.name, fields.Date.from_string(record.pay_until).strftime("%d.%m.%Y"),
                                   earliest.strftime("%d.%m.%Y")))
            if not record._still_owed(on):
                raise UserError(_("%s: the debt for the service is paid or an agreement is honoured: the service is "
                                  "not limited.") % record.name)
            record._transition({"state": "limited", "date_limited": fields.Date.to_string(on)})
            record.case_id._advance_to("limitation", _("Service limited: %s.") % record.name)
        return True

    @api.multi
    def action_suspend(self):
        return self._suspend()

    @api.multi
    def _suspend(self, day=None):
        on = self._day(day)
        for record in self:
            if record.state != "limited":
                raise UserError(_("%s: only a limited service can be suspended.") % record.name)
            earliest = fields.Date.from_string(record.suspension_from)
            if on < earliest:
                raise UserError(_("%s: too early — the service may be suspended from %s, 10 days after the limitation "
                                  "(ПП № 354 п.119 «в»).") % (record.name, earliest.strftime("%d.%m.%Y")))
            if not record._still_owed(on):
                raise UserError(_("%s: the debt for the service is paid or an agreement is honoured: the service is "
                                  "not suspended.") % record.name)
            record._transition({"state": "suspended", "date_suspended": fields.Date.to_string(on)})
        return True

    @api.multi
    def action_settled(self):
        return self._settled()

    @api.multi
    def _settled(self, day=None):
        """Full payment or a signed agreement on ``day``: restoration due within 2 days (п.120); before the
        limitation the case is simply cancelled."""
        on = self._day(day)
        rules = self.env["ukkr.rules"]
        for record in self:
            if record.state in ("draft", "warned"):
                record._transition({"state": "cancelled", "date_settled": fields.Date.to_string(on)})
            elif record.state in ("limited", "suspended"):
                if not record.restoration_due:
                    record._transition({"date_settled": fields.Date.to_string(on),
                                        "restoration_due": fields.Date.to_string(rules.service_restoration_due(on))})
                    record._schedule(_("Restore %s by %s (ПП № 354 п.120)")
                                     % (record.service_id.name,
                                        fields.Date.from_string(record.restoration_due).strftime("%d.%m.%Y")),
                                     record.restoration_due)
            else:
                raise UserError(_("%s is already closed.") % record.name)
        return True

    @api.multi
    def action_restore(self):
        return self._restore()

    @api.multi
    def _restore(self, day=None):
        on = self._day(day)
        for record in self:
            if record.state not in ("limited", "suspended"):
                raise UserError(_("%s: only a limited or suspended service is restored.") % record.name)
            record._transition({"state": "restored", "date_restored": fields.Date.to_string(on),
                                "restoration_overdue": False})
        return True

    @api.multi
    def action_cancel(self):
        for record in self:
            if record.state not in ("draft", "warned"):
                raise UserError(_("%s: a limited service is not cancelled; restore it.") % record.name)
            if record.notice_id.state == "draft":
                record.notice_id.action_cancel()
            record._transition({"state": "cancelled"})
        return True

    def _schedule(self, summary, deadline):
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get(self._name).id, "res_id": self.id,
            "activity_type_id": activity_type.id if activity_type else False, "summary": summary,
            "date_deadline": deadline, "user_id": self.user_id.id or self.env.uid})

    # ------------------------------------------------------------------ costs through the ledger
    def _charge_cost(self, amount, day=None):
        """Charge the debtor the cost of limiting/restoring (capped where a cap rule is in force) as a correction
        of the ledger line account × service × period of ``day``. A closed month is refused."""
        self.ensure_one()
        on = self._day(day)
        try:
            amount = round(float(amount), 2)
        except (TypeError, ValueError):
            raise UserError(_("«%s» is not an amount.") % (amount,))
        if amount <= 0:
            raise UserError(_("The cost must be positive."))
        if self.state not in ("limited", "suspended", "restored"):
            raise UserError(_("%s: costs are charged only once the service has been limited.") % self.name)
        cap = self.env["ukkr.rules"].disconnect_cost_cap(self.service_id, on)
        if cap and self.cost_amount + amount > cap + 0.004:
            raise UserError(_("The costs charged for %s may not exceed %s RUB (ПП № 354 п.121(1)); already "
                              "charged %s RUB.") % (self.service_id.name, rub(cap), rub(self.cost_amount)))
        period = on.strftime("%Y-%m")
        last_closed = ledger_sql.last_closed_period(self.env.cr)
        if last_closed and period <= last_closed:
            raise UserError(_("Month %s is closed: the cost cannot be charged in it. Date it in an open month or "
                              "reopen the month.") % period)
        self.env.cr.execute("""
            INSERT INTO ukkr_ledger_line (account_id, period, service_id, accrued, paid, correction, penalty,
                                          written_off, create_uid, create_date, write_uid, write_date)
            VALUES (%(account)s, %(period)s, %(service)s, 0, 0, %(amount)s, 0, 0, %(uid)s, now() at time zone 'UTC',
                    %(uid)s, now() at time zone 'UTC')
            ON CONFLICT (account_id, period, service_id)
            DO UPDATE SET correction = round((ukkr_ledger_line.correction + EXCLUDED.correction)::numeric, 2)""",
                            {"account": self.account_id.id, "period": period, "service": self.service_id.id,
                             "amount": amount, "uid": self.env.uid})
        self.env["ukkr.period"].sudo().refresh([period])
        self.env["ukkr.ledger.line"].sudo()._allocate_payments([self.account_id.id])
        self._transition({"cost_amount": round(self.cost_amount + amount, 2)})
        self.message_post(body=_("Costs of %s RUB charged to the debtor in %s (ledger correction).")
                          % (rub(amount), period))
        return True

    @api.multi
    def action_charge_entered_cost(self):
        for record in self:
            record._charge_cost(record.cost_to_charge)
            record.cost_to_charge = 0
        return True

    # ------------------------------------------------------------------ daily check
    @api.model
    def _cron_check(self, day=None):
        """Limited/suspended services paid in full or with an honoured agreement get a restoration date and an
        activity; restorations past due are flagged (and get an activity once)."""
        on = self._day(day)
        open_records = self.search([("state", "in", ("limited", "suspended"))])
        settled = self.browse()
        if open_records:
            debts = self._service_debts(open_records.mapped("account_id").ids)
            honoured = self.env["ukkr.installment.agreement"]._honoured_account_ids(
                open_records.mapped("account_id").ids, on)
            self.env.cr.execute("SELECT account_id, max(date) FROM ukkr_payment WHERE account_id = ANY(%s) "
                                "AND date <= %s GROUP BY account_id",
                                (open_records.mapped("account_id").ids, fields.Date.to_string(on)))
            last_payment = {account: fields.Date.from_string(day) for account, day in self.env.cr.fetchall()}
            for record in open_records.filtered(lambda r: not r.restoration_due):
                debt = debts.get((record.account_id.id, record.service_id.id), (0.0,))[0]
                if debt <= 0.004:
                    # paid in full: the term runs from the payment that cleared it (not before the limitation)
                    paid_on = max(last_payment.get(record.account_id.id) or on,
                                  fields.Date.from_string(record.date_limited))
                    record._settled(paid_on)
                    settled |= record
                elif record.account_id.id in honoured:
                    record._settled(on)
                    settled |= record
        overdue = self.search([("state", "in", ("limited", "suspended")), ("restoration_due", "!=", False),
                               ("restoration_due", "<", fields.Date.to_string(on)),
                               ("restoration_overdue", "=", False)])
        for record in overdue:
            record._schedule(_("Restoration of %s is overdue (due %s)")
                             % (record.service_id.name,
                                fields.Date.from_string(record.restoration_due).strftime("%d.%m.%Y")),
                             fields.Date.to_string(on))
        overdue._transition({"restoration_overdue": True})
        return {"settled": len(settled), "overdue": len(overdue)}
