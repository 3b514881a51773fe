# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import importlib.util
import json
import pathlib
from datetime import datetime, time, timedelta

import pytz
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CsDepartmentCommon, assert_explains, mean, share
from .common_change_order import CsChangeOrderCommon, round_the_clock_rules

TEAM_SAT = "cs_team_callback_satisfaction"
TEAM_CMP = "cs_team_complaint_satisfaction"
TEAM_QC = "cs_team_quality_pass_rate"
CO_QUALITY = "cs_change_order_quality"
CO_ACCURACY = "cs_change_order_accuracy"
TRAFFIC = "cs_traffic_callback_rate"
SOURCES = (TEAM_SAT, TEAM_CMP, TEAM_QC, CO_QUALITY, CO_ACCURACY, TRAFFIC)


@tagged("post_install", "-at_install")
class TestKpiTeamSources(CsDepartmentCommon):
    """Sources of the people a leader leads, of the change orders and of the
    traffic callbacks, in a Q1 2026 campaign (Asia/Shanghai, pass score 80).

    Hierarchy: manager > supervisor > representative, colleague (and an
    employee without user); representative_other is outside of it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cs_quality_pass_score = 80
        cls.company2 = cls.env["res.company"].create({"name": "CS Other Company"})
        cls.representative.company_ids |= cls.company2
        cls.hr_officer = new_test_user(
            cls.env,
            login="cs_t_team_hr",
            groups="cs_kpi.cs_kpi_group_hr_officer",
            tz="Asia/Shanghai",
        )
        cls.job = cls.env["hr.job"].create({"name": "CS Test Team Sources"})
        Indicator = cls.env["cs.kpi.indicator"]
        cls.indicators = Indicator.create(
            [
                {
                    "name": source,
                    "code": f"T-{index}",
                    "measure_type": "computed",
                    "source": source,
                    "scoring_method": "direct",
                }
                for index, source in enumerate(SOURCES)
            ]
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test team sources",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": indicator.id, "weight": weight})
                    for indicator, weight in zip(
                        cls.indicators, (20, 20, 20, 20, 10, 10), strict=True
                    )
                ],
            }
        )
        Employee = cls.env["hr.employee"]

        def employee(user, parent=None, name=None):
            return Employee.create(
                {
                    "name": name or user.name,
                    "user_id": user and user.id,
                    "job_id": cls.job.id,
                    "parent_id": parent and parent.id,
                }
            )

        cls.emp_manager = employee(cls.manager)
        cls.emp_supervisor = employee(cls.supervisor, cls.emp_manager)
        employee(cls.representative, cls.emp_supervisor)
        employee(cls.colleague, cls.emp_supervisor)
        employee(False, cls.emp_supervisor, name="Vacant seat")
        employee(cls.representative_other)
        cls._callbacks()
        cls._quality_checks()
        round_the_clock_rules(cls.env, cls.company)
        cls._change_orders()
        cls._anomalies()

    @classmethod
    def _callback(cls, ticket, reason, satisfaction, done_date, user, **vals):
        values = {
            "partner_id": cls.customer.id,
            "ticket_id": ticket and ticket.id,
            "reason": reason,
            "satisfaction": satisfaction,
            "outcome": "resolved",
            "state": "done",
            "done_date": done_date,
            "user_id": user.id,
        }
        values.update(vals)
        # as superuser: the fixture writes the callbacks' outcome directly
        return cls.env["cs.callback"].create(values)

    @classmethod
    def _callbacks(cls):
        rep_ticket = cls._create_ticket("complaint")
        col_ticket = cls._create_ticket("complaint", user=cls.colleague)
        sup_ticket = cls._create_ticket("complaint", user=cls.supervisor)
        other_ticket = cls._create_ticket(
            "complaint", user=cls.representative_other, team=cls.team_other
        )
        complaint, anomaly = "complaint_followup", "traffic_anomaly"
        # Q1 in Shanghai: 2025-12-31 16:00 to 2026-03-31 16:00 UTC
        cls._callback(
            rep_ticket, complaint, 60, datetime(2025, 12, 31, 16), cls.supervisor
        )
        cls._callback(
            rep_ticket, complaint, 100, datetime(2026, 3, 31, 15, 59, 59), cls.manager
        )
        cls._callback(col_ticket, anomaly, 80, datetime(2026, 2, 1), cls.colleague)
        cls._callback(sup_ticket, complaint, 40, datetime(2026, 2, 10), cls.manager)
        # not counted: outside the quarter (both sides), unrated, not done,
        # outside the hierarchy
        cls._callback(
            rep_ticket, complaint, 20, datetime(2025, 12, 31, 15, 59, 59), cls.colleague
        )
        cls._callback(
            rep_ticket, complaint, 20, datetime(2026, 3, 31, 16), cls.colleague
        )
        cls._callback(
            rep_ticket,
            complaint,
            0,
            datetime(2026, 2, 2),
            cls.colleague,
            outcome="unreachable",
        )
        cls._callback(rep_ticket, complaint, 10, False, cls.colleague, state="todo")
        cls._callback(other_ticket, complaint, 10, datetime(2026, 2, 3), cls.colleague)
        # another company's ticket of the representative
        other_company_ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Other company complaint",
                "description": "Test request",
                "user_id": cls.representative.id,
                "partner_id": cls.customer.id,
                "company_id": cls.company2.id,
            }
        )
        cls._callback(
            other_company_ticket,
            complaint,
            10,
            datetime(2026, 2, 3),
            cls.colleague,
            company_id=cls.company2.id,
        )

    @classmethod
    def _quality_checks(cls):
        Check = cls.env["cs.quality.check"]
        checks = [
            (cls.representative, cls.supervisor, 85, "2026-01-01"),
            (cls.representative, cls.supervisor, 70, "2026-03-31"),
            (cls.colleague, cls.manager, 80, "2026-02-01"),
            (cls.supervisor, cls.manager, 90, "2026-02-02"),
            # outside the quarter
            (cls.representative, cls.supervisor, 100, "2025-12-31"),
            (cls.representative, cls.supervisor, 100, "2026-04-01"),
        ]
        Check.create(
            [
                {
                    "representative_id": checked.id,
                    "supervisor_id": checker.id,
                    "score": score,
                    "date": day,
                }
                for checked, checker, score, day in checks
            ]
        )
        Check.create(
            {
                "representative_id": cls.representative.id,
                "supervisor_id": cls.supervisor.id,
                "score": 10,
                "date": "2026-02-01",
                "company_id": cls.company2.id,
            }
        )

    @classmethod
    def _change_orders(cls):
        orders = [
            # expedited (due 4 hours after the request), activated after 2: good
            (True, "2025-12-31 16:00:00", "2025-12-31 18:00:00", "done", 0),
            # in time but corrected once
            (False, "2026-02-02 00:00:00", "2026-02-04 00:00:00", "notified", 1),
            # normal (72 hours), activated after 96: late
            (False, "2026-02-03 00:00:00", "2026-02-07 00:00:00", "done", 0),
            (False, "2026-03-01 00:00:00", False, "rejected", 0),
            # in time: good
            (False, "2026-03-10 00:00:00", "2026-03-11 00:00:00", "done", 0),
            # not finished, or outside the quarter
            (False, "2026-03-02 00:00:00", False, "draft", 0),
            (False, "2025-12-31 15:59:59", "2026-01-01 00:00:00", "done", 0),
            (False, "2026-03-31 16:00:00", "2026-04-01 00:00:00", "done", 0),
        ]
        vals = [
            {
                "partner_id": cls.customer.id,
                "user_id": cls.representative.id,
                "expedited": expedited,
                "requested_date": requested,
                "activation_date": activated,
                "state": state,
                "correction_count": corrections,
            }
            for expedited, requested, activated, state, corrections in orders
        ]
        vals.append(dict(vals[4], company_id=cls.company2.id))
        # as superuser: the fixture writes the workflow's outcome directly
        cls.env["cs.change.order"].create(vals)

    @classmethod
    def _anomalies(cls):
        Callback = cls.env["cs.callback"]
        Anomaly = cls.env["cs.traffic.anomaly"]
        anomalies = [
            # called back on its scheduled day, 23:59 in Shanghai: in time
            (
                "2026-01-01",
                cls.representative,
                "2026-02-05",
                datetime(2026, 2, 5, 15, 59),
            ),
            # the next day in Shanghai: late
            ("2026-02-01", cls.representative, "2026-02-05", datetime(2026, 2, 5, 16)),
            # still to do
            ("2026-03-01", cls.representative, "2026-03-05", False),
            # outside the quarter
            ("2025-12-01", cls.representative, "2026-01-05", datetime(2026, 1, 5)),
            # the colleague's, in time
            ("2026-03-01", cls.colleague, "2026-03-05", datetime(2026, 3, 5)),
        ]
        for index, (period, user, scheduled, done) in enumerate(anomalies):
            partner = cls.env["res.partner"].create({"name": f"Small customer {index}"})
            callback = Callback.create(
                {
                    "partner_id": partner.id,
                    "reason": "traffic_anomaly",
                    "user_id": user.id,
                    "scheduled_date": scheduled,
                    "state": "done" if done else "todo",
                    "done_date": done,
                }
            )
            Anomaly.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "granularity": "month",
                    "period_start": period,
                    "callback_id": callback.id,
                }
            )
        partner = cls.env["res.partner"].create({"name": "Other company customer"})
        callback = Callback.create(
            {
                "partner_id": partner.id,
                "reason": "traffic_anomaly",
                "user_id": cls.representative.id,
                "scheduled_date": "2026-02-05",
                "company_id": cls.company2.id,
            }
        )
        Anomaly.create(
            {
                "partner_id": partner.id,
                "company_id": cls.company2.id,
                "granularity": "month",
                "period_start": "2026-02-01",
                "callback_id": callback.id,
            }
        )

    def _campaign(self):
        return self._open_q1_campaign("CS team sources Q1", compute=False)

    def _actuals(self, campaign, source):
        lines = campaign.sheet_ids.line_ids.filtered(lambda line: line.source == source)
        return {
            line.employee_id.user_id: line.actual if line.is_measured else None
            for line in lines
        }

    @freeze_time("2026-04-10 02:00:00")
    def test_team_of_a_leader(self):
        """Everyone below through two levels of parent_id, never himself."""
        campaign = self._campaign()
        lines = campaign.sheet_ids.line_ids.filtered(lambda ln: ln.source == TEAM_SAT)
        teams = lines._cs_team_users(campaign)
        by_user = {line.employee_id.user_id: teams[line.id] for line in lines}
        self.assertEqual(
            by_user[self.manager],
            {self.supervisor.id, self.representative.id, self.colleague.id},
        )
        self.assertEqual(
            by_user[self.supervisor], {self.representative.id, self.colleague.id}
        )
        self.assertEqual(by_user[self.representative], set())

    @freeze_time("2026-04-10 02:00:00")
    def test_measure(self):
        campaign = self._campaign()
        campaign.action_compute()
        # the leader's own callbacks (assigned to him) do not count for him:
        # manager: 60 (by the supervisor) and 80 -> 70; supervisor: 100 (by
        # the manager) and 80 -> 90
        sat = self._actuals(campaign, TEAM_SAT)
        self.assertEqual(sat[self.manager], 70.0)
        self.assertEqual(sat[self.supervisor], 90.0)
        self.assertIsNone(sat[self.representative])
        self.assertIsNone(sat[self.representative_other])
        cmp_ = self._actuals(campaign, TEAM_CMP)
        self.assertEqual(cmp_[self.manager], 60.0)
        self.assertEqual(cmp_[self.supervisor], 100.0)
        self.assertIsNone(cmp_[self.colleague])
        # spot checks: manager: 85 and 70 by the supervisor -> 50%; the
        # supervisor: 80 by the manager (the pass score itself) -> 100%
        qc = self._actuals(campaign, TEAM_QC)
        self.assertEqual(qc[self.manager], 50.0)
        self.assertEqual(qc[self.supervisor], 100.0)
        self.assertIsNone(qc[self.representative])
        # five finished orders: two accurate and in time, three not corrected
        # nor rejected
        self.assertEqual(self._actuals(campaign, CO_QUALITY)[self.representative], 40)
        accuracy = self._actuals(campaign, CO_ACCURACY)
        self.assertEqual(accuracy[self.representative], 60.0)
        self.assertIsNone(accuracy[self.colleague])
        # three anomalies of the quarter called back by the representative,
        # one by its scheduled day in Shanghai
        traffic = self._actuals(campaign, TRAFFIC)
        self.assertAlmostEqual(traffic[self.representative], 100 / 3, places=2)
        self.assertEqual(traffic[self.colleague], 100.0)
        self.assertIsNone(traffic[self.manager])

    @freeze_time("2026-04-10 02:00:00")
    def test_explain(self):
        """Each source's explanation lists the records that make its actual:
        the team's callbacks and spot checks not authored by the leader, the
        change orders and the traffic anomalies of the period."""
        campaign = self._campaign()
        campaign.action_compute()
        lines = campaign.sheet_ids.line_ids
        zone = campaign._cs_tz()

        def of(source):
            return lines.filtered(lambda line: line.source == source)

        def accurate(order):
            return order.state != "rejected" and not order.correction_count

        def in_time(order):
            return bool(order.activation_date) and order.activation_date <= (
                order.due_date
            )

        def called_back(anomaly):
            callback = anomaly.callback_id
            day_after = datetime.combine(
                callback.scheduled_date + timedelta(days=1), time()
            )
            deadline = (
                zone.localize(day_after).astimezone(pytz.utc).replace(tzinfo=None)
            )
            return callback.state == "done" and callback.done_date < deadline

        def satisfaction(records, line):
            return mean(records.mapped("satisfaction"))

        assert_explains(self, of(TEAM_SAT), satisfaction)
        assert_explains(self, of(TEAM_CMP), satisfaction)
        assert_explains(
            self,
            of(TEAM_QC),
            lambda records, line: share(records, lambda check: check.score >= 80),
        )
        assert_explains(
            self,
            of(CO_QUALITY),
            lambda records, line: share(
                records, lambda order: accurate(order) and in_time(order)
            ),
        )
        assert_explains(
            self, of(CO_ACCURACY), lambda records, line: share(records, accurate)
        )
        assert_explains(
            self, of(TRAFFIC), lambda records, line: share(records, called_back)
        )

    @freeze_time("2026-04-10 02:00:00")
    def test_pass_score_setting(self):
        """The company's pass score decides which spot checks pass."""
        self.company.cs_quality_pass_score = 70
        campaign = self._campaign()
        campaign.action_compute()
        self.assertEqual(self._actuals(campaign, TEAM_QC)[self.manager], 100.0)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.cs_quality_pass_score, 70)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.company.cs_quality_pass_score = 101
            self.company.flush_recordset()

    @freeze_time("2026-04-10 02:00:00")
    def test_query_count_constant(self):
        """Each source runs a constant number of queries, for one line or all."""
        campaign = self._campaign()
        # pending writes (users, companies) would clear the access caches
        self.env.flush_all()
        for source in SOURCES:
            lines = campaign.sheet_ids.line_ids.filtered(
                lambda line, source=source: line.source == source
            )
            counts = []
            leader = lines.filtered(
                lambda line: line.employee_id.user_id == self.manager
            )
            # warm the caches that outlive the records' (access rules...)
            for subset in (leader, lines):
                getattr(subset, f"_measure_source_{source}")(campaign)
            for subset in (leader, lines):
                self.env.invalidate_all()
                before = self.cr.sql_log_count
                getattr(subset, f"_measure_source_{source}")(campaign)
                counts.append(self.cr.sql_log_count - before)
            self.assertEqual(counts[0], counts[1], source)
            self.assertLessEqual(counts[1], 8, source)


