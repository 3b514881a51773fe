# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestAccessHardening(KpiCommon):
    """What managers, employees and HR cannot do through RPC-callable methods."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._new_campaign()
        cls.campaign.action_generate_sheets()
        cls.campaign.action_open()
        cls.lead_sheet = cls.campaign.sheet_ids.filtered(
            lambda sheet: sheet.employee_id == cls.lead
        )

    def _line(self, sheet, indicator):
        return sheet.line_ids.filtered(lambda line: line.indicator_id == indicator)

    def _closed_campaign(self):
        campaign = self._new_campaign(name="Closed", period_number=2)
        campaign.action_generate_sheets()
        campaign.action_open()
        self._score_everything(campaign)
        campaign.action_review()
        campaign.action_close()
        return campaign

    def test_manager_cannot_change_weights_or_targets(self):
        """A manager enters values only: weight, target, indicator stay HR's."""
        line = self._line(self.lead_sheet, self.ind_ratio)
        mine = line.with_user(self.boss_user)
        for vals in (
            {"weight": 100},
            {"target": 1},
            {"floor": 50},
            {"indicator_id": self.ind_direct.id},
            {"sheet_id": self.lead_sheet.id},
        ):
            with self.assertRaises(AccessError):
                mine.write(vals)
        with self.assertRaises(AccessError):
            self.lead_sheet.with_user(self.boss_user).write(
                {"line_ids": [Command.update(line.id, {"weight": 100, "actual": 80})]}
            )
        self.assertEqual((line.weight, line.target, line.actual), (40, 80, 0))
        item = self.lead_sheet.competency_line_ids[0]
        with self.assertRaises(AccessError):
            item.with_user(self.boss_user).write({"competency_id": self.comp_core.id})
        with self.assertRaises(AccessError):
            item.with_user(self.boss_user).write({"kind": "reference"})
        mine.write({"actual": 72, "note": "Good quarter"})
        self.assertEqual(line.score, 90.0)

    def test_manager_cannot_enter_measured_lines(self):
        """Computed and evaluation lines take no hand-entered value from a manager."""
        for indicator in (self.ind_eval, self.ind_goal):
            line = self._line(self.lead_sheet, indicator)
            with self.assertRaises(UserError):
                line.with_user(self.boss_user).actual = 100
            self.assertFalse(line.is_measured)

    def test_manager_scores_only_while_scoring(self):
        """Managers score open or reviewed sheets, not draft or cancelled ones."""
        draft = self._new_campaign(name="Draft", period_number=3)
        draft.action_generate_sheets()
        sheet = draft.sheet_ids.filtered(lambda s: s.employee_id == self.lead)
        line = self._line(sheet, self.ind_direct).with_user(self.boss_user)
        with self.assertRaises(UserError):
            line.actual = 80
        with self.assertRaises(UserError):
            sheet.competency_line_ids[0].with_user(self.boss_user).rating = 3
        draft.action_cancel()
        with self.assertRaises(UserError):
            line.actual = 80
        self.assertFalse(line.is_measured)
        self.assertFalse(sheet.competency_line_ids[0].is_rated)

    def test_context_key_does_not_unlock_a_closed_sheet(self):
        """The closing context key sent over RPC does not reopen a closed sheet."""
        campaign = self._closed_campaign()
        sheet = campaign.sheet_ids.filtered(lambda s: s.employee_id == self.lead)
        line = self._line(sheet, self.ind_direct)
        actual = line.actual
        for user in (self.boss_user, self.hr_officer):
            with self.assertRaises(UserError):
                line.with_user(user).with_context(cs_kpi_closing=True).actual = 1
            with self.assertRaises(UserError):
                sheet.competency_line_ids[0].with_user(user).with_context(
                    cs_kpi_closing=True
                ).rating = 1
        with self.assertRaises(UserError):
            sheet.with_user(self.hr_officer).with_context(cs_kpi_closing=True).write(
                {"pass_mark": 0}
            )
        self.assertEqual(line.actual, actual)
        self.assertEqual(sheet.pass_mark, 60.0)

    def test_closed_sheet_lines_cannot_be_added_or_deleted(self):
        """HR can neither delete nor add lines, items or evaluations once closed."""
        campaign = self._closed_campaign()
        sheet = campaign.sheet_ids.filtered(lambda s: s.employee_id == self.lead)
        hr = self.hr_officer
        with self.assertRaises(UserError):
            sheet.line_ids[0].with_user(hr).unlink()
        with self.assertRaises(UserError):
            sheet.competency_line_ids[0].with_user(hr).unlink()
        with self.assertRaises(UserError):
            sheet.evaluation_ids[0].with_user(hr).unlink()
        with self.assertRaises(UserError):
            self.env["cs.kpi.sheet.line"].with_user(hr).create(
                {"sheet_id": sheet.id, "indicator_id": self.ind_direct.id}
            )
        with self.assertRaises(UserError):
            self.env["cs.kpi.sheet.competency"].with_user(hr).create(
                {
                    "sheet_id": sheet.id,
                    "competency_id": self.comp_core.id,
                    "kind": "core",
                }
            )
        self.assertEqual(len(sheet.line_ids), 4)
        self.assertEqual(len(sheet.competency_line_ids), 2)
        self.assertTrue(sheet.evaluation_ids)

    def test_only_hr_runs_the_workflow(self):
        """Every campaign step called by a manager is refused and changes nothing."""
        line = self._line(self.lead_sheet, self.ind_goal)
        campaign = self.campaign.with_user(self.boss_user)
        for step in (
            "action_generate_sheets",
            "action_compute",
            "action_review",
            "action_close",
            "action_publish",
            "action_cancel",
        ):
            with self.assertRaises(AccessError):
                getattr(campaign, step)()
        with self.assertRaises(AccessError):
            campaign._close(force_reason="Manager wants it")
        self.assertEqual(self.campaign.state, "open")
        self.assertFalse(line.is_measured)
        self.assertFalse(self.lead_sheet.published)

    def test_sheet_published_only_once_reviewed(self):
        """HR cannot publish a sheet that is still being scored."""
        with self.assertRaises(UserError):
            self.lead_sheet.with_user(self.hr_officer).action_publish()
        self.assertFalse(self.lead_sheet.published)

    def test_acknowledge_own_sheet_once(self):
        """Only the appraised employee acknowledges, once; his manager cannot."""
        campaign = self._closed_campaign()
        campaign.action_publish()
        sheet = campaign.sheet_ids.filtered(lambda s: s.employee_id == self.lead)

        def acknowledge(user, comment):
            wizard = Form(
                self.env["cs.kpi.sheet.acknowledge"]
                .with_user(user)
                .with_context(default_sheet_id=sheet.id)
            )
            wizard.comment = comment
            return wizard.save().action_acknowledge()

        # the boss reads his report's sheet but cannot acknowledge it for him
        with self.assertRaises(UserError):
            acknowledge(self.boss_user, "On his behalf")
        self.assertFalse(sheet.acknowledged)
        acknowledge(self.lead_user, "Agreed")
        with self.assertRaises(UserError):
            acknowledge(self.lead_user, "Changed my mind")
        self.assertEqual(sheet.acknowledge_comment, "Agreed")

    def test_goals_of_another_company_do_not_count(self):
        """The goal pass rate reads the campaign company's goals only."""
        other = self.env["res.company"].create({"name": "KPI Other Company"})
        # A job shared by the companies, so that both may set goals on it.
        self.job_agent.company_id = False
        Goal = self.env["cs.kpi.goal"]
        Goal.create(
            {"name": "Here", "job_id": self.job_agent.id, "target": 1, "actual": 1}
        )
        Goal.create(
            {
                "name": "Elsewhere",
                "job_id": self.job_agent.id,
                "company_id": other.id,
                "target": 1,
                "actual": 0,
            }
        )
        self.campaign.action_compute()
        deep_sheet = self.campaign.sheet_ids.filtered(
            lambda s: s.employee_id == self.deep
        )
        self.assertEqual(self._line(deep_sheet, self.ind_goal).actual, 100.0)

    def test_evaluator_submits_through_the_button_only(self):
        """An evaluator scores, then submits with the button: state, dates and
        other people's evaluations are out of his reach."""
        evaluation = self.lead_sheet.line_ids.evaluation_ids[:1]
        self.assertEqual(evaluation.evaluator_id, self.evaluator_user)
        mine = evaluation.with_user(self.evaluator_user)
        with self.assertRaises(AccessError):
            mine.write({"state": "done"})
        with self.assertRaises(AccessError):
            mine.write({"date_done": "2026-01-01 00:00:00"})
        self.assertEqual(evaluation.state, "pending")
        with self.assertRaises(AccessError):
            evaluation.with_user(self.outsider_user).action_submit()
        mine.write({"score": 90})
        mine.action_submit()
        self.assertEqual(evaluation.state, "done")
        with self.assertRaises(UserError):
            mine.write({"score": 10})
        self.assertEqual(evaluation.score, 90)
        mine.action_reset()
        mine.write({"score": 70})
        self.assertEqual((evaluation.state, evaluation.score), ("pending", 70))
