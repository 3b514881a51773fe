# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
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

    # ---- equipment work orders and the CS warehouse ----
    cs_equipment_location_id = fields.Many2one(
        comodel_name="stock.location",
        string="Equipment Location",
        readonly=True,
        copy=False,
        groups="stock.group_stock_user",
        help="The customer's own location under Partners/Customers: the work "
        "orders deliver the customer's equipment there, so its stock quants are "
        "the equipment installed at this customer.",
    )
    cs_installed_quant_ids = fields.One2many(
        comodel_name="stock.quant",
        string="Installed Equipment",
        compute="_compute_cs_installed_quant_ids",
        groups="stock.group_stock_user",
    )
    cs_work_order_ids = fields.One2many(
        comodel_name="cs.work.order",
        inverse_name="partner_id",
        string="Work Orders",
        groups="cs_department.cs_department_group_representative,"
        "cs_department.cs_department_group_engineer",
    )
    cs_work_order_count = fields.Integer(
        string="Work Order Count",
        compute="_compute_cs_work_order_count",
        groups="cs_department.cs_department_group_representative,"
        "cs_department.cs_department_group_engineer",
    )

    @api.depends("commercial_partner_id.cs_equipment_location_id")
    def _compute_cs_installed_quant_ids(self):
        locations = self.commercial_partner_id.sudo().cs_equipment_location_id
        quants = self.env["stock.quant"].search(
            [("location_id", "in", locations.ids), ("quantity", ">", 0)]
        )
        for partner in self:
            location = partner.commercial_partner_id.sudo().cs_equipment_location_id
            partner.cs_installed_quant_ids = quants.filtered(
                lambda quant, loc=location: quant.location_id == loc
            )

    def _compute_cs_work_order_count(self):
        counts = dict(
            self.env["cs.work.order"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.cs_work_order_count = counts.get(partner, 0)

    def _cs_equipment_location(self):
        """The commercial partner's equipment location, created on first use
        under Partners/Customers. Call as superuser."""
        self.ensure_one()
        partner = self.commercial_partner_id
        if not partner.cs_equipment_location_id:
            partner.cs_equipment_location_id = self.env["stock.location"].create(
                {
                    "name": partner.name,
                    "usage": "customer",
                    "location_id": self.env.ref("stock.stock_location_customers").id,
                    "company_id": False,
                }
            )
        return partner.cs_equipment_location_id

    def action_cs_view_work_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_department.cs_work_order_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
