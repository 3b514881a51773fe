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
        # ---- business-change orders and service lines ----
        # ---- appraisals: cs_kpi templates of the CS jobs ----
    ],
    "demo": [
        # ---- front office: jobs, helpdesk, callbacks ----
        # ---- business-change orders and service lines ----
        # ---- appraisals: a finished demo campaign ----
    ],
    "application": True,
}
