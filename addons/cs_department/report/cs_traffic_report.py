# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL

from ..models.cs_service_line import SERVICE_TYPES
from ..models.cs_traffic_record import GRANULARITIES
from ..models.res_partner import TRAFFIC_SEGMENTS
from .sql_view import create_sql_view


class CsTrafficReport(models.Model):
    _name = "cs.traffic.report"
    _description = "Traffic Statistics"
    _auto = False
    _order = "period_start desc"
    _rec_name = "service_line_id"

    period_start = fields.Date(readonly=True)
    granularity = fields.Selection(selection=GRANULARITIES, readonly=True)
    service_line_id = fields.Many2one(comodel_name="cs.service.line", readonly=True)
    service_type = fields.Selection(selection=SERVICE_TYPES, readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", readonly=True
    )
    segment = fields.Selection(
        selection=TRAFFIC_SEGMENTS, string="Traffic Segment", readonly=True
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    volume = fields.Float(digits=(16, 2), readonly=True)
    amount = fields.Monetary(currency_field="currency_id", readonly=True)
    customer_count = fields.Integer(
        string="Customers", readonly=True, aggregator="count_distinct"
    )

    def _query(self):
        return SQL(
            """
            SELECT r.id AS id, r.period_start, r.granularity, r.service_line_id,
                   r.service_type, r.partner_id, p.cs_traffic_segment AS segment,
                   r.company_id, c.currency_id, r.volume, r.amount,
                   r.partner_id AS customer_count
              FROM cs_traffic_record r
              JOIN res_partner p ON p.id = r.partner_id
              JOIN res_company c ON c.id = r.company_id
            """
        )

    def init(self):
        create_sql_view(self)
