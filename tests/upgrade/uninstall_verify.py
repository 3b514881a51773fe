# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""After uninstalling cs_department: manual indicator, closed lines kept."""

import sys

Campaign = env["cs.kpi.campaign"]  # noqa: F821
closed = Campaign.search([("name", "=", "Uninstall check Q1")])
running = Campaign.search([("name", "=", "Uninstall check Q2")])
indicator = closed.sheet_ids.line_ids.indicator_id.filtered(
    lambda ind: ind.code == "CS-CB-SAT"
)
closed_lines = closed.sheet_ids.line_ids.filtered(
    lambda li: li.indicator_id == indicator
)
running.action_compute()
line = running.sheet_ids.line_ids.filtered(lambda li: li.indicator_id == indicator)[:1]
line.actual = 88
module = env["ir.module.module"].search([("name", "=", "cs_department")])  # noqa: F821
checks = {
    "cs_department uninstalled": module.state == "uninstalled",
    "indicator falls back to manual": (indicator.measure_type, indicator.source)
    == ("manual", "manual"),
    "message on the indicator": "uninstalled" in (indicator.message_ids[:1].body or ""),
    "closed sheets untouched": closed.state == "done"
    and set(closed_lines.mapped("source")) == {"cs_callback_satisfaction"}
    and set(closed_lines.mapped("measure_type")) == {"computed"},
    "open campaign computes, its line takes a manual value": line.is_measured
    and line.actual == 88,
}
for label, result in checks.items():
    print("OK  " if result else "FAIL", label)
sys.exit(0 if all(checks.values()) else 1)
