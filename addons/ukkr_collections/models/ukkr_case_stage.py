from odoo import fields, models

STAGE_CODES = [("identified", "Identified"), ("notified", "Notified"), ("agreement", "Agreement"),
               ("limitation", "Limitation"), ("court", "Court"), ("enforcement", "Enforcement"),
               ("paid", "Paid off"), ("written_off", "Written off")]


class UkkrCaseStage(models.Model):
    """A column of the debtor-case kanban. The code ties a stage to what the suite does automatically."""
    _name = "ukkr.case.stage"
    _description = "Debtor case stage"
    _order = "sequence, id"

    name = fields.Char("Stage", required=True, translate=True)
    code = fields.Selection(STAGE_CODES, "Meaning", required=True,
                            help="Which automatic step puts a case here (a notice delivered, an agreement signed, "
                                 "the debt paid…).")
    sequence = fields.Integer("Sequence", default=10)
    fold = fields.Boolean("Folded in the kanban")
    is_closing = fields.Boolean("Closes the case", help="A case in this stage is finished (paid off or written off).")
    active = fields.Boolean(default=True)
    description = fields.Text("What happens here", translate=True)
