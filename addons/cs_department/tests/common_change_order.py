# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

GROUP = "base.group_user,cs_department.cs_department_group_%s"


def round_the_clock_rules(env, company, normal_hours=72, expedited_hours=4):
    """Change-order SLA rules of ``normal_hours`` and ``expedited_hours`` on a
    round-the-clock calendar (the company's and its teams'), so that a test's
    due times are wall-clock hours after the request; the rules match no
    ticket. Returns (normal rule, expedited rule)."""
    calendar = env["resource.calendar"].create(
        {
            "name": "Round the clock",
            "tz": "UTC",
            "hours_per_day": 24,
            "company_id": company.id,
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"Day {day}",
                        "dayofweek": str(day),
                        "hour_from": 0,
                        "hour_to": 24,
                        "day_period": "morning",
                    }
                )
                for day in range(7)
            ],
        }
    )
    company.resource_calendar_id = calendar
    env["helpdesk.ticket.team"].search(
        [("company_id", "in", [company.id, False])]
    ).resource_calendar_id = calendar
    rules = env["helpdesk.sla"].create(
        [
            {"name": name, "hours": hours, "days": 0, "domain": "[('id', '=', 0)]"}
            for name, hours in (
                ("Test change order", normal_hours),
                ("Test expedited change order", expedited_hours),
            )
        ]
    )
    company.write(
        {
            "cs_change_order_sla_id": rules[0].id,
            "cs_change_order_expedited_sla_id": rules[1].id,
        }
    )
    return rules


class CsChangeOrderCommon(TransactionCase):
    """Users of every CS role, a customer with two lines and a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.company = cls.env.company
        cls.normal_rule, cls.expedited_rule = round_the_clock_rules(
            cls.env, cls.company
        )
        cls.rep = new_test_user(
            cls.env,
            login="cs_co_rep1",
            name="Rep One",
            email="rep1@example.com",
            groups=GROUP % "representative",
        )
        cls.rep2 = new_test_user(
            cls.env,
            login="cs_co_rep2",
            name="Rep Two",
            email="rep2@example.com",
            groups=GROUP % "representative",
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="cs_co_sup",
            name="Supervisor",
            email="sup@example.com",
            groups=GROUP % "supervisor",
        )
        cls.manager = new_test_user(
            cls.env,
            login="cs_co_mgr",
            name="Manager",
            email="mgr@example.com",
            groups=GROUP % "manager",
        )
        cls.engineer = new_test_user(
            cls.env,
            login="cs_co_eng",
            name="Engineer",
            email="eng@example.com",
            groups=GROUP % "engineer",
        )
        cls.employee = new_test_user(
            cls.env, login="cs_co_emp", name="Employee", groups="base.group_user"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Acme Trading", "email": "it@acme.example.com", "lang": "en_US"}
        )
        cls.ServiceLine = cls.env["cs.service.line"]
        cls.ip_line = cls.ServiceLine.create(
            {
                "name": "010-6000-1001",
                "partner_id": cls.customer.id,
                "service_type": "ip",
            }
        )
        cls.ld_line = cls.ServiceLine.create(
            {
                "name": "010-6000-2002",
                "partner_id": cls.customer.id,
                "service_type": "long_distance",
                "permission_level": "national",
                "basic_data": "Old address",
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Please add a line",
                "description": "<p>The customer wants a new IP line.</p>",
                "partner_id": cls.customer.id,
                "user_id": cls.rep.id,
            }
        )

    @classmethod
    def _create_order(cls, user=None, expedited=False, lines=None, **vals):
        """Create a draft change order as ``user`` (the representative by default)."""
        lines = lines or [
            {
                "change_type": "change_permission",
                "service_line_id": cls.ld_line.id,
                "new_permission_level": "international",
            }
        ]
        return (
            cls.env["cs.change.order"]
            .with_user(user or cls.rep)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "expedited": expedited,
                    "line_ids": [Command.create(line) for line in lines],
                    **vals,
                }
            )
        )

    def _approved_order(self, expedited=False, **vals):
        """An order taken through verification and every review up to approval."""
        order = self._create_order(expedited=expedited, **vals)
        order.action_verify()
        order.with_user(self.rep2).validate_tier()
        if expedited:
            order.with_user(self.supervisor).validate_tier()
        # The last validation approves the order.
        return order

    @staticmethod
    def _now():
        return fields.Datetime.now()
