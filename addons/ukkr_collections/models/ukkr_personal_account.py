import re
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from . import penalty_calc
from .money import rub

from .selections import PAYER_KINDS
from odoo.addons.ukkr_debt_plan.models.groups import LAWYER, OPERATOR, groups_attr
from . import ledger_sql


def premises_label(apartment):
    """The premises as an address writes them: «кв. 12» for an apartment number, the text itself otherwise
    («пом. 3», «комн. 5»), nothing for a house of its own — never «кв. пом. 3»."""
    apartment = (apartment or "").strip()
    if not apartment:
        return ""
    return "кв. %s" % apartment if apartment[0].isdigit() else apartment


def address(building_name, apartment):
    """«п. Тея, ул. Южная, д. 4, кв. 2»: the building's name already holds the settlement."""
    return ", ".join(part for part in ((building_name or "").strip(), premises_label(apartment)) if part)


# words of an address a user types that the records do not hold as such («ул. Южная 4 кв 2»)
ADDRESS_WORDS = {"ул", "улица", "д", "дом", "кв", "квартира", "п", "пос", "посёлок", "поселок", "гп", "пгт", "с",
                 "пер", "переулок", "мкр", "пом"}

TENURES = [("owner", "Owner"), ("social", "Social tenancy"), ("commercial", "Commercial tenancy"),
           ("nonresidential", "Non-residential")]


