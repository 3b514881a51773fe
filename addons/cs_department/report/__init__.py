# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# ---- front office: jobs, helpdesk, callbacks ----
from . import cs_complaint_report
from . import cs_satisfaction_report
from . import cs_customer_feedback

# ---- business-change orders and service lines ----
# ---- traffic monitoring ----
from . import cs_traffic_report

# ---- periodic reports ----
from . import cs_service_report
from . import cs_service_report_xlsx
from . import cs_department_dashboard

# ---- equipment work orders and the CS warehouse ----
from . import cs_warehouse_account_report
