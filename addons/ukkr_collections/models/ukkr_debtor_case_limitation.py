from odoo import api, fields, models


class UkkrDebtorCase(models.Model):
    """Cases: limitations of services (measure 14) and cheaper housing offers (measure 15), with the candidates
    filter for the housing department."""
    _inherit = "ukkr.debtor.case"

    limitation_ids = fields.One2many("ukkr.service.limitation", "case_id", "Service limitations")
    housing_offer_ids = fields.One2many("ukkr.housing.offer", "case_id", "Cheaper housing offers")
    housing_offer_candidate = fields.Boolean("Cheaper housing candidate", compute="_compute_housing_candidate",
                                             search="_search_housing_candidate")

    def _compute_housing_candidate(self):
        candidates = set(self.env["ukkr.housing.offer"]._candidate_account_ids())
        for case in self:
            case.housing_offer_candidate = case.account_id.id in candidates

    @api.model
    def _search_housing_candidate(self, operator, value):
        ids = self.env["ukkr.housing.offer"]._candidate_account_ids()
        positive = (operator == "=") == bool(value)
        return [("account_id", "in" if positive else "not in", ids)]
