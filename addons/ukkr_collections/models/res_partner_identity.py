from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from . import identity_calc
from .rule_errors import RuleInputError

LEGAL_GROUP = "ukkr_debt_plan.group_ukkr_lawyer"   # the УККР manager has it too (implied)
IDENTIFIER_FIELDS = {"ukkr_snils": "SNILS", "ukkr_inn": "INN", "ukkr_passport": "PASSPORT_RF",
                     "ukkr_driver_license": "DRIVER_LICENSE"}
_READING = "_ukkr_identity_reading"   # on the cursor: depth of res.partner reads in progress
IDENTITY_FIELDS = frozenset(["birthdate_date", "ukkr_birth_place", "ukkr_ogrn", "id_numbers"] +
                            list(IDENTIFIER_FIELDS))


def identity_error(env, error, who):
    """A Russian message for an identifier refused by identity_calc, naming ``who`` (a payer or a file row)."""
    names = {"SNILS": _("СНИЛС"), "INN": _("ИНН"), "OGRN": _("ОГРН / ОГРНИП"), "PASSPORT_RF": _("passport"),
             "DRIVER_LICENSE": _("driving licence")}
    kind = names.get(error.values.get("kind"), error.values.get("kind"))
    if error.code == "identity_check":
        return _("%s: %s «%s» has a wrong check digit.") % (who, kind, error.values.get("value"))
    formats = {"SNILS": _("11 digits"), "INN": _("10 or 12 digits"), "OGRN": _("13 digits (ОГРН) or 15 (ОГРНИП)"),
               "PASSPORT_RF": _("a series of 4 digits and a number of 6"),
               "DRIVER_LICENSE": _("a series of 4 characters and a number of 6 digits")}
    return _("%s: %s «%s» is not written right: %s.") % (who, kind, error.values.get("value"),
                                                          formats.get(error.values.get("kind"), ""))


