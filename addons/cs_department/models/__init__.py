# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# ---- front office: jobs, helpdesk, callbacks ----
from . import cs_job_duty
from . import hr_job
from . import res_company
from . import res_config_settings
from . import res_partner
from . import helpdesk_ticket
from . import helpdesk_ticket_category
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_sla
from . import cs_ticket_escalation
from . import cs_ticket_visit
from . import cs_callback

# ---- business-change orders and service lines ----
from . import cs_service_line
from . import cs_tier_validation
from . import cs_change_order
from . import cs_change_order_workflow
from . import cs_change_order_line
from . import tier_definition
from . import tier_review
from . import res_users

# ---- appraisals: CS data sources for cs_kpi ----
from . import cs_kpi_indicator
from . import cs_kpi_sheet_line

# ---- traffic monitoring: records, segments, anomalies ----
from . import cs_traffic_record
from . import cs_traffic_record_api
from . import cs_service_line_traffic
from . import cs_traffic_anomaly

# ---- department budgets and expense requests ----
from . import cs_expense_category
from . import cs_budget
from . import cs_budget_revision
from . import cs_expense_request
from . import cs_expense_request_workflow

# ---- periodic reports, submissions and spot checks ----
from . import cs_quality_check
from . import cs_report_submission
from . import cs_kpi_sheet_line_reports

# ---- equipment work orders and the CS warehouse ----
from . import stock_warehouse
from . import cs_work_order
from . import cs_work_order_line
from . import cs_work_order_portal
from . import cs_work_order_signoff
from . import cs_change_request
from . import helpdesk_ticket_change_request
from . import stock_picking
from . import stock_move

# ---- appraisals: sources of the teams, change orders and traffic callbacks ----
from . import cs_kpi_sheet_line_team
from . import cs_kpi_sheet_line_tickets
from . import cs_kpi_sheet_line_explain

# ---- the General Manager's report scores fill the report-quality evaluations ----
from . import cs_kpi_evaluation
from . import cs_kpi_campaign
from . import cs_department_demo
