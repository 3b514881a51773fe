# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# ---- front office: jobs, helpdesk, callbacks ----
from . import cs_job_duty
from . import hr_job
from . import res_company
from . import res_config_settings
from . import res_partner
from . import helpdesk_ticket
from . import helpdesk_ticket_category
from . import helpdesk_ticket_stage
from . import cs_ticket_escalation
from . import cs_ticket_visit
from . import cs_callback

# ---- business-change orders and service lines ----
from . import cs_service_line
from . import cs_change_order_workflow
from . import cs_tier_validation
from . import cs_change_order
from . import cs_change_order_line
from . import tier_definition
from . import tier_review

# ---- appraisals: CS data sources for cs_kpi ----
from . import cs_kpi_indicator
from . import cs_kpi_sheet_line

# ---- equipment work orders and the CS warehouse ----
from . import stock_warehouse
from . import cs_work_order
from . import cs_work_order_line
from . import stock_picking
from . import stock_move
