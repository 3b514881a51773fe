# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL

from ..models.cs_callback import CALLBACK_REASONS
from .sql_view import create_sql_view


class CsSatisfactionReport(models.Model):
    _name = "cs.satisfaction.report"
    _description = "Callback Satisfaction Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "callback_id"

    callback_id = fields.Many2one(comodel_name="cs.callback", readonly=True)
    date = fields.Datetime(string="Called On", readonly=True)
    ticket_id = fields.Many2one(comodel_name="helpdesk.ticket", readonly=True)
    team_id = fields.Many2one(comodel_name="helpdesk.ticket.team", readonly=True)
    representative_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Called By",
        readonly=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        readonly=True,
    )
    reason = fields.Selection(
        selection=CALLBACK_REASONS,
        readonly=True,
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    callback_count = fields.Integer(string="Rated Callbacks", readonly=True)
    passed_count = fields.Integer(string="Passed Callbacks", readonly=True)
    satisfaction = fields.Float(
        string="Average Satisfaction",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
    )
    pass_rate = fields.Float(
        string="Pass Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Share of rated callbacks whose satisfaction reaches the company's "
        "pass threshold (Settings), in percent.",
    )

    def _query(self):
        return SQL(
            """
            SELECT
                c.id AS id,
                c.id AS callback_id,
                c.done_date AS date,
                c.ticket_id AS ticket_id,
                c.team_id AS team_id,
                c.representative_id AS representative_id,
                c.user_id AS user_id,
                c.partner_id AS partner_id,
                c.reason AS reason,
                c.company_id AS company_id,
                1 AS callback_count,
                CASE WHEN c.satisfaction >= comp.cs_satisfaction_threshold
                    THEN 1 ELSE 0 END AS passed_count,
                c.satisfaction::float AS satisfaction,
                CASE WHEN c.satisfaction >= comp.cs_satisfaction_threshold
                    THEN 100.0 ELSE 0.0 END AS pass_rate
            FROM cs_callback c
            JOIN res_company comp ON comp.id = c.company_id
            WHERE c.state = 'done' AND c.satisfaction_rated
            """
        )

    def init(self):
        create_sql_view(self)
