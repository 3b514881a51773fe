# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Unit tests of cs_kpi's client actions (no Odoo needed)."""

import pytest


@pytest.fixture(scope="module")
def actions(pure):
    return pure("cs_kpi/tools/actions.py")


def test_notification_then_reload(actions):
    """By default: a non-sticky success notification, then the view reloaded."""
    action = actions.notification("3 sheets generated")
    assert action["tag"] == "display_notification"
    assert action["params"] == {
        "message": "3 sheets generated",
        "type": "success",
        "sticky": False,
        "next": {"type": "ir.actions.client", "tag": "soft_reload"},
    }


def test_notification_closing_a_wizard(actions):
    """A wizard's notification closes its dialog instead of reloading."""
    action = actions.notification("Paid", "warning", sticky=True, close=True)
    assert action["params"]["next"] == {"type": "ir.actions.act_window_close"}
    assert (action["params"]["type"], action["params"]["sticky"]) == ("warning", True)
    assert "next" not in actions.notification("x", reload=False)["params"]