class ResPartner(models.Model):
    """Identification of a debtor for the court (ГПК 124 ч.2 п.3), kept under 152-ФЗ.

    The birth date is OCA ``partner_contact_birthdate``'s ``birthdate_date``, the identity documents OCA
    ``partner_identification``'s numbers (categories SNILS, INN, PASSPORT_RF, DRIVER_LICENSE; the fields below read
    and write them like text); the place of birth and the ОГРН / ОГРНИП are the suite's. All of them are for the legal
    group (and the УККР manager, who has it) only: declared with its group, so nobody else reads them, and the legal
    group, which may not change payers otherwise, may change these fields (``write``). Every read of them by a user is
    logged in auditlog: who, when, which payer and which fields — never the values (``_ukkr_log_identity_read``).
    """
    _inherit = "res.partner"

    birthdate_date = fields.Date(groups=LEGAL_GROUP)
    id_numbers = fields.One2many(groups=LEGAL_GROUP)
    ukkr_birth_place = fields.Char("Place of birth", groups=LEGAL_GROUP)
    ukkr_ogrn = fields.Char("ОГРН / ОГРНИП", groups=LEGAL_GROUP,
                            help="13 digits for an organisation, 15 for a sole trader; the check digit is verified.")
    ukkr_snils = fields.Char("СНИЛС", groups=LEGAL_GROUP,
                             compute=lambda self: self._compute_identification("ukkr_snils", "SNILS"),
                             inverse=lambda self: self._inverse_identification("ukkr_snils", "SNILS"))
    ukkr_inn = fields.Char("ИНН of the payer", groups=LEGAL_GROUP,
                           compute=lambda self: self._compute_identification("ukkr_inn", "INN"),
                           inverse=lambda self: self._inverse_identification("ukkr_inn", "INN"))
    ukkr_passport = fields.Char("Passport (series and number)", groups=LEGAL_GROUP,
                                compute=lambda self: self._compute_identification("ukkr_passport", "PASSPORT_RF"),
                                inverse=lambda self: self._inverse_identification("ukkr_passport", "PASSPORT_RF"))
    ukkr_driver_license = fields.Char(
        "Driving licence", groups=LEGAL_GROUP,
        compute=lambda self: self._compute_identification("ukkr_driver_license", "DRIVER_LICENSE"),
        inverse=lambda self: self._inverse_identification("ukkr_driver_license", "DRIVER_LICENSE"))

    @api.constrains("ukkr_ogrn")
    def _check_ukkr_ogrn(self):
        for partner in self:
            if partner.ukkr_ogrn:
                try:
                    identity_calc.clean("OGRN", partner.ukkr_ogrn)
                except RuleInputError as error:
                    raise ValidationError(identity_error(self.env, error, partner.display_name))

    # ------------------------------------------------------------------ who may read and change them
    @api.multi
    def write(self, vals):
        """The legal group changes the identification of payers it may not otherwise change: only those fields,
        only with its group (checked here, on the server), through the partner's own write (audited)."""
        if vals and set(vals) <= IDENTITY_FIELDS and self.env.uid != SUPERUSER_ID \
                and not self.check_access_rights("write", raise_exception=False):
            if not self.env.user.has_group(LEGAL_GROUP):
                raise AccessError(_("Only the legal group and the УККР manager change the identification of "
                                    "payers."))
            self.check_access_rule("read")
            self._ukkr_log_identity_read(sorted(vals), method="write")
            return super(ResPartner, self.sudo()).write(vals)
        return super().write(vals)

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        """Logs a user's read of the identification once, for the records asked: the reads the ORM makes inside
        (prefetching the same fields for other records of the cache) are not reads of the user."""
        state = self.env.cr.__dict__
        nested = state.get(_READING, 0)
        state[_READING] = nested + 1
        try:
            result = super().read(fields, load=load)
        finally:
            state[_READING] = nested
        if self.env.uid != SUPERUSER_ID and not nested:
            if fields:
                asked = IDENTITY_FIELDS & set(fields)
            else:   # every field the user may read: the identification only for its group
                asked = IDENTITY_FIELDS if self.env.user.has_group(LEGAL_GROUP) else ()
            if asked:
                self._ukkr_log_identity_read(sorted(asked))
        return result

    def _ukkr_log_identity_read(self, names, method="read"):
        """One auditlog entry per payer: who, when, which payer (its accounts' numbers, not its name) and which
        identification fields — no value (for a change, auditlog's own write log keeps old and new values)."""
        if not self:
            return
        Log = self.env["auditlog.log"].sudo()
        model = self.env["ir.model"].sudo()._get("res.partner")
        self.env.cr.execute("SELECT partner_id, string_agg(name, ', ' ORDER BY name) FROM ukkr_personal_account "
                            "WHERE partner_id IN %s GROUP BY partner_id", (tuple(self.ids),))
        accounts = dict(self.env.cr.fetchall())
        for partner_id in self.ids:
            Log.create({"name": _("Identification of the payer of %s") % (accounts.get(partner_id) or
                                                                        "#%d" % partner_id),
                        "model_id": model.id, "res_id": partner_id, "method": method, "user_id": self.env.uid,
                        "ukkr_fields_read": ", ".join(names)})


class ResPartnerIdNumber(models.Model):
    """Identity document numbers of payers (OCA partner_identification): check digits of the suite's categories,
    the number kept written one way; visible to the legal group only (record rules, ACL)."""
    _inherit = "res.partner.id_number"

    @api.model
    def create(self, vals):
        return super().create(self._ukkr_clean(vals))

    @api.multi
    def write(self, vals):
        if "name" in vals or "category_id" in vals:
            for number in self:
                super(ResPartnerIdNumber, number).write(number._ukkr_clean(dict(vals)))
            return True
        return super().write(vals)

    def _ukkr_clean(self, vals):
        category = self.env["res.partner.id_category"].browse(vals.get("category_id") or self.category_id.id)
        if category.code in identity_calc.CODES and vals.get("name", self.name):
            partner = self.env["res.partner"].browse(vals.get("partner_id") or self.partner_id.id)
            try:
                vals["name"] = identity_calc.clean(category.code, vals.get("name", self.name))
            except RuleInputError as error:
                raise ValidationError(identity_error(self.env, error, partner.sudo().display_name))
        return vals

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields, load=load)
        if self.env.uid != SUPERUSER_ID and self and not self.env.cr.__dict__.get(_READING):
            self.sudo().mapped("partner_id").sudo(self.env.uid)._ukkr_log_identity_read(
                ["id_numbers"])
        return result
