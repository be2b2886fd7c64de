import base64
import io

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from . import court_application_docx

TEMPLATE_KINDS = [("court_order", "Application for a court order (ГПК 124)"),
                  ("claim", "Claim for the debt (ГПК 131)")]
# the fields a template may use: the application's data (ukkr.court.case._application_data) and the money format
FIELDS = {
    "court": "the court with its precinct", "court_heading": "«Мировому судье …» / «В … суд»",
    "court_address": "the court's address",
    "claimant": "claimant: name, address, inn, ogrn", "debtor": "debtor: name, address, account, payer_kind, "
    "birthdate, birth_place, identifier (label, number), identifier_unknown, ogrn",
    "debtor_block": "the debtor's lines as ГПК 124 ч.2 п.3 names him", "lines": "the debt by period: (period, due "
    "date, principal, penalty)", "principal": "principal", "penalty": "penalties", "claim": "the claim",
    "duty": "state duty", "duty_credit": "duty credited (НК 333.40)", "duty_to_pay": "duty to pay",
    "duty_payment_doc": "the duty's payment document", "penalty_date": "penalties to", "date": "date",
    "title": "the document's title", "kind": "court_order or claim", "attachments": "the attachments",
    "signer": "who signs", "money": "money(x): 12 345,67",
}


class UkkrDocumentTemplate(models.Model):
    """A DOCX template of a statutory document that the lawyers own (docxtpl: Word text with {{ fields }}), per
    kind and dated: the legal group downloads it, edits it in Word and uploads it back. An upload whose fields do not
    resolve is refused with the names of the unknown fields. Without a template in force the suite's own layout
    (court_application_docx) is used — the shipped default, which «Download the default» gives as a template."""
    _name = "ukkr.document.template"
    _description = "Document template"
    _order = "kind, date_from desc"

    name = fields.Char("Name", required=True)
    kind = fields.Selection(TEMPLATE_KINDS, "Document", required=True)
    date_from = fields.Date("In force from", required=True)
    date_to = fields.Date("In force to")
    file = fields.Binary("Template (DOCX)", attachment=True, required=True)
    filename = fields.Char("File name")
    note = fields.Text("Note")
    fields_help = fields.Text("Fields", compute="_compute_fields_help")

    def _compute_fields_help(self):
        text = "\n".join("{{ %s }} — %s" % item for item in sorted(FIELDS.items()))
        for template in self:
            template.fields_help = text

    @api.constrains("file", "date_from", "date_to", "kind")
    def _check_template(self):
        from docxtpl import DocxTemplate
        from jinja2 import TemplateError
        for template in self:
            if template.date_to and template.date_to < template.date_from:
                raise ValidationError(_("A template's period ends before it starts."))
            if self.search_count([("id", "!=", template.id), ("kind", "=", template.kind),
                                  ("date_from", "<=", template.date_to or "9999-12-31"),
                                  "|", ("date_to", "=", False), ("date_to", ">=", template.date_from)]):
                raise ValidationError(_("Two templates of this document would be in force on the same days: set «In "
                                        "force to» on the older one first."))
            try:
                document = DocxTemplate(io.BytesIO(base64.b64decode(template.file)))
                names = document.get_undeclared_template_variables()
            except TemplateError as error:
                raise ValidationError(_("The template's fields are not written right: %s") % error)
            except Exception:   # python-docx raises many kinds for a file that is not a DOCX
                raise ValidationError(_("The file is not a Word document (DOCX)."))
            unknown = sorted(set(names) - set(FIELDS))
            if unknown:
                raise ValidationError(_("The template uses fields the suite does not know: %s. Known fields: %s.")
                                      % (", ".join(unknown), ", ".join(sorted(FIELDS))))

    @api.model
    def _in_force(self, kind, on_date):
        return self.search([("kind", "=", kind), ("date_from", "<=", on_date), "|", ("date_to", "=", False),
                            ("date_to", ">=", on_date)], order="date_from desc", limit=1)

    @api.model
    def _render(self, kind, on_date, data):
        """The document's bytes: the template in force for ``kind`` on ``on_date`` filled with ``data``, or the
        suite's own layout when there is none."""
        template = self.sudo()._in_force(kind, on_date)
        if not template:
            return court_application_docx.build(data)
        from docxtpl import DocxTemplate
        document = DocxTemplate(io.BytesIO(base64.b64decode(template.file)))
        context = dict(data, money=court_application_docx.money,
                       debtor_block=court_application_docx.debtor_block(data["debtor"]),
                       court_heading=court_application_docx.court_heading(data["court"]))
        document.render(context)
        stream = io.BytesIO()
        document.save(stream)
        return stream.getvalue()

    @api.multi
    def action_load_default(self):
        """Put the suite's default template of this kind in the file: the layout the suite prints, its values as
        fields to edit in Word."""
        for template in self:
            template.write({"file": base64.b64encode(court_application_docx.default_template(template.kind)),
                            "filename": "%s.docx" % template.kind})
        return True
