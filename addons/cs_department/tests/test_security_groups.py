# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestSecurityGroups(TransactionCase):
    """The CS roles exist and give the helpdesk access their duties need."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "cs_department.cs_department_group_%s"
        cls.representative = new_test_user(
            cls.env, login="cs_sec_rep", groups=groups % "representative"
        )
        cls.supervisor = new_test_user(
            cls.env, login="cs_sec_sup", groups=groups % "supervisor"
        )
        cls.manager = new_test_user(
            cls.env, login="cs_sec_mgr", groups=groups % "manager"
        )
        cls.engineer = new_test_user(
            cls.env, login="cs_sec_eng", groups=groups % "engineer"
        )
        cls.finance = new_test_user(
            cls.env, login="cs_sec_fin", groups=groups % "finance"
        )

    def test_role_chain(self):
        """Manager > supervisor > representative, each level inheriting the lower."""
        self.assertTrue(
            self.manager.has_group("cs_department.cs_department_group_representative")
        )
        self.assertTrue(
            self.supervisor.has_group(
                "cs_department.cs_department_group_representative"
            )
        )
        self.assertFalse(
            self.representative.has_group(
                "cs_department.cs_department_group_supervisor"
            )
        )

    def test_helpdesk_levels(self):
        """Each role implies the helpdesk_mgmt level its duties need."""
        self.assertTrue(
            self.representative.has_group("helpdesk_mgmt.group_helpdesk_user_team")
        )
        self.assertFalse(
            self.representative.has_group("helpdesk_mgmt.group_helpdesk_user")
        )
        self.assertTrue(self.supervisor.has_group("helpdesk_mgmt.group_helpdesk_user"))
        self.assertTrue(self.manager.has_group("helpdesk_mgmt.group_helpdesk_manager"))
        self.assertTrue(
            self.engineer.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        self.assertFalse(
            self.engineer.has_group("helpdesk_mgmt.group_helpdesk_user_team")
        )
        self.assertFalse(
            self.finance.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )

    def test_kpi_levels(self):
        """CS roles map onto the appraisal engine: staff see own sheets, leads score."""
        self.assertTrue(self.representative.has_group("cs_kpi.cs_kpi_group_employee"))
        self.assertTrue(self.supervisor.has_group("cs_kpi.cs_kpi_group_manager"))
        # Finance rates the department as an internal customer (evaluations).
        self.assertTrue(self.finance.has_group("cs_kpi.cs_kpi_group_employee"))
        self.assertTrue(self.engineer.has_group("cs_kpi.cs_kpi_group_employee"))
        self.assertFalse(self.representative.has_group("cs_kpi.cs_kpi_group_manager"))
