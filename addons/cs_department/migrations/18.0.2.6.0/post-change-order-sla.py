# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The change orders' delays moved onto the business-change SLA rules: the
companies get the shipped rules, the orders their rule and due time (the
orders that were not expedited had none)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._cs_set_change_order_rules()
