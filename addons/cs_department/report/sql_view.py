# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import tools
from odoo.tools import SQL


def create_sql_view(report):
    """(Re)create the view behind an ``_auto = False`` report from its ``_query()``."""
    tools.drop_view_if_exists(report.env.cr, report._table)
    report.env.cr.execute(
        SQL(
            "CREATE OR REPLACE VIEW %s AS (%s)",
            SQL.identifier(report._table),
            report._query(),
        )
    )
