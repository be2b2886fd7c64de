from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ukkr_collections.models.ukkr_monthly_close import PARAM_AUTO_CLOSE_DAY

from .ukkr_report_mixin import (DEFAULT_NOTICE_MIN_APARTMENTS, DEFAULT_SIGNATORY_POSITION, PARAM_AUTO_SEND,
                                PARAM_NOTICE_MIN_APARTMENTS, PARAM_RECIPIENTS, PARAM_SIGNATORY_NAME,
                                PARAM_SIGNATORY_POSITION)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ukkr_report_recipients = fields.Char(
        "Monthly report recipients", help="E-mail addresses of the administration, separated by commas: the "
                                          "monthly report is sent to them after each monthly close.")
    ukkr_report_auto_send = fields.Boolean(
        "Send the monthly report after the close", default=True,
        help="Generate the report, attach it to the plan's measure 5 execution, submit it and e-mail it.")
    ukkr_report_signatory_position = fields.Char("Signatory's position")
    ukkr_report_signatory_name = fields.Char("Signatory")
    ukkr_notice_min_apartments = fields.Integer(
        "Apartments listed on entrance notices from", default=DEFAULT_NOTICE_MIN_APARTMENTS,
        help="Buildings with fewer apartments get the building's total only on the entrance notice (152-ФЗ).")
    ukkr_auto_close_day = fields.Integer(
        "Close the previous month automatically from day", default=0,
        help="The daily scheduled close shuts the previous month only once its accruals are imported, and not before "
             "this day of the month (0: as soon as the accruals are in).")

    @api.model
    def get_values(self):
        res = super().get_values()
        get = self.env["ir.config_parameter"].sudo().get_param
        res.update(
            ukkr_report_recipients=get(PARAM_RECIPIENTS, ""),
            ukkr_report_auto_send=get(PARAM_AUTO_SEND, "1") not in ("0", "False", "false", ""),
            ukkr_report_signatory_position=get(PARAM_SIGNATORY_POSITION, DEFAULT_SIGNATORY_POSITION),
            ukkr_report_signatory_name=get(PARAM_SIGNATORY_NAME, ""),
            ukkr_notice_min_apartments=int(get(PARAM_NOTICE_MIN_APARTMENTS, DEFAULT_NOTICE_MIN_APARTMENTS) or 0),
            ukkr_auto_close_day=int(get(PARAM_AUTO_CLOSE_DAY, "0") or 0))
        return res

    @api.multi
    def set_values(self):
        super().set_values()
        if self.ukkr_notice_min_apartments < 1:
            raise ValidationError(_("Entrance notices list apartments from at least 1 apartment per building."))
        if not 0 <= self.ukkr_auto_close_day <= 28:
            raise ValidationError(_("The day of the automatic close is between 1 and 28 (0: no day)."))
        recipients = [r.strip() for r in (self.ukkr_report_recipients or "").replace(";", ",").split(",")
                      if r.strip()]
        bad = [r for r in recipients if "@" not in r]
        if bad:
            raise ValidationError(_("«%s» is not an e-mail address.") % bad[0])
        put = self.env["ir.config_parameter"].sudo().set_param
        put(PARAM_RECIPIENTS, ", ".join(recipients))
        put(PARAM_AUTO_SEND, "1" if self.ukkr_report_auto_send else "0")
        put(PARAM_SIGNATORY_POSITION, self.ukkr_report_signatory_position or "")
        put(PARAM_SIGNATORY_NAME, self.ukkr_report_signatory_name or "")
        put(PARAM_NOTICE_MIN_APARTMENTS, str(self.ukkr_notice_min_apartments))
        put(PARAM_AUTO_CLOSE_DAY, str(self.ukkr_auto_close_day or 0))
