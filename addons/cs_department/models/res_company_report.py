# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_report_recipient_id = fields.Many2one(
        comodel_name="res.users",
        string="Periodic Reports Recipient",
        help="Receives and scores the department's periodic reports (the General "
        "Manager). No reports are planned without one.",
    )
    cs_report_due_days = fields.Integer(
        string="Report Due Delay (days)",
        default=3,
        help="Days after the end of its period when a report is due.",
    )

    _sql_constraints = [
        (
            "cs_report_due_days_positive",
            "CHECK(cs_report_due_days >= 0)",
            "The report due delay cannot be negative.",
        ),
    ]
