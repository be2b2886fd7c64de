"""Timing of the ledger's heavy steps at district scale (run through tools/odoo_exec.py; see `make bench`).

Loads N accounts with some months of history through the billing importer, then times importing one more
month (accruals and payments) and closing it. Prints one line per step; writes nothing outside the database.
"""
import argparse
import os
import sys
import time
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_district  # noqa: E402


def _split(content, keep):
    lines = content.decode("utf-8").splitlines()
    return ("\n".join([lines[0]] + [line for line in lines[1:] if keep(line)]) + "\n").encode("utf-8")


def main(env, argv):
    parser = argparse.ArgumentParser(prog="bench_ledger")
    parser.add_argument("--accounts", type=int, default=20000)
    parser.add_argument("--history", type=int, default=2, help="months loaded before the timed month")
    args = parser.parse_args(argv)
    today = date(2026, 11, 26)
    rows = demo_district.generate(args.accounts)
    files = demo_district.billing_files(rows, today, months=args.history + 1)
    periods = sorted({line.split(";")[1] for line in files["accruals.csv"].decode().splitlines()[1:]})
    last = periods[-1]
    importer = env["ukkr.billing.import"]

    def timed(label, function):
        started = time.time()
        result = function()
        print("%-45s %8.1f s" % (label, time.time() - started), flush=True)
        return result

    timed("accounts (%d)" % args.accounts, lambda: importer.import_content(files["accounts.csv"], "accounts.csv"))
    history = _split(files["accruals.csv"], lambda line: line.split(";")[1] != last)
    timed("history accruals (%d months)" % args.history, lambda: importer.import_content(history, "h-accruals.csv"))

    def paid_in_history(line):
        """Payments dated up to the end of the last history month; a month's bills are paid the month after."""
        day = line.split(";")[1]  # DD.MM.YYYY
        return day[6:] + day[3:5] <= last.replace("-", "")
    history_payments = _split(files["payments.csv"], paid_in_history)
    timed("history payments", lambda: importer.import_content(history_payments, "h-payments.csv"))
    env.cr.commit()
    month = _split(files["accruals.csv"], lambda line: line.split(";")[1] == last)
    result = timed("IMPORT one month of accruals (%d rows)" % (len(month.splitlines()) - 1),
                   lambda: importer.import_content(month, "m-accruals.csv"))
    month_payments = _split(files["payments.csv"], lambda line: not paid_in_history(line))
    timed("IMPORT one month of payments (%d rows)" % (len(month_payments.splitlines()) - 1),
          lambda: importer.import_content(month_payments, "m-payments.csv"))
    env.cr.commit()
    close = timed("CLOSE %s" % last, lambda: env["ukkr.monthly.close"].close_period(last))
    print("closed %s: %d accounts, debt %.2f, penalties %.2f" % (last, close.account_count, close.debt_total,
                                                                 close.penalty_total))
    assert result["rows"] > 0
