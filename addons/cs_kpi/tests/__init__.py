# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_security_groups
from . import test_menus
from . import test_campaign_flow
from . import test_scoring_orm
from . import test_access
from . import test_access_hardening
from . import test_query_count
from . import test_reports
from . import test_generic_data
from . import test_data_source
from . import test_explain
from . import test_sheet_editing
from . import test_evaluation_request
from . import test_order_and_history
from . import test_figures_guard
from . import test_leaks_and_outputs
from . import test_period_onchange
from . import test_guard_mechanism
from . import test_input_doors
