# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common_change_order import round_the_clock_rules

GROUP = "cs_department.cs_department_group_%s"
#: The campaign is computed and closed a few days after the quarter (Q3 2026).
AFTER_QUARTER = "2026-10-05 02:00:00"


def utc(*args):
    return datetime(*args)


@tagged("post_install", "-at_install")
class TestKpiDepartmentEndToEnd(BaseCommon):
    """A small CS department appraised from its own data over Q3 2026.

    The manager leads the supervisor and the engineer; the supervisor leads
    three representatives. Their tickets, callbacks, spot checks, change
    orders, traffic anomalies, report submissions, goals, work orders and the
    other departments' evaluations have known values; one quarterly campaign
    on the shipped templates measures them. Every line's actual and score,
    every sheet's total and the ranks are checked to the cent. The users are
    in Asia/Shanghai (UTC+8): records near midnight count on their local day.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.write(
            {
                "cs_satisfaction_threshold": 80,
                "cs_quality_pass_score": 80,
            }
        )
        round_the_clock_rules(cls.env, cls.company, normal_hours=48)

        def user(login, group):
            return new_test_user(cls.env, login=login, groups=group, tz="Asia/Shanghai")

        cls.gm = user("cs_e2e_gm", GROUP % "general_manager")
        cls.hr = user("cs_e2e_hr", "cs_kpi.cs_kpi_group_hr_officer")
        cls.mgr = user("cs_e2e_mgr", GROUP % "manager")
        cls.sup = user("cs_e2e_sup", GROUP % "supervisor")
        cls.reps = [user(f"cs_e2e_rep{i}", GROUP % "representative") for i in (1, 2, 3)]
        cls.eng = user("cs_e2e_eng", GROUP % "engineer")
        cls.sales = user("cs_e2e_sales", "cs_kpi.cs_kpi_group_employee")
        cls.finance = user(
            "cs_e2e_fin", f"{GROUP % 'finance'},cs_kpi.cs_kpi_group_employee"
        )
        cls.company.cs_report_recipient_id = cls.gm

        # ---- the department and its hierarchy ----
        ref = cls.env.ref
        cls.department = cls.env["hr.department"].create({"name": "CS E2E"})
        Employee = cls.env["hr.employee"]

        def employee(usr, job, parent=None):
            return Employee.create(
                {
                    "name": usr.name,
                    "user_id": usr.id,
                    "job_id": ref(f"cs_department.hr_job_cs_{job}").id,
                    "department_id": cls.department.id,
                    "parent_id": parent.id if parent else False,
                }
            )

        cls.e_mgr = employee(cls.mgr, "manager")
        cls.department.manager_id = cls.e_mgr
        cls.e_sup = employee(cls.sup, "supervisor", cls.e_mgr)
        cls.e_eng = employee(cls.eng, "engineer", cls.e_mgr)
        cls.e_reps = [employee(rep, "representative", cls.e_sup) for rep in cls.reps]
        for usr in (cls.sales, cls.finance, cls.gm):
            Employee.create({"name": usr.name, "user_id": usr.id})

        cls.customer = cls.env["res.partner"].create(
            {"name": "E2E Customer", "is_company": True}
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "CS E2E Team",
                "user_id": cls.sup.id,
                "user_ids": [Command.set([cls.sup.id] + [r.id for r in cls.reps])],
            }
        )
        cls._build_callbacks()
        cls._build_quality_checks()
        cls._build_change_orders()
        cls._build_anomalies()
        cls._build_submissions()
        cls._build_goals()
        cls._build_work_orders()

    # ------------------------------------------------------------------
    # The department's quarter
    # ------------------------------------------------------------------
    @classmethod
    def _ticket(cls, usr):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": f"E2E complaint of {usr.login}",
                "description": "E2E",
                "team_id": cls.team.id,
                "user_id": usr.id,
                "partner_id": cls.customer.id,
                "cs_request_kind": "complaint",
            }
        )

    @classmethod
    def _callback(cls, ticket, reason, satisfaction, assignee, done_date, **vals):
        values = {
            "partner_id": cls.customer.id,
            "ticket_id": ticket.id if ticket else False,
            "reason": reason,
            "satisfaction": satisfaction,
            "outcome": "resolved",
            "state": "done",
            "user_id": assignee.id,
            "done_date": done_date,
        }
        values.update(vals)
        return cls.env["cs.callback"].create(values)

    @classmethod
    def _build_callbacks(cls):
        """Rated callbacks on each person's tickets.

        Representative averages: rep1 (90 + 70 + 80) / 3 = 80; rep2
        (100 + 60 + 90) / 3 = 83.33; rep3 50. The manager's team, without the
        callbacks he made himself: 90, 80, 100, 60, 90 -> 84. The supervisor's
        complaint follow-ups, without his own: 70, 50 -> 60.
        """
        rep1, rep2, rep3 = cls.reps
        t1, t2, t3, ts = (cls._ticket(usr) for usr in (rep1, rep2, rep3, cls.sup))
        cmp, anomaly = "complaint_followup", "traffic_anomaly"
        cls._callback(t1, cmp, 90, cls.sup, utc(2026, 7, 10, 3))
        cls._callback(t1, cmp, 70, cls.mgr, utc(2026, 8, 10, 3))
        cls._callback(t1, anomaly, 80, cls.sup, utc(2026, 9, 10, 3))
        cls._callback(t2, cmp, 100, cls.sup, utc(2026, 7, 11, 3))
        cls._callback(t2, anomaly, 60, cls.sup, utc(2026, 8, 11, 3))
        # 00:30 on 1 July in Shanghai: in the quarter
        cls._callback(t2, anomaly, 90, cls.sup, utc(2026, 6, 30, 16, 30))
        # 23:30 on 30 June in Shanghai, and 00:30 on 1 October: outside
        cls._callback(t2, cmp, 5, cls.sup, utc(2026, 6, 30, 15, 30))
        cls._callback(t1, cmp, 5, cls.mgr, utc(2026, 9, 30, 16, 30))
        cls._callback(t3, cmp, 50, cls.mgr, utc(2026, 9, 30, 15, 30))
        # the supervisor's own ticket, followed up by the manager
        cls._callback(ts, cmp, 40, cls.mgr, utc(2026, 8, 20, 3))
        # not done, or not rated: not counted
        cls._callback(t3, cmp, 10, cls.sup, False, state="todo")
        cls._callback(t3, cmp, 0, cls.sup, utc(2026, 8, 1), outcome="unreachable")

    @classmethod
    def _build_quality_checks(cls):
        """Spot checks (pass mark 80).

        The manager's team without his own checks: 85, 70, 90, 78 -> 2 of 4
        passed, 50%. The supervisor's group without his own: 60, 95, 80 -> 2 of
        3, 66.67%. The supervisor's own service: 88. The representatives'
        service: rep1 (85 + 78 + 60) / 3 = 74.33, rep2 (70 + 80) / 2 = 75,
        rep3 (90 + 95) / 2 = 92.5.
        """
        rep1, rep2, rep3 = cls.reps
        checks = [
            (rep1, cls.sup, date(2026, 7, 6), 85),
            (rep2, cls.sup, date(2026, 7, 13), 70),
            (rep3, cls.sup, date(2026, 8, 3), 90),
            (rep1, cls.sup, date(2026, 9, 30), 78),
            (rep1, cls.mgr, date(2026, 8, 17), 60),
            (rep3, cls.mgr, date(2026, 9, 7), 95),
            (rep2, cls.mgr, date(2026, 7, 1), 80),
            (cls.sup, cls.mgr, date(2026, 9, 14), 88),
            # outside the quarter
            (rep1, cls.sup, date(2026, 6, 30), 10),
            (rep2, cls.mgr, date(2026, 10, 1), 10),
        ]
        cls.env["cs.quality.check"].create(
            [
                {
                    "representative_id": checked.id,
                    "supervisor_id": checker.id,
                    "date": day,
                    "score": score,
                }
                for checked, checker, day, score in checks
            ]
        )

    @classmethod
    def _build_change_orders(cls):
        """Change orders handled accurately and on time (48 h, expedited 4 h).

        rep1: on time, on time expedited, rejected, late, corrected -> 2 of 5,
        40%; rep2: on time -> 100%; rep3: expedited and activated after 6 h ->
        0%. Drafts and orders of another quarter do not count.
        """
        rep1, rep2, rep3 = cls.reps
        orders = [
            (rep1, "done", utc(2026, 7, 10, 2), utc(2026, 7, 11, 2), False, 0),
            (rep1, "notified", utc(2026, 7, 20, 1), utc(2026, 7, 20, 3), True, 0),
            (rep1, "rejected", utc(2026, 8, 3, 2), False, False, 0),
            (rep1, "done", utc(2026, 8, 10, 2), utc(2026, 8, 13, 2), False, 0),
            (rep1, "activated", utc(2026, 9, 1, 2), utc(2026, 9, 1, 8), False, 1),
            (rep1, "draft", utc(2026, 9, 2, 2), False, False, 0),
            (rep1, "done", utc(2026, 6, 30, 15), utc(2026, 7, 1, 2), False, 0),
            (rep2, "done", utc(2026, 8, 3, 2), utc(2026, 8, 4, 2), False, 0),
            (rep3, "done", utc(2026, 9, 1, 2), utc(2026, 9, 1, 8), True, 0),
        ]
        cls.env["cs.change.order"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "user_id": usr.id,
                    "state": state,
                    "requested_date": requested,
                    "activation_date": activated,
                    "expedited": expedited,
                    "correction_count": corrections,
                }
                for usr, state, requested, activated, expedited, corrections in orders
            ]
        )

    @classmethod
    def _build_anomalies(cls):
        """Traffic anomalies called back by their deadline: rep1 1 of 2, 50%;
        rep2 1 of 1, 100%; rep3 0 of 1 (still to do, overdue), 0%."""
        rep1, rep2, rep3 = cls.reps
        anomalies = [
            (rep1, date(2026, 7, 1), date(2026, 7, 9), utc(2026, 7, 8, 2), "done"),
            (rep1, date(2026, 8, 1), date(2026, 8, 9), utc(2026, 8, 15, 2), "done"),
            (rep2, date(2026, 9, 1), date(2026, 9, 9), utc(2026, 9, 9, 15), "done"),
            (rep3, date(2026, 9, 1), date(2026, 9, 9), False, "todo"),
            # another quarter
            (rep3, date(2026, 6, 1), date(2026, 6, 9), False, "todo"),
        ]
        for index, (usr, period_start, deadline, done_date, state) in enumerate(
            anomalies
        ):
            # one anomaly per customer and period
            partner = cls.env["res.partner"].create({"name": f"E2E small {index}"})
            callback = cls._callback(
                False,
                "traffic_anomaly",
                0,
                usr,
                done_date,
                state=state,
                scheduled_date=deadline,
                outcome="resolved" if state == "done" else False,
            )
            callback.partner_id = partner
            cls.env["cs.traffic.anomaly"].create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "granularity": "month",
                    "period_start": period_start,
                    "volume": 10.0,
                    "trailing_avg": 100.0,
                    "change_pct": -90.0,
                    "direction": "drop",
                    "segment": "small",
                    "callback_id": callback.id,
                }
            )

    @classmethod
    def _build_submissions(cls):
        """Periodic reports to the General Manager.

        The supervisor: 3 of 4 due in the quarter submitted on time (one never
        submitted), 75%. rep1 2 of 2, 100%; rep2 1 of 2 (late), 50%; rep3 1 of
        2 (one never submitted), 50%. The manager's three monthly reports are
        scored 80, 90 and 70 by the General Manager: 80.
        """
        Submission = cls.env["cs.report.submission"]
        rep1, rep2, rep3 = cls.reps

        def week(usr, monday, submitted, due=None):
            return {
                "submitter_id": usr.id,
                "recipient_id": cls.gm.id,
                "period_type": "week",
                "date_from": monday,
                "date_to": monday + timedelta(days=6),
                "due_date": due or monday + timedelta(days=8),
                "submitted_on": submitted,
                "submitted_by_id": usr.id if submitted else False,
            }

        Submission.create(
            [
                week(cls.sup, date(2026, 7, 6), utc(2026, 7, 14, 2)),
                week(cls.sup, date(2026, 7, 13), utc(2026, 7, 21, 2)),
                # 23:30 on its due day in Shanghai: on time
                week(cls.sup, date(2026, 8, 3), utc(2026, 8, 11, 15, 30)),
                week(cls.sup, date(2026, 8, 10), False),
                week(rep1, date(2026, 7, 6), utc(2026, 7, 13, 2)),
                week(rep1, date(2026, 9, 14), utc(2026, 9, 22, 2)),
                # 00:30 the day after its due day in Shanghai: late
                week(rep2, date(2026, 7, 6), utc(2026, 7, 14, 16, 30)),
                week(rep2, date(2026, 8, 3), utc(2026, 8, 10, 2)),
                week(rep3, date(2026, 7, 6), utc(2026, 7, 13, 2)),
                week(rep3, date(2026, 9, 21), False, due=date(2026, 9, 30)),
                # due after the quarter: not counted yet
                week(rep3, date(2026, 9, 28), False),
            ]
        )
        cls.manager_reports = Submission.create(
            [
                {
                    "submitter_id": cls.mgr.id,
                    "recipient_id": cls.gm.id,
                    "period_type": "month",
                    "date_from": date(2026, month, 1),
                    "date_to": date(2026, month, 28),
                    "due_date": date(2026, month + 1, 3),
                    "submitted_on": utc(2026, month + 1, 2, 2),
                    "submitted_by_id": cls.mgr.id,
                }
                for month in (6, 7, 8)
            ]
        )

    @classmethod
    def _build_goals(cls):
        """The supervisor's goals: 2 of 3 assessed goals passed, 66.67%."""
        cls.env["cs.kpi.goal"].create(
            [
                {
                    "name": f"E2E goal {index}",
                    "employee_id": cls.e_sup.id,
                    "target": 10,
                    "actual": actual,
                    "is_assessed": True,
                    "period_type": "quarter",
                    "date_from": date(2026, 7, 1),
                    "date_to": date(2026, 9, 30),
                }
                for index, actual in enumerate((12, 10, 7))
            ]
        )

    @classmethod
    def _build_work_orders(cls):
        """The engineer's done work orders: 2 of 3 on time, 66.67%; rated
        90 and 70 (one unrated): 80."""
        cls.env["cs.work.order"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "kind": "installation",
                    "engineer_id": cls.eng.id,
                    "scheduled_date": scheduled,
                    "duration": 2.0,
                    "state": "done",
                    "done_date": done,
                    "quality_rating": rating,
                }
                for scheduled, done, rating in (
                    (utc(2026, 7, 7, 1), utc(2026, 7, 7, 2, 30), 90),
                    (utc(2026, 8, 4, 1), utc(2026, 8, 4, 6), 70),
                    (utc(2026, 9, 8, 1), utc(2026, 9, 8, 3), 0),
                )
            ]
        )

    # ------------------------------------------------------------------
    # The campaign
    # ------------------------------------------------------------------
    def _score_manager_reports(self):
        """The General Manager scores the manager's reports due in the
        quarter (the June report is due on 3 July)."""
        for report, score in zip(self.manager_reports, (80, 90, 70), strict=True):
            report.with_user(self.gm).action_score(score)

    def _evaluate(self, campaign):
        """Other departments rate the internal customer satisfaction."""
        ratings = {
            self.e_mgr: (90, 80),
            self.e_sup: (70,),
            self.e_reps[0]: (100, 90),
            self.e_reps[1]: (60,),
            self.e_reps[2]: (85,),
            self.e_eng: (75,),
        }
        internal = self.env.ref("cs_department.cs_kpi_indicator_internal_satisfaction")
        Evaluation = self.env["cs.kpi.evaluation"].with_user(self.hr)
        for employee, scores in ratings.items():
            line = campaign.sheet_ids.line_ids.filtered(
                lambda li, e=employee: (
                    li.employee_id == e and li.indicator_id == internal
                )
            )
            self.assertEqual(len(line), 1, employee.name)
            for evaluator, score in zip(
                (self.sales, self.finance), scores, strict=False
            ):
                evaluation = Evaluation.create(
                    {"line_id": line.id, "evaluator_id": evaluator.id}
                )
                evaluation = evaluation.with_user(evaluator)
                evaluation.write({"score": score})
                evaluation.action_submit()

    def _run_campaign(self):
        with freeze_time(AFTER_QUARTER):
            self._score_manager_reports()
            campaign = (
                self.env["cs.kpi.campaign"]
                .with_user(self.hr)
                .create(
                    {
                        "name": "CS E2E Q3 2026",
                        "period_type": "quarter",
                        "year": 2026,
                        "period_number": 3,
                        "department_ids": [Command.set(self.department.ids)],
                    }
                )
            )
            campaign.action_generate_sheets()
            campaign.action_open()
            self._evaluate(campaign)
            # the one manual line: the manager's process improvement, by HR
            process = campaign.sheet_ids.line_ids.filtered(
                lambda li: (
                    li.indicator_id
                    == self.env.ref(
                        "cs_department.cs_kpi_indicator_mgr_process_improvement"
                    )
                )
            )
            process.with_user(self.hr).write({"actual": 70})
            campaign.action_compute()
            campaign.action_close()
        return campaign

    def _sheet(self, campaign, employee):
        sheet = campaign.sheet_ids.filtered(lambda s: s.employee_id == employee)
        self.assertEqual(len(sheet), 1, employee.name)
        return sheet

    def _assert_lines(self, sheet, expected):
        """``expected``: {indicator code: (actual, score)}, every line of the
        sheet, measured."""
        got = {
            line.indicator_id.code: (line.actual, line.score, line.is_measured)
            for line in sheet.line_ids
        }
        self.assertEqual(set(got), set(expected), sheet.employee_id.name)
        for code, (actual, score) in expected.items():
            with self.subTest(employee=sheet.employee_id.name, code=code):
                self.assertTrue(got[code][2], "not measured")
                self.assertAlmostEqual(got[code][0], actual, places=2)
                self.assertAlmostEqual(got[code][1], score, places=2)

    def test_quarter_of_the_department(self):
        campaign = self._run_campaign()
        self.assertEqual(campaign.state, "done")
        self.assertFalse(campaign.forced_close)
        self.assertEqual(len(campaign.sheet_ids), 6)
        rep1, rep2, rep3 = self.e_reps
        # (actual, score) per indicator code, and the sheet's total: the sum
        # of the lines' weighted scores, each rounded half up to the cent
        # (rep1: 26.67 + 10 + 7.5 + 15 + 9.5 + 3.72 = 72.39)
        expected = {
            # 50/20/10/10/10
            self.e_mgr: (
                {
                    "MGR-EXT-SAT": (84.0, 98.82),  # 84 / 85
                    "MGR-SKILL": (50.0, 50.0),
                    "MGR-PROCESS": (70.0, 70.0),
                    "INT-SAT": (85.0, 85.0),
                    "MGR-REPORT": (80.0, 80.0),
                },
                82.91,
            ),
            # 40/20/10/10/10/10
            self.e_sup: (
                {
                    "SUP-CMP-SAT": (60.0, 63.16),  # 60 / 95
                    "SUP-REPORT": (75.0, 75.0),
                    "INT-SAT": (70.0, 70.0),
                    "SUP-SKILL": (66.67, 74.08),  # 66.67 / 90
                    "SUP-QUALITY": (88.0, 88.0),
                    "SUP-MBO": (66.67, 66.67),
                },
                70.14,
            ),
            # 30/25/15/15/10/5
            rep1: (
                {
                    "REP-SAT": (80.0, 88.89),  # / 90
                    "REP-CHANGE": (40.0, 40.0),
                    "REP-CALLBACK": (50.0, 50.0),
                    "REP-CRM": (100.0, 100.0),
                    "INT-SAT": (95.0, 95.0),
                    "REP-KNOW": (74.33, 74.33),
                },
                72.39,
            ),
            rep2: (
                {
                    "REP-SAT": (83.33, 92.59),
                    "REP-CHANGE": (100.0, 100.0),
                    "REP-CALLBACK": (100.0, 100.0),
                    "REP-CRM": (50.0, 50.0),
                    "INT-SAT": (60.0, 60.0),
                    "REP-KNOW": (75.0, 75.0),
                },
                85.03,
            ),
            rep3: (
                {
                    "REP-SAT": (50.0, 55.56),
                    "REP-CHANGE": (0.0, 0.0),
                    "REP-CALLBACK": (0.0, 0.0),
                    "REP-CRM": (50.0, 50.0),
                    "INT-SAT": (85.0, 85.0),
                    "REP-KNOW": (92.5, 92.5),
                },
                37.30,
            ),
            # 50/30/20
            self.e_eng: (
                {
                    "CS-WO-QUAL": (80.0, 94.12),  # / 85
                    "CS-WO-TIME": (66.67, 78.44),  # / 85
                    "INT-SAT": (75.0, 75.0),
                },
                85.59,
            ),
        }
        for employee, (lines, total) in expected.items():
            sheet = self._sheet(campaign, employee)
            self._assert_lines(sheet, lines)
            self.assertAlmostEqual(
                sheet.total_score, total, places=2, msg=employee.name
            )
        ranks = {
            sheet.employee_id: (sheet.rank, sheet.rank_job)
            for sheet in campaign.sheet_ids
        }
        self.assertEqual(
            ranks,
            {
                self.e_eng: (1, 1),
                rep2: (2, 1),
                self.e_mgr: (3, 1),
                rep1: (4, 2),
                self.e_sup: (5, 1),
                rep3: (6, 3),
            },
        )
