#!/usr/bin/env python3
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check what no linter checks in the addons: every model has an access rule.

Also that each addon has its ``readme/DESCRIPTION.md`` and its icon. A pre-commit
hook (``.pre-commit-config.yaml``) runs it: ``python3 tests/check_addons.py``.
"""

import ast
import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
ADDONS_DIR = ROOT / "addons"
REQUIRED_FILES = ("readme/DESCRIPTION.md", "static/description/icon.png")


def defined_models(addon_dir):
    """Models an addon defines (``_name`` on a Model or TransientModel class),
    not the ones it extends (``_name`` repeated in ``_inherit``, to add a mixin
    to an existing model)."""
    models = set()
    for path in addon_dir.rglob("*.py"):
        if "tests" in path.relative_to(addon_dir).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            if not bases & {"models.Model", "models.TransientModel"}:
                continue
            names, inherits = set(), set()
            for stmt in node.body:
                if not isinstance(stmt, ast.Assign):
                    continue
                targets = {getattr(t, "id", None) for t in stmt.targets}
                if "_name" in targets and isinstance(stmt.value, ast.Constant):
                    names.add(stmt.value.value)
                if "_inherit" in targets and isinstance(stmt.value, ast.List):
                    inherits.update(
                        elt.value
                        for elt in stmt.value.elts
                        if isinstance(elt, ast.Constant)
                    )
            models |= names - inherits
    return models


def access_models(addon_dir):
    """Models named by the addon's ``ir.model.access.csv`` (``model_x_y`` ids)."""
    path = addon_dir / "security" / "ir.model.access.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as handle:
        return {
            row["model_id:id"].split(".")[-1]
            for row in csv.DictReader(handle)
            if row.get("model_id:id")
        }


def main():
    problems = []
    for manifest in sorted(ADDONS_DIR.glob("*/__manifest__.py")):
        addon_dir = manifest.parent
        granted = access_models(addon_dir)
        for model in sorted(defined_models(addon_dir)):
            if "model_" + model.replace(".", "_") not in granted:
                problems.append(
                    f"{addon_dir.name}: no ir.model.access line for {model}"
                )
        for name in REQUIRED_FILES:
            if not (addon_dir / name).is_file():
                problems.append(f"{addon_dir.name}: {name} is missing")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
