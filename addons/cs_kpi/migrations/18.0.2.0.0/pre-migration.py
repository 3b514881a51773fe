# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0: the customer-service manual's data moved to cs_department.

cs_kpi no longer loads the manual's indicators, competency items, templates and
goals: cs_department does. Before cs_kpi reloads its data, their external ids are
re-assigned to cs_department (``noupdate`` kept), so that the end of the update finds
them loaded by cs_department and deletes nothing: the records keep their ids, their
translations (stored on the records), their chatter and every sheet or campaign that
uses them. Runs whether cs_department is installed or not: its install then adopts
the records instead of creating copies.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

MOVED_XMLIDS = (
    "cs_kpi_indicator_mgr_external_satisfaction",
    "cs_kpi_indicator_mgr_skill_pass_rate",
    "cs_kpi_indicator_mgr_process_improvement",
    "cs_kpi_indicator_internal_satisfaction",
    "cs_kpi_indicator_mgr_report_quality",
    "cs_kpi_indicator_sup_complaint_satisfaction",
    "cs_kpi_indicator_sup_report_timeliness",
    "cs_kpi_indicator_sup_skill_improvement",
    "cs_kpi_indicator_sup_service_quality",
    "cs_kpi_indicator_sup_mbo",
    "cs_kpi_indicator_rep_handling_satisfaction",
    "cs_kpi_indicator_rep_change_accuracy",
    "cs_kpi_indicator_rep_small_customer_callbacks",
    "cs_kpi_indicator_rep_crm_timeliness",
    "cs_kpi_indicator_rep_product_knowledge",
    "cs_kpi_competency_teamwork",
    "cs_kpi_competency_adaptability",
    "cs_kpi_competency_problem_solving",
    "cs_kpi_competency_customer_management",
    "cs_kpi_competency_conflict_resolution",
    "cs_kpi_competency_influence",
    "cs_kpi_competency_delegation",
    "cs_kpi_competency_motivation",
    "cs_kpi_competency_accountability",
    "cs_kpi_competency_decision_making",
    "cs_kpi_competency_planning",
    "cs_kpi_competency_customer_needs",
    "cs_kpi_competency_efficiency",
    "cs_kpi_competency_setting_expectations",
    "cs_kpi_competency_team_collaboration",
    "cs_kpi_competency_business_plan",
    "cs_kpi_competency_long_term_focus",
    "cs_kpi_competency_thorough_handling",
    "cs_kpi_competency_taking_responsibility",
    "cs_kpi_competency_staff_growth",
    "cs_kpi_competency_training_attention",
    "cs_kpi_competency_leading_by_example",
    "cs_kpi_competency_deadlines_goals",
    "cs_kpi_competency_q_responsibility",
    "cs_kpi_competency_q_thorough",
    "cs_kpi_competency_q_example",
    "cs_kpi_competency_q_reporting",
    "cs_kpi_competency_q_efficiency",
    "cs_kpi_template_manager_quarter",
    "cs_kpi_template_supervisor_quarter",
    "cs_kpi_template_representative_quarter",
    "cs_kpi_template_manager_half_year",
    "cs_kpi_template_supervisor_half_year",
    "cs_kpi_goal_mgr_customer_satisfaction",
    "cs_kpi_goal_mgr_complaint_rate",
    "cs_kpi_goal_mgr_technical_quality",
    "cs_kpi_goal_mgr_internal_satisfaction",
    "cs_kpi_goal_mgr_reports",
    "cs_kpi_goal_mgr_finance",
    "cs_kpi_goal_mgr_policies",
    "cs_kpi_goal_mgr_employee_satisfaction",
    "cs_kpi_goal_mgr_six_sigma",
    "cs_kpi_goal_sup_handling_quality",
    "cs_kpi_goal_sup_acceptance_quality",
    "cs_kpi_goal_sup_standardisation",
    "cs_kpi_goal_sup_warehouse",
    "cs_kpi_goal_sup_traffic_reports",
    "cs_kpi_goal_sup_statistics",
    "cs_kpi_goal_sup_staff_knowledge",
    "cs_kpi_goal_sup_other_tasks",
    "cs_kpi_goal_sup_six_sigma",
)
MOVED_MODELS = (
    "cs.kpi.indicator",
    "cs.kpi.competency",
    "cs.kpi.template",
    "cs.kpi.goal",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data AS data
               SET module = 'cs_department'
             WHERE data.module = 'cs_kpi'
               AND data.model IN %s
               AND data.name IN %s
               AND NOT EXISTS (
                   SELECT 1
                     FROM ir_model_data AS other
                    WHERE other.module = 'cs_department'
                      AND other.name = data.name
               )
            """,
            MOVED_MODELS,
            MOVED_XMLIDS,
        )
    )
    _logger.info("cs_kpi: %s external ids moved to cs_department", cr.rowcount)
