# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Unit tests of cs_kpi's pure scoring module (no Odoo needed)."""

import pytest


@pytest.fixture(scope="module")
def scoring(pure):
    return pure("cs_kpi/tools/scoring.py")


def test_round_half_up(scoring):
    """Rounding is half-up at 2 decimals, unlike round()'s banker's rounding."""
    assert scoring.round_half_up(2.345) == 2.35
    assert scoring.round_half_up(2.344) == 2.34
    assert scoring.round_half_up(0.125) == 0.13
    assert round(0.125, 2) == 0.12  # what we avoid
    assert scoring.round_half_up(-1.005) == -1.01
    assert scoring.round_half_up(None) is None


def test_direct(scoring):
    """A direct score is the entered value, refused outside 0..100."""
    assert scoring.score_direct(87.456) == 87.46
    assert scoring.score_direct(0) == 0
    assert scoring.score_direct(100) == 100
    with pytest.raises(ValueError):
        scoring.score_direct(100.01)
    with pytest.raises(ValueError):
        scoring.score_direct(-1)


def test_target_ratio_higher_is_better(scoring):
    """actual/target in percent, capped at 100 by default."""
    assert scoring.score_target_ratio(80, 85) == 94.12
    assert scoring.score_target_ratio(90, 85) == 100.0
    assert scoring.score_target_ratio(90, 85, cap=120) == 105.88
    assert scoring.score_target_ratio(0, 85) == 0.0
    assert scoring.score_target_ratio(5, 0) == 100.0


def test_target_ratio_lower_is_better(scoring):
    """target/actual when lower is better (e.g. complaint rate), capped."""
    assert scoring.score_target_ratio(4, 2, higher_is_better=False) == 50.0
    assert scoring.score_target_ratio(1, 2, higher_is_better=False) == 100.0
    assert scoring.score_target_ratio(3, 2, higher_is_better=False) == 66.67
    assert scoring.score_target_ratio(0, 2, higher_is_better=False) == 100.0
    assert scoring.score_target_ratio(1, 0, higher_is_better=False) == 0.0


def test_linear(scoring):
    """0 at the floor, 100 at the target, clamped outside."""
    assert scoring.score_linear(70, 60, 80) == 50.0
    assert scoring.score_linear(55, 60, 80) == 0.0
    assert scoring.score_linear(95, 60, 80) == 100.0
    assert scoring.score_linear(5, 10, 2, higher_is_better=False) == 62.5
    assert scoring.score_linear(12, 10, 2, higher_is_better=False) == 0.0
    assert scoring.score_linear(80, 80, 80) == 100.0
    with pytest.raises(ValueError):
        scoring.score_linear(70, 90, 80)


def test_bands(scoring):
    """The band reached by the actual value gives the score."""
    bands = [(95, 100), (85, 80), (70, 60)]
    assert scoring.score_bands(96, bands) == 100
    assert scoring.score_bands(85, bands) == 80
    assert scoring.score_bands(72.5, bands) == 60
    assert scoring.score_bands(50, bands) == 0
    lower = [(1, 100), (3, 70), (5, 40)]
    assert scoring.score_bands(0.5, lower, higher_is_better=False) == 100
    assert scoring.score_bands(2, lower, higher_is_better=False) == 70
    assert scoring.score_bands(6, lower, higher_is_better=False) == 0


def test_pass_fail(scoring):
    """100 when the target is met, otherwise 0, in both directions."""
    assert scoring.score_pass_fail(85, 85) == 100
    assert scoring.score_pass_fail(84.99, 85) == 0
    assert scoring.score_pass_fail(2, 3, higher_is_better=False) == 100
    assert scoring.score_pass_fail(4, 3, higher_is_better=False) == 0


def test_compute_score_dispatch(scoring):
    """compute_score routes to each method and refuses unknown ones."""
    assert scoring.compute_score("direct", 70) == 70
    assert scoring.compute_score("target_ratio", 50, target=100) == 50
    assert scoring.compute_score("linear", 70, target=80, floor=60) == 50
    assert scoring.compute_score("bands", 90, bands=[(80, 75)]) == 75
    assert scoring.compute_score("pass_fail", 1, target=1) == 100
    with pytest.raises(ValueError):
        scoring.compute_score("magic", 1)


