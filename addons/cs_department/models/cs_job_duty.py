# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class CsJobDuty(models.Model):
    _name = "cs.job.duty"
    _description = "Job Description Item"
    _order = "job_id, kind, category_sequence, sequence, id"

    job_id = fields.Many2one(
        comodel_name="hr.job",
        string="Job Position",
        required=True,
        index=True,
        ondelete="cascade",
    )
    kind = fields.Selection(
        selection=[
            ("duty", "Duty"),
            ("authority", "Authority"),
        ],
        required=True,
        default="duty",
        help="Duties are the work content, authorities the rights of the job; its "
        "goals are the KPI goals of the job.",
    )
    category = fields.Selection(
        selection=[
            ("customer", "Customer Relations"),
            ("internal", "Internal Management"),
            ("learning", "Learning and Innovation"),
        ],
        default="customer",
        help="Category of a duty, as in the department manual.",
    )
    category_sequence = fields.Integer(
        compute="_compute_category_sequence",
        store=True,
        aggregator=None,
    )
    sequence = fields.Integer(default=10, aggregator=None)
    name = fields.Text(string="Description", required=True, translate=True)
    company_id = fields.Many2one(related="job_id.company_id", store=True)

    @api.depends("category")
    def _compute_category_sequence(self):
        order = {"customer": 1, "internal": 2, "learning": 3}
        for item in self:
            item.category_sequence = order.get(item.category, 9)
