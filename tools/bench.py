"""`make bench`: the heavy steps at district/city scale, each beside a raw-SQL lower bound (see README «Benchmarks»).

Modes (tools/bench.sh runs them in order):
- ``setup`` (inside Odoo, tools/odoo_exec.py): N accounts × M months of the demo generator; accounts through the
  importer; the HISTORY (all months but the last) by COPY into the ledger and payment tables followed by the
  importer's own allocation routine (``_allocate_payments``, the from-scratch allocation the importer falls back
  to — same rows as importing month by month); the closes the measured ones need; one manager user.
- ``measure`` (inside Odoo): each step R times (median and spread) — (1) import of the last month's accruals and
  payments through the importer, (2) the monthly close (peak RSS of this process sampled during it), (3) penalties
  and debt for all tranches as of today (the close's computation), (4) the monthly xlsx report when ukkr_reports is
  installed, (5) the debt pivot read_group settlement × category with the age buckets — and the raw-SQL baseline
  of each in the same run. Steps (1) and (2) are rolled back to a savepoint between runs; the last run is kept.
- ``kanban URL DB LOGIN PASSWORD`` (plain Python against a running server): (6) the case kanban's first page as
  the web client loads it (read_group by stage, then search_read of each column's first 40 cards).
- ``table``: prints the table from artifacts/bench-results.json and writes artifacts/bench.txt.
"""
import io
import json
import os
import platform
import statistics
import sys
import threading
import time
from datetime import date, datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, "artifacts")
RESULTS = os.path.join(ARTIFACTS, "bench-results.json")
TODAY = date(2026, 11, 26)
# the four roles of the load test (the manager also measures the kanban alone and starts the jobs)
BENCH_USERS = [("bench_manager", "Руководитель (бенчмарк)", "ukkr_debt_plan.group_ukkr_manager"),
               ("bench_operator", "Оператор (бенчмарк)", "ukkr_debt_plan.group_ukkr_operator"),
               ("bench_lawyer", "Юрист (бенчмарк)", "ukkr_debt_plan.group_ukkr_lawyer"),
               ("bench_deputy", "Первый заместитель (бенчмарк)", "ukkr_debt_plan.group_admin_control")]
LOAD_TARGETS = {"rate": 10.0, "p95": 2.5, "p95_jobs": 5.0}
TARGETS = {"import": 30.0, "close": 60.0, "penalties": 30.0, "report": 10.0, "pivot": 1.0, "kanban": 0.5}
# a city (issue 22: 100 000 accounts and more): the same steps, the targets of the city-scale run
CITY_TARGETS = {"import": 60.0, "close": 120.0, "penalties": 120.0, "report": 5.0, "pivot": 1.0, "kanban": 0.5}
CITY_ACCOUNTS = 100000
RSS_TARGET_MIB = {"district": 1536, "city": 2048}


def targets_for(accounts):
    return CITY_TARGETS if accounts >= CITY_ACCOUNTS else TARGETS
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def say(text):
    print(text, flush=True)


def load_results():
    if os.path.exists(RESULTS):
        with open(RESULTS) as handle:
            return json.load(handle)
    return {}


def save_results(results):
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(RESULTS, "w") as handle:
        json.dump(results, handle, indent=1, sort_keys=True, default=str)


def profiled(label, function):
    """Run ``function``; with UKKR_BENCH_PROFILE=1 under cProfile, the 30 costliest calls (cumulative time) written
    to artifacts/profile-<label>.txt — how the slow steps were found."""
    if os.environ.get("UKKR_BENCH_PROFILE") != "1":
        return function()
    import cProfile
    import pstats
    import re
    profile = cProfile.Profile()
    value = profile.runcall(function)
    name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60]
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(os.path.join(ARTIFACTS, "profile-%s.txt" % name), "w") as handle:
        stats = pstats.Stats(profile, stream=handle)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)
    return value


def summary(samples):
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "runs": len(samples)}


def _split(content, keep):
    lines = content.decode("utf-8").splitlines()
    return ("\n".join([lines[0]] + [line for line in lines[1:] if keep(line)]) + "\n").encode("utf-8")


def _files(accounts, months):
    import demo_district
    rows = demo_district.generate(accounts)
    return demo_district.billing_files(rows, TODAY, months=months)


def _last_period(files):
    """The newest month of the accruals file (the month measured; all earlier ones are the history)."""
    return max(line.split(";", 2)[1] for line in files["accruals.csv"].decode("utf-8").splitlines()[1:])


def _paid_by(last):
    limit = last.replace("-", "")

    def paid_in_history(line):
        day = line.split(";")[1]  # DD.MM.YYYY
        return day[6:] + day[3:5] <= limit
    return paid_in_history


