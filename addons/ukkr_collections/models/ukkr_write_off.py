from collections import defaultdict

from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .selections import ORGANISATIONS
from .money import rub
from odoo.addons.ukkr_debt_plan.models.groups import MANAGER, LAWYER
from . import ledger_sql
from .chart_of_accounts import chart_accounts
from .allocation import split_proportionally, to_cents

REASONS = [("time_barred", "Time-barred, no court action"), ("uncollectable", "Uncollectable (229-ФЗ ст.46 act)"),
           ("deceased", "Debtor deceased or liquidated")]
STATES = [("draft", "Draft"), ("proposed", "Proposed by the legal group"), ("approved", "Approved by the manager"),
          ("posted", "Written off"), ("cancelled", "Cancelled")]
# Accounts of the write-off entry (ПБУ 10/99 п.11: bad debt written off is an other expense; Приказ Минфина № 94н:
# Dr 91.02 «Прочие расходы» / Cr 62.01). The off-balance account 007 «Списанная в убыток задолженность
# неплатёжеспособных дебиторов» (kept 5 years) is single-entry, which Odoo's balanced moves cannot hold: the posted
# write-offs themselves (``_quarter_rows``) are that register; no 007 line is booked.
WRITE_OFF_ACCOUNTS = {"expense": ("91.02", "91.01"), "receivable": ("62.01",)}


