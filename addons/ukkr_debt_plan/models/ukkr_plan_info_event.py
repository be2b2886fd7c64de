from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

EVENT_MEASURE = {"letter_employer": 7}


class UkkrPlanInfoEvent(models.Model):
    """Measure 6 (informing the population) and measure 7 (letters to employers' heads)."""
    _name = "ukkr.plan.info.event"
    _description = "Information event"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char("Title", required=True)
    date = fields.Date("Date", required=True, default=lambda self: fields.Date.context_today(self), index=True)
    kind = fields.Selection([("campaign", "Information campaign"), ("publication", "Publication"),
                             ("stand", "Notice board"), ("leaflet", "Leaflets"),
                             ("letter_employer", "Letter to an employer")], "Kind", required=True,
                            default="publication")
    channel = fields.Selection([("media", "Mass media"), ("website", "Website"), ("social", "Social networks"),
                                ("stand", "Information stands"), ("leaflet", "Leaflets"), ("letter", "Letter"),
                                ("meeting", "Meeting")], "Channel", required=True, default="website")
    measure_id = fields.Many2one("ukkr.plan.measure", "Measure", required=True, ondelete="restrict",
                                 default=lambda self: self.env["ukkr.plan.measure"]._find_in_force(6))
    audience = fields.Char("Audience")
    audience_size = fields.Integer("Audience reached")
    employer_partner_id = fields.Many2one("res.partner", "Employer",
                                          help="For a letter to an employer: the organisation written to.")
    topic = fields.Text("Content")
    result = fields.Text("Result")
    user_id = fields.Many2one("res.users", "Responsible", default=lambda self: self.env.user)

    @api.onchange("kind")
    def _onchange_kind(self):
        measure = self.env["ukkr.plan.measure"]._find_in_force(EVENT_MEASURE.get(self.kind, 6))
        if measure:
            self.measure_id = measure
        if self.kind == "letter_employer":
            self.channel = "letter"

    @api.constrains("audience_size", "kind", "employer_partner_id")
    def _check_values(self):
        for event in self:
            if event.audience_size < 0:
                raise ValidationError(_("The audience reached cannot be negative."))
            if event.kind == "letter_employer" and not event.employer_partner_id:
                raise ValidationError(_("A letter to an employer names the employer."))