# ---------------------------------------------------------------------------------------------------- setup
def setup(env, accounts, months):
    cr = env.cr
    results = {"accounts": accounts, "months": months, "setup": {}}
    timings = results["setup"]

    def timed(label, function):
        started = time.time()
        value = profiled(label, function)
        timings[label] = round(time.time() - started, 1)
        say("  %-55s %8.1f s" % (label, timings[label]))
        return value

    files = timed("generate the district (Python)", lambda: _files(accounts, months))
    last = _last_period(files)
    results["period"] = last
    importer = env["ukkr.billing.import"]
    timed("accounts through the importer (%d)" % accounts,
          lambda: importer.import_content(files["accounts.csv"], "accounts.csv"))
    cr.execute("SELECT name, id FROM ukkr_personal_account")
    account_ids = dict(cr.fetchall())
    cr.execute("SELECT code, id FROM ukkr_service")
    service_ids = dict(cr.fetchall())
    now = datetime.utcnow().replace(microsecond=0).isoformat(" ")
    uid = env.uid

    def copy_accruals():
        buffer, norms, count = io.StringIO(), {}, 0
        for line in files["accruals.csv"].decode("utf-8").splitlines()[1:]:
            number, period, service, accrued, norm = line.split(";")
            if period == last:
                continue
            account_id, service_id = account_ids[number], service_ids[service]
            buffer.write("%d\t%s\t%d\t%s\t0\t0\t0\t0\t%d\t%s\t%d\t%s\n"
                         % (account_id, period, service_id, accrued, uid, now, uid, now))
            norms[(account_id, service_id)] = norm
            count += 1
        buffer.seek(0)
        cr.copy_expert("""COPY ukkr_ledger_line (account_id, period, service_id, accrued, paid, correction, penalty,
                          written_off, create_uid, create_date, write_uid, write_date) FROM STDIN""", buffer)
        from psycopg2.extras import execute_values
        execute_values(cr, """
            INSERT INTO ukkr_account_service (account_id, service_id, norm_charge, create_uid, create_date, write_uid,
                                              write_date)
            SELECT v.a, v.s, v.n::numeric, %d, '%s'::timestamp, %d, '%s'::timestamp FROM (VALUES %%s) AS v(a, s, n)
            ON CONFLICT (account_id, service_id) DO UPDATE SET norm_charge = EXCLUDED.norm_charge"""
                       % (uid, now, uid, now), [(a, s, n) for (a, s), n in norms.items()], page_size=10000)
        env["ukkr.period"].refresh()
        return count
    rows = timed("history accruals by COPY", copy_accruals)
    results["history_accrual_rows"] = rows
    paid_in_history = _paid_by(last)

    def copy_payments():
        buffer, count = io.StringIO(), 0
        for line in files["payments.csv"].decode("utf-8").splitlines()[1:]:
            if not paid_in_history(line):
                continue
            number, day, amount, period, doc, channel = line.split(";")
            buffer.write("%d\t%s-%s-%s\t%s\t%s\t%s\t%s\t%d\t%s\t%d\t%s\n"
                         % (account_ids[number], day[6:], day[3:5], day[:2], amount, period or "\\N", doc, channel,
                            uid, now, uid, now))
            count += 1
        buffer.seek(0)
        cr.copy_expert("""COPY ukkr_payment (account_id, date, amount, period, doc, channel, create_uid, create_date,
                          write_uid, write_date) FROM STDIN""", buffer)
        return count
    results["history_payment_rows"] = timed("history payments by COPY", copy_payments)

    def allocate():
        ids = sorted(account_ids.values())
        for start in range(0, len(ids), 2000):
            env["ukkr.ledger.line"]._allocate_payments(ids[start:start + 2000])
    timed("history allocation (the importer's _allocate_payments)", allocate)
    cr.execute("ANALYZE")
    cr.commit()
    # closes the measured month needs: the previous month, and the year to date when the report is measured
    previous = "%04d-%02d" % ((int(last[:4]), int(last[5:]) - 1) if last[5:] != "01" else (int(last[:4]) - 1, 12))
    report = "ukkr.monthly.report" in env
    # (with the report: the months of the year and the December before it, so the report reads the start of the
    # year from a snapshot, as at a utility that closes every month)
    closes = (["%04d-12" % (int(last[:4]) - 1)] + ["%s-%02d" % (last[:4], m) for m in range(1, int(last[5:]))]
              if report else [previous])
    results["setup_closes"] = {}
    for period in closes:
        started = time.time()
        profiled("setup close %s" % period, lambda: env["ukkr.monthly.close"].close_period(period))
        cr.commit()
        results["setup_closes"][period] = round(time.time() - started, 1)
        say("  %-55s %8.1f s" % ("close %s" % period, results["setup_closes"][period]))
    # the import and the close of the load test always run as background jobs, whatever the scale
    env["ir.config_parameter"].sudo().set_param("ukkr.job_sync_limit", "0")
    # the bench's months end on TODAY (26.11.2026): the scheduled actions, which go by the real date, stay off (the
    # cron worker of the measured topology still runs; «close the previous month» would close a month of its own)
    cr.execute("UPDATE ir_cron SET active = false")
    users = env["res.users"].with_context(no_reset_password=True)
    for login, name, group in BENCH_USERS:
        if not users.search([("login", "=", login)]):
            users.create({"name": name, "login": login, "password": "bench",
                          "tz": "Asia/Krasnoyarsk", "groups_id": [(6, 0, [env.ref(group).id])]})
    cr.commit()
    save_results(results)


