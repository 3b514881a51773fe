# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import validate
from ..tools.access import is_kpi_hr


class CsKpiCampaignClose(models.TransientModel):
    _name = "cs.kpi.campaign.close"
    _description = "Force the Closing of a KPI Campaign"

    campaign_id = fields.Many2one(
        comodel_name="cs.kpi.campaign", required=True, ondelete="cascade"
    )
    reason = fields.Text(
        required=True,
        help="Why the campaign is closed with unscored items (they count 0).",
    )

    def action_force_close(self):
        self.ensure_one()
        if not is_kpi_hr(self.env):
            raise AccessError(
                self.env._("Only HR can force the closing of a campaign.")
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for forcing the closing."))
        error = validate.record_text_error(self, ["reason"], validate.TEXT_MAX)
        if error:
            raise UserError(error)
        self.campaign_id._close(force_reason=self.reason.strip())
        self.campaign_id._message_log(
            body=self.env._("Closing forced: %(reason)s", reason=self.reason.strip())
        )
        return {"type": "ir.actions.act_window_close"}
