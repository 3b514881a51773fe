# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user, tagged

from .common import KpiCommon
from .menu_smoke import MenuSmokeMixin


@tagged("post_install", "-at_install")
class TestMenus(MenuSmokeMixin, KpiCommon):
    """Every KPI menu a user sees opens for him: views load, records read."""

    def test_hr_admin_opens_every_menu(self):
        """The HR administrator sees the configuration and every menu works."""
        opened = self.assertMenusOpen(self.hr_admin, "cs_kpi")
        names = self.visible_menus(self.hr_admin, "cs_kpi").mapped("name")
        self.assertIn("Configuration", names)
        self.assertGreaterEqual(opened, 8)

    def test_hr_officer_opens_his_menus(self):
        """The HR officer runs campaigns but does not see the configuration."""
        self.assertGreaterEqual(self.assertMenusOpen(self.hr_officer, "cs_kpi"), 3)
        names = self.visible_menus(self.hr_officer, "cs_kpi").mapped("name")
        self.assertNotIn("Configuration", names)

    def test_manager_and_employee_open_their_menus(self):
        """Managers and employees open what they see, without access errors."""
        self.assertGreaterEqual(self.assertMenusOpen(self.boss_user, "cs_kpi"), 2)
        self.assertGreaterEqual(self.assertMenusOpen(self.lead_user, "cs_kpi"), 1)
        names = self.visible_menus(self.lead_user, "cs_kpi").mapped("name")
        self.assertNotIn("Reporting", names)

    def test_user_without_kpi_role_sees_his_sheets_only(self):
        """A plain internal user sees his own sheets, and nothing else, of KPI
        Appraisals; what he sees opens."""
        plain = new_test_user(
            self.env, login="kpi_menu_plain", groups="base.group_user"
        )
        menus = self.visible_menus(plain, "cs_kpi")
        models = [menu.action.res_model for menu in menus.sudo() if menu.action]
        self.assertEqual(models, ["cs.kpi.sheet"])
        self.assertEqual(self.assertMenusOpen(plain, "cs_kpi"), 1)
