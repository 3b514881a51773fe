#!/usr/bin/env python3
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check that each addon's zh_CN translation is complete and well-formed.

``python3 tests/check_translations.py`` compares ``i18n/<addon>.pot`` with
``i18n/zh_CN.po``; ``--pot ADDON=FILE`` compares a freshly exported template
instead (the Odoo layer of ``tests/run.py`` exports one from a real database).
Every source string must have a non-empty Chinese translation that keeps the
same ``%s``/``%(name)s`` placeholders.

An addon also translates the terms of another module its users see, in its
``i18n_extra/zh_CN.po`` (Odoo loads it with ``i18n/zh_CN.po``; each entry names
the other module's record): ``EXTRA_SCOPE`` says which. Those entries are
checked the same way, and ``--pot MODULE=FILE`` with a template exported from
that module checks that every term in scope is translated.

Both follow the department's glossary (``GLOSSARY.md``): a term is never
translated with the word its row excludes (a ticket is 受理单, never 工单, which is
a work order).
"""

import argparse
import pathlib
import re
import sys

import polib

ROOT = pathlib.Path(__file__).resolve().parents[1]
ADDONS = ("cs_kpi", "cs_department")
#: {addon: {other module: occurrences of that module's terms in scope}}
EXTRA_SCOPE = {
    # The helpdesk terms of the ticket form, list, kanban and search, stages,
    # menus, actions and channels: OCA helpdesk_mgmt ships no zh_CN.
    "cs_department": {
        "helpdesk_mgmt": re.compile(
            r"model:ir\.model\.fields,field_description:"
            r"helpdesk_mgmt\.field_helpdesk_ticket__"
            r"|model:ir\.model\.fields\.selection,name:"
            r"helpdesk_mgmt\.selection__helpdesk_ticket__"
            r"|model:(helpdesk\.ticket\.stage|ir\.ui\.menu|ir\.actions\.act_window"
            r"|helpdesk\.ticket\.channel|ir\.model),\w+:helpdesk_mgmt\."
            r"|model_terms:ir\.ui\.view,arch_db:helpdesk_mgmt\.(ticket_view_form"
            r"|ticket_view_tree|helpdesk_ticket_view_search|helpdesk_ticket_kanban_view"
            r"|view_helpdesk_ticket_kanban)$"
        ),
        # The SLA and rating fields, buttons and filters of the ticket screens:
        # OCA helpdesk_mgmt_sla and helpdesk_mgmt_rating ship no zh_CN.
        "helpdesk_mgmt_sla": re.compile(
            r"model:ir\.model\.fields,field_description:helpdesk_mgmt_sla\."
            r"field_helpdesk_ticket__(sla_ids|sla_deadline|sla_expired|team_sla)$"
            r"|model_terms:ir\.ui\.view,arch_db:helpdesk_mgmt_sla\."
            r"(inherit_helpdesk_ticket_view_form|helpdesk_ticket_view_search)$"
        ),
        "helpdesk_mgmt_rating": re.compile(
            r"model:ir\.model\.fields,field_description:helpdesk_mgmt_rating\."
            r"field_helpdesk_ticket__(rating_status|rating_ids)$"
            r"|model:ir\.model\.fields\.selection,name:helpdesk_mgmt_rating\."
            r"selection__helpdesk_ticket__rating_status__"
            r"|model_terms:ir\.ui\.view,arch_db:helpdesk_mgmt_rating\."
            r"(ticket_view_form_inherit|view_helpdesk_ticket_kanban_inherit"
            r"|ticket_view_form_rating_status)$"
        ),
        # The approval banner and buttons on every record under validation:
        # OCA base_tier_validation's zh_CN leaves them untranslated.
        "base_tier_validation": re.compile(
            r"model_terms:ir\.ui\.view,arch_db:base_tier_validation\."
            r"tier_validation_(label|buttons)$"
        ),
    },
}
#: The department's words: GLOSSARY.md's table, whose last column ("Not") names a
#: Chinese word a source text with the English term must not be translated with.
GLOSSARY = ROOT / "GLOSSARY.md"
PLACEHOLDER = re.compile(r"%(?:\([a-z_0-9]+\))?[sdf]|\{[a-z_0-9]*\}")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def glossary_rules(path=GLOSSARY):
    """``[(english_terms, forbidden_word)]`` from the glossary's table rows."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[3] or cells[3] in ("Not", "---"):
            continue
        terms = [term.strip().lower() for term in cells[0].split(",")]
        rules.append((terms, cells[3]))
    return rules


def glossary_problems(label, entries, rules):
    """Entries translating a glossary term with the word it must not take."""
    problems = []
    for entry in entries:
        msgid = entry.msgid.lower()
        for terms, forbidden in rules:
            if forbidden in entry.msgstr and any(term in msgid for term in terms):
                short = entry.msgid[:60].replace("\n", " ")
                problems.append(
                    f"{label}: {short!r} translates {terms[0]!r} with {forbidden!r} "
                    "(GLOSSARY.md)"
                )
    return problems


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


def record_modules(entry):
    """The modules whose records the occurrences of ``entry`` name (``None``
    for an occurrence that names no record): one term may translate the
    records of several modules, ``Ratings`` of helpdesk_mgmt and of
    helpdesk_mgmt_rating, say."""
    return {
        match and match.group(1)
        for match in (
            re.match(r"model(?:_terms)?:[\w.]+,\w+:(\w+)\.", occurrence)
            for occurrence, _line in entry.occurrences
        )
    }


def extra_entries(addon):
    """The entries of the addon's i18n_extra/zh_CN.po, or a problem."""
    po_path = ROOT / "addons" / addon / "i18n_extra" / "zh_CN.po"
    if not po_path.is_file():
        return None, [f"{addon}: i18n_extra/zh_CN.po is missing"]
    try:
        po = polib.pofile(str(po_path))
    except (OSError, ValueError) as exc:
        return None, [f"{addon}: {exc}"]
    entries = [entry for entry in po if not entry.obsolete and entry.msgid]
    problems = [
        f"{addon}: i18n_extra entry {entry.msgid[:70]!r} is not a record of "
        f"{' or '.join(EXTRA_SCOPE[addon])}"
        for entry in entries
        if not record_modules(entry) <= set(EXTRA_SCOPE[addon])
    ]
    return entries, problems


def check_extra(addon, module, scope, entries, pot_path=None):
    """The other module's terms an addon translates in i18n_extra/zh_CN.po
    (``entries``, read once by ``extra_entries``)."""
    problems = []
    translated = {}
    for entry in entries:
        if module not in record_modules(entry):
            continue
        short = entry.msgid[:70].replace("\n", " ")
        if not entry.msgstr:
            problems.append(f"{addon}: no zh_CN translation for {module}'s {short!r}")
        elif placeholders(entry.msgid) != placeholders(entry.msgstr):
            problems.append(f"{addon}: placeholders differ in {module}'s {short!r}")
        translated[entry.msgid] = entry.msgstr
    if pot_path is None:
        return problems
    for entry in polib.pofile(str(pot_path)):
        in_scope = any(
            scope.match(occurrence) for occurrence, _line in entry.occurrences
        )
        # an entry there without its Chinese is reported above
        if in_scope and not entry.obsolete and entry.msgid not in translated:
            short = entry.msgid[:70].replace("\n", " ")
            problems.append(f"{addon}: no zh_CN translation for {module}'s {short!r}")
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
    rules = glossary_rules()
    for addon in ADDONS:
        problems += check_addon(addon, pots.pop(addon))
        po = polib.pofile(str(ROOT / "addons" / addon / "i18n" / "zh_CN.po"))
        problems += glossary_problems(addon, po, rules)
    for addon, modules in EXTRA_SCOPE.items():
        entries, extra_problems = extra_entries(addon)
        problems += extra_problems
        problems += glossary_problems(f"{addon} i18n_extra", entries or [], rules)
        for module, scope in modules.items():
            problems += check_extra(
                addon, module, scope, entries or [], pots.pop(module, None)
            )
    problems += [f"{name}: no translation of its terms is checked" for name in pots]
    for line in problems[:60]:
        print(line)
    if len(problems) > 60:
        print(f"... and {len(problems) - 60} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
