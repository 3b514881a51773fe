# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestDataSource(KpiCommon):
    """The data-source hook: one call per (source, campaign), removal of a source."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.kpi.goal"].create(
            [
                {
                    "name": "Q1 goal",
                    "employee_id": cls.lead.id,
                    "target": 10,
                    "actual": 12,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                },
                {
                    "name": "Q2 goal",
                    "employee_id": cls.lead.id,
                    "target": 10,
                    "actual": 8,
                    "date_from": date(2026, 4, 1),
                    "date_to": date(2026, 6, 30),
                },
            ]
        )
        cls.q1 = cls._new_campaign()
        cls.q2 = cls._new_campaign(name="Test Q2", period_number=2)
        for campaign in cls.q1 | cls.q2:
            campaign.action_generate_sheets()
            campaign.action_open()

    def _goal_line(self, campaign, employee=None):
        return self._sheet(campaign, employee or self.lead).line_ids.filtered(
            lambda li: li.indicator_id == self.ind_goal
        )

    def test_each_campaign_measured_on_its_period(self):
        """Two campaigns computed at once: each source call gets its own campaign."""
        summary = (self.q1 | self.q2).with_user(self.hr_officer).action_compute()
        # the click says how many lines it measured and how many it could not
        self.assertRegex(
            summary["params"]["message"],
            r"^\d+ lines measured, [1-9]\d* not measurable",
        )
        self.assertEqual(summary["params"]["type"], "warning")
        self.assertEqual(self._goal_line(self.q1).actual, 100.0)
        self.assertEqual(self._goal_line(self.q2).actual, 0.0)
        self.assertTrue(self._goal_line(self.q2).is_measured)
        self.assertFalse(self._goal_line(self.q1, self.boss).is_measured)  # no goal

    def test_unknown_source_is_a_clear_error(self):
        """A source key without its method (module gone) names the key."""
        line = self._goal_line(self.q1)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE cs_kpi_sheet_line SET source = %s WHERE id = %s",
                "gone_module_rate",
                line.id,
            )
        )
        line.invalidate_recordset(["source"])
        with self.assertRaisesRegex(UserError, "gone_module_rate"):
            self.q1.with_user(self.hr_officer).action_compute()

    def test_fall_back_to_manual(self):
        """The ondelete of a source: manual indicator, closed sheets untouched."""
        self._score_everything(self.q1)
        self.q1.with_user(self.hr_officer).action_close()
        self.assertEqual(self.q1.state, "done")
        closed = self.q1.sheet_ids.line_ids.filtered(
            lambda li: li.indicator_id == self.ind_goal
        )
        names = ["measure_type", "source", "actual", "is_measured", "score"]
        before = closed.read(names)
        self.ind_goal._fall_back_to_manual()
        self.assertEqual(
            (self.ind_goal.measure_type, self.ind_goal.source), ("manual", "manual")
        )
        self.assertIn("uninstalled", self.ind_goal.message_ids[0].body)
        self.assertEqual(closed.read(names), before)
        self.assertEqual(set(closed.mapped("source")), {"goal_pass_rate"})
        running = self._goal_line(self.q2)
        self.assertEqual((running.measure_type, running.source), ("manual", "manual"))
        self.q2.with_user(self.hr_officer).action_compute()
        # now the manager enters it on his team's sheet
        running.with_user(self.boss_user).actual = 65
        self.assertEqual(running.score, 65.0)
