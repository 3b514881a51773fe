# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common_reports import GROUP, CsReportsCommon

WORKBOOK = base64.b64encode(b"PK fake workbook")
#: 2 April 2026, 10:00 in Shanghai: the last complete month is March.
NOW = "2026-04-02 02:00:00"


@tagged("post_install", "-at_install")
class TestDepartmentDashboard(CsReportsCommon):
    """The General Manager's dashboard: March 2026 next to February, from a
    department of its own company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.general_manager = new_test_user(
            cls.env,
            login="cs_r_dash_gm",
            groups=GROUP % "general_manager",
            tz="Asia/Shanghai",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        # two customers with an active line: the complaint rate's divisor
        cls.env["cs.service.line"].create(
            [
                {
                    "name": f"021-6666-{i}",
                    "partner_id": partner.id,
                    "service_type": "ip",
                    "company_id": cls.company.id,
                    "date_start": "2025-01-01",
                    "state": "active",
                }
                for i, partner in enumerate(cls.customers[:2])
            ]
        )
        # (kind, created, closed) in UTC; March starts at 2026-02-28 16:00 UTC
        # in Shanghai
        cls.tickets = cls._tickets(
            cls.company,
            [
                ("complaint", "2026-02-28 16:00", "2026-02-28 20:00"),
                ("complaint", "2026-03-10 08:00", "2026-03-10 10:00"),
                ("complaint", "2026-03-31 15:59", False),
                ("consultation", "2026-03-05 08:00", "2026-03-05 09:00"),
                # February
                ("complaint", "2026-02-10 08:00", "2026-02-10 09:00"),
            ],
        )
        # a complaint of another company: nobody of this one reads it
        cls.other_company = cls.env["res.company"].create({"name": "CS Dash Other"})
        cls._tickets(cls.other_company, [("complaint", "2026-03-11 08:00", False)])
        callback = cls.env["cs.callback"]
        for satisfaction, day in (
            (60, "2026-03-12 02:00"),
            (100, "2026-03-13 02:00"),
            (0, "2026-03-14 02:00"),
        ):
            callback.create(
                {
                    "partner_id": cls.customers[0].id,
                    "ticket_id": cls.tickets[1].id,
                    "reason": "complaint_followup",
                    "satisfaction": satisfaction,
                    "outcome": "resolved",
                    "state": "done",
                    "done_date": day,
                    "company_id": cls.company.id,
                }
            )
        # March: on time and scored 90, on time unscored, late scored 70,
        # overdue and still to submit; one not due yet; February: on time, 60
        cls.submissions = cls.env["cs.report.submission"]
        for submitter, kind, due, submitted, score in (
            (cls.supervisor, "month", "2026-03-03", "2026-03-02 02:00", 90),
            (cls.supervisor2, "month", "2026-03-03", "2026-03-03 02:00", None),
            (cls.manager, "month", "2026-03-05", "2026-03-07 02:00", 70),
            (cls.supervisor, "week", "2026-03-31", None, None),
            (cls.supervisor2, "week", "2026-04-05", None, None),
            (cls.manager, "week", "2026-02-20", "2026-02-19 02:00", 60),
        ):
            # planned by the superuser: a manager never plans his own reports
            submission = cls.submissions.create(
                {
                    "submitter_id": submitter.id,
                    "recipient_id": cls.general_manager.id,
                    "period_type": kind,
                    "date_from": "2026-02-01" if kind == "month" else due,
                    "date_to": "2026-02-28" if kind == "month" else due,
                    "due_date": due,
                    "team_id": cls.team.id,
                    "company_id": cls.company.id,
                }
            )
            if submitted:
                with freeze_time(submitted):
                    mine = submission.with_user(submitter)
                    mine.workbook = WORKBOOK
                    mine.workbook_name = "report.xlsx"
                    mine.action_submit()
            if score is not None:
                submission.with_user(cls.general_manager).action_score(score)
            cls.submissions |= submission

    @classmethod
    def _tickets(cls, company, specs):
        tickets = cls.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Dashboard test {i}",
                    "description": "Dashboard test",
                    "company_id": company.id,
                    "team_id": cls.team.id if company == cls.company else False,
                    "partner_id": cls.customers[0].id,
                    "cs_request_kind": kind,
                }
                for i, (kind, _created, _closed) in enumerate(specs)
            ]
        )
        tickets.flush_recordset()
        for ticket, (_kind, created, closed) in zip(tickets, specs, strict=True):
            cls.env.cr.execute(
                SQL(
                    "UPDATE helpdesk_ticket SET create_date = %s, closed_date = %s "
                    "WHERE id = %s",
                    created,
                    closed or None,
                    ticket.id,
                )
            )
        tickets.invalidate_recordset()
        return tickets

    def _data(self, user, *args):
        return (
            self.env["cs.department.dashboard"]
            .with_user(user)
            .with_company(self.company)
            .cs_dashboard_data(*args)
        )

    @staticmethod
    def _figures(data):
        return {
            figure["key"]: (figure["value"], figure["previous"])
            for figure in data["figures"]
        }

    @freeze_time(NOW)
    def test_general_manager_sees_march_and_february(self):
        """By default the last complete month, March, next to February."""
        data = self._data(self.general_manager)
        self.assertEqual(data["period"]["date_from"], "2026-03-01")
        self.assertEqual(data["period"]["date_to"], "2026-03-31")
        self.assertEqual(data["previous_period"]["date_from"], "2026-02-01")
        self.assertEqual(data["period"]["label"], "March 2026")
        self.assertFalse(data["is_current"])
        figures = self._figures(data)
        # March: 3 complaints (the first at midnight in Shanghai, the last a
        # minute before the end), not the consultation nor the other
        # company's; February: 1
        self.assertEqual(figures["complaints"], (3, 1))
        self.assertEqual(figures["complaint_rate"], (1.5, 0.5))
        # 60 and 100; the unrated callback is not a 0; none in February
        self.assertEqual(figures["satisfaction"], (80.0, None))
        # median of the closed complaints: 4 h and 2 h; February 1 h
        self.assertEqual(figures["complaint_handling"], (3.0, 1.0))
        # no change order in either month: nothing measured, not 0
        self.assertEqual(figures["change_lead_time"], (None, None))
        # due in March: on time twice out of four (late, and overdue); the one
        # due in April does not count; February: one on time of one
        self.assertEqual(figures["reports_on_time"], (0.5, 1.0))
        # 90 and 70: the unscored one is left out, not counted as 0
        self.assertEqual(figures["report_score"], (80.0, 60.0))

    @freeze_time(NOW)
    def test_figures_open_their_records(self):
        """Each figure's action lists the records it counts."""
        data = self._data(self.general_manager)
        actions = {figure["key"]: figure for figure in data["figures"]}
        as_gm = self.env(
            user=self.general_manager, context={"allowed_company_ids": self.company.ids}
        )
        complaints = actions["complaints"]["action"]
        self.assertEqual(complaints["res_model"], "helpdesk.ticket")
        self.assertEqual(
            as_gm["helpdesk.ticket"].search(complaints["domain"]),
            self.tickets[:3],
        )
        previous = actions["complaints"]["previous_action"]
        self.assertEqual(
            as_gm["helpdesk.ticket"].search(previous["domain"]), self.tickets[4]
        )
        handled = actions["complaint_handling"]["action"]
        self.assertEqual(
            as_gm["helpdesk.ticket"].search(handled["domain"]), self.tickets[:2]
        )
        rated = as_gm["cs.callback"].search(actions["satisfaction"]["action"]["domain"])
        self.assertEqual(sorted(rated.mapped("satisfaction")), [60, 100])
        due = as_gm["cs.report.submission"].search(
            actions["reports_on_time"]["action"]["domain"]
        )
        self.assertEqual(due, self.submissions[:4])
        scored = as_gm["cs.report.submission"].search(
            actions["report_score"]["action"]["domain"]
        )
        self.assertEqual(scored, self.submissions[0] | self.submissions[2])
        # the reports' timeliness and scores also by pivot and graph
        views = [view for _id, view in actions["report_score"]["action"]["views"]]
        self.assertIn("pivot", views)
        self.assertIn("graph", views)

    @freeze_time(NOW)
    def test_quarter_and_current_period(self):
        """Q1 next to Q4 2025; the current month, to date, next to March."""
        data = self._data(self.general_manager, "quarter")
        self.assertEqual(data["period"]["date_from"], "2026-01-01")
        self.assertEqual(data["period"]["date_to"], "2026-03-31")
        self.assertEqual(data["previous_period"]["date_from"], "2025-10-01")
        self.assertEqual(data["period"]["label"], "Q1 2026")
        figures = self._figures(data)
        self.assertEqual(figures["complaints"], (4, 0))
        self.assertAlmostEqual(figures["report_score"][0], 220 / 3)
        self.assertIsNone(figures["report_score"][1])
        current = self._data(self.general_manager, "month", "2026-04-15")
        self.assertEqual(current["period"]["date_from"], "2026-04-01")
        self.assertTrue(current["is_current"])
        self.assertEqual(current["period"]["label"], "April 2026 (to date)")
        self.assertEqual(self._figures(current)["complaints"], (0, 3))
        with self.assertRaises(UserError):
            self._data(self.general_manager, "month", "2026-05-01")
        with self.assertRaises(UserError):
            self._data(self.general_manager, "week")
        with self.assertRaises(UserError):
            self._data(self.general_manager, "month", "not a date")

    @freeze_time(NOW)
    def test_records_he_may_not_read_do_not_count(self):
        """Measured as the user: a March complaint a record rule hides from
        him is not counted, nor listed; the superuser counts it."""
        self._tickets(self.company, [("complaint", "2026-03-20 08:00", False)])
        self.env["ir.rule"].create(
            {
                "name": "Dashboard test: hide the last ticket",
                "model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "domain_force": "[('name', '!=', 'Dashboard test 0')]",
                "global": True,
            }
        )
        # "Dashboard test 0" of the new batch and of the fixture (the
        # complaint of 1 March, 4 h) are both hidden
        figures = self._figures(self._data(self.general_manager))
        self.assertEqual(figures["complaints"], (2, 1))
        self.assertEqual(figures["complaint_handling"], (2.0, 1.0))
        everything = self._figures(
            self.env["cs.department.dashboard"]
            .with_user(self.general_manager)
            .with_company(self.company)
            .sudo()
            .cs_dashboard_data()
        )
        self.assertEqual(everything["complaints"], (4, 1))

    @freeze_time(NOW)
    def test_manager_sees_the_same_figures(self):
        self.assertEqual(
            self._figures(self._data(self.manager)),
            self._figures(self._data(self.general_manager)),
        )

    @freeze_time(NOW)
    def test_lower_users_are_refused(self):
        """A representative, a supervisor or finance opens no department
        dashboard: an access error, not zeros that would look like figures."""
        finance = new_test_user(
            self.env,
            login="cs_r_dash_fin",
            groups=GROUP % "finance",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        for user in (self.rep, self.supervisor, finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._data(user)

    @freeze_time(NOW)
    def test_general_manager_changes_nothing(self):
        """He reads the records behind the figures and writes none of them."""
        ticket = self.tickets[1].with_user(self.general_manager)
        self.assertEqual(ticket.name, "Dashboard test 1")
        with self.assertRaises(AccessError):
            ticket.write({"name": "Renamed by the GM"})
        callback = (
            self.env["cs.callback"]
            .with_user(self.general_manager)
            .search([("ticket_id", "=", self.tickets[1].id)], limit=1)
        )
        self.assertTrue(callback)
        with self.assertRaises(AccessError):
            callback.write({"notes": "Seen by the GM"})

    @freeze_time(NOW)
    def test_query_count_does_not_grow(self):
        """A constant number of grouped queries whatever the number of
        records."""

        def queries():
            self.env.invalidate_all()
            self._data(self.general_manager)  # warm the caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._data(self.general_manager)
            return self.env.cr.sql_log_count - before

        few = queries()
        self._tickets(
            self.company, [("complaint", "2026-03-15 08:00", "2026-03-15 09:00")] * 20
        )
        self.env["cs.callback"].create(
            [
                {
                    "partner_id": self.customers[1].id,
                    "reason": "other",
                    "satisfaction": 70,
                    "state": "done",
                    "done_date": "2026-03-16 02:00",
                    "company_id": self.company.id,
                }
            ]
            * 20
        )
        self.assertEqual(queries(), few)
