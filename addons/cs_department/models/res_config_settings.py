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
    # ---- business-change orders ----
    cs_change_order_expedited_hours = fields.Float(
        related="company_id.cs_change_order_expedited_hours",
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
    cs_change_order_normal_hours = fields.Float(
        related="company_id.cs_change_order_normal_hours",
        readonly=False,
    )
