# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_security_groups
from . import test_menus

# ---- front office: jobs, helpdesk, callbacks ----
from . import test_job_description
from . import test_helpdesk_ticket
from . import test_ticket_customer
from . import test_callback
from . import test_front_office_guard

# ---- business-change orders and service lines ----
from . import test_change_order
from . import test_service_line
from . import test_change_order_guard
from . import test_tier_review_guard
from . import test_guard_front

# ---- appraisals: CS data sources for cs_kpi ----
from . import test_kpi_sources
from . import test_kpi_explain
from . import test_data

# ---- hardening: front-office figures nobody produces for himself ----
from . import test_appraised_figures
from . import test_guard_callback_figures

# ---- traffic monitoring ----
from . import test_traffic_record
from . import test_traffic_anomaly

# ---- department budgets and expense requests ----
from . import test_budget
from . import test_expense_request
from . import test_budget_concurrency
from . import test_guard_budget

# ---- periodic reports, submissions and spot checks ----
from . import test_quality_check
from . import test_report_download
from . import test_report_submission
from . import test_service_report

# ---- equipment work orders and the CS warehouse ----
from . import test_work_order
from . import test_work_order_transfers
from . import test_warehouse_account

# ---- every role's day: escalations, tours, Chinese helpdesk terms ----
from . import test_escalation_flow
from . import test_tours
from . import test_helpdesk_zh_cn
from . import test_kpi_team_sources
from . import test_kpi_department_e2e
from . import test_report_score_evaluation
from . import test_demo_campaign
from . import test_kpi_complaint_rate

# ---- hostile inputs at the product's doors ----
from . import test_input_doors
from . import test_migration_service_desk
from . import test_job_language
from . import test_unscored
from . import test_department_dashboard
from . import test_portal
from . import test_ticket_rating_sla
