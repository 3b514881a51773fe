# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.tests import Form, new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP = "base.group_user,cs_department.cs_department_group_%s"


class CsBudgetCommon(BaseCommon):
    """Two departments with their managers, requesters, finance and the General
    Manager; an approved 2026 budget of the first department: equipment 10,000
    and training 3,000 (13,000 in all); finance approval above 5,000."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.cs_expense_finance_limit = 5000.0
        user_vals = {"tz": "Asia/Shanghai"}

        def user(login, role):
            return new_test_user(
                cls.env, login=login, name=login, groups=GROUP % role, **user_vals
            )

        cls.requester = user("cs_b_req", "representative")
        cls.requester_other = user("cs_b_req2", "representative")
        cls.engineer = user("cs_b_eng", "engineer")
        cls.manager = user("cs_b_mgr", "manager")
        cls.manager_other = user("cs_b_mgr2", "manager")
        cls.finance = user("cs_b_fin", "finance")
        cls.general_manager = user("cs_b_gm", "general_manager")
        Department = cls.env["hr.department"]
        cls.department = Department.create({"name": "CS Budget Test Dept"})
        cls.department_other = Department.create({"name": "Sales Budget Test Dept"})
        Employee = cls.env["hr.employee"]
        manager_emp = Employee.create(
            {
                "name": "Budget Manager",
                "user_id": cls.manager.id,
                "department_id": cls.department.id,
            }
        )
        other_emp = Employee.create(
            {
                "name": "Other Manager",
                "user_id": cls.manager_other.id,
                "department_id": cls.department_other.id,
            }
        )
        cls.department.manager_id = manager_emp
        cls.department_other.manager_id = other_emp
        Employee.create(
            [
                {
                    "name": "Budget Requester",
                    "user_id": cls.requester.id,
                    "department_id": cls.department.id,
                },
                {
                    "name": "Budget Engineer",
                    "user_id": cls.engineer.id,
                    "department_id": cls.department.id,
                },
                {
                    "name": "Other Requester",
                    "user_id": cls.requester_other.id,
                    "department_id": cls.department_other.id,
                },
            ]
        )
        cls.cat_equipment = cls.env.ref("cs_department.cs_expense_category_equipment")
        cls.cat_training = cls.env.ref("cs_department.cs_expense_category_training")
        cls.cat_travel = cls.env.ref("cs_department.cs_expense_category_travel")
        cls.budget = cls._approved_budget(
            cls.department, {cls.cat_equipment: 10000, cls.cat_training: 3000}
        )
        cls.line_equipment = cls.budget.line_ids.filtered(
            lambda line: line.category_id == cls.cat_equipment
        )
        cls.line_training = cls.budget.line_ids - cls.line_equipment

    @classmethod
    def _budget_vals(cls, department, amounts):
        return {
            "department_id": department.id,
            "fiscal_date": date(2026, 6, 15),
            "line_ids": [
                Command.create({"category_id": category.id, "planned_amount": amount})
                for category, amount in amounts.items()
            ],
        }

    @classmethod
    def _approved_budget(cls, department, amounts):
        """A budget prepared and submitted by its manager, approved by finance."""
        manager = department.manager_id.user_id
        budget = (
            cls.env["cs.budget"]
            .with_user(manager)
            .create(cls._budget_vals(department, amounts))
        )
        budget.action_submit()
        budget.with_user(cls.finance).action_approve()
        return budget.with_env(cls.env)

    def _request(self, line, amount, user=None, submit=True):
        """An expense request of ``user`` (the requester), submitted by default."""
        request = (
            self.env["cs.expense.request"]
            .with_user(user or self.requester)
            .create(
                {
                    "description": f"Test spending {amount}",
                    "budget_line_id": line.id,
                    "amount": amount,
                }
            )
        )
        if submit:
            request.action_submit()
        return request

    def _approve(self, request, *users):
        """Validate the request's tiers as ``users``, in that order."""
        for user in users:
            request.with_user(user).validate_tier()
        request.invalidate_recordset()
        return request

    def _pay(self, request, amount, user=None, **vals):
        action = request.with_user(user or self.finance)
        wizard = Form(
            self.env["cs.expense.request.pay"]
            .with_user(user or self.finance)
            .with_context(default_request_id=action.id)
        )
        wizard.amount = amount
        for name, value in vals.items():
            setattr(wizard, name, value)
        return wizard.save().action_confirm()

    def _reviewer_roles(self, request):
        """The roles the request's reviews ask for, in their order."""
        return (
            request.sudo()
            .review_ids.sorted("sequence")
            .mapped(
                lambda review: review.definition_id.get_external_id()[
                    review.definition_id.id
                ].rsplit("_request_", 1)[1]
            )
        )
