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
            lines = (
                self.env["cs.kpi.sheet.line"]
                .sudo()
                .search(
                    self.env["cs.kpi.evaluation"]._cs_report_score_line_domain()
                    + [("campaign_id", "in", self.ids)]
                )
            )
            self.env["cs.kpi.evaluation"]._cs_sync_report_scores(lines)
        return super().action_compute()
