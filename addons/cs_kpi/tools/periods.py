# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calendar periods of the suite, in one place (pure Python, no Odoo import).

Appraisal campaigns are numbered quarters, half-years and years; the department's
reports are the week, month, quarter or year holding a day; traffic is counted
per day, week or month. All of them are computed here.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

#: Months in the periods of appraisal campaigns.
PERIOD_MONTHS = {"quarter": 3, "half_year": 6, "year": 12}
#: Length of one period of each kind.
PERIOD_STEPS = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "half_year": relativedelta(months=6),
    "year": relativedelta(years=1),
}


def numbered_period(period_type, year, number=1):
    """``(first_day, last_day)`` of period ``number`` (quarter 1-4, half-year
    1-2; ignored for a year) of ``year``; ``ValueError`` when out of range."""
    months = PERIOD_MONTHS[period_type]
    number = 1 if period_type == "year" else number
    if not 1 <= number <= 12 // months:
        raise ValueError(f"{period_type} {number}")
    start = date(year, 1, 1) + relativedelta(months=months * (number - 1))
    return start, period_end(start, period_type)


def period_bounds(period_type, day):
    """``(first_day, last_day)`` of the ``period_type`` period holding ``day``;
    weeks start on Monday."""
    if period_type == "day":
        return day, day
    if period_type == "week":
        start = day - timedelta(days=day.weekday())
    elif period_type in PERIOD_MONTHS or period_type == "month":
        months = PERIOD_MONTHS.get(period_type, 1)
        start = day.replace(month=(day.month - 1) // months * months + 1, day=1)
    else:
        raise ValueError(period_type)
    return start, period_end(start, period_type)


def period_end(start, period_type):
    """Last day of the ``period_type`` period starting on ``start``."""
    return start + PERIOD_STEPS[period_type] - relativedelta(days=1)


def previous_period(period_type, date_from):
    """Bounds of the period just before the one starting on ``date_from``."""
    return period_bounds(period_type, date_from - timedelta(days=1))
