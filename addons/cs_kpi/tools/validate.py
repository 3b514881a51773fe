# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks of the values users type and integrators send (no Odoo import).

The suite's entry points (forms, imports, JSON-RPC methods, wizards) check
their inputs here before anything is stored, so that a wrong type, a
non-finite or absurd number or an endless text is refused with a message
naming the field instead of a server error or a stored absurdity.

Each ``*_error`` function returns the reason, translated through ``env._``
(``env`` is an Odoo environment, or anything with a ``_(source, **params)``
method), or ``None`` when the value is fine; the caller raises it as a
``ValidationError`` or reports it with the other rows of a batch.
``parse_number`` is the decision itself, without any message.

The documented bounds of the suite:

``AMOUNT_MAX``
    An amount of money (expense requests and their payments, budget lines,
    traffic amounts): a trillion in the company's currency, far above any
    department's budget and below 2**53 cents, up to which a float still
    holds every cent.
``VOLUME_MAX``
    The traffic of one line in one period, in minutes or MB: a trillion.
``DURATION_MAX``
    The planned duration of a work order, in hours: 30 days.
``NAME_MAX``
    A one-line text typed by a user (names, codes, descriptions,
    references), in characters.
``TEXT_MAX``
    A multi-line text (reasons, resolutions, comments), in characters.
"""

import math

AMOUNT_MAX = 1e12
VOLUME_MAX = 1e12
DURATION_MAX = 24 * 30
NAME_MAX = 256
TEXT_MAX = 10000

#: What is wrong with a number (``parse_number``).
NOT_A_NUMBER = "type"
NOT_FINITE = "finite"
NOT_WHOLE = "whole"
OUT_OF_RANGE = "range"

#: Longest representation of a refused value quoted back in a message.
SHOWN_MAX = 40


def shown(value):
    """``repr(value)``, cut to ``SHOWN_MAX`` characters: a refused megabyte
    is not echoed back."""
    text = repr(value)
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 3] + "..."


def bound_text(bound):
    """A bound as people read it: ``1,000,000,000,000``, ``720``, ``0.5``."""
    if float(bound).is_integer():
        return f"{int(bound):,}"
    return str(bound)


def parse_number(value, low, high, integer=False, strings=False):
    """``(number, problem)``: ``value`` as a float (an int when ``integer``)
    and the first problem of it (``NOT_A_NUMBER``, ``NOT_FINITE``,
    ``NOT_WHOLE``, ``OUT_OF_RANGE`` below ``low`` or above ``high``), or
    ``None`` when it is fine.

    Only ints and floats are numbers: not booleans, nor ``None``, nor lists;
    strings only when ``strings`` (a file or a switch may send ``"12.5"``).
    """
    if isinstance(value, bool) or not isinstance(
        value, (int, float, str) if strings else (int, float)
    ):
        return None, NOT_A_NUMBER
    try:
        number = float(value)
    except ValueError:
        return None, NOT_A_NUMBER
    except OverflowError:  # an int beyond any float
        return None, OUT_OF_RANGE
    if not math.isfinite(number):
        return number, NOT_FINITE
    if integer:
        if not number.is_integer():
            return number, NOT_WHOLE
        number = int(number)
    if number < low or number > high:
        return number, OUT_OF_RANGE
    return number, None


def number_error(env, value, label, low, high, integer=False, strings=False):
    """Why ``value`` is not a finite number (a whole one when ``integer``)
    between ``low`` and ``high`` for the field ``label``, or ``None``."""
    _number, problem = parse_number(value, low, high, integer, strings)
    if problem == NOT_A_NUMBER:
        return env._(
            "%(field)s must be a number, not %(value)s.",
            field=label,
            value=shown(value),
        )
    if problem == NOT_FINITE:
        return env._(
            "%(field)s must be a finite number, not %(value)s.",
            field=label,
            value=shown(value),
        )
    if problem == NOT_WHOLE:
        return env._(
            "%(field)s must be a whole number, not %(value)s.",
            field=label,
            value=shown(value),
        )
    if problem == OUT_OF_RANGE:
        return env._(
            "%(field)s must be between %(low)s and %(high)s, not %(value)s.",
            field=label,
            low=bound_text(low),
            high=bound_text(high),
            value=shown(value),
        )
    return None


def text_error(env, value, label, limit=NAME_MAX):
    """Why ``value`` is not a text of at most ``limit`` characters for the
    field ``label``, or ``None``; an empty value (``None``, ``False``) is
    fine: whether the field is required is the field's business."""
    if value is None or value is False:
        return None
    if not isinstance(value, str):
        return env._(
            "%(field)s must be a text, not %(value)s.",
            field=label,
            value=shown(value),
        )
    if len(value) > limit:
        return env._(
            "%(field)s is too long: %(length)s characters, at most %(limit)s.",
            field=label,
            length=bound_text(len(value)),
            limit=bound_text(limit),
        )
    return None


def boolean_error(env, value, label):
    """Why ``value`` is not ``True`` or ``False`` for ``label``, or ``None``."""
    if isinstance(value, bool):
        return None
    return env._(
        "%(field)s must be true or false, not %(value)s.",
        field=label,
        value=shown(value),
    )


def id_error(env, value, label):
    """Why ``value`` is not the id of a record (a positive int) or empty
    (``None``, ``False``) for the field ``label``, or ``None``."""
    if value is None or value is False:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return env._(
            "%(field)s must be the id of a record, not %(value)s.",
            field=label,
            value=shown(value),
        )
    return None


# ---- the same checks on the fields of Odoo records (duck-typed) ----
def field_label(records, name):
    """The label of the field ``name`` of ``records``, in the user's language."""
    return records._fields[name]._description_string(records.env)


def record_text_error(records, names, limit=NAME_MAX):
    """Why one of the text fields ``names`` of ``records`` is too long, or
    ``None``: for an ``@api.constrains`` of the fields."""
    for record in records:
        for name in names:
            error = text_error(
                records.env, record[name], field_label(records, name), limit
            )
            if error:
                return error
    return None


def record_number_error(records, name, low, high, integer=False):
    """Why the number field ``name`` of one of ``records`` is not finite or
    out of ``low``..``high``, or ``None``: for an ``@api.constrains``."""
    for record in records:
        error = number_error(
            records.env, record[name], field_label(records, name), low, high, integer
        )
        if error:
            return error
    return None
