# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from odoo.addons.cs_kpi.tests.menu_smoke import MenuSmokeMixin

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestMenus(MenuSmokeMixin, CsDepartmentCommon):
    """Every Customer Service menu a role sees opens for it."""

    def test_each_role_opens_its_menus(self):
        """Views load and records read for every menu of every CS role."""
        counts = {
            role: self.assertMenusOpen(getattr(self, role), "cs_department")
            for role in ("representative", "supervisor", "manager", "engineer")
        }
        self.assertGreaterEqual(counts["representative"], 6)
        self.assertGreater(counts["supervisor"], counts["representative"])
        self.assertGreater(counts["manager"], counts["supervisor"])
        self.assertGreaterEqual(counts["engineer"], 2)

    def test_configuration_for_the_manager_only(self):
        """Job descriptions and settings are the department manager's."""
        names = self.visible_menus(self.manager, "cs_department").mapped("name")
        self.assertIn("Job Descriptions", names)
        for role in ("representative", "supervisor", "engineer"):
            names = self.visible_menus(getattr(self, role), "cs_department")
            self.assertNotIn("Job Descriptions", names.mapped("name"))

    def test_no_app_for_finance_and_plain_employees(self):
        """Finance gets the Budgets app only; plain employees get no app."""
        finance_menus = self.visible_menus(self.finance, "cs_department")
        roots = finance_menus.filtered(lambda menu: not menu.parent_id)
        self.assertEqual(roots.mapped("name"), ["Budgets"])
        self.assertFalse(self.visible_menus(self.employee, "cs_department"))

    def test_reporting_menu_grouped_by_subject(self):
        """The manager's Reporting menu runs by subject: service quality,
        change orders, traffic, warehouse, then the periodic reports."""
        reporting = self.env.ref("cs_department.cs_department_menu_report")
        names = (
            self.visible_menus(self.manager, "cs_department")
            .filtered(lambda menu: menu.parent_id == reporting)
            .sorted(lambda menu: (menu.sequence, menu.id))
            .mapped("name")
        )
        expected = [
            "Complaint Rate",
            "Callback Satisfaction",
            "Customer Feedback",
            "Escalations per Engineer",
            "Change Order Lead Times",
            "Changes by Type",
            "Monthly Traffic",
            "Weekly Traffic",
            "Traffic Analysis",
            "Warehouse Account",
            "Report Submissions",
            "Periodic Report (XLSX)",
        ]
        self.assertEqual([name for name in names if name in expected], expected)
