# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A score nobody has entered is empty, never 0: not in any figure, and not in
the views (report quality, work order rating, callback satisfaction)."""

import base64
import io
from datetime import datetime

import openpyxl
from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import GROUP
from .common_reports import CsReportsCommon
from .common_work_order import CsWorkOrderCommon

WORKBOOK = base64.b64encode(b"PK fake workbook")


@tagged("post_install", "-at_install")
class TestUnscoredReportQuality(BaseCommon):
    """Reports submitted to the General Manager, one scored, one not."""

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

        cls.gm = user("cs_un_gm", f"base.group_user,{GROUP % 'general_manager'}")
        cls.manager = user("cs_un_mgr", GROUP % "manager")
        cls.hr = user("cs_un_hr", "base.group_user,cs_kpi.cs_kpi_group_hr_officer")
        cls.department = cls.env["hr.department"].create(
            {"name": "CS Unscored Department", "company_id": company.id}
        )
        cls.env["hr.employee"].create(
            {
                "name": "Unscored Manager",
                "user_id": cls.manager.id,
                "department_id": cls.department.id,
                "job_id": cls.env.ref("cs_department.hr_job_cs_manager").id,
                "company_id": company.id,
            }
        )
        cls.indicator = cls.env.ref("cs_department.cs_kpi_indicator_mgr_report_quality")
        cls.indicator.cs_from_report_scores = True
        cls.january, cls.february, cls.march = cls.env["cs.report.submission"].create(
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
                for month in (1, 2, 3)
            ]
        )
        cls.submissions = cls.january | cls.february
        with freeze_time("2026-03-02 02:00:00"):
            for submission in cls.submissions.with_user(cls.manager):
                submission.write({"workbook": WORKBOOK, "workbook_name": "r.xlsx"})
                submission.action_submit()
        with freeze_time("2026-03-10 03:00:00"):
            cls.january.with_user(cls.gm).action_score(80)

    def _line(self):
        campaign = (
            self.env["cs.kpi.campaign"]
            .with_user(self.hr)
            .create(
                {
                    "name": "2026 Q1 unscored reports",
                    "period_type": "quarter",
                    "year": 2026,
                    "period_number": 1,
                    "department_ids": [Command.set(self.department.ids)],
                }
            )
        )
        campaign.action_generate_sheets()
        campaign.action_open()
        campaign.action_compute()
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.indicator
        )

    def test_unscored_report_reads_not_scored(self):
        """A submitted report nobody scored is not scored; a 0 given is."""
        self.assertTrue(self.january.quality_scored)
        self.assertFalse(self.february.quality_scored)
        self.assertFalse(self.march.quality_scored)
        Submission = self.env["cs.report.submission"].with_user(self.gm)
        self.assertEqual(
            Submission.search(
                [("id", "in", self.submissions.ids), ("quality_scored", "=", False)]
            ),
            self.february,
        )
        with freeze_time("2026-03-11 03:00:00"):
            self.february.with_user(self.gm).action_score(0)
        self.assertTrue(self.february.quality_scored)
        self.assertEqual(self.february.quality_score, 0)

    def test_first_score_logged_as_given(self):
        """The chatter logs a first score as given, not as a change from 0."""
        # BaseCommon disables the tracking
        report = self.february.with_user(self.gm).with_context(
            tracking_disable=False, mail_notrack=False
        )
        with freeze_time("2026-03-11 03:00:00"):
            report.action_score(85)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking is written at commit
        score_field = self.env["ir.model.fields"]._get(
            "cs.report.submission", "quality_score"
        )
        trackings = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", report._name),
                ("mail_message_id.res_id", "=", report.id),
                ("field_id", "=", score_field.id),
            ]
        )
        self.assertFalse(trackings)
        self.assertIn("Quality score given: 85", report.message_ids[0].body)
        with freeze_time("2026-03-12 03:00:00"):
            report.action_score(90)
        self.env.flush_all()
        self.env.cr.precommit.run()
        trackings = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", report._name),
                ("mail_message_id.res_id", "=", report.id),
                ("field_id", "=", score_field.id),
            ]
        )
        self.assertEqual(
            (trackings.old_value_integer, trackings.new_value_integer), (85, 90)
        )

    def test_unscored_report_not_in_report_quality(self):
        """The GM's evaluation is the mean of the scored reports only: 80, not 40;
        a real 0 given later counts."""
        evaluation = self._line().evaluation_ids.filtered(
            lambda e: e.evaluator_id == self.gm
        )
        self.assertEqual(evaluation.score, 80)
        with freeze_time("2026-03-11 03:00:00"):
            self.february.with_user(self.gm).action_score(0)
        self.assertEqual(evaluation.score, 40)
        # the list's average (pivot, group totals) leaves the unscored out too
        [[average]] = (
            self.env["cs.report.submission"]
            .with_user(self.gm)
            ._read_group(
                [("id", "in", (self.january | self.march).ids)],
                [],
                ["quality_score:avg"],
            )
        )
        self.assertEqual(average, 80)

    def test_views_show_unscored_empty(self):
        """Every view showing the report score uses the empty-when-unscored widget."""
        Submission = self.env["cs.report.submission"].with_user(self.gm)
        for view in (
            "cs_department.cs_report_submission_view_list_score",
            "cs_department.cs_report_submission_view_list",
            "cs_department.cs_report_submission_view_form",
        ):
            arch = Submission.get_view(self.env.ref(view).id)["arch"]
            [node] = etree.fromstring(arch).xpath("//field[@name='quality_score']")
            self.assertEqual(node.get("widget"), "cs_score", view)
            self.assertIn("quality_scored", node.get("options"), view)


@tagged("post_install", "-at_install")
class TestUnscoredWorkOrder(CsWorkOrderCommon):
    """An engineer's Q1 2026 work orders: done and rated, done and not rated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env, login="cs_un_wo_hr", groups="cs_kpi.cs_kpi_group_hr_officer"
        )
        cls.job = cls.env["hr.job"].create({"name": "CS Unscored Engineer"})
        cls.ind_quality = cls.env.ref(
            "cs_department.cs_kpi_indicator_work_order_quality"
        )
        ind_time = cls.env.ref("cs_department.cs_kpi_indicator_work_order_on_time")
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS unscored engineers",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": ind_time.id, "weight": 50}),
                    Command.create({"indicator_id": cls.ind_quality.id, "weight": 50}),
                ],
            }
        )
        cls.env["hr.employee"].create(
            {"name": "Unscored Eng", "user_id": cls.engineer.id, "job_id": cls.job.id}
        )
        cls.rated, cls.unrated = cls.env["cs.work.order"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "engineer_id": cls.engineer.id,
                    "scheduled_date": datetime(2026, 2, day, 2),
                    "duration": 2.0,
                    "state": "done",
                    "done_date": datetime(2026, 2, day, 3),
                }
                for day in (5, 6)
            ]
        )
        cls.rated.with_user(cls.supervisor).quality_rating = 90

    def _quality(self):
        campaign = self._open_q1_campaign("CS unscored engineers Q1")
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.ind_quality
        )

    def test_unrated_work_order_not_in_quality(self):
        """A work order done but not rated does not lower the engineer's quality."""
        self.assertTrue(self.rated.quality_rated)
        self.assertFalse(self.unrated.quality_rated)
        self.assertEqual(self._quality().actual, 90)

    def test_rating_of_zero_counts(self):
        """A rating of 0 the customer gave is a rating, in the average."""
        self.unrated.with_user(self.supervisor).quality_rating = 0
        self.assertTrue(self.unrated.quality_rated)
        self.assertEqual(self._quality().actual, 45)

    def test_not_rated_before_done(self):
        """A rating written on an unfinished work order does not flag it rated."""
        draft = self._draft([])
        draft.sudo().quality_rating = 0
        self.assertFalse(draft.quality_rated)

    def test_form_shows_unrated_empty(self):
        """The work-order form and list show the rating empty while unrated."""
        Order = self.env["cs.work.order"].with_user(self.supervisor)
        for view_type in ("form", "list"):
            arch = Order.get_view(view_type=view_type)["arch"]
            [node] = etree.fromstring(arch).xpath("//field[@name='quality_rating']")
            self.assertEqual(node.get("widget"), "cs_score", view_type)
            self.assertIn("quality_rated", node.get("options"), view_type)


