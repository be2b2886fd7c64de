#!/usr/bin/env python3
"""Fill a module's i18n/ru.po from an exported template and a translation table; list what is missing.

Usage: i18n_fill.py EXPORTED.po TARGET_ru.po TABLE.py
EXPORTED.po is `odoo --i18n-export --language=ru_RU` output; TABLE.py defines T = {msgid: msgstr}. Existing
translations in TARGET win over empty ones; the script exits 1 when any msgid stays untranslated.
"""
import runpy
import sys

import polib


def main(exported, target, table):
    po = polib.pofile(exported)
    known = dict(runpy.run_path(table)["T"])
    try:
        for entry in polib.pofile(target):
            if entry.msgstr:
                known.setdefault(entry.msgid, entry.msgstr)
    except (OSError, IOError):
        pass
    missing = []
    for entry in po:
        entry.msgstr = known.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    po.metadata["Language"] = "ru"
    po.metadata["Plural-Forms"] = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    po.save(target)
    for msgid in missing:
        print("untranslated: %r" % msgid)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