# ---------------------------------------------------------------------------------------------------- measure
class PeakRss(object):
    """Peak resident memory of this process while the block runs (sampled every 20 ms), in MiB."""

    def __enter__(self):
        import psutil
        self.process, self.peak, self.running = psutil.Process(), 0, True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)
        self.mib = self.peak / 1048576.0


def measure(env, repeat):
    cr = env.cr
    results = load_results()
    last = results["period"]
    steps = results["steps"] = {}
    files = _files(results["accounts"], results["months"])
    month = _split(files["accruals.csv"], lambda line: line.split(";")[1] == last)
    paid_in_history = _paid_by(last)
    month_payments = _split(files["payments.csv"], lambda line: not paid_in_history(line))
    del files
    importer = env["ukkr.billing.import"]

    def runs(label, function, keep_last=False, rollback=True):
        samples, value = [], None
        for run in range(repeat):
            keep = keep_last and run == repeat - 1
            if rollback and not keep:
                cr.execute("SAVEPOINT bench_run")
            started = time.time()
            value = profiled(label, function) if run == 0 else function()
            samples.append(time.time() - started)
            if rollback and not keep:
                cr.execute("ROLLBACK TO SAVEPOINT bench_run")
                env.clear()
            say("  %-55s run %d: %8.2f s" % (label, run + 1, samples[-1]))
        return samples, value

    def record(key, label, ours, baseline, **extra):
        steps[key] = dict(label=label, ours=summary(ours), baseline=summary(baseline) if baseline else None,
                          **extra)
        save_results(results)

    # (1) one month of accruals and payments through the importer; baseline: COPY of the same rows
    accrual_rows, payment_rows = len(month.splitlines()) - 1, len(month_payments.splitlines()) - 1
    cr.execute("SELECT name, id FROM ukkr_personal_account")
    account_ids = dict(cr.fetchall())
    cr.execute("SELECT code, id FROM ukkr_service")
    service_ids = dict(cr.fetchall())

    def import_month():
        importer.import_content(month, "bench-accruals-%s.csv" % last)
        importer.import_content(month_payments, "bench-payments-%s.csv" % last)

    def copy_month():
        accruals, payments = io.StringIO(), io.StringIO()
        for line in month.decode("utf-8").splitlines()[1:]:
            number, period, service, accrued, _norm = line.split(";")
            accruals.write("%d\t%s\t%d\t%s\t0\t0\t0\t0\n" % (account_ids[number], period, service_ids[service],
                                                            accrued))
        for line in month_payments.decode("utf-8").splitlines()[1:]:
            number, day, amount, period, doc, channel = line.split(";")
            payments.write("%d\t%s-%s-%s\t%s\t%s\t%s\t%s\n" % (account_ids[number], day[6:], day[3:5], day[:2],
                                                               amount, period or "\\N", doc, channel))
        accruals.seek(0)
        payments.seek(0)
        cr.copy_expert("COPY ukkr_ledger_line (account_id, period, service_id, accrued, paid, correction, penalty, "
                       "written_off) FROM STDIN", accruals)
        cr.copy_expert("COPY ukkr_payment (account_id, date, amount, period, doc, channel) FROM STDIN", payments)
    baseline, _v = runs("baseline: COPY of the month's rows", copy_month)
    ours, _v = runs("(1) import %d accruals + %d payments" % (accrual_rows, payment_rows), import_month,
                    keep_last=True)
    record("import", "(1) import one month: %d accruals + %d payments" % (accrual_rows, payment_rows), ours, baseline)
    cr.commit()

    # (2) the monthly close; baseline: one aggregate query writing a per-account snapshot with the age buckets
    as_of = "%s-%02d" % (last, {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30,
                                12: 31}[int(last[5:])])
    buckets = """
        sum(t.owed) FILTER (WHERE t.owed > 0.004) AS debt,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND p.due_date < %(as_of)s) AS overdue,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND %(as_of)s::date - p.due_date <= 0) AS b_current,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND %(as_of)s::date - p.due_date BETWEEN 1 AND 90) AS b_1_3,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND %(as_of)s::date - p.due_date BETWEEN 91 AND 180) AS b_3_6,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND %(as_of)s::date - p.due_date BETWEEN 181 AND 365) AS b_6_12,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND %(as_of)s::date - p.due_date > 365
                                  AND p.limitation_expiry >= %(as_of)s) AS b_12_36,
        sum(t.owed) FILTER (WHERE t.owed > 0.004 AND p.limitation_expiry < %(as_of)s) AS b_barred,
        sum(t.penalty) AS penalty"""
    tranches = """
        SELECT l.account_id, l.period, l.charged - coalesce(a.paid, 0) AS owed,
               -- penalty of the unpaid rest at today's key rate with the 1/300 and 1/130 bands (a lower bound of
               -- the arithmetic: one multiplication per tranche)
               greatest(l.charged - coalesce(a.paid, 0), 0) * %(rate)s / 100.0
                 * (least(greatest(%(as_of)s::date - pe.due_date - 30, 0), 60) / 300.0
                    + greatest(%(as_of)s::date - pe.due_date - 90, 0) / 130.0) AS penalty
        FROM (SELECT account_id, period, sum(accrued + correction - written_off) AS charged FROM ukkr_ledger_line
              WHERE period <= %(period)s GROUP BY account_id, period) l
        LEFT JOIN (SELECT account_id, period, sum(amount) AS paid FROM ukkr_payment_allocation
                   WHERE date <= %(as_of)s AND period <= %(period)s GROUP BY account_id, period) a
               ON a.account_id = l.account_id AND a.period = l.period
        JOIN ukkr_period pe ON pe.name = l.period"""
    rate = 16.5

    def close_baseline():
        cr.execute("""CREATE TEMP TABLE bench_snapshot ON COMMIT DROP AS
                      SELECT t.account_id, %s FROM (%s) t JOIN ukkr_period p ON p.name = t.period
                      GROUP BY t.account_id""" % (buckets, tranches),
                   {"as_of": as_of, "period": last, "rate": rate})
    baseline, _v = runs("baseline: one aggregate query into a snapshot table", close_baseline)
    memory = []

    def close():
        with PeakRss() as peak:
            value = env["ukkr.monthly.close"].close_period(last)
        memory.append(peak.mib)
        return value
    ours, closed = runs("(2) close %s" % last, close, keep_last=True)
    record("close", "(2) monthly close %s: %d accounts" % (last, closed.account_count), ours, baseline,
           memory_mib=max(memory))
    say("    peak RSS during the close: %.0f MiB" % max(memory))
    cr.commit()

    # (3) penalties (and debt) of every tranche of every account as of today
    def penalties():
        return env["ukkr.monthly.close"].debt_state(last, TODAY)

    def penalties_baseline():
        cr.execute("SELECT sum(penalty), sum(owed) FILTER (WHERE owed > 0.004) FROM (%s) t" % tranches,
                   {"as_of": TODAY, "period": last, "rate": rate})
        return cr.fetchone()
    baseline, _v = runs("baseline: one aggregate penalty query", penalties_baseline)
    ours, state = runs("(3) penalties of all tranches as of %s" % TODAY, penalties, rollback=False)
    record("penalties", "(3) penalties of all tranches", ours, baseline, penalty_total=state["totals"]["penalty"])
    cr.execute("SELECT count(*) FROM (SELECT DISTINCT account_id, period FROM ukkr_ledger_line) t")
    steps["penalties"]["label"] = "(3) penalties of all %d tranches (%d settled ones skipped in SQL)" % (
        cr.fetchone()[0], state.get("skipped", 0))

    # (4) the monthly xlsx report (ukkr_reports)
    if "ukkr.monthly.report" in env:
        def report():
            return env["ukkr.monthly.report"].render_xlsx(last)

        def report_baseline():
            # the data the report reads: the year's snapshots (start, accruals, end, ages, debtors) and the cash
            # posted by the year's closes, by category — two aggregate queries
            cr.execute("""SELECT period, settlement_id, tenure, sum(accrued), sum(paid), sum(debt), sum(overdue_debt),
                                 sum(penalty), count(*) FILTER (WHERE debt > 0)
                          FROM ukkr_debt_snapshot WHERE period BETWEEN %s AND %s
                          GROUP BY period, settlement_id, tenure""", ("%04d-12" % (int(last[:4]) - 1), last))
            snapshots = cr.fetchall()
            cr.execute("""SELECT a.payer_kind, a.tenure, sum(p.amount) FROM ukkr_payment p
                          JOIN ukkr_monthly_close c ON c.id = p.close_id
                          JOIN ukkr_personal_account a ON a.id = p.account_id
                          WHERE c.period BETWEEN %s AND %s GROUP BY a.payer_kind, a.tenure""",
                       (last[:4] + "-01", last))
            return snapshots, cr.fetchall()
        baseline, _v = runs("baseline: aggregates of the year's snapshots and cash", report_baseline)
        ours, _v = runs("(4) monthly xlsx %s" % last, report)
        record("report", "(4) monthly xlsx report %s" % last, ours, baseline)
    else:
        steps["report"] = {"label": "(4) monthly xlsx report", "missing": "ukkr_reports is not on this branch yet"}

    # (5) the debt pivot
    snapshot = env["ukkr.debt.snapshot"]
    measures = ["debt", "debt_current", "debt_1_3", "debt_3_6", "debt_6_12", "debt_12_36", "debt_barred", "penalty"]

    def pivot():
        snapshot.invalidate_cache()
        return snapshot.read_group([("period", "=", last)], ["settlement_id", "tenure"] + measures,
                                   ["settlement_id", "tenure"], lazy=False)

    def pivot_baseline():
        cr.execute("""SELECT settlement_id, tenure, %s FROM ukkr_debt_snapshot WHERE period = %%s
                      GROUP BY settlement_id, tenure""" % ", ".join("sum(%s)" % m for m in measures), (last,))
        return cr.fetchall()
    baseline, _v = runs("baseline: GROUP BY settlement, category", pivot_baseline, rollback=False)
    ours, groups = runs("(5) pivot read_group settlement × category × bucket", pivot, rollback=False)
    record("pivot", "(5) debt pivot read_group: %d cells × %d buckets" % (len(groups), len(measures) - 2), ours,
           baseline)
    cr.execute("SELECT count(*) FROM ukkr_debtor_case WHERE state = 'open'")
    results["open_cases"] = cr.fetchone()[0]
    save_results(results)
    cr.commit()


