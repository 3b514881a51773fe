# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDemoCampaign(TransactionCase):
    """With the demo data, a quarterly campaign of the CS department for the
    quarter of the demo records computes every computed line with a value."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anchor = cls.env.ref(
            "cs_department.cs_quality_check_quarter_sup_mgr_demo",
            raise_if_not_found=False,
        )

    def setUp(self):
        super().setUp()
        if not self.anchor:
            self.skipTest("the cs_department demo data is not loaded")

    def test_every_computed_line_has_a_value(self):
        hr = new_test_user(
            self.env,
            login="cs_demo_campaign_hr",
            groups="base.group_user,cs_kpi.cs_kpi_group_hr_officer",
            tz="Asia/Shanghai",
        )
        day = self.anchor.date
        campaign = (
            self.env["cs.kpi.campaign"]
            .with_user(hr)
            .create(
                {
                    "name": "Demo quarter",
                    "period_type": "quarter",
                    "year": day.year,
                    "period_number": (day.month - 1) // 3 + 1,
                    "department_ids": [
                        Command.set(
                            self.env.ref(
                                "cs_department.hr_department_customer_service"
                            ).ids
                        )
                    ],
                }
            )
        )
        self.assertTrue(campaign.date_from <= day <= campaign.date_to)
        campaign.action_generate_sheets()
        campaign.action_open()
        campaign.action_compute()
        sheets = campaign.sheet_ids
        for xmlid in (
            "hr_employee_cs_manager_demo",
            "hr_employee_cs_supervisor_demo",
            "hr_employee_cs_rep1_demo",
            "hr_employee_cs_rep2_demo",
            "hr_employee_cs_rep3_demo",
            "hr_employee_cs_engineer_demo",
        ):
            self.assertIn(
                self.env.ref(f"cs_department.{xmlid}"), sheets.employee_id, xmlid
            )
        lines = sheets.line_ids
        computed = lines.filtered(lambda line: line.measure_type == "computed")
        self.assertTrue(computed)
        missing = computed.filtered(lambda line: not line.is_measured)
        self.assertFalse(
            missing,
            "computed lines without a value: "
            + ", ".join(
                f"{line.employee_id.name} / {line.indicator_id.code or ''} "
                f"{line.indicator_id.name} ({line.source})"
                for line in missing
            ),
        )
        # the General Manager's report scores fill the manager's report quality
        reports = lines.filtered("indicator_id.cs_from_report_scores")
        self.assertTrue(reports)
        for line in reports:
            self.assertTrue(line.is_measured, line.employee_id.name)
            self.assertEqual(line.actual, 88)  # (85 + 90) / 2, rounded up


@tagged("post_install", "-at_install")
class TestDemoLanding(TransactionCase):
    """Each demo user lands on the app of his role, not on Discuss."""

    def test_demo_users_land_on_their_app(self):
        """Every demo role has a home action among its own menus' actions."""
        homes = {
            "cs_manager": "Complaints",
            "cs_supervisor": "Callbacks",
            "cs_rep1": "Consultations",
            "cs_engineer": "Work Orders",
            "cs_finance": "To Approve",
            "cs_gm": "Department Dashboard",
        }
        users = self.env["res.users"].search([("login", "in", list(homes))])
        if not users:
            self.skipTest("the cs_department demo data is not loaded")
        for user in users:
            with self.subTest(login=user.login):
                self.assertEqual(user.action_id.name, homes[user.login])
                menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                actions = self.env["ir.ui.menu"].browse(menus).mapped("action")
                self.assertIn(
                    user.action_id.id,
                    [action.id for action in actions if action],
                    "the home action is reached through the user's own menus",
                )
