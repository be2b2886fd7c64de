from collections import defaultdict

from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.ukkr_collections.models.ukkr_personal_account import rub

from ..models import report_calc



class BuildingDebtNotice(models.AbstractModel):
    """Entrance notice of a building's debt (measure 11): the building's total overdue debt, the number of debtor
    premises and, for buildings of at least the configured number of apartments, apartment numbers with amounts.
    Never a name or any other payer data (152-ФЗ); small buildings get the total only, as one apartment of a
    small house is too easily tied to its residents.

    Figures come from the latest closed month's snapshots (or ``data['period']``).
    """
    _name = "report.ukkr_reports.building_debt_notice_document"
    _inherit = "ukkr.report.mixin"
    _description = "Building debt notice"

    @api.model
    def get_report_values(self, docids, data=None):
        self._check_report_access()
        period = (data or {}).get("period") or self._latest_closed_period()
        if not period:
            raise UserError(_("No month is closed yet: the notice shows the debt of the last closed month."))
        close = self._closed_month(period)
        buildings = self.env["ukkr.building"].sudo().browse(docids)
        return {"doc_ids": docids, "doc_model": "ukkr.building", "docs": buildings,
                "notices": self.notices(buildings, close),
                "channels": self.env["ukkr.payment.channel"]._payer_channels()}   # measure 16: the register

    @api.model
    def notices(self, buildings, close):
        """``[{'building', 'address', 'as_of', 'total', 'debtors', 'apartments', 'show_list', 'min_apartments',
        'rows': [(label, amount)]}]`` — amounts already formatted the Russian way."""
        minimum = self._notice_min_apartments()
        cr = self.env.cr
        cr.execute("""SELECT building_id, count(*) FROM ukkr_personal_account
                      WHERE building_id = ANY(%s) AND state = 'active' GROUP BY building_id""", (buildings.ids,))
        sizes = dict(cr.fetchall())
        cr.execute("""
            SELECT s.building_id, a.apartment, a.name, s.overdue_debt FROM ukkr_debt_snapshot s
            JOIN ukkr_personal_account a ON a.id = s.account_id
            WHERE s.close_id = %s AND s.building_id = ANY(%s) AND s.overdue_debt > 0""", (close.id, buildings.ids))
        debts = defaultdict(list)
        for building_id, apartment, number, amount in cr.fetchall():
            debts[building_id].append((report_calc.apartment_label(apartment, number), amount))
        as_of = report_calc.period_bounds(close.period)[1].strftime("%d.%m.%Y")
        result = []
        for building in buildings:
            rows = sorted(debts.get(building.id, []), key=lambda r: report_calc.natural_key(r[0]))
            size = sizes.get(building.id, 0)
            result.append({
                "building": building, "address": building.name, "as_of": as_of,
                "total": rub(round(sum(amount for _label, amount in rows), 2)), "debtors": len(rows),
                "total_amount": round(sum(amount for _label, amount in rows), 2),
                "apartments": size, "show_list": size >= minimum, "min_apartments": minimum,
                "rows": [(label, rub(amount)) for label, amount in rows]})
        return result
