from odoo import fields, models


class UkkrTravelBanRequest(models.Model):
    """Ходатайство о временном ограничении выезда должника из РФ (229-ФЗ ст.67; measure 22 of the order).

    Created only by ``ukkr.enforcement.proceeding.action_request_travel_ban`` once the rules say the debtor is
    eligible (``ukkr.rules.travel_ban_eligible``); the debt and the reason at that moment are kept.
    """
    _name = "ukkr.travel.ban.request"
    _description = "Travel ban request"
    _inherit = ["ukkr.case.action", "ukkr.workflow.mixin"]
    _order = "date desc, id desc"
    # made only by the proceeding's step, with the debt and grounds of that day
    _workflow_fields = ("proceeding_id", "debt", "reason", "account_id", "case_id", "date")

    _measure_number = 22
    _measure_amount_field = "debt"

    proceeding_id = fields.Many2one("ukkr.enforcement.proceeding", "Enforcement proceeding", required=True,
                                    ondelete="cascade", index=True, readonly=True)
    is_municipal = fields.Boolean(related="account_id.is_municipal", string="Municipal housing", store=True,
                                  readonly=True)
    debt = fields.Float("Debt under the writ", digits=(14, 2), readonly=True)
    reason = fields.Char("Grounds", readonly=True)