# ---------------------------------------------------------------------------------------------------- kanban
def kanban(url, db, login, password, repeat):
    import http.cookiejar
    import urllib.request
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def call(path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}).encode("utf-8")
        request = urllib.request.Request(url + path, body, {"Content-Type": "application/json"})
        reply = json.loads(opener.open(request, timeout=120).read().decode("utf-8"))
        if reply.get("error"):
            raise RuntimeError(json.dumps(reply["error"])[:2000])
        return reply["result"]
    session = call("/web/session/authenticate", {"db": db, "login": login, "password": password})
    context = dict(session["user_context"])
    domain = [["state", "=", "open"]]
    fields = KANBAN_FIELDS

    def open_kanban():
        groups = call("/web/dataset/call_kw/ukkr.debtor.case/read_group", {
            "model": "ukkr.debtor.case", "method": "read_group",
            "args": [], "kwargs": {"domain": domain, "fields": ["stage_id"], "groupby": ["stage_id"],
                                   "lazy": True, "orderby": "", "context": context}})
        cards = 0
        for group in groups:
            page = call("/web/dataset/search_read", {"model": "ukkr.debtor.case", "fields": fields,
                                                     "domain": group["__domain"], "limit": 40, "sort": "",
                                                     "context": context})
            cards += len(page["records"])
        return len(groups), cards
    samples = []
    for run in range(repeat + 1):   # the first call warms the server's caches and is reported apart
        started = time.time()
        columns, cards = open_kanban()
        samples.append(time.time() - started)
        say("  (6) kanban first page run %d: %.3f s (%d columns, %d cards)" % (run, samples[-1], columns, cards))
    started = time.time()
    call("/web/dataset/search_read", {"model": "ukkr.debtor.case", "fields": fields, "domain": domain, "limit": 80,
                                      "sort": "", "context": context})
    flat = time.time() - started
    results = load_results()
    results.setdefault("steps", {})["kanban"] = {
        "label": "(6) case kanban first page (%d columns, %d cards) over JSON-RPC" % (columns, cards),
        "ours": summary(samples[1:]), "baseline": None, "first_call": samples[0], "flat_search_read": flat}
    save_results(results)


