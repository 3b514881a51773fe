# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_kpi.tools import validate


class CsExpenseCategory(models.Model):
    _name = "cs.expense.category"
    _description = "Expense Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        help="Leave empty to use the category in every company.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "UNIQUE(code, company_id)",
            "The code of an expense category must be unique per company.",
        ),
        # before the unique index, which a code of kilobytes would overflow
        (
            "code_length",
            "CHECK(char_length(code) <= 256)",  # validate.NAME_MAX
            "The code of an expense category has at most 256 characters.",
        ),
    ]

    @api.constrains("name", "code")
    def _check_text_length(self):
        error = validate.record_text_error(self, ["name", "code"])
        if error:
            raise ValidationError(error)
