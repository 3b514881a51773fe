# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Unit tests of cs_kpi's input checks (no Odoo needed)."""

import pytest


@pytest.fixture(scope="module")
def validate(pure):
    return pure("cs_kpi/tools/validate.py")


class FakeEnv:
    """What the checks need of an Odoo environment: ``_`` formatting a text."""

    def _(self, source, **params):
        return source % params


class FakeField:
    def __init__(self, label):
        self.label = label

    def _description_string(self, env):
        return self.label


class FakeRecords:
    """A recordset of dicts, with the ``env`` and ``_fields`` the checks read."""

    env = FakeEnv()

    def __init__(self, labels, *rows):
        self._fields = {name: FakeField(label) for name, label in labels.items()}
        self.rows = rows

    def __iter__(self):
        return iter(self.rows)


ENV = FakeEnv()


def test_parse_number_accepts_finite_numbers_in_bounds(validate):
    """Ints and floats inside the bounds pass, whole numbers as ints."""
    assert validate.parse_number(12.5, 0, 100) == (12.5, None)
    assert validate.parse_number(0, 0, 100) == (0.0, None)
    assert validate.parse_number(100, 0, 100) == (100.0, None)
    assert validate.parse_number(85.0, 0, 100, integer=True) == (85, None)
    assert validate.parse_number("12.5", 0, 100, strings=True) == (12.5, None)


def test_parse_number_refuses_wrong_types(validate):
    """Booleans, None, lists, dicts are no numbers; strings only when allowed."""
    for value in (True, False, None, [1], {"a": 1}, "12"):
        assert validate.parse_number(value, 0, 100)[1] == validate.NOT_A_NUMBER
    for value in ("abc", "", [1], True):
        assert (
            validate.parse_number(value, 0, 100, strings=True)[1]
            == validate.NOT_A_NUMBER
        )


def test_parse_number_refuses_non_finite_and_absurd(validate):
    """NaN and infinities, as floats or strings, and values out of bounds."""
    for value in (float("nan"), float("inf"), float("-inf")):
        assert validate.parse_number(value, 0, 1e12)[1] == validate.NOT_FINITE
    for value in ("NaN", "Infinity", "-inf"):
        assert (
            validate.parse_number(value, 0, 1e12, strings=True)[1]
            == validate.NOT_FINITE
        )
    assert validate.parse_number(1e300, 0, 1e12)[1] == validate.OUT_OF_RANGE
    assert validate.parse_number(-0.01, 0, 1e12)[1] == validate.OUT_OF_RANGE
    assert validate.parse_number(10**400, 0, 1e12)[1] == validate.OUT_OF_RANGE
    assert validate.parse_number(50.5, 0, 100, integer=True)[1] == validate.NOT_WHOLE


def test_number_error_names_the_field(validate):
    """Each problem gets a sentence naming the field and the bounds."""
    assert validate.number_error(ENV, 5, "Amount", 0, 1e12) is None
    assert validate.number_error(ENV, "abc", "Score", 0, 100) == (
        "Score must be a number, not 'abc'."
    )
    assert validate.number_error(ENV, float("nan"), "Volume", 0, 1e12) == (
        "Volume must be a finite number, not nan."
    )
    assert validate.number_error(ENV, 1.5, "Score", 0, 100, integer=True) == (
        "Score must be a whole number, not 1.5."
    )
    assert validate.number_error(ENV, 1e300, "Amount", 0, 1e12) == (
        "Amount must be between 0 and 1,000,000,000,000, not 1e+300."
    )


def test_text_error(validate):
    """Texts up to the limit pass, empty values too; longer ones and non-texts
    are refused without echoing them back."""
    assert validate.text_error(ENV, "Q1 2026", "Name") is None
    assert validate.text_error(ENV, False, "Name") is None
    assert validate.text_error(ENV, None, "Name") is None
    assert validate.text_error(ENV, "x" * validate.NAME_MAX, "Name") is None
    assert validate.text_error(ENV, "x" * 1000000, "Name") == (
        "Name is too long: 1,000,000 characters, at most 256."
    )
    error = validate.text_error(ENV, ["x" * 1000], "Reason", validate.TEXT_MAX)
    assert error.startswith("Reason must be a text, not ['xxx")
    assert len(error) < 100


def test_boolean_and_id_errors(validate):
    """Only booleans are booleans; only positive ints (or empty) are ids."""
    assert validate.boolean_error(ENV, True, "Passed") is None
    assert validate.boolean_error(ENV, False, "Passed") is None
    assert validate.boolean_error(ENV, "no", "Passed") == (
        "Passed must be true or false, not 'no'."
    )
    assert validate.boolean_error(ENV, 0, "Passed")
    assert validate.id_error(ENV, 7, "Line") is None
    assert validate.id_error(ENV, False, "Line") is None
    for value in ("abc", "7", True, 0, -3, 7.0, [7]):
        assert validate.id_error(ENV, value, "Line"), value


def test_record_errors(validate):
    """The record checks read each field and report the first fault."""
    labels = {"name": "Name", "code": "Code", "amount": "Amount"}
    good = {"name": "Ok", "code": "C1", "amount": 10.0}
    records = FakeRecords(labels, good, dict(good, code="c" * 300))
    assert validate.record_text_error(records, ["name"]) is None
    assert validate.record_text_error(records, ["name", "code"]) == (
        "Code is too long: 300 characters, at most 256."
    )
    assert validate.record_number_error(records, "amount", 0, 1e12) is None
    records = FakeRecords(labels, dict(good, amount=float("inf")))
    assert validate.record_number_error(records, "amount", 0, 1e12) == (
        "Amount must be a finite number, not inf."
    )
