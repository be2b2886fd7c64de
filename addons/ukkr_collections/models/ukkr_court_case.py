import base64
import io
import zipfile

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import court_application_docx
from odoo.addons.ukkr_debt_plan.models.groups import LAWYER as LEGAL_GROUP

COURT_CASE_KINDS = [("court_order", "Court order (судебный приказ)"), ("claim", "Claim for the debt"),
                    ("eviction_social", "Eviction from social tenancy (ЖК 90)"),
                    ("termination_commercial", "Termination of commercial tenancy (ГК 687)")]
# order № 2632-р: measure 18 — claims and court orders for the debt; 19 — eviction of social tenants (ЖК 90);
# 20 — eviction of commercial tenants (termination, ГК 687). 19 and 20 are filed by the administration's housing
# department.
MEASURE_OF_KIND = {"court_order": 18, "claim": 18, "eviction_social": 19, "termination_commercial": 20}
MONEY_KINDS = ("court_order", "claim")
COURT_STATES = [("prepared", "Prepared"), ("filed", "Filed"), ("order_issued", "Order issued"),
                ("cancelled", "Order cancelled"), ("hearing", "Hearing"), ("decided", "Decision"),
                ("in_force", "Decision in force"), ("writ", "Writ received"), ("closed", "Closed")]
COURT_KINDS = [("magistrate", "Magistrate"), ("district", "District court"), ("arbitration", "Arbitration court")]
RESULTS = [("won", "Debt recovered by the court"), ("dismissed", "Left without consideration"),
           ("rejected", "Claim rejected"), ("withdrawn", "Withdrawn (debt paid)")]


def _d(value):
    return fields.Date.from_string(value) if value else None


def _one_line(address):
    """A partner's contact address on one line, without the empty lines Odoo leaves (no «, ,»)."""
    return ", ".join(line.strip() for line in (address or "").split("\n") if line.strip())


def _ru(value):
    return _d(value).strftime("%d.%m.%Y") if value else ""


