# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    kpi_sheet_ids = fields.One2many(
        comodel_name="cs.kpi.sheet",
        inverse_name="employee_id",
        string="Appraisal sheets",
        groups="cs_kpi.cs_kpi_group_manager",
    )
    kpi_sheet_count = fields.Integer(
        compute="_compute_kpi_sheet_count", groups="cs_kpi.cs_kpi_group_manager"
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_appraised(self):
        Sheet = self.env["cs.kpi.sheet"]
        Sheet._check_history_kept("employee_id", self)
        Sheet._check_history_kept("manager_id", self)

    def _compute_kpi_sheet_count(self):
        counts = dict(
            self.env["cs.kpi.sheet"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.kpi_sheet_count = counts.get(employee, 0)

    def action_open_kpi_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_kpi.cs_kpi_sheet_action_history"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        # One point per appraised period: no 0 for the quarters between.
        action["context"] = {"search_default_group_campaign": 0, "fill_temporal": False}
        return action
