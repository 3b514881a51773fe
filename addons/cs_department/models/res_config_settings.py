# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_callback_delay_days = fields.Integer(
        related="company_id.cs_callback_delay_days",
        readonly=False,
    )
    cs_satisfaction_threshold = fields.Integer(
        related="company_id.cs_satisfaction_threshold",
        readonly=False,
    )
    cs_quality_pass_score = fields.Integer(
        related="company_id.cs_quality_pass_score",
        readonly=False,
    )
    # ---- business-change orders ----
    cs_change_order_sla_id = fields.Many2one(
        related="company_id.cs_change_order_sla_id",
        readonly=False,
    )
    cs_change_order_expedited_sla_id = fields.Many2one(
        related="company_id.cs_change_order_expedited_sla_id",
        readonly=False,
    )
    # ---- traffic monitoring ----
    cs_default_team_id = fields.Many2one(
        related="company_id.cs_default_team_id",
        readonly=False,
    )
    cs_traffic_segment_months = fields.Integer(
        related="company_id.cs_traffic_segment_months",
        readonly=False,
    )
    cs_traffic_small_max = fields.Float(
        related="company_id.cs_traffic_small_max",
        readonly=False,
    )
    cs_traffic_large_min = fields.Float(
        related="company_id.cs_traffic_large_min",
        readonly=False,
    )
    cs_traffic_anomaly_granularity = fields.Selection(
        related="company_id.cs_traffic_anomaly_granularity",
        readonly=False,
        required=True,
    )
    cs_traffic_anomaly_window = fields.Integer(
        related="company_id.cs_traffic_anomaly_window",
        readonly=False,
    )
    cs_traffic_drop_threshold = fields.Float(
        related="company_id.cs_traffic_drop_threshold",
        readonly=False,
    )
    cs_traffic_rise_threshold = fields.Float(
        related="company_id.cs_traffic_rise_threshold",
        readonly=False,
    )
    # ---- department budgets ----
    cs_budget_currency_id = fields.Many2one(related="company_id.currency_id")
    cs_expense_finance_limit = fields.Monetary(
        related="company_id.cs_expense_finance_limit",
        currency_field="cs_budget_currency_id",
        readonly=False,
    )
    # ---- periodic reports ----
    cs_report_recipient_id = fields.Many2one(
        related="company_id.cs_report_recipient_id",
        readonly=False,
    )
    cs_report_due_days = fields.Integer(
        related="company_id.cs_report_due_days",
        readonly=False,
    )
