# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.tools import SQL

from ..models.helpdesk_ticket import COMPLAINT_REASONS, REQUEST_KINDS
from .sql_view import create_sql_view

_RATE_FIELD = "complaint_customer_rate"
_RATE_SPECS = [
    "cs_rate_complaints:sum(complaint_count)",
    "cs_rate_customers:count_distinct(customer_count)",
]


class CsComplaintReport(models.Model):
    _name = "cs.complaint.report"
    _description = "Complaint Rate Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(comodel_name="helpdesk.ticket", readonly=True)
    date = fields.Datetime(string="Received On", readonly=True)
    team_id = fields.Many2one(comodel_name="helpdesk.ticket.team", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Representative",
        readonly=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        readonly=True,
    )
    stage_id = fields.Many2one(comodel_name="helpdesk.ticket.stage", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    request_kind = fields.Selection(selection=REQUEST_KINDS, readonly=True)
    complaint_reason = fields.Selection(
        selection=COMPLAINT_REASONS,
        readonly=True,
    )
    key_customer = fields.Boolean(readonly=True)
    ticket_count = fields.Integer(string="Tickets", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    consultation_count = fields.Integer(string="Consultations", readonly=True)
    complaint_rate = fields.Float(
        string="Complaints per 100 Tickets",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Share of complaints among all tickets received, in percent.",
    )
    # Not the "active customers" of the periodic report and the KPI source
    # (customers with an active service line, cs.service.report's
    # _cs_active_customers): here the customers who contacted the desk.
    customer_count = fields.Integer(
        string="Customers with Tickets",
        readonly=True,
        aggregator="count_distinct",
        help="Distinct customers (commercial entities) with at least one ticket "
        "received in the period and grouping shown.",
    )
    complaint_customer_rate = fields.Float(
        string="Complaints per 100 Customers with Tickets",
        readonly=True,
        digits=(16, 2),
        help="Complaints divided by the customers with at least one ticket "
        "received in the same period and grouping, times 100. The complaint rate "
        "of the periodic report and of the appraisals relates complaints to the "
        "active customers instead (customers with an active service line).",
    )

    def _query(self):
        return SQL(
            """
            SELECT
                t.id AS id,
                t.id AS ticket_id,
                t.create_date AS date,
                t.team_id AS team_id,
                t.cs_representative_id AS user_id,
                t.commercial_partner_id AS partner_id,
                t.stage_id AS stage_id,
                t.company_id AS company_id,
                t.cs_request_kind AS request_kind,
                t.cs_complaint_reason AS complaint_reason,
                COALESCE(t.cs_key_customer, FALSE) AS key_customer,
                1 AS ticket_count,
                CASE WHEN t.cs_request_kind = 'complaint' THEN 1 ELSE 0 END
                    AS complaint_count,
                CASE WHEN t.cs_request_kind = 'consultation' THEN 1 ELSE 0 END
                    AS consultation_count,
                CASE WHEN t.cs_request_kind = 'complaint' THEN 100.0 ELSE 0.0 END
                    AS complaint_rate,
                t.commercial_partner_id AS customer_count,
                0.0 AS complaint_customer_rate
            FROM helpdesk_ticket t
            WHERE t.active
            """
        )

    def init(self):
        create_sql_view(self)

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Compute the per-customer rate from the group's totals, not by summing."""
        wanted = any(spec.split(":")[0] == _RATE_FIELD for spec in fields)
        if not wanted:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        specs = [spec for spec in fields if spec.split(":")[0] != _RATE_FIELD]
        groups = super().read_group(
            domain, specs + _RATE_SPECS, groupby, offset, limit, orderby, lazy
        )
        for group in groups:
            complaints = group.pop("cs_rate_complaints", 0) or 0
            customers = group.pop("cs_rate_customers", 0) or 0
            group[_RATE_FIELD] = 100.0 * complaints / customers if customers else 0.0
        return groups
