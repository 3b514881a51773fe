# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Unit tests of the suite's one period arithmetic (cs_kpi/tools/periods.py)."""

from datetime import date

import pytest


@pytest.fixture(scope="module")
def periods(pure):
    return pure("cs_kpi/tools/periods.py")


def test_numbered_periods(periods):
    """Quarters, half-years and years by number; out of range refused."""
    assert periods.numbered_period("quarter", 2026, 4) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert periods.numbered_period("half_year", 2024, 1) == (
        date(2024, 1, 1),
        date(2024, 6, 30),
    )
    assert periods.numbered_period("year", 2025, 9) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    with pytest.raises(ValueError):
        periods.numbered_period("quarter", 2026, 5)
    with pytest.raises(ValueError):
        periods.numbered_period("half_year", 2026, 0)


def test_period_holding_a_day(periods):
    """The week (from Monday), month, quarter, half-year and year of a day."""
    day = date(2024, 2, 29)  # a Thursday of a leap year
    assert periods.period_bounds("day", day) == (day, day)
    assert periods.period_bounds("week", day) == (date(2024, 2, 26), date(2024, 3, 3))
    assert periods.period_bounds("month", day) == (date(2024, 2, 1), day)
    assert periods.period_bounds("quarter", day) == (
        date(2024, 1, 1),
        date(2024, 3, 31),
    )
    assert periods.period_bounds("half_year", date(2024, 7, 1)) == (
        date(2024, 7, 1),
        date(2024, 12, 31),
    )
    assert periods.period_bounds("year", day) == (date(2024, 1, 1), date(2024, 12, 31))
    with pytest.raises(ValueError):
        periods.period_bounds("fortnight", day)


def test_period_end_and_previous(periods):
    """A period's last day from its start; the period before a start."""
    assert periods.period_end(date(2026, 2, 1), "month") == date(2026, 2, 28)
    assert periods.period_end(date(2026, 12, 7), "week") == date(2026, 12, 13)
    assert periods.previous_period("quarter", date(2026, 1, 1)) == (
        date(2025, 10, 1),
        date(2025, 12, 31),
    )