# ---------------------------------------------------------------------------------------------------- load
class WebClient(object):
    """One web-client session over JSON-RPC (cookies kept), as the browser holds it."""

    def __init__(self, url, db, login, password):
        import http.cookiejar
        import urllib.request
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.context = dict(self.call("/web/session/authenticate",
                                      {"db": db, "login": login, "password": password})["user_context"])

    def call(self, path, params, timeout=300):
        import urllib.request
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}).encode("utf-8")
        request = urllib.request.Request(self.url + path, body, {"Content-Type": "application/json"})
        reply = json.loads(self.opener.open(request, timeout=timeout).read().decode("utf-8"))
        if reply.get("error"):
            raise RuntimeError(json.dumps(reply["error"])[:2000])
        return reply["result"]

    def kw(self, model, method, args, **kwargs):
        kwargs["context"] = self.context
        return self.call("/web/dataset/call_kw/%s/%s" % (model, method),
                         {"model": model, "method": method, "args": args, "kwargs": kwargs})

    def button(self, model, method, record_id):
        return self.call("/web/dataset/call_button", {"model": model, "method": method,
                                                      "args": [[record_id], self.context]})

    # the two screens of the load: what the web client asks to draw them
    def open_kanban(self):
        """The case kanban's first page: read_group by stage, then 40 cards of each column."""
        groups = self.kw("ukkr.debtor.case", "read_group", [], domain=[["state", "=", "open"]], fields=["stage_id"],
                         groupby=["stage_id"], lazy=True, orderby="")
        for group in groups:
            self.call("/web/dataset/search_read", {"model": "ukkr.debtor.case", "fields": KANBAN_FIELDS,
                                                   "domain": group["__domain"], "limit": 40, "sort": "",
                                                   "context": self.context})
        return len(groups)

    def open_pivot(self):
        """The debt pivot («Анализ задолженности»): the last month, settlement × category with the totals."""
        measures = ["amount", "overdue_amount", "over_3m", "penalty"]
        periods = self.kw("ukkr.debt.snapshot.analysis", "read_group", [], domain=[], fields=["period"],
                          groupby=["period"], lazy=True, orderby="period desc", limit=1)
        domain = [["period", "=", periods[0]["period"]]] if periods else []
        for groupby in ([], ["settlement_id"], ["settlement_id", "category"]):
            self.kw("ukkr.debt.snapshot.analysis", "read_group", [], domain=domain, fields=measures + groupby,
                    groupby=groupby, lazy=False, orderby="")
        return 1


