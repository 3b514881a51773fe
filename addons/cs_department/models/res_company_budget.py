# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import date_utils


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_expense_finance_limit = fields.Monetary(
        string="Finance Approval Above",
        currency_field="currency_id",
        default=5000.0,
        help="Expense requests above this amount need a finance reviewer's "
        "approval as well as the department manager's (0: no amount limit).",
    )

    _sql_constraints = [
        (
            "cs_expense_finance_limit_positive",
            "CHECK(cs_expense_finance_limit >= 0)",
            "The finance approval limit of expense requests cannot be negative.",
        ),
    ]

    def _cs_fiscalyear_dates(self, day):
        """``{'date_from', 'date_to'}`` of the company's fiscal year holding ``day``.

        Accounting's fiscal year end (``compute_fiscalyear_dates``) when it is
        installed, else the calendar year.
        """
        self.ensure_one()
        if hasattr(self, "compute_fiscalyear_dates"):
            return self.compute_fiscalyear_dates(day)
        date_from, date_to = date_utils.get_fiscal_year(day)
        return {"date_from": date_from, "date_to": date_to}
