"""The formats the utility's partners send, through the billing importer's one path (parse → check against the
database → write in a savepoint → log with the file; all or nothing, a second import changes nothing):

- ``bank_statement``: the bank's statement in the 1C «Клиент банка» exchange format (``bank_statement_parser``);
- ``payment_register``: a bank's payment register (``payment_register_parser``);
- ``key_rates``: the Bank of Russia's key-rate file (``key_rate_parser``) into ``ukkr.rule.key.rate``.

Payments whose personal account is found become ``ukkr.payment`` rows (channel «bank»), allocated like the billing
system's payments; the others are listed in ``ukkr.unmatched.payment`` for the operator to match by hand.
"""
from psycopg2.extras import execute_values

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from . import bank_statement_parser, key_rate_parser, payment_register_parser

PAYMENT_FORMATS = ("bank_statement", "payment_register")
FORMATS = ("billing", "bank_statement", "payment_register", "key_rates")


def _ru_date(day):
    return day.strftime("%d.%m.%Y")


def _pct(rate):
    return ("%.2f" % rate).replace(".", ",") + " %"


class UkkrBillingImportFormats(models.Model):
    _inherit = "ukkr.billing.import"

    # ------------------------------------------------------------------ which format, who may load it
    @api.model
    def _detect_format(self, content, filename, file_format):
        if file_format not in (None, "auto"):
            if file_format not in FORMATS:
                raise AccessError(_("Unknown file format «%s».") % file_format)
            return file_format
        head = content[:64].lstrip(b"\xef\xbb\xbf \r\n")
        if head.startswith(bank_statement_parser.HEADER.encode("ascii")):
            return "bank_statement"
        if key_rate_parser.is_key_rate_file(content, filename):
            return "key_rates"
        if not (filename or "").lower().endswith(".xlsx") and content[:2] != b"PK":
            lines = [line.strip() for line in content[-400:].splitlines() if line.strip()]
            if lines and lines[-1].startswith(b"="):
                return "payment_register"
        return "billing"

    @api.model
    def _check_import_access(self, file_format):
        if file_format == "key_rates":
            if self.env.uid != SUPERUSER_ID and not self.env["ukkr.rule.key.rate"].check_access_rights(
                    "create", raise_exception=False):
                raise AccessError(_("Key rates are loaded by those who keep the legal rules (the УККР — manager "
                                    "group)."))
            return
        return super()._check_import_access(file_format)

    @api.model
    def _parse_file(self, content, filename, today, file_format):
        if file_format == "bank_statement":
            return bank_statement_parser.parse_statement(content, filename, today)
        if file_format == "payment_register":
            return payment_register_parser.parse_payment_register(content, filename, today)
        if file_format == "key_rates":
            return dict(key_rate_parser.parse_key_rates(content, filename, today), filename=filename)
        return super()._parse_file(content, filename, today, file_format)

    # ------------------------------------------------------------------ checks against the database
    def _check_against_database(self, parsed):
        if parsed["kind"] in PAYMENT_FORMATS:
            self._match_accounts(parsed)
            return []
        if parsed["kind"] == "key_rates":
            return self._check_key_rates(parsed)
        return super()._check_against_database(parsed)

    def _match_accounts(self, parsed):
        """Each payment gets ``account_id`` when exactly one known personal account is named (the register's
        column, or the numbers found in the statement's purpose), else None: listed for manual matching."""
        numbers = set()
        for row in parsed["rows"]:
            row["candidates"] = row.get("candidates") or ([row["account"]] if row.get("account") else [])
            numbers.update(row["candidates"])
        known = self._account_ids(numbers) if numbers else {}
        for row in parsed["rows"]:
            found = sorted({known[n] for n in row["candidates"] if n in known})
            row["account_id"] = found[0] if len(found) == 1 else None

    def _check_key_rates(self, parsed):
        """The file describes the rate of every day from its first to its last date; the records are made to say
        the same. Change days missing from the records are created, records on a change day with another rate are
        corrected; a record inside the file's range that the file contradicts, or a file that starts after an
        unrecorded change, is refused (the records are legal data: nothing is deleted silently). Each row gets
        ``action``: 'create', 'update' (with ``record_id``) or None."""
        rows = parsed["rows"]
        for row in rows:
            row["action"] = None
        if not rows:
            return []
        first, last = rows[0]["date"], rows[-1]["date"]
        self.env.cr.execute("SELECT id, date_from, rate FROM ukkr_rule_key_rate ORDER BY date_from")
        records = [(rid, fields.Date.from_string(day) if isinstance(day, str) else day, float(rate))
                   for rid, day, rate in self.env.cr.fetchall()]
        before = [r for r in records if r[1] < first]
        by_day = {r[1]: r for r in records}
        rate_before = before[-1][2] if before else None
        errors = []
        if rate_before is not None and first not in by_day and abs(rate_before - rows[0]["rate"]) >= 0.0001:
            errors.append((rows[0]["row"], _("the file starts on %s with %s, but the records give %s from %s and the "
                                             "day the rate changed is not in the file: load a file that starts no "
                                             "later than %s")
                           % (_ru_date(first), _pct(rows[0]["rate"]), _pct(rate_before), _ru_date(before[-1][1]),
                              _ru_date(before[-1][1]))))
        changes = key_rate_parser.rate_changes(rows, rate_before)
        change_days = {row["date"] for row in changes}
        for row in changes:
            record = by_day.get(row["date"])
            if not record:
                row["action"] = "create"
            elif abs(record[2] - row["rate"]) >= 0.0001:
                row.update(action="update", record_id=record[0])
        for _rid, day, rate in records:
            if first < day <= last and day not in change_days:
                file_rate = [row["rate"] for row in rows if row["date"] <= day][-1]
                if abs(file_rate - rate) >= 0.0001:
                    errors.append((0, _("the record from %s (%s) contradicts the file, where the rate of that day is "
                                        "%s with no change: correct or delete that record by hand first")
                                   % (_ru_date(day), _pct(rate), _pct(file_rate))))
        source = _("Bank of Russia: key rate from %s (file «%s», loaded %s)")
        today = _ru_date(fields.Date.from_string(fields.Date.context_today(self)))
        for row in rows:
            row["source"] = source % (_ru_date(row["date"]), parsed.get("filename", ""), today)
        return errors

    # ------------------------------------------------------------------ writers
    def _write_bank_statement(self, rows, dry_run=False):
        return self._write_bank_payments(rows, "bank_statement", dry_run)

    def _write_payment_register(self, rows, dry_run=False):
        return self._write_bank_payments(rows, "payment_register", dry_run)

    def _write_bank_payments(self, rows, source, dry_run):
        """Matched payments into the ledger (by the billing payments' own writer), the others into the list of
        unmatched payments; documents already loaded — as payments or as unmatched — are skipped."""
        cr = self.env.cr
        docs = [row["doc"] for row in rows]
        cr.execute("SELECT doc FROM ukkr_payment WHERE doc = ANY(%s) UNION "
                   "SELECT doc FROM ukkr_unmatched_payment WHERE doc = ANY(%s)", (docs, docs))
        known = {doc for (doc,) in cr.fetchall()}
        fresh = [row for row in rows if row["doc"] not in known]
        matched = [row for row in fresh if row["account_id"]]
        unmatched = [row for row in fresh if not row["account_id"]]
        counts = {"created": len(matched), "updated": 0, "skipped": len(rows) - len(fresh),
                  "unmatched": len(unmatched)}
        if dry_run or not fresh:
            return counts
        numbers = {row["account_id"]: None for row in matched}
        cr.execute("SELECT id, name FROM ukkr_personal_account WHERE id = ANY(%s)", (list(numbers),))
        names = dict(cr.fetchall())
        if matched:
            self._write_payments([{"account": names[row["account_id"]], "date": row["date"], "amount": row["amount"],
                                   "period": row.get("period"), "doc": row["doc"], "channel": "bank"}
                                  for row in matched])
        if unmatched:
            audit = self._audit_values()
            execute_values(cr, """
                INSERT INTO ukkr_unmatched_payment (doc, source, date, amount, payer, payer_inn, payer_account,
                                                    purpose, account_number, candidates, period, state,
                                                    create_uid, create_date, write_uid, write_date)
                SELECT v.doc, v.source, v.date::date, v.amount, v.payer, v.payer_inn, v.payer_account, v.purpose,
                       v.account_number, v.candidates, v.period, 'unmatched', v.cu, v.cd::timestamp, v.wu,
                       v.wd::timestamp
                FROM (VALUES %s) AS v(doc, source, date, amount, payer, payer_inn, payer_account, purpose,
                                      account_number, candidates, period, cu, cd, wu, wd)
                ON CONFLICT (doc) DO NOTHING""",
                [(row["doc"], source, row["date"].isoformat(), row["amount"], row.get("payer") or None,
                  row.get("payer_inn") or None, row.get("payer_account") or None, row.get("purpose") or None,
                  row.get("account") or None, ", ".join(row.get("candidates") or []) or None, row.get("period"))
                 + audit for row in unmatched], page_size=2000)
            self.env["ukkr.unmatched.payment"].invalidate_cache()
        return counts

    def _write_key_rates(self, rows, dry_run=False):
        """Change days into key-rate records (written as the importing user: the access rights apply)."""
        create = [row for row in rows if row["action"] == "create"]
        update = [row for row in rows if row["action"] == "update"]
        counts = {"created": len(create), "updated": len(update), "skipped": len(rows) - len(create) - len(update)}
        if dry_run:
            return counts
        KeyRate = self.env["ukkr.rule.key.rate"]
        for row in create:
            KeyRate.create({"date_from": fields.Date.to_string(row["date"]), "rate": row["rate"],
                            "source": row["source"], "confidence": "high"})
        for row in update:
            KeyRate.browse(row["record_id"]).write({"rate": row["rate"], "source": row["source"],
                                                    "confidence": "high"})
        return counts
