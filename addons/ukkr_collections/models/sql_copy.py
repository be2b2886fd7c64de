"""COPY … FROM STDIN for set-based writes of many rows (allocations, snapshots): one round trip, no per-row SQL
text to build and parse. Values: None → NULL, booleans, numbers, dates and text (escaped for COPY's text format)."""
import io

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value):
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, float):
        return repr(value)
    return str(value).translate(_ESCAPES)


def copy_rows(cr, table, columns, rows):
    """Write ``rows`` (tuples in the order of ``columns``) into ``table``; returns how many."""
    buffer = io.StringIO()
    count = 0
    for row in rows:
        buffer.write("\t".join(_text(value) for value in row))
        buffer.write("\n")
        count += 1
    if count:
        buffer.seek(0)
        cr.copy_expert("COPY %s (%s) FROM STDIN" % (table, ", ".join(columns)), buffer)
    return count
