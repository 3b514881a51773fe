# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CsDepartmentCommon

TEAM_SAT = "cs_team_callback_satisfaction"
SAT = "cs_callback_satisfaction"


@tagged("post_install", "-at_install")
class TestGuardCallbackFigures(CsDepartmentCommon):
    """A satisfaction counts for nobody who recorded it: a leader scoring the
    callbacks of his team's tickets does not make his team's figure, nor a
    representative his own (Q1 2026, Asia/Shanghai).

    Hierarchy: manager > supervisor > representative, colleague;
    representative_other is outside of it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env,
            login="cs_t_gcf_hr",
            groups="cs_kpi.cs_kpi_group_hr_officer",
            tz="Asia/Shanghai",
        )
        cls.job = cls.env["hr.job"].create({"name": "CS Test Callback Figures"})
        cls.indicators = cls.env["cs.kpi.indicator"].create(
            [
                {
                    "name": source,
                    "code": f"T-GCF-{index}",
                    "measure_type": "computed",
                    "source": source,
                    "scoring_method": "direct",
                }
                for index, source in enumerate((TEAM_SAT, SAT))
            ]
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test callback figures",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": indicator.id, "weight": 50})
                    for indicator in cls.indicators
                ],
            }
        )
        Employee = cls.env["hr.employee"]

        def employee(user, parent=None):
            return Employee.create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "job_id": cls.job.id,
                    "parent_id": parent and parent.id,
                }
            )

        manager = employee(cls.manager)
        supervisor = employee(cls.supervisor, manager)
        employee(cls.representative, supervisor)
        employee(cls.colleague, supervisor)
        employee(cls.representative_other)
        cls.ticket = cls._create_ticket("consultation")

    def _recorded(self, recorder, score, assignee, ticket=None):
        """A callback of ``ticket`` (the representative's by default) scored
        ``score`` by ``recorder`` and completed by ``assignee`` in February."""
        with freeze_time("2026-02-10 02:00:00"):
            callback = (
                self.env["cs.callback"]
                .with_user(recorder)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "ticket_id": (ticket or self.ticket).id,
                        "reason": "other",
                        "user_id": assignee.id,
                        "outcome": "resolved",
                        "satisfaction": score,
                    }
                )
            )
            callback.with_user(assignee).action_done()
        return callback

    def _figures(self):
        """``{source: {user: actual or None}}`` of a Q1 campaign computed now."""
        with freeze_time("2026-04-10 02:00:00"):
            campaign = self._open_q1_campaign("CS callback figures Q1")
        figures = {TEAM_SAT: {}, SAT: {}}
        for line in campaign.sheet_ids.line_ids:
            figures[line.source][line.employee_id.user_id] = (
                line.actual if line.is_measured else None
            )
        return figures

    def test_leader_does_not_make_his_team_figure(self):
        """The supervisor's 100 on a member's callback, completed by its
        assignee, is not in his team's figure; the manager's 60 is."""
        own = self._recorded(self.supervisor, 100, self.colleague)
        self._recorded(self.manager, 60, self.colleague)
        self.assertEqual(own.recorded_by_id, self.supervisor)
        self.assertEqual(own.state, "done")
        figures = self._figures()
        self.assertEqual(figures[TEAM_SAT][self.supervisor], 60.0)
        self.assertEqual(figures[TEAM_SAT][self.manager], 100.0)
        # the representative's own figure counts both: he recorded neither
        self.assertEqual(figures[SAT][self.representative], 80.0)

    def test_team_scored_by_its_leader_only(self):
        """A team whose only scores are its leader's has no figure for him."""
        self._recorded(self.supervisor, 100, self.colleague)
        self.assertIsNone(self._figures()[TEAM_SAT][self.supervisor])

    def test_recorder_not_forged(self):
        """Nobody writes who recorded a satisfaction, at creation or after."""
        callback = self._recorded(self.manager, 60, self.colleague)
        Callback = self.env["cs.callback"].with_user(self.supervisor)
        with self.assertRaises(AccessError):
            Callback.with_context(default_recorded_by_id=self.manager.id).create(
                {
                    "partner_id": self.customer.id,
                    "ticket_id": self.ticket.id,
                    "user_id": self.colleague.id,
                    "satisfaction": 100,
                }
            )
        todo = Callback.create(
            {
                "partner_id": self.customer.id,
                "ticket_id": self.ticket.id,
                "user_id": self.colleague.id,
            }
        )
        for record in (callback, todo):
            with self.subTest(state=record.state), self.assertRaises(AccessError):
                record.with_user(self.supervisor).write(
                    {"recorded_by_id": self.manager.id}
                )
        self.assertEqual(callback.recorded_by_id, self.manager)
        self.assertFalse(todo.recorded_by_id)
        # the score is the supervisor's once he records it
        todo.write({"satisfaction": 100})
        self.assertEqual(todo.recorded_by_id, self.supervisor)

    def test_unknown_recorder(self):
        """Callbacks older than the recorder: the team's leader is excluded
        where assigned (the former rule), the representative counts them; a
        representative's own recorded score never counts for him."""
        legacy = self.env["cs.callback"].create(
            {
                "partner_id": self.customer.id,
                "ticket_id": self.ticket.id,
                "user_id": self.supervisor.id,
                "outcome": "resolved",
                "satisfaction": 20,
                "state": "done",
                "done_date": "2026-02-10 02:00:00",
            }
        )
        self.assertFalse(legacy.recorded_by_id)
        self._recorded(self.manager, 60, self.colleague)
        other_ticket = self._create_ticket(
            "consultation", user=self.representative_other, team=self.team_other
        )
        forged = self._recorded(self.manager, 100, self.supervisor, ticket=other_ticket)
        # as an import would have it: the representative as recorder
        forged.sudo().recorded_by_id = self.representative_other
        figures = self._figures()
        team, person = figures[TEAM_SAT], figures[SAT]
        self.assertEqual(team[self.supervisor], 60.0)
        self.assertEqual(team[self.manager], 20.0)
        self.assertEqual(person[self.representative], 40.0)
        self.assertIsNone(person[self.representative_other])
