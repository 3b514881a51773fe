# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon

GROUP = "cs_department.cs_department_group_%s"
WORKBOOK = base64.b64encode(b"PK fake workbook")


@tagged("post_install", "-at_install")
class TestReportScoreEvaluation(BaseCommon):
    """The General Manager's report scores become his evaluation of the
    manager's "reports scored by the General Manager" line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                tz="Asia/Shanghai",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )

        # the General Manager has no employee: he evaluates as a user
        cls.gm = user("cs_rse_gm", f"base.group_user,{GROUP % 'general_manager'}")
        cls.manager = user("cs_rse_mgr", GROUP % "manager")
        cls.rep = user("cs_rse_rep", GROUP % "representative")
        cls.hr = user("cs_rse_hr", "base.group_user,cs_kpi.cs_kpi_group_hr_officer")
        cls.department = cls.env["hr.department"].create(
            {"name": "CS Report Score Department", "company_id": company.id}
        )
        manager_employee = cls.env["hr.employee"].create(
            {
                "name": "Report Score Manager",
                "user_id": cls.manager.id,
                "department_id": cls.department.id,
                "job_id": cls.env.ref("cs_department.hr_job_cs_manager").id,
                "company_id": company.id,
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Report Score Rep",
                "user_id": cls.rep.id,
                "parent_id": manager_employee.id,
                "department_id": cls.department.id,
                "job_id": cls.env.ref("cs_department.hr_job_cs_representative").id,
                "company_id": company.id,
            }
        )
        cls.indicator = cls.env.ref("cs_department.cs_kpi_indicator_mgr_report_quality")
        cls.indicator.cs_from_report_scores = True
        # planned by the scheduled job: nobody plans the reports he is
        # appraised on
        Submission = cls.env["cs.report.submission"]
        cls.submissions = Submission.create(
            [
                {
                    "submitter_id": cls.manager.id,
                    "recipient_id": cls.gm.id,
                    "period_type": "month",
                    "date_from": f"2026-{month:02d}-01",
                    "date_to": f"2026-{month:02d}-28",
                    "due_date": f"2026-{month + 1:02d}-03",
                    "company_id": company.id,
                }
                for month in (1, 2)
            ]
        )
        # due in the second quarter: not in the first quarter's mean
        cls.april = Submission.create(
            {
                "submitter_id": cls.manager.id,
                "recipient_id": cls.gm.id,
                "period_type": "month",
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
                "due_date": "2026-04-03",
                "company_id": company.id,
            }
        )
        with freeze_time("2026-04-02 02:00:00"):
            for submission in (cls.submissions | cls.april).with_user(cls.manager):
                submission.write({"workbook": WORKBOOK, "workbook_name": "r.xlsx"})
                submission.action_submit()

    def _campaign(self):
        campaign = (
            self.env["cs.kpi.campaign"]
            .with_user(self.hr)
            .create(
                {
                    "name": "2026 Q1 report scores",
                    "period_type": "quarter",
                    "year": 2026,
                    "period_number": 1,
                    "department_ids": [Command.set(self.department.ids)],
                }
            )
        )
        campaign.action_generate_sheets()
        campaign.action_open()
        return campaign

    def _line(self, campaign):
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.indicator
        )

    def _score(self, submissions, *scores):
        with freeze_time("2026-04-10 03:00:00"):
            for submission, score in zip(submissions, scores, strict=True):
                submission.with_user(self.gm).action_score(score)

    def _gm_evaluations(self, line):
        return line.evaluation_ids.filtered(lambda e: e.evaluator_id == self.gm)

    def test_scoring_fills_and_updates_the_evaluation(self):
        campaign = self._campaign()
        line = self._line(campaign)
        self.assertEqual(len(line), 1)
        self._score(self.submissions, 80, 91)
        self._score(self.april, 10)
        evaluation = self._gm_evaluations(line)
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.score, 86)  # (80 + 91) / 2 = 85.5, rounded
        self.assertTrue(evaluation.date_done)
        self._score(self.submissions[1], 70)
        self.assertEqual(self._gm_evaluations(line), evaluation)
        self.assertEqual(evaluation.score, 75)
        self.assertEqual(evaluation.state, "done")
        campaign.with_user(self.hr).action_compute()
        self.assertEqual(self._gm_evaluations(line), evaluation)
        self.assertTrue(line.is_measured)
        self.assertEqual(line.actual, 75)

    def test_campaign_generated_after_scoring_gets_it_at_compute(self):
        self._score(self.submissions, 60, 71)
        campaign = self._campaign()
        line = self._line(campaign)
        self.assertFalse(self._gm_evaluations(line))
        campaign.with_user(self.hr).action_compute()
        evaluation = self._gm_evaluations(line)
        self.assertEqual(len(evaluation), 1)
        self.assertEqual((evaluation.state, evaluation.score), ("done", 66))
        self.assertTrue(line.is_measured)
        self.assertEqual(line.actual, 66)
        # computing again changes nothing
        campaign.with_user(self.hr).action_compute()
        self.assertEqual(self._gm_evaluations(line), evaluation)
        self.assertEqual(evaluation.score, 66)

    def test_closed_campaign_untouched(self):
        self._score(self.submissions, 90, 90)
        campaign = self._campaign()
        campaign.with_user(self.hr)._close(force_reason="End of quarter")
        self.assertEqual(campaign.state, "done")
        line = self._line(campaign)
        evaluation = self._gm_evaluations(line)
        self.assertEqual(evaluation.score, 90)
        self._score(self.submissions, 40, 50)
        self.assertEqual(self._gm_evaluations(line), evaluation)
        self.assertEqual(evaluation.score, 90)
        self.assertEqual(line.actual, 90)

    def test_recipient_picked_by_the_manager_does_not_count(self):
        """A department manager does not plan his own reports; addressed to a
        representative who scores them, reports fill no evaluation."""
        campaign = self._campaign()
        line = self._line(campaign)
        vals = {
            "submitter_id": self.manager.id,
            "recipient_id": self.rep.id,
            "period_type": "week",
            "date_from": "2026-02-02",
            "date_to": "2026-02-08",
            "due_date": "2026-02-10",
            "company_id": self.env.company.id,
        }
        Submission = self.env["cs.report.submission"]
        with self.assertRaises(AccessError):
            Submission.with_user(self.manager).create(vals)
        self.assertFalse(Submission.search([("recipient_id", "=", self.rep.id)]))
        # planned so by somebody else all the same
        submission = Submission.create(vals).with_user(self.manager)
        with freeze_time("2026-02-09 02:00:00"):
            submission.write({"workbook": WORKBOOK, "workbook_name": "r.xlsx"})
            submission.action_submit()
        with freeze_time("2026-02-11 02:00:00"):
            submission.with_user(self.rep).action_score(100)
        self.assertEqual(submission.scored_by_id, self.rep)
        campaign.with_user(self.hr).action_compute()
        self.assertFalse(line.evaluation_ids)
        self.assertFalse(line.is_measured)
        self._score(self.submissions, 70, 80)
        self.assertEqual(line.evaluation_ids.evaluator_id, self.gm)
        self.assertEqual(line.actual, 75)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_appraised_cannot_forge_the_evaluation(self):
        campaign = self._campaign()
        line = self._line(campaign)
        self._score(self.submissions, 50, 60)
        evaluation = self._gm_evaluations(line)
        Evaluation = self.env["cs.kpi.evaluation"]
        for user in (self.manager, self.rep):
            with self.assertRaises(AccessError):
                Evaluation.with_user(user).create(
                    {
                        "line_id": line.id,
                        "evaluator_id": self.gm.id,
                        "score": 100,
                        "state": "done",
                    }
                )
            with self.assertRaises(AccessError):
                evaluation.with_user(user).write({"score": 100})
            with self.assertRaises(AccessError):
                evaluation.with_user(user).with_context(
                    active_test=False, sudo=True
                ).action_reset()
        # nor scores his own reports
        with self.assertRaises(AccessError):
            self.submissions[0].with_user(self.manager).write({"quality_score": 100})
        with self.assertRaises(AccessError):
            self.submissions[0].with_user(self.manager).write(
                {"scored_by_id": self.gm.id}
            )
        self.assertEqual(self.submissions.mapped("quality_score"), [50, 60])
        self.assertEqual(self._gm_evaluations(line), evaluation)
        self.assertEqual((evaluation.state, evaluation.score), ("done", 55))
        self.assertEqual(
            Evaluation.search_count([("line_id", "=", line.id)]),
            len(line.evaluation_ids),
        )
