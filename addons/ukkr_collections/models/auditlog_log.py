from odoo import fields, models


class AuditlogLog(models.Model):
    _inherit = "auditlog.log"

    ukkr_fields_read = fields.Char("Fields read", readonly=True,
                                   help="For a read: which fields of the record were read (their values are not "
                                        "kept in the log).")
