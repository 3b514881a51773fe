# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_key_customer = fields.Boolean(
        string="Key Customer",
        tracking=True,
        help="A complaint from a key customer needs an on-site visit before the "
        "ticket can be closed.",
    )
    # ---- business-change orders and service lines ----
    cs_service_line_ids = fields.One2many(
        comodel_name="cs.service.line",
        inverse_name="partner_id",
        string="Service Lines",
        groups="cs_department.cs_department_group_representative,"
        "cs_department.cs_department_group_engineer",
    )
    cs_service_line_count = fields.Integer(
        string="Service Line Count",
        compute="_compute_cs_service_line_count",
        groups="cs_department.cs_department_group_representative,"
        "cs_department.cs_department_group_engineer",
    )

    def _compute_cs_service_line_count(self):
        counts = dict(
            self.env["cs.service.line"]._read_group(
                [("partner_id", "in", self.ids), ("state", "!=", "closed")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.cs_service_line_count = counts.get(partner, 0)

    def action_cs_view_service_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "cs_department.cs_service_line_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # ---- front office: key customers ----
    def write(self, vals):
        """The key-customer list is the department manager's: unticking it is
        no way round the visit a key customer's complaint needs."""
        if (
            "cs_key_customer" in vals
            and not self.env.su
            and self.filtered(
                lambda partner: partner.cs_key_customer != bool(vals["cs_key_customer"])
            )
            and not self.env.user.has_group("cs_department.cs_department_group_manager")
        ):
            raise AccessError(
                self.env._("Only the department manager changes the key customers.")
            )
        return super().write(vals)
