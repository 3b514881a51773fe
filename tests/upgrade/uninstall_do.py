# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Uninstall cs_department as from the Apps menu."""

env["ir.module.module"].search(  # noqa: F821
    [("name", "=", "cs_department")]
).button_immediate_uninstall()
