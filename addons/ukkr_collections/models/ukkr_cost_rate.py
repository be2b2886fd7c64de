from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

COST_KINDS = [("sms", "SMS message"), ("email", "E-mail"), ("registered_letter", "Registered letter with receipt"),
              ("payment_doc", "Text in the payment document"), ("gis", "ГИС ЖКХ message"),
              ("hand_delivery", "Hand delivery"), ("visit_hour", "Visit: one staff hour"),
              ("consultation", "Consultation"), ("agreement", "Agreement: preparation and signing"),
              ("state_duty", "State duty (when the court case has none computed)"),
              ("bailiff_fee", "Presenting a writ to the bailiffs"),
              ("limitation_works", "Limitation or suspension works (ПП № 354)")]


class UkkrCostRate(models.Model):
    """What one unit of a collection action costs the utility, over a period of dates, with its source (a tariff,
    a contract, the staff cost of an hour). A new tariff is a new record; the old one gets its end date.

    Every collection action carries its cost (``action_cost``, see ``ukkr.measure.action``): the rate in force on
    the action's date × its quantity, or the action's own sum where it has one (the state duty to pay of a court
    case). The cost-against-recovery report and the next-best-action estimates read these records.
    """
    _name = "ukkr.cost.rate"
    _inherit = "ukkr.rule.dated.mixin"
    _description = "Cost of a collection action"
    _order = "kind, date_from desc"
    _rec_name = "kind"

    kind = fields.Selection(COST_KINDS, "Action", required=True)
    amount = fields.Float("Cost of one unit, RUB", digits=(12, 2), required=True)
    unit = fields.Char("Unit", help="E.g. «сообщение», «письмо», «час сотрудника», «дело».")

    @api.multi
    def name_get(self):
        """«SMS message from 01.01.2026» — not the technical code (issue 17: no English where a user looks)."""
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        names = []
        for rate in self:   # a loop: _() reads the language from this frame
            names.append((rate.id, _("%s from %s") % (kinds.get(rate.kind, rate.kind or ""),
                                                      fields.Date.from_string(rate.date_from).strftime("%d.%m.%Y")
                                                      if rate.date_from else "")))
        return names

    @api.constrains("date_from", "date_to", "kind", "amount")
    def _check_rate(self):
        for rate in self:
            if rate.amount < 0:
                raise ValidationError(_("A cost cannot be negative."))
        self._check_dated(("kind",))

    @api.model
    def rates_on(self, on_date):
        """{kind: amount} of the rates in force on ``on_date``."""
        self.env.cr.execute("""SELECT kind, amount FROM ukkr_cost_rate WHERE date_from <= %s
                               AND (date_to IS NULL OR date_to >= %s)""", (on_date, on_date))
        return {kind: float(amount) for kind, amount in self.env.cr.fetchall()}
