# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import cs_guard_mixin
from . import cs_kpi_indicator
from . import cs_kpi_competency_kind_mixin
from . import cs_kpi_competency
from . import cs_kpi_template
from . import cs_kpi_grade_band
from . import cs_kpi_campaign
from . import cs_kpi_campaign_generate
from . import cs_kpi_campaign_closing
from . import cs_kpi_campaign_evaluation
from . import cs_kpi_sheet
from . import cs_kpi_sheet_line
from . import cs_kpi_sheet_competency
from . import cs_kpi_evaluation
from . import cs_kpi_goal
from . import hr_employee
from . import hr_job
from . import hr_department
from . import res_company
