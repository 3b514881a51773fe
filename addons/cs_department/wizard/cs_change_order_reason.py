# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models


class CsChangeOrderReason(models.TransientModel):
    _name = "cs.change.order.reason"
    _description = "Cancel or Reject a Change Order"

    order_ids = fields.Many2many(
        comodel_name="cs.change.order", string="Change Orders", required=True
    )
    action = fields.Selection(
        selection=[("cancel", "Cancel"), ("reject", "Reject")],
        required=True,
        default="cancel",
    )
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        context = self.env.context
        if "order_ids" in fields_list and context.get("active_model") == (
            "cs.change.order"
        ):
            res["order_ids"] = [Command.set(context.get("active_ids", []))]
        return res

    def action_confirm(self):
        self.ensure_one()
        if self.action == "reject":
            self.order_ids.action_reject(reason=self.reason)
        else:
            self.order_ids.action_cancel(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
