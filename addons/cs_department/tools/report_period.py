# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calendar periods of the department's reports (pure Python)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

PERIOD_TYPES = [
    ("week", "Weekly"),
    ("month", "Monthly"),
    ("quarter", "Quarterly"),
    ("year", "Yearly"),
]


def period_bounds(period_type, day):
    """``(first_day, last_day)`` of the ``period_type`` period holding ``day``;
    weeks start on Monday."""
    if period_type == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if period_type == "month":
        start = day.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)
    if period_type == "quarter":
        start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        return start, start + relativedelta(months=3, days=-1)
    if period_type == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    raise ValueError(period_type)


def previous_period(period_type, date_from):
    """Bounds of the period just before the one starting on ``date_from``."""
    return period_bounds(period_type, date_from - timedelta(days=1))
