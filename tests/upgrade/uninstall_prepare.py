# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Before uninstalling cs_department: a campaign closed with a callback KPI."""

from odoo import Command

Indicator = env["cs.kpi.indicator"]  # noqa: F821
callback = env.ref("cs_department.cs_kpi_indicator_callback_satisfaction")  # noqa: F821
manual = Indicator.create({"name": "Uninstall check manual", "code": "UNI-MAN"})
job = env["hr.job"].create({"name": "Uninstall check job"})  # noqa: F821
env["hr.employee"].create(  # noqa: F821
    [{"name": f"Uninstall check {i}", "job_id": job.id} for i in range(2)]
)
env["cs.kpi.template"].create(  # noqa: F821
    {
        "name": "Uninstall check template",
        "period_type": "quarter",
        "job_ids": [Command.set(job.ids)],
        "kpi_weight": 100,
        "competency_weight": 0,
        "line_ids": [
            Command.create({"indicator_id": callback.id, "weight": 50}),
            Command.create({"indicator_id": manual.id, "weight": 50}),
        ],
    }
)


def new_campaign(number):
    campaign = env["cs.kpi.campaign"].create(  # noqa: F821
        {
            "name": f"Uninstall check Q{number}",
            "period_type": "quarter",
            "year": 2026,
            "period_number": number,
            "job_ids": [Command.set(job.ids)],
        }
    )
    campaign.action_generate_sheets()
    campaign.action_open()
    return campaign


closed = new_campaign(1)
closed.sheet_ids.line_ids.filtered(lambda li: li.measure_type == "manual").write(
    {"actual": 77}
)
closed._close(force_reason="Uninstall check: no callback")
new_campaign(2)
print(
    "BEFORE",
    closed.sheet_ids.line_ids.mapped(
        lambda li: (li.source, li.measure_type, li.actual, li.score)
    ),
)
