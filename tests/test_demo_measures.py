"""The demo's month of collection work is dated inside the last month the setup closes (tools/demo_work.py), so the
monthly report of that month shows in its «Меры» sheet a count for every measure of the plan that the suite's own
records evidence — and the report sent after that close is attached to the executions of measures 5, 21 and 26.

Nothing here depends on the day the test runs: the month is the last one closed in the database."""
import base64
import io

from openpyxl import load_workbook


def _measure_sheet(content):
    rows = [[cell.value for cell in row] for row in load_workbook(io.BytesIO(content))["Меры"].iter_rows()]
    head = next(index for index, row in enumerate(rows) if row[0] == "№")
    return {row[0]: row for row in rows[head + 1:] if isinstance(row[0], int)}


def test_every_measure_fed_by_data_shows_its_counts(rpc):
    director, deputy = rpc("director"), rpc("deputy")
    last = director.call("ukkr.monthly.close", "search_read", [("state", "=", "closed")], ["period"],
                         order="period desc", limit=1)
    assert last, "the demo setup closes months"
    period = last[0]["period"]
    fed = deputy.call("ukkr.plan.measure", "search_read",
                      [("plan_id.state", "=", "active"), ("evidence_kind", "!=", "manual")], ["number"])
    numbers = sorted(m["number"] for m in fed)
    assert {3, 6, 7, 8, 9, 10, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28} <= set(numbers)
    # the administration reads the report like the manager: the same figures
    sheet = _measure_sheet(base64.b64decode(deputy.call("ukkr.monthly.report", "render_xlsx_base64", period)))
    empty = [number for number in numbers if not (sheet[number][3] or 0) > 0 or not (sheet[number][6] or 0) > 0]
    assert not empty, "measures fed by data without counts in %s: %s" % (period, empty)
    # the report sent after that close counted the same work and evidences measures 5, 21 and 26 of the month
    sent = director.call("ukkr.report.dispatch", "search_read",
                         [("period", "=", period), ("report", "=", "monthly"), ("state", "=", "done")],
                         ["attachment_id", "execution_id"], order="id desc", limit=1)
    assert sent, "the monthly report of %s was sent after its close" % period
    attachment = director.call("ir.attachment", "read", [sent[0]["attachment_id"][0]], ["datas"])[0]
    sent_sheet = _measure_sheet(base64.b64decode(attachment["datas"]))
    assert [sent_sheet[n][3] for n in numbers] == [sheet[n][3] for n in numbers]
    executions = deputy.call("ukkr.plan.execution", "search_read",
                             [("measure_number", "in", [5, 21, 26]), ("kind", "=", "period"),
                              ("period_start", "=", period + "-01")], ["measure_number", "state", "action_count"])
    assert sorted((e["measure_number"], e["state"]) for e in executions) == [
        (5, "submitted"), (21, "submitted"), (26, "submitted")]
    assert all(e["action_count"] > 0 for e in executions if e["measure_number"] in (21, 26))
