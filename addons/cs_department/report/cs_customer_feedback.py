# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customers' feedback in one list: the satisfaction of the rated follow-up
callbacks and the customers' own ratings of their tickets, both on 0-100. The
explanation of a satisfaction figure that mixes both lists these rows.

A row is readable exactly when the record it shows is: a callback row when its
callback is, a rating row when its ticket is (``_search`` and
``_check_access`` ask those models, with the current user's rules), so the
list never shows anyone a callback or a ticket he could not open."""

import functools

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from .sql_view import create_sql_view

KINDS = [("callback", "Callback"), ("rating", "Customer Rating")]


class CsCustomerFeedback(models.Model):
    _name = "cs.customer.feedback"
    _description = "Customer Feedback"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "ticket_id"

    kind = fields.Selection(selection=KINDS, readonly=True)
    callback_id = fields.Many2one(comodel_name="cs.callback", readonly=True)
    ticket_id = fields.Many2one(comodel_name="helpdesk.ticket", readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", readonly=True
    )
    representative_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
        help="The representative of the ticket, whose satisfaction it is.",
    )
    date = fields.Datetime(
        readonly=True,
        help="When the callback was made, or when the rated ticket was closed.",
    )
    score = fields.Float(
        string="Satisfaction (0-100)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="The callback's satisfaction, or the customer's rating on 0-100: "
        "Satisfied (5) 100, Not satisfied (3) 50, Highly dissatisfied (1) 0.",
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)

    def _query(self):
        # even ids for the callbacks, odd ones for the tickets' ratings
        return SQL(
            """
            SELECT
                c.id * 2 AS id,
                'callback' AS kind,
                c.id AS callback_id,
                c.ticket_id AS ticket_id,
                c.partner_id AS partner_id,
                c.representative_id AS representative_id,
                c.done_date AS date,
                c.satisfaction::float AS score,
                c.company_id AS company_id
            FROM cs_callback c
            WHERE c.state = 'done' AND c.satisfaction_rated
            UNION ALL
            SELECT
                t.id * 2 + 1,
                'rating',
                NULL,
                t.id,
                t.partner_id,
                t.cs_representative_id,
                t.closed_date,
                (t.rating_last_value - 1) * 25.0,
                t.company_id
            FROM helpdesk_ticket t
            WHERE t.rating_last_value > 0
            """
        )

    def init(self):
        create_sql_view(self)

    # ------------------------------------------------------------------
    # A row is the record it shows: read through that record's rights
    # ------------------------------------------------------------------
    @api.model
    def _cs_readable_domain(self):
        """The rows whose callback or ticket the current user may read."""
        readable = []
        for kind, field, model in (
            ("callback", "callback_id", "cs.callback"),
            ("rating", "ticket_id", "helpdesk.ticket"),
        ):
            records = self.env[model]
            if records.has_access("read"):
                readable.append(
                    [("kind", "=", kind), (field, "in", records._search([]))]
                )
        return expression.OR(readable) if readable else expression.FALSE_DOMAIN

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not self.env.su:
            domain = expression.AND([domain, self._cs_readable_domain()])
        return super()._search(domain, offset, limit, order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not self._ids:
            return result
        forbidden = self.browse()
        for kind, field in (("callback", "callback_id"), ("rating", "ticket_id")):
            rows = self.sudo().filtered(lambda row, kind=kind: row.kind == kind)
            refused = rows[field].with_env(self.env)._check_access(operation)
            if refused:
                forbidden |= rows.filtered(
                    lambda row, field=field, refused=refused: row[field] in refused[0]
                ).with_env(self.env)
        if not forbidden:
            return None
        return forbidden, functools.partial(
            self.env["ir.rule"]._make_access_error, operation, forbidden
        )