@tagged("post_install", "-at_install")
class TestChangeOrderCorrections(CsChangeOrderCommon):
    """Resetting a stopped order or restarting a rejected approval counts a
    correction; nobody writes the count himself."""

    def test_counted_by_the_workflow(self):
        order = self._create_order()
        order.action_verify()
        self.assertEqual(order.correction_count, 0)
        # a restart while nobody rejected anything is no correction
        order.restart_validation()
        self.assertEqual(order.correction_count, 0)
        order.request_validation()
        order.with_user(self.rep2).reject_tier()
        order.restart_validation()
        self.assertEqual(order.correction_count, 1)
        self.assertFalse(order.review_ids)
        order.request_validation()
        order.with_user(self.rep2).reject_tier()
        order.action_reject(reason="Wrong line")
        order.action_draft()
        self.assertEqual(order.correction_count, 2)
        order.action_cancel(reason="Duplicate")
        order.action_draft()
        self.assertEqual((order.state, order.correction_count), ("draft", 3))
        self.assertTrue(order._fields["correction_count"].tracking)
        self.assertEqual(order.copy().correction_count, 0)

    def test_refused_to_a_plain_write(self):
        order = self._create_order()
        order.action_reject(reason="Wrong customer")
        order.action_draft()
        keys = {
            "skip_validation_check": True,
            "tracking_disable": True,
            "install_mode": True,
            "active_test": False,
        }
        for user in (self.rep, self.manager):
            for context in ({}, keys):
                with self.subTest(user=user.login, context=bool(context)):
                    with self.assertRaises(UserError):
                        order.with_user(user).with_context(**context).write(
                            {"correction_count": 0}
                        )
                    with self.assertRaises(UserError):
                        self.env["cs.change.order"].with_user(user).with_context(
                            **context
                        ).create(
                            {"partner_id": self.customer.id, "correction_count": 4}
                        )
        order.invalidate_recordset()
        self.assertEqual(order.correction_count, 1)
        self.assertFalse(
            self.env["cs.change.order"].search([("correction_count", "=", 4)], limit=1)
        )


