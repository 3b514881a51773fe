# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL

from .sql_view import create_sql_view


class CsWarehouseAccountReport(models.Model):
    """Monthly warehouse account (库房帐务) of the Customer Service warehouses.

    One row per warehouse, product and month, from the product's first done
    move in or out of the warehouse up to the current month. Months are in
    the company's time zone. A move counts when exactly one of its ends is
    inside the warehouse (its view location's tree, faulty equipment
    included): coming from a customer location it is *returned*, from any
    other location (vendors, inventory adjustments) *received*; going to a
    customer location it is *delivered*, elsewhere (scrap, losses) *other
    issues*. Closing = opening + received + returned - delivered - other
    issues; values use the move's unit price, else the product's current
    cost. Opening and closing are balances of the month: group by month to
    read them (their sum over months is meaningless).
    """

    _name = "cs.warehouse.account.report"
    _description = "Warehouse Account"
    _auto = False
    _order = "date desc, product_id"
    _rec_name = "product_id"
    # Pending writes of these fields are flushed before the view is read.
    _depends = {
        "stock.move": [
            "date",
            "state",
            "product_id",
            "product_qty",
            "price_unit",
            "location_id",
            "location_dest_id",
        ],
        "stock.location": ["parent_path", "usage"],
        "stock.warehouse": ["cs_is_service_warehouse", "view_location_id"],
        "product.product": ["standard_price"],
    }

    date = fields.Date(string="Month", readonly=True)
    warehouse_id = fields.Many2one(comodel_name="stock.warehouse", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    product_id = fields.Many2one(
        comodel_name="product.product", string="Equipment", readonly=True
    )
    opening_qty = fields.Float(string="Opening Quantity", readonly=True)
    received_qty = fields.Float(string="Received Quantity", readonly=True)
    delivered_qty = fields.Float(string="Delivered Quantity", readonly=True)
    returned_qty = fields.Float(string="Returned Quantity", readonly=True)
    other_out_qty = fields.Float(string="Other Issues Quantity", readonly=True)
    closing_qty = fields.Float(string="Closing Quantity", readonly=True)
    opening_value = fields.Float(readonly=True)
    received_value = fields.Float(readonly=True)
    delivered_value = fields.Float(readonly=True)
    returned_value = fields.Float(readonly=True)
    other_out_value = fields.Float(string="Other Issues Value", readonly=True)
    closing_value = fields.Float(readonly=True)

    def _query(self):
        return SQL(
            """
            WITH warehouse AS (
                SELECT w.id, w.company_id, view.parent_path,
                       COALESCE(cp.tz, 'UTC') AS tz
                  FROM stock_warehouse w
                  JOIN stock_location view ON view.id = w.view_location_id
                  JOIN res_company c ON c.id = w.company_id
                  JOIN res_partner cp ON cp.id = c.partner_id
                 WHERE w.cs_is_service_warehouse
            ), flow AS (
                SELECT w.id AS warehouse_id, w.company_id, m.product_id,
                       date_trunc(
                           'month', (m.date AT TIME ZONE 'UTC') AT TIME ZONE w.tz
                       )::date AS month,
                       m.product_qty AS qty,
                       m.product_qty * COALESCE(
                           NULLIF(m.price_unit, 0),
                           (pp.standard_price ->> w.company_id::text)::numeric,
                           0
                       ) AS value,
                       starts_with(src.parent_path, w.parent_path) AS from_inside,
                       starts_with(dst.parent_path, w.parent_path) AS to_inside,
                       src.usage AS src_usage,
                       dst.usage AS dst_usage
                  FROM stock_move m
                  JOIN product_product pp ON pp.id = m.product_id
                  JOIN stock_location src ON src.id = m.location_id
                  JOIN stock_location dst ON dst.id = m.location_dest_id
                  JOIN warehouse w
                    ON starts_with(src.parent_path, w.parent_path)
                    OR starts_with(dst.parent_path, w.parent_path)
                 WHERE m.state = 'done'
            ), monthly AS (
                SELECT warehouse_id, company_id, product_id, month,
                       SUM(CASE WHEN to_inside AND src_usage != 'customer'
                           THEN qty ELSE 0 END) AS received_qty,
                       SUM(CASE WHEN to_inside AND src_usage = 'customer'
                           THEN qty ELSE 0 END) AS returned_qty,
                       SUM(CASE WHEN from_inside AND dst_usage = 'customer'
                           THEN qty ELSE 0 END) AS delivered_qty,
                       SUM(CASE WHEN from_inside AND dst_usage != 'customer'
                           THEN qty ELSE 0 END) AS other_out_qty,
                       SUM(CASE WHEN to_inside AND src_usage != 'customer'
                           THEN value ELSE 0 END) AS received_value,
                       SUM(CASE WHEN to_inside AND src_usage = 'customer'
                           THEN value ELSE 0 END) AS returned_value,
                       SUM(CASE WHEN from_inside AND dst_usage = 'customer'
                           THEN value ELSE 0 END) AS delivered_value,
                       SUM(CASE WHEN from_inside AND dst_usage != 'customer'
                           THEN value ELSE 0 END) AS other_out_value
                  FROM flow
                 WHERE from_inside != to_inside
                 GROUP BY warehouse_id, company_id, product_id, month
            ), months AS (
                SELECT f.warehouse_id, f.company_id, f.product_id,
                       generate_series(
                           MIN(f.month),
                           GREATEST(
                               MAX(f.month),
                               date_trunc(
                                   'month',
                                   (now() AT TIME ZONE 'UTC') AT TIME ZONE MIN(w.tz)
                               )::date
                           ),
                           interval '1 month'
                       )::date AS month
                  FROM monthly f
                  JOIN warehouse w ON w.id = f.warehouse_id
                 GROUP BY f.warehouse_id, f.company_id, f.product_id
            ), account AS (
                SELECT s.warehouse_id, s.company_id, s.product_id, s.month,
                       COALESCE(m.received_qty, 0) AS received_qty,
                       COALESCE(m.returned_qty, 0) AS returned_qty,
                       COALESCE(m.delivered_qty, 0) AS delivered_qty,
                       COALESCE(m.other_out_qty, 0) AS other_out_qty,
                       COALESCE(m.received_value, 0) AS received_value,
                       COALESCE(m.returned_value, 0) AS returned_value,
                       COALESCE(m.delivered_value, 0) AS delivered_value,
                       COALESCE(m.other_out_value, 0) AS other_out_value,
                       SUM(
                           COALESCE(m.received_qty, 0) + COALESCE(m.returned_qty, 0)
                           - COALESCE(m.delivered_qty, 0)
                           - COALESCE(m.other_out_qty, 0)
                       ) OVER running AS closing_qty,
                       SUM(
                           COALESCE(m.received_value, 0)
                           + COALESCE(m.returned_value, 0)
                           - COALESCE(m.delivered_value, 0)
                           - COALESCE(m.other_out_value, 0)
                       ) OVER running AS closing_value
                  FROM months s
                  LEFT JOIN monthly m
                    ON m.warehouse_id = s.warehouse_id
                   AND m.product_id = s.product_id
                   AND m.month = s.month
                WINDOW running AS (
                    PARTITION BY s.warehouse_id, s.product_id ORDER BY s.month
                )
            )
            SELECT row_number() OVER (
                       ORDER BY month, warehouse_id, product_id
                   ) AS id,
                   month AS date, warehouse_id, company_id, product_id,
                   closing_qty - received_qty - returned_qty + delivered_qty
                       + other_out_qty AS opening_qty,
                   received_qty, delivered_qty, returned_qty, other_out_qty,
                   closing_qty,
                   closing_value - received_value - returned_value
                       + delivered_value + other_out_value AS opening_value,
                   received_value, delivered_value, returned_value,
                   other_out_value, closing_value
              FROM account
            """
        )

    def init(self):
        create_sql_view(self)
