# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


def _back_to_manual(indicators):
    """Uninstalling: indicators measured from callbacks fall back to manual entry."""
    return indicators.write({"measure_type": "manual", "source": "manual"})


class CsKpiIndicator(models.Model):
    _inherit = "cs.kpi.indicator"

    source = fields.Selection(
        selection_add=[
            ("cs_callback_satisfaction", "Average satisfaction of the callbacks"),
            (
                "cs_complaint_followup_pass_rate",
                "Pass rate of the complaint follow-ups (%)",
            ),
            # ---- equipment work orders ----
            ("cs_work_order_on_time_rate", "Work orders done on time (%)"),
            ("cs_work_order_quality", "Average quality rating of the work orders"),
        ],
        ondelete={
            "cs_callback_satisfaction": _back_to_manual,
            "cs_complaint_followup_pass_rate": _back_to_manual,
            "cs_work_order_on_time_rate": _back_to_manual,
            "cs_work_order_quality": _back_to_manual,
        },
    )
