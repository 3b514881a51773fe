# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestJobLanguage(CsDepartmentCommon):
    """What a scheduled job writes for a person is in that person's language,
    whoever runs the job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["cs_department"], ["zh_CN"])

    def test_overdue_callback_todo_in_the_assignees_language(self):
        """A Chinese representative's overdue to-do is in Chinese, an English
        one's in English, from one run of the job."""
        self.representative.lang = "zh_CN"
        with freeze_time("2026-03-02 12:00:00"):
            callbacks = (
                self.env["cs.callback"]
                .with_user(self.supervisor)
                .create(
                    [
                        {
                            "partner_id": self.customer.id,
                            "reason": "traffic_anomaly",
                            "user_id": user.id,
                            "scheduled_date": date(2026, 3, 2),
                        }
                        for user in (self.representative, self.colleague)
                    ]
                )
            )
        with freeze_time("2026-03-10 12:00:00"):
            self.env["cs.callback"]._cron_flag_overdue()
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        todos = callbacks.activity_ids.filtered(
            lambda act: act.activity_type_id == todo_type
        )
        chinese = todos.filtered(lambda act: act.user_id == self.representative)
        english = todos.filtered(lambda act: act.user_id == self.colleague)
        self.assertEqual(chinese.summary, "逾期回访")
        self.assertEqual(english.summary, "Overdue callback")

    def test_weekly_spot_check_todo_in_the_supervisors_language_once(self):
        """A Chinese supervisor's weekly to-do is in Chinese, and a second
        run of the week adds none."""
        self.supervisor.lang = "zh_CN"
        Activity = self.env["mail.activity"]
        employee = self.env["hr.employee"].search(
            [("user_id", "=", self.supervisor.id)], limit=1
        ) or self.env["hr.employee"].create(
            {"name": "Supervisor T", "user_id": self.supervisor.id}
        )
        for _run in range(2):
            self.env["cs.quality.check"]._cron_weekly_todo()
        todos = Activity.search(
            [("res_model", "=", "hr.employee"), ("res_id", "=", employee.id)]
        )
        self.assertEqual(len(todos), 1)
        self.assertEqual(todos.summary, "每周服务质量抽查")
