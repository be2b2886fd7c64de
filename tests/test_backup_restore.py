"""make backup / make restore round trip (issue 9.5) on the demo database `make test` prepared.

The backup is taken while the test server runs on the database; it is restored under another name and compared:
row counts of the key tables, the ledger's sums, a file of the filestore byte for byte, and the restored database
read by Odoo itself (the attachment's content through the ORM). Timings go to artifacts/backup-restore.txt.
"""
import hashlib
import os
import time

import pytest

from dbtools import ROOT, drop_database, make, odoo_script, query

KEY_TABLES = ["res_partner", "res_users", "ukkr_personal_account", "ukkr_ledger_line", "ukkr_payment",
              "ukkr_payment_allocation", "ukkr_monthly_close", "ukkr_debt_snapshot", "ukkr_plan_execution",
              "account_move", "account_move_line", "ir_attachment", "ukkr_billing_import"]
READ_ATTACHMENT = '''
import hashlib
def main(env, argv):
    attachment = env["ir.attachment"].browse(int(argv[0]))
    import base64
    print("SHA1=" + hashlib.sha1(base64.b64decode(attachment.datas)).hexdigest())
'''


def snapshot(db):
    counts = {table: query(db, "SELECT count(*) FROM %s" % table)[0][0] for table in KEY_TABLES}
    counts["ledger sums"] = query(db, "SELECT round(sum(accrued)::numeric, 2), round(sum(paid)::numeric, 2) "
                                      "FROM ukkr_ledger_line")[0]
    counts["snapshot debt"] = query(db, "SELECT round(sum(debt)::numeric, 2) FROM ukkr_debt_snapshot")[0]
    return counts


@pytest.fixture
def restored_name(odoo_db):
    name = odoo_db + "_restored"
    yield name
    drop_database(name)
    drop_database(name + "_x")


def test_backup_restore_round_trip(odoo_db, restored_name, tmp_path, artifacts):
    before = snapshot(odoo_db)
    assert before["ukkr_personal_account"] > 0 and before["ukkr_debt_snapshot"] > 0, "demo data expected"
    started = time.time()
    backup = make("backup", "DB=" + odoo_db, BACKUP_DIR=str(tmp_path))
    backup_seconds = time.time() - started
    assert backup.returncode == 0, backup.stdout + backup.stderr
    archive = backup.stdout.strip().splitlines()[-1]
    assert archive.startswith(str(tmp_path)) and os.path.isfile(archive), backup.stdout

    started = time.time()
    restore = make("restore", "FILE=" + archive, "DB=" + restored_name)
    restore_seconds = time.time() - started
    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert snapshot(restored_name) == before

    # a file of the filestore: an import log's attachment, byte for byte on disk and through Odoo's ORM
    attachment_id, store_fname, checksum = query(odoo_db, """
        SELECT a.id, a.store_fname, a.checksum FROM ukkr_billing_import i JOIN ir_attachment a ON a.id = i.attachment_id
        WHERE a.store_fname IS NOT NULL ORDER BY a.file_size DESC LIMIT 1""")[0]
    restored_file = os.path.join(ROOT, ".run", "data", "filestore", restored_name, store_fname)
    with open(restored_file, "rb") as handle:
        assert hashlib.sha1(handle.read()).hexdigest() == checksum
    script = tmp_path / "read_attachment.py"
    script.write_text(READ_ATTACHMENT)
    odoo = odoo_script(restored_name, script, attachment_id)
    assert "SHA1=" + checksum in odoo.stdout, odoo.stdout + odoo.stderr
    uuids = [query(db, "SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'")[0][0]
             for db in (odoo_db, restored_name)]
    assert uuids[0] != uuids[1], "a copy gets its own database.uuid"

    # restoring over an existing database is refused without FORCE=1, and a broken archive changes nothing
    again = make("restore", "FILE=" + archive, "DB=" + restored_name)
    assert again.returncode != 0 and "уже есть" in again.stderr
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not an archive")
    bad = make("restore", "FILE=" + str(broken), "DB=" + restored_name + "_x")
    assert bad.returncode != 0 and "повреждён" in bad.stderr
    assert not query("postgres", "SELECT 1 FROM pg_database WHERE datname = '%s_x'" % restored_name)

    size = os.path.getsize(archive)
    with open(os.path.join(os.path.dirname(artifacts), "backup-restore.txt"), "w") as handle:
        handle.write("database %s: %d accounts, %d ledger lines, %d attachments; archive %.1f MB; "
                     "make backup %.1f s, make restore %.1f s\n"
                     % (odoo_db, before["ukkr_personal_account"], before["ukkr_ledger_line"],
                        before["ir_attachment"], size / 1e6, backup_seconds, restore_seconds))
