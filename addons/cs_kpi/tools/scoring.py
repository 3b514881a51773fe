# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure scoring functions of the KPI engine (no Odoo import).

Every figure of an appraisal sheet is produced here, so that the arithmetic can
be unit-tested without a database. All scores are percentages in 0..100 and are
rounded half-up to two decimals (``round_half_up``), never with the banker's
rounding of ``round()``.
"""

from decimal import ROUND_HALF_UP, Decimal
from statistics import median

SCORE_MIN = 0.0
SCORE_MAX = 100.0
# The methods that score any actual value: ``compute_score`` never refuses one
# for them, whatever the target (only direct, linear and bands can refuse).
ALWAYS_SCORED = frozenset({"target_ratio", "pass_fail"})


def round_half_up(value, digits=2):
    """Round ``value`` half away from zero to ``digits`` decimals (2.345 -> 2.35)."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def clamp(value, low=SCORE_MIN, high=SCORE_MAX):
    """Keep ``value`` inside ``[low, high]``."""
    return max(low, min(high, value))


def check_score(value):
    """Raise ``ValueError`` when ``value`` is not a score between 0 and 100."""
    if value is None or value < SCORE_MIN or value > SCORE_MAX:
        raise ValueError(f"score {value!r} is outside 0..100")
    return value


def score_direct(actual):
    """The entered value is the score itself (0..100)."""
    return round_half_up(check_score(actual))


def score_target_ratio(actual, target, higher_is_better=True, cap=SCORE_MAX):
    """``actual / target`` (or ``target / actual`` when lower is better), in %.

    The result is capped at ``cap`` (100 by default; an indicator's cap is at
    most 100, the top of every stored score). A zero target scores ``cap``
    when it is met (lower is better and ``actual <= 0``, or higher is better)
    and 0 otherwise.
    """
    cap = SCORE_MAX if cap is None else cap
    if higher_is_better:
        if target <= 0:
            return round_half_up(cap)
        ratio = actual / target * 100.0
    else:
        if actual <= 0 or target <= 0:
            return round_half_up(cap if actual <= max(target, 0) else 0.0)
        ratio = target / actual * 100.0
    return round_half_up(clamp(ratio, SCORE_MIN, cap))


def score_linear(actual, floor, target, higher_is_better=True):
    """0 at ``floor``, 100 at ``target``, straight line in between, clamped.

    When lower is better the floor is the worst (highest) acceptable value and
    the target the best (lowest) one.
    """
    if floor == target:
        met = actual >= target if higher_is_better else actual <= target
        return SCORE_MAX if met else SCORE_MIN
    if (higher_is_better and floor > target) or (
        not higher_is_better and floor < target
    ):
        raise ValueError("the floor must be on the worse side of the target")
    ratio = (actual - floor) / (target - floor) * 100.0
    return round_half_up(clamp(ratio))


def score_bands(actual, bands, higher_is_better=True):
    """Score of the band reached by ``actual``.

    ``bands`` is an iterable of ``(threshold, score)`` pairs. When higher is
    better, the band with the highest threshold ``<= actual`` wins; when lower
    is better, the band with the lowest threshold ``>= actual``. No band
    reached scores 0.
    """
    reached = [
        (threshold, score)
        for threshold, score in bands
        if (actual >= threshold if higher_is_better else actual <= threshold)
    ]
    if not reached:
        return SCORE_MIN
    pick = max if higher_is_better else min
    return round_half_up(check_score(pick(reached, key=lambda band: band[0])[1]))


def score_pass_fail(actual, target, higher_is_better=True):
    """100 when the target is met, 0 otherwise."""
    met = actual >= target if higher_is_better else actual <= target
    return SCORE_MAX if met else SCORE_MIN


def compute_score(
    method,
    actual,
    target=0.0,
    higher_is_better=True,
    floor=0.0,
    cap=SCORE_MAX,
    bands=(),
):
    """Dispatch to the scoring ``method``; return a score rounded to 2 decimals."""
    if method == "direct":
        return score_direct(actual)
    if method == "target_ratio":
        return score_target_ratio(actual, target, higher_is_better, cap)
    if method == "linear":
        return score_linear(actual, floor, target, higher_is_better)
    if method == "bands":
        return score_bands(actual, bands, higher_is_better)
    if method == "pass_fail":
        return score_pass_fail(actual, target, higher_is_better)
    raise ValueError(f"unknown scoring method {method!r}")


