# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import CsDepartmentCommon, assert_explains

RATE = "cs_complaint_rate"


@tagged("post_install", "-at_install")
class TestKpiComplaintRate(CsDepartmentCommon):
    """Complaints per 100 active customers of a person and the people he
    leads, in Q1 2026 (Asia/Shanghai).

    Hierarchy: manager > supervisor > representative, colleague;
    representative_other is outside of it. Four customers have a service
    line active in the quarter.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env,
            login="cs_t_rate_hr",
            groups="cs_kpi.cs_kpi_group_hr_officer",
            tz="Asia/Shanghai",
        )
        cls.job = cls.env["hr.job"].create({"name": "CS Test Complaint Rate"})
        cls.indicator = cls.env.ref("cs_department.cs_kpi_indicator_complaint_rate")
        cls.env["cs.kpi.template"].create(
            {
                "name": "CS test complaint rate",
                "period_type": "quarter",
                "job_ids": [Command.set(cls.job.ids)],
                "kpi_weight": 100,
                "competency_weight": 0,
                "line_ids": [
                    Command.create({"indicator_id": cls.indicator.id, "weight": 100})
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
        employee(cls.representative_other)
        # the demo data's lines are closed: only the lines below count
        cls.env["cs.service.line"].search([]).write({"state": "closed"})
        # customers active in the quarter: 4 (one line started before it,
        # one ended inside it); not counted: closed, ended before, starting
        # after, another company's
        Partner = cls.env["res.partner"]
        lines = [
            ("active", date(2025, 6, 1), False),
            ("active", date(2026, 3, 31), False),
            ("active", date(2025, 1, 1), date(2026, 1, 1)),
            ("active", date(2026, 2, 1), False),
            ("closed", date(2025, 1, 1), False),
            ("active", date(2025, 1, 1), date(2025, 12, 31)),
            ("active", date(2026, 4, 1), False),
        ]
        cls.env["cs.service.line"].create(
            [
                {
                    "name": f"RATE-{index}",
                    "partner_id": Partner.create({"name": f"Rate {index}"}).id,
                    "service_type": "ip",
                    "state": state,
                    "date_start": start,
                    "date_end": end,
                }
                for index, (state, start, end) in enumerate(lines)
            ]
        )
        company2 = cls.env["res.company"].create({"name": "CS Rate Company 2"})
        cls.env["cs.service.line"].create(
            {
                "name": "RATE-other",
                "partner_id": Partner.create({"name": "Rate other"}).id,
                "service_type": "ip",
                "company_id": company2.id,
                "date_start": date(2025, 1, 1),
            }
        )
        # complaints accepted in the quarter, its days in Shanghai
        complaints = [
            (cls.representative, "2026-01-15 02:00:00"),
            (cls.representative, "2026-03-31 15:59:00"),  # 23:59 on 31 March
            (cls.colleague, "2025-12-31 16:01:00"),  # 00:01 on 1 January
            (cls.supervisor, "2026-02-10 02:00:00"),
            (cls.manager, "2026-02-09 02:00:00"),
            (cls.representative_other, "2026-02-11 02:00:00"),
            # outside the quarter
            (cls.representative, "2026-03-31 16:01:00"),
            (cls.colleague, "2025-12-31 15:59:00"),
        ]
        tickets = cls.env["helpdesk.ticket"]
        for user, __ in complaints:
            tickets |= cls._create_ticket("complaint", user=user)
        tickets |= cls._create_ticket("consultation", user=cls.representative)
        moments = [moment for __, moment in complaints] + ["2026-02-12 02:00:00"]
        # the creation date is the transaction's: set as it was then
        tickets.flush_recordset()
        for ticket, moment in zip(tickets, moments, strict=True):
            cls.env.cr.execute(
                "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
                (moment, ticket.id),
            )
        tickets.invalidate_recordset(["create_date"])

    def _campaign(self):
        return self._open_q1_campaign("CS complaint rate Q1")

    def _line(self, campaign, user):
        return campaign.sheet_ids.line_ids.filtered(
            lambda line: line.employee_id.user_id == user
        )

    def test_rate_of_a_person_and_his_team(self):
        campaign = self._campaign()
        # (actual: complaints per 100 of the 4 active customers, score: 100 at
        # 1 or fewer, 0 at 5 or more)
        expected = {
            self.manager: (125.0, 0.0),  # his own 1, his team's 4
            self.supervisor: (100.0, 0.0),  # his own 1, his group's 3
            self.representative: (50.0, 0.0),
            self.colleague: (25.0, 0.0),
            self.representative_other: (25.0, 0.0),
        }
        for user, (actual, score) in expected.items():
            line = self._line(campaign, user)
            self.assertTrue(line.is_measured, user.login)
            self.assertEqual((line.actual, line.score), (actual, score), user.login)

    def test_explain(self):
        """The complaints the explanation lists, per 100 active customers,
        make each line's actual."""
        campaign = self._campaign()
        lines = campaign.sheet_ids.line_ids
        customers = lines._cs_complaint_rate_customers(campaign)
        self.assertEqual(customers, 4)
        explanations = assert_explains(
            self, lines, lambda records, line: len(records) * 100.0 / customers
        )
        line = self._line(campaign, self.manager)
        self.assertEqual(
            explanations[line.id][2],
            "125 = 5 complaints accepted in the period by him and the people he "
            "leads, per 100 of the 4 active customers.",
        )

    def test_linear_score_lower_is_better(self):
        """With 100 active customers, 2 complaints score 75."""
        Partner = self.env["res.partner"]
        self.env["cs.service.line"].create(
            [
                {
                    "name": f"RATE-MORE-{index}",
                    "partner_id": Partner.create({"name": f"More {index}"}).id,
                    "service_type": "ip",
                    "date_start": date(2025, 1, 1),
                }
                for index in range(96)
            ]
        )
        line = self._line(self._campaign(), self.representative)
        self.assertEqual((line.actual, line.score), (2.0, 75.0))

    def test_no_active_customer_unmeasured(self):
        self.env["cs.service.line"].search([("name", "like", "RATE-")]).write(
            {"state": "closed"}
        )
        line = self._line(self._campaign(), self.manager)
        self.assertFalse(line.is_measured)
        self.assertEqual(line.score, 0.0)

    def test_query_count_constant(self):
        """One line or all five: the same queries."""
        campaign = self._campaign()
        # browsed, as the dispatcher's batches: the ids are their own prefetch
        Line = self.env["cs.kpi.sheet.line"].sudo()
        lines = Line.browse(campaign.sheet_ids.line_ids.ids)
        one = Line.browse(lines[:1].ids)
        self.assertEqual(len(lines), 5)
        self.env.flush_all()
        # warm the caches that outlive the records' (access rules...)
        for subset in (one, lines):
            subset._measure_source_cs_complaint_rate(campaign)
        counts = []
        for subset in (one, lines):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            measured = subset._measure_source_cs_complaint_rate(campaign)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(measured), len(subset))
        self.assertEqual(counts[0], counts[1], counts)