class UkkrCourtCase(models.Model):
    """A court case of a debtor (measures 18–20): court order or claim for the debt, eviction of a social tenant
    (ЖК 90, a referral to the administration's housing department, which files), termination of a commercial tenancy
    (ГК 687).

    The claim is the selected tranches' principal plus penalties to the filing date; the court comes from the
    dated routing rules (``ukkr.rules.court_route``) and the state duty from the dated scales
    (``ukkr.rules.state_duty``), with the НК 333.40 credit of the duty paid for a cancelled court order. Filing,
    cancellation and dismissal write ГК 204 limitation events for every covered tranche.
    """
    _name = "ukkr.court.case"
    _description = "Court case"
    _inherit = ["ukkr.case.action", "mail.thread", "mail.activity.mixin", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = ("state", "result", "date_filed", "penalty_date", "procedure", "route_note", "duty_credit",
                        "duty_to_pay", "date_closed", "batch_ref", "application_id", "previous_case_id",
                        "identifier_unknown", "identifier_unknown_user_id", "identifier_unknown_date", "register_id")
    _workflow_terms = ("kind", "account_id", "case_id", "date", "line_ids", "court_kind", "court_name",
                       "state_duty")
    _workflow_editable_states = ("prepared",)
    _workflow_inputs = {"date_order": ("filed",), "order_number": ("filed", "order_issued"),
                        "date_cancelled": ("order_issued", "in_force"), "date_hearing": ("filed", "hearing"),
                        "date_decision": ("filed", "hearing"), "amount_awarded": ("filed", "hearing", "decided"),
                        "date_order_received": ("order_issued",), "date_in_force": ("order_issued", "decided"),
                        "writ_number": ("in_force",), "writ_date": ("in_force",), "writ_amount": ("in_force",)}
    _dated_steps = {"file": "_file"}
    _measure_number_field = "measure_number"
    _measure_date_field = "date_filed"
    _measure_amount_field = "claim_amount"

    name = fields.Char("Court case", compute="_compute_name", store=True)
    kind = fields.Selection(COURT_CASE_KINDS, "Kind", required=True, default="court_order",
                            track_visibility="onchange", readonly=True, states={"prepared": [("readonly", False)]})
    measure_number = fields.Integer("Plan measure", compute="_compute_measure_number", store=True, index=True)
    state = fields.Selection(COURT_STATES, "Stage", default="prepared", required=True, readonly=True, index=True,
                             track_visibility="onchange", copy=False)
    result = fields.Selection(RESULTS, "Result", readonly=True, track_visibility="onchange", copy=False)
    partner_id = fields.Many2one(related="account_id.partner_id", string="Debtor", readonly=True)
    payer_kind = fields.Selection(related="account_id.payer_kind", string="Payer kind", readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    line_ids = fields.One2many("ukkr.court.case.line", "court_case_id", "Tranches claimed", copy=True)
    principal_amount = fields.Float("Principal, RUB", digits=(14, 2), compute="_compute_amounts", store=True)
    penalty_amount = fields.Float("Penalties, RUB", digits=(14, 2), compute="_compute_amounts", store=True)
    claim_amount = fields.Float("Claim, RUB", digits=(14, 2), compute="_compute_amounts", store=True,
                                track_visibility="onchange")
    penalty_date = fields.Date("Penalties to", readonly=True, help="Penalties of the tranches are computed to this "
                                                                   "day: the filing date once filed.")
    court_kind = fields.Selection(COURT_KINDS, "Court", track_visibility="onchange")
    procedure = fields.Char("Procedure", readonly=True)
    court_name = fields.Char("Court name", track_visibility="onchange",
                             help="E.g. «Мировой судья судебного участка № 163 в Северо-Енисейском районе».")
    route_note = fields.Char("Routing rule", readonly=True)
    court_address = fields.Char("Court address", track_visibility="onchange")
    state_duty = fields.Float("State duty, RUB", digits=(14, 2), track_visibility="onchange",
                              help="НК 333.19 / 333.21 on the filing date, whole rubles (НК 52 п.6); a court order "
                                   "costs 50 %. Non-property claims (eviction): enter by hand.")
    previous_case_id = fields.Many2one("ukkr.court.case", "Cancelled court order", ondelete="restrict",
                                       readonly=True, copy=False,
                                       help="The cancelled court order this claim follows (НК 333.40 credit).")
    duty_credit = fields.Float("Duty credited (НК 333.40)", digits=(14, 2), readonly=True, copy=False)
    duty_to_pay = fields.Float("Duty to pay, RUB", digits=(14, 2), readonly=True, copy=False)
    date_filed = fields.Date("Filed on", readonly=True, copy=False, index=True, track_visibility="onchange")
    date_order = fields.Date("Order issued on", copy=False, track_visibility="onchange")
    order_number = fields.Char("Order / case number", copy=False, track_visibility="onchange")
    date_order_received = fields.Date("Debtor received the order on", copy=False, track_visibility="onchange",
                                      help="From the court's notice (the postal notice of delivery, the tracking "
                                           "record): the debtor's 10 working days to object run from it (ГПК 128).")
    objection_deadline = fields.Date("Objections until", compute="_compute_objection_deadline",
                                     help="The 10th working day after the debtor received the order (ГПК 128, "
                                          "ГПК 107 ч.3): «In force» is possible from the next day.")
    date_cancelled = fields.Date("Order cancelled on", copy=False, track_visibility="onchange",
                                 help="The debtor's objection was received within 10 days and the order cancelled "
                                      "(ГПК 129): the limitation period is extended (ГК 204 п.3).")
    date_hearing = fields.Date("Hearing on", copy=False, track_visibility="onchange")
    date_decision = fields.Date("Decision on", copy=False, track_visibility="onchange")
    amount_awarded = fields.Float("Amount awarded, RUB", digits=(14, 2), copy=False, track_visibility="onchange")
    date_in_force = fields.Date("In force on", copy=False, track_visibility="onchange")
    writ_number = fields.Char("Writ number", copy=False, track_visibility="onchange")
    writ_date = fields.Date("Writ issued on", copy=False, track_visibility="onchange")
    writ_amount = fields.Float("Writ amount, RUB", digits=(14, 2), copy=False, track_visibility="onchange")
    date_closed = fields.Date("Closed on", readonly=True, copy=False)
    batch_ref = fields.Char("Batch", readonly=True, index=True, copy=False)
    application_id = fields.Many2one("ir.attachment", "Application (DOCX)", readonly=True, copy=False,
                                     ondelete="set null")
    # the form offers the document as a download, not as an attachment record to open
    application_file = fields.Binary(related="application_id.datas", string="Application (DOCX)", readonly=True)
    application_filename = fields.Char(related="application_id.datas_fname", string="Application file name",
                                       readonly=True)
    # the debtor's identification (ГПК 124 ч.2 п.3), the payer's own fields: the legal group reads and changes them
    debtor_birthdate = fields.Date(related="partner_id.birthdate_date", string="Debtor's date of birth",
                                   readonly=False, groups=LEGAL_GROUP)
    debtor_birth_place = fields.Char(related="partner_id.ukkr_birth_place", string="Debtor's place of birth",
                                     readonly=False, groups=LEGAL_GROUP)
    debtor_snils = fields.Char(related="partner_id.ukkr_snils", string="Debtor's СНИЛС", readonly=False,
                               groups=LEGAL_GROUP)
    debtor_inn = fields.Char(related="partner_id.ukkr_inn", string="Debtor's ИНН", readonly=False,
                             groups=LEGAL_GROUP)
    debtor_passport = fields.Char(related="partner_id.ukkr_passport", string="Debtor's passport", readonly=False,
                                  groups=LEGAL_GROUP)
    debtor_driver_license = fields.Char(related="partner_id.ukkr_driver_license", string="Debtor's driving licence",
                                        readonly=False, groups=LEGAL_GROUP)
    debtor_ogrn = fields.Char(related="partner_id.ukkr_ogrn", string="Debtor's ОГРН / ОГРНИП", readonly=False,
                              groups=LEGAL_GROUP)
    identifier_unknown = fields.Boolean(
        "No identifier of the debtor is known", readonly=True, copy=False, track_visibility="onchange",
        help="Confirmed by the lawyer («File without an identifier»): the application states that the claimant does "
             "not know an identifier of the debtor (ГПК 124 ч.2 п.3).")
    identifier_unknown_user_id = fields.Many2one("res.users", "Confirmed by", readonly=True, copy=False)
    identifier_unknown_date = fields.Datetime("Confirmed on", readonly=True, copy=False)
    register_id = fields.Many2one("ukkr.court.register", "Register", readonly=True, copy=False, index=True,
                                  ondelete="restrict", track_visibility="onchange")
    register_number = fields.Char(related="register_id.name", string="Register number", store=True, readonly=True)
    register_date = fields.Date(related="register_id.date", string="Register date", store=True, readonly=True)
    # eviction (ЖК 90) and termination of a commercial tenancy (ГК 687): the municipality's claims as landlord
    offered_address = fields.Char("Premises offered: address", track_visibility="onchange",
                                  help="ЖК 90: eviction of a social tenant with other premises (ЖК 105: at least the "
                                       "hostel norm per person).")
    offered_area = fields.Float("Premises offered: living area, m²", digits=(10, 1), track_visibility="onchange")
    residents = fields.Integer(related="account_id.residents", string="Residents", readonly=True)
    months_without_payment = fields.Integer("Months without payment", compute="_compute_months_without_payment",
                                            help="Full months from the last payment (or, with none, from the due "
                                                 "date of the first charge) to the case's date.")
    duty_payment_doc = fields.Char("Duty paid by", copy=False, track_visibility="onchange",
                                   help="The payment document of the state duty, e.g. «платёжное поручение № 512 от "
                                        "20.11.2026» (ГПК 123 ч.2: attached to the application).")
    note = fields.Text("Note")

    @api.depends("kind")
    def _compute_measure_number(self):
        for case in self:
            case.measure_number = MEASURE_OF_KIND.get(case.kind, 0)

    @api.depends("kind", "account_id", "date")
    def _compute_name(self):
        kinds = self._selection_labels("kind")
        for case in self:
            case.name = "%s · %s · %s" % (case.account_id.name or "", kinds.get(case.kind, ""), _ru(case.date))

    @api.depends("line_ids.principal", "line_ids.penalty")
    def _compute_amounts(self):
        for case in self:
            lines = case.sudo().line_ids   # computed at creation, before the record rules can see the record
            case.principal_amount = round(sum(lines.mapped("principal")), 2)
            case.penalty_amount = round(sum(lines.mapped("penalty")), 2)
            case.claim_amount = round(case.principal_amount + case.penalty_amount, 2)

    @api.depends("date_order_received", "kind")
    def _compute_objection_deadline(self):
        rules = self.env["ukkr.rules"]
        for case in self:
            deadline = False
            if case.kind == "court_order" and case.date_order_received:
                try:
                    deadline = fields.Date.to_string(rules.objection_deadline(case.date_order_received))
                except UserError:   # e.g. the calendar of next year not recorded yet: shown empty, refused on use
                    deadline = False
            case.objection_deadline = deadline

    @api.model
    def _measure_done_domain(self):
        return [("date_filed", "!=", False)]

    def _case_deadline(self):
        if self.state == "order_issued" and self.date_order:
            if self.objection_deadline:
                return (self.objection_deadline, _("Court order: the debtor's term to object ends (ГПК 128); then "
                                                   "ask for the order's entry into force"))
            return (self.date_order, _("Court order issued: record the day the debtor received it (the court's "
                                       "notice)"))
        if self.state == "hearing" and self.date_hearing:
            return (self.date_hearing, _("Court hearing"))
        return None

    # ------------------------------------------------------------------ validation
    @api.constrains("kind", "account_id")
    def _check_kind(self):
        for case in self.sudo():
            account = case.account_id
            if case.kind == "eviction_social" and (account.tenure != "social" or not account.is_municipal):
                raise ValidationError(_("Eviction under ЖК 90 applies to social tenants of municipal housing; "
                                        "account %s is not one.") % account.name)
            if case.kind == "termination_commercial" and account.tenure != "commercial":
                raise ValidationError(_("Termination under ГК 687 applies to commercial tenants; account %s is "
                                        "not one.") % account.name)

    @api.constrains("date", "date_filed", "date_order", "date_order_received", "date_cancelled", "date_decision",
                    "date_in_force", "writ_date")
    def _check_dates(self):
        for case in self.sudo():
            chain = [(case.date, _("the preparation")), (case.date_filed, _("the filing")),
                     (case.date_order, _("the order")), (case.date_order_received, _("the debtor's receipt")),
                     (case.date_cancelled, _("the cancellation")),
                     (case.date_decision, _("the decision")), (case.date_in_force, _("entry into force")),
                     (case.writ_date, _("the writ"))]
            previous = None
            for value, label in chain:
                if not value:
                    continue
                if previous and value < previous[0]:
                    raise ValidationError(_("The date of %s (%s) is before the date of %s (%s).")
                                          % (label, _ru(value), previous[1], _ru(previous[0])))
                previous = (value, label)
            if case.date_order_received and case.date_order_received > fields.Date.context_today(self):
                raise ValidationError(_("The debtor cannot have received the order on a future date (%s).")
                                      % _ru(case.date_order_received))

    # ------------------------------------------------------------------ tranches, amounts, route and duty
    @api.model
    def _covered_periods(self, account_ids):
        """{(account_id, period)} already claimed by another live court case (not cancelled, not closed): the lines
        of the cases in ``self`` do not count, so «Загрузить долг» pressed again reloads the same periods."""
        if not account_ids:
            return set()
        self.env.cr.execute("""SELECT c.account_id, l.period FROM ukkr_court_case_line l
                               JOIN ukkr_court_case c ON c.id = l.court_case_id
                               WHERE c.account_id IN %s AND c.state NOT IN ('cancelled', 'closed')
                                 AND NOT c.id = ANY(%s)""",
                            (tuple(account_ids), [i for i in self.ids if isinstance(i, int)] or [0]))
        return set(self.env.cr.fetchall())

    def _tranche_values(self, as_of, periods=None):
        """Line values of the account's unpaid, not time-barred tranches as of ``as_of`` (all or ``periods``)."""
        self.ensure_one()
        covered = self._covered_periods(self.account_id.ids)
        values = []
        for tranche in self.account_id.sudo().debt_tranches(as_of):
            if periods is not None and tranche["period"] not in periods:
                continue
            if periods is None and ((self.account_id.id, tranche["period"]) in covered
                                    or tranche["principal"] <= 0 or tranche["days_overdue"] <= 0
                                    or (tranche["limitation_expiry"] and tranche["limitation_expiry"] < as_of)):
                continue
            values.append({"period": tranche["period"], "due_date": fields.Date.to_string(tranche["due_date"]),
                           "principal": tranche["principal"], "penalty": tranche["penalty"],
                           "limitation_expiry": tranche["limitation_expiry"] and
                           fields.Date.to_string(tranche["limitation_expiry"])})
        return values

    @api.multi
    def action_load_tranches(self):
        """«Загрузить долг»: the account's overdue tranches not claimed elsewhere, penalties to today."""
        self._load_tranches(fields.Date.context_today(self))
        empty = self.sudo().filtered(lambda case: not case.line_ids)
        if empty:
            raise UserError(_("Account %s has no overdue debt that is not time-barred and not claimed in another "
                              "court case.") % empty[0].account_id.name)
        return True

    def _load_tranches(self, as_of):
        """The account's overdue tranches not claimed elsewhere, penalties to ``as_of``."""
        day = _d(as_of)
        for case in self:
            if case.state != "prepared":
                raise UserError(_("Tranches are chosen only while the case is being prepared."))
            values = case._tranche_values(day)
            case.write({"line_ids": [(5, 0, 0)] + [(0, 0, v) for v in values]})
            case._transition({"penalty_date": fields.Date.to_string(day)})
        return True

    def _duty_court(self):
        return "arbitration" if self.court_kind == "arbitration" else "general"

    def _filing_figures(self, filing_date):
        """Line penalties to the filing date, the route, the duty and the НК 333.40 credit — checked, not written."""
        self.ensure_one()
        rules = self.env["ukkr.rules"]
        day = _d(filing_date)
        figures = {"lines": [], "route": None}
        if self.kind not in MONEY_KINDS:
            figures.update(duty=self.state_duty, credit=0.0, to_pay=self.state_duty)
            return figures
        if not self.line_ids:
            raise UserError(_("Court case %s claims no tranche: load the debt by period first.") % self.name)
        periods = set(self.line_ids.mapped("period"))
        fresh = {v["period"]: v for v in self._tranche_values(day, periods)}
        for line in self.line_ids:
            # never more than is unpaid on the filing day (a lower sum typed in by the lawyer is kept); a tranche
            # paid off since the preparation drops to zero
            value = fresh.get(line.period) or {"principal": 0.0, "penalty": 0.0}
            figures["lines"].append((line, {"principal": min(line.principal, value["principal"]),
                                            "penalty": value["penalty"]}))
        amount = round(sum(v["principal"] + v["penalty"] for _l, v in figures["lines"]), 2)
        route = rules.court_route(amount, self.account_id.payer_kind, self.kind, day)
        court = "arbitration" if route["court"] == "arbitration" else "general"
        duty = rules.state_duty(amount, self.kind, day, court)
        credit, to_pay = 0.0, duty
        if self.previous_case_id and self.kind == "claim":
            to_pay = rules.state_duty_credit(self.previous_case_id.duty_to_pay or self.previous_case_id.state_duty,
                                             duty)
            credit = duty - to_pay
        figures.update(route=route, duty=duty, credit=credit, to_pay=to_pay, amount=amount)
        return figures

    def _route_values(self, route):
        return {"court_kind": route["court"], "procedure": route["procedure_name"],
                "route_note": "%s — %s" % (route["court_name"], route["source"] or "")}

    def _court_values(self, route, day):
        """The court's name and address for the route, from the precinct records of the debtor's address (the
        magistrate's precinct of the building), unless the lawyer has entered them."""
        if self.court_name:
            return {}
        precinct = self.env["ukkr.rules"].court_precinct(route["court"], self.account_id.sudo().building_id, day)
        if not precinct:
            return {"court_name": route["court_name"]}
        return {"court_name": precinct["name"], "court_address": self.court_address or precinct["address"]}

    @api.multi
    def action_compute(self):
        """Route and duty for the current tranches, as if filed on the preparation date (shown before filing)."""
        for case in self.filtered(lambda c: c.state == "prepared" and c.kind in MONEY_KINDS):
            figures = case._filing_figures(case.date)
            values = dict(case._route_values(figures["route"]), state_duty=figures["duty"],
                          duty_credit=figures["credit"], duty_to_pay=figures["to_pay"])
            values.update(case._court_values(figures["route"], case.date))
            case._transition(values)
        return True

    # ------------------------------------------------------------------ the debtor's identification (ГПК 124 ч.2 п.3)
    def _identification(self):
        """The debtor's identification as the application prints it: dict(birthdate, birth_place, identifier
        (label, number) or None, ogrn, missing: [labels of what a citizen's application lacks])."""
        self.ensure_one()
        partner = self.account_id.sudo().partner_id
        values = {"birthdate": _ru(partner.birthdate_date), "birth_place": partner.ukkr_birth_place or "",
                  "ogrn": partner.ukkr_ogrn or "", "identifier": None, "missing": []}
        for label, name in (("СНИЛС", "ukkr_snils"), ("ИНН", "ukkr_inn"),
                            ("паспорт гражданина РФ серия и номер", "ukkr_passport"),
                            ("водительское удостоверение серия и номер", "ukkr_driver_license")):
            if partner[name]:
                values["identifier"] = (label, partner[name])
                break
        if self.account_id.sudo().payer_kind == "individual":
            if not values["birthdate"]:
                values["missing"].append(_("the date of birth"))
            if not values["birth_place"]:
                values["missing"].append(_("the place of birth"))
            if not values["identifier"]:
                values["missing"].append(_("an identifier (СНИЛС, ИНН, passport or driving licence)"))
        return values

    def _check_identification(self):
        """A court order or claim against a citizen is filed with the debtor's date and place of birth and one
        identifier (ГПК 124 ч.2 п.3, 131 ч.2 п.3); without an identifier only if the lawyer confirmed that none is
        known. Otherwise the court returns it (ГПК 125): refused here, in Russian."""
        for case in self.filtered(lambda c: c.kind in MONEY_KINDS):
            missing = case._identification()["missing"]
            if case.identifier_unknown:
                no_identifier = _("an identifier (СНИЛС, ИНН, passport or driving licence)")
                missing = [m for m in missing if m != no_identifier]
            if missing:
                raise UserError(_("Court case %s: the application must name the debtor's %s (ГПК 124 ч.2 п.3), or "
                                  "the court returns it. Fill in the debtor's identification; if no identifier is "
                                  "known, press «File without an identifier».") % (case.name, ", ".join(missing)))

    def _check_ready(self, day):
        """The filing readiness the queue and the batch wizard show (``ukkr.filing.readiness``) holds a case filed
        by its own button too: a deceased or bankrupt debtor, nothing overdue, every period time-barred, shared
        premises, above the court order's ceiling, a moratorium, a consultation owed. Identification and periods
        claimed elsewhere are said by their own checks."""
        found = self._filing_readiness_map(day)
        for case in self:
            problems = [message for code, message in found.get(case.id, []) if code not in ("identification",
                                                                                            "in_court")]
            if problems:
                raise UserError(_("Court case %s is not ready to file on %s; nothing was filed:\n%s")
                                % (case.name, _ru(day), "\n".join(problems)))

    @api.multi
    def action_confirm_no_identifier(self):
        """«File without an identifier»: the lawyer confirms knowingly that no identifier of the debtor is known;
        recorded (who, when) and stated in the application."""
        if not self.env.user.has_group(LEGAL_GROUP):
            raise AccessError(_("Only the legal group confirms filing without an identifier of the debtor."))
        for case in self:
            if case.state != "prepared":
                raise UserError(_("Court case %s has already been filed.") % case.name)
            if case._identification()["identifier"]:
                raise UserError(_("Court case %s: an identifier of the debtor is known — it is printed instead.")
                                % case.name)
        now = fields.Datetime.now()
        self._transition({"identifier_unknown": True, "identifier_unknown_user_id": self.env.uid,
                          "identifier_unknown_date": now})
        for case in self:
            case._post_note(_("Filed without an identifier of the debtor: none is known (confirmed by %s).")
                            % self.env.user.name)
        return True

    # ------------------------------------------------------------------ stages
    @api.multi
    def action_file(self):
        """«Подано в суд»: asks the filing date."""
        self.ensure_one()
        if self.state != "prepared":
            raise UserError(_("Court case %s has already been filed.") % self.name)
        self.check_access_rights("write")
        self.check_access_rule("write")
        self._check_identification()   # said before the dialog, not after the day is chosen
        self._check_ready(fields.Date.context_today(self))
        return self._open_step("file", _("Court case %s filed") % self.name)

    def _file(self, filing_date=None, _text=None):
        """Filed in court on ``filing_date`` (today): penalties to that day, route, duty, ГК 204 events. The
        periods must not be claimed by another live court case, however the lines were made."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        day = fields.Date.to_string(_d(filing_date or fields.Date.context_today(self)))
        planned = []
        for case in self:   # every check first: one bad case leaves all unchanged
            if case.state != "prepared":
                raise UserError(_("Court case %s has already been filed.") % case.name)
            case._check_not_claimed_elsewhere()
            if day < case.date:
                raise UserError(_("Court case %s: the filing date %s is before the preparation date %s.")
                                % (case.name, _ru(day), _ru(case.date)))
            if day > fields.Date.context_today(self):
                raise UserError(_("A case cannot be filed on a future date (%s).") % _ru(day))
            case._check_not_due_yet(day)
            case._check_identification()
            planned.append((case, case._filing_figures(day)))
        self._check_ready(day)
        for case, figures in planned:
            values = {"state": "filed", "date_filed": day, "penalty_date": day, "state_duty": figures["duty"],
                      "duty_credit": figures["credit"], "duty_to_pay": figures["to_pay"]}
            if figures["route"]:
                values.update(case._route_values(figures["route"]))
                values.update(case._court_values(figures["route"], day))
            with case._workflow_path():
                for line, value in figures["lines"]:
                    line.write(value)
                case._transition(values)
            case._limitation_events("filed", day)
            case.case_id._advance_to("court", _("Filed in court: %s.") % case.name)
        return True

    def _check_not_claimed_elsewhere(self):
        """No period of this case may be claimed by another court case still going on."""
        self.ensure_one()
        self.env.cr.execute("""SELECT DISTINCT l.period FROM ukkr_court_case_line l
                               JOIN ukkr_court_case c ON c.id = l.court_case_id
                               WHERE c.account_id = %s AND c.id != %s AND c.state NOT IN ('cancelled', 'closed')
                                 AND c.state != 'prepared' AND l.period = ANY(%s) ORDER BY l.period""",
                            (self.account_id.id, self.id, self.line_ids.mapped("period")))
        taken = [row[0] for row in self.env.cr.fetchall()]
        if taken:
            raise UserError(_("Court case %s: periods %s are already claimed in another court case that is still "
                              "going on; remove them.") % (self.name, ", ".join(taken)))
        periods = self.line_ids.mapped("period")
        if len(periods) != len(set(periods)):
            raise UserError(_("Court case %s lists a period twice.") % self.name)

    def _check_not_due_yet(self, day):
        """A filing claims only what is overdue on its day: a tranche due on or after it (loaded today for a case
        recorded after the fact) is refused — its ГК 204 «filed» event would precede the due date."""
        self.ensure_one()
        early = self.line_ids.filtered(lambda line: line.due_date and line.due_date >= day)
        if early:
            raise UserError(_("Court case %s: on the filing day %s the debt for %s was not yet overdue (due %s); "
                              "remove it from the case or file on a later day.")
                            % (self.name, _ru(day), ", ".join(early.mapped("period")),
                               ", ".join(_ru(d) for d in early.mapped("due_date"))))

    def _limitation_events(self, kind, day):
        Event = self.env["ukkr.limitation.event"].sudo()
        for case in self:
            for line in case.line_ids:
                Event.create({"account_id": case.account_id.id, "period": line.period, "kind": kind, "date": day,
                              "res_model": self._name, "res_id": case.id, "note": case.name})

    def _require(self, states, field, label):
        for case in self:
            if case.state not in states:
                raise UserError(_("Court case %s is at the stage «%s»: this step does not apply.")
                                % (case.name, dict(COURT_STATES)[case.state]))
            if field and not case[field]:
                raise UserError(_("Court case %s: fill in «%s» first.") % (case.name, label))

    @api.multi
    def action_order_issued(self):
        self._require(("filed",), "date_order", _("Order issued on"))
        if any(c.kind != "court_order" for c in self):
            raise UserError(_("Only an application for a court order ends in a court order."))
        self._transition({"state": "order_issued"})
        return True

    @api.multi
    def action_cancel_order(self):
        """The debtor objected in time and the order was cancelled: ГК 204 п.3 — the period resumes, extended to
        six months if less remains."""
        self._require(("order_issued", "in_force"), "date_cancelled", _("Order cancelled on"))
        for case in self:
            case._transition({"state": "cancelled"})
            case._limitation_events("cancelled", case.date_cancelled)
        return True

    @api.multi
    def action_make_claim(self):
        """A claim for the debt of a cancelled court order: same tranches, the order's duty credited (НК 333.40)."""
        self.ensure_one()
        if self.state != "cancelled" or self.kind != "court_order":
            raise UserError(_("A claim follows a cancelled court order only."))
        self.check_access_rights("create")
        claim = self._workflow_create({"account_id": self.account_id.id, "case_id": self.case_id.id, "kind": "claim",
                                       "previous_case_id": self.id, "court_name": False,
                             "line_ids": [(0, 0, {"period": l.period, "due_date": l.due_date,
                                                  "principal": l.principal, "penalty": l.penalty,
                                                  "limitation_expiry": l.limitation_expiry})
                                          for l in self.line_ids]})
        claim.action_compute()
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": claim.id, "view_mode": "form",
                "target": "current"}

    @api.multi
    def action_hearing(self):
        self._require(("filed",), "date_hearing", _("Hearing on"))
        self._transition({"state": "hearing"})
        return True

    @api.multi
    def action_decision(self):
        self._require(("hearing", "filed"), "date_decision", _("Decision on"))
        self._transition({"state": "decided"})
        return True

    @api.multi
    def action_in_force(self):
        """«Вступило в силу». A court order only after the debtor's objection term has passed: the 10th working day
        after the debtor received it (ГПК 128, 107 ч.3) must be over on the day of entry into force and today."""
        today = _d(fields.Date.context_today(self))
        for case in self:
            case._require(("order_issued", "decided"), "date_in_force", _("In force on"))
            if case.state != "order_issued":
                continue
            if not case.date_order_received:
                raise UserError(_("Court order %s: record the day the debtor received it (from the court's notice) "
                                  "first — the 10 working days for objections run from it (ГПК 128).") % case.name)
            deadline = self.env["ukkr.rules"].objection_deadline(case.date_order_received)
            if _d(case.date_in_force) <= deadline or today <= deadline:
                raise UserError(_("Court order %s: the debtor may object until %s (10 working days after receiving "
                                  "it on %s, ГПК 128): it enters into force after that day.")
                                % (case.name, deadline.strftime("%d.%m.%Y"), _ru(case.date_order_received)))
        self._transition({"state": "in_force", "result": "won"})
        return True

    @api.multi
    def action_writ(self):
        self._require(("in_force",), "writ_number", _("Writ number"))
        self._require(("in_force",), "writ_date", _("Writ issued on"))
        for case in self:
            if case.writ_amount <= 0:
                raise UserError(_("Court case %s: the writ amount must be greater than zero.") % case.name)
        self._transition({"state": "writ"})
        self.mapped("case_id")._advance_to("enforcement", _("Writ received."))
        return True

    @api.multi
    def action_dismiss(self):
        """Left without consideration (ГПК 222): ГК 204 п.2 — the period runs on as if never interrupted."""
        self._require(("filed", "hearing"), None, "")
        today = fields.Date.context_today(self)
        for case in self:
            case._transition({"state": "closed", "result": "dismissed", "date_closed": today})
            case._limitation_events("dismissed", today)
        return True

    @api.multi
    def action_close(self):
        self._require(("writ", "in_force", "decided", "cancelled", "prepared"), None, "")
        self._transition({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    @api.multi
    def unlink(self):
        if any(case.state != "prepared" for case in self):
            raise UserError(_("Only a case not yet filed can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ the «sue before it expires» queue
    @api.model
    def court_queue(self, min_debt=0.0, months=6, only_expiring=False, limit=None):
        """Open debtor cases for a court order, as ``[(case_id, earliest_expiry, debt)]``: unpaid, overdue, not
        time-barred tranches not claimed by a live court case; debt above ``min_debt`` and within the court-order limit
        of the payer kind's routing rule in force; those whose earliest tranche expires within ``months`` first, then
        by earliest expiry and largest debt. One SQL query."""
        if min_debt is not None and min_debt < 0:
            raise UserError(_("The minimum debt cannot be negative."))
        if months is not None and months < 0:
            raise UserError(_("The number of months cannot be negative."))
        today = _d(fields.Date.context_today(self))
        horizon = today + relativedelta(months=months or 0)
        self.env.cr.execute("""
            WITH open_tranche AS (
                SELECT c.id AS case_id, c.payer_kind, t.principal, t.limitation_expiry
                FROM ukkr_debtor_case c
                JOIN ukkr_debt_tranche t ON t.account_id = c.account_id
                WHERE c.state = 'open' AND t.due_date < %(today)s
                  AND (t.limitation_expiry IS NULL OR t.limitation_expiry >= %(today)s)
                  AND NOT EXISTS (SELECT 1 FROM ukkr_court_case_line l
                                  JOIN ukkr_court_case k ON k.id = l.court_case_id
                                  WHERE k.account_id = c.account_id AND l.period = t.period
                                    AND k.state NOT IN ('cancelled', 'closed')))
            SELECT case_id, min(limitation_expiry) AS expiry, sum(principal) AS debt FROM open_tranche
            GROUP BY case_id, payer_kind
            HAVING sum(principal) > %(min_debt)s AND (NOT %(only)s OR min(limitation_expiry) <= %(horizon)s)
               AND EXISTS (SELECT 1 FROM ukkr_rule_court_route r
                           WHERE r.payer_kind = open_tranche.payer_kind AND r.kind = 'court_order'
                             AND r.date_from <= %(today)s AND (r.date_to IS NULL OR r.date_to >= %(today)s)
                             AND (coalesce(r.amount_limit, 0) = 0 OR r.amount_limit >= sum(principal)))
            ORDER BY (min(limitation_expiry) <= %(horizon)s) DESC, min(limitation_expiry), sum(principal) DESC,
                     case_id
            LIMIT %(limit)s""", {"today": today, "horizon": horizon, "min_debt": min_debt or 0.0,
                                 "only": bool(only_expiring), "limit": limit or None})
        return [(case_id, _d(expiry) if isinstance(expiry, str) else expiry, float(debt))
                for case_id, expiry, debt in self.env.cr.fetchall()]

    # ------------------------------------------------------------------ the «Суд» sheet of the monthly reports
    @api.model
    def _report_rows(self, date_from, date_to):
        """Court filings dated in [date_from, date_to], for the reports' «Суд» sheet: list of dicts with keys
        account (number), is_municipal, payer (name, municipal housing only — 152-ФЗ), kind, kind_name, measure,
        date_filed, court_kind, court (name), principal, penalty, claim_amount, state_duty, duty_to_pay, stage
        (code), stage_name, date_order, date_cancelled, date_decision, amount_awarded, date_in_force, writ_number."""
        cases = self.sudo().search([("date_filed", ">=", date_from), ("date_filed", "<=", date_to)],
                                   order="date_filed, id")
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        stages = dict(self._fields["state"]._description_selection(self.env))
        courts = dict(self._fields["court_kind"]._description_selection(self.env))
        return [{"account": case.account_id.name, "is_municipal": case.is_municipal,
                 "payer": case.partner_id.name if case.is_municipal else False, "kind": case.kind,
                 "kind_name": kinds[case.kind], "measure": case.measure_number, "date_filed": case.date_filed,
                 "court_kind": case.court_kind or False, "court_kind_name": courts.get(case.court_kind, ""),
                 "court": case.court_name or "", "principal": case.principal_amount, "penalty": case.penalty_amount,
                 "claim_amount": case.claim_amount, "state_duty": case.state_duty, "duty_to_pay": case.duty_to_pay,
                 "stage": case.state, "stage_name": stages[case.state], "date_order": case.date_order,
                 "date_cancelled": case.date_cancelled, "date_decision": case.date_decision,
                 "amount_awarded": case.amount_awarded, "date_in_force": case.date_in_force,
                 "writ_number": case.writ_number or ""} for case in cases]

    # ------------------------------------------------------------------ the application document
    @api.depends("date", "account_id")
    def _compute_months_without_payment(self):
        from dateutil.relativedelta import relativedelta as delta
        rules = self.env["ukkr.rules"]
        for case in self:
            account = case.account_id.sudo()
            if not account or not case.date:
                case.months_without_payment = 0
                continue
            self.env.cr.execute("SELECT max(date) FROM ukkr_payment WHERE account_id = %s AND date <= %s",
                                (account.id, case.date))
            start = self.env.cr.fetchone()[0]
            if not start:
                self.env.cr.execute("SELECT min(period) FROM ukkr_ledger_line WHERE account_id = %s AND accrued > 0",
                                    (account.id,))
                first = self.env.cr.fetchone()[0]
                start = rules.due_date(first, account=account) if first else None
            start = _d(start) if isinstance(start, str) else start
            if not start or start >= _d(case.date):
                case.months_without_payment = 0
                continue
            gap = delta(_d(case.date), start)
            case.months_without_payment = gap.years * 12 + gap.months

    def _eviction_check(self):
        """The grounds of the municipality's claim, checked before its document: ЖК 90 — a social tenant more than
        N months without payment, other premises named with at least the norm per resident (ЖК 105); ГК 687 ч.2 —
        a commercial tenant N months without payment (the dated eviction terms)."""
        for case in self:
            rule = self.env["ukkr.rule.eviction"].sudo()._in_force(case.date)
            if not rule:
                raise UserError(_("No eviction terms are in force on %s: add them under Settings → Legal rules.")
                                % _ru(case.date))
            months = case.months_without_payment
            if case.kind == "eviction_social":
                if months <= rule.social_months:
                    raise UserError(_("Court case %s: %d months without payment; eviction under ЖК 90 needs more than "
                                      "%d.") % (case.name, months, rule.social_months))
                if not (case.offered_address or "").strip():
                    raise UserError(_("Court case %s: name the premises offered to the tenant (ЖК 90).") % case.name)
                need = rule.area_per_person * max(case.residents, 1)
                if case.offered_area + 1e-6 < need:
                    raise UserError(_("Court case %s: the premises offered have %s m² for %d residents; ЖК 105 needs at "
                                      "least %s m² (%s m² per person).")
                                    % (case.name, ("%g" % case.offered_area).replace(".", ","), max(case.residents, 1),
                                       ("%g" % need).replace(".", ","),
                                       ("%g" % rule.area_per_person).replace(".", ",")))
            elif months < rule.commercial_months:
                raise UserError(_("Court case %s: %d months without payment; termination under ГК 687 needs %d.")
                                % (case.name, months, rule.commercial_months))

    @api.multi
    def action_generate_claim_document(self):
        """The claim of the municipality (DOCX): eviction of a social tenant (ЖК 90) or termination of a commercial
        tenancy and eviction (ГК 687), by the housing department."""
        for case in self:
            if case.kind not in ("eviction_social", "termination_commercial"):
                raise UserError(_("This document is made for evictions and terminations of tenancies only."))
            if case.state != "prepared":
                raise UserError(_("Court case %s has already been filed.") % case.name)
        self._eviction_check()
        landlord = self.env.ref("ukkr_debt_plan.partner_administration").sudo()
        for case in self:
            account = case.account_id.sudo()
            debts = account.debt_tranches(_d(case.date))
            legal = self.env.user.has_group(LEGAL_GROUP)
            identity = case._identification() if legal else None
            data = {"kind": case.kind, "court": case.court_name or "Северо-Енисейский районный суд Красноярского края",
                    "landlord": {"name": landlord.name, "address": _one_line(landlord.contact_address), "inn": landlord.vat or "", "ogrn": landlord.ukkr_ogrn or ""},
                    "tenant": {"name": account.partner_id.name, "address": account.address, "account": account.name,
                        "birthdate": identity["birthdate"] if identity else "",
                        "birth_place": identity["birth_place"] if identity else "",
                        "identifier": identity["identifier"] if identity else None,
                        "residents": account.residents, "area": account.area},
                    "months": case.months_without_payment, "debt": round(sum(t["principal"] for t in debts), 2),
                    "offered_address": case.offered_address or "", "offered_area": case.offered_area,
                    "date": _ru(case.date), "signer": self.env.user.name}
            content = court_application_docx.build_tenancy_claim(data)
            if legal:
                case.partner_id.sudo(self.env.uid)._ukkr_log_identity_read(["claim (ЖК 90 / ГК 687)"])
            attachment = self.env["ir.attachment"].sudo().create({
                "name": "Иск %s.docx" % account.name, "datas_fname": "isk_%s_%s.docx" % (account.name, case.date),
                "datas": base64.b64encode(content), "res_model": self._name, "res_id": case.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
            case._transition({"application_id": attachment.id})
        return True

    def _periods_text(self):
        """The periods claimed, as the register lists them: «2026-06 – 2026-08» (or one period)."""
        periods = sorted(self.line_ids.mapped("period"))
        if not periods:
            return ""
        return periods[0] if len(periods) == 1 else "%s – %s" % (periods[0], periods[-1])

    def _claimant(self):
        """The claimant (ГПК 124 ч.2 п.2): the company's name, address, ИНН (``vat``) and ОГРН
        (``company_registry``); a UserError naming what is missing — without them the court returns the application."""
        company = self.env.user.company_id.sudo()
        missing = []   # a plain loop: Odoo 11's _() finds no language inside a comprehension
        if not company.vat:
            missing.append(_("ИНН (the company's «Tax ID»)"))
        if not company.company_registry:
            missing.append(_("ОГРН (the company's «Company Registry»)"))
        if missing:
            raise UserError(_("The claimant's %s is not filled in: enter it under Settings → Companies — an "
                              "application without it is returned by the court (ГПК 124 ч.2 п.2, 125).")
                            % _(" and ").join(missing))
        address = _one_line(company.partner_id.contact_address)
        return {"name": company.name, "address": address, "inn": company.vat, "ogrn": company.company_registry}

    def _application_data(self):
        """Every element of ГПК 124 ч.2 (131 ч.2 for a claim): the court with its precinct and address, the claimant,
        the debtor with date and place of birth, residence and one identifier (or the lawyer's statement that none is
        known), the claim by period — principal and penalties apart —, the duty with its payment document, the
        attachments."""
        self.ensure_one()
        account = self.account_id.sudo()
        address = account.address
        kind_title = {"court_order": "Заявление о выдаче судебного приказа",
                      "claim": "Исковое заявление о взыскании задолженности"}
        identity = self._identification()
        debtor = {"name": account.partner_id.name, "address": address, "account": account.name,
                  "payer_kind": account.payer_kind, "birthdate": identity["birthdate"],
                  "birth_place": identity["birth_place"], "ogrn": identity["ogrn"],
                  "identifier": identity["identifier"],
                  "identifier_unknown": bool(self.identifier_unknown and not identity["identifier"])}
        attachments = ["Расчёт задолженности и пеней по лицевому счёту № %s." % account.name,
                       "Выписка из лицевого счёта (история начислений и оплат).",
                       "Документ об уплате государственной пошлины%s." % (
                           " (%s)" % self.duty_payment_doc if self.duty_payment_doc else ""),
                       "Выписка из ЕГРН / сведения о пользователях помещения.",
                       "Копия устава и документа о полномочиях представителя взыскателя."]
        if self.previous_case_id:
            attachments.append("Копия определения об отмене судебного приказа от %s."
                               % _ru(self.previous_case_id.date_cancelled))
        return {"court": self.court_name or dict(COURT_KINDS).get(self.court_kind, "суд"),
                "court_address": self.court_address or "",
                "claimant": self._claimant(), "debtor": debtor,
                "lines": [(l.period, _ru(l.due_date), l.principal, l.penalty) for l in self.line_ids],
                "principal": self.principal_amount, "penalty": self.penalty_amount, "claim": self.claim_amount,
                "duty": self.state_duty, "duty_credit": self.duty_credit, "duty_to_pay": self.duty_to_pay,
                "duty_payment_doc": self.duty_payment_doc or "",
                "penalty_date": _ru(self.penalty_date or self.date), "date": _ru(self.date),
                "title": kind_title.get(self.kind, self.name), "kind": self.kind, "attachments": attachments,
                "signer": self.env.user.name}

    @api.multi
    def _applications_zip(self):
        """(file name, bytes) of one ZIP holding the applications of these cases, read as the user may; a Russian
        UserError when none of them has one."""
        self.check_access_rights("read")
        self.check_access_rule("read")
        documents = [(case, case.sudo().application_id) for case in self]
        documents = [(case, attachment) for case, attachment in documents if attachment.datas]
        if not documents:
            raise UserError(_("None of the selected court cases has an application yet: generate them first."))
        buffer, names = io.BytesIO(), set()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for case, attachment in documents:
                name = attachment.datas_fname or "%s.docx" % case.account_id.name
                if name in names:
                    name = "%s_%d.docx" % (name.rsplit(".", 1)[0], case.id)
                names.add(name)
                archive.writestr(name, base64.b64decode(attachment.datas))
        return "zayavleniya_%s.zip" % fields.Date.context_today(self), buffer.getvalue()

    @api.multi
    def action_download_applications(self):
        """«Скачать заявления (ZIP)» on the selected cases (e.g. a whole batch)."""
        self._applications_zip()   # refused here, in the web client's warning, when there is nothing to give
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/ukkr_collections/court_applications.zip?ids=%s" % ",".join(str(i) for i in self.ids)}

    @api.multi
    def action_generate_application(self):
        """Write the application (DOCX) and keep it as an attachment of the case."""
        for case in self:
            if case.kind not in MONEY_KINDS:
                raise UserError(_("An application document is generated for court orders and claims only."))
            if not case.line_ids:
                raise UserError(_("Court case %s claims no tranche: load the debt by period first.") % case.name)
            if not case.state_duty:
                case.action_compute()
            case._check_identification()
            data = case._application_data()
            case.partner_id.sudo(self.env.uid)._ukkr_log_identity_read(["application (ГПК 124)"])
            content = self.env["ukkr.document.template"]._render(case.kind, case.date, data)
            attachment = self.env["ir.attachment"].create({
                "name": "Заявление %s.docx" % case.account_id.name,
                "datas_fname": "zayavlenie_%s_%s.docx" % (case.account_id.name, case.date),
                "datas": base64.b64encode(content), "res_model": self._name, "res_id": case.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
            case._transition({"application_id": attachment.id})
        if len(self) == 1:   # pressed on one case: the document is downloaded at once
            return {"type": "ir.actions.act_url", "target": "self",
                    "url": "/web/content/%d?download=true" % self.application_id.id}
        return True
