"""Reads the table of measures out of the text of распоряжение № 2632-р (data/seed/).

The text is the order as converted from the signed document: each table cell starts on a line beginning with a
tab, continuation lines of a cell have none. A cell holding only ``N.`` starts a measure; the three cells after it
are the measure's text, its term and its executors; any other cell between measures is a section title.
Whitespace is normalised (runs of blanks and line breaks become one space); the words are kept exactly.
"""
import re


def _normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def parse_plan(text):
    """Return ``[{'title': section, 'measures': [{'number', 'name', 'term', 'executors'}]}]``."""
    body = text.split("Ответственные исполнители", 1)[1]
    cells = []
    for line in body.splitlines():
        if line.startswith("\t"):
            cells.append(line[1:])
        elif cells:
            cells[-1] += "\n" + line
    sections = []
    index = 0
    while index < len(cells):
        cell = _normalise(cells[index])
        match = re.match(r"^(\d+)\.$", cell)
        if match:
            name, term, executors = (_normalise(c) for c in cells[index + 1:index + 4])
            sections[-1]["measures"].append({"number": int(match.group(1)), "name": name, "term": term,
                                             "executors": executors})
            index += 4
            continue
        if cell:
            sections.append({"title": cell, "measures": []})
        index += 1
    return sections
