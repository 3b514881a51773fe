# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_default_team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Default Customer Service Team",
        check_company=True,
        help="Team whose representatives call back the customers who have no "
        "ticket yet (traffic anomalies).",
    )
    cs_traffic_segment_months = fields.Integer(
        string="Segment Months",
        default=3,
        help="Number of complete months whose average monthly volume sets the "
        "traffic segment of a customer.",
    )
    cs_traffic_small_max = fields.Float(
        string="Small Customers Below",
        default=1000.0,
        help="A customer whose average monthly volume is below this is small.",
    )
    cs_traffic_large_min = fields.Float(
        string="Large Customers From",
        default=10000.0,
        help="A customer whose average monthly volume reaches this is large; "
        "between the two thresholds he is medium.",
    )
    cs_traffic_anomaly_granularity = fields.Selection(
        selection=[("week", "Week"), ("month", "Month")],
        string="Anomaly Period",
        default="month",
        required=True,
        help="Period of the traffic records the anomaly detection compares.",
    )
    cs_traffic_anomaly_window = fields.Integer(
        string="Anomaly Trailing Periods",
        default=3,
        help="Number of periods before the latest complete one whose average is "
        "the reference.",
    )
    cs_traffic_drop_threshold = fields.Float(
        string="Traffic Drop Threshold (%)",
        default=30.0,
        help="A small customer whose traffic falls by at least this share of its "
        "trailing average is called back.",
    )
    cs_traffic_rise_threshold = fields.Float(
        string="Traffic Rise Threshold (%)",
        default=50.0,
        help="A small customer whose traffic grows by at least this share of its "
        "trailing average is called back.",
    )

    _sql_constraints = [
        (
            "cs_traffic_segment_months_positive",
            "CHECK(cs_traffic_segment_months > 0)",
            "The number of segment months must be positive.",
        ),
        (
            "cs_traffic_segment_thresholds",
            (
                "CHECK(cs_traffic_small_max >= 0 "
                "AND cs_traffic_large_min >= cs_traffic_small_max)"
            ),
            "The large-customer threshold must be at least the small-customer one.",
        ),
        (
            "cs_traffic_anomaly_window_positive",
            "CHECK(cs_traffic_anomaly_window > 0)",
            "The number of trailing periods must be positive.",
        ),
        (
            "cs_traffic_anomaly_thresholds_positive",
            "CHECK(cs_traffic_drop_threshold > 0 AND cs_traffic_rise_threshold > 0)",
            "The drop and rise thresholds must be positive.",
        ),
    ]
