from odoo import fields, models

TOPICS = [("subsidy", "Housing subsidy"), ("exchange", "Exchange for cheaper housing"),
          ("installment", "Installment plan"), ("work_off", "Working off the debt"), ("other", "Other")]
OUTCOMES = [("informed", "Informed"), ("subsidy_applied", "Applied for a subsidy"),
            ("agreement_planned", "Will sign an agreement"), ("refused", "Not interested"), ("other", "Other")]


class UkkrConsultation(models.Model):
    """Консультация должника (measure 9): subsidy, apartment exchange, installment options, and what came of it."""
    _name = "ukkr.consultation"
    _description = "Debtor consultation"
    _inherit = ["ukkr.case.action", "mail.thread"]
    _order = "date desc, id desc"
    _measure_number = 9

    topic = fields.Selection(TOPICS, "Topic", required=True, default="subsidy")
    form = fields.Selection([("office", "At the office"), ("phone", "By phone"), ("visit", "During a visit"),
                             ("online", "Online")], "Form", required=True, default="office")
    outcome = fields.Selection(OUTCOMES, "Outcome", required=True, default="informed", track_visibility="onchange")
    note = fields.Text("Details")
