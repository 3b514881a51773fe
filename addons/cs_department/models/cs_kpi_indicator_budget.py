# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .cs_kpi_indicator import _back_to_manual


class CsKpiIndicator(models.Model):
    _inherit = "cs.kpi.indicator"

    source = fields.Selection(
        selection_add=[
            (
                "cs_expense_within_budget_rate",
                "Share of the expense requests approved within the budget (%)",
            ),
        ],
        ondelete={"cs_expense_within_budget_rate": _back_to_manual},
    )
