# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

#: Demo line -> monthly volume; the last month of the Jackson Group drops.
DEMO_MONTHLY = {
    "cs_service_line_deco_ip1_demo": 8200.0,
    "cs_service_line_deco_ip2_demo": 5100.0,
    "cs_service_line_deco_ld_demo": 3100.0,
    "cs_service_line_azure_ip_demo": 3000.0,
    "cs_service_line_azure_ld_demo": 1500.0,
    "cs_service_line_readymat_ip_demo": 420.0,
    "cs_service_line_readymat_ld_demo": 180.0,
    "cs_service_line_jackson_ip_demo": 600.0,
}
DEMO_DROP_LINE = "cs_service_line_jackson_ip_demo"
DEMO_WEEKLY = ("cs_service_line_deco_ip1_demo", "cs_service_line_azure_ip_demo")
#: Price per minute or MB of the demo traffic.
DEMO_RATE = {"ip": 0.02, "long_distance": 0.15}
#: Time zone of the demo users: their months and the report periods' days.
DEMO_TZ = "Asia/Shanghai"


class CsDepartmentDemo(models.AbstractModel):
    """Loaders of the demo data (and of the tests' fixtures), kept out of the
    business models: the demo's ``<function>`` calls land here."""

    _name = "cs.department.demo"
    _description = "Customer Service Demo Data Loaders"

    @api.model
    def _validate_work_order_pickings(self, order_ids):
        """Validate the transfers of the work orders ``order_ids`` as planned
        (quantities and serials of the equipment lines)."""
        return self.env["cs.work.order"].browse(order_ids).action_validate_transfers()

    @api.model
    def _backdate_work_orders(self, order_ids, done):
        """Date the done work orders ``order_ids``, their sign-off and their
        transfers at ``done`` (a naive UTC datetime or its string): the
        workflow stamps them now, the demo dates them in a past period."""
        orders = self.env["cs.work.order"].browse(order_ids)
        orders.write({"done_date": done, "signed_on": done})
        self._backdate_pickings(orders.picking_ids, done)
        return True

    @api.model
    def _rate_tickets(self, ratings):
        """The customers rate the closed tickets of ``ratings`` (``[(ticket_id,
        rate, feedback)]``, rate 1, 3 or 5) as from the closing email: the
        request it sent (one is made when none is pending), applied with its
        token."""
        tickets = self.env["helpdesk.ticket"]
        for ticket_id, rate, feedback in ratings:
            ticket = tickets.browse(ticket_id)
            token = ticket._rating_get_access_token()
            ticket.rating_apply(rate, token=token, feedback=feedback)
        return True

    @api.model
    def _backdate_change_orders(self, order_ids, vals):
        """Write the step dates ``vals`` (naive UTC datetimes or their strings)
        on the activated change orders ``order_ids``, which the workflow
        stamps now; the service lines they added start on the activation
        day in the demo users' time zone."""
        orders = self.env["cs.change.order"].browse(order_ids)
        orders.write(vals)
        for order in orders:
            day = fields.Datetime.context_timestamp(
                self.with_context(tz=DEMO_TZ), order.activation_date
            ).date()
            order.line_ids.filtered(
                lambda line: line.change_type == "add_line"
            ).service_line_id.write({"date_start": day})
        return True

    @api.model
    def _backdate_pickings(self, pickings, date):
        """Date the done ``pickings`` and their moves at ``date``."""
        pickings.write({"date_done": date})
        pickings.move_ids.write({"date": date})
        pickings.move_ids.move_line_ids.write({"date": date})

    @api.model
    def _receive_stock(self, receipts, date=None):
        """Receive ``[(product_id, quantity, lot_id or False)]`` from the
        vendors into the CS warehouse through one validated receipt, dated
        ``date`` (a naive UTC datetime or its string) if given, else now."""
        warehouse = self.env.company.sudo()._cs_service_warehouse()
        vendors = self.env.ref("stock.stock_location_suppliers")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "location_id": vendors.id,
                "location_dest_id": warehouse.lot_stock_id.id,
            }
        )
        by_product = {}
        for product_id, quantity, lot_id in receipts:
            by_product.setdefault(product_id, []).append((quantity, lot_id))
        for product_id, units in by_product.items():
            product = self.env["product.product"].browse(product_id)
            self.env["stock.move"].create(
                {
                    "name": product.display_name,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "product_uom_qty": sum(quantity for quantity, _lot in units),
                    "product_uom": product.uom_id.id,
                    "location_id": vendors.id,
                    "location_dest_id": warehouse.lot_stock_id.id,
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_id": product.uom_id.id,
                                "location_id": vendors.id,
                                "location_dest_id": warehouse.lot_stock_id.id,
                                "picking_id": picking.id,
                                "quantity": quantity,
                                "lot_id": lot_id,
                            }
                        )
                        for quantity, lot_id in units
                    ],
                }
            )
        picking.move_ids.picked = True
        picking.button_validate()
        if date:
            self._backdate_pickings(picking, date)
        return picking

    @api.model
    def _load_traffic(self):
        """A year of monthly traffic (and two months of weekly traffic) of the
        demo lines up to the last complete month (week) before today in the
        demo users' time zone, the period the periodic report proposes, then
        the segments and the anomaly job: the Jackson Group's last month drops
        and gets its callback."""
        records = self.env["cs.traffic.record"]
        today = fields.Date.context_today(self.with_context(tz=DEMO_TZ))
        month = today.replace(day=1)
        monday = today - relativedelta(days=today.weekday())
        vals_list = []
        for xmlid, base in DEMO_MONTHLY.items():
            line = self.env.ref(f"cs_department.{xmlid}", raise_if_not_found=False)
            if not line or records.search_count([("service_line_id", "=", line.id)]):
                continue
            rate = DEMO_RATE[line.service_type]
            for back in range(12, 0, -1):
                start = month - relativedelta(months=back)
                if line.date_start and start < line.date_start.replace(day=1):
                    continue
                volume = base * (1 + ((back * 7) % 5 - 2) / 40)
                if xmlid == DEMO_DROP_LINE and back == 1:
                    volume = base / 4
                vals_list.append(self._traffic_vals(line, "month", start, volume, rate))
            if xmlid in DEMO_WEEKLY:
                for back in range(8, 0, -1):
                    start = monday - relativedelta(weeks=back)
                    volume = base / 4.3 * (1 + ((back * 3) % 4 - 1.5) / 30)
                    vals_list.append(
                        self._traffic_vals(line, "week", start, volume, rate)
                    )
        records.create(vals_list)
        self.env["res.partner"]._cs_recompute_traffic_segments_all(today)
        self.env["cs.traffic.anomaly"]._cron_detect_traffic_anomalies(today)
        return True

    @api.model
    def _load_portal_traffic(self, monthly):
        """Six months of monthly traffic of the portal customer's demo lines
        ``{xmlid: volume}``, relative to today (his *My Lines* page)."""
        month = fields.Date.context_today(self).replace(day=1)
        vals_list = []
        for xmlid, base in monthly.items():
            line = self.env.ref(f"cs_department.{xmlid}")
            rate = DEMO_RATE[line.service_type]
            for back in range(6, 0, -1):
                start = month - relativedelta(months=back)
                volume = base * (1 + ((back * 7) % 5 - 2) / 20)
                vals_list.append(self._traffic_vals(line, "month", start, volume, rate))
        self.env["cs.traffic.record"].create(vals_list)
        return True

    @api.model
    def _traffic_vals(self, line, granularity, start, volume, rate):
        return {
            "service_line_id": line.id,
            "granularity": granularity,
            "period_start": start,
            "volume": round(volume, 2),
            "amount": round(volume * rate, 2),
        }
