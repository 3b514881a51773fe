# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import scoring
from . import access
from . import periods
from . import validate
from . import actions