class UkkrPersonalAccount(models.Model):
    """Лицевой счёт: one payer's account for one set of premises."""
    _name = "ukkr.personal.account"
    _description = "Personal account"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char("Account number", required=True, index=True, track_visibility="onchange")
    building_id = fields.Many2one("ukkr.building", "Building", required=True, ondelete="restrict", index=True)
    settlement_id = fields.Many2one(related="building_id.settlement_id", string="Settlement", store=True,
                                    readonly=True)
    apartment = fields.Char("Apartment / premises")
    partner_id = fields.Many2one("res.partner", "Payer", required=True, ondelete="restrict", index=True,
                                 track_visibility="onchange")
    payer_kind = fields.Selection(PAYER_KINDS, "Payer kind", required=True, default="individual",
                                  track_visibility="onchange")
    tenure = fields.Selection(TENURES, "Tenure", required=True, default="owner", track_visibility="onchange")
    is_municipal = fields.Boolean("Municipal housing", track_visibility="onchange")
    resource_buyer = fields.Boolean(
        "Managing organisation / ТСЖ buying resources", track_visibility="onchange",
        help="A legal entity that buys the resources for the residents of a building (managing organisation, ТСЖ, "
             "ЖСК): its penalties follow the bands of that kind — 1/300 on days 31–60, 1/170 on days 61–90, 1/130 "
             "from day 91 (190-ФЗ ст.15 ч.9.3, 416-ФЗ ст.13 ч.6.3) — instead of 1/130 from day 1.")
    residents = fields.Integer("Residents")
    area = fields.Float("Area, m²", digits=(10, 1))
    phone = fields.Char("Phone")
    email = fields.Char("E-mail")
    sms_opt_out = fields.Boolean("Refused SMS", track_visibility="onchange")
    email_opt_out = fields.Boolean("Refused e-mail", track_visibility="onchange")
    sms_message_ids = fields.One2many("ukkr.sms.message", "account_id", "SMS messages",
                                      groups=groups_attr(OPERATOR, LAWYER))
    state = fields.Selection([("active", "Active"), ("closed", "Closed")], "Status", default="active",
                             required=True, track_visibility="onchange")
    service_ids = fields.One2many("ukkr.account.service", "account_id", "Services")
    debt_total = fields.Float("Debt", digits=(14, 2), compute="_compute_debt_summary")
    overdue_total = fields.Float("Overdue debt", digits=(14, 2), compute="_compute_debt_summary")
    penalty_total = fields.Float("Penalties", digits=(14, 2), compute="_compute_debt_summary")
    oldest_overdue_period = fields.Char("Oldest unpaid period", compute="_compute_debt_summary")
    last_payment_date = fields.Date("Last payment", compute="_compute_debt_summary")
    tranche_html = fields.Html("Debt by period", compute="_compute_debt_summary", sanitize=False)
    address = fields.Char("Address", compute="_compute_address")

    _sql_constraints = [("name_uniq", "unique(name)", "A personal account number is used only once.")]

    @api.depends("building_id.name", "apartment")
    def _compute_address(self):
        for account in self:
            account.address = address(account.building_id.name, account.apartment)

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100, name_get_uid=None):
        """Found by its number, the payer's name or the address as typed on a phone at the door: «Южная 4 2»,
        «ул. Южная, д. 4, кв. 2», «Петрова» — every word must match the number, the payer, the building or (a
        number alone) the apartment."""
        words = [w for w in re.split(r"[\s,.;]+", name or "") if w and w.lower() not in ADDRESS_WORDS]
        if not words or operator not in ("ilike", "like"):
            return super(UkkrPersonalAccount, self.with_context(ukkr_account_address=True))._name_search(
                name, args, operator, limit, name_get_uid)
        domain = list(args or [])
        for word in words:
            domain += ["|", "|", "|", ("name", "ilike", word), ("partner_id.name", "ilike", word),
                       ("building_id.name", "ilike", word), ("apartment", "=ilike", word)]
        accounts = self.browse(self._search(domain, limit=limit, access_rights_uid=name_get_uid or self._uid))
        # «Набережная 1 1»: the house's «1» matches every apartment of the house; the one numbered as the last
        # word typed comes first
        last = words[-1].lower()
        accounts = accounts.sudo().sorted(lambda a: (0 if (a.apartment or "").strip().lower() == last else 1,
                                                     a.name))
        return accounts.sudo(name_get_uid or self._uid).with_context(ukkr_account_address=True).name_get()

    @api.multi
    def name_get(self):
        """The number; with the address where the user picks an account from a list of matches."""
        if not self.env.context.get("ukkr_account_address"):
            return super().name_get()
        return [(account.id, "%s — %s" % (account.name, account.address)) for account in self]

    # the payer's visibility to the administration follows the accounts (res.partner.ukkr_private_payer)
    @api.model
    def create(self, vals):
        account = super().create(vals)
        self.env["res.partner"]._ukkr_refresh_private_payers(account.partner_id.ids)
        return account

    @api.multi
    def write(self, vals):
        before = self.sudo().mapped("partner_id").ids if {"partner_id", "is_municipal"} & set(vals) else None
        result = super().write(vals)
        if before is not None:
            self.env["res.partner"]._ukkr_refresh_private_payers(before + self.sudo().mapped("partner_id").ids)
        return result

    @api.model
    def _refresh_stored_copies(self, account_ids=None):
        """Copy the accounts' columns again onto every record that stores a related copy of them (``is_municipal``,
        ``partner_id``, ``tenure``… that record rules read), then onto the records copying those (a court case's
        lines). The ORM does this on its own writes; the importer writes accounts by SQL, so it calls this.
        Set-based: one UPDATE per stored copy. Returns the number of rows changed."""
        cr = self.env.cr
        copies = []
        for Model in self.env.registry.values():
            if Model._abstract or Model._transient or not Model._auto:
                continue
            for name, field in Model._fields.items():
                if not (field.store and field.related and len(field.related) == 2 and field.column_type):
                    continue
                link = Model._fields.get(field.related[0])
                if not link or link.type != "many2one" or not link.store:
                    continue
                source = self.env[link.comodel_name]._fields.get(field.related[1])
                if source and source.store and source.column_type:
                    copies.append((Model._table, name, link.name, self.env[link.comodel_name]._table,
                                   field.related[1], link.comodel_name))
        changed = 0
        refreshed = {self._name}
        for first_pass in (True, False):
            touched = set()
            for table, column, link, source_table, source_column, comodel in copies:
                if (comodel == self._name) != first_pass or comodel not in refreshed:
                    continue
                scope = " AND s.id = ANY(%s)" if first_pass and account_ids is not None else ""
                cr.execute("""UPDATE {t} t SET {c} = s.{sc} FROM {st} s WHERE s.id = t.{link}
                              AND t.{c} IS DISTINCT FROM s.{sc}{scope}""".format(
                                  t=table, c=column, sc=source_column, st=source_table, link=link, scope=scope),
                           [list(account_ids)] if scope else [])
                if cr.rowcount:
                    changed += cr.rowcount
                    touched.add(table)
            refreshed |= {model for model in self.env.registry if self.env[model]._table in touched}
        if changed:
            self.env["ukkr.personal.account"].invalidate_cache()
        return changed

    @api.multi
    def unlink(self):
        partners = self.sudo().mapped("partner_id").ids
        result = super().unlink()
        self.env["res.partner"]._ukkr_refresh_private_payers(partners)
        return result

    def _bucket_labels(self):
        return {"current": _("Not overdue"), "1_3": _("1–3 months"), "3_6": _("3–6 months"),
                "6_12": _("6–12 months"), "12_36": _("1–3 years"), "barred": _("Time-barred")}

    def _compute_debt_summary(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        buckets = self._bucket_labels()
        for account in self:
            if not account.id:
                continue
            tranches = account.debt_tranches(today)
            overdue = [t for t in tranches if t["days_overdue"] > 0 and t["principal"] > 0]
            account.debt_total = round(sum(t["principal"] for t in tranches), 2)
            account.overdue_total = round(sum(t["principal"] for t in overdue), 2)
            account.penalty_total = round(sum(t["penalty"] for t in tranches), 2)
            account.oldest_overdue_period = overdue[0]["period"] if overdue else False
            self.env.cr.execute("SELECT max(date) FROM ukkr_payment WHERE account_id = %s", (account.id,))
            account.last_payment_date = self.env.cr.fetchone()[0]
            stopped, paid = _("stopped (in court)"), _("paid")   # _() reads the language from this frame
            rows = "".join(
                "<tr><td>%s</td><td class='text-right'>%s</td><td class='text-right'>%s</td><td>%s</td>"
                "<td class='text-right'>%s</td><td>%s</td><td class='text-right'>%s</td><td>%s</td></tr>"
                % (t["period"], rub(t["charged"]), rub(t["principal"]), t["due_date"].strftime("%d.%m.%Y"),
                   # a paid period is overdue no more: no days, no expiry, no age
                   t["days_overdue"] if t["principal"] > 0 and t["days_overdue"] > 0 else "—",
                   "—" if t["principal"] <= 0 else t["limitation_expiry"].strftime("%d.%m.%Y")
                   if t["limitation_expiry"] else stopped, rub(t["penalty"]),
                   paid if t["principal"] <= 0 else buckets[t["bucket"]]) for t in tranches)
            account.tranche_html = (
                "<table class='table table-condensed'><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>"
                % (_("Period"), _("Charged"), _("Unpaid"), _("Due date"), _("Days overdue"),
                   _("Limitation expires"), _("Penalty"), _("Age"), rows)) if tranches else \
                "<p>%s</p>" % _("No debt.")

    def penalty_calculation(self, as_of_date=None):
        """Data of the printable «расчёт пени»: per tranche, the day ranges × rate × share, as courts expect it."""
        self.ensure_one()
        rules = self.env["ukkr.rules"]
        as_of = as_of_date or fields.Date.from_string(fields.Date.context_today(self))
        if isinstance(as_of, str):
            as_of = fields.Date.from_string(as_of)
        self.env.cr.execute("""SELECT period, date, sum(amount) FROM ukkr_payment_allocation
                               WHERE account_id = %s AND date <= %s GROUP BY period, date ORDER BY date""",
                            (self.id, as_of))
        payments = {}
        for period, pay_date, amount in self.env.cr.fetchall():
            payments.setdefault(period, []).append((fields.Date.from_string(pay_date), amount))
        result = []
        for tranche in self.debt_tranches(as_of):
            if not tranche["penalty"]:
                continue
            segments = rules.penalty_segments(tranche["charged"], tranche["due_date"], as_of,
                                              payments.get(tranche["period"], []), self._penalty_kind())
            result.append(dict(tranche, segments=segments))
        return {"as_of": as_of, "tranches": result, "total": round(sum(t["penalty"] for t in result), 2)}

    def _penalty_kind(self):
        """The kind whose penalty bands apply: a resource buyer's own, else the payer kind."""
        self.ensure_one()
        return "managing" if self.resource_buyer and self.payer_kind == "legal" else self.payer_kind

    @api.constrains("resource_buyer", "payer_kind")
    def _check_resource_buyer(self):
        for account in self:
            if account.resource_buyer and account.payer_kind != "legal":
                raise ValidationError(_("Account %s: only a legal entity can be a managing organisation or ТСЖ "
                                        "buying resources.") % account.name)

    # ------------------------------------------------------------------ the debt by tranche
    def debt_tranches(self, as_of_date=None):
        """This account's debt by monthly tranche as of a date: list of dicts with ``period``, ``charged``,
        ``principal`` (unpaid), ``due_date``, ``days_overdue``, ``limitation_expiry``, ``penalty``, ``bucket``.

        Only payments dated up to ``as_of_date`` count. A tranche is listed while principal or penalty is owed.
        """
        self.ensure_one()
        rules = self.env["ukkr.rules"]
        as_of = fields.Date.from_string(as_of_date or fields.Date.context_today(self)) \
            if not isinstance(as_of_date, date) else as_of_date
        cr = self.env.cr
        cr.execute("""SELECT period, sum({charged}) FROM ukkr_ledger_line
                      WHERE account_id = %s GROUP BY period ORDER BY period""".format(charged=ledger_sql.charged()),
                   (self.id,))
        charged = cr.fetchall()
        cr.execute("""SELECT period, date, sum(amount) FROM ukkr_payment_allocation
                      WHERE account_id = %s AND date <= %s GROUP BY period, date ORDER BY date""", (self.id, as_of))
        payments = {}
        for period, pay_date, amount in cr.fetchall():
            payments.setdefault(period, []).append((fields.Date.from_string(pay_date), amount))
        evaluate = rules._penalty_context()["tranche"]
        # agreements branch: limitation events (ГК 203 acknowledgements…) of this account, one query
        events = self.env["ukkr.limitation.event"]._events_by_tranche([self.id], as_of)
        result = []
        for period, amount in charged:
            if amount <= 0:
                continue
            tranche = evaluate(period, amount, payments.get(period, []), as_of, self.payer_kind,
                               events.get((self.id, period), ()), self.id)
            tranche["penalty"] = penalty_calc.round_money(tranche.pop("penalty"))
            if tranche["principal"] <= 0 and not tranche["penalty"]:
                continue
            tranche["principal"] = max(tranche["principal"], 0.0)
            del tranche["overdue"]
            result.append(tranche)
        return result