class UkkrWriteOff(models.Model):
    """Списание дебиторской задолженности (measure 27 of the order).

    Candidates: time-barred tranches of accounts with no court filing, writs returned as uncollectable (229-ФЗ
    ст.46), cases closed because the debtor died or was liquidated. The legal group proposes (lawyer), the УККР —
    manager approves, then posting writes ``written_off`` on the ledger lines of those periods (each period's amount
    split over its services in proportion to their unpaid balance), so the debt drops everywhere, and posts one
    entry in the УККР journal: Dr 91.02 (91.01 when the chart has no sub-account) / Cr 62.01 for the principal.
    Penalties of the written-off tranches disappear with their principal; the next monthly close books that through
    its penalty line (76.02 / 91.01). The case moves to «Списано» and closes. The monthly close counts a posted
    write-off's amount as already credited to 62.01 (``_write_off_adjustments``), so the receivable is not credited
    twice. Only periods of closed months are written off, and the posting date must be in an open month.
    """
    _name = "ukkr.write.off"
    _description = "Debt write-off"
    _inherit = ["ukkr.case.action", "mail.thread", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "proposed_by", "approved_by", "date_approved", "date_posted", "move_id",
                        "close_id")
    _workflow_terms = ("account_id", "case_id", "date", "reason", "proceeding_id", "basis", "line_ids",
                       "user_id")
    _dated_steps = {"post": "_post"}

    _measure_number = 27
    _measure_amount_field = "amount"

    name = fields.Char("Number", readonly=True, copy=False, index=True)
    state = fields.Selection(STATES, "Status", default="draft", required=True, readonly=True, index=True,
                             copy=False, track_visibility="onchange")
    reason = fields.Selection(REASONS, "Reason", required=True, track_visibility="onchange")
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", store=True, readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    proceeding_id = fields.Many2one("ukkr.enforcement.proceeding", "Writ returned as uncollectable",
                                    domain="[('account_id', '=', account_id), ('state', '=', 'returned')]")
    basis = fields.Text("Grounds", help="Documents the write-off rests on: the bailiff's act, a death certificate, "
                                        "the register entry of the liquidation…")
    line_ids = fields.One2many("ukkr.write.off.line", "write_off_id", "Tranches", copy=True)
    amount = fields.Float("Principal written off", digits=(14, 2), compute="_compute_totals", store=True)
    penalty = fields.Float("Penalties written off", digits=(14, 2), compute="_compute_totals", store=True)
    proposed_by = fields.Many2one("res.users", "Proposed by", readonly=True, copy=False)
    approved_by = fields.Many2one("res.users", "Approved by", readonly=True, copy=False, track_visibility="onchange")
    date_approved = fields.Date("Approved on", readonly=True, copy=False)
    date_posted = fields.Date("Posted on", readonly=True, copy=False)
    move_id = fields.Many2one("account.move", "Accounting entry", readonly=True, copy=False, ondelete="restrict")
    close_id = fields.Many2one("ukkr.monthly.close", "Counted by the close of", readonly=True, copy=False,
                               ondelete="set null", index=True)

    @api.depends("line_ids.principal", "line_ids.penalty")
    def _compute_totals(self):
        for rec in self:
            rec.amount = round(sum(rec.line_ids.mapped("principal")), 2)
            rec.penalty = round(sum(rec.line_ids.mapped("penalty")), 2)

    # ------------------------------------------------------------------ create / write / unlink
    @api.model
    def create(self, vals):
        record = super().create(vals)
        self.env["ukkr.numbering"]._number(record)
        return record

    @api.multi
    def unlink(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(_("Only a draft write-off can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ the flow
    @api.multi
    def action_propose(self):
        """The legal group proposes the write-off (lawyer)."""
        if not self.env.user.has_group(LAWYER):
            raise AccessError(_("Only the legal group (УККР — lawyer) proposes a write-off."))
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Write-off %s is not a draft.") % rec.name)
            if not rec.line_ids or rec.amount <= 0:
                raise UserError(_("List the tranches to write off."))
            if rec.reason == "uncollectable" and not rec.proceeding_id:
                raise UserError(_("Name the writ returned as uncollectable (229-ФЗ ст.46)."))
            if rec.reason in ("uncollectable", "deceased") and not (rec.basis or "").strip():
                raise UserError(_("Describe the documents the write-off rests on."))
            rec._check_lines()
            rec._check_grounds()
            rec._transition({"state": "proposed", "proposed_by": self.env.user.id})
            rec._post_note("Юридическая группа предлагает списать %s руб. основного долга." % rub(rec.amount))
        return True

    @api.multi
    def action_approve(self):
        """The УККР — manager approves (only the manager)."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(_("Only the УККР — manager approves a write-off."))
        for rec in self:
            if rec.state != "proposed":
                raise UserError(_("Write-off %s must be proposed by the legal group before it is approved.")
                                % rec.name)
            if rec.proposed_by == self.env.user:
                raise AccessError(_("Write-off %s was proposed by you: another manager approves it (four eyes).")
                                  % rec.name)
            rec._check_lines()
            rec._check_grounds()
            rec._transition({"state": "approved", "approved_by": self.env.user.id,
                             "date_approved": fields.Date.context_today(self)})
            rec._post_note("Списание утверждено руководителем УККР.")
        return True

    @api.multi
    def action_cancel(self):
        for rec in self:
            if rec.state == "posted":
                raise UserError(_("Write-off %s is posted: it cannot be cancelled.") % rec.name)
            if rec.state == "approved" and not self.env.user.has_group(MANAGER):
                raise AccessError(_("Only the УККР — manager cancels an approved write-off."))
            rec._transition({"state": "cancelled"})
        return True

    def _check_lines(self):
        """Each period once, of a closed month, and not more than its unpaid principal in the ledger."""
        self.ensure_one()
        periods = self.line_ids.mapped("period")
        if len(periods) != len(set(periods)):
            raise UserError(_("A period is listed twice."))
        last_closed = ledger_sql.last_closed_period(self.env.cr)
        late = [p for p in periods if not last_closed or p > last_closed]
        if late:
            raise UserError(_("Only periods of closed months are written off (the last closed month is %s): %s.")
                            % (last_closed or "—", ", ".join(sorted(late))))
        self.env.cr.execute("""SELECT period, sum({owed}) FROM ukkr_ledger_line
                               WHERE account_id = %s AND period = ANY(%s) GROUP BY period""".format(
                                owed=ledger_sql.owed()), (self.account_id.id, periods))
        owed = dict(self.env.cr.fetchall())
        for line in self.line_ids:
            if line.principal <= 0:
                raise UserError(_("The principal of period %s must be positive.") % line.period)
            if line.principal > owed.get(line.period, 0.0) + 0.004:
                raise UserError(_("Period %s: %s RUB is more than its unpaid principal in the ledger (%s RUB).")
                                % (line.period, rub(line.principal), rub(owed.get(line.period, 0.0))))
        return last_closed

    def _check_grounds(self, as_of=None):
        """The law behind each tranche: never a period claimed in a live court case; «time-barred» only for
        tranches whose limitation (the tranche clock, with its ГК 203/204 events) has expired; «uncollectable» only
        with this account's writ returned under 229-ФЗ ст.46; «deceased» only with the document attached."""
        self.ensure_one()
        as_of = as_of or fields.Date.from_string(fields.Date.context_today(self))
        account = self.account_id.sudo()
        periods = sorted(self.line_ids.mapped("period"))
        # a court case is live until its decision is in force (then the writ and its return are the grounds)
        self.env.cr.execute("""SELECT DISTINCT l.period FROM ukkr_court_case_line l
                               JOIN ukkr_court_case c ON c.id = l.court_case_id
                               WHERE c.account_id = %s AND l.period = ANY(%s)
                                 AND c.state IN ('prepared', 'filed', 'order_issued', 'hearing', 'decided')""",
                            (account.id, periods))
        live = sorted(row[0] for row in self.env.cr.fetchall())
        if live:
            raise UserError(_("Periods %s of account %s are claimed in a court case that is still going on: they "
                              "are not written off while the court decides.") % (", ".join(live), account.name))
        if self.reason == "time_barred":
            expiry = {t["period"]: t["limitation_expiry"] for t in account.debt_tranches(as_of)}
            alive = [p for p in periods if not expiry.get(p) or expiry[p] >= as_of]
            if alive:
                raise UserError(_("Periods %s are not time-barred on %s (their limitation period, with the debtor's "
                                  "acknowledgements and the court events, has not expired): choose another reason "
                                  "or remove them.") % (", ".join(alive), as_of.strftime("%d.%m.%Y")))
        elif self.reason == "uncollectable":
            writ = self.proceeding_id.sudo()
            if not writ or writ.state != "returned" or writ.account_id != account:
                raise UserError(_("Name this account's writ returned as uncollectable (229-ФЗ ст.46)."))
        elif self.reason == "deceased":
            if not self.env["ir.attachment"].sudo().search_count([("res_model", "=", self._name),
                                                                   ("res_id", "=", self.id)]):
                raise UserError(_("Attach the document of the death or the liquidation (certificate, register "
                                  "entry) to write-off %s.") % self.name)

    @api.multi
    def action_post(self):
        """«Провести»: asks the posting date of an approved write-off."""
        self.ensure_one()
        self._check_poster()
        if self.state != "approved":
            raise UserError(_("Write-off %s has not been approved by the УККР — manager: it cannot be posted.")
                            % self.name)
        return self._open_step("post", _("Post write-off %s") % self.name)

    def _check_poster(self):
        if not (self.env.user.has_group(LAWYER) or self.env.user.has_group(MANAGER)):
            raise AccessError(_("Only УККР lawyers and the manager post write-offs."))

    def _post(self, date_posted=None, _text=None):
        """Approved → the ledger's ``written_off`` and the accounting entry; the case is written off and closed."""
        self._check_poster()
        for rec in self:
            if rec.state == "posted":
                raise UserError(_("Write-off %s is already posted.") % rec.name)
            if rec.state != "approved":
                raise UserError(_("Write-off %s has not been approved by the УККР — manager: it cannot be posted.")
                                % rec.name)
            day = date_posted or fields.Date.context_today(self)
            day = day if isinstance(day, str) else fields.Date.to_string(day)
            last_closed = rec._check_lines()
            rec._check_grounds(fields.Date.from_string(day))
            if day[:7] <= last_closed:
                raise UserError(_("Month %s is closed: date the write-off in an open month.") % day[:7])
            rec._write_ledger()
            move = rec._post_entry(day)
            rec._transition({"state": "posted", "date_posted": day, "move_id": move.id})
            text = "Списано %s руб. основного долга (%s) за периоды %s; проводка %s." % (
                rub(rec.amount), dict(REASONS)[rec.reason], ", ".join(sorted(rec.line_ids.mapped("period"))),
                move.name)
            rec._post_note(text)
            case = rec.case_id
            if case and case.state == "open":
                case._advance_to("written_off", text)
        self.mapped("account_id").invalidate_cache()
        return True

    def _write_ledger(self):
        """Split each period's principal over its services in proportion to their unpaid balance, to the kopeck
        (``allocation.split_proportionally``, the payments' split); one batched UPDATE."""
        self.ensure_one()
        self.env.cr.execute("""SELECT id, period, {owed} FROM ukkr_ledger_line
                               WHERE account_id = %s AND period = ANY(%s) AND {owed} > 0
                               ORDER BY period, id""".format(owed=ledger_sql.owed()),
                            (self.account_id.id, self.line_ids.mapped("period")))
        by_period = defaultdict(dict)
        for line_id, period, balance in self.env.cr.fetchall():
            by_period[period][line_id] = to_cents(balance)
        updates = []
        for line in self.line_ids:
            shares = split_proportionally(to_cents(line.principal), by_period[line.period])
            updates += [(line_id, share / 100.0) for line_id, share in sorted(shares.items())]
        execute_values(self.env.cr, """UPDATE ukkr_ledger_line l SET written_off = l.written_off + v.amount
                                       FROM (VALUES %s) AS v(id, amount) WHERE l.id = v.id""", updates)
        self.env["ukkr.ledger.line"].invalidate_cache(["written_off", "balance"])

    @api.model
    def _entry_accounts(self):
        return chart_accounts(self.env, WRITE_OFF_ACCOUNTS)

    def _post_entry(self, day):
        """Dr 91.02 / Cr 62.01 (partner: the organisation, none for the population, as in the monthly close)."""
        accounts = self._entry_accounts()
        journal = self.env.ref("ukkr_collections.journal_ukkr").sudo()
        partner = self.account_id.partner_id.id if self.account_id.payer_kind in ORGANISATIONS else False
        label = _("Write-off %s, account %s") % (self.name, self.account_id.name)
        lines = [(0, 0, {"account_id": accounts["expense"].id, "name": label, "partner_id": partner,
                         "debit": self.amount, "credit": 0.0}),
                 (0, 0, {"account_id": accounts["receivable"].id, "name": label, "partner_id": partner,
                         "debit": 0.0, "credit": self.amount})]
        move = self.env["account.move"].sudo().create({"journal_id": journal.id, "date": day, "ref": label,
                                                       "line_ids": lines})
        move.post()
        return move

    # ------------------------------------------------------------------ the monthly close
    @api.model
    def _write_off_adjustments(self, close, end):
        """{account_id: amount} of posted write-offs not yet counted by a close; marks them counted by ``close``.
        Their entry already credited 62.01, so the close takes them out of the debt before. All of them, whatever
        their date: the ledger's ``written_off`` is not dated, so the close's debt already lacks them."""
        self.env.cr.execute("""UPDATE ukkr_write_off SET close_id = %s WHERE state = 'posted' AND close_id IS NULL
                               RETURNING account_id, amount""", (close.id,))
        adjustments = defaultdict(float)
        for account_id, amount in self.env.cr.fetchall():
            adjustments[account_id] += amount
        return adjustments

    # ------------------------------------------------------------------ candidates
    @api.model
    def _candidates(self, on_date=None):
        """{account_id: (reason, proceeding_id, [(period, principal, penalty)])} — set-based: three reads for all
        accounts, the tranche arithmetic in memory. Accounts with a write-off in progress are left out."""
        cr = self.env.cr
        as_of = fields.Date.from_string(on_date or fields.Date.context_today(self))
        last_closed = ledger_sql.last_closed_period(cr)
        if not last_closed:
            return {}
        cr.execute("SELECT DISTINCT account_id FROM ukkr_write_off WHERE state IN ('draft', 'proposed', 'approved')")
        busy = {row[0] for row in cr.fetchall()}
        cr.execute("SELECT DISTINCT account_id FROM ukkr_limitation_event WHERE kind = 'filed'")
        filed = {row[0] for row in cr.fetchall()}
        cr.execute("""SELECT DISTINCT ON (account_id) account_id, id FROM ukkr_enforcement_proceeding p
                      WHERE state = 'returned' AND NOT EXISTS (SELECT 1 FROM ukkr_enforcement_proceeding n
                                                                WHERE n.previous_id = p.id)
                      ORDER BY account_id, date_returned DESC""")
        returned = dict(cr.fetchall())
        cr.execute("""SELECT DISTINCT account_id FROM ukkr_debtor_case c WHERE state = 'closed'
                      AND close_reason = 'deceased' AND NOT EXISTS (SELECT 1 FROM ukkr_debtor_case o
                                                                     WHERE o.account_id = c.account_id
                                                                     AND o.state = 'open')""")
        deceased = {row[0] for row in cr.fetchall()}
        cr.execute("""SELECT l.account_id, l.period, sum({charged}), a.payer_kind
                      FROM ukkr_ledger_line l JOIN ukkr_personal_account a ON a.id = l.account_id
                      WHERE l.period <= %s GROUP BY l.account_id, l.period, a.payer_kind""".format(
                          charged=ledger_sql.charged("l")), (last_closed,))
        charged = cr.fetchall()
        cr.execute("""SELECT account_id, period, date, sum(amount) FROM ukkr_payment_allocation
                      WHERE date <= %s AND period <= %s GROUP BY account_id, period, date""", (as_of, last_closed))
        allocated = defaultdict(list)
        for account_id, period, pay_date, amount in cr.fetchall():
            allocated[(account_id, period)].append((fields.Date.from_string(pay_date), amount))
        evaluate = self.env["ukkr.rules"]._penalty_context()["tranche"]
        events = self.env["ukkr.limitation.event"]._events_by_tranche(None, as_of)
        found = {}
        for account_id, period, amount, payer_kind in charged:
            if account_id in busy or amount <= 0:
                continue
            if account_id in deceased:
                reason, proceeding = "deceased", False
            elif account_id in returned:
                reason, proceeding = "uncollectable", returned[account_id]
            elif account_id not in filed:
                reason, proceeding = "time_barred", False
            else:
                continue
            tranche = evaluate(period, amount, allocated.get((account_id, period), []), as_of, payer_kind,
                               events.get((account_id, period), ()), account_id)
            if tranche["principal"] <= 0.004:
                continue
            if reason == "time_barred" and not (tranche["limitation_expiry"]
                                                and tranche["limitation_expiry"] < as_of):
                continue
            entry = found.setdefault(account_id, (reason, proceeding, []))
            entry[2].append((period, tranche["principal"], round(tranche["penalty"], 2)))
        return found

    @api.model
    def create_candidates(self, on_date=None):
        """Draft write-offs for all candidates (one per account); returns them."""
        if not self.env.user.has_group(LAWYER):
            raise AccessError(_("Only the legal group (УККР — lawyer) prepares write-offs."))
        found = self._candidates(on_date)
        day = fields.Date.to_string(fields.Date.from_string(on_date or fields.Date.context_today(self)))
        records = self.browse()
        for account_id, (reason, proceeding, tranches) in sorted(found.items()):
            records |= self.create({
                "account_id": account_id, "reason": reason, "proceeding_id": proceeding, "date": day,
                "line_ids": [(0, 0, {"period": period, "principal": principal, "penalty": penalty})
                             for period, principal, penalty in sorted(tranches)]})
        return records

    # ------------------------------------------------------------------ reports
    @api.model
    def _quarter_rows(self, year, quarter):
        """Write-offs posted in the quarter for the write-off report (measure 28): list of dicts with keys
        ``account``, ``is_municipal``, ``payer`` (municipal housing only), ``reason``, ``periods``, ``principal``,
        ``penalty``, ``date_posted``, ``approved_by``, ``name``."""
        year, quarter = int(year), int(quarter)
        if quarter not in (1, 2, 3, 4):
            raise UserError(_("A quarter is 1, 2, 3 or 4."))
        first = "%04d-%02d-01" % (year, 3 * quarter - 2)
        last = "%04d-%02d-01" % (year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1)
        reasons = dict(REASONS)
        rows = []
        for rec in self.sudo().search([("state", "=", "posted"), ("date_posted", ">=", first),
                                       ("date_posted", "<", last)], order="date_posted, id"):
            rows.append({"name": rec.name, "account": rec.account_id.name, "is_municipal": rec.is_municipal,
                         "payer": rec.partner_id.name if rec.is_municipal else "", "reason": reasons[rec.reason],
                         "periods": ", ".join(sorted(rec.line_ids.mapped("period"))), "principal": rec.amount,
                         "penalty": rec.penalty, "date_posted": rec.date_posted,
                         "approved_by": rec.approved_by.name})
        return rows

    @api.model
    def _measure_done_domain(self):
        return [("state", "in", ("proposed", "approved", "posted"))]


class UkkrMonthlyCloseWriteOff(models.Model):
    """The monthly close knows posted write-offs: their amount left 62.01 by the write-off's own entry."""
    _inherit = "ukkr.monthly.close"

    @api.multi
    def action_reopen(self):
        self.env.cr.execute("UPDATE ukkr_write_off SET close_id = NULL WHERE close_id = ANY(%s)", (self.ids,))
        return super().action_reopen()
