# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

# In the manual's order of the sections: core, then reference, then attitude.
COMPETENCY_KINDS = [
    ("core", "Core"),
    ("reference", "Reference"),
    ("attitude", "Attitude"),
]
KIND_SEQUENCE = {kind: index for index, (kind, _label) in enumerate(COMPETENCY_KINDS)}


class CsKpiCompetencyKindMixin(models.AbstractModel):
    """Sort ability/attitude items by section in the manual's order.

    A selection sorts alphabetically in SQL (attitude, core, reference); models
    with a ``kind`` field inherit this stored number and put it in ``_order``.
    """

    _name = "cs.kpi.competency.kind.mixin"
    _description = "Ability or Attitude Section Order"

    kind_sequence = fields.Integer(
        string="Section order",
        compute="_compute_kind_sequence",
        store=True,
        precompute=True,
        help="Core items first, then reference items, then attitude items.",
    )

    @api.depends("kind")
    def _compute_kind_sequence(self):
        for record in self:
            record.kind_sequence = KIND_SEQUENCE.get(record.kind, len(KIND_SEQUENCE))
