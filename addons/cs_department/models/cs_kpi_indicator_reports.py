# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .cs_kpi_indicator import _back_to_manual


class CsKpiIndicator(models.Model):
    _name = "cs.kpi.indicator"
    _inherit = ["cs.kpi.indicator"]

    source = fields.Selection(
        selection_add=[
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
        ],
        ondelete={
            "cs_report_timeliness": _back_to_manual,
            "cs_quality_check_score": _back_to_manual,
            "cs_change_order_accuracy": _back_to_manual,
            "cs_change_order_timeliness": _back_to_manual,
        },
    )
