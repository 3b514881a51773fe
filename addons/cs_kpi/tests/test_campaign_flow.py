# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestCampaignFlow(KpiCommon):
    """A campaign from generation to closing, run by HR, managers and evaluators."""

    def test_dates_follow_the_period(self):
        """Dates are filled from the period; a fifth quarter is refused."""
        campaign = self._new_campaign(period_number=2)
        self.assertEqual(campaign.date_from, date(2026, 4, 1))
        self.assertEqual(campaign.date_to, date(2026, 6, 30))
        self.assertEqual(campaign.date_deadline, date(2026, 7, 15))
        campaign.write({"period_type": "half_year", "period_number": 2})
        self.assertEqual(campaign.date_from, date(2026, 7, 1))
        self.assertEqual(campaign.date_to, date(2026, 12, 31))
        with self.assertRaises(ValidationError):
            campaign.write({"period_type": "quarter", "period_number": 5})

    def test_generation_is_idempotent_and_lists_missing(self):
        """One sheet per employee; a second run adds only newcomers."""
        campaign = self._new_campaign()
        summary = campaign.action_generate_sheets()["params"]
        # the click says what it did: 4 sheets, 1 employee without template
        self.assertEqual(summary["type"], "warning")
        self.assertIn("4 appraisal sheets generated, 4 in all", summary["message"])
        self.assertIn("1 employees in scope have no template", summary["message"])
        self.assertEqual(
            campaign.sheet_ids.employee_id,
            self.boss | self.lead | self.deep | self.outsider,
        )
        self.assertEqual(campaign.missing_employee_ids, self.noob)
        sheet = self._sheet(campaign, self.lead)
        self.assertEqual(len(sheet.line_ids), 4)
        self.assertEqual(len(sheet.competency_line_ids), 2)
        self.assertEqual(sheet.manager_id, self.boss)
        self.assertEqual(
            sheet.line_ids.evaluation_ids.evaluator_id, self.evaluator_user
        )
        self.assertEqual(sorted(sheet.line_ids.mapped("weight")), [20, 20, 20, 40])
        sheet.line_ids.filtered(
            lambda li: li.indicator_id == self.ind_direct
        ).actual = 77
        newcomer = self.env["hr.employee"].create(
            {
                "name": "Newcomer",
                "department_id": self.service.id,
                "job_id": self.job_agent.id,
            }
        )
        summary = campaign.action_generate_sheets()["params"]["message"]
        self.assertIn("1 appraisal sheets generated, 5 in all", summary)
        self.assertEqual(len(campaign.sheet_ids), 5)
        self.assertIn(newcomer, campaign.sheet_ids.employee_id)
        self.assertEqual(
            sheet.line_ids.filtered(
                lambda li: li.indicator_id == self.ind_direct
            ).actual,
            77,
        )

    def test_open_schedules_activities(self):
        """Opening gives the manager and the evaluator a to-do with the deadline."""
        campaign = self._new_campaign()
        with self.assertRaises(UserError):
            campaign.action_open()  # no sheet yet
        campaign.action_generate_sheets()
        campaign.action_open()
        self.assertEqual(campaign.state, "open")
        self.assertEqual(set(campaign.sheet_ids.mapped("state")), {"open"})
        lead_sheet = self._sheet(campaign, self.lead)
        activity = lead_sheet.activity_ids
        self.assertEqual(activity.user_id, self.boss_user)
        self.assertEqual(activity.date_deadline, campaign.date_deadline)
        # one to-do per evaluator on the campaign, not one per line
        todo = campaign.activity_ids.filtered(
            lambda act: act.user_id == self.evaluator_user
        )
        self.assertEqual(len(todo), 1)
        self.assertIn("4", todo.summary)
        self.assertEqual(todo.date_deadline, campaign.date_deadline)
        self.assertFalse(campaign.sheet_ids.evaluation_ids.activity_ids)
        # no manager with the manager role: the campaign's responsible gets it
        self.assertEqual(
            self._sheet(campaign, self.deep).activity_ids.user_id, self.hr_officer
        )

    def test_open_todos_in_each_recipients_language(self):
        """HR opens the campaign in English: the Chinese manager's and
        evaluator's to-dos are in Chinese, the English HR officer's in English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_kpi"], ["zh_CN"])
        (self.boss_user | self.evaluator_user).write({"lang": "zh_CN"})
        self.hr_officer.lang = "en_US"
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.with_user(self.hr_officer).with_context(lang="en_US").action_open()
        boss_todo = self._sheet(campaign, self.lead).activity_ids
        self.assertEqual(boss_todo.user_id, self.boss_user)
        self.assertEqual(boss_todo.summary, f"为 {self.lead.name} 的考核评分")
        own = self._sheet(campaign, self.deep).activity_ids
        self.assertEqual(own.user_id, self.hr_officer)
        self.assertEqual(own.summary, f"Score the appraisal of {self.deep.name}")
        todo = campaign.activity_ids.filtered(
            lambda act: act.user_id == self.evaluator_user
        )
        self.assertEqual(todo.summary, "给出 4 项 KPI 评价")

    def test_full_flow_grades_ranks_and_pass_rate(self):
        """Scores from all roles, goals and evaluations give grades and ranks."""
        self.env["cs.kpi.goal"].create(
            [
                {"name": "G1", "employee_id": self.lead.id, "target": 10, "actual": 12},
                {"name": "G2", "employee_id": self.lead.id, "target": 10, "actual": 8},
                {"name": "G3", "job_id": self.job_agent.id, "target": 1, "actual": 1},
            ]
        )
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.action_open()
        # the manager scores his subordinates, HR the others
        for employee in (self.lead, self.deep):
            sheet = self._sheet(campaign, employee).with_user(self.boss_user)
            for line in sheet.line_ids.filtered(lambda li: li.measure_type == "manual"):
                line.actual = 72 if line.scoring_method == "target_ratio" else 70
            sheet.competency_line_ids.write({"rating": 4})
        for employee in (self.boss, self.outsider):
            sheet = self._sheet(campaign, employee)
            for line in sheet.line_ids.filtered(lambda li: li.measure_type == "manual"):
                line.actual = 80 if line.scoring_method == "target_ratio" else 95
            sheet.competency_line_ids.write({"rating": 5})
        for evaluation in campaign.sheet_ids.evaluation_ids.with_user(
            self.evaluator_user
        ):
            evaluation.write({"score": 90, "comment": "Helpful"})
            evaluation.action_submit()
        campaign.action_review()
        campaign.action_close()
        self.assertEqual(campaign.state, "done")
        lead = self._sheet(campaign, self.lead)
        goal_line = lead.line_ids.filtered(lambda li: li.indicator_id == self.ind_goal)
        self.assertEqual(goal_line.actual, 50.0)  # own goals: 1 of 2 passed
        deep_goal = self._sheet(campaign, self.deep).line_ids.filtered(
            lambda li: li.indicator_id == self.ind_goal
        )
        self.assertEqual(deep_goal.actual, 100.0)  # falls back to the job's goals
        eval_line = lead.line_ids.filtered(lambda li: li.indicator_id == self.ind_eval)
        self.assertEqual(eval_line.score, 90)
        # 72/80=90 x40 + 70 x20 + 90 x20 + 50 x20 = 36 + 14 + 18 + 10
        self.assertEqual(lead.kpi_score, 78.0)
        self.assertEqual(lead.competency_score, 80.0)
        self.assertEqual(lead.total_score, 78.4)  # (78 x 80 + 80 x 20) / 100
        self.assertEqual(lead.grade, "C")
        boss = self._sheet(campaign, self.boss)
        # 100 x40 + 95 x20 + 90 x20 + 0 x20 (no goal at all), competency 100
        self.assertEqual(boss.kpi_score, 77.0)
        self.assertEqual(boss.total_score, 81.6)
        self.assertEqual(boss.grade, "B")
        self.assertEqual(boss.rank, 3)
        outsider = self._sheet(campaign, self.outsider)
        self.assertEqual(outsider.total_score, 97.6)  # job goals: 100
        self.assertEqual(
            (outsider.rank, outsider.rank_job, outsider.grade), (1, 1, "A")
        )
        self.assertEqual(lead.rank, 4)
        self.assertEqual(lead.rank_job, 3)
        self.assertTrue(all(campaign.sheet_ids.mapped("passed")))
        self.assertEqual(campaign.pass_rate, 100.0)
        self.assertFalse(campaign.sheet_ids.activity_ids)
        self.assertFalse(campaign.activity_ids)

    def test_close_refused_until_scored_unless_forced(self):
        """Unscored manual lines block the closing; HR may force with a reason."""
        campaign = self._new_campaign()
        self.assertFalse(campaign.scoring_progress)  # a draft has nothing to score
        campaign.action_generate_sheets()
        campaign.action_open()
        campaign.action_review()
        # the campaign says what Close would refuse before anyone clicks it
        progress = campaign.with_user(self.hr_officer).scoring_progress
        self.assertRegex(progress, r"\d+ KPI lines to score")
        self.assertRegex(progress, r"\d+ ability/attitude items to rate")
        self.assertRegex(progress, r"\d+ evaluations awaited")
        with self.assertRaises(UserError):
            campaign.action_close()
        self.assertEqual(campaign.state, "review")
        self.assertFalse(campaign.sheet_ids.filtered(lambda s: s.state == "done"))
        with self.assertRaises(AccessError):
            refused = Form(
                self.env["cs.kpi.campaign.close"]
                .with_user(self.boss_user)
                .with_context(default_campaign_id=campaign.id)
            )
            refused.reason = "I want to"
            refused.save().action_force_close()
        wizard = Form(
            self.env["cs.kpi.campaign.close"]
            .with_user(self.hr_officer)
            .with_context(default_campaign_id=campaign.id)
        )
        wizard.reason = "Managers on leave; agreed with the director."
        wizard.save().action_force_close()
        self.assertEqual(campaign.state, "done")
        self.assertTrue(campaign.forced_close)
        self.assertIn("leave", campaign.force_reason)
        self.assertEqual(set(campaign.sheet_ids.mapped("grade")), {"D"})

    def test_closed_campaign_is_locked(self):
        """Closed sheets, lines, ratings and evaluations refuse any change."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.action_open()
        self._score_everything(campaign)
        campaign.action_review()
        campaign.invalidate_recordset(["scoring_progress"])
        self.assertFalse(campaign.scoring_progress)  # nothing left: Close passes
        campaign.action_close()
        sheet = self._sheet(campaign, self.lead)
        line = sheet.line_ids.filtered(lambda li: li.measure_type == "manual")[0]
        score = sheet.total_score
        with self.assertRaises(UserError):
            line.actual = 10
        with self.assertRaises(UserError):
            sheet.competency_line_ids[0].rating = 1
        with self.assertRaises(UserError):
            sheet.write({"manager_id": False})
        with self.assertRaises(UserError):
            sheet.evaluation_ids.sudo().write({"score": 10})
        with self.assertRaises(UserError):
            campaign.action_generate_sheets()
        with self.assertRaises(UserError):
            campaign.action_close()
        self.assertEqual(sheet.total_score, score)
        campaign.action_publish()
        self.assertTrue(sheet.published)

    def test_publish_and_acknowledge(self):
        """The employee sees his sheet once published and acknowledges it."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.action_open()
        self._score_everything(campaign)
        campaign.action_review()
        sheet = self._sheet(campaign, self.outsider)
        with self.assertRaises(AccessError):
            sheet.with_user(self.outsider_user).read(["total_score"])
        campaign.action_close()
        campaign.action_publish()
        own = sheet.with_user(self.outsider_user)
        self.assertTrue(own.total_score)
        with self.assertRaises(AccessError):
            own.write({"acknowledged": True})
        wizard = Form(
            self.env["cs.kpi.sheet.acknowledge"]
            .with_user(self.outsider_user)
            .with_context(default_sheet_id=sheet.id)
        )
        wizard.comment = "Fair, thanks."
        wizard.save().action_acknowledge()
        self.assertTrue(sheet.acknowledged)
        self.assertEqual(sheet.acknowledge_comment, "Fair, thanks.")
        boss_sheet = self._sheet(campaign, self.boss)
        with self.assertRaises(UserError):
            boss_sheet.with_user(self.outsider_user).sudo(False)._acknowledge("no")

    def test_indicator_of_closed_sheets_keeps_its_scoring(self):
        """Once used by closed sheets, an indicator's scoring cannot change;
        writing its unchanged values again (a module update reloading its
        data) passes."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.action_open()
        self._score_everything(campaign)
        campaign.action_review()
        campaign.action_close()
        indicator = self.ind_ratio.with_user(self.hr_admin)
        indicator.write(
            {
                "measure_type": "manual",
                "scoring_method": "target_ratio",
                "higher_is_better": True,
                "name": "Customer satisfaction",
            }
        )
        self.assertEqual(indicator.name, "Customer satisfaction")
        with self.assertRaises(UserError):
            indicator.write({"scoring_method": "direct"})
        with self.assertRaises(UserError):
            indicator.write({"higher_is_better": False})
        self.assertEqual(indicator.scoring_method, "target_ratio")
        # an unused indicator changes freely
        spare = self.env["cs.kpi.indicator"].create({"name": "Spare", "code": "T-SP"})
        spare.with_user(self.hr_admin).write({"scoring_method": "target_ratio"})
        self.assertEqual(spare.scoring_method, "target_ratio")

    def test_delete_indicator_used_by_a_sheet(self):
        """An indicator used by a sheet cannot be deleted; an unused one can."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        with self.assertRaises(UserError):
            self.ind_direct.with_user(self.hr_admin).unlink()
        self.assertTrue(self.ind_direct.exists())
        spare = self.env["cs.kpi.indicator"].create({"name": "Spare", "code": "T-SP"})
        spare.with_user(self.hr_admin).unlink()
        self.assertFalse(spare.exists())

    def test_cancel_and_reset(self):
        """A cancelled campaign goes back to draft with its sheets."""
        campaign = self._new_campaign()
        campaign.action_generate_sheets()
        campaign.action_cancel()
        self.assertEqual(set(campaign.sheet_ids.mapped("state")), {"cancel"})
        with self.assertRaises(UserError):
            campaign.action_generate_sheets()
        campaign.action_draft()
        self.assertEqual(campaign.state, "draft")
        campaign.write({"job_ids": [Command.set(self.job_boss.ids)]})
        campaign.action_generate_sheets()
        self.assertEqual(len(campaign.sheet_ids), 4)
