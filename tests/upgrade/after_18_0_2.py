# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""After ``-u cs_kpi,cs_department`` to 18.0.2.0.0: compare with the snapshot."""

import json
import sys

with open(argv[0], encoding="utf-8") as snap_file:  # noqa: F821
    snap = json.load(snap_file)
Data = env["ir.model.data"]  # noqa: F821
moved = []
for name, (model, res_id, noupdate) in snap["xmlids"].items():
    row = Data.search([("name", "=", name), ("model", "=", model)])
    moved.append(
        len(row) == 1
        and (row.module, row.res_id, row.noupdate)
        == ("cs_department", res_id, noupdate)
        and bool(env[model].with_context(active_test=False).browse(res_id).exists())  # noqa: F821
    )
campaign = env["cs.kpi.campaign"].browse(snap["campaign"])  # noqa: F821
template = env.ref("cs_department.cs_kpi_template_manager_quarter")  # noqa: F821
job = env.ref("cs_department.hr_job_cs_manager")  # noqa: F821
campaign.action_compute()
checks = {
    "external ids moved, same records, noupdate kept": bool(moved) and all(moved),
    "campaign, sheets and lines kept": (
        campaign.state == "open"
        and campaign.sheet_ids.ids == snap["sheets"]
        and campaign.sheet_ids.line_ids.ids == snap["lines"]
    ),
    "template lines, jobs and chatter kept": (
        template.line_ids.ids == snap["template_lines"]
        and template.job_ids.ids == snap["template_jobs"]
        and set(snap["template_messages"]) <= set(template.message_ids.ids)
    ),
    "zh_CN name kept": template.with_context(lang="zh_CN").name == snap["zh_name"],
    "every campaign kept": set(snap["campaigns"])
    <= set(env["cs.kpi.campaign"].search([]).ids),  # noqa: F821
    "no duty item of kind goal": not env["cs.job.duty"].search_count(  # noqa: F821
        [("kind", "=", "goal")]
    ),
    "HR's duty goal kept as a KPI goal": bool(
        job.cs_goal_ids.filtered(
            lambda g: (
                (g.name, g.target_text, g.category)
                == ("Goal added by HR", "Every quarter", "internal")
            )
        )
    ),
    "the manual's goals have a category": all(job.cs_goal_ids.mapped("category")),
}
for label, result in checks.items():
    print("OK  " if result else "FAIL", label)
sys.exit(0 if all(checks.values()) else 1)
