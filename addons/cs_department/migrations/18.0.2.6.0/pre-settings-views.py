# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The change orders' hour settings are gone (their delays are the SLA
rules'): the settings views that showed them are dropped before the update
checks the settings form, and recreated from the new data."""

VIEWS = (
    "res_config_settings_view_form_change_order",
    "res_config_settings_view_form_report",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM ir_ui_view
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'cs_department' AND model = 'ir.ui.view'
                         AND name IN %s)
        """,
        [VIEWS],
    )
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = 'cs_department' "
        "AND model = 'ir.ui.view' AND name IN %s",
        [VIEWS],
    )
