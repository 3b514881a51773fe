# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KpiCommon

# What an RPC client could add to its calls, hoping to unlock something.
CLIENT_KEYS = {"cs_kpi_closing": True, "cs_kpi_template_write": True}


@tagged("post_install", "-at_install")
class TestFiguresGuard(KpiCommon):
    """Figures people are appraised on, computed figures and closed records,
    attacked over plain create/write/unlink as each role could."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        sheets = {sheet.employee_id: sheet for sheet in cls.campaign.sheet_ids}
        cls.lead_sheet, cls.boss_sheet = sheets[cls.lead], sheets[cls.boss]

    def _line(self, sheet, indicator):
        return sheet.line_ids.filtered(lambda line: line.indicator_id == indicator)

    def _closed(self, number=2):
        campaign = self._new_campaign(name=f"Closed {number}", period_number=number)
        campaign.action_generate_sheets()
        campaign.action_open()
        self._score_everything(campaign)
        campaign.action_review()
        campaign.action_close()
        return campaign

    def _as(self, records, user):
        return records.with_user(user).with_context(**CLIENT_KEYS)

    # ------------------------------------------------------------------
    # Computed figures
    # ------------------------------------------------------------------
    def test_computed_figures_are_not_written(self):
        """Scores, totals, grades and ranks are refused to HR and managers."""
        line = self._line(self.lead_sheet, self.ind_direct)
        self._as(line, self.boss_user).actual = 80
        before = (line.score, line.weighted_score, self.lead_sheet.total_score)
        for user in (self.boss_user, self.hr_officer):
            with self.assertRaises(AccessError):
                self._as(line, user).write({"score": 140})
            with self.assertRaises(AccessError):
                self._as(line, user).write({"weighted_score": 90})
        for vals in (
            {"total_score": 150},
            {"kpi_score": 99},
            {"grade": "A"},
            {"passed": True},
            {"rank": 1},
        ):
            with self.assertRaises(AccessError):
                self._as(self.lead_sheet, self.hr_officer).write(vals)
        with self.assertRaises(AccessError):
            self._as(self.env["cs.kpi.sheet.line"], self.hr_officer).create(
                {
                    "sheet_id": self.lead_sheet.id,
                    "indicator_id": self.ind_direct.id,
                    "score": 100,
                }
            )
        self.assertEqual(
            (line.score, line.weighted_score, self.lead_sheet.total_score), before
        )
        self.assertEqual(self.lead_sheet.rank, 0)

    def test_closing_figures_of_a_closed_campaign(self):
        """A closed campaign's statistics and its sheets' ranks stay as computed."""
        campaign = self._closed()
        stats = (campaign.average_score, campaign.pass_rate)
        sheet = self._sheet(campaign, self.lead)
        rank = sheet.rank
        for vals in (
            {"average_score": 100},
            {"pass_rate": 100},
            {"forced_close": True},
        ):
            with self.assertRaises(UserError):
                self._as(campaign, self.hr_officer).write(vals)
        with self.assertRaises(UserError):
            self._as(sheet, self.hr_officer).write({"rank": 1, "total_score": 900})
        # on a running campaign, the guard of computed figures answers
        with self.assertRaises(AccessError):
            self._as(self.campaign, self.hr_officer).write({"pass_rate": 100})
        self.assertEqual((campaign.average_score, campaign.pass_rate), stats)
        self.assertFalse(campaign.forced_close)
        self.assertEqual(sheet.rank, rank)

    def test_bounded_figures_in_the_database(self):
        """Even a write past the ORM's guard (superuser) meets a CHECK."""
        line = self._line(self.lead_sheet, self.ind_direct)
        for records, vals in (
            (line, {"score": 140}),
            (line, {"weight": 120}),
            (self.lead_sheet, {"total_score": 150}),
            (self.lead_sheet, {"pass_mark": -1}),
            (self.campaign, {"pass_rate": 101}),
            (self.template, {"kpi_weight": 120, "competency_weight": -20}),
            (self.ind_ratio, {"cap": 120}),
        ):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
                records.sudo().write(vals)
                records.flush_recordset()

    # ------------------------------------------------------------------
    # Measured lines
    # ------------------------------------------------------------------
    def test_measured_lines_take_no_hand_entry(self):
        """Evaluation and computed lines: no actual and no Scored flag by hand,
        neither by the manager nor by HR; their measurement sets them."""
        for indicator in (self.ind_eval, self.ind_goal):
            line = self._line(self.lead_sheet, indicator)
            for user in (self.boss_user, self.hr_officer):
                for vals in ({"is_measured": True}, {"actual": 95}):
                    with self.assertRaises(AccessError):
                        self._as(line, user).write(vals)
            self.assertFalse(line.is_measured)
            self.assertEqual(line.score, 0)
        # the measurement itself still sets them
        evaluation = self._line(self.lead_sheet, self.ind_eval).evaluation_ids
        evaluation.with_user(self.evaluator_user).score = 90
        evaluation.with_user(self.evaluator_user).action_submit()
        line = self._line(self.lead_sheet, self.ind_eval)
        self.assertTrue(line.is_measured)
        self.assertEqual(line.actual, 90)

    # ------------------------------------------------------------------
    # Goals: nobody produces the figure he is appraised on
    # ------------------------------------------------------------------
    def test_goal_cannot_be_moved_onto_its_manager(self):
        """A supervisor sets a goal for his report, then tries to take it."""
        Goal = self.env["cs.kpi.goal"].with_user(self.boss_user)
        goal = Goal.create(
            {"name": "Calls", "employee_id": self.lead.id, "target": 1, "actual": 1}
        )
        # the appraised employee himself cannot touch it at all
        with self.assertRaises(AccessError):
            self._as(goal, self.lead_user).write({"actual": 0})
        with self.assertRaises(UserError):
            self._as(goal, self.boss_user).write({"employee_id": self.boss.id})
        with self.assertRaises(UserError):
            self._as(goal, self.hr_officer).write({"job_id": self.job_boss.id})
        with self.assertRaises(AccessError):
            Goal.create({"name": "Mine", "employee_id": self.boss.id, "target": 1})
        self.assertEqual(goal.employee_id, self.lead)
        self.assertFalse(goal.job_id)
        self.campaign.action_compute()
        self.assertFalse(self._line(self.boss_sheet, self.ind_goal).is_measured)
        self.assertEqual(self._line(self.lead_sheet, self.ind_goal).actual, 100)

    def test_hr_does_not_set_his_own_goals(self):
        """HR officers are appraised too: not on goals they set themselves."""
        me = self.env["hr.employee"].create(
            {
                "name": "HR Officer",
                "user_id": self.hr_officer.id,
                "job_id": self.job_boss.id,
            }
        )
        Goal = self._as(self.env["cs.kpi.goal"], self.hr_officer)
        for vals in (
            {"name": "Mine", "employee_id": me.id, "target": 1, "actual": 1},
            {"name": "My job's", "job_id": self.job_boss.id, "target": 1},
        ):
            with self.assertRaises(AccessError):
                Goal.create(vals)
        goal = self.env["cs.kpi.goal"].create(
            {"name": "Set by another", "employee_id": me.id, "target": 10}
        )
        with self.assertRaises(AccessError):
            self._as(goal, self.hr_officer).write({"actual": 10})
        with self.assertRaises(AccessError):
            self._as(goal, self.hr_officer).unlink()
        self.assertFalse(goal.is_assessed)
        self.assertTrue(goal.exists())

    def test_numeric_goal_passes_by_its_actual(self):
        """``passed`` cannot be set on a numeric goal that missed its target."""
        goal = (
            self.env["cs.kpi.goal"]
            .with_user(self.boss_user)
            .create(
                {
                    "name": "Calls",
                    "employee_id": self.lead.id,
                    "target": 90,
                    "actual": 50,
                }
            )
        )
        for user in (self.boss_user, self.hr_officer):
            with self.assertRaises(UserError):
                self._as(goal, user).write({"passed": True})
            with self.assertRaises(UserError):
                self._as(goal, user).action_assess()
        with self.assertRaises(UserError):
            self._as(self.env["cs.kpi.goal"], self.hr_officer).create(
                {"name": "Forged", "employee_id": self.lead.id, "passed": True}
            )
        self.assertFalse(goal.passed)
        # a pass/fail goal is judged by the manager with its buttons
        judged = (
            self.env["cs.kpi.goal"]
            .with_user(self.boss_user)
            .create(
                {"name": "Judged", "employee_id": self.lead.id, "measure": "judgement"}
            )
        )
        judged.action_assess()
        self.assertTrue(judged.passed and judged.is_assessed)
        judged.action_reset()
        self.assertFalse(judged.passed or judged.is_assessed)

    # ------------------------------------------------------------------
    # Evaluations: nobody rates his own sheet
    # ------------------------------------------------------------------
    def test_generation_skips_self_evaluation(self):
        """An appraised employee among the template's evaluators does not get
        an evaluation of his own sheet, and HR cannot add one."""
        line = self.template.line_ids.filtered(
            lambda tl: tl.indicator_id == self.ind_eval
        )
        line.evaluator_ids = [Command.link(self.lead_user.id)]
        campaign = self._new_campaign(name="Self", period_number=3)
        campaign.action_generate_sheets()
        own = self._line(self._sheet(campaign, self.lead), self.ind_eval)
        self.assertEqual(own.evaluation_ids.evaluator_id, self.evaluator_user)
        other = self._line(self._sheet(campaign, self.deep), self.ind_eval)
        self.assertEqual(
            other.evaluation_ids.evaluator_id, self.evaluator_user | self.lead_user
        )
        for user in (self.lead_user, self.hr_officer):
            with self.assertRaises(UserError):
                self._as(self.env["cs.kpi.evaluation"], user).create(
                    {"line_id": own.id, "evaluator_id": self.lead_user.id}
                )
        with self.assertRaises(ValidationError):
            self._as(own.evaluation_ids, self.hr_officer).write(
                {"evaluator_id": self.lead_user.id}
            )
        self.assertEqual(own.evaluation_ids.evaluator_id, self.evaluator_user)

    # ------------------------------------------------------------------
    # Closed and referenced records
    # ------------------------------------------------------------------
    def test_closed_campaign_stays_closed(self):
        """HR rewrites neither the dates nor the state of a closed campaign."""
        campaign = self._closed()
        dates = (campaign.date_from, campaign.date_to)
        hr = self._as(campaign, self.hr_officer)
        for vals in (
            {"state": "open"},
            {"date_from": "2026-01-01", "date_to": "2026-12-31"},
            {"year": 2020},
            {"date_deadline": "2027-01-01"},
        ):
            with self.assertRaises(UserError):
                hr.write(vals)
        self.assertEqual(campaign.state, "done")
        self.assertEqual((campaign.date_from, campaign.date_to), dates)
        self.assertTrue(all(s.state == "done" for s in campaign.sheet_ids))
        hr.write({"note": "<p>Reviewed</p>"})
        with self.assertRaises(UserError):
            self._as(self.env["cs.kpi.sheet"], self.hr_officer).create(
                {
                    "campaign_id": campaign.id,
                    "employee_id": self.noob.id,
                    "template_id": self.template.id,
                }
            )
        self.assertNotIn(self.noob, campaign.sheet_ids.employee_id)
        # nor does anyone jump a step on a running campaign or create one closed
        with self.assertRaises(AccessError):
            self._as(self.campaign, self.hr_officer).write({"state": "review"})
        with self.assertRaises(AccessError):
            self._as(self.lead_sheet, self.hr_officer).write({"state": "done"})
        with self.assertRaises(AccessError):
            self._new_campaign(name="Born closed", period_number=4, state="done")
        self.assertEqual(self.campaign.state, "open")
        self.assertEqual(self.lead_sheet.state, "open")

    def test_acknowledgement_is_the_employee_own(self):
        """HR cannot acknowledge for the employee; the employee's message
        cannot be rewritten afterwards."""
        campaign = self._closed()
        campaign.action_publish()
        sheet = self._sheet(campaign, self.lead)
        for vals in (
            {"acknowledged": True},
            {"acknowledge_comment": "Agreed", "acknowledge_date": datetime.now()},
        ):
            with self.assertRaises(AccessError):
                self._as(sheet, self.hr_officer).write(vals)
        self.assertFalse(sheet.acknowledged or sheet.acknowledge_comment)
        sheet.with_user(self.lead_user)._acknowledge("Agreed")
        message = sheet.message_ids.filtered(lambda m: "Agreed" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))
        body = message.body
        for user in (self.lead_user, self.boss_user):
            with self.assertRaises(AccessError):
                message.with_user(user).write({"body": "Never agreed"})
            with self.assertRaises(AccessError):
                message.with_user(user).unlink()
        with self.assertRaises(UserError):
            sheet.with_user(self.lead_user)._acknowledge("Changed my mind")
        self.assertEqual(message.body, body)
        self.assertEqual(sheet.acknowledge_comment, "Agreed")

    def test_template_weights_always_sum_to_100(self):
        """Deleting, moving or reweighting one line of an active template is
        refused at flush, context keys or not; a balanced save goes through."""
        admin = self.hr_admin
        other = self.env["cs.kpi.template"].create(
            {
                "name": "Other",
                "line_ids": [
                    Command.create({"indicator_id": self.ind_direct.id, "weight": 100})
                ],
            }
        )
        lines = self.template.line_ids
        for action in (
            lambda: self._as(lines[0], admin).unlink(),
            lambda: self._as(lines[0], admin).write({"template_id": other.id}),
            lambda: self._as(lines[0], admin).write({"weight": 10}),
            lambda: self._as(self.env["cs.kpi.template.line"], admin).create(
                {
                    "template_id": self.template.id,
                    "indicator_id": self.ind_direct.id,
                    "weight": 5,
                }
            ),
            lambda: self._as(self.template, admin).write(
                {"line_ids": [Command.delete(lines[1].id)]}
            ),
            # ability and attitude weigh 20: the template keeps items
            lambda: self._as(self.template.competency_line_ids, admin).unlink(),
        ):
            with self.assertRaises(ValidationError):
                action()
                self.env.cr.flush()
        self.assertEqual(self.template.line_ids, lines)
        self.assertEqual(len(self.template.competency_line_ids), 2)
        self.assertEqual(self.template.weight_total, 100)
        self.assertEqual(other.line_ids.mapped("weight"), [100])
        self._as(self.template, admin).write(
            {
                "line_ids": [
                    Command.update(lines[0].id, {"weight": 30}),
                    Command.update(lines[1].id, {"weight": 30}),
                ]
            }
        )
        self.env.cr.flush()
        self.assertEqual(self.template.weight_total, 100)

    def test_closed_sheets_keep_job_and_department(self):
        """A job, department or manager on closed sheets cannot be deleted."""
        campaign = self._closed()
        sheet = self._sheet(campaign, self.lead)
        for record in (self.job_agent, self.service, self.boss):
            with self.assertRaises(UserError):
                record.unlink()
        self.assertEqual(
            (sheet.job_id, sheet.department_id, sheet.manager_id),
            (self.job_agent, self.service, self.boss),
        )

    # ------------------------------------------------------------------
    # Time zone of the periods
    # ------------------------------------------------------------------
    def test_campaign_year_in_the_user_time_zone(self):
        """The default year is the user's, on both sides of midnight in Shanghai."""
        self.hr_officer.tz = "Asia/Shanghai"
        Campaign = self.env["cs.kpi.campaign"].with_user(self.hr_officer)
        # 23:30 on 31 December in Shanghai, 15:30 UTC
        with freeze_time("2026-12-31 15:30:00"):
            self.assertEqual(Campaign.default_get(["year"])["year"], 2026)
        # 00:30 on 1 January in Shanghai, still 31 December in UTC
        with freeze_time("2026-12-31 16:30:00"):
            self.assertEqual(Campaign.default_get(["year"])["year"], 2027)

    def test_period_bounds_in_the_campaign_time_zone(self):
        """A period starts and ends at midnight of its responsible's time zone."""
        self.hr_officer.tz = "Asia/Shanghai"
        self.assertEqual(
            (self.campaign.date_from, self.campaign.date_to),
            (date(2026, 1, 1), date(2026, 3, 31)),
        )
        self.assertEqual(
            self.campaign._period_datetimes(),
            (datetime(2025, 12, 31, 16, 0), datetime(2026, 3, 31, 16, 0)),
        )
