# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class HrJob(models.Model):
    _inherit = "hr.job"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_appraised(self):
        self.env["cs.kpi.sheet"]._check_history_kept("job_id", self)
