# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import validate
from .cs_kpi_competency_kind_mixin import COMPETENCY_KINDS


class CsKpiCompetency(models.Model):
    _name = "cs.kpi.competency"
    _description = "Ability or Attitude Item"
    _inherit = ["cs.kpi.competency.kind.mixin", "cs.guard.mixin"]
    _order = "kind_sequence, sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        selection=COMPETENCY_KINDS,
        required=True,
        default="core",
        help="Default section of the item; a template can place it elsewhere.",
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", default=lambda self: self.env.company
    )

    @api.constrains("name")
    def _check_name_length(self):
        error = validate.record_text_error(self, ["name"])
        if error:
            raise ValidationError(error)
