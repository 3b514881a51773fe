# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0: the job goals have one source, the job's ``cs.kpi.goal`` records.

The ``cs.job.duty`` items of kind "goal" repeated the manual's goals (shipped as
``cs.kpi.goal`` since cs_kpi 1.0): the shipped ones are dropped, the ones HR added
become goals of their job (name, category, target text and sequence kept), and the
manual's goals (moved here from cs_kpi by cs_kpi's pre-migration, ``noupdate`` so
not reloaded) get the category the job description groups them by.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

GOAL_CATEGORIES = {
    "cs_kpi_goal_mgr_customer_satisfaction": "customer",
    "cs_kpi_goal_mgr_complaint_rate": "customer",
    "cs_kpi_goal_mgr_technical_quality": "customer",
    "cs_kpi_goal_mgr_internal_satisfaction": "customer",
    "cs_kpi_goal_mgr_reports": "customer",
    "cs_kpi_goal_mgr_finance": "internal",
    "cs_kpi_goal_mgr_policies": "internal",
    "cs_kpi_goal_mgr_employee_satisfaction": "internal",
    "cs_kpi_goal_mgr_six_sigma": "learning",
    "cs_kpi_goal_sup_handling_quality": "customer",
    "cs_kpi_goal_sup_acceptance_quality": "customer",
    "cs_kpi_goal_sup_standardisation": "customer",
    "cs_kpi_goal_sup_warehouse": "internal",
    "cs_kpi_goal_sup_traffic_reports": "internal",
    "cs_kpi_goal_sup_statistics": "internal",
    "cs_kpi_goal_sup_staff_knowledge": "internal",
    "cs_kpi_goal_sup_other_tasks": "internal",
    "cs_kpi_goal_sup_six_sigma": "learning",
}


def _set_goal_categories(cr):
    for name, category in GOAL_CATEGORIES.items():
        cr.execute(
            SQL(
                """
                UPDATE cs_kpi_goal AS goal
                   SET category = %s
                  FROM ir_model_data AS data
                 WHERE data.module = 'cs_department'
                   AND data.name = %s
                   AND data.model = 'cs.kpi.goal'
                   AND goal.id = data.res_id
                   AND goal.category IS NULL
                """,
                category,
                name,
            )
        )


def _convert_added_duty_goals(cr):
    """Duty goals HR added (no external id) become judged goals of their job."""
    cr.execute(
        SQL(
            """
            INSERT INTO cs_kpi_goal (
                name, target_text, sequence, category, job_id, company_id,
                active, measure, target, actual, higher_is_better, period_type,
                is_assessed, passed, create_uid, create_date, write_uid, write_date
            )
            SELECT duty.name, duty.target, duty.sequence, duty.category,
                   duty.job_id, job.company_id, TRUE, 'judgement', 0, 0, TRUE,
                   'year', FALSE, FALSE, duty.create_uid, duty.create_date,
                   duty.write_uid, duty.write_date
              FROM cs_job_duty AS duty
              JOIN hr_job AS job ON job.id = duty.job_id
             WHERE duty.kind = 'goal'
               AND NOT EXISTS (
                   SELECT 1
                     FROM ir_model_data AS data
                    WHERE data.model = 'cs.job.duty'
                      AND data.res_id = duty.id
               )
            """
        )
    )
    return cr.rowcount


def migrate(cr, version):
    if not version:
        return
    _set_goal_categories(cr)
    converted = _convert_added_duty_goals(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    duties = env["cs.job.duty"].search([("kind", "=", "goal")])
    count = len(duties)
    duties.unlink()
    _logger.info(
        "cs_department: %s duty goals dropped, %s of them kept as job goals",
        count,
        converted,
    )
