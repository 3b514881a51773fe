# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.2.0: every record rule of the module is ``noupdate``.

The rules of ``cs_department_security.xml``, ``cs_budget_security.xml`` and
``cs_work_order_security.xml`` were updatable; their files now declare them
``noupdate="1"`` like the module's other security files. A new database records
that on its external ids; an existing one keeps the flag it had, so it is set
here, and an administrator's change to these rules now survives updates.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

#: The rules that were updatable until 18.0.2.1.0 (xml ids in cs_department).
RULES = (
    # security/cs_department_security.xml
    "cs_callback_rule_representative",
    "cs_callback_rule_supervisor",
    "cs_callback_rule_company",
    "cs_ticket_escalation_rule_representative",
    "cs_ticket_escalation_rule_engineer",
    "cs_ticket_escalation_rule_supervisor",
    "cs_ticket_escalation_rule_company",
    "cs_ticket_visit_rule_representative",
    "cs_ticket_visit_rule_engineer",
    "cs_ticket_visit_rule_supervisor",
    "cs_ticket_visit_rule_company",
    "cs_job_duty_rule_company",
    "cs_complaint_report_rule_company",
    "cs_satisfaction_report_rule_company",
    "cs_quality_check_rule_representative",
    "cs_quality_check_rule_supervisor_read",
    "cs_quality_check_rule_supervisor",
    "cs_quality_check_rule_manager",
    "cs_quality_check_rule_company",
    "cs_report_submission_rule_user",
    "cs_report_submission_rule_manager",
    "cs_report_submission_rule_company",
    # security/cs_budget_security.xml
    "cs_budget_rule_staff",
    "cs_budget_rule_manager",
    "cs_budget_rule_finance",
    "cs_budget_rule_company",
    "cs_budget_line_rule_staff",
    "cs_budget_line_rule_manager",
    "cs_budget_line_rule_finance",
    "cs_budget_line_rule_company",
    "cs_expense_request_rule_requester",
    "cs_expense_request_rule_manager",
    "cs_expense_request_rule_finance",
    "cs_expense_request_rule_company",
    "cs_expense_category_rule_company",
    # security/cs_work_order_security.xml
    "cs_work_order_rule_representative",
    "cs_work_order_rule_engineer_read",
    "cs_work_order_rule_engineer_own",
    "cs_work_order_rule_supervisor",
    "cs_work_order_rule_company",
    "cs_work_order_line_rule_company",
    "cs_warehouse_account_report_rule_company",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data
               SET noupdate = TRUE
             WHERE module = 'cs_department'
               AND model = 'ir.rule'
               AND name IN %s
               AND NOT noupdate
            """,
            RULES,
        )
    )
    _logger.info("cs_department: %s record rules now noupdate", cr.rowcount)
