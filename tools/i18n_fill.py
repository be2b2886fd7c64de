#!/usr/bin/env python3
"""Refresh a module's i18n/ru.po from a fresh export, keeping its translations; list what is missing.

Usage: i18n_fill.py EXPORTED.po TARGET_ru.po [TABLE.py]
EXPORTED.po is `odoo --i18n-export --language=ru_RU --modules=M` output (new and changed source strings);
TARGET's existing translations are kept; the optional TABLE.py (T = {msgid: msgstr}) adds new ones. Exits 1 while
any msgid stays untranslated, printing them.
"""
import re
import runpy
import sys

import polib


def main(exported, target, table=None):
    po = polib.pofile(exported)
    known = dict(runpy.run_path(table)["T"]) if table else {}
    try:
        for entry in polib.pofile(target):
            if entry.msgstr:
                known.setdefault(entry.msgid, entry.msgstr)
    except (OSError, IOError):
        pass
    missing = []
    for entry in po:
        entry.msgstr = known.get(entry.msgid, "")
        if not entry.msgstr and re.search("[А-Яа-яЁё]", entry.msgid) and not re.search("[A-Za-z]{3,}", entry.msgid):
            entry.msgstr = entry.msgid  # already Russian (printed documents are written in Russian)
        if not entry.msgstr:
            missing.append(entry.msgid)
    po.metadata["Language"] = "ru"
    po.metadata["Plural-Forms"] = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    po.save(target)
    for msgid in missing:
        print("untranslated: %r" % msgid)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))  # noqa
