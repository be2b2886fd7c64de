import base64
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import court_application_docx, court_register_docx
from odoo.addons.ukkr_debt_plan.models.groups import LAWYER as LEGAL_GROUP


def _ru(value):
    return fields.Date.from_string(value).strftime("%d.%m.%Y") if value else ""


def _safe(name):
    return re.sub(r"[^\w.\- №]+", "_", name or "").strip("_")[:80]


class UkkrCourtRegister(models.Model):
    """A register of applications to one court (measure 18: a batch as courts take it): the list of applications
    with debtor, period, sum and duty, a cover letter, and one ZIP with every application as DOCX and PDF — ready to
    be signed and uploaded. Its number and date are recorded on each court case it holds."""
    _name = "ukkr.court.register"
    _description = "Register of applications to a court"
    _order = "date desc, id desc"

    name = fields.Char("Register number", required=True, readonly=True, copy=False)
    date = fields.Date("Register date", required=True, readonly=True)
    court_name = fields.Char("Court", required=True, readonly=True)
    court_address = fields.Char("Court address", readonly=True)
    court_case_ids = fields.One2many("ukkr.court.case", "register_id", "Applications", readonly=True)
    case_count = fields.Integer("Applications", compute="_compute_totals")
    claim_total = fields.Float("Claims, RUB", digits=(14, 2), compute="_compute_totals")
    duty_total = fields.Float("State duty, RUB", digits=(14, 2), compute="_compute_totals")
    zip_id = fields.Many2one("ir.attachment", "ZIP for the court", readonly=True, ondelete="set null")
    register_file_id = fields.Many2one("ir.attachment", "Register (DOCX)", readonly=True, ondelete="set null")
    letter_file_id = fields.Many2one("ir.attachment", "Cover letter (DOCX)", readonly=True, ondelete="set null")
    user_id = fields.Many2one("res.users", "Prepared by", readonly=True, default=lambda self: self.env.user)

    _sql_constraints = [("name_uniq", "unique(name)", "A register number is used once.")]

    @api.depends("court_case_ids.claim_amount", "court_case_ids.state_duty")
    def _compute_totals(self):
        for register in self:
            cases = register.court_case_ids
            register.case_count = len(cases)
            register.claim_total = round(sum(cases.mapped("claim_amount")), 2)
            register.duty_total = round(sum(cases.mapped("state_duty")), 2)

    @api.model
    def _next_number(self, day):
        """«Р-2026-0001»: the registers of a year numbered in order."""
        year = day[:4]
        self.env.cr.execute("SELECT count(*) FROM ukkr_court_register WHERE name LIKE %s", ("Р-%s-%%" % year,))
        return "Р-%s-%04d" % (year, self.env.cr.fetchone()[0] + 1)

    @api.model
    def _make_registers(self, court_cases, day):
        """One register per court for ``court_cases`` (prepared applications not yet in a register), dated ``day``:
        the register, the cover letter and the ZIP (DOCX and PDF of every application). Everything is checked first;
        a refusal leaves all unchanged."""
        if not self.env.user.has_group(LEGAL_GROUP):
            raise AccessError(_("Registers of applications are made by the legal group and the УККР manager only."))
        if not court_cases:
            raise UserError(_("Select at least one prepared application."))
        if day > fields.Date.context_today(self):
            raise UserError(_("A register cannot be dated in the future (%s).") % _ru(day))
        for case in court_cases:
            if case.state != "prepared" or case.kind not in ("court_order", "claim"):
                raise UserError(_("Court case %s is not a prepared application for the debt.") % case.name)
            if case.register_id:
                raise UserError(_("Court case %s is already in register %s.") % (case.name, case.register_id.name))
            if not case.court_name:
                case.action_compute()
        court_cases._check_identification()
        claimant = court_cases[:1]._claimant()["name"]
        by_court = {}
        for case in court_cases.sorted(lambda c: (c.court_name or "", c.account_id.name)):
            by_court.setdefault(case.court_name, self.env["ukkr.court.case"])
            by_court[case.court_name] |= case
        report = self.env.ref("ukkr_collections.report_court_application")
        registers = self.browse()
        for court, cases in sorted(by_court.items()):
            number = self._next_number(day)
            register = self.sudo().create({"name": number, "date": day, "court_name": court,
                                           "court_address": cases[:1].court_address or "",
                                           "user_id": self.env.uid})
            files = []
            for case in cases:
                if not case.application_id:
                    case.action_generate_application()
                stem = _safe("Заявление %s %s" % (case.account_id.name, case.partner_id.sudo().name))
                files.append(("%s.docx" % stem, base64.b64decode(case.application_id.datas)))
                rendered = report.render_qweb_pdf(case.ids)
                # (content, type); Odoo 11 gives the bare HTML content on a test cursor (HTTP tests)
                pdf = rendered[0] if isinstance(rendered, tuple) else rendered
                files.append(("%s.pdf" % stem, pdf if isinstance(pdf, bytes) else pdf.encode("utf-8")))
            rows = [(case.partner_id.sudo().name, case.account_id.name, case._periods_text(), case.claim_amount,
                     case.state_duty) for case in cases]
            data = {"number": number, "date": _ru(day), "court": court, "court_address": register.court_address,
                    "claimant": claimant, "rows": rows, "total": round(sum(r[3] for r in rows), 2),
                    "duty_total": round(sum(r[4] for r in rows), 2), "signer": self.env.user.name}
            register_doc = court_register_docx.register(data)
            letter = court_register_docx.cover_letter(data)
            files = [("Реестр %s.docx" % number, register_doc), ("Сопроводительное письмо %s.docx" % number, letter)] \
                + files
            Attachment = self.env["ir.attachment"].sudo()

            def attach(name, content, mimetype, register=register):
                return Attachment.create({"name": name, "datas_fname": name, "datas": base64.b64encode(content),
                                          "res_model": self._name, "res_id": register.id, "mimetype": mimetype}).id
            docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            register.sudo().write({
                "register_file_id": attach("Реестр %s.docx" % number, register_doc, docx),
                "letter_file_id": attach("Сопроводительное письмо %s.docx" % number, letter, docx),
                "zip_id": attach("%s %s.zip" % (number, _safe(court)), court_register_docx.zip_bytes(files),
                                 "application/zip")})
            cases._transition({"register_id": register.id})
            registers |= register
        return registers

    def _read_register_text(self):
        """The register's DOCX text (for checks)."""
        self.ensure_one()
        return court_application_docx.read_text(base64.b64decode(self.register_file_id.datas))
