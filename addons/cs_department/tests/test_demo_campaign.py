# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged

DEMO_TZ = "Asia/Shanghai"


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
class TestDemoClosedCampaign(TransactionCase):
    """The demo's closed campaign is the quarter before the install day's,
    computed from the demo activity of that quarter, with grades that spread;
    the demo's traffic and done work order fall into the month the periodic
    report proposes on the install day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env.ref(
            "cs_department.cs_kpi_campaign_2025_q4_demo", raise_if_not_found=False
        )

    def setUp(self):
        super().setUp()
        if not self.campaign:
            self.skipTest("the cs_department demo data is not loaded")

    def _install_day(self, record):
        """The day ``record`` was created (the demo's install day) in the
        demo users' time zone: the demo dates itself from it."""
        return fields.Datetime.context_timestamp(
            record.with_context(tz=DEMO_TZ), record.create_date
        ).date()

    def test_closed_campaign_covers_the_previous_quarter(self):
        campaign = self.campaign
        day = self._install_day(campaign)
        quarter_start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        self.assertEqual(campaign.state, "done")
        self.assertEqual(campaign.date_from, quarter_start - relativedelta(months=3))
        self.assertEqual(campaign.date_to, quarter_start - timedelta(days=1))
        self.assertEqual(
            campaign.name, f"{campaign.year} Q{campaign.period_number} appraisal"
        )
        sheets = campaign.sheet_ids
        self.assertTrue(all(sheets.mapped("published")))
        self.assertEqual(set(sheets.mapped("state")), {"done"})
        # the whole department: every demo job of it has its sheet
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
        self.assertTrue(
            self.env.ref("cs_department.cs_kpi_sheet_2025_q4_rep1_demo").acknowledged
        )
        # the activity it measures is dated inside that quarter
        start, stop = campaign._period_datetimes()
        callback = self.env.ref("cs_department.cs_callback_prev_quarter_rep3_mgr_demo")
        self.assertTrue(start <= callback.done_date < stop)
        order = self.env.ref("cs_department.cs_change_order_prev_quarter_rep3_2_demo")
        self.assertTrue(start <= order.requested_date < order.activation_date < stop)
        work_order = self.env.ref(
            "cs_department.cs_work_order_prev_quarter_repair_demo"
        )
        self.assertTrue(start <= work_order.done_date < stop)

    def test_every_computed_line_is_measured_and_grades_spread(self):
        lines = self.campaign.sheet_ids.line_ids
        computed = lines.filtered(lambda line: line.measure_type == "computed")
        self.assertTrue(computed)
        missing = computed.filtered(
            lambda line: not line.is_measured or not line.actual
        )
        self.assertFalse(
            missing,
            "computed lines without demo data: "
            + ", ".join(
                f"{line.employee_id.name} / {line.indicator_id.name} ({line.source})"
                for line in missing
            ),
        )
        self.assertTrue(all(lines.mapped("is_measured")))
        grades = set(self.campaign.sheet_ids.mapped("grade"))
        self.assertGreaterEqual(len(grades), 3, grades)
        # some pass, not everybody
        self.assertTrue(0 < self.campaign.pass_rate < 100, self.campaign.pass_rate)
        # the manager's report quality: the General Manager's scores of his
        # reports due in the quarter ((92 + 90) / 2), no score entered by hand
        manager_sheet = self.env.ref("cs_department.cs_kpi_sheet_2025_q4_manager_demo")
        quality = manager_sheet.line_ids.filtered("indicator_id.cs_from_report_scores")
        self.assertEqual(quality.actual, 91)
        self.assertEqual(
            quality.evaluation_ids.evaluator_id,
            self.env.ref("cs_department.res_users_cs_general_manager_demo"),
        )

    def test_report_of_the_proposed_month_shows_traffic_and_work_order(self):
        """On the install day, the monthly report the wizard proposes (the last
        complete month) has the demo's traffic, its done work order and the
        warehouse movements of its equipment."""
        work_order = self.env.ref("cs_department.cs_work_order_done_demo")
        day = self._install_day(work_order)
        manager = self.env.ref("cs_department.res_users_cs_manager_demo")
        self.assertEqual(manager.tz, DEMO_TZ)
        with freeze_time(work_order.create_date):
            wizard = (
                self.env["cs.report.generate"]
                .with_user(manager)
                .create({"period_type": "month"})
            )
        last_month = day.replace(day=1) - relativedelta(months=1)
        self.assertEqual(wizard.date_from, last_month)
        self.assertEqual(wizard.date_to, day.replace(day=1) - timedelta(days=1))
        start, stop = (
            fields.Datetime.to_datetime(last_month) - timedelta(hours=8),
            fields.Datetime.to_datetime(day.replace(day=1)) - timedelta(hours=8),
        )
        self.assertEqual(work_order.state, "done")
        self.assertTrue(start <= work_order.done_date < stop)
        self.assertTrue(work_order.done_on_time)
        for picking in work_order.picking_ids:
            self.assertTrue(start <= picking.date_done < stop, picking.name)
        _scope, figures, _previous = (
            self.env["cs.service.report"]
            .with_user(manager)
            ._cs_compute(wizard._cs_report_data())
        )
        self.assertGreater(figures["traffic"]["records"], 0)
        self.assertGreaterEqual(figures["engineer_services"]["done"], 1)
        self.assertTrue(figures["engineer_services"]["equipment"])
        moves = self.env["cs.warehouse.account.report"].search(
            [("date", "=", last_month), ("delivered_qty", ">", 0)]
        )
        self.assertTrue(moves)


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
