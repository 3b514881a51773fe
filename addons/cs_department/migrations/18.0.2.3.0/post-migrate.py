# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.3.0: 受理 is the service desk, not "Acceptance".

The English names of the service-desk jobs, their KPI templates, duties, goal and
the demo team rendered 受理 word for word ("Acceptance Group Supervisor"); they
now read "Service Desk Supervisor" and so on. These records are ``noupdate``
(data and demo), so an update does not reload them: their English value is
renamed here when it is still the shipped one (an administrator's own wording
is kept). The other languages' values are kept: the Chinese did not change.

What copied a job's or the team's name follows when it still holds the old one:
the employees' job title and resume line of those jobs, and the report
submissions of the team (their name ends with the team's). The file names of
workbooks already submitted are kept.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

SUPERVISOR = ("Acceptance Group Supervisor", "Service Desk Supervisor")
REPRESENTATIVE = (
    "Acceptance Service Representative I",
    "Service Desk Representative I",
)
TEAM = ("Acceptance Service", "Service Desk")

#: ``{(model, xml id in cs_department): {field: (shipped English, new English)}}``
TEXTS = {
    ("hr.job", "hr_job_cs_supervisor"): {"name": SUPERVISOR},
    ("hr.job", "hr_job_cs_representative"): {
        "name": REPRESENTATIVE,
        "cs_superior_guidance": (
            "Receives business guidance from the Acceptance Group Supervisor.",
            "Receives business guidance from the Service Desk Supervisor.",
        ),
        "cs_peer_coordination": (
            (
                "Technical assistants, other acceptance service representatives, and "
                "staff of the finance department, the systems department and the "
                "business units."
            ),
            (
                "Technical assistants, other service desk representatives, and staff "
                "of the finance department, the systems department and the business "
                "units."
            ),
        ),
    },
    ("hr.job", "hr_job_cs_engineer"): {
        "cs_peer_coordination": (
            (
                "Acceptance service representatives, the technical-service group and "
                "the warehouse."
            ),
            (
                "Service desk representatives, the technical-service group and the "
                "warehouse."
            ),
        ),
    },
    ("cs.kpi.template", "cs_kpi_template_supervisor_quarter"): {
        "name": (
            "Acceptance Group Supervisor - quarterly KPIs",
            "Service Desk Supervisor - quarterly KPIs",
        ),
    },
    ("cs.kpi.template", "cs_kpi_template_supervisor_half_year"): {
        "name": (
            "Acceptance Group Supervisor - half-year ability and attitude",
            "Service Desk Supervisor - half-year ability and attitude",
        ),
    },
    ("cs.kpi.template", "cs_kpi_template_representative_quarter"): {
        "name": (
            "Acceptance Service Representative I - quarterly KPIs",
            "Service Desk Representative I - quarterly KPIs",
        ),
    },
    ("cs.kpi.goal", "cs_kpi_goal_sup_acceptance_quality"): {
        "name": ("Acceptance service quality", "Service desk quality"),
    },
    ("cs.kpi.goal", "cs_kpi_goal_supervisor_2025_q4_acceptance_quality_demo"): {
        "name": ("Acceptance service quality", "Service desk quality"),
    },
    ("cs.kpi.goal", "cs_kpi_goal_supervisor_quarter_acceptance_quality_demo"): {
        "name": ("Acceptance service quality", "Service desk quality"),
    },
    ("cs.job.duty", "cs_job_duty_manager_duty_02"): {
        "name": (
            (
                "Monitor the quality of online complaint handling by the acceptance "
                "staff, help staff with difficult customer complaints, handle the "
                "complaints of key problem customers on site, and keep the complaint "
                "rate low."
            ),
            (
                "Monitor the quality of online complaint handling by the service desk "
                "staff, help staff with difficult customer complaints, handle the "
                "complaints of key problem customers on site, and keep the complaint "
                "rate low."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_supervisor_duty_01"): {
        "name": (
            (
                "Acceptance service management: coordinate and handle online "
                "consultations and complaints, and solve problems in the service chain "
                "such as customer dissatisfaction with the system or the service."
            ),
            (
                "Service desk management: coordinate and handle online consultations "
                "and complaints, and solve problems in the service chain such as "
                "customer dissatisfaction with the system or the service."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_supervisor_duty_02"): {
        "name": (
            (
                "Acceptance service management: coordinate other departments to handle "
                "customer complaints well and raise customer satisfaction."
            ),
            (
                "Service desk management: coordinate other departments to handle "
                "customer complaints well and raise customer satisfaction."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_supervisor_duty_03"): {
        "name": (
            (
                "Acceptance service quality monitoring: call customers back after "
                "their complaints are handled, monitor the service quality of "
                "complaint acceptance, and keep improving the quality of complaint "
                "handling."
            ),
            (
                "Service desk quality monitoring: call customers back after their "
                "complaints are handled, monitor the service quality of complaint "
                "intake, and keep improving the quality of complaint handling."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_representative_duty_01"): {
        "name": (
            (
                "Consultation and complaint acceptance: accept customer consultations "
                "and complaints online; when a complaint cannot be solved, transfer it "
                "to an after-sales engineer to handle online, and give the customer a "
                "complete solution."
            ),
            (
                "Consultation and complaint intake: take in customer consultations and "
                "complaints online; when a complaint cannot be solved, transfer it to "
                "an after-sales engineer to handle online, and give the customer a "
                "complete solution."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_representative_duty_02"): {
        "name": (
            (
                "Consultation and complaint acceptance: accept customer complaints and "
                "consultations transferred from other departments and solve the "
                "complaints."
            ),
            (
                "Consultation and complaint intake: take in customer complaints and "
                "consultations transferred from other departments and solve the "
                "complaints."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_representative_duty_03"): {
        "name": (
            (
                "Business-change acceptance: accept business changes such as adding or "
                "removing lines, adding or removing passwords, permissions and basic "
                "data; verify them with the customer and notify the customer promptly "
                "after activation."
            ),
            (
                "Business-change intake: take in business changes such as adding or "
                "removing lines, adding or removing passwords, permissions and basic "
                "data; verify them with the customer and notify the customer promptly "
                "after activation."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_representative_duty_04"): {
        "name": (
            (
                "Business-change acceptance: help the supervisor with expedited change "
                "orders and other special customer requests."
            ),
            (
                "Business-change intake: help the supervisor with expedited change "
                "orders and other special customer requests."
            ),
        ),
    },
    ("cs.job.duty", "cs_job_duty_engineer_duty_01"): {
        "name": (
            (
                "Handle the complaints transferred by the acceptance service "
                "representatives online and give the customer a complete solution."
            ),
            (
                "Handle the complaints transferred by the service desk representatives "
                "online and give the customer a complete solution."
            ),
        ),
    },
    ("helpdesk.ticket.team", "helpdesk_ticket_team_cs_demo"): {"name": TEAM},
}


def rename_texts(env):
    """Rename the shipped English texts still in place; returns the ids of
    the renamed records by xml id (model, name)."""
    renamed = {}
    for (model, xmlid), fields in TEXTS.items():
        record = env.ref(f"cs_department.{xmlid}", raise_if_not_found=False)
        if not record or record._name != model:
            continue
        for field, (shipped, new) in fields.items():
            env.cr.execute(
                SQL(
                    "UPDATE %(table)s SET %(column)s = jsonb_set(%(column)s, "
                    "'{en_US}', to_jsonb(%(new)s::text)) "
                    "WHERE id = %(id)s AND %(column)s->>'en_US' = %(shipped)s",
                    table=SQL.identifier(record._table),
                    column=SQL.identifier(field),
                    new=new,
                    id=record.id,
                    shipped=shipped,
                )
            )
            if env.cr.rowcount:
                renamed.setdefault((model, xmlid), record.id)
        record.invalidate_recordset(list(fields))
    return renamed


def rename_copies(env, renamed):
    """The job titles and resume lines of the renamed jobs' employees, and the
    names of the renamed team's report submissions, still holding the old name."""
    for xmlid, (shipped, new) in (
        ("hr_job_cs_supervisor", SUPERVISOR),
        ("hr_job_cs_representative", REPRESENTATIVE),
    ):
        job_id = renamed.get(("hr.job", xmlid))
        if not job_id:
            continue
        env.cr.execute(
            SQL(
                "UPDATE hr_employee SET job_title = %s "
                "WHERE job_id = %s AND job_title = %s RETURNING id",
                new,
                job_id,
                shipped,
            )
        )
        employee_ids = [row[0] for row in env.cr.fetchall()]
        if employee_ids and "hr.resume.line" in env:
            env.cr.execute(
                SQL(
                    "UPDATE hr_resume_line SET description = jsonb_set(description,"
                    " '{en_US}', to_jsonb(%s::text)) WHERE employee_id IN %s "
                    "AND description->>'en_US' = %s",
                    f"<p>{new}</p>",
                    tuple(employee_ids),
                    f"<p>{shipped}</p>",
                )
            )
    team_id = renamed.get(("helpdesk.ticket.team", "helpdesk_ticket_team_cs_demo"))
    if team_id:
        shipped, new = TEAM
        env.cr.execute(
            SQL(
                "UPDATE cs_report_submission "
                "SET name = left(name, -length(%s)) || %s "
                "WHERE team_id = %s AND right(name, length(%s)) = %s",
                f" ({shipped})",
                f" ({new})",
                team_id,
                f" ({shipped})",
                f" ({shipped})",
            )
        )
    env.invalidate_all()


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    renamed = rename_texts(env)
    rename_copies(env, renamed)
    _logger.info(
        "cs_department: %s shipped records renamed from 'Acceptance' to "
        "'Service Desk' (of %s)",
        len(renamed),
        len(TEXTS),
    )
