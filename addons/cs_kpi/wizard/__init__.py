# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import cs_kpi_campaign_close
from . import cs_kpi_sheet_acknowledge
from . import cs_kpi_evaluation_request
