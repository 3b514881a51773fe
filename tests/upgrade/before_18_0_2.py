# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""On 18.0.1.0.0: use the manual's data, then snapshot it (``argv[0]``: JSON file)."""

import json

from odoo import Command

template = env.ref("cs_kpi.cs_kpi_template_manager_quarter")  # noqa: F821
job = env.ref("cs_department.hr_job_cs_manager")  # noqa: F821
env["hr.employee"].create({"name": "Upgrade Manager", "job_id": job.id})  # noqa: F821
campaign = env["cs.kpi.campaign"].create(  # noqa: F821
    {
        "name": "Upgrade check Q3",
        "period_type": "quarter",
        "year": 2026,
        "period_number": 3,
        "job_ids": [Command.set(job.ids)],
    }
)
campaign.action_generate_sheets()
campaign.action_open()
template.message_post(body="Chatter before the update")
env["cs.job.duty"].create(  # noqa: F821
    {
        "job_id": job.id,
        "kind": "goal",
        "category": "internal",
        "name": "Goal added by HR",
        "target": "Every quarter",
        "sequence": 42,
    }
)
data = env["ir.model.data"].search(  # noqa: F821
    [
        ("module", "=", "cs_kpi"),
        (
            "model",
            "in",
            ("cs.kpi.indicator", "cs.kpi.competency", "cs.kpi.template", "cs.kpi.goal"),
        ),
    ]
)
snapshot = {
    "xmlids": {d.name: [d.model, d.res_id, d.noupdate] for d in data},
    "campaign": campaign.id,
    "sheets": campaign.sheet_ids.ids,
    "lines": campaign.sheet_ids.line_ids.ids,
    "template_lines": template.line_ids.ids,
    "template_messages": template.message_ids.ids,
    "template_jobs": template.job_ids.ids,
    "zh_name": template.with_context(lang="zh_CN").name,
    "campaigns": env["cs.kpi.campaign"].search([]).ids,  # noqa: F821
}
with open(argv[0], "w", encoding="utf-8") as out:  # noqa: F821
    json.dump(snapshot, out)
print(
    f"BEFORE {len(snapshot['xmlids'])} external ids, campaign {campaign.id} with "
    f"{len(snapshot['sheets'])} sheets and {len(snapshot['lines'])} lines"
)
