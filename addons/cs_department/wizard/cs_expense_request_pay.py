# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.tools import format_amount, format_date

from odoo.addons.cs_kpi.tools.actions import notification


class CsExpenseRequestPay(models.TransientModel):
    _name = "cs.expense.request.pay"
    _description = "Mark an Expense Request Paid"

    request_id = fields.Many2one(
        comodel_name="cs.expense.request", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="request_id.currency_id")
    amount = fields.Monetary(string="Paid Amount", required=True)
    date = fields.Date(
        string="Payment Date", required=True, default=fields.Date.context_today
    )
    reference = fields.Char(string="Payment Reference")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        request = self.env["cs.expense.request"].browse(values.get("request_id"))
        if request and "amount" in fields_list and not values.get("amount"):
            values["amount"] = request.amount
        return values

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        request._cs_mark_paid(self.amount, self.date, self.reference)
        # the payment said at once, then the request shows it (PAID ribbon)
        return notification(
            self.env._(
                "%(request)s marked paid: %(amount)s on %(date)s.",
                request=request.name,
                amount=format_amount(self.env, self.amount, self.currency_id),
                date=format_date(self.env, self.date),
            ),
            close=True,
        )
