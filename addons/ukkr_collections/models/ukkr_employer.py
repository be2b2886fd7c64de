"""Measure 7 of the order: letters to the heads of organisations about the debt for housing and utilities.

``ukkr.employer`` is the register of the organisations written to (the organisation, its head or contact, where to
send). Which payers work there (``ukkr.employer.employee``: the employment of a person is personal data, 152-ФЗ) is
seen and kept by the legal group and the УККР manager only, and every read of it is logged in auditlog as the
payers' social markers are. A letter (``ukkr.employer.letter``) tells the head the district's debt and how many of
the organisation's people are in debt and for how much — counts and sums only, never a name or an account — and how
to pay (the channel register, measure 16); its sending is recorded on the debtor case of every account concerned
(``ukkr.employer.letter.action``) and counted for measure 7 in the quarter it was sent.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.mail import single_email_re

from odoo.addons.ukkr_debt_plan.models.groups import EXECUTOR, LAWYER, MANAGER

from .ledger_sql import last_closed_period
from .period_calc import period_end, period_of
from .ukkr_mailer import formataddr

LEGAL = LAWYER
LETTER_GROUPS = (LAWYER, MANAGER, EXECUTOR)
EMPLOYER_LETTERS = 7


class UkkrEmployer(models.Model):
    _name = "ukkr.employer"
    _description = "Employer of debtors"
    _inherit = ["mail.thread"]
    _order = "name, id"

    partner_id = fields.Many2one("res.partner", "Organisation", required=True, ondelete="restrict",
                                 domain=[("is_company", "=", True)], track_visibility="onchange")
    name = fields.Char(related="partner_id.name", store=True, readonly=True)
    head_name = fields.Char("Head", track_visibility="onchange",
                            help="Who the letter is addressed to, e.g. «Генеральному директору Иванову И. И.».")
    contact_name = fields.Char("Contact person", track_visibility="onchange")
    email = fields.Char("E-mail for letters", track_visibility="onchange")
    phone = fields.Char("Phone")
    address = fields.Char("Postal address", track_visibility="onchange")
    note = fields.Text("Note")
    active = fields.Boolean(default=True)
    employee_ids = fields.One2many("ukkr.employer.employee", "employer_id", "Employees among the payers",
                                   groups=LEGAL)
    employee_count = fields.Integer("Payers working there", compute="_compute_counts",
                                    help="How many personal accounts of the register's payers are linked to the "
                                         "organisation (a count: the names are seen by the legal group only).")
    letter_ids = fields.One2many("ukkr.employer.letter", "employer_id", "Letters")
    letter_count = fields.Integer("Letters", compute="_compute_counts")

    _sql_constraints = [("partner_uniq", "unique(partner_id)", "The organisation is in the register already.")]

    def _compute_counts(self):
        counts, letters = {}, {}
        if self.ids:
            self.env.cr.execute("""SELECT employer_id, count(DISTINCT account_id) FROM ukkr_employer_employee
                                   WHERE employer_id IN %s GROUP BY employer_id""", (tuple(self.ids),))
            counts = dict(self.env.cr.fetchall())
            self.env.cr.execute("""SELECT employer_id, count(*) FROM ukkr_employer_letter
                                   WHERE employer_id IN %s GROUP BY employer_id""", (tuple(self.ids),))
            letters = dict(self.env.cr.fetchall())
        for employer in self:
            employer.employee_count = counts.get(employer.id, 0)
            employer.letter_count = letters.get(employer.id, 0)

    @api.constrains("email")
    def _check_email(self):
        for employer in self:
            if employer.email and not single_email_re.match(employer.email.strip()):
                raise ValidationError(_("E-mail «%s» of «%s» is not valid: write it as name@domain.ru, in Latin "
                                        "letters.") % (employer.email, employer.name))

    @api.multi
    def action_prepare_letters(self):
        """«Подготовить письма»: a draft letter for each selected organisation that has none in draft; opens
        them."""
        letters = self.env["ukkr.employer.letter"]
        letters.check_access_rights("create")
        for employer in self:
            draft = letters.search([("employer_id", "=", employer.id), ("state", "=", "draft")], limit=1)
            letters |= draft or letters.create({"employer_id": employer.id,
                                                "channel": "email" if employer.email else "post"})
        return {"type": "ir.actions.act_window", "name": _("Letters to employers"),
                "res_model": "ukkr.employer.letter", "view_mode": "tree,form",
                "domain": [("id", "in", letters.ids)]}


class UkkrEmployerEmployee(models.Model):
    """A payer's personal account linked to the organisation the payer works at (personal data, 152-ФЗ: the legal
    group and the УККР manager only; reads logged in auditlog)."""
    _name = "ukkr.employer.employee"
    _description = "Payer working at an employer"
    _order = "employer_id, id"

    employer_id = fields.Many2one("ukkr.employer", "Employer", required=True, ondelete="cascade", index=True)
    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    partner_id = fields.Many2one(related="account_id.partner_id", string="Payer", readonly=True)
    source = fields.Char("Source", help="Where the employment is known from (the payer's statement, a writ to the "
                                        "employer, the employer's answer).")
    date = fields.Date("Known since", default=lambda self: fields.Date.context_today(self))

    _sql_constraints = [("account_uniq", "unique(employer_id, account_id)",
                         "The account is linked to this employer already.")]


class UkkrEmployerLetter(models.Model):
    """A letter to an organisation's head (measure 7): drafted, then sent (by e-mail through Odoo's mail queue, or
    printed and posted); the figures are fixed when it is sent."""
    _name = "ukkr.employer.letter"
    _description = "Letter to an employer"
    _inherit = ["mail.thread", "ukkr.workflow.mixin", "ukkr.measure.action"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "date_sent", "as_of", "snapshot_period", "district_accounts", "district_debt",
                        "district_overdue", "employee_accounts", "employee_debtors", "employee_debt",
                        "employee_overdue", "mail_id", "delivery_note")
    _workflow_terms = ("employer_id", "channel", "date")
    _measure_number = EMPLOYER_LETTERS
    _measure_date_field = "date_sent"

    name = fields.Char("Letter", compute="_compute_name", store=True)
    employer_id = fields.Many2one("ukkr.employer", "Employer", required=True, ondelete="restrict", index=True,
                                  track_visibility="onchange")
    date = fields.Date("Letter date", required=True, default=lambda self: fields.Date.context_today(self))
    channel = fields.Selection([("email", "E-mail"), ("post", "Printed, by post or by hand")], "Sent by",
                               required=True, default="post", track_visibility="onchange")
    state = fields.Selection([("draft", "Draft"), ("sent", "Sent"), ("delivered", "Delivered"),
                              ("failed", "Not delivered"), ("cancelled", "Cancelled")], "Status", default="draft",
                             required=True, readonly=True, index=True, track_visibility="onchange")
    date_sent = fields.Date("Sent on", readonly=True, index=True, track_visibility="onchange")
    as_of = fields.Date("Debt as of", readonly=True)
    snapshot_period = fields.Char("Closed month", readonly=True, size=7)
    district_accounts = fields.Integer("District: accounts in debt", readonly=True)
    district_debt = fields.Float("District: debt, RUB", digits=(14, 2), readonly=True)
    district_overdue = fields.Float("District: overdue, RUB", digits=(14, 2), readonly=True)
    employee_accounts = fields.Integer("Employees' accounts", readonly=True)
    employee_debtors = fields.Integer("Employees in debt", readonly=True)
    employee_debt = fields.Float("Employees' debt, RUB", digits=(14, 2), readonly=True)
    employee_overdue = fields.Float("Employees' overdue debt, RUB", digits=(14, 2), readonly=True)
    mail_id = fields.Many2one("mail.mail", "E-mail", readonly=True, ondelete="set null")
    delivery_note = fields.Char("Delivery", readonly=True, track_visibility="onchange")
    user_id = fields.Many2one("res.users", "Prepared by", default=lambda self: self.env.user, readonly=True)
    action_ids = fields.One2many("ukkr.employer.letter.action", "letter_id", "Recorded on the cases",
                                 groups=LEGAL)

    @api.depends("employer_id", "date")
    def _compute_name(self):
        for letter in self:
            letter.name = _("Letter to %s of %s") % (
                letter.employer_id.name or "",
                fields.Date.from_string(letter.date).strftime("%d.%m.%Y") if letter.date else "")

    @api.model
    def _measure_done_domain(self):
        return [("state", "in", ("sent", "delivered"))]

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        """Letters sent in the range (not those whose e-mail bounced), the employees' debt they reported, and
        what the accounts concerned paid after their letter (up to ``date_to``)."""
        if numbers and EMPLOYER_LETTERS not in numbers:
            return []
        self.env.cr.execute("""
            WITH letter AS (SELECT id, date_sent, employee_debt FROM ukkr_employer_letter
                            WHERE state IN ('sent', 'delivered') AND date_sent >= %(from)s AND date_sent <= %(to)s),
            first_letter AS (SELECT a.account_id, min(l.date_sent) AS date FROM letter l
                             JOIN ukkr_employer_letter_action a ON a.letter_id = l.id GROUP BY a.account_id)
            SELECT (SELECT count(*) FROM letter), (SELECT coalesce(sum(employee_debt), 0) FROM letter),
                   (SELECT coalesce(sum(p.amount), 0) FROM first_letter f
                    JOIN ukkr_payment p ON p.account_id = f.account_id AND p.date > f.date AND p.date <= %(to)s)""",
                            {"from": date_from, "to": date_to})
        count, amount, recovered = self.env.cr.fetchone()
        if not count:
            return []
        return [{"measure": EMPLOYER_LETTERS, "model": self._name, "action": self._measure_action_label(),
                 "count": count, "amount": float(amount), "recovered": float(recovered)}]

    # ------------------------------------------------------------------ the figures
    def _check_letter_group(self):
        if not any(self.env.user.has_group(group) for group in LETTER_GROUPS):
            raise AccessError(_("Letters to employers are sent by the legal group, the УККР manager and the "
                                "administration's executors (measure 7)."))

    def _figures(self):
        """The letter's figures from the last monthly close before its date (one aggregate each): the district's
        accounts in debt, debt and overdue debt, and the same over the organisation's employees' accounts."""
        self.ensure_one()
        day = fields.Date.from_string(self.date)
        period = last_closed_period(self.env.cr, before=period_of(day))
        if not period:
            raise UserError(_("No month before %s has been closed: the letter has no debt figures to give. Close "
                              "the month first.") % day.strftime("%d.%m.%Y"))
        self.env.cr.execute("""
            SELECT count(*) FILTER (WHERE s.debt > 0), coalesce(sum(s.debt), 0), coalesce(sum(s.overdue_debt), 0)
            FROM ukkr_debt_snapshot s WHERE s.period = %s""", (period,))
        district = self.env.cr.fetchone()
        self.env.cr.execute("""
            WITH staff AS (SELECT DISTINCT account_id FROM ukkr_employer_employee WHERE employer_id = %s)
            SELECT (SELECT count(*) FROM staff), count(*) FILTER (WHERE s.debt > 0), coalesce(sum(s.debt), 0),
                   coalesce(sum(s.overdue_debt), 0)
            FROM staff LEFT JOIN ukkr_debt_snapshot s ON s.account_id = staff.account_id AND s.period = %s""",
                            (self.employer_id.id, period))
        staff = self.env.cr.fetchone()
        return {"snapshot_period": period, "as_of": fields.Date.to_string(period_end(period)),
                "district_accounts": district[0], "district_debt": round(float(district[1]), 2),
                "district_overdue": round(float(district[2]), 2), "employee_accounts": staff[0],
                "employee_debtors": staff[1], "employee_debt": round(float(staff[2]), 2),
                "employee_overdue": round(float(staff[3]), 2)}

    def letter_data(self):
        """What the letter prints: the figures fixed at sending (a draft shows them as they would be now) and the
        ways to pay from the channel register (measure 16)."""
        self.ensure_one()
        values = {name: self[name] for name in ("snapshot_period", "as_of", "district_accounts", "district_debt",
                                                "district_overdue", "employee_accounts", "employee_debtors",
                                                "employee_debt", "employee_overdue")}
        if self.state == "draft":
            values = self.sudo()._figures()
        values["as_of"] = fields.Date.from_string(values["as_of"])
        values["date"] = fields.Date.from_string(self.date)
        values["channels"] = self.env["ukkr.payment.channel"]._payer_channels()
        company = self.env.user.company_id
        values["company"] = company.name
        return values

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_send(self):
        """«Отправить»: fixes the figures, sends the e-mail (or leaves the printed letter to be posted), records
        the letter on the debtor case of every employee's account and counts it for measure 7."""
        self._check_letter_group()
        today = fields.Date.context_today(self)
        for letter in self:
            if letter.state != "draft":
                raise UserError(_("%s has already been sent or cancelled.") % letter.name)
            letter.check_access_rule("write")
            if letter.date > today:
                raise UserError(_("%s is dated in the future: it is sent on its date.") % letter.name)
            values = letter.sudo()._figures()
            values.update({"state": "sent", "date_sent": today})
            if letter.channel == "email":
                values["mail_id"] = letter._send_email(values).id
            letter._transition(values)
            letter._record_on_cases()
        return True

    @api.multi
    def action_cancel(self):
        self._check_letter_group()
        for letter in self:
            if letter.state != "draft":
                raise UserError(_("Only a draft letter can be cancelled; a sent one stays in the history."))
        self._transition({"state": "cancelled"})
        return True

    @api.multi
    def unlink(self):
        if any(letter.state not in ("draft", "cancelled") for letter in self):
            raise UserError(_("A sent letter cannot be deleted: it is evidence of measure 7."))
        return super().unlink()

    def _send_email(self, figures):
        """The letter into Odoo's mail queue (tracked by mail_tracking: delivered, opened, bounced)."""
        employer = self.employer_id.sudo()
        address = (employer.email or employer.partner_id.email or "").strip()
        if not address:
            raise UserError(_("«%s» has no e-mail address for letters: add it in the register or send the letter "
                              "by post.") % employer.name)
        if not single_email_re.match(address):
            raise UserError(_("E-mail «%s» of «%s» is not valid: write it as name@domain.ru, in Latin letters.")
                            % (address, employer.name))
        company = self.env.user.company_id
        if not company.email:
            raise UserError(_("The company «%s» has no e-mail address to send from: set it in the company "
                              "settings.") % company.name)
        data = dict(figures)
        data.update({"as_of": fields.Date.from_string(data["as_of"]),
                     "date": fields.Date.from_string(self.date),
                     "channels": self.env["ukkr.payment.channel"]._payer_channels(), "company": company.name})
        body = self.env["ir.qweb"].render("ukkr_collections.employer_letter_body",
                                          {"letter": self, "data": data}).decode("utf-8")
        return self.env["mail.mail"].sudo().create({
            "subject": _("Debt for housing and utilities: a letter to the head of %s") % employer.name,
            "body_html": body, "email_from": formataddr((company.name, company.email)),
            "email_to": formataddr((employer.head_name or employer.name, address)),
            "model": self._name, "res_id": self.id, "message_type": "email",
            "author_id": self.env.user.partner_id.id, "auto_delete": False,
            "headers": repr({"X-UKKR-Origin": "%s,%s" % (self._name, self.id)})})

    def _record_on_cases(self):
        """One case action per employee's account: the mailing, dated as sent, in the debtor's case."""
        self.ensure_one()
        self.env.cr.execute("SELECT DISTINCT account_id FROM ukkr_employer_employee WHERE employer_id = %s",
                            (self.employer_id.id,))
        account_ids = [row[0] for row in self.env.cr.fetchall()]
        Action = self.env["ukkr.employer.letter.action"].sudo()
        for account_id in account_ids:
            Action.create({"letter_id": self.id, "account_id": account_id, "date": self.date_sent,
                           "user_id": self.env.uid})
        return True

    # ------------------------------------------------------------------ e-mail tracking (mail_tracking)
    def _ukkr_email_state_changed(self, state):
        """mail_tracking's report on the letter's e-mail: delivered or opened proves delivery; a bounce, a
        rejection or an SMTP error marks it not delivered."""
        from .ukkr_mail_tracking import email_state_label
        note = _("E-mail: %s") % email_state_label(state)
        for letter in self:
            if state in ("delivered", "opened") and letter.state in ("sent", "failed"):
                letter._transition({"state": "delivered", "delivery_note": note})
            elif state in EMAIL_FAILED and letter.state == "sent":
                letter._transition({"state": "failed", "delivery_note": note})
            elif state == "opened" and letter.state == "delivered":
                letter._transition({"delivery_note": note})


