# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.3.0: a work order's rating is flagged when given (``quality_rated``).

Before, 0 was the only "not rated": the ratings above 0 already recorded are
flagged once here. (At every update, as an ``init``, it would also flag a rating
written before the order was done, which the flag deliberately leaves out.)
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            "UPDATE cs_work_order SET quality_rated = TRUE "
            "WHERE quality_rating > 0 AND quality_rated IS NOT TRUE"
        )
    )
    _logger.info("cs_department: %s work order ratings flagged", cr.rowcount)
