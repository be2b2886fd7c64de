from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.addons.ukkr_debt_plan.models.groups import LAWYER, MANAGER, groups_attr

MARKER_KINDS = [("subsidy", "Housing subsidy recipient"), ("pensioner", "Pensioner"),
                ("disabled", "Disabled person"), ("large_family", "Large family")]
LEGAL_GROUPS = groups_attr(LAWYER, MANAGER)


def _date(value):
    return fields.Date.from_string(value) if isinstance(value, str) else value


class UkkrPayerMarker(models.Model):
    """A payer's social marker (subsidy recipient, pensioner, disabled person, large family) over a period, with
    the document it comes from. Personal data (152-ФЗ): the legal group and the УККР manager only; every read and
    change is in the audit log. Such a debtor is offered a consultation (measure 9: subsidy, cheaper housing,
    installments) before a ПП 354 limitation or a court filing, as the dated ``ukkr.rule.consultation`` says."""
    _name = "ukkr.payer.marker"
    _description = "Payer's social marker"
    _order = "partner_id, date_from desc"
    _rec_name = "kind"

    partner_id = fields.Many2one("res.partner", "Payer", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(MARKER_KINDS, "Marker", required=True)
    date_from = fields.Date("Since", required=True)
    date_to = fields.Date("Until", help="Empty: to this day.")
    document = fields.Char("Document", required=True,
                           help="E.g. «Справка УСЗН о назначении субсидии от …», «Удостоверение многодетной семьи».")
    note = fields.Text("Note")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for marker in self:
            if marker.date_to and marker.date_to < marker.date_from:
                raise ValidationError(_("A marker ends before it starts."))

    @api.model
    def _status(self, account_ids, on_date, step):
        """{account_id: (status, marker kinds, last consultation date)} for a ПП 354 limitation (``step`` =
        'limitation') or a court filing ('court') on ``on_date``: 'needed' when the payer has a marker the rule in
        force covers and no consultation of the account within the rule's days before; 'done' with one; else
        'not_needed'. Three queries whatever the number of accounts."""
        result = {account: ("not_needed", [], None) for account in account_ids}
        rule = self.env["ukkr.rule.consultation"].sudo()._in_force(on_date)
        if not rule or not account_ids or not (rule.before_limitation if step == "limitation"
                                                else rule.before_court):
            return result
        kinds = [kind for kind, _label in MARKER_KINDS if rule["cover_%s" % kind]]
        self.env.cr.execute("""SELECT a.id, array_agg(DISTINCT m.kind ORDER BY m.kind)
                               FROM ukkr_personal_account a JOIN ukkr_payer_marker m ON m.partner_id = a.partner_id
                               WHERE a.id = ANY(%s) AND m.kind = ANY(%s) AND m.date_from <= %s
                                 AND (m.date_to IS NULL OR m.date_to >= %s)
                               GROUP BY a.id""", (list(account_ids), kinds or [""], on_date, on_date))
        marked = dict(self.env.cr.fetchall())
        if not marked:
            return result
        since = _date(on_date) - timedelta(days=rule.valid_days)
        self.env.cr.execute("""SELECT account_id, max(date) FROM ukkr_consultation
                               WHERE account_id = ANY(%s) AND date >= %s AND date <= %s GROUP BY account_id""",
                            (list(marked), since, on_date))
        held = {account: _date(day) for account, day in self.env.cr.fetchall()}
        for account, found in marked.items():
            result[account] = ("done" if account in held else "needed", found, held.get(account))
        return result

    @api.model
    def _status_texts(self, account_ids, on_date, step):
        """{account_id: (status, Russian text of the status, Russian marker labels)}."""
        labels = dict(self._fields["kind"]._description_selection(self.env))
        # literal _() calls, so that the export finds the texts (a _(variable) is never translated)
        names = {"not_needed": _("Not required"), "needed": _("Consultation required"),
                 "done": _("Consultation held")}
        texts = {}
        for account, (status, kinds, held) in self._status(account_ids, on_date, step).items():
            text = names[status]
            if status == "done":
                text = "%s %s" % (text, held.strftime("%d.%m.%Y"))
            texts[account] = (status, text, ", ".join(labels[k] for k in kinds))
        return texts


class UkkrRuleConsultation(models.Model):
    """The dated rule of the social safeguards: which markers require a consultation (measure 9) before a ПП 354
    limitation and before a court filing, and how recent it must be."""
    _name = "ukkr.rule.consultation"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Consultation before restriction"
    _order = "date_from desc"

    name = fields.Char("Name", required=True)
    before_limitation = fields.Boolean("Before a ПП 354 limitation", default=True)
    before_court = fields.Boolean("Before a court filing", default=True)
    cover_subsidy = fields.Boolean("Subsidy recipients", default=True)
    cover_pensioner = fields.Boolean("Pensioners", default=True)
    cover_disabled = fields.Boolean("Disabled persons", default=True)
    cover_large_family = fields.Boolean("Large families", default=True)
    valid_days = fields.Integer("A consultation counts for, days", default=180, required=True)

    @api.constrains("date_from", "date_to", "valid_days")
    def _check_rule(self):
        for rule in self:
            if rule.valid_days <= 0:
                raise ValidationError(_("A consultation counts for at least one day."))
        self._check_dated(())


class UkkrFilingReadiness(models.AbstractModel):
    _inherit = "ukkr.filing.readiness"

    @api.model
    def _extra_problems(self, items, day):
        problems = super()._extra_problems(items, day)
        statuses = self.env["ukkr.payer.marker"].sudo()._status([i["account"].id for i in items], day, "court")
        rule = self.env["ukkr.rule.consultation"].sudo()._in_force(day)
        for item in items:
            if statuses.get(item["account"].id, ("not_needed",))[0] == "needed":
                problems.setdefault(item["key"], []).append(("consultation", _(
                    "The debtor has a social marker: offer a consultation first (measure 9: subsidy, cheaper "
                    "housing, installments) — rule «%s» (%s).") % (rule.name, rule.source)))
        return problems


class UkkrDebtorCase(models.Model):
    _inherit = "ukkr.debtor.case"

    social_marker = fields.Char("Social marker", compute="_compute_social_safeguard", groups=LEGAL_GROUPS)
    consultation_status = fields.Char("Consultation before court", compute="_compute_social_safeguard")

    def _compute_social_safeguard(self):
        texts = self.env["ukkr.payer.marker"].sudo()._status_texts(
            self.mapped("account_id").ids, fields.Date.context_today(self), "court")
        for case in self:
            _status, text, kinds = texts.get(case.account_id.id, ("not_needed", "", ""))
            case.consultation_status = text
            case.social_marker = kinds   # the field is for the legal group and the manager only


class UkkrServiceLimitation(models.Model):
    _inherit = "ukkr.service.limitation"

    @api.model
    def create(self, vals):
        """No limitation procedure starts for a debtor who must be offered a consultation first (however it is
        created: the candidates, a form, an RPC call)."""
        account_id = vals.get("account_id") or (vals.get("case_id") and self.env["ukkr.debtor.case"].browse(
            vals["case_id"]).account_id.id)
        if account_id:
            day = vals.get("date") or fields.Date.context_today(self)
            status = self.env["ukkr.payer.marker"].sudo()._status([account_id], day, "limitation")[account_id]
            if status[0] == "needed":
                account = self.env["ukkr.personal.account"].sudo().browse(account_id)
                raise UserError(_("Account %s: the debtor must be offered a consultation (measure 9) before a ПП 354 "
                                  "limitation.") % account.name)
        return super().create(vals)


class UkkrNextAction(models.Model):
    _inherit = "ukkr.next.action"

    @api.model
    def _consultation_needed(self, day, cases):
        notes = super()._consultation_needed(day, cases)
        statuses = self.env["ukkr.payer.marker"].sudo()._status([c["account_id"] for c in cases], day, "limitation")
        for case in cases:
            if statuses.get(case["account_id"], ("not_needed",))[0] == "needed":
                notes[case["id"]] = _("a consultation comes first (social safeguards)")
        return notes