# the fields the web client asks for the case kanban's cards: every field of its arch (tests/test_bench_tools.py
# checks them against addons/ukkr_collections/views/ukkr_debtor_case_views.xml)
KANBAN_FIELDS = ["account_name", "activity_ids", "activity_state", "address", "apartment", "color",
                 "deadline_passed", "months_in_debt", "next_action", "next_deadline", "overdue_at_close",
                 "partner_id", "priority", "stage_id", "user_id"]


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load(url, db, sessions, seconds, with_jobs=False, max_loads=20000):
    """``sessions`` concurrent web sessions of the four roles, each loading the case kanban and the debt pivot in
    turn without think time, for ``seconds`` (and at most ``max_loads`` loads in all: the test stops by itself).
    With ``with_jobs``: meanwhile the measured month is reopened, its accruals imported again and the month closed,
    both as background jobs of the manager; the load lasts until both have ended (at most 20 minutes)."""
    import threading
    logins = [login for login, _name, _group in BENCH_USERS]
    clients = [WebClient(url, db, logins[i % len(logins)], "bench") for i in range(sessions)]
    latencies, errors, lock = [], [], threading.Lock()
    stop = threading.Event()
    job_log = []

    def worker(index):
        client = clients[index]
        turn = index
        while not stop.is_set():
            started = time.time()
            try:
                client.open_kanban() if turn % 2 == 0 else client.open_pivot()
            except Exception as error:  # noqa: BLE001 — counted, the load goes on
                with lock:
                    errors.append(str(error)[:300])
            else:
                with lock:
                    latencies.append((started, time.time() - started, turn % 2))
                    if len(latencies) >= max_loads:
                        stop.set()
            turn += 1

    def run_jobs():
        manager = WebClient(url, db, "bench_manager", "bench")
        results = load_results()
        period = results["period"]

        def follow(action, label):
            job_id = action["res_id"]
            begun = time.time()
            while time.time() - begun < 1200:
                [job] = manager.kw("ukkr.job", "read", [[job_id], ["state", "done", "total", "stage", "error"]])
                if job["state"] != "queued":
                    job_log.append("%s: %s in %.0f s%s" % (label, job["state"], time.time() - begun,
                                                           (" — " + job["error"][:200]) if job["error"] else ""))
                    return job
                time.sleep(1)
            job_log.append("%s: not ended in 1200 s" % label)
        try:
            close_ids = manager.kw("ukkr.monthly.close", "search", [[["period", "=", period]]])
            if close_ids:
                manager.button("ukkr.monthly.close", "action_reopen", close_ids[0])
            files = _files(results["accounts"], results["months"])
            month = _split(files["accruals.csv"], lambda line: line.split(";")[1] == period)
            del files
            import base64
            wizard = manager.kw("ukkr.billing.import.wizard", "create", [{
                "file": base64.b64encode(month).decode("ascii"), "filename": "load-accruals-%s.csv" % period,
                "dry_run": False}])
            follow(manager.button("ukkr.billing.import.wizard", "action_import", wizard), "import job")
            wizard = manager.kw("ukkr.monthly.close.wizard", "create", [{"period": period}])
            follow(manager.button("ukkr.monthly.close.wizard", "action_close", wizard), "close job")
        except Exception as error:  # noqa: BLE001
            job_log.append("jobs: %s" % str(error)[:500])
        finally:
            stop.set()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(sessions)]
    began = time.time()
    for thread in threads:
        thread.start()
    jobs = None
    if with_jobs:
        time.sleep(2)
        jobs = threading.Thread(target=run_jobs, daemon=True)
        jobs.start()
        jobs.join(1300)
    else:
        stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(330)
    elapsed = time.time() - began
    values = [duration for _start, duration, _kind in latencies]
    by_kind = {name: [d for _s, d, kind in latencies if kind == code] for code, name in ((0, "kanban"), (1, "pivot"))}
    outcome = {"sessions": sessions, "seconds": round(elapsed, 1), "loads": len(values),
               "rate": round(len(values) / elapsed, 2) if elapsed else 0, "errors": len(errors),
               "error_samples": errors[:5], "p50": percentile(values, 0.5), "p95": percentile(values, 0.95),
               "max": max(values) if values else None, "jobs": job_log,
               "kanban_p95": percentile(by_kind["kanban"], 0.95), "pivot_p95": percentile(by_kind["pivot"], 0.95)}
    try:
        outcome["load_average"] = os.getloadavg()[0]
    except OSError:
        pass
    say("  load %s: %d sessions, %d loads in %.0f s = %.1f/s, p50 %.2f s, p95 %.2f s, %d errors%s" % (
        "with jobs" if with_jobs else "alone", sessions, len(values), elapsed, outcome["rate"],
        outcome["p50"] or 0, outcome["p95"] or 0, len(errors), ("; " + "; ".join(job_log)) if job_log else ""))
    results = load_results()
    results.setdefault("load", {})["with_jobs" if with_jobs else "alone"] = outcome
    save_results(results)
    return outcome


