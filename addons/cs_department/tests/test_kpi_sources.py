# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import GROUP, CsDepartmentCommon, assert_explains, mean, share

SAT = "cs_callback_satisfaction"
PASS = "cs_complaint_followup_pass_rate"


@tagged("post_install", "-at_install")
class TestKpiSources(CsDepartmentCommon):
    """Appraisal KPIs measured from the callbacks (Q1 2026, threshold 80)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env, login="cs_t_kpi_hr", groups="cs_kpi.cs_kpi_group_hr_officer"
        )
        cls.extra_users = [
            new_test_user(
                cls.env, login=f"cs_t_kpi_rep{i}", groups=GROUP % "representative"
            )
            for i in range(3)
        ]
        cls.job = cls.env["hr.job"].create({"name": "CS Test KPI Representative"})
        cls.ind_sat = cls.env.ref(
            "cs_department.cs_kpi_indicator_callback_satisfaction"
        )
        cls.ind_pass = cls.env["cs.kpi.indicator"].create(
            {
                "name": "Complaint follow-up pass rate",
                "code": "T-CB-PASS",
                "measure_type": "computed",
                "source": PASS,
                "scoring_method": "target_ratio",
                "target": 80,
            }
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test callbacks",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": cls.ind_sat.id, "weight": 50}),
                    Command.create({"indicator_id": cls.ind_pass.id, "weight": 50}),
                ],
            }
        )
        users = [cls.representative, cls.representative_other, cls.supervisor]
        cls.employees = cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "job_id": cls.job.id}
                for user in users + cls.extra_users
            ]
        )
        ticket = cls._create_ticket("complaint")
        ticket_other = cls._create_ticket(
            "complaint", user=cls.representative_other, team=cls.team_other
        )
        complaint, anomaly = "complaint_followup", "traffic_anomaly"
        # The quarter runs from midnight to midnight in the company's time zone
        # (Asia/Shanghai, UTC+8): done dates are stored in UTC.
        cls._done(ticket, complaint, 60, datetime(2025, 12, 31, 16))
        cls._done(ticket, complaint, 100, datetime(2026, 3, 31, 15, 59, 59))
        cls._done(ticket, anomaly, 80, datetime(2026, 2, 1, 10))
        # outside the quarter, unrated, or not done: not counted
        cls._done(ticket, complaint, 20, datetime(2025, 12, 31, 15, 59, 59))
        cls._done(ticket, complaint, 20, datetime(2026, 3, 31, 16))
        cls._done(ticket, anomaly, 0, datetime(2026, 2, 2), outcome="unreachable")
        cls._done(ticket, complaint, 10, False, state="todo")
        # another representative's tickets
        cls._done(ticket_other, complaint, 90, datetime(2026, 2, 3))
        cls._done(ticket_other, anomaly, 30, datetime(2026, 2, 4))
        for user in cls.extra_users:
            extra_ticket = cls._create_ticket("complaint", user=user)
            cls._done(extra_ticket, complaint, 70, datetime(2026, 3, 1))

    @classmethod
    def _done(cls, ticket, reason, satisfaction, done_date, **vals):
        values = {
            "partner_id": cls.customer.id,
            "ticket_id": ticket.id,
            "reason": reason,
            "satisfaction": satisfaction,
            "outcome": "resolved",
            "state": "done",
            "done_date": done_date,
        }
        values.update(vals)
        return cls.env["cs.callback"].create(values)

    def _computed_campaign(self):
        return self._open_q1_campaign("CS callbacks Q1")

    def _line(self, campaign, user, source):
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: line.employee_id.user_id == user and line.source == source
        )

    def test_indicator_shipped_outside_templates(self):
        """CS-CB-SAT is a computed callback KPI that no shipped template uses."""
        self.assertEqual(self.ind_sat.code, "CS-CB-SAT")
        self.assertEqual(self.ind_sat.measure_type, "computed")
        self.assertEqual(self.ind_sat.source, SAT)
        self.assertEqual(self.ind_sat.scoring_method, "target_ratio")
        self.assertEqual(self.ind_sat.target, 85)
        used = self.env["cs.kpi.template.line"].search(
            [("indicator_id", "=", self.ind_sat.id)]
        )
        self.assertEqual(used.template_id.mapped("name"), ["CS test callbacks"])

    def test_measure_callback_sources(self):
        """Average and pass rate per representative, from his period's callbacks."""
        campaign = self._computed_campaign()
        self.assertEqual(len(campaign.sheet_ids), 6)
        expected = {
            self.representative: (80.0, 50.0),
            self.representative_other: (60.0, 100.0),
            self.extra_users[0]: (70.0, 0.0),
        }
        for user, (average, pass_rate) in expected.items():
            sat_line = self._line(campaign, user, SAT)
            pass_line = self._line(campaign, user, PASS)
            self.assertTrue(sat_line.is_measured and pass_line.is_measured)
            self.assertEqual(sat_line.actual, average, user.login)
            self.assertEqual(pass_line.actual, pass_rate, user.login)
        self.assertAlmostEqual(
            self._line(campaign, self.representative, SAT).score, 94.12
        )

    def test_period_in_the_campaign_time_zone(self):
        """A callback counts in the quarter of its day in the campaign's time
        zone (its responsible's, Asia/Shanghai), not of its UTC day."""
        self.hr_officer.tz = "Asia/Shanghai"
        user = self.extra_users[1]
        ticket = self._create_ticket("complaint", user=user)
        # 00:30 on 1 January in Shanghai (31 December in UTC): in Q1
        self._done(ticket, "complaint_followup", 100, datetime(2025, 12, 31, 16, 30))
        # 00:30 on 1 April in Shanghai (31 March in UTC): in Q2
        self._done(ticket, "complaint_followup", 10, datetime(2026, 3, 31, 16, 30))
        campaign = self._computed_campaign()
        # with the callback of 1 March (70)
        self.assertEqual(self._line(campaign, user, SAT).actual, 85.0)

    def test_employee_without_callbacks_unmeasured(self):
        """No rated callback in the period: the lines stay unscored."""
        campaign = self._computed_campaign()
        for source in (SAT, PASS):
            line = self._line(campaign, self.supervisor, source)
            self.assertFalse(line.is_measured)
            self.assertEqual(line.actual, 0.0)
            self.assertEqual(line.score, 0.0)

    def test_threshold_is_the_company_one(self):
        """The pass rate follows the company's satisfaction threshold."""
        self.company.cs_satisfaction_threshold = 60
        campaign = self._computed_campaign()
        self.assertEqual(self._line(campaign, self.representative, PASS).actual, 100)
        self.assertEqual(self._line(campaign, self.extra_users[0], PASS).actual, 100)

    def test_measure_query_count_constant(self):
        """Measuring the lines of 2 or of 6 employees takes the same queries."""
        campaign = self._computed_campaign()
        Line = self.env["cs.kpi.sheet.line"].with_user(self.hr_officer)
        all_lines = campaign.sheet_ids.line_ids
        two_users = self.representative | self.supervisor
        two = all_lines.filtered(lambda line: line.employee_id.user_id in two_users)
        self.assertEqual((len(two), len(all_lines)), (4, 12))
        hr_campaign = campaign.with_user(self.hr_officer)
        counts = []
        for subset in (two, two, all_lines):  # the first run fills the ormcaches
            by_source = [
                Line.browse(subset.filtered(lambda li, s=source: li.source == s).ids)
                for source in (SAT, PASS)
            ]
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            values = by_source[0]._measure_source_cs_callback_satisfaction(hr_campaign)
            values.update(
                by_source[1]._measure_source_cs_complaint_followup_pass_rate(
                    hr_campaign
                )
            )
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(set(values), set(subset.ids))
        self.assertEqual(counts[1], counts[2])
        # 8, 2 reads for the campaign's time zone (its responsible's) and 1 of
        # the indicators' rating weights
        self.assertLessEqual(counts[2], 11)

    def test_campaign_measure_query_count_constant(self):
        """The dispatcher measures both callback sources and writes actuals,
        scores and sheet totals in as many queries for 3 as for 12
        representatives (tests/benchmark_kpi_campaign.py --callbacks: at scale)."""
        users = [
            new_test_user(
                self.env, login=f"cs_t_kpi_qc{i}", groups=GROUP % "representative"
            )
            for i in range(15)
        ]
        self.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "job_id": self.job.id}
                for user in users
            ]
        )
        for index, user in enumerate(users):
            ticket = self._create_ticket("complaint", user=user)
            self._done(ticket, "complaint_followup", 60 + index, datetime(2026, 2, 1))
            self._done(ticket, "traffic_anomaly", 100, datetime(2026, 2, 2))
        campaign = self._open_q1_campaign("CS callbacks Q1", compute=False)
        lines = campaign.sheet_ids.line_ids
        self.assertEqual(len(lines), 2 * 21)

        def lines_of(group):
            return lines.filtered(lambda line: line.employee_id.user_id in group)

        counts = []
        # the first run (the test class's employees) fills the ormcaches
        for group in (self.employees.user_id, users[:3], users[3:]):
            subset = lines_of(self.env["res.users"].concat(*group))
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            subset._measure()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - start)
        self.assertEqual(counts[1], counts[2], "3 and 12 representatives")
        self.env.invalidate_all()
        for index, user in enumerate(users):
            sat, rate = lines_of(user).sorted(lambda line: line.source != SAT)
            self.assertEqual(sat.actual, (160 + index) / 2, user.login)
            self.assertEqual(rate.actual, 100.0 if 60 + index >= 80 else 0.0)
            self.assertTrue(sat.is_measured and rate.is_measured)
            self.assertEqual(
                sat.sheet_id.kpi_score, sat.weighted_score + rate.weighted_score
            )
            self.assertTrue(sat.sheet_id.grade)

    def test_uninstalled_source_falls_back_to_manual(self):
        """Uninstalling the sources: indicators manual, closed sheets untouched.

        Runs what the uninstall of cs_department runs for its selection values of
        ``cs.kpi.indicator.source`` (their ``ondelete``), then computes a campaign.
        """
        closed = self._computed_campaign()
        closed._close(force_reason="Test: the supervisor has no callback")
        self.assertEqual(closed.state, "done")
        fields_ = ("measure_type", "source", "actual", "is_measured", "score")
        before = closed.sheet_ids.line_ids.read(fields_)
        running = (
            self.env["cs.kpi.campaign"]
            .with_user(self.hr_officer)
            .create(
                {
                    "name": "CS callbacks Q2",
                    "period_type": "quarter",
                    "year": 2026,
                    "period_number": 2,
                    "job_ids": [Command.set(self.job.ids)],
                }
            )
        )
        running.action_generate_sheets()
        running.action_open()
        selections = self.env["ir.model.fields.selection"].search(
            [
                ("field_id.model", "=", "cs.kpi.indicator"),
                ("field_id.name", "=", "source"),
                ("value", "in", (SAT, PASS)),
            ]
        )
        self.assertEqual(len(selections), 2)
        selections._process_ondelete()
        for indicator in self.ind_sat | self.ind_pass:
            self.assertEqual(
                (indicator.measure_type, indicator.source), ("manual", "manual")
            )
            self.assertIn("uninstalled", indicator.message_ids[0].body)
        self.assertEqual(closed.sheet_ids.line_ids.read(fields_), before)
        self.assertEqual(set(closed.sheet_ids.line_ids.mapped("source")), {SAT, PASS})
        lines = running.sheet_ids.line_ids
        self.assertEqual(set(lines.mapped("measure_type")), {"manual"})
        running.action_compute()  # no "No measurement is implemented ..."
        line = lines.filtered(lambda li: li.employee_id.user_id == self.representative)
        line[0].with_user(self.hr_officer).actual = 90
        self.assertTrue(line[0].is_measured)

    def test_explain_callback_sources(self):
        """The callbacks each explanation lists make the line's actual; one
        the representative recorded himself is not listed, and said."""
        own = self._done(
            self._create_ticket("complaint"),
            "complaint_followup",
            40,
            datetime(2026, 2, 10),
        )
        own.sudo().write({"recorded_by_id": self.representative.id})
        campaign = self._computed_campaign()
        lines = campaign.sheet_ids.line_ids
        sat_lines = lines.filtered(lambda line: line.source == SAT)
        explanations = assert_explains(
            self, sat_lines, lambda records, line: mean(records.mapped("satisfaction"))
        )
        threshold = self.company.cs_satisfaction_threshold
        assert_explains(
            self,
            lines.filtered(lambda line: line.source == PASS),
            lambda records, line: share(
                records, lambda callback: callback.satisfaction >= threshold
            ),
        )
        line = self._line(campaign, self.representative, SAT)
        self.assertEqual(line.actual, 80.0)
        model, domain, sentence = explanations[line.id]
        self.assertEqual(model, "cs.callback")
        listed = self.env[model].search(domain)
        self.assertEqual(len(listed), 3)
        self.assertNotIn(own, listed)
        self.assertEqual(
            sentence,
            "80 = mean satisfaction of 3 rated callbacks done in the period on "
            "his tickets. 1 excluded: recorded by the appraised person.",
        )

    def test_explain_query_count_constant(self):
        """Explaining the lines of 2 or of 6 employees takes the same queries."""
        campaign = self._computed_campaign()
        all_lines = campaign.sheet_ids.line_ids
        two_users = self.representative | self.supervisor
        two = all_lines.filtered(lambda line: line.employee_id.user_id in two_users)
        counts = []
        for subset in (two, two, all_lines):  # the first run fills the ormcaches
            lines = self.env["cs.kpi.sheet.line"].browse(subset.ids)
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            explanations = lines._explain()
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(set(explanations), set(subset.ids))
        self.assertEqual(counts[1], counts[2])
