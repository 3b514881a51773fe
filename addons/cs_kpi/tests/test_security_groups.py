# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestSecurityGroups(TransactionCase):
    """The four cs_kpi groups exist and imply each other as DESIGN.md says."""

    def test_group_chain(self):
        """HR admin > HR officer > manager > employee > internal user."""
        ref = self.env.ref
        employee = ref("cs_kpi.cs_kpi_group_employee")
        manager = ref("cs_kpi.cs_kpi_group_manager")
        officer = ref("cs_kpi.cs_kpi_group_hr_officer")
        admin = ref("cs_kpi.cs_kpi_group_hr_admin")
        self.assertIn(ref("base.group_user"), employee.implied_ids)
        self.assertIn(employee, manager.implied_ids)
        self.assertIn(manager, officer.implied_ids)
        self.assertIn(officer, admin.implied_ids)
        self.assertIn(employee, admin.trans_implied_ids)

    def test_user_of_lowest_group_gets_no_more(self):
        """A user given only the employee group is not a manager nor HR."""
        user = new_test_user(
            self.env, login="kpi_plain_employee", groups="cs_kpi.cs_kpi_group_employee"
        )
        self.assertTrue(user.has_group("cs_kpi.cs_kpi_group_employee"))
        self.assertFalse(user.has_group("cs_kpi.cs_kpi_group_manager"))
        self.assertFalse(user.has_group("cs_kpi.cs_kpi_group_hr_officer"))

    def test_admin_is_hr_administrator(self):
        """The administrator can configure the KPI library out of the box."""
        self.assertTrue(
            self.env.ref("base.user_admin").has_group("cs_kpi.cs_kpi_group_hr_admin")
        )

    def test_groups_translated_to_chinese(self):
        """The department works in Chinese: group names load from zh_CN.po."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_kpi"], ["zh_CN"])
        group = self.env.ref("cs_kpi.cs_kpi_group_employee").with_context(lang="zh_CN")
        self.assertEqual(group.name, "员工：本人考核表")
        self.assertEqual(group.with_context(lang="en_US").name, "Employee: own sheets")