# ---------------------------------------------------------------------------------------------------- table
def machine():
    import multiprocessing
    try:
        with open("/proc/cpuinfo") as handle:
            model = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")][0]
    except (OSError, IndexError):
        model = platform.processor()
    try:
        with open("/proc/meminfo") as handle:
            memory = int(handle.readline().split()[1]) / 1048576.0
    except OSError:
        memory = 0
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = 0
    return "%s, %d cores, %.1f GiB RAM, %s; load average at the end %.1f" % (
        model, multiprocessing.cpu_count(), memory, platform.platform(terse=True), load)


def table():
    results = load_results()
    lines = ["УККР bench %s: %d accounts × %d months (measured month %s), %s runs each; %s" % (
        results.get("finished", datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")), results["accounts"],
        results["months"], results["period"], results.get("repeat", "?"), machine()), ""]
    lines.append("%-72s %9s %17s %9s %7s %8s %s" % ("step", "median", "spread", "baseline", "ratio", "target",
                                                    "ok"))
    targets = targets_for(results["accounts"])
    rss_target = RSS_TARGET_MIB["city" if results["accounts"] >= CITY_ACCOUNTS else "district"]
    for key in ("import", "close", "penalties", "report", "pivot", "kanban"):
        step = results.get("steps", {}).get(key)
        if not step:
            lines.append("%-72s not measured" % key)
            continue
        if step.get("missing"):
            lines.append("%-72s GAP: %s" % (step["label"], step["missing"]))
            continue
        ours, base = step["ours"], step.get("baseline")
        ratio = ours["median"] / base["median"] if base and base["median"] else None
        ok = ours["median"] <= targets[key] and (ratio is None or ratio <= 3.0)
        lines.append("%-72s %8.2fs %7.2f–%7.2fs %8.3fs %6s %7.1fs %s" % (
            step["label"][:72], ours["median"], ours["min"], ours["max"], base["median"] if base else float("nan"),
            "%.1f×" % ratio if ratio else "—", targets[key], "yes" if ok else "NO"))
        if key == "close":
            lines.append("%-72s %8.0f MiB (target ≤ %d MiB) %s" % (
                "    peak RSS of the Odoo process during the close", step["memory_mib"], rss_target,
                "yes" if step["memory_mib"] <= rss_target else "NO"))
        if key == "kanban":
            lines.append("%-72s %8.3fs" % ("    first call after the server started (cold caches)", step["first_call"]))
    for key, label in (("alone", "load: %d sessions of 4 roles, kanban + pivot, prefork server"),
                       ("with_jobs", "load: %d sessions while an import and a close run as background jobs")):
        run = results.get("load", {}).get(key)
        if not run:
            continue
        p95_target = LOAD_TARGETS["p95" if key == "alone" else "p95_jobs"]
        ok = run["errors"] == 0 and run["p95"] is not None and run["p95"] <= p95_target and (
            key != "alone" or run["rate"] >= LOAD_TARGETS["rate"])
        lines.append("%-72s %5.1f loads/s, p50 %.2fs, p95 %.2fs (≤ %.1fs%s), %d errors, load avg %.1f %s" % (
            (label % run["sessions"])[:72], run["rate"], run["p50"] or 0, run["p95"] or 0, p95_target,
            ", ≥ %.0f/s" % LOAD_TARGETS["rate"] if key == "alone" else "", run["errors"],
            run.get("load_average", 0), "yes" if ok else "NO"))
        for job in run.get("jobs") or ():
            lines.append("    %s" % job)
    for key in ("kanban", "pivot", "form"):
        paint = results.get("paint", {}).get(key)
        if paint:
            lines.append("%-72s %8.2fs %7.2f–%7.2fs %27.1fs %s" % (
                paint["label"], paint["median"], paint["min"], paint["max"], paint["target"],
                "yes" if paint["median"] <= paint["target"] else "NO"))
    lines.append("")
    lines.append("setup (not measured): " + ", ".join("%s %.1f s" % item for item in results.get("setup", {}).items()))
    if results.get("setup_closes"):
        lines.append("setup closes: " + ", ".join("%s %.1f s" % item for item in results["setup_closes"].items()))
    lines.append("history rows: %s accruals, %s payments; open debtor cases: %s" % (
        results.get("history_accrual_rows"), results.get("history_payment_rows"), results.get("open_cases")))
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(ARTIFACTS, "bench.txt"), "w") as handle:
        handle.write(text)


# ---------------------------------------------------------------------------------------------------- import RSS
def month_file(accounts, months, path):
    """Write the measured month's accruals (every account) to ``path`` — made apart from the process that imports
    it, so the generator's memory does not count in the import's peak RSS."""
    files = _files(accounts, months)
    last = _last_period(files)
    with open(path, "wb") as handle:
        handle.write(_split(files["accruals.csv"], lambda line: line.split(";")[1] == last))
    say("%s: accruals of %s" % (path, last))


