from fractions import Fraction

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .ukkr_debtor_status import _date


class UkkrPremisesOwner(models.Model):
    """An owner of the premises of a personal account and his share, over the period of his ownership (from the
    ЕГРН extract). Shared owners each pay for their share (ЖК 158 ч.1, ГК 249): the court is asked for one order per
    owner, by share — the filing readiness check refuses one filing against the account's payer for the whole."""
    _name = "ukkr.premises.owner"
    _description = "Owner of the premises and his share"
    _order = "account_id, date_from, id"
    _rec_name = "partner_id"

    account_id = fields.Many2one("ukkr.personal.account", "Personal account", required=True, ondelete="cascade",
                                 index=True)
    partner_id = fields.Many2one("res.partner", "Owner", required=True, ondelete="restrict", index=True)
    share_numerator = fields.Integer("Share: numerator", required=True, default=1)
    share_denominator = fields.Integer("Share: denominator", required=True, default=1)
    share = fields.Char("Share", compute="_compute_share")
    date_from = fields.Date("Owner since", required=True)
    date_to = fields.Date("Owner until", help="Empty: owner to this day.")
    source = fields.Char("Source", required=True, help="E.g. «Выписка из ЕГРН от 12.03.2026 № КУВИ-001/2026-…».")

    @api.depends("share_numerator", "share_denominator")
    def _compute_share(self):
        for owner in self:
            owner.share = "%d/%d" % (owner.share_numerator, owner.share_denominator)

    @api.constrains("share_numerator", "share_denominator", "date_from", "date_to", "account_id")
    def _check_share(self):
        for owner in self:
            if owner.share_numerator <= 0 or owner.share_denominator <= 0 or \
                    owner.share_numerator > owner.share_denominator:
                raise ValidationError(_("A share is a fraction from 1/N to N/N, e.g. 1/2 or 1/1."))
            if owner.date_to and owner.date_to < owner.date_from:
                raise ValidationError(_("The ownership ends before it starts."))
        for account in self.mapped("account_id"):
            records = self.search([("account_id", "=", account.id)])
            # on every day an ownership starts, the shares in force add up to the whole at most
            for day in set(records.mapped("date_from")):
                total = sum((Fraction(r.share_numerator, r.share_denominator) for r in records
                             if r.date_from <= day and (not r.date_to or r.date_to >= day)), Fraction(0))
                if total > 1:
                    raise ValidationError(_("Account %s: the owners' shares on %s add up to %s, more than the "
                                            "whole.") % (account.name, fields.Date.from_string(day).strftime(
                                                "%d.%m.%Y"), "%d/%d" % (total.numerator, total.denominator)))

    @api.model
    def _owners_over(self, account_ids, date_from, date_to):
        """{account_id: [(partner_id, numerator, denominator, partner name, owner since, owner until)]} of the owners
        whose ownership overlaps [date_from, date_to]. One query."""
        if not account_ids:
            return {}
        self.env.cr.execute("""SELECT o.account_id, o.partner_id, o.share_numerator, o.share_denominator, p.name,
                                      o.date_from, o.date_to
                               FROM ukkr_premises_owner o JOIN res_partner p ON p.id = o.partner_id
                               WHERE o.account_id = ANY(%s) AND o.date_from <= %s
                                 AND (o.date_to IS NULL OR o.date_to >= %s)
                               ORDER BY o.account_id, o.date_from, o.id""", (list(account_ids), date_to, date_from))
        found = {}
        for account, partner, numerator, denominator, name, since, until in self.env.cr.fetchall():
            found.setdefault(account, []).append((partner, numerator, denominator, name, _date(since), _date(until)))
        return found


class UkkrPersonalAccount(models.Model):
    _inherit = "ukkr.personal.account"

    owner_ids = fields.One2many("ukkr.premises.owner", "account_id", "Owners and shares",
                                groups="ukkr_debt_plan.group_ukkr_operator,ukkr_debt_plan.group_ukkr_lawyer")
