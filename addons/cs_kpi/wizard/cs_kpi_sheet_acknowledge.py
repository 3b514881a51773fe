# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import validate


class CsKpiSheetAcknowledge(models.TransientModel):
    _name = "cs.kpi.sheet.acknowledge"
    _description = "Acknowledge a KPI Appraisal Sheet"

    sheet_id = fields.Many2one(
        comodel_name="cs.kpi.sheet", required=True, ondelete="cascade"
    )
    comment = fields.Text(help="Your remarks on the appraisal (optional).")

    def action_acknowledge(self):
        self.ensure_one()
        error = validate.record_text_error(self, ["comment"], validate.TEXT_MAX)
        if error:
            raise UserError(error)
        self.sheet_id._acknowledge(self.comment)
        return {"type": "ir.actions.act_window_close"}
