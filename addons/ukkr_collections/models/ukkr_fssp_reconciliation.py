import base64
import hashlib
import time

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .billing_parser import BillingFileError
from .fssp_register_parser import parse_register

LAWYER = "ukkr_debt_plan.group_ukkr_lawyer"
KINDS = [("ok", "Matches"), ("missing_here", "Not in our records"), ("missing_there", "Not in the register"),
         ("amount", "Amount differs"), ("collected", "Collected differs"), ("state", "State differs")]
OPEN = ("presented", "in_progress")


class UkkrFsspReconciliation(models.Model):
    """Сверка с ФССП (measure 24): the bailiffs' register of the quarter matched to our proceedings.

    The register (CSV/XLSX in the ФССП department's export layout, or the short layout Номер ИП, Номер ИД, Должник,
    Сумма, Взыскано, Состояние: ``fssp_register_parser``) is read all or nothing; each row is matched by the
    proceeding number, then by the writ number; our proceedings at the bailiffs that the register lacks are listed
    too. A line per difference: missing here / missing there / amount / collected / state. The same file loaded
    again for the same quarter changes nothing; every attempt is in the import log with its file.
    """
    _name = "ukkr.fssp.reconciliation"
    _description = "Reconciliation with the bailiffs"
    _inherit = ["ukkr.measure.action", "mail.thread"]
    _order = "date desc, id desc"
    _measure_number = 24

    name = fields.Char("Number", readonly=True, copy=False)
    year = fields.Integer("Year", required=True, readonly=True)
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")], "Quarter", required=True,
                               readonly=True)
    date = fields.Date("Date", required=True, readonly=True, default=lambda self: fields.Date.context_today(self))
    department = fields.Char("ФССП department", readonly=True)
    file = fields.Binary("Register", attachment=True, readonly=True)
    filename = fields.Char("File name", readonly=True)
    user_id = fields.Many2one("res.users", "Done by", readonly=True, default=lambda self: self.env.user)
    line_ids = fields.One2many("ukkr.fssp.reconciliation.line", "reconciliation_id", "Lines", readonly=True)
    row_count = fields.Integer("Register rows", readonly=True)
    matched_count = fields.Integer("Matched", readonly=True)
    discrepancy_count = fields.Integer("Discrepancies", readonly=True)
    checksum = fields.Char("File checksum", readonly=True, index=True, copy=False)
    layout = fields.Selection([("export", "ФССП department's export"), ("short", "Short layout")], "Layout",
                              readonly=True)

    @api.model
    def import_content(self, content, filename, year, quarter, department=False):
        """Read the register and record the reconciliation; a Russian UserError and nothing written otherwise."""
        if not (self.env.user.has_group(LAWYER) or self.env.uid == 1):
            raise AccessError(_("Only the УККР lawyers reconcile with the bailiffs."))
        try:
            year, quarter = int(year), int(quarter)
        except (TypeError, ValueError):
            raise UserError(_("Choose the year and the quarter."))
        if quarter not in (1, 2, 3, 4) or not 2000 <= year <= 2100:
            raise UserError(_("Choose the year and the quarter."))
        started = time.time()
        content = content or b""
        checksum = hashlib.sha1(content).hexdigest()
        same = self.search([("year", "=", year), ("quarter", "=", str(quarter)), ("checksum", "=", checksum)],
                           limit=1)
        if same:
            return same   # the same register of the same quarter again: nothing changes
        Log = self.env["ukkr.billing.import"]
        result = {"kind": "fssp_register", "rows": 0, "created": 0, "updated": 0, "skipped": 0, "errors": []}
        try:
            rows, errors = parse_register(content, filename)
        except BillingFileError as error:
            result["errors"] = [(0, str(error))]
            Log._log(filename, content, result, "failed", time.time() - started)
            raise UserError(_("The ФССП register is not accepted: %s") % error)
        if errors:
            result.update(rows=len(rows) + len(errors), errors=errors)
            Log._log(filename, content, result, "failed", time.time() - started)
            shown = "\n".join("строка %d: %s" % error for error in errors[:20])
            more = "\n… и ещё %d" % (len(errors) - 20) if len(errors) > 20 else ""
            raise UserError(_("The ФССП register is not accepted, nothing was changed:\n%s%s") % (shown, more))
        lines = self._match(rows)
        departments = sorted({row["department"] for row in rows if row.get("department")})
        record = self.create({
            "year": year, "quarter": str(quarter), "department": department or ", ".join(departments)[:200] or False,
            "file": base64.b64encode(content), "filename": filename, "row_count": len(rows),
            "checksum": checksum, "layout": rows[0]["layout"] if rows else False,
            "matched_count": sum(1 for line in lines if line["kind"] == "ok"),
            "discrepancy_count": sum(1 for line in lines if line["kind"] != "ok"),
            "line_ids": [(0, 0, line) for line in lines]})
        self.env.cr.execute("UPDATE ukkr_fssp_reconciliation SET name = 'СВ-' || lpad(id::text, 6, '0') "
                            "WHERE id = %s", (record.id,))
        record.invalidate_cache(["name"], record.ids)
        result.update(rows=len(rows), created=len(lines))
        Log._log(filename, content, result, "done", time.time() - started)
        return record

    @api.model
    def _match(self, rows):
        """Line values: matched by proceeding number, then writ number; then ours the register lacks."""
        Proceeding = self.env["ukkr.enforcement.proceeding"].sudo()
        ours = Proceeding.search([("route", "=", "bailiff"), ("state", "!=", "draft")])
        by_number = {p.proceeding_number.strip(): p for p in ours if p.proceeding_number}
        by_writ = {}
        for proceeding in ours.sorted(lambda p: p.date_presented or "", reverse=True):
            by_writ.setdefault(proceeding.writ_number.strip(), proceeding)
        used, lines = set(), []
        for row in rows:
            proceeding = by_number.get(row["proceeding_number"]) or by_writ.get(row["writ_number"])
            values = {"proceeding_number": row["proceeding_number"], "writ_number": row["writ_number"],
                      "debtor": row["debtor"], "amount": row["amount"], "collected": row["collected"],
                      "fssp_state": row["state_text"]}
            if not proceeding or proceeding.id in used:
                lines.append(dict(values, kind="missing_here"))
                continue
            used.add(proceeding.id)
            values.update(proceeding_id=proceeding.id, our_amount=proceeding.writ_amount,
                          our_collected=proceeding.recovered)
            our_state = "in_progress" if proceeding.state == "presented" else proceeding.state
            differences = []
            if abs(proceeding.writ_amount - row["amount"]) >= 0.005:
                differences.append("amount")
            if abs(proceeding.recovered - row["collected"]) >= 0.005:
                differences.append("collected")
            if our_state != row["state"]:
                differences.append("state")
            if not differences:
                lines.append(dict(values, kind="ok"))
            for kind in differences:
                lines.append(dict(values, kind=kind))
        for proceeding in ours:
            if proceeding.state in OPEN and proceeding.id not in used:
                lines.append({"proceeding_id": proceeding.id, "kind": "missing_there",
                              "proceeding_number": proceeding.proceeding_number or "",
                              "writ_number": proceeding.writ_number, "our_amount": proceeding.writ_amount,
                              "our_collected": proceeding.recovered})
        return lines

    @api.model
    def _measure_figures(self, date_from, date_to, numbers=None):
        """Measure 24 counts the reconciliations done in the range (a reconciliation has no personal account, so
        there is no «paid after» result); the sum is the register rows checked."""
        if numbers and self._measure_number not in numbers:
            return []
        self.env.cr.execute("""SELECT count(*), coalesce(sum(row_count), 0) FROM ukkr_fssp_reconciliation
                               WHERE date >= %s AND date <= %s""", (date_from, date_to))
        count, rows = self.env.cr.fetchone()
        if not count:
            return []
        return [{"measure": self._measure_number, "model": self._name, "action": self._measure_action_label(),
                 "count": count, "amount": float(rows), "recovered": 0.0}]
