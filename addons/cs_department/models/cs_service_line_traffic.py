# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CsServiceLine(models.Model):
    _inherit = "cs.service.line"

    traffic_record_count = fields.Integer(
        string="Traffic Records",
        compute="_compute_traffic_record_count",
        groups="cs_department.cs_department_group_representative",
    )

    def _compute_traffic_record_count(self):
        counts = dict(
            self.env["cs.traffic.record"]._read_group(
                [("service_line_id", "in", self.ids)], ["service_line_id"], ["__count"]
            )
        )
        for line in self:
            line.traffic_record_count = counts.get(line, 0)

    def action_view_traffic(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "cs_department.cs_traffic_record_action"
        )
        action["domain"] = [("service_line_id", "=", self.id)]
        action["context"] = {"search_default_group_period": 1}
        return action
