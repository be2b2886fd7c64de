import base64
import logging
from datetime import datetime

import psycopg2
from psycopg2.extras import execute_values

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import db_locks
from .ukkr_personal_account import rub
from .sql_copy import copy_rows
from .billing_parser import IDENTITY_COLUMNS, LABELS, MAX_FILE_BYTES, BillingFileError, parse_billing_file

_logger = logging.getLogger(__name__)
KIND_LABELS = [("accounts", "Personal accounts"), ("accruals", "Accruals"), ("payments", "Payments"),
               ("bank_statement", "Bank statement (1C)"), ("payment_register", "Bank payment register"),
               ("key_rates", "Key rates of the Bank of Russia"), ("fssp_register", "ФССП register")]
MAX_LISTED_ERRORS = 50


class UkkrBillingImport(models.Model):
    """One import of a billing-system file, kept as a log with the file attached.

    Scripting API: ``env['ukkr.billing.import'].import_content(content_bytes, filename, dry_run=False,
    file_format='auto')`` → dict with ``kind, rows, created, updated, skipped, errors``. The other formats the utility
    receives (bank statements, bank payment registers, the Bank of Russia's key rates: ``ukkr_import_formats.py``)
    go through the same path: parse, check against the database, write inside a savepoint, log. All-or-nothing: any error and nothing is written (the log
    is still kept, written through its own cursor); a real run raises UserError listing the errors.
    Writes are set-based (INSERT … ON CONFLICT over the whole file), never a per-row ORM loop.
    """
    _name = "ukkr.billing.import"
    _description = "Billing file import"
    _order = "id desc"

    name = fields.Char("File", required=True, readonly=True)
    kind = fields.Selection(KIND_LABELS, "Kind", readonly=True)
    state = fields.Selection([("done", "Imported"), ("dry_run", "Checked (dry run)"), ("failed", "Refused")],
                             "Result", readonly=True)
    user_id = fields.Many2one("res.users", "By", readonly=True, default=lambda self: self.env.user)
    row_count = fields.Integer("Rows", readonly=True)
    created_count = fields.Integer("Created", readonly=True)
    updated_count = fields.Integer("Updated", readonly=True)
    skipped_count = fields.Integer("Unchanged", readonly=True)
    unmatched_count = fields.Integer("Listed for manual matching", readonly=True,
                                     help="Bank payments whose personal account was not recognised.")
    error_count = fields.Integer("Errors", readonly=True)
    error_text = fields.Text("Errors", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", "File", readonly=True)
    duration = fields.Float("Seconds", readonly=True, digits=(8, 2))

    # ------------------------------------------------------------------ API
    @api.model
    def import_content(self, content, filename, dry_run=False, file_format="auto"):
        import time
        started = time.time()
        if isinstance(content, str):   # a CSV sent as text over RPC
            content = content.encode("utf-8")
        if not isinstance(content, bytes):
            raise UserError(_("The file's content is missing or not a file."))
        file_format = self._detect_format(content, filename, file_format)
        self._check_import_access(file_format)
        today = fields.Date.from_string(fields.Date.context_today(self))
        result = {"kind": None, "rows": 0, "created": 0, "updated": 0, "skipped": 0, "errors": []}
        lock_error = None if dry_run else self._lock_for_import()
        try:
            if lock_error:
                raise BillingFileError(lock_error)
            parsed = self._parse_file(content, filename, today, file_format)
        except BillingFileError as error:
            result["errors"] = [(0, str(error))]
        else:
            result.update(kind=parsed["kind"], rows=len(parsed["rows"]) + len(parsed["errors"]))
            result["errors"] = parsed["errors"] + self._check_against_database(parsed)
            if parsed.get("identity_columns") and self.env.uid != SUPERUSER_ID \
                    and not self.env.user.has_group("ukkr_debt_plan.group_ukkr_lawyer"):
                # the debtor's identification is for the legal group and the manager only (152-ФЗ)
                result["errors"] = [(0, _("The file has identification columns (%s): such a file is loaded by the "
                                          "legal group or the УККР manager only.")
                                     % ", ".join(LABELS[c] for c in parsed["identity_columns"]))]
            result["errors"].sort()
            if not result["errors"]:
                writer = getattr(self, "_write_%s" % parsed["kind"])
                try:
                    with self.env.cr.savepoint():
                        # the billing system's files say which optional columns they have (an absent one leaves
                        # its field untouched); the partners' formats have fixed layouts
                        options = {"columns": parsed["columns"]} if "columns" in parsed else {}
                        result.update(writer(parsed["rows"], dry_run=dry_run, **options))
                except UserError as error:
                    self.invalidate_cache()
                    result["errors"] = [(0, error.name)]
                except psycopg2.Error as error:
                    # rolled back to the savepoint: nothing of the file is left; say so in Russian
                    self.invalidate_cache()
                    _logger.warning("Billing file %s refused by the database: %s", filename, error)
                    result["errors"] = [(0, _("The database refused the file, nothing has changed (%s).")
                                         % (error.pgerror or str(error)).strip().splitlines()[0])]
        state = "failed" if result["errors"] else ("dry_run" if dry_run else "done")
        log_id = self._log(filename, content, result, state, time.time() - started)
        result["log_id"] = log_id
        if result["errors"] and not dry_run:
            raise UserError(self._error_message(filename, result["errors"]))
        return result

    @api.model
    def _detect_format(self, content, filename, file_format):
        """The format of the file: ``billing`` (accounts, accruals, payments) unless another is chosen or
        recognised (see ``ukkr_import_formats.py``)."""
        return "billing" if file_format in (None, "auto") else file_format

    @api.model
    def _check_import_access(self, file_format):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group("ukkr_debt_plan.group_ukkr_operator"):
            raise AccessError(_("Billing files are imported by the УККР — operator and manager groups only."))

    @api.model
    def _parse_file(self, content, filename, today, file_format):
        """``{'kind', 'rows', 'errors'}`` of the file; BillingFileError for a file-level fault."""
        return parse_billing_file(content, filename, today)

    @api.model
    def _lock_for_import(self):
        """One import at a time, and none while a month is being closed: None, or why the import must wait."""
        if not db_locks.try_lock(self.env.cr, db_locks.IMPORT_KEY):
            return _("Another billing file is being imported right now; nothing has changed. Try again when it has "
                     "finished.")
        if not db_locks.try_lock(self.env.cr, db_locks.CLOSE_KEY, shared=True):
            return _("A monthly close is running right now; nothing has changed. Import the file when the close "
                     "has finished.")
        return None

    @api.model
    def _error_message(self, filename, errors):
        row_text = _("row %s: %s")   # translated here: _() finds no language inside a comprehension
        lines = [(row_text % (row, message)) if row else message for row, message in errors[:MAX_LISTED_ERRORS]]
        more = len(errors) - MAX_LISTED_ERRORS
        text = _("File «%s» was not imported, nothing has changed. Errors: %d") % (filename, len(errors))
        text += "\n" + "\n".join(lines)
        if more > 0:
            text += "\n" + _("… and %d more, see the import log.") % more
        return text

    @api.model
    def _log(self, filename, content, result, state, seconds):
        """Write the log in its own transaction, so it survives the rollback of a refused import."""
        values = {"name": filename, "kind": result["kind"], "state": state, "user_id": self.env.uid,
                  "row_count": result["rows"], "created_count": result["created"],
                  "updated_count": result["updated"], "skipped_count": result["skipped"],
                  "unmatched_count": result.get("unmatched", 0),
                  "error_count": len(result["errors"]), "duration": seconds,
                  "error_text": "\n".join("%s: %s" % (row, msg) for row, msg in result["errors"]) or False}
        if state != "done":
            # the refusal matters more than its log: a log that cannot be written does not hide the refusal
            try:
                with self.pool.cursor() as cr:
                    cr.execute("SELECT 1 FROM res_users WHERE id = %s", (self.env.uid,))
                    if not cr.fetchone():   # a user of the still-open transaction is not visible here
                        values["user_id"] = False
                    env = api.Environment(cr, SUPERUSER_ID, self.env.context)
                    return env[self._name]._create_log(values, filename, content)
            except Exception:  # noqa: BLE001
                _logger.exception("The refused import of %s could not be logged", filename)
                return None
        return self.sudo()._create_log(values, filename, content)

    def _create_log(self, values, filename, content):
        log = self.create(values)
        if len(content or b"") > MAX_FILE_BYTES:
            return log.id   # refused for its size: the log says so, the file itself is not kept
        log.attachment_id = self.env["ir.attachment"].create({
            "name": filename, "datas_fname": filename, "datas": base64.b64encode(content or b""),
            "res_model": self._name, "res_id": log.id})
        return log.id

    # ------------------------------------------------------------------ checks against the database
    def _check_against_database(self, parsed):
        if parsed["kind"] not in ("accruals", "payments"):
            return []
        errors = []
        if parsed["kind"] == "payments":
            errors += self._check_resent_payments(parsed["rows"])
        self.env.cr.execute("SELECT min(period_from) FROM ukkr_rule_due_day")
        first = self.env.cr.fetchone()[0] or "9999-99"
        self.env.cr.execute("SELECT max(period) FROM ukkr_monthly_close WHERE state = 'closed'")
        last_closed = self.env.cr.fetchone()[0] if parsed["kind"] == "accruals" else None
        for row in parsed["rows"]:
            if row.get("period") and row["period"] < first:
                errors.append((row["row"], _("period %s is earlier than the first payment due-day rule (%s)")
                               % (row["period"], first)))
            elif last_closed and row.get("period") and row["period"] <= last_closed:
                errors.append((row["row"], _("month %s is closed: load the recalculation in an open month, or ask "
                                             "the УККР manager to reopen it") % row["period"]))
        numbers = sorted({row["account"] for row in parsed["rows"]})
        self.env.cr.execute("SELECT name FROM ukkr_personal_account WHERE name = ANY(%s)", (numbers,))
        known = {name for (name,) in self.env.cr.fetchall()}
        unknown = _("unknown personal account «%s»")   # (not inside the comprehension: see _error_message)
        return errors + [(row["row"], unknown % row["account"]) for row in parsed["rows"]
                         if row["account"] not in known]

    def _check_resent_payments(self, rows):
        """A payment document already loaded must come again exactly as it was (account, date, amount): a
        different one is a row error naming both, never a silent «unchanged»."""
        self.env.cr.execute("""SELECT p.doc, a.name, p.date, p.amount FROM ukkr_payment p
                               JOIN ukkr_personal_account a ON a.id = p.account_id WHERE p.doc = ANY(%s)""",
                            ([r["doc"] for r in rows],))
        loaded = {doc: (account, fields.Date.from_string(day) if isinstance(day, str) else day, amount)
                  for doc, account, day, amount in self.env.cr.fetchall()}
        errors = []
        text = _("payment document %s is already loaded as account %s, %s, %s RUB; the file has account %s, %s, "
                 "%s RUB: correct the file or the billing system")
        for row in rows:
            known = loaded.get(row["doc"])
            if not known:
                continue
            account, day, amount = known
            if (account, day, round(amount, 2)) != (row["account"], row["date"], round(row["amount"], 2)):
                errors.append((row["row"], text % (row["doc"], account, day.strftime("%d.%m.%Y"), rub(amount),
                                                   row["account"], row["date"].strftime("%d.%m.%Y"),
                                                   rub(row["amount"]))))
        return errors

    def _account_ids(self, numbers):
        self.env.cr.execute("SELECT name, id FROM ukkr_personal_account WHERE name = ANY(%s)", (list(numbers),))
        return dict(self.env.cr.fetchall())

    def _audit_values(self):
        now = datetime.utcnow().replace(microsecond=0)
        return self.env.uid, now, self.env.uid, now

    # ------------------------------------------------------------------ writers (set-based)
    def _write_accounts(self, rows, dry_run=False, columns=None):
        cr = self.env.cr
        # optional columns the file lacks leave the stored values as they are (phone, e-mail, residents…)
        has = {name: columns is None or name in columns for name in ("municipal", "residents", "area", "phone",
                                                                    "email")}
        existing = self._account_ids(row["account"] for row in rows)
        counts = {"created": sum(1 for r in rows if r["account"] not in existing), "updated": 0, "skipped": 0}
        if dry_run:
            counts["updated"] = len(rows) - counts["created"]
            return counts
        audit = self._audit_values()
        execute_values(cr, """
            INSERT INTO ukkr_settlement (name, sequence, create_uid, create_date, write_uid, write_date)
            VALUES %s ON CONFLICT (name) DO NOTHING""",
            [(name, 10) + audit for name in sorted({r["settlement"] for r in rows})])
        cr.execute("SELECT name, id FROM ukkr_settlement")
        settlements = dict(cr.fetchall())
        addresses = sorted({(settlements[r["settlement"]], r["street"], r["house"]) for r in rows})
        self._insert_buildings(addresses, audit)
        cr.execute("SELECT settlement_id, street, house, id FROM ukkr_building")
        buildings = {(s, st, h): i for s, st, h, i in cr.fetchall()}
        # payers: one partner per new account, inserted in one statement
        russia = self.env.ref("base.ru").id
        company = self.env.user.company_id.id
        new_rows = [r for r in rows if r["account"] not in existing]
        partner_ids = {}
        if new_rows:
            values = []
            for r in new_rows:
                street = "%s, д. %s" % (r["street"], r["house"]) + (", кв. %s" % r["apartment"]
                                                                     if r["apartment"] else "")
                values.append((r["payer"], r["payer"], r["account"], r["payer_type"] in ("legal", "budget"),
                               r["settlement"], street, r["phone"] or None, r["email"] or None, russia, company)
                              + audit)
            rows_back = execute_values(cr, """
                INSERT INTO res_partner (name, display_name, ref, is_company, city, street, phone, email, country_id,
                                         company_id, create_uid, create_date, write_uid, write_date, active, type,
                                         customer, supplier, employee, lang, tz, invoice_warn, color, partner_share)
                SELECT v.*, true, 'contact', true, false, false, 'ru_RU', 'Asia/Krasnoyarsk', 'no-message', 0, true
                FROM (VALUES %s) AS v
                RETURNING id, ref""", values, fetch=True)
            partner_ids = {ref: pid for pid, ref in rows_back}
            cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
                       (list(partner_ids.values()),))
        # existing accounts: the payer's name and contacts follow the billing system
        if existing:
            execute_values(cr, """
                UPDATE res_partner p SET name = v.payer, display_name = v.payer,
                    phone = CASE WHEN {phone} THEN v.phone ELSE p.phone END,
                    email = CASE WHEN {email} THEN v.email ELSE p.email END
                FROM (VALUES %s) AS v(account_id, payer, phone, email), ukkr_personal_account a
                WHERE a.id = v.account_id AND p.id = a.partner_id""".format(
                    phone="TRUE" if has["phone"] else "FALSE", email="TRUE" if has["email"] else "FALSE"),
                [(existing[r["account"]], r["payer"], r["phone"] or None, r["email"] or None)
                 for r in rows if r["account"] in existing])
        cr.execute("SELECT name, partner_id FROM ukkr_personal_account WHERE name = ANY(%s)", (list(existing),))
        partner_ids.update(dict(cr.fetchall()))
        account_values = []
        for r in rows:
            building = buildings[(settlements[r["settlement"]], r["street"], r["house"])]
            partner = partner_ids[r["account"]]
            account_values.append((r["account"], building, settlements[r["settlement"]], r["apartment"] or None,
                                   partner, r["payer_type"],
                                   r["tenure"], r["municipal"], r["residents"], r["area"], r["phone"] or None,
                                   r["email"] or None) + audit)
        execute_values(cr, """
            INSERT INTO ukkr_personal_account (name, building_id, settlement_id, apartment, partner_id, payer_kind,
                                               tenure,
                                               is_municipal, residents, area, phone, email, create_uid, create_date,
                                               write_uid, write_date, state)
            SELECT v.*, 'active' FROM (VALUES %s) AS v
            ON CONFLICT (name) DO UPDATE SET building_id = EXCLUDED.building_id,
                settlement_id = EXCLUDED.settlement_id, apartment = EXCLUDED.apartment,
                payer_kind = EXCLUDED.payer_kind, tenure = EXCLUDED.tenure,
                {optional},
                write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date""".format(optional=", ".join(
                    "{column} = {value}".format(column=column, value=("EXCLUDED.%s" % column) if has[key]
                                                else "ukkr_personal_account.%s" % column)
                    for key, column in (("municipal", "is_municipal"), ("residents", "residents"),
                                        ("area", "area"), ("phone", "phone"), ("email", "email")))),
            account_values)
        self._write_identity(rows, partner_ids, audit)
        # buildings whose apartment flag nobody set: more than one premises = an apartment building (ПП 354 п.119)
        self.env["ukkr.building"]._default_apartment_flags()
        # the municipal flag may have changed: who the administration sees follows (152-ФЗ), on the accounts and
        # on every record that keeps a copy of the account's flags for its record rules
        self.env["ukkr.personal.account"]._refresh_stored_copies(list(existing.values()))
        self.env["res.partner"]._ukkr_refresh_private_payers(partner_ids.values())
        counts["updated"] = len(rows) - counts["created"]
        self.invalidate_cache()
        return counts

    def _write_identity(self, rows, partner_ids, audit):
        """The payers' identification from the optional columns, set-based: birth date, place and ОГРН on the
        partner, the identifiers as partner_identification numbers (the active one of its category updated, else one
        added). Only the filled cells: an absent column or an empty cell leaves what is recorded."""
        cr = self.env.cr
        plain = [(partner_ids[r["account"]], r["identity"].get("birthdate"), r["identity"].get("birth_place"),
                  r["identity"].get("ogrn")) for r in rows
                 if set(r.get("identity", ())) & {"birthdate", "birth_place", "ogrn"}]
        if plain:
            execute_values(cr, """
                UPDATE res_partner p SET birthdate_date = coalesce(v.birthdate::date, p.birthdate_date),
                                         ukkr_birth_place = coalesce(v.birth_place, p.ukkr_birth_place),
                                         ukkr_ogrn = coalesce(v.ogrn, p.ukkr_ogrn)
                FROM (VALUES %s) AS v(partner_id, birthdate, birth_place, ogrn) WHERE p.id = v.partner_id""",
                           plain)
        cr.execute("SELECT code, id FROM res_partner_id_category WHERE code = ANY(%s)",
                   (list(IDENTITY_COLUMNS.values()),))
        categories = dict(cr.fetchall())
        numbers = [(partner_ids[r["account"]], categories[IDENTITY_COLUMNS[column]], value)
                   for r in rows for column, value in sorted(r.get("identity", {}).items())
                   if IDENTITY_COLUMNS.get(column) and IDENTITY_COLUMNS[column] in categories]
        if not numbers:
            return
        updated = execute_values(cr, """
            UPDATE res_partner_id_number n SET name = v.name, write_uid = v.write_uid, write_date = v.write_date
            FROM (VALUES %s) AS v(partner_id, category_id, name, write_uid, write_date)
            WHERE n.partner_id = v.partner_id AND n.category_id = v.category_id AND n.active
            RETURNING n.partner_id, n.category_id""", [n + audit[2:] for n in numbers],
                                 template="(%s, %s, %s, %s, %s::timestamp)", fetch=True)
        done = set(updated)
        execute_values(cr, """
            INSERT INTO res_partner_id_number (partner_id, category_id, name, active, create_uid, create_date,
                                               write_uid, write_date)
            VALUES %s""", [(p, c, n, True) + audit for p, c, n in numbers if (p, c) not in done])
        self.env["res.partner"].invalidate_cache()
        self.env["res.partner.id_number"].invalidate_cache()

    def _insert_buildings(self, addresses, audit):
        execute_values(self.env.cr, """
            INSERT INTO ukkr_building (settlement_id, street, house, name, create_uid, create_date, write_uid,
                                       write_date)
            SELECT v.settlement_id, v.street, v.house, s.name || ', ' || v.street || ', д. ' || v.house,
                   v.cu, v.cd::timestamp, v.wu, v.wd::timestamp
            FROM (VALUES %s) AS v(settlement_id, street, house, cu, cd, wu, wd)
            JOIN ukkr_settlement s ON s.id = v.settlement_id
            ON CONFLICT (settlement_id, street, house) DO NOTHING""", [a + audit for a in addresses])

    def _service_ids(self):
        self.env.cr.execute("SELECT code, id FROM ukkr_service")
        return dict(self.env.cr.fetchall())

    def _write_accruals(self, rows, dry_run=False, columns=None):
        cr = self.env.cr
        accounts = self._account_ids({r["account"] for r in rows})
        services = self._service_ids()
        keys = [(accounts[r["account"]], r["period"], services[r["service"]]) for r in rows]
        cr.execute("""
            SELECT l.account_id, count(*) FROM ukkr_ledger_line l
            JOIN unnest(%s::int[], %s::varchar[], %s::int[]) AS k(account_id, period, service_id)
              ON l.account_id = k.account_id AND l.period = k.period AND l.service_id = k.service_id
            GROUP BY l.account_id""", ([k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys]))
        replaced = dict(cr.fetchall())
        updated = sum(replaced.values())
        counts = {"created": len(rows) - updated, "updated": updated, "skipped": 0}
        if dry_run:
            return counts
        audit = self._audit_values()
        # the file's rows go to a staging table by COPY, then into the ledger with one upsert
        cr.execute("DROP TABLE IF EXISTS ukkr_import_accrual")
        cr.execute("""CREATE TEMP TABLE ukkr_import_accrual (account_id integer, period varchar, service_id integer,
                                                              accrued numeric, correction numeric) ON COMMIT DROP""")
        copy_rows(cr, "ukkr_import_accrual", ("account_id", "period", "service_id", "accrued", "correction"),
                  (k + (r["accrued"], r.get("correction") or 0.0) for k, r in zip(keys, rows)))
        # the correction column (the billing system's recalculations, negative allowed) replaces the line's
        # correction; a file without it leaves the corrections as they are
        with_correction = columns is not None and "correction" in columns
        cr.execute("""
            INSERT INTO ukkr_ledger_line (account_id, period, service_id, accrued, paid, correction, penalty,
                                          written_off, create_uid, create_date, write_uid, write_date)
            SELECT v.account_id, v.period, v.service_id, v.accrued, 0, v.correction, 0, 0, %s, %s, %s, %s
            FROM ukkr_import_accrual v
            ON CONFLICT (account_id, period, service_id) DO UPDATE
                SET accrued = EXCLUDED.accrued, {correction}
                    write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date""".format(
                        correction="correction = EXCLUDED.correction," if with_correction else ""), audit)
        cr.execute("DROP TABLE ukkr_import_accrual")
        norms = {(k[0], k[2]): r["norm_charge"] for k, r in zip(keys, rows) if r["norm_charge"] is not None}
        if norms:
            execute_values(cr, """
                INSERT INTO ukkr_account_service (account_id, service_id, norm_charge, create_uid, create_date,
                                                  write_uid, write_date)
                SELECT v.account_id, v.service_id, v.norm_charge, v.cu, v.cd::timestamp, v.wu, v.wd::timestamp
                FROM (VALUES %s) AS v(account_id, service_id, norm_charge, cu, cd, wu, wd)
                ON CONFLICT (account_id, service_id) DO UPDATE SET norm_charge = EXCLUDED.norm_charge
                WHERE ukkr_account_service.norm_charge IS DISTINCT FROM EXCLUDED.norm_charge""",
                [key + (value,) + audit for key, value in norms.items()], page_size=5000)
        self.env["ukkr.period"].refresh({r["period"] for r in rows})
        # new months only add debt — unless money was already allocated to that month or a later one, a payment
        # named the month, a month was replaced, or money is still unallocated: then the account is rebuilt
        ledger = self.env["ukkr.ledger.line"]
        pairs = sorted({(k[0], k[1]) for k in keys})
        cr.execute("""
            SELECT DISTINCT k.account_id FROM unnest(%s::int[], %s::varchar[]) AS k(account_id, period)
            WHERE EXISTS (SELECT 1 FROM ukkr_payment_allocation a
                          WHERE a.account_id = k.account_id AND a.period >= k.period)
               OR EXISTS (SELECT 1 FROM ukkr_payment p WHERE p.account_id = k.account_id AND p.period = k.period)""",
                   ([p[0] for p in pairs], [p[1] for p in pairs]))
        rebuild = {account_id for (account_id,) in cr.fetchall()}
        rebuild |= set(replaced) | set(ledger._accounts_to_reallocate(set(accounts.values())))
        if rebuild:
            ledger._allocate_payments(rebuild)
        self.invalidate_cache()
        return counts

    def _write_payments(self, rows, dry_run=False, columns=None):
        cr = self.env.cr
        accounts = self._account_ids({r["account"] for r in rows})
        cr.execute("SELECT doc FROM ukkr_payment WHERE doc = ANY(%s)", ([r["doc"] for r in rows],))
        known = {doc for (doc,) in cr.fetchall()}
        fresh = [r for r in rows if r["doc"] not in known]
        counts = {"created": len(fresh), "updated": 0, "skipped": len(rows) - len(fresh)}
        if dry_run or not fresh:
            return counts
        audit = self._audit_values()
        new_ids = execute_values(cr, """
            INSERT INTO ukkr_payment (account_id, date, amount, period, doc, channel, create_uid, create_date,
                                      write_uid, write_date)
            SELECT v.account_id, v.date::date, v.amount, v.period, v.doc, v.channel, v.cu, v.cd::timestamp, v.wu,
                   v.wd::timestamp
            FROM (VALUES %s) AS v(account_id, date, amount, period, doc, channel, cu, cd, wu, wd)
            ON CONFLICT (doc) DO NOTHING RETURNING id""",
            [(accounts[r["account"]], r["date"].isoformat(), r["amount"], r["period"], r["doc"], r["channel"])
             + audit for r in fresh], page_size=5000, fetch=True)
        self.env["ukkr.ledger.line"]._allocate_new_payments([payment_id for (payment_id,) in new_ids])
        self.invalidate_cache()
        return counts