def import_rss(env, path):
    """Peak RSS of this process while the importer loads ``path`` (a month already loaded: every account's lines
    are replaced, so every account's payments are re-allocated — the re-import the load test's job makes), then
    rolled back (the month must be open or reopened, as after the load test's jobs)."""
    import psutil
    with open(path, "rb") as handle:
        content = handle.read()
    period = content.decode("utf-8").splitlines()[1].split(";")[1]
    cr = env.cr
    cr.execute("SAVEPOINT bench_import_rss")
    before = psutil.Process().memory_info().rss / 1048576.0
    started = time.time()
    with PeakRss() as peak:
        result = env["ukkr.billing.import"].import_content(content, "bench-rss-%s.csv" % period)
    elapsed = time.time() - started
    cr.execute("ROLLBACK TO SAVEPOINT bench_import_rss")
    say("import of %s (%d rows, errors %s): %.1f s; RSS before %.0f MiB, peak %.0f MiB" % (
        period, result.get("rows", 0), result.get("errors")[:3], elapsed, before, peak.mib))
    results = load_results()
    results["import_rss"] = {"period": period, "rows": result.get("rows"), "seconds": round(elapsed, 1),
                             "rss_before_mib": round(before), "peak_mib": round(peak.mib)}
    save_results(results)


# ---------------------------------------------------------------------------------------------------- kanban profile
def kanban_profile(env, repeat=3):
    """What the case kanban's first page costs as each role of the load test, inside Odoo: the web client's calls
    (read_group by stage; per column search_read of 40 cards and, when the column is full, search_count — as
    ``/web/dataset/search_read`` does), timed, with the SQL statements grouped by their text and the costliest
    Python calls (cProfile). Written to artifacts/profile-kanban.txt."""
    import cProfile
    import pstats
    import re
    from collections import defaultdict
    from odoo.sql_db import Cursor
    statements = defaultdict(lambda: [0, 0.0])
    original = Cursor.execute

    def timed_execute(self, query, params=None, log_exceptions=None):
        started = time.time()
        try:
            return original(self, query, params, log_exceptions) if log_exceptions is not None \
                else original(self, query, params)
        finally:
            key = re.sub(r"\s+", " ", query if isinstance(query, str) else str(query))[:260]
            statements[key][0] += 1
            statements[key][1] += time.time() - started
    lines = []
    for login, _name, _group in BENCH_USERS:
        user = env["res.users"].search([("login", "=", login)])
        cases = env["ukkr.debtor.case"].sudo(user).with_context(env["res.users"].sudo(user).context_get())

        def first_page():
            groups = cases.read_group([("state", "=", "open")], ["stage_id"], ["stage_id"], lazy=True)
            for group in groups:
                records = cases.search_read(group["__domain"], KANBAN_FIELDS, limit=40)
                if len(records) == 40:
                    cases.search_count(group["__domain"])
                cases.invalidate_cache()
            return groups
        first_page()   # warm the registry's caches (rules, fields), as a running server has them
        statements.clear()
        Cursor.execute = timed_execute
        profile = cProfile.Profile()
        samples = []
        try:
            for _run in range(repeat):
                env.clear()
                started = time.time()
                profile.runcall(first_page)
                samples.append(time.time() - started)
        finally:
            Cursor.execute = original
        lines.append("== %s: first page %s s (median of %d)" % (login, round(statistics.median(samples), 3), repeat))
        for query, (count, seconds) in sorted(statements.items(), key=lambda item: -item[1][1])[:12]:
            lines.append("  %7.3f s %5d× %s" % (seconds / repeat, count // repeat, query))
        stream = io.StringIO()
        pstats.Stats(profile, stream=stream).sort_stats("tottime").print_stats(15)
        lines.append("\n".join(stream.getvalue().splitlines()[:40]))
    text = "\n".join(lines)
    print(text)
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(os.path.join(ARTIFACTS, "profile-kanban.txt"), "w") as handle:
        handle.write(text + "\n")


def main(env, argv):
    """Entry for tools/odoo_exec.py: ``setup ACCOUNTS MONTHS``, ``measure REPEAT``, ``import-rss FILE`` or
    ``kanban-profile``."""
    if argv[0] == "import-rss":
        return import_rss(env, argv[1])
    if argv[0] == "kanban-profile":
        return kanban_profile(env)
    if argv[0] == "setup":
        setup(env, int(argv[1]), int(argv[2]))
    elif argv[0] == "measure":
        results = load_results()
        results["repeat"] = int(argv[1])
        save_results(results)
        measure(env, int(argv[1]))


if __name__ == "__main__":
    if sys.argv[1] == "kanban":
        kanban(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    elif sys.argv[1] == "load":   # load URL DB SESSIONS SECONDS [jobs]
        load(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), with_jobs=sys.argv[6:7] == ["jobs"])
    elif sys.argv[1] == "month-file":   # month-file ACCOUNTS MONTHS PATH
        month_file(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "table":
        results = load_results()
        results["finished"] = datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")
        save_results(results)
        table()
