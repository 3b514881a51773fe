# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from odoo.addons.cs_kpi.tools.access import is_kpi_hr


class CsKpiCampaign(models.Model):
    _inherit = "cs.kpi.campaign"

    def action_compute(self):
        """Bring the evaluations filled from the report scores up to date
        first: a campaign generated after the scoring picks them up."""
        if is_kpi_hr(self.env):
            Evaluation = self.env["cs.kpi.evaluation"]
            Evaluation._cs_sync_report_scores(Evaluation._cs_report_score_lines(self))
        return super().action_compute()
