# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.1.0: the report-quality indicator is filled from the report scores.

The shipped indicators are ``noupdate``: the new flag ``cs_from_report_scores``
is set here on the manual's "reports scored by the General Manager" indicator,
unless HR switched it to another measure. The campaigns still being scored get
their evaluations at their next computation.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """
            UPDATE cs_kpi_indicator AS indicator
               SET cs_from_report_scores = TRUE
              FROM ir_model_data AS data
             WHERE data.module = 'cs_department'
               AND data.name = 'cs_kpi_indicator_mgr_report_quality'
               AND data.model = 'cs.kpi.indicator'
               AND indicator.id = data.res_id
               AND indicator.measure_type = 'evaluation'
            """
        )
    )
    _logger.info(
        "cs_department: %s indicator(s) now filled from the report scores",
        cr.rowcount,
    )
