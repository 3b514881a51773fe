# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Service Department",
    "summary": "Telecom customer service: helpdesk, callbacks, change orders",
    "version": "18.0.2.6.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/cs-department-suite/odoo-cs-department",
    "author": "CS Department Suite Contributors",
    "maintainers": ["cs-department-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "cs_kpi",
        "hr",
        "helpdesk_mgmt",
        "helpdesk_mgmt_rating",
        "helpdesk_mgmt_sla",
        "stock",
        "mail",
        "portal",
        "base_tier_validation",
        "report_xlsx",
        "base_import",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_department_security.xml",
        "security/ir.model.access.csv",
        # Menus first: every view file hangs its menu items under these roots.
        "views/cs_department_menus.xml",
        # ---- front office: jobs, helpdesk, callbacks ----
        "data/hr_job_data.xml",
        "data/helpdesk_ticket_category_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/cs_callback_data.xml",
        "data/helpdesk_sla_data.xml",
        "data/helpdesk_rating_data.xml",
        "views/hr_job_views.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/cs_callback_views.xml",
        "views/cs_ticket_escalation_views.xml",
        "views/cs_ticket_visit_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/cs_ticket_escalate_views.xml",
        "wizard/cs_ticket_escalation_return_views.xml",
        "report/hr_job_reports.xml",
        "report/hr_job_templates.xml",
        "report/cs_complaint_report_views.xml",
        "report/cs_satisfaction_report_views.xml",
        "report/cs_customer_feedback_views.xml",
        # ---- business-change orders and service lines ----
        "security/cs_change_order_security.xml",
        "data/cs_change_order_data.xml",
        "data/cs_change_order_mail_template_data.xml",
        "data/tier_definition_data.xml",
        "wizard/cs_change_order_reason_views.xml",
        "views/cs_service_line_views.xml",
        "views/cs_change_order_views.xml",
        "views/cs_change_order_line_views.xml",
        "views/res_partner_views_service_line.xml",
        "views/helpdesk_ticket_views_change_order.xml",
        "views/res_config_settings_views_change_order.xml",
        # ---- appraisals: the manual's indicators, forms, templates and goals ----
        "data/cs_kpi_indicator_data.xml",
        "data/cs_kpi_competency_data.xml",
        "data/cs_kpi_template_data.xml",
        "data/cs_kpi_goal_data.xml",
        # ---- traffic monitoring: records, segments, anomalies ----
        "security/cs_traffic_record_security.xml",
        "data/cs_traffic_cron_data.xml",
        "views/cs_traffic_record_views.xml",
        "views/cs_traffic_anomaly_views.xml",
        "views/res_partner_views_traffic.xml",
        "views/cs_service_line_views_traffic.xml",
        "views/res_config_settings_views_traffic.xml",
        "report/cs_traffic_report_views.xml",
        # ---- department budgets and expense requests ----
        "security/cs_budget_security.xml",
        "data/cs_budget_data.xml",
        "wizard/cs_expense_request_pay_views.xml",
        "views/cs_expense_category_views.xml",
        "views/cs_budget_views.xml",
        "views/cs_expense_request_views.xml",
        "views/res_config_settings_views_budget.xml",
        # ---- periodic reports, submissions and spot checks ----
        "data/cs_report_submission_data.xml",
        "report/cs_service_report_reports.xml",
        "views/cs_quality_check_views.xml",
        "views/cs_report_submission_views.xml",
        "views/res_config_settings_views_report.xml",
        "wizard/cs_report_generate_views.xml",
        # ---- equipment work orders and the CS warehouse ----
        "security/cs_work_order_security.xml",
        "data/cs_work_order_data.xml",
        "data/cs_kpi_template_engineer_data.xml",
        "views/cs_work_order_views.xml",
        "views/helpdesk_ticket_views_work_order.xml",
        "views/res_partner_views_work_order.xml",
        "report/cs_warehouse_account_report_views.xml",
        # ---- the General Manager scores the reports; the scores fill evaluations ----
        "views/cs_kpi_indicator_views.xml",
        "views/cs_report_submission_views_score.xml",
        # ---- the department dashboard ----
        "report/cs_department_dashboard_views.xml",
        # ---- customers in the portal: lines, change requests, visits ----
        "security/cs_portal_security.xml",
        "data/cs_change_request_data.xml",
        "views/cs_change_request_views.xml",
        "views/cs_portal_templates.xml",
    ],
    "demo": [
        # ---- front office: jobs, helpdesk, callbacks ----
        "demo/hr_employee_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
        "demo/cs_callback_demo.xml",
        # ---- business-change orders and service lines ----
        "demo/cs_service_line_demo.xml",
        "demo/cs_change_order_demo.xml",
        # ---- appraisals: the previous quarter closed, from its own activity ----
        "demo/cs_kpi_campaign_demo.xml",
        # ---- traffic monitoring: a year of traffic, one anomaly ----
        "demo/cs_traffic_record_demo.xml",
        # ---- department budgets: the current year's budget and its requests ----
        "demo/cs_budget_demo.xml",
        # ---- equipment work orders and the CS warehouse ----
        "demo/cs_work_order_demo.xml",
        # ---- the current quarter's figures of every demo appraisal ----
        "demo/cs_kpi_quarter_demo.xml",
        # ---- customers in the portal ----
        "demo/cs_portal_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "cs_department/static/src/score_field/*",
            "cs_department/static/src/department_dashboard/*",
        ],
        "web.assets_tests": [
            "cs_department/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
