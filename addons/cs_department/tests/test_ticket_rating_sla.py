# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common import CsDepartmentCommon, assert_explains, mean, share

# Monday 2 February 2026, 09:00 in Shanghai: the Service Desk opens
MONDAY_9 = datetime(2026, 2, 2, 1, 0)


@tagged("post_install", "-at_install")
class TestTicketRatingSla(CsDepartmentCommon):
    """Customer ratings and SLA deadlines of the tickets, measured for a Q1
    2026 campaign: manager > supervisor > representative, colleague. The test
    team keeps the SLA rules on the shipped Service Desk hours (Monday to
    Friday, 9-12 and 13-18 in Shanghai): a consultation is answered within 8
    working hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.write(
            {
                "use_sla": True,
                "resource_calendar_id": cls.env.ref(
                    "cs_department.resource_calendar_cs_service_desk"
                ).id,
            }
        )
        cls.customer.email = "customer@example.com"
        cls.hr_officer = new_test_user(
            cls.env,
            login="cs_t_rating_hr",
            groups="cs_kpi.cs_kpi_group_hr_officer",
            tz="Asia/Shanghai",
        )
        cls.job = cls.env["hr.job"].create({"name": "CS Test Ratings"})
        specs = [
            ("RATING", "cs_ticket_rating", 0, 10),
            ("TEAM-RATING", "cs_team_ticket_rating", 0, 10),
            ("SLA", "cs_ticket_sla_rate", 0, 10),
            ("TEAM-SLA", "cs_team_ticket_sla_rate", 0, 10),
            ("CB", "cs_callback_satisfaction", 0, 20),
            ("MIX", "cs_callback_satisfaction", 25, 20),
            ("TEAM-MIX", "cs_team_callback_satisfaction", 50, 20),
        ]
        cls.indicators = {}
        for code, source, rating_weight, __ in specs:
            cls.indicators[code] = cls.env["cs.kpi.indicator"].create(
                {
                    "name": f"Test {code}",
                    "code": f"T-RS-{code}",
                    "measure_type": "computed",
                    "source": source,
                    "scoring_method": "direct",
                    "cs_rating_weight": rating_weight,
                }
            )
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test ratings and SLA",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create(
                        {"indicator_id": cls.indicators[code].id, "weight": weight}
                    )
                    for code, __, __, weight in specs
                ],
            }
        )
        Employee = cls.env["hr.employee"]

        def employee(user, parent=None):
            return Employee.create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "job_id": cls.job.id,
                    "parent_id": parent and parent.id,
                }
            )

        manager = employee(cls.manager)
        supervisor = employee(cls.supervisor, manager)
        employee(cls.representative, supervisor)
        employee(cls.colleague, supervisor)
        cls.rep_on_time = cls._ticket_at(MONDAY_9)
        cls.rep_late = cls._ticket_at(MONDAY_9)
        cls.col_on_time = cls._ticket_at(MONDAY_9, user=cls.colleague)
        with freeze_time(datetime(2026, 2, 2, 5, 0)):
            cls._close(cls.rep_on_time, cls.representative)
            cls._close(cls.col_on_time, cls.colleague)
        # Tuesday 11:00 in Shanghai: a working hour too late
        with freeze_time(datetime(2026, 2, 3, 3, 0)):
            cls._close(cls.rep_late, cls.representative)
        cls._rate(cls.rep_on_time, 5)
        cls._rate(cls.col_on_time, 3)
        cls.env["cs.callback"].create(
            {
                "partner_id": cls.customer.id,
                "ticket_id": cls.rep_on_time.id,
                "reason": "other",
                "satisfaction": 80,
                "outcome": "resolved",
                "state": "done",
                "done_date": datetime(2026, 2, 5),
                "user_id": cls.supervisor.id,
                "recorded_by_id": cls.supervisor.id,
            }
        )

    @classmethod
    def _ticket_at(cls, moment, kind="consultation", **kwargs):
        """A ticket created at ``moment`` (naive UTC). The ORM stamps its
        create_date, from which the SLA deadlines are planned, with the
        transaction's timestamp, the database's clock, which freezegun does not
        stop: the fixture dates the ticket, then plans its SLA again."""
        with freeze_time(moment):
            ticket = cls._create_ticket(kind, **kwargs)
            cls.env.flush_all()
            cls.env.cr.execute(
                SQL(
                    "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
                    moment,
                    ticket.id,
                )
            )
            ticket.invalidate_recordset(["create_date"])
            ticket.set_sla()
        return ticket

    @classmethod
    def _close(cls, ticket, user):
        ticket.with_user(user).write({"stage_id": cls.stage_done.id})

    @classmethod
    def _rate(cls, ticket, rate):
        """The customer clicks a smiley of the closing email: the portal
        applies the rating of its token as superuser."""
        rating = ticket.sudo().rating_ids.filtered(lambda r: not r.consumed)
        rating.ensure_one()  # the closing email asked for one rating
        ticket.sudo().rating_apply(rate, token=rating.access_token)

    def _actuals(self, code):
        with freeze_time("2026-04-10 02:00:00"):
            campaign = self._open_q1_campaign(f"CS ratings Q1 {code}")
        lines = campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.indicators[code]
        )
        return {
            line.employee_id.user_id: line.actual if line.is_measured else None
            for line in lines
        }

    def _lines(self, code):
        with freeze_time("2026-04-10 02:00:00"):
            campaign = self._open_q1_campaign(f"CS explain Q1 {code}")
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.indicators[code]
        )

    def test_explanations_list_the_records(self):
        """The rating and SLA explanations list exactly the tickets that make
        each actual; a mixed line says the ratings it mixes in."""
        self._rate(self.rep_late, 1)

        def rating(records, line):
            return mean(
                (value - 1) * 25 for value in records.mapped("rating_last_value")
            )

        for code in ("RATING", "TEAM-RATING"):
            with self.subTest(code=code):
                assert_explains(self, self._lines(code), rating)
        for code in ("SLA", "TEAM-SLA"):
            with self.subTest(code=code):
                assert_explains(
                    self,
                    self._lines(code),
                    lambda records, line: share(records, lambda t: not t.cs_sla_late),
                )
        mixed = self._lines("MIX")
        explanations = mixed._explain()
        rep = mixed.filtered(
            lambda line: line.employee_id.user_id == self.representative
        )
        model, domain, sentence = explanations[rep.id]
        # his callbacks and his rated tickets, in one list
        self.assertEqual(model, "cs.customer.feedback")
        rows = self.env[model].search(domain)
        self.assertEqual(sorted(rows.mapped("kind")), ["callback", "rating", "rating"])
        self.assertEqual(rows.ticket_id, self.rep_on_time | self.rep_late)
        ratings = rows.filtered(lambda row: row.kind == "rating")
        callbacks = rows - ratings
        self.assertAlmostEqual(
            0.25 * mean(ratings.mapped("score"))
            + 0.75 * mean(callbacks.mapped("score")),
            rep.actual,
        )
        # the formula says both sides, each with its mean and count:
        # 72.5 = 25 % x 50 (5 and 1) + 75 % x 80 (the callback)
        self.assertEqual(
            sentence,
            "72.5 = 25 % x 50, the mean customer rating (1 = 0, 3 = 50, 5 = 100) "
            "of 2 rated tickets, + 75 % x 80, the mean satisfaction of 1 rated "
            "callbacks done in the period on his tickets.",
        )
        # the domain the action sends to the web client, read as the
        # representative: the same rows, as he may read them all
        as_rep = self.env[model].with_user(self.representative)
        self.assertEqual(as_rep.search(rep._explain_jsonable(domain)), rows)
        # the colleague has no callback: his rated tickets are listed
        colleague = mixed.filtered(
            lambda line: line.employee_id.user_id == self.colleague
        )
        model, domain, _sentence = explanations[colleague.id]
        self.assertEqual(model, "helpdesk.ticket")
        self.assertEqual(
            rating(self.env[model].search(domain), colleague), colleague.actual
        )

    def test_feedback_rows_are_their_records(self):
        """A feedback row is readable exactly when its callback or its ticket
        is: by search and by id, whoever asks."""
        self._rate(self.rep_late, 1)
        Feedback = self.env["cs.customer.feedback"]
        every = Feedback.search([])
        self.assertTrue(every)
        hidden = 0
        for user in (
            self.representative,
            self.colleague,
            self.supervisor,
            self.hr_officer,
        ):
            with self.subTest(user=user.login):
                env = self.env(user=user)
                tickets, callbacks = (
                    env[model].search([])
                    if env[model].has_access("read")
                    else env[model]
                    for model in ("helpdesk.ticket", "cs.callback")
                )
                readable = every.filtered(
                    lambda row, tickets=tickets, callbacks=callbacks: (
                        row.callback_id in callbacks
                        if row.kind == "callback"
                        else row.ticket_id in tickets
                    )
                )
                self.assertEqual(
                    Feedback.with_user(user).search([("id", "in", every.ids)]).ids,
                    readable.with_user(user).ids,
                )
                for row in every - readable:
                    hidden += 1
                    with self.assertRaises(AccessError):
                        row.with_user(user).read(["score"])
                readable.with_user(user).read(["score", "ticket_id"])
        self.assertTrue(hidden, "some user must be refused some row")

    def test_closing_email_asks_consultations_and_complaints(self):
        """The Done stage carries the shipped rating template; a business
        change is closed without asking."""
        template = self.env.ref("cs_department.mail_template_cs_ticket_rating")
        self.assertEqual(self.stage_done.rating_mail_template_id, template)
        self.assertTrue(
            any(
                "how did we do?" in (message.subject or "")
                for message in self.rep_late.sudo().message_ids
            )
        )
        self.assertTrue(self.rep_late.sudo().rating_ids.access_token)
        change = self._create_ticket("business_change")
        self._close(change, self.representative)
        self.assertFalse(change.sudo().rating_ids)

    def test_rated_ticket_moves_the_representative(self):
        """An unrated ticket never counts as 0; the customer's rating moves the
        figure: 5 is 100, 3 is 50, 1 is 0."""
        actuals = self._actuals("RATING")
        self.assertEqual(actuals[self.representative], 100.0)
        self.assertEqual(actuals[self.colleague], 50.0)
        self.assertIsNone(actuals[self.supervisor])
        as_supervisor = self.env["helpdesk.ticket"].with_user(self.supervisor)
        self.assertEqual(as_supervisor.browse(self.rep_on_time.id).cs_rating_score, 100)
        self.assertEqual(as_supervisor.browse(self.col_on_time.id).cs_rating_score, 50)
        self._rate(self.rep_late, 1)
        actuals = self._actuals("RATING")
        self.assertEqual(actuals[self.representative], 50.0)
        team = self._actuals("TEAM-RATING")
        # (5 + 3 + 1) / 3 = 3 -> 50
        self.assertEqual(team[self.supervisor], 50.0)
        self.assertEqual(team[self.manager], 50.0)
        self.assertIsNone(team[self.representative])

    def test_expired_sla_lowers_the_on_time_share(self):
        # 8 working hours from Monday 09:00: Monday 18:00 in Shanghai
        self.assertEqual(
            set(self.rep_late.ticket_sla_ids.mapped("deadline")),
            {datetime(2026, 2, 2, 10, 0)},
            [
                (s.deadline, s.hours, s.last_state_date, s.ticket_id.create_date)
                for s in self.rep_late.ticket_sla_ids
            ],
        )
        self.assertEqual(self.rep_late.ticket_sla_ids.state, "expired")
        self.assertEqual(self.rep_on_time.ticket_sla_ids.state, "accomplished")
        self.assertTrue(self.rep_late.cs_sla_late)
        self.assertFalse(self.rep_on_time.cs_sla_late)
        actuals = self._actuals("SLA")
        self.assertEqual(actuals[self.representative], 50.0)
        self.assertEqual(actuals[self.colleague], 100.0)
        team = self._actuals("TEAM-SLA")
        self.assertAlmostEqual(team[self.supervisor], 66.67)
        self.assertAlmostEqual(team[self.manager], 66.67)
        # a ticket of a desk without SLA does not count
        no_sla = self._ticket_at(MONDAY_9, user=self.colleague, team=self.team_other)
        self.assertFalse(no_sla.ticket_sla_ids)
        with freeze_time(datetime(2026, 2, 4, 3, 0)):
            self._close(no_sla, self.colleague)
        self.assertEqual(self._actuals("SLA")[self.colleague], 100.0)

    def test_periodic_report_figures(self):
        """February's report: the rated tickets closed in it and the on-time
        share of its consultations with an SLA."""
        report = self.env["cs.service.report"].with_user(self.manager)
        scope = report._cs_scope({"date_from": "2026-02-01", "date_to": "2026-02-28"})
        # 5 and 3: 100 and 50; the late ticket is not rated
        self.assertEqual(report._cs_rating_figures(scope), (2, 75.0))
        self.assertEqual(
            report._cs_sla_figures(scope, "consultation"),
            {"sla_closed": 3, "sla_on_time": 2, "sla_on_time_rate": 2 / 3},
        )
        march = report._cs_scope({"date_from": "2026-03-01", "date_to": "2026-03-31"})
        self.assertEqual(report._cs_rating_figures(march), (0, None))
        self.assertIsNone(
            report._cs_sla_figures(march, "consultation")["sla_on_time_rate"]
        )

    def test_mixed_indicator_weighs_both_sources(self):
        # callbacks only: 80
        self.assertEqual(self._actuals("CB")[self.representative], 80.0)
        mixed = self._actuals("MIX")
        # 25 % of the rating (100), 75 % of the callbacks (80)
        self.assertEqual(mixed[self.representative], 85.0)
        # no callback for the colleague: his rating alone
        self.assertEqual(mixed[self.colleague], 50.0)
        self.assertIsNone(mixed[self.supervisor])
        team = self._actuals("TEAM-MIX")
        # the supervisor recorded the only callback: his team's rating alone
        self.assertEqual(team[self.supervisor], 75.0)
        # the manager: half of 75 (ratings), half of 80 (callback)
        self.assertEqual(team[self.manager], 77.5)
        self.indicators["MIX"].cs_rating_weight = 100
        self.assertEqual(self._actuals("MIX")[self.representative], 100.0)
        with self.assertRaises(ValidationError):
            self.indicators["MIX"].cs_rating_weight = 120

    def test_sla_alerts_and_reminder_job(self):
        """Open tickets overdue or due soon: the filter finds them, and the
        job gives the assignee one reminder per ticket, however often it
        runs."""
        overdue = self._ticket_at(MONDAY_9)
        soon = self._ticket_at(MONDAY_9, user=self.colleague)
        Ticket = self.env["helpdesk.ticket"].with_user(self.supervisor)
        activity_type = self.env.ref("cs_department.mail_activity_type_cs_sla")
        # Monday 17:00 in Shanghai: deadline at 18:00, both due soon
        with freeze_time(datetime(2026, 2, 2, 9, 0)):
            self.assertEqual(overdue.cs_sla_alert, "due_soon")
            found = Ticket.search([("cs_sla_alert", "=", "due_soon")])
            self.assertEqual(found & (overdue | soon), overdue | soon)
            self.assertNotIn(self.rep_late, found, "closed tickets never alert")
        # Tuesday 10:00 in Shanghai
        with freeze_time(datetime(2026, 2, 3, 2, 0)):
            overdue.invalidate_recordset(["cs_sla_alert", "sla_expired"])
            self.assertEqual(overdue.cs_sla_alert, "overdue")
            self.assertEqual(overdue.cs_sla_color, 1)
            found = Ticket.search([("cs_sla_alert", "=", "overdue")])
            self.assertIn(overdue, found)
            self.assertNotIn(self.rep_late, found)
            reminded = Ticket._cron_cs_sla_activities()
            self.assertEqual(reminded & (overdue | soon), overdue | soon)
            self.assertFalse(Ticket._cron_cs_sla_activities() & overdue)
        activities = overdue.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.representative)
        self.assertEqual(str(activities.date_deadline), "2026-02-03")
        activities.with_user(self.representative).action_feedback("Called back")
        with freeze_time(datetime(2026, 2, 3, 4, 0)):
            self.assertFalse(Ticket._cron_cs_sla_activities() & overdue)
        self.assertFalse(overdue.activity_ids)
