# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


def _fall_back_to_manual(indicators):
    """Uninstalling: indicators measured from callbacks fall back to manual entry."""
    return indicators._fall_back_to_manual()


class CsKpiIndicator(models.Model):
    _inherit = "cs.kpi.indicator"

    cs_from_report_scores = fields.Boolean(
        string="Filled from the report scores",
        help="Evaluation indicator: each person who scored the quality of the "
        "appraised person's periodic reports due in the campaign period gives "
        "one submitted evaluation, the rounded mean of his scores.",
    )
    cs_rating_weight = fields.Integer(
        string="Weight of the Customer Ratings (%)",
        default=0,
        help="Satisfaction indicators measured from the callbacks (average "
        "satisfaction of the callbacks, of the person or of his team): the "
        "share (0-100) of the customers' ratings of the tickets closed in the "
        "period in the measured figure, the callbacks weighing the rest. A "
        "rating counts on 0-100: Satisfied (5) is 100, Not satisfied (3) 50, "
        "Highly dissatisfied (1) 0; an unrated ticket never counts. When a "
        "person has no rated ticket, or no callback, the other side alone "
        "counts. 0: callbacks only; 100: ratings only.",
    )
    source = fields.Selection(
        selection_add=[
            ("cs_callback_satisfaction", "Average satisfaction of the callbacks"),
            (
                "cs_complaint_followup_pass_rate",
                "Pass rate of the complaint follow-ups (%)",
            ),
            (
                "cs_expense_within_budget_rate",
                "Share of the expense requests approved within the budget (%)",
            ),
            ("cs_report_timeliness", "On-time share of the periodic reports (%)"),
            ("cs_quality_check_score", "Average score of the quality spot checks"),
            (
                "cs_change_order_accuracy",
                "Share of the finished change orders not rejected (%)",
            ),
            (
                "cs_change_order_timeliness",
                "Share of the change orders activated within their delay (%)",
            ),
            ("cs_work_order_on_time_rate", "Work orders done on time (%)"),
            ("cs_work_order_quality", "Average quality rating of the work orders"),
            (
                "cs_work_order_customer_rating",
                "Average rating of the visits signed off by the customers",
            ),
            (
                "cs_team_callback_satisfaction",
                "Average satisfaction of the callbacks on the team's tickets",
            ),
            (
                "cs_team_complaint_satisfaction",
                "Average satisfaction of the team's complaint follow-ups",
            ),
            (
                "cs_team_quality_pass_rate",
                "Pass rate of the team's quality spot checks (%)",
            ),
            (
                "cs_change_order_quality",
                "Share of the change orders handled accurately and on time (%)",
            ),
            (
                "cs_traffic_callback_rate",
                "Share of the traffic anomalies called back in time (%)",
            ),
            (
                "cs_complaint_rate",
                "Complaints per 100 active customers, of the person and his team",
            ),
            (
                "cs_ticket_rating",
                "Average customer rating of the closed tickets (0-100)",
            ),
            (
                "cs_team_ticket_rating",
                "Average customer rating of the team's closed tickets (0-100)",
            ),
            (
                "cs_ticket_sla_rate",
                "Share of the closed tickets within their SLA deadlines (%)",
            ),
            (
                "cs_team_ticket_sla_rate",
                "Share of the team's closed tickets within their SLA deadlines (%)",
            ),
        ],
        ondelete={
            "cs_callback_satisfaction": _fall_back_to_manual,
            "cs_complaint_followup_pass_rate": _fall_back_to_manual,
            "cs_expense_within_budget_rate": _fall_back_to_manual,
            "cs_report_timeliness": _fall_back_to_manual,
            "cs_quality_check_score": _fall_back_to_manual,
            "cs_change_order_accuracy": _fall_back_to_manual,
            "cs_change_order_timeliness": _fall_back_to_manual,
            "cs_work_order_on_time_rate": _fall_back_to_manual,
            "cs_work_order_quality": _fall_back_to_manual,
            "cs_work_order_customer_rating": _fall_back_to_manual,
            "cs_team_callback_satisfaction": _fall_back_to_manual,
            "cs_team_complaint_satisfaction": _fall_back_to_manual,
            "cs_team_quality_pass_rate": _fall_back_to_manual,
            "cs_change_order_quality": _fall_back_to_manual,
            "cs_traffic_callback_rate": _fall_back_to_manual,
            "cs_complaint_rate": _fall_back_to_manual,
            "cs_ticket_rating": _fall_back_to_manual,
            "cs_team_ticket_rating": _fall_back_to_manual,
            "cs_ticket_sla_rate": _fall_back_to_manual,
            "cs_team_ticket_sla_rate": _fall_back_to_manual,
        },
    )

    @api.constrains("cs_rating_weight")
    def _check_cs_rating_weight(self):
        for indicator in self:
            if not 0 <= indicator.cs_rating_weight <= 100:
                raise ValidationError(
                    self.env._(
                        "The weight of the customer ratings of %(indicator)s must "
                        "be between 0 and 100.",
                        indicator=indicator.name,
                    )
                )
