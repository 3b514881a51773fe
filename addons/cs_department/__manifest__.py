# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Service Department",
    "summary": "Telecom customer service: helpdesk, callbacks, change orders",
    "version": "18.0.1.0.0",
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
        "stock",
        "mail",
        "base_tier_validation",
        "report_xlsx",
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
        "views/hr_job_views.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/cs_callback_views.xml",
        "views/cs_ticket_escalation_views.xml",
        "views/cs_ticket_visit_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/cs_ticket_escalate_wizard_views.xml",
        "report/hr_job_reports.xml",
        "report/hr_job_templates.xml",
        "report/cs_complaint_report_views.xml",
        "report/cs_satisfaction_report_views.xml",
        # ---- business-change orders and service lines ----
        "security/cs_change_order_security.xml",
        "data/cs_change_order_data.xml",
        "data/cs_change_order_mail_template_data.xml",
        "data/tier_definition_data.xml",
        "wizard/cs_change_order_reason_wizard_views.xml",
        "views/cs_service_line_views.xml",
        "views/cs_change_order_views.xml",
        "views/cs_change_order_line_views.xml",
        "views/res_partner_views_service_line.xml",
        "views/helpdesk_ticket_views_change_order.xml",
        "views/res_config_settings_views_change_order.xml",
        # ---- appraisals: cs_kpi templates of the CS jobs ----
        "data/cs_kpi_template_data.xml",
        "data/cs_kpi_indicator_data.xml",
    ],
    "demo": [
        # ---- front office: jobs, helpdesk, callbacks ----
        "demo/hr_employee_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
        "demo/cs_callback_demo.xml",
        # ---- business-change orders and service lines ----
        "demo/cs_service_line_demo.xml",
        "demo/cs_change_order_demo.xml",
        # ---- appraisals: a finished demo campaign ----
        "demo/cs_kpi_campaign_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_department/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