def test_always_scored_methods_never_refuse(scoring):
    """The methods the sheet line's check skips score every value, whatever
    the target, floor, cap or direction; the others can refuse one."""
    values = [-1e9, -100, -0.01, 0, 0.004, 1, 85, 100, 100.01, 1e9]
    for method in scoring.ALWAYS_SCORED:
        for actual in values:
            for target in values:
                for higher_is_better in (True, False):
                    score = scoring.compute_score(
                        method,
                        actual,
                        target=target,
                        higher_is_better=higher_is_better,
                        floor=-target,
                        cap=100.0,
                    )
                    assert 0 <= score <= 100
    assert scoring.ALWAYS_SCORED == {"target_ratio", "pass_fail"}
    with pytest.raises(ValueError):
        scoring.compute_score("direct", 101)
    with pytest.raises(ValueError):
        scoring.compute_score("linear", 5, target=0, floor=10)


def test_aggregate(scoring):
    """Evaluations aggregate by mean (default), median, min or max."""
    assert scoring.aggregate([80, 90, 95]) == 88.33
    assert scoring.aggregate([80, 90, 100, 10], "median") == 85
    assert scoring.aggregate([80, 90], "min") == 80
    assert scoring.aggregate([80, 90], "max") == 90
    assert scoring.aggregate([]) is None
    with pytest.raises(ValueError):
        scoring.aggregate([1], "mode")


def test_weighted_sums(scoring):
    """weighted = score * weight / 100; the KPI score sums them."""
    assert scoring.weighted_score(94.12, 50) == 47.06
    assert scoring.weighted_score(87.5, 10) == 8.75
    assert scoring.weighted_score(33.33, 33.33) == 11.11
    assert scoring.weights_total([50, 20, 10, 10, 10]) == 100
    assert scoring.kpi_score([47.06, 18.0, 8.75, 9.0, 7.5]) == 90.31


def test_rating_and_competency(scoring):
    """Ratings map to % of the scale top; sections weigh as configured."""
    assert scoring.rating_to_percent(4, 1, 5) == 80.0
    with pytest.raises(ValueError):
        scoring.check_rating(6, 1, 5)
    with pytest.raises(ValueError):
        scoring.check_rating(0, 1, 5)
    ratings = [("core", 4), ("core", 5), ("reference", 3), ("attitude", 5)]
    equal = {"core": 1, "reference": 1, "attitude": 1}
    # core 90, reference 60, attitude 100 -> mean 83.33
    assert scoring.competency_score(ratings, equal, 1, 5) == 83.33
    weighted = {"core": 50, "reference": 20, "attitude": 30}
    assert scoring.competency_score(ratings, weighted, 1, 5) == 87.0
    # a section without ratings drops out and the weights renormalise
    assert scoring.competency_score([("core", 4)], weighted, 1, 5) == 80.0
    assert scoring.competency_score([], equal) is None
    with pytest.raises(ValueError):
        scoring.competency_score([("core", 7)], equal, 1, 5)


def test_unrated_items_count_zero(scoring):
    """Unrated items passed as ``unrated`` count 0 in their section."""
    equal = {"core": 1, "reference": 1, "attitude": 1}
    # core (80 + 0) / 2 = 40, attitude 0 -> mean 20
    assert (
        scoring.competency_score(
            [("core", 4)], equal, 1, 5, unrated=["core", "attitude"]
        )
        == 20.0
    )
    assert scoring.competency_score([], equal, 1, 5, unrated=["core"]) == 0.0


def test_total_score(scoring):
    """The total combines KPI and competency scores with section weights."""
    assert scoring.total_score(90.31, None) == 90.31
    assert scoring.total_score(80, 90, 70, 30) == 83.0
    assert scoring.total_score(None, 75, 0, 100) == 75
    assert scoring.total_score(None, None) == 0.0


def test_grade(scoring):
    """Grades come from bands; below the lowest band gets the lowest grade."""
    bands = [(90, "A"), (80, "B"), (70, "C"), (0, "D")]
    assert scoring.grade(90, bands) == "A"
    assert scoring.grade(89.99, bands) == "B"
    assert scoring.grade(70, bands) == "C"
    assert scoring.grade(12, bands) == "D"
    assert scoring.grade(50, [(60, "P")]) == "P"
    assert scoring.grade(50, []) is None


def test_rank(scoring):
    """Competition ranking shares ties."""
    assert scoring.rank({"a": 90, "b": 95, "c": 90, "d": 70}) == {
        "b": 1,
        "a": 2,
        "c": 2,
        "d": 4,
    }
