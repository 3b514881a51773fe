# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer ratings and SLA deadlines of the tickets (helpdesk_mgmt_rating,
helpdesk_mgmt_sla): which tickets ask for a rating, which closed late, which
open ones are overdue or due soon, and the assignee's reminder."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

#: An open ticket whose next SLA deadline is this close is "due soon".
SLA_DUE_SOON_HOURS = 4
#: The request kinds whose closing email asks the customer to rate.
RATED_KINDS = ("consultation", "complaint")


def rating_to_score(rating):
    """Odoo's rating (1 highly dissatisfied, 3 not satisfied, 5 satisfied) on
    the suite's 0-100 scale, linearly: 1 -> 0, 3 -> 50, 5 -> 100."""
    return (rating - 1) * 25.0


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cs_sla_late = fields.Boolean(
        string="Closed After an SLA Deadline",
        compute="_compute_cs_sla_late",
        store=True,
        help="One of the ticket's SLA deadlines passed before its stage was "
        "reached (closed tickets, and the expired deadlines of open ones).",
    )
    cs_sla_alert = fields.Selection(
        selection=[("overdue", "Overdue"), ("due_soon", "Due soon")],
        string="SLA Alert",
        compute="_compute_cs_sla_alert",
        search="_search_cs_sla_alert",
        help="Open tickets only: Overdue once an SLA deadline has passed, Due "
        "soon when the next one is less than 4 hours away.",
    )
    cs_sla_color = fields.Integer(
        compute="_compute_cs_sla_alert",
        help="Colour of the kanban card: red overdue, orange due soon.",
    )
    cs_rating_score = fields.Float(
        string="Customer Rating (0-100)",
        compute="_compute_cs_rating_score",
        help="The customer's last rating of the ticket on 0-100: Satisfied "
        "(5) is 100, Not satisfied (3) 50, Highly dissatisfied (1) 0. Empty "
        "while the customer has not rated.",
    )

    @api.depends("ticket_sla_ids.state", "ticket_sla_ids.deadline", "closed_date")
    def _compute_cs_sla_late(self):
        for ticket in self:
            ticket.cs_sla_late = any(
                sla.state == "expired"
                or (
                    sla.state == "in_progress"
                    and ticket.closed_date
                    and sla.deadline
                    and sla.deadline < ticket.closed_date
                )
                for sla in ticket.ticket_sla_ids
            )

    @api.depends("rating_last_value")
    def _compute_cs_rating_score(self):
        for ticket in self:
            value = ticket.sudo().rating_last_value
            ticket.cs_rating_score = rating_to_score(value) if value else False

    @api.depends("sla_expired", "sla_deadline", "stage_id")
    def _compute_cs_sla_alert(self):
        soon = fields.Datetime.now() + timedelta(hours=SLA_DUE_SOON_HOURS)
        for ticket in self:
            alert = False
            if ticket.closed:
                alert = False
            elif ticket.sla_expired:
                alert = "overdue"
            elif ticket.sla_deadline and ticket.sla_deadline < soon:
                alert = "due_soon"
            ticket.cs_sla_alert = alert
            # Odoo's colour indexes: 1 red, 2 orange
            ticket.cs_sla_color = {"overdue": 1, "due_soon": 2}.get(alert, 0)

    @api.model
    def _cs_sla_alert_domain(self, alert):
        """Domain of the open tickets of ``alert`` (``overdue``, ``due_soon``)."""
        now = fields.Datetime.now()
        overdue = [("ticket_sla_ids.expired", "=", True)]
        if alert == "overdue":
            domain = overdue
        else:
            domain = expression.AND(
                [
                    [
                        (
                            "ticket_sla_ids",
                            "any",
                            [
                                ("state", "=", "in_progress"),
                                ("deadline", ">=", now),
                                (
                                    "deadline",
                                    "<",
                                    now + timedelta(hours=SLA_DUE_SOON_HOURS),
                                ),
                            ],
                        )
                    ],
                    ["!", *overdue],
                ]
            )
        return expression.AND([[("stage_id.closed", "=", False)], domain])

    def _search_cs_sla_alert(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(operator)
        values = value if isinstance(value, list | tuple) else [value]
        domain = expression.OR(
            [self._cs_sla_alert_domain(alert) for alert in values if alert]
            or [expression.FALSE_DOMAIN]
        )
        if False in values:
            domain = expression.OR(
                [
                    domain,
                    [
                        "!",
                        *expression.OR(
                            [
                                self._cs_sla_alert_domain("overdue"),
                                self._cs_sla_alert_domain("due_soon"),
                            ]
                        ),
                    ],
                ]
            )
        if operator in ("!=", "not in"):
            domain = ["!", *domain]
        return domain

    # ---- ratings: consultations and complaints only ----
    def _send_ticket_rating_mail(self, force_send=False):
        """Business changes are confirmed by their own notification: only
        consultations and complaints ask the customer to rate."""
        return super(
            HelpdeskTicket,
            self.filtered(lambda ticket: ticket.cs_request_kind in RATED_KINDS),
        )._send_ticket_rating_mail(force_send=force_send)

    # ---- the assignee's reminder of overdue and due-soon tickets ----
    @api.model
    def _cron_cs_sla_activities(self):
        """Schedule, for the assignee of each open ticket overdue or due soon,
        one "SLA deadline" activity due today (his day); a ticket that ever
        had one gets no second, even once it is done (the job is idempotent).
        Returns the tickets that got one. One search of the tickets and one of
        the activities."""
        activity_type = self.env.ref("cs_department.mail_activity_type_cs_sla")
        tickets = self.sudo().search(
            expression.AND(
                [
                    [("user_id", "!=", False)],
                    expression.OR(
                        [
                            self._cs_sla_alert_domain("overdue"),
                            self._cs_sla_alert_domain("due_soon"),
                        ]
                    ),
                ]
            )
        )
        # one reminder per ticket, even once marked done (archived)
        reminded = (
            self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "in", tickets.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        tickets = tickets.filtered(lambda ticket: ticket.id not in set(reminded))
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "user_id": ticket.user_id.id,
                    "summary": self.env._("SLA deadline: %s", ticket.number),
                    "date_deadline": ticket.company_id._cs_today(ticket.user_id),
                }
                for ticket in tickets
            ]
        )
        return tickets
