# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import date_utils


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_callback_delay_days = fields.Integer(
        string="Complaint Callback Delay (days)",
        default=3,
        help="Days after a complaint is closed when its follow-up callback is due.",
    )
    cs_satisfaction_threshold = fields.Integer(
        string="Satisfaction Pass Threshold",
        default=80,
        help="A callback passes when its satisfaction score (0-100) reaches this "
        "threshold.",
    )
    # ---- business-change orders ----
    cs_change_order_expedited_hours = fields.Float(
        string="Expedited Change Order Due Time (hours)",
        default=4.0,
        help="An expedited business change order is late when it is not activated "
        "within this many hours of the request.",
    )
    # ---- department budgets ----
    cs_expense_finance_limit = fields.Monetary(
        string="Finance Approval Above",
        currency_field="currency_id",
        default=5000.0,
        help="Expense requests above this amount need a finance reviewer's "
        "approval as well as the department manager's (0: no amount limit).",
    )

    _sql_constraints = [
        (
            "cs_callback_delay_days_positive",
            "CHECK(cs_callback_delay_days >= 0)",
            "The callback delay cannot be negative.",
        ),
        (
            "cs_satisfaction_threshold_range",
            "CHECK(cs_satisfaction_threshold BETWEEN 0 AND 100)",
            "The satisfaction threshold must be between 0 and 100.",
        ),
        (
            "cs_change_order_expedited_hours_positive",
            "CHECK(cs_change_order_expedited_hours >= 0)",
            "The due time of expedited change orders cannot be negative.",
        ),
        (
            "cs_expense_finance_limit_positive",
            "CHECK(cs_expense_finance_limit >= 0)",
            "The finance approval limit of expense requests cannot be negative.",
        ),
    ]

    def _cs_pick_supervisor(self, teams):
        """The supervisor who follows up for ``teams``: their leader when he is a
        supervisor, else a supervisor among their members, else any supervisor
        of the company; department managers come last."""
        self.ensure_one()
        supervisors = (
            self.env.ref("cs_department.cs_department_group_supervisor")
            .sudo()
            .users.filtered(lambda user: self in user.company_ids and not user.share)
        )
        managers = self.env.ref("cs_department.cs_department_group_manager").users
        teams = teams.sudo()
        candidates = (
            (teams.user_id & supervisors)
            or (teams.user_ids & supervisors - managers)
            or (supervisors - managers)
            or supervisors
        )
        return candidates.sorted("id")[:1]

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
