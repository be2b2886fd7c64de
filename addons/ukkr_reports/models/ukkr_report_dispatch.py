from odoo import fields, models


class UkkrReportDispatch(models.Model):
    """Log of a report sent after a close (the monthly report; after a quarter's last month also the quarterly
    write-off report): the file, the plan execution it evidences, the e-mail."""
    _name = "ukkr.report.dispatch"
    _description = "Monthly report dispatch"
    _order = "date desc, id desc"
    _rec_name = "period"

    report = fields.Selection([("monthly", "Monthly report (measures 5, 21, 26)"),
                               ("write_off", "Quarterly write-off report (measure 28)")], "Report",
                              required=True, readonly=True, default="monthly", index=True)
    period = fields.Char("Period", size=7, required=True, readonly=True, index=True,
                         help="YYYY-MM for the monthly report, YYYY-Qn for the quarterly write-off report.")
    close_id = fields.Many2one("ukkr.monthly.close", "Monthly close", readonly=True, ondelete="set null")
    date = fields.Datetime("Generated on", required=True, readonly=True, default=fields.Datetime.now)
    state = fields.Selection([("done", "Sent"), ("failed", "Failed")], "Status", required=True, readonly=True)
    attachment_id = fields.Many2one("ir.attachment", "Report file", readonly=True, ondelete="set null")
    execution_id = fields.Many2one("ukkr.plan.execution", "Plan execution", readonly=True, ondelete="set null")
    mail_id = fields.Many2one("mail.mail", "E-mail", readonly=True, ondelete="set null")
    recipients = fields.Char("Recipients", readonly=True)
    note = fields.Text("Note", readonly=True)
    duration = fields.Float("Seconds", digits=(8, 2), readonly=True)