@tagged("post_install", "-at_install")
class TestUnscoredServiceReport(CsReportsCommon):
    """The March 2026 workbook when nothing was rated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Unscored ticket",
                "description": "Unscored ticket",
                "team_id": cls.team.id,
                "company_id": cls.company.id,
                "partner_id": cls.customers[0].id,
                "cs_request_kind": "complaint",
            }
        )
        # done, not rated
        cls.order = cls._done_work_order(
            ticket,
            cls.engineers[0],
            "repair",
            "2026-03-10 02:00:00",
            "2026-03-10 03:00:00",
        )
        # a complaint follow-up done without satisfaction (customer unreachable)
        cls.env["cs.callback"].create(
            {
                "partner_id": cls.customers[0].id,
                "ticket_id": ticket.id,
                "reason": "complaint_followup",
                "user_id": cls.supervisor.id,
                "scheduled_date": "2026-03-12",
                "state": "done",
                "done_date": "2026-03-12 03:00:00",
                "outcome": "unreachable",
                "company_id": cls.company.id,
            }
        )
        cls.data = {
            "period_type": "month",
            "date_from": "2026-03-01",
            "date_to": "2026-03-31",
            "company_id": cls.company.id,
        }

    def _workbook(self):
        report = self.env["ir.actions.report"].with_user(self.supervisor)
        content, _ext = report._render_xlsx(
            "cs_department.service_report_xlsx", [], self.data
        )
        return openpyxl.load_workbook(io.BytesIO(content))

    @staticmethod
    def _rows(sheet):
        return {
            row[0]: row[1:]
            for row in sheet.iter_rows(min_row=4, values_only=True)
            if row[0] is not None
        }

    @freeze_time("2026-04-02 02:00:00")
    def test_figures_of_nothing_rated_are_empty(self):
        """Without a rating the figures are None, not 0."""
        figures = self.env["cs.service.report"].with_user(self.supervisor)
        _scope, now, _previous = figures._cs_compute(self.data)
        self.assertEqual(now["engineer_services"]["done"], 1)
        self.assertEqual(now["engineer_services"]["rated"], 0)
        self.assertIsNone(now["engineer_services"]["quality"])
        self.assertIsNone(now["engineer_services"]["by_engineer"][0][-1])
        self.assertEqual(now["complaints"]["followups_rated"], 0)
        self.assertIsNone(now["complaints"]["followup_satisfaction"])
        self.assertIsNone(now["complaints"]["followup_pass_rate"])

    @freeze_time("2026-04-02 02:00:00")
    def test_workbook_cells_of_nothing_rated_are_empty(self):
        """The workbook leaves the unrated satisfaction and quality cells empty."""
        book = self._workbook()
        engineers = self._rows(book["Engineer services"])
        self.assertEqual(engineers["Work orders done"][0], 1)
        self.assertIsNone(engineers["Work order quality rating"][0])
        self.assertIsNone(engineers[self.engineers[0].name][4])
        complaints = self._rows(book["Complaints"])
        self.assertIsNone(complaints["Follow-up satisfaction"][0])
        self.assertIsNone(complaints["Follow-up pass rate"][0])
        summary = self._rows(book["Summary"])
        for label in ("Follow-up satisfaction", "Work order quality rating"):
            # this period, previous period, change: all empty
            self.assertEqual(summary[label][:3], (None, None, None), label)


@tagged("post_install", "-at_install")
class TestUnscoredCallback(CsReportsCommon):
    """Callbacks without satisfaction, and the traffic-anomaly ones."""

    def test_satisfaction_hidden_on_traffic_anomaly(self):
        """A traffic-anomaly callback's form shows no satisfaction at all."""
        [anomaly] = self._anomalies(
            [
                (
                    self.customers[0],
                    "2026-03-01",
                    "drop",
                    "small",
                    (self.rep, "2026-03-05", False),
                )
            ]
        )
        callback = anomaly.callback_id.with_user(self.rep)
        form = Form(callback)
        for name in ("satisfaction", "satisfaction_stars", "satisfaction_passed"):
            self.assertTrue(form._get_modifier(name, "invisible"), name)
        other = self.env["cs.callback"].create(
            {
                "partner_id": self.customers[0].id,
                "reason": "other",
                "user_id": self.rep.id,
                "company_id": self.company.id,
            }
        )
        form = Form(other.with_user(self.rep))
        self.assertFalse(form._get_modifier("satisfaction_stars", "invisible"))
        arch = etree.fromstring(
            self.env["cs.callback"].get_view(view_type="form")["arch"]
        )
        [node] = arch.xpath("//field[@name='satisfaction']")
        self.assertEqual(node.get("widget"), "cs_score")

    def test_unrated_callback_not_in_satisfaction(self):
        """A callback done without satisfaction is not in the satisfaction mean."""
        Callback = self.env["cs.callback"]
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Unscored callback ticket",
                "description": "Unscored callback ticket",
                "team_id": self.team.id,
                "company_id": self.company.id,
                "partner_id": self.customers[0].id,
                "cs_representative_id": self.rep.id,
            }
        )
        Callback.create(
            [
                {
                    "partner_id": self.customers[0].id,
                    "ticket_id": ticket.id,
                    "reason": "other",
                    "user_id": self.supervisor.id,
                    "state": "done",
                    "done_date": "2026-03-12 03:00:00",
                    "satisfaction": satisfaction,
                    "company_id": self.company.id,
                }
                for satisfaction in (90, 0)
            ]
        )
        self.env.flush_all()
        [[average, count]] = (
            self.env["cs.satisfaction.report"]
            .with_user(self.manager)
            ._read_group(
                [("company_id", "=", self.company.id)],
                [],
                ["satisfaction:avg", "__count"],
            )
        )
        self.assertEqual((average, count), (90, 1))

    def test_recorded_zero_counts(self):
        """A 0 the supervisor records is a real 0: rated, one star, not passed,
        in the ticket and in the satisfaction mean; "Not Rated" stars unrate."""
        Callback = self.env["cs.callback"]
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Zero satisfaction ticket",
                "description": "Zero satisfaction ticket",
                "team_id": self.team.id,
                "company_id": self.company.id,
                "partner_id": self.customers[0].id,
                "cs_representative_id": self.rep.id,
            }
        )
        callbacks = Callback.create(
            [
                {
                    "partner_id": self.customers[0].id,
                    "ticket_id": ticket.id,
                    "reason": "other",
                    "user_id": self.supervisor.id,
                    "company_id": self.company.id,
                }
                for _i in range(2)
            ]
        ).with_user(self.supervisor)
        zero, unrated = callbacks
        self.assertFalse(zero.satisfaction_rated)
        self.assertEqual(zero.satisfaction_stars, "0")
        zero.write({"satisfaction": 0, "outcome": "resolved"})
        self.assertTrue(zero.satisfaction_rated)
        self.assertEqual(zero.satisfaction_stars, "1")
        self.assertFalse(zero.satisfaction_passed)
        self.assertEqual(zero.recorded_by_id, self.supervisor)
        unrated.write({"satisfaction_stars": "3", "outcome": "resolved"})
        self.assertEqual((unrated.satisfaction, unrated.satisfaction_rated), (60, True))
        unrated.write({"satisfaction_stars": "0"})
        self.assertEqual((unrated.satisfaction, unrated.satisfaction_rated), (0, False))
        callbacks.action_done()
        self.assertTrue(ticket.cs_satisfaction_rated)
        self.assertEqual(ticket.cs_satisfaction, 0)
        self.env.flush_all()
        [[average, count]] = (
            self.env["cs.satisfaction.report"]
            .with_user(self.manager)
            ._read_group(
                [("ticket_id", "=", ticket.id)], [], ["satisfaction:avg", "__count"]
            )
        )
        self.assertEqual((average, count), (0, 1))


@tagged("post_install", "-at_install")
class TestUnscoredTour(HttpCase):
    """The General Manager's Reports to Score list in the web client."""

    def test_tour_score_zero_inline(self):
        """A 0 typed inline on an unscored report is saved as a score of 0."""
        gm = self.env.ref("cs_department.res_users_cs_general_manager_demo")
        Submission = self.env["cs.report.submission"]
        unscored = Submission.search(
            [
                ("recipient_id", "=", gm.id),
                ("state", "=", "submitted"),
                ("quality_scored", "=", False),
            ]
        )
        self.assertTrue(unscored)
        self.start_tour(
            "/odoo/action-cs_department.cs_report_submission_action_score",
            "cs_department_tour_score_zero",
            login=gm.login,
        )
        scored = unscored.filtered("quality_scored")
        self.assertEqual(len(scored), 1)
        self.assertEqual((scored.quality_score, scored.scored_by_id), (0, gm))