def aggregate(values, method="mean"):
    """Aggregate evaluation scores (mean by default); ``None`` when empty."""
    values = [value for value in values if value is not None]
    if not values:
        return None
    if method == "mean":
        result = sum(values) / len(values)
    elif method == "median":
        result = median(values)
    elif method == "min":
        result = min(values)
    elif method == "max":
        result = max(values)
    else:
        raise ValueError(f"unknown aggregation {method!r}")
    return round_half_up(result)


def weighted_score(score, weight):
    """``score * weight / 100`` rounded half-up to 2 decimals."""
    return round_half_up((score or 0.0) * (weight or 0.0) / 100.0)


def weights_total(weights):
    """Sum of weights, rounded to 2 decimals (to compare with 100)."""
    return round_half_up(sum(weights))


def kpi_score(weighted_scores):
    """KPI part of a sheet: the sum of the lines' weighted scores."""
    return round_half_up(sum(weighted_scores))


def check_rating(rating, scale_min, scale_max):
    """Raise ``ValueError`` when ``rating`` is outside the rating scale."""
    if scale_min >= scale_max:
        raise ValueError("the rating scale needs min < max")
    if rating < scale_min or rating > scale_max:
        raise ValueError(f"rating {rating!r} is outside {scale_min}..{scale_max}")
    return rating


def rating_to_percent(rating, scale_min, scale_max):
    """A rating as a percentage of the top of the scale (4 on 1-5 -> 80)."""
    check_rating(rating, scale_min, scale_max)
    return rating / scale_max * 100.0


def competency_score(ratings, section_weights, scale_min=1, scale_max=5, unrated=()):
    """Ability-and-attitude score of a sheet in 0..100.

    ``ratings`` is an iterable of ``(section, rating)`` pairs; each section's
    score is the mean of its ratings as a percentage of the scale's top; the
    sections are combined with ``section_weights`` (a dict section -> relative
    weight), normalised over the sections that have ratings. ``unrated`` lists
    the section of each item that counts 0 (unrated items of a closed sheet).
    ``None`` when nothing is rated or counted.
    """
    by_section = {}
    for section, rating in ratings:
        by_section.setdefault(section, []).append(
            rating_to_percent(rating, scale_min, scale_max)
        )
    for section in unrated:
        by_section.setdefault(section, []).append(0.0)
    weights = {
        section: section_weights.get(section, 0.0) or 0.0 for section in by_section
    }
    total_weight = sum(weights.values())
    if not by_section or total_weight <= 0:
        return None
    result = sum(
        sum(values) / len(values) * weights[section] / total_weight
        for section, values in by_section.items()
    )
    return round_half_up(result)


def total_score(kpi, competency, kpi_weight=100.0, competency_weight=0.0):
    """Sheet total from the two section scores and the template's weights.

    A missing part (``None``) or a zero weight drops out and the remaining
    weight is normalised, so a KPI-only sheet totals its KPI score.
    """
    parts = [
        (score, weight)
        for score, weight in ((kpi, kpi_weight), (competency, competency_weight))
        if score is not None and weight and weight > 0
    ]
    weight_sum = sum(weight for __, weight in parts)
    if not weight_sum:
        return 0.0
    return round_half_up(sum(score * weight for score, weight in parts) / weight_sum)


def grade(score, bands):
    """Grade of ``score`` from ``bands``: ``(min_score, code)`` pairs.

    The band with the highest ``min_score <= score`` wins; below every band the
    lowest band's code is returned (the "D below" band); no bands -> ``None``.
    """
    bands = sorted(bands, key=lambda band: band[0], reverse=True)
    if not bands:
        return None
    for min_score, code in bands:
        if score >= min_score:
            return code
    return bands[-1][1]


def rank(scores):
    """Competition ranking ("1224") of a dict ``key -> score``, best first."""
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    ranks = {}
    previous = None
    for position, (key, score) in enumerate(ordered, start=1):
        if previous is None or score != previous[1]:
            previous = (position, score)
        ranks[key] = previous[0]
    return ranks
