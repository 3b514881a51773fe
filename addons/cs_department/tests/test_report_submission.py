# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import assert_explains, mean, share
from .common_change_order import round_the_clock_rules
from .common_reports import CsReportsCommon

WORKBOOK = base64.b64encode(b"PK fake workbook")


@tagged("post_install", "-at_install")
class TestReportSubmission(CsReportsCommon):
    """Reports due, their submission, timeliness and the recipient's score."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Submission = cls.env["cs.report.submission"]
        cls.submission = cls.Submission.with_user(cls.manager).create(
            {
                "submitter_id": cls.supervisor.id,
                "recipient_id": cls.gm.id,
                "period_type": "month",
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
                "due_date": "2026-04-03",
                "team_id": cls.team.id,
                "company_id": cls.company.id,
            }
        )

    def _submit(self, moment, submission=None):
        submission = (submission or self.submission).with_user(self.supervisor)
        with freeze_time(moment):
            submission.workbook = WORKBOOK
            submission.workbook_name = "report.xlsx"
            submission.action_submit()
        return submission

    @freeze_time("2026-04-01 02:00:00")
    def test_cron_plans_reports_with_todo(self):
        """1 April in Shanghai: the March reports of the manager (whole
        department) and of the team leader (his team), due on 3 April."""
        Submission = self.Submission.with_context(active_test=False)
        planned = Submission._cron_plan_reports("month")
        mine = planned.filtered(lambda sub: sub.company_id == self.company)
        # the team leader's March report was planned already (the fixture)
        self.assertEqual(mine.submitter_id, self.manager)
        self.assertFalse(mine.team_id)
        self.assertEqual(
            Submission.search_count(
                [
                    ("submitter_id", "=", self.supervisor.id),
                    ("period_type", "=", "month"),
                ]
            ),
            1,
        )
        mine.invalidate_recordset()
        mine |= self.submission
        for sub in mine:
            self.assertEqual(str(sub.date_from), "2026-03-01")
            self.assertEqual(str(sub.date_to), "2026-03-31")
            self.assertEqual(str(sub.due_date), "2026-04-03")
            self.assertEqual(sub.recipient_id, self.gm)
            self.assertEqual(sub.state, "to_submit")
        self.assertEqual(mine[0].activity_ids.user_id, self.manager)
        self.assertFalse(
            Submission._cron_plan_reports("month").filtered(
                lambda sub: sub.company_id == self.company
            )
        )

    def test_on_time_on_both_sides_of_midnight(self):
        """Due on 3 April in Shanghai: 23:30 there is on time, 00:30 late."""
        for moment, on_time in (
            ("2026-04-03 15:30:00", True),
            ("2026-04-03 16:30:00", False),
        ):
            with self.subTest(moment=moment):
                savepoint = self.env.cr.savepoint()
                submission = self._submit(moment)
                self.assertEqual(submission.state, "submitted")
                self.assertEqual(submission.on_time, on_time)
                self.assertEqual(submission.late, not on_time)
                self.assertEqual(submission.submitted_by_id, self.supervisor)
                savepoint.close(rollback=True)
                self.env.invalidate_all()

    def test_submit_needs_workbook_and_submitter(self):
        with self.assertRaises(UserError):
            self.submission.with_user(self.supervisor).action_submit()
        with self.assertRaises(AccessError):
            self.submission.with_user(self.gm).action_submit()
        with self.assertRaises(AccessError):
            self.submission.with_user(self.gm).write({"workbook": WORKBOOK})
        self.assertEqual(self.submission.state, "to_submit")

    def test_submitter_cannot_forge_timeliness_or_score(self):
        submission = self.submission.with_user(self.supervisor)
        for vals in (
            {"submitted_on": "2026-04-01 00:00:00"},
            {"due_date": "2026-12-31"},
            {"quality_score": 100},
            {"on_time": True},
            {"state": "submitted"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                submission.write(vals)
        with self.assertRaises(AccessError):
            self.Submission.with_user(self.manager).with_context(
                default_quality_score=100, default_submitted_on="2026-04-01"
            ).create(
                {
                    "submitter_id": self.supervisor.id,
                    "recipient_id": self.gm.id,
                    "period_type": "week",
                    "date_from": "2026-03-02",
                    "date_to": "2026-03-08",
                    "due_date": "2026-03-11",
                }
            )
        self.assertEqual(self.submission.state, "to_submit")
        self.assertFalse(self.submission.quality_score)
        self.assertEqual(str(self.submission.due_date), "2026-04-03")

    def test_recipient_scores_submitted_report(self):
        with self.assertRaises(UserError):
            self.submission.with_user(self.gm).action_score(90)
        submission = self._submit("2026-04-02 02:00:00")
        with self.assertRaises(AccessError):
            submission.with_user(self.supervisor).action_score(100)
        with self.assertRaises(AccessError):
            submission.with_user(self.manager).write({"quality_score": 100})
        with Form(submission.with_user(self.gm)) as form:
            form.quality_score = 90
        self.assertEqual(submission.quality_score, 90)
        self.assertEqual(submission.scored_by_id, self.gm)
        with self.assertRaises(AccessError):
            submission.with_user(self.gm).write({"scored_by_id": self.manager.id})
        self.assertEqual(submission.scored_by_id, self.gm)
        with self.assertRaises(UserError):
            submission.with_user(self.supervisor).write({"workbook": WORKBOOK})

    @mute_logger("odoo.sql_db")
    def test_score_bounds(self):
        submission = self._submit("2026-04-02 02:00:00")
        with self.assertRaises(ValidationError):
            submission.with_user(self.gm).action_score(101)
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            submission.with_user(self.gm).write({"quality_score": 101})
            submission.flush_recordset()
        self.env.invalidate_all()
        self.assertFalse(submission.quality_score)

    def test_visibility(self):
        outsider = self.reps[1]
        self.assertFalse(
            self.Submission.with_user(outsider).search(
                [("company_id", "=", self.company.id)]
            )
        )
        self.assertEqual(
            self.Submission.with_user(self.gm).search(
                [("company_id", "=", self.company.id)]
            ),
            self.submission,
        )
        with self.assertRaises(AccessError):
            self.Submission.with_user(self.supervisor).create(
                {
                    "submitter_id": self.supervisor.id,
                    "recipient_id": self.gm.id,
                    "period_type": "week",
                    "date_from": "2026-03-02",
                    "date_to": "2026-03-08",
                    "due_date": "2026-03-11",
                }
            )

    @freeze_time("2026-04-10 02:00:00")
    def test_manager_cannot_replan_his_own_reports(self):
        """The department manager neither re-plans, hands over, deletes nor
        adds the reports he is appraised on; he still plans the others'."""
        own = self.Submission.create(
            {
                "submitter_id": self.manager.id,
                "recipient_id": self.gm.id,
                "period_type": "month",
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
                "due_date": "2026-04-03",
                "company_id": self.company.id,
            }
        )  # planned by the scheduled job, late since 4 April
        mine = own.with_user(self.manager)
        for vals in (
            {"due_date": "2026-04-30"},
            {"date_to": "2026-04-30"},
            {"recipient_id": self.supervisor.id},
            {"submitter_id": self.supervisor.id},
            {"period_type": "week"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                mine.write(vals)
        with self.assertRaises(AccessError):
            mine.unlink()
        # nor takes over somebody else's report
        with self.assertRaises(AccessError):
            self.submission.with_user(self.manager).write(
                {"submitter_id": self.manager.id}
            )
        Submission = self.Submission.with_user(self.manager)
        extra = {
            "recipient_id": self.gm.id,
            "period_type": "week",
            "date_from": "2026-03-02",
            "date_to": "2026-03-08",
            "due_date": "2026-12-31",
            "company_id": self.company.id,
        }
        with self.assertRaises(AccessError):
            Submission.create(dict(extra, submitter_id=self.manager.id))
        with self.assertRaises(AccessError):
            Submission.with_context(default_submitter_id=self.manager.id).create(extra)
        self.assertRecordValues(
            own,
            [
                {
                    "due_date": date(2026, 4, 3),
                    "date_to": date(2026, 3, 31),
                    "recipient_id": self.gm.id,
                    "submitter_id": self.manager.id,
                    "period_type": "month",
                }
            ],
        )
        self.assertEqual(
            self.Submission.search_count([("submitter_id", "=", self.manager.id)]), 1
        )
        self.assertEqual(self.submission.submitter_id, self.supervisor)
        # submitted late, it stays so
        mine.write({"workbook": WORKBOOK, "workbook_name": "r.xlsx"})
        mine.action_submit()
        self.assertTrue(own.late)
        with self.assertRaises(UserError):
            mine.write({"due_date": "2026-04-30"})
        self.assertTrue(own.late)
        self.assertEqual(str(own.due_date), "2026-04-03")
        # the reports of the others are his to plan
        self.submission.with_user(self.manager).write({"due_date": "2026-04-06"})
        self.assertEqual(str(self.submission.due_date), "2026-04-06")

    def test_generate_and_email_workbook(self):
        submission = self.submission.with_user(self.supervisor)
        submission.action_generate_workbook()
        self.assertTrue(submission.workbook)
        self.assertEqual(base64.b64decode(submission.workbook)[:2], b"PK")
        submission.action_send()
        self.assertEqual(submission.state, "submitted")
        message = submission.message_ids.filtered("attachment_ids")[:1]
        self.assertIn(self.gm.partner_id, message.partner_ids)
        self.assertEqual(message.attachment_ids.name, submission.workbook_name)


@tagged("post_install", "-at_install")
class TestReportKpiSources(CsReportsCommon):
    """Report timeliness and spot-check quality measured in a Q1 campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env,
            login="cs_r_hr",
            groups="cs_kpi.cs_kpi_group_hr_officer",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        Indicator = cls.env["cs.kpi.indicator"].with_company(cls.company)
        cls.ind_accuracy, cls.ind_delay = Indicator.create(
            [
                {
                    "name": name,
                    "code": code,
                    "measure_type": "computed",
                    "source": source,
                    "scoring_method": "direct",
                    "company_id": cls.company.id,
                }
                for name, code, source in (
                    ("Change accuracy", "T-CO-ACC", "cs_change_order_accuracy"),
                    ("Change timeliness", "T-CO-TIME", "cs_change_order_timeliness"),
                )
            ]
        )
        cls.ind_time, cls.ind_quality = Indicator.create(
            [
                {
                    "name": "Report timeliness",
                    "code": "T-REP-TIME",
                    "measure_type": "computed",
                    "source": "cs_report_timeliness",
                    "scoring_method": "direct",
                    "company_id": cls.company.id,
                },
                {
                    "name": "Service quality",
                    "code": "T-QC-SCORE",
                    "measure_type": "computed",
                    "source": "cs_quality_check_score",
                    "scoring_method": "direct",
                    "company_id": cls.company.id,
                },
            ]
        )
        cls.job = cls.env["hr.job"].create(
            {"name": "CS Reports Test Job", "company_id": cls.company.id}
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS reports test",
                "period_type": "quarter",
                "company_id": cls.company.id,
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": cls.ind_time.id, "weight": 25}),
                    Command.create({"indicator_id": cls.ind_quality.id, "weight": 25}),
                    Command.create({"indicator_id": cls.ind_accuracy.id, "weight": 25}),
                    Command.create({"indicator_id": cls.ind_delay.id, "weight": 25}),
                ],
            }
        )
        cls.env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "job_id": cls.job.id,
                    "company_id": cls.company.id,
                }
                for user in (cls.supervisor, cls.rep, cls.reps[1])
            ]
        )
        Submission = cls.env["cs.report.submission"]

        def due(day, submitted_on=False, submitter=cls.supervisor):
            # as superuser: the fixture writes the submission steps directly
            return Submission.create(
                {
                    "submitter_id": submitter.id,
                    "recipient_id": cls.gm.id,
                    "period_type": "week",
                    "date_from": day,
                    "date_to": day,
                    "due_date": day,
                    "company_id": cls.company.id,
                    "submitted_on": submitted_on,
                }
            )

        # Due in Q1: two on time, one late, one never submitted -> 50%
        due("2026-01-05", "2026-01-05 08:00:00")
        due("2026-02-02", "2026-02-02 15:59:00")  # 23:59 in Shanghai
        due("2026-03-02", "2026-03-02 16:01:00")  # next day in Shanghai: late
        due("2026-03-09")
        # outside the quarter
        due("2025-12-29", "2026-01-10 08:00:00")
        due("2026-04-06", "2026-04-06 08:00:00")
        # change orders of the representative (as superuser: the fixture
        # writes the workflow's outcome directly); Q1 starts at 2025-12-31
        # 16:00 UTC in Shanghai
        orders = [
            # expedited (due 4 hours after the request), activated after 2: on time
            (True, "2025-12-31 16:00:00", "2025-12-31 18:00:00", "done"),
            # normal (72 hours), activated after 96: late
            (False, "2026-02-02 00:00:00", "2026-02-06 00:00:00", "activated"),
            (False, "2026-03-01 00:00:00", False, "rejected"),
            (False, "2026-03-02 00:00:00", False, "draft"),
            # outside the quarter
            (False, "2025-12-31 15:59:59", "2026-01-01 00:00:00", "rejected"),
            (False, "2026-03-31 16:00:00", "2026-04-01 00:00:00", "done"),
        ]
        round_the_clock_rules(cls.env, cls.company)
        cls.env["cs.change.order"].create(
            [
                {
                    "partner_id": cls.customers[0].id,
                    "company_id": cls.company.id,
                    "user_id": cls.rep.id,
                    "expedited": expedited,
                    "requested_date": requested,
                    "activation_date": activated,
                    "state": state,
                }
                for expedited, requested, activated, state in orders
            ]
        )
        Check = cls.env["cs.quality.check"].with_user(cls.supervisor)
        for score, day in ((70, "2026-01-15"), (90, "2026-03-31"), (10, "2026-04-01")):
            Check.create({"representative_id": cls.rep.id, "score": score, "date": day})

    @freeze_time("2026-04-10 02:00:00")
    def test_measure(self):
        campaign = (
            self.env["cs.kpi.campaign"]
            .with_user(self.hr_officer)
            .create(
                {
                    "name": "CS reports Q1",
                    "period_type": "quarter",
                    "year": 2026,
                    "period_number": 1,
                    "company_id": self.company.id,
                    "job_ids": [Command.set(self.job.ids)],
                }
            )
        )
        campaign.action_generate_sheets()
        campaign.action_open()
        campaign.action_compute()
        lines = campaign.sheet_ids.line_ids

        def line(user, indicator):
            return lines.filtered(
                lambda ln: (
                    ln.employee_id.user_id == user and ln.indicator_id == indicator
                )
            )

        self.assertEqual(line(self.supervisor, self.ind_time).actual, 50.0)
        self.assertTrue(line(self.supervisor, self.ind_time).is_measured)
        self.assertEqual(line(self.rep, self.ind_quality).actual, 80.0)
        self.assertFalse(line(self.rep, self.ind_time).is_measured)
        self.assertFalse(line(self.reps[1], self.ind_quality).is_measured)
        self.assertFalse(line(self.supervisor, self.ind_quality).is_measured)
        # finished: done, activated, rejected -> two of three not rejected
        self.assertAlmostEqual(line(self.rep, self.ind_accuracy).actual, 66.67)
        # activated: one within its delay of two
        self.assertEqual(line(self.rep, self.ind_delay).actual, 50.0)
        self.assertFalse(line(self.reps[1], self.ind_delay).is_measured)
        # each explanation lists the records that make its line's actual

        def of(indicator):
            return lines.filtered(lambda ln: ln.indicator_id == indicator)

        assert_explains(
            self, of(self.ind_time), lambda records, ln: share(records, "on_time")
        )
        assert_explains(
            self,
            of(self.ind_quality),
            lambda records, ln: mean(records.mapped("score")),
        )
        assert_explains(
            self,
            of(self.ind_accuracy),
            lambda records, ln: share(
                records,
                lambda order: order.state != "rejected" and not order.correction_count,
            ),
        )
        assert_explains(
            self,
            of(self.ind_delay),
            lambda records, ln: share(
                records,
                lambda order: order.activation_date <= order.due_date,
            ),
        )


@tagged("post_install", "-at_install")
class TestReportSubmissionViews(CsReportsCommon):
    """What a submitter meets in Report Submissions."""

    def test_opens_on_my_reports_to_submit_with_overdue_in_red(self):
        """The menu opens on the user's reports still to submit (both filters
        at once, not either), and a report past its due date is red."""
        action = self.env.ref("cs_department.cs_report_submission_action")
        self.assertIn("search_default_mine", action.context)
        self.assertIn("search_default_to_submit", action.context)
        Submission = self.env["cs.report.submission"].with_user(self.supervisor)
        views = Submission.get_views([(False, "list"), (False, "search")])["views"]
        # filters of different groups combine with AND
        self.assertRegex(
            views["search"]["arch"],
            r'name="overdue"[^>]*/>\s*<separator\s*/>\s*<filter[^>]*name="mine"',
        )
        self.assertIn("state == 'to_submit' and due_date", views["list"]["arch"])
