# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client actions the suite's buttons return (no Odoo import)."""


def notification(message, kind="success", sticky=False, close=False, reload=True):
    """What a click did, said at once: a notification (``kind``: success,
    info, warning, danger), then the dialog closed (``close``, for a wizard)
    or the view reloaded (``reload``). The RPC caller gets the same dict."""
    params = {"message": message, "type": kind, "sticky": sticky}
    if close:
        params["next"] = {"type": "ir.actions.act_window_close"}
    elif reload:
        params["next"] = {"type": "ir.actions.client", "tag": "soft_reload"}
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": params,
    }
