# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# ---- front office: jobs, helpdesk, callbacks ----
from . import cs_ticket_escalate
from . import cs_ticket_escalation_return

# ---- business-change orders and service lines ----
from . import cs_change_order_reason
from . import comment_wizard

# ---- department budgets and expense requests ----
from . import cs_expense_request_pay

# ---- periodic reports ----
from . import cs_report_generate