@tagged("post_install", "-at_install")
class TestMigrationComputedIndicators(CsDepartmentCommon):
    """18.0.2.1.0 switches the shipped manual indicators to their source."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        path = (
            pathlib.Path(__file__).parents[1]
            / "migrations"
            / "18.0.2.1.0"
            / "post-migrate.py"
        )
        spec = importlib.util.spec_from_file_location("cs_post_migrate_2_1", path)
        cls.migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.migration)

    def _ref(self, name):
        return self.env.ref(f"cs_department.{name}")

    def test_shipped_indicators_computed(self):
        """A fresh install has the data the migration gives an old database."""
        for xmlid, source in self.migration.SOURCES.items():
            indicator = self._ref(xmlid)
            self.assertEqual(
                (indicator.measure_type, indicator.source), ("computed", source)
            )
            for field, (__, new) in self.migration.TEXTS.get(xmlid, {}).items():
                if indicator.cs_rating_weight:
                    # 18.0.2.5.0 mixes the customers' ratings into a new
                    # install's satisfaction indicators, and says so (an old
                    # database keeps the callbacks alone and their text)
                    self.assertIn("rating", indicator[field])
                    continue
                self.assertEqual(indicator[field], new)
        for xmlid in (
            "cs_kpi_indicator_mgr_process_improvement",
            "cs_kpi_indicator_internal_satisfaction",
            "cs_kpi_indicator_mgr_report_quality",
        ):
            self.assertNotEqual(self._ref(xmlid).measure_type, "computed")

    @freeze_time("2026-04-10 02:00:00")
    def test_switch_unless_closed(self):
        migration = self.migration
        names = list(migration.SOURCES)
        indicators = self.env["cs.kpi.indicator"].browse(
            [self._ref(name).id for name in names]
        )
        # a database of 18.0.2.0.0: every one manual, with the old texts
        self.cr.execute(
            "UPDATE cs_kpi_indicator SET measure_type = 'manual', "
            "source = 'manual' WHERE id IN %s",
            [tuple(indicators.ids)],
        )
        external = self._ref("cs_kpi_indicator_mgr_external_satisfaction")
        shipped = migration.TEXTS["cs_kpi_indicator_mgr_external_satisfaction"][
            "assessment_method"
        ][0]
        self.cr.execute(
            "UPDATE cs_kpi_indicator SET assessment_method = %s::jsonb WHERE id = %s",
            [json.dumps({"en_US": shipped, "zh_CN": "old"}), external.id],
        )
        customised = self._ref("cs_kpi_indicator_rep_change_accuracy")
        self.cr.execute(
            "UPDATE cs_kpi_indicator SET assessment_method = "
            '\'{"en_US": "Our own text"}\'::jsonb WHERE id = %s',
            [customised.id],
        )
        # the only closed appraisal (the demo data's are reopened): a quarter
        # that used the supervisor's indicators
        self.cr.execute(
            "UPDATE cs_kpi_campaign SET state = 'open' WHERE state = 'done'"
        )
        self.cr.execute("UPDATE cs_kpi_sheet SET state = 'draft' WHERE state = 'done'")
        job = self.env.ref("cs_department.hr_job_cs_supervisor")
        self.env["hr.employee"].create(
            {
                "name": "Closed supervisor",
                "user_id": self.supervisor.id,
                "job_id": job.id,
            }
        )
        campaign = self.env["cs.kpi.campaign"].create(
            {
                "name": "Closed Q4",
                "period_type": "quarter",
                "year": 2025,
                "period_number": 4,
                "job_ids": [Command.set(job.ids)],
            }
        )
        campaign.action_generate_sheets()
        self.assertTrue(campaign.sheet_ids.line_ids)
        self.cr.execute(
            "UPDATE cs_kpi_campaign SET state = 'done' WHERE id = %s", [campaign.id]
        )
        self.env.invalidate_all()
        closed = campaign.sheet_ids.line_ids.indicator_id & indicators
        self.assertTrue(closed)

        switched, kept = migration.switch_indicators(self.env)

        self.env.invalidate_all()
        self.assertEqual(kept, closed)
        self.assertEqual(switched, indicators - closed)
        for indicator in indicators - closed:
            xmlid = names[indicators.ids.index(indicator.id)]
            self.assertEqual(
                (indicator.measure_type, indicator.source),
                ("computed", migration.SOURCES[xmlid]),
            )
        self.assertEqual(set(closed.mapped("measure_type")), {"manual"})
        self.cr.execute(
            "SELECT assessment_method FROM cs_kpi_indicator WHERE id = %s",
            [external.id],
        )
        new = migration.TEXTS["cs_kpi_indicator_mgr_external_satisfaction"][
            "assessment_method"
        ][1]
        self.assertEqual(self.cr.fetchone()[0], {"en_US": new})
        self.assertEqual(customised.assessment_method, "Our own text")
        # a second run finds nothing left to switch
        switched, kept = migration.switch_indicators(self.env)
        self.assertFalse(switched)
        self.assertEqual(kept, closed)
