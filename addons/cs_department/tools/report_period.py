# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calendar periods of the department's reports."""

# The arithmetic is the suite's one (cs_kpi/tools/periods.py): re-exported here
# for the report's modules.
from odoo.addons.cs_kpi.tools.periods import period_bounds, previous_period

PERIOD_TYPES = [
    ("week", "Weekly"),
    ("month", "Monthly"),
    ("quarter", "Quarterly"),
    ("year", "Yearly"),
]

__all__ = ["PERIOD_TYPES", "period_bounds", "previous_period"]
