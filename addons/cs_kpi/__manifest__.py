# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Weighted KPI Appraisals",
    "summary": "Weighted-KPI appraisal campaigns, job templates, goals, rankings",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "website": "https://github.com/cs-department-suite/odoo-cs-department",
    "author": "CS Department Suite Contributors",
    "maintainers": ["cs-department-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "mail", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_kpi_security.xml",
        "security/ir.model.access.csv",
        "views/cs_kpi_menus.xml",
    ],
    "application": True,
}