EMAIL_FAILED = ("error", "rejected", "spam", "bounced")


class UkkrEmployerLetterAction(models.Model):
    """The letter to the employer in the debtor's case: which account's employer was written to, and when."""
    _name = "ukkr.employer.letter.action"
    _description = "Letter to the debtor's employer"
    _inherit = ["ukkr.case.action"]
    _order = "date desc, id desc"
    _measure_number = None   # measure 7 counts the letters, not the accounts they concern

    letter_id = fields.Many2one("ukkr.employer.letter", "Letter", required=True, ondelete="restrict", index=True)
    employer_id = fields.Many2one(related="letter_id.employer_id", string="Employer", readonly=True, store=True)


class UkkrDebtorCaseEmployerLetters(models.Model):
    _inherit = "ukkr.debtor.case"

    # computed, not a one2many with ``groups``: auditlog reads every field of a case it logs, as the acting user
    employer_letter_action_ids = fields.Many2many("ukkr.employer.letter.action", string="Letters to the employer",
                                                  compute="_compute_employer_letter_action_ids",
                                                  help="Seen by the legal group only (where a payer works is "
                                                       "personal data).")

    def _compute_employer_letter_action_ids(self):
        legal = self.env.user.has_group(LEGAL)
        Action = self.env["ukkr.employer.letter.action"]
        actions = Action.search([("case_id", "in", self.ids)]) if legal and self.ids else Action
        for case in self:
            case.employer_letter_action_ids = actions.filtered(lambda a: a.case_id == case)


class UkkrPlanExecutionEmployerLetters(models.Model):
    """Measure 7 is evidenced by information events (ukkr_debt_plan) and by the letters of the register: its
    executions count both (the monthly report's «Меры» sheet lists them as two rows)."""
    _inherit = "ukkr.plan.execution"

    def _action_figures(self):
        result = super()._action_figures()
        figures = self.env["ukkr.measure.figure"]
        for rec in self.filtered(lambda r: r.id and r.period_start and r.period_end
                                 and r.measure_id.number == EMPLOYER_LETTERS
                                 and r.measure_id.evidence_kind == "info_event"):
            rows = figures.figures(rec.period_start, rec.period_end, numbers=[EMPLOYER_LETTERS])
            count, amount = result.get(rec.id, (0, 0.0))
            result[rec.id] = (count + sum(r["count"] for r in rows),
                              round(amount + sum(r["amount"] for r in rows), 2))
        return result
