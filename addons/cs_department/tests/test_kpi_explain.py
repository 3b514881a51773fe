# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CsDepartmentCommon

SAT = "cs_callback_satisfaction"


@tagged("post_install", "-at_install")
class TestKpiExplain(CsDepartmentCommon):
    """Explain on a computed line, clicked by the appraised representative on
    his published sheet, by his supervisor and by HR (Q1 2026)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env,
            login="cs_t_expl_hr",
            groups="cs_kpi.cs_kpi_group_hr_officer",
            tz="Asia/Shanghai",
        )
        cls.job = cls.env["hr.job"].create({"name": "CS Test Explain"})
        cls.indicator = cls.env.ref(
            "cs_department.cs_kpi_indicator_callback_satisfaction"
        )
        cls.manual = cls.env["cs.kpi.indicator"].create(
            {
                "name": "Manual figure",
                "code": "T-EXPL-MAN",
                "measure_type": "manual",
                "scoring_method": "direct",
            }
        )
        cls.traffic = cls.env["cs.kpi.indicator"].create(
            {
                "name": "Traffic callbacks",
                "code": "T-EXPL-TRAFFIC",
                "measure_type": "computed",
                "source": "cs_traffic_callback_rate",
                "scoring_method": "direct",
            }
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test explain",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": cls.indicator.id, "weight": 40}),
                    Command.create({"indicator_id": cls.manual.id, "weight": 40}),
                    Command.create({"indicator_id": cls.traffic.id, "weight": 20}),
                ],
            }
        )
        Employee = cls.env["hr.employee"]
        cls.emp_supervisor = Employee.create(
            {
                "name": "Explain Supervisor",
                "user_id": cls.supervisor.id,
                "job_id": cls.job.id,
            }
        )
        cls.emp_rep = Employee.create(
            {
                "name": "Explain Rep",
                "user_id": cls.representative.id,
                "job_id": cls.job.id,
                "parent_id": cls.emp_supervisor.id,
            }
        )
        # two callbacks on his team's tickets; one on his ticket of another
        # desk, called by the supervisor: counted for him, not his to read
        team_ticket = cls._create_ticket("complaint")
        other_ticket = cls._create_ticket("complaint", team=cls.team_other)
        Callback = cls.env["cs.callback"]
        values = [
            (team_ticket, 90, cls.representative),
            (team_ticket, 70, cls.representative),
            (other_ticket, 50, cls.supervisor),
        ]
        cls.callbacks = Callback.create(
            [
                {
                    "partner_id": cls.customer.id,
                    "ticket_id": ticket.id,
                    "reason": "complaint_followup",
                    "user_id": user.id,
                    "satisfaction": satisfaction,
                    "outcome": "resolved",
                    "state": "done",
                    "done_date": datetime(2026, 2, 10, 3),
                }
                for ticket, satisfaction, user in values
            ]
        )
        cls.hidden = cls.callbacks[2]

    def _campaign(self):
        campaign = self._open_q1_campaign("CS explain Q1")
        campaign.action_review()
        campaign.sheet_ids.action_publish()
        return campaign

    def _line(self, campaign, employee, indicator=None):
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: (
                line.employee_id == employee
                and line.indicator_id == (indicator or self.indicator)
            )
        )

    def _open(self, action, user):
        """The records the action lists for ``user``, as the web client asks."""
        self.assertEqual(action["type"], "ir.actions.act_window")
        records = self.env[action["res_model"]].with_user(user)
        if not records.has_access("read"):
            return records
        return records.search(action["domain"])

    @freeze_time("2026-04-10 02:00:00")
    def test_representative_sees_only_what_he_may_read(self):
        """The representative's Explain lists his readable callbacks only and
        says how many of the figure's records he sees."""
        campaign = self._campaign()
        line = self._line(campaign, self.emp_rep)
        self.assertEqual(line.actual, 70.0)
        Callback = self.env["cs.callback"].with_user(self.representative)
        with self.assertRaises(AccessError):
            self.hidden.with_user(self.representative).check_access("read")
        action = line.with_user(self.representative).action_explain()
        listed = self._open(action, self.representative)
        self.assertEqual(listed, self.callbacks[:2])
        self.assertLessEqual(listed, Callback.search([]))
        sentence = action["context"]["cs_kpi_explain"]
        self.assertEqual(
            sentence,
            "70 = mean satisfaction of 3 rated callbacks done in the period on "
            "his tickets. You may read 2 of these 3 records.",
        )
        # as superuser, the listed records give back the actual
        everything = self.env["cs.callback"].search(action["domain"])
        self.assertEqual(everything, self.callbacks)
        self.assertEqual(
            sum(everything.mapped("satisfaction")) / len(everything), line.actual
        )

    @freeze_time("2026-04-10 02:00:00")
    def test_hr_and_the_manager_see_everything_they_may_read(self):
        """His supervisor, who reads every callback, gets all of them; an HR
        officer who reads no callback gets the formula alone."""
        campaign = self._campaign()
        line = self._line(campaign, self.emp_rep)
        self.supervisor.groups_id |= self.env.ref("cs_kpi.cs_kpi_group_manager")
        action = line.with_user(self.supervisor).action_explain()
        self.assertEqual(self._open(action, self.supervisor), self.callbacks)
        self.assertEqual(
            action["context"]["cs_kpi_explain"],
            "70 = mean satisfaction of 3 rated callbacks done in the period on "
            "his tickets.",
        )
        self.assertFalse(
            self.env["cs.callback"].with_user(self.hr_officer).has_access("read")
        )
        action = line.with_user(self.hr_officer).action_explain()
        self.assertEqual(action["tag"], "display_notification")
        self.assertTrue(
            action["params"]["message"].startswith("70 = mean satisfaction of 3 ")
        )

    @freeze_time("2026-04-10 02:00:00")
    def test_not_his_sheet_nor_unpublished(self):
        """Another employee's line, an unpublished sheet or a manual line
        cannot be explained."""
        campaign = self._campaign()
        line = self._line(campaign, self.emp_rep)
        with self.assertRaises(AccessError):
            line.with_user(self.colleague).action_explain()
        line.sheet_id.action_unpublish()
        with self.assertRaises(AccessError):
            line.with_user(self.representative).action_explain()
        with self.assertRaisesRegex(UserError, "nothing to explain"):
            self._line(campaign, self.emp_rep, self.manual).action_explain()

    @freeze_time("2026-04-10 02:00:00")
    def test_records_of_a_model_he_may_not_read(self):
        """A representative may not read traffic anomalies: Explain gives the
        formula alone, and no list he could not open."""
        campaign = self._campaign()
        line = self._line(campaign, self.emp_rep, self.traffic)
        self.assertFalse(
            self.env["cs.traffic.anomaly"]
            .with_user(self.representative)
            .has_access("read")
        )
        action = line.with_user(self.representative).action_explain()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            action["params"]["message"],
            "No record in the period: the figure is not measured. You may not "
            "read these records.",
        )
