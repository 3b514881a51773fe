#!/usr/bin/env python3
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check that each addon's zh_CN translation is complete and well-formed.

``python3 tests/check_translations.py`` compares ``i18n/<addon>.pot`` with
``i18n/zh_CN.po``; ``--pot ADDON=FILE`` compares a freshly exported template
instead (the Odoo layer of ``tests/run.py`` exports one from a real database).
Every source string must have a non-empty Chinese translation that keeps the
same ``%s``/``%(name)s`` placeholders.
"""

import argparse
import pathlib
import re
import sys

import polib

ROOT = pathlib.Path(__file__).resolve().parents[1]
ADDONS = ("cs_kpi", "cs_department")
PLACEHOLDER = re.compile(r"%(?:\([a-z_0-9]+\))?[sdf]|\{[a-z_0-9]*\}")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def check_addon(addon, pot_path):
    problems = []
    i18n = ROOT / "addons" / addon / "i18n"
    po_path = i18n / "zh_CN.po"
    if not pot_path.is_file():
        return [f"{addon}: {pot_path.relative_to(ROOT)} is missing"]
    if not po_path.is_file():
        return [f"{addon}: i18n/zh_CN.po is missing"]
    try:
        pot = polib.pofile(str(pot_path))
        po = polib.pofile(str(po_path))
    except (OSError, ValueError) as exc:
        return [f"{addon}: {exc}"]
    translated = {entry.msgid: entry.msgstr for entry in po if not entry.obsolete}
    for entry in pot:
        if entry.obsolete or not entry.msgid:
            continue
        msgstr = translated.get(entry.msgid)
        short = entry.msgid[:70].replace("\n", " ")
        if not msgstr:
            problems.append(f"{addon}: no zh_CN translation for {short!r}")
        elif placeholders(entry.msgid) != placeholders(msgstr):
            problems.append(f"{addon}: placeholders differ in {short!r}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot", action="append", default=[], metavar="ADDON=FILE")
    args = parser.parse_args()
    pots = {
        addon: ROOT / "addons" / addon / "i18n" / f"{addon}.pot" for addon in ADDONS
    }
    for item in args.pot:
        addon, _sep, path = item.partition("=")
        pots[addon] = pathlib.Path(path).resolve()
    problems = []
    for addon, pot_path in pots.items():
        problems += check_addon(addon, pot_path)
    for line in problems[:60]:
        print(line)
    if len(problems) > 60:
        print(f"... and {len(problems) - 60} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
