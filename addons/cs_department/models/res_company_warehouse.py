# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _cs_service_warehouse(self):
        """The company's Customer Service warehouse, created when missing with
        its operation types and its faulty-equipment location. Call as
        superuser (it may create stock configuration)."""
        self.ensure_one()
        Warehouse = self.env["stock.warehouse"].with_context(active_test=False)
        warehouse = Warehouse.search(
            [("company_id", "=", self.id), ("cs_is_service_warehouse", "=", True)],
            limit=1,
        )
        if not warehouse:
            codes = set(
                Warehouse.search([("company_id", "=", self.id)]).mapped("code")
            )
            code = next(
                candidate
                for candidate in ("CS", "CSW", "CSD", "CS1", "CS2", "CS3")
                if candidate not in codes
            )
            warehouse = Warehouse.create(
                {
                    "name": self.env._("Customer Service"),
                    "code": code,
                    "company_id": self.id,
                    "cs_is_service_warehouse": True,
                }
            )
        if not warehouse.cs_faulty_location_id:
            warehouse.cs_faulty_location_id = self.env["stock.location"].create(
                {
                    "name": self.env._("Faulty Equipment"),
                    "usage": "internal",
                    "location_id": warehouse.view_location_id.id,
                    "company_id": self.id,
                }
            )
        return warehouse

    @api.model
    def _cs_setup_service_warehouses(self):
        """Install hook (data function): a CS warehouse in every company."""
        for company in self.sudo().search([]):
            company._cs_service_warehouse()
        return True
