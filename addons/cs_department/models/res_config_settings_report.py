# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_report_recipient_id = fields.Many2one(
        related="company_id.cs_report_recipient_id",
        readonly=False,
    )
    cs_report_due_days = fields.Integer(
        related="company_id.cs_report_due_days",
        readonly=False,
    )
