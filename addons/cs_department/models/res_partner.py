# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

TRAFFIC_SEGMENTS = [("small", "Small"), ("medium", "Medium"), ("large", "Large")]
#: Figures the segment computation alone writes.
TRAFFIC_FIGURES = {"cs_traffic_segment", "cs_traffic_avg_volume"}
TRAFFIC_GROUPS = "cs_department.cs_department_group_representative"


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

    # ---- front office: key customers; traffic figures ----
    # res.partner is a core model every module writes: it does not take
    # cs.guard.mixin, whose generic refusals (computed fields, defaults) would
    # reach the core's own flows. Two checks of this suite's fields instead.
    def write(self, vals):
        """The key-customer list is the department manager's: unticking it is
        no way round the visit a key customer's complaint needs. The traffic
        segment is written by its computation only."""
        if not self.env.su:
            self._cs_check_traffic_figures(vals)
            if (
                "cs_key_customer" in vals
                and self.filtered(
                    lambda partner: (
                        partner.cs_key_customer != bool(vals["cs_key_customer"])
                    )
                )
                and not self.env.user.has_group(
                    "cs_department.cs_department_group_manager"
                )
            ):
                raise AccessError(
                    self.env._("Only the department manager changes the key customers.")
                )
        return super().write(vals)

    # ---- traffic monitoring: segments ----
    cs_traffic_segment = fields.Selection(
        selection=TRAFFIC_SEGMENTS,
        string="Traffic Segment",
        readonly=True,
        copy=False,
        groups=TRAFFIC_GROUPS,
        help="Small, medium or large from the average monthly volume of the "
        "customer's lines (thresholds in the Customer Service settings).",
    )
    cs_traffic_avg_volume = fields.Float(
        string="Average Monthly Volume",
        digits=(16, 2),
        readonly=True,
        copy=False,
        aggregator="avg",
        groups=TRAFFIC_GROUPS,
        help="Average monthly traffic volume of the customer's lines over the "
        "configured number of complete months.",
    )
    cs_traffic_record_count = fields.Integer(
        string="Traffic Records",
        compute="_compute_cs_traffic_record_count",
        groups=TRAFFIC_GROUPS,
    )

    def _compute_cs_traffic_record_count(self):
        counts = dict(
            self.env["cs.traffic.record"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.cs_traffic_record_count = counts.get(partner, 0)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # A client's default_* keys reach the new partners' values too.
            defaults = {
                name
                for name in TRAFFIC_FIGURES
                if self.env.context.get(f"default_{name}")
            }
            self._cs_check_traffic_figures(defaults.union(*vals_list))
        return super().create(vals_list)

    def _cs_check_traffic_figures(self, fnames):
        if TRAFFIC_FIGURES & set(fnames):
            raise AccessError(
                self.env._(
                    "The traffic segment of a customer is computed from his "
                    "traffic and cannot be written."
                )
            )

    def action_cs_view_traffic(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "cs_department.cs_traffic_record_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"search_default_group_period": 1}
        return action

    @api.model
    def _cs_traffic_segment_query(self, today, partner_ids=None):
        """Average monthly volume and segment of every customer with traffic
        (of ``partner_ids`` only when given), over the company's number of
        complete months before ``today``: one aggregate over all customers."""
        month = today.replace(day=1)
        restrict = (
            SQL("AND r.partner_id = ANY(%s)", list(partner_ids))
            if partner_ids is not None
            else SQL()
        )
        return SQL(
            """
            SELECT DISTINCT ON (v.partner_id) v.partner_id, v.avg_volume,
                   CASE WHEN v.avg_volume < v.small_max THEN 'small'
                        WHEN v.avg_volume < v.large_min THEN 'medium'
                        ELSE 'large' END AS segment
              FROM (
                SELECT r.partner_id,
                       ROUND(COALESCE(SUM(r.volume) FILTER (
                           WHERE r.granularity = 'month'
                             AND r.period_start >= %(month)s::date
                                 - make_interval(months => c.cs_traffic_segment_months)
                             AND r.period_start < %(month)s::date
                       ), 0) / c.cs_traffic_segment_months, 2) AS avg_volume,
                       c.cs_traffic_small_max AS small_max,
                       c.cs_traffic_large_min AS large_min
                  FROM cs_traffic_record r
                  JOIN res_company c ON c.id = r.company_id
                 WHERE TRUE %(restrict)s
                 GROUP BY r.partner_id, c.id
              ) v
             ORDER BY v.partner_id, v.avg_volume DESC
            """,
            month=month,
            restrict=restrict,
        )

    @api.model
    def _cs_recompute_traffic_segments_all(self, today=None):
        """Segments of every customer (monthly job)."""
        return self._cs_update_traffic_segments(today, None)

    def _cs_recompute_traffic_segments(self, today=None):
        """Segments of these customers (after an import, an API batch or a
        correction): one set-based pass whatever their number."""
        if not self:
            return 0
        return self._cs_update_traffic_segments(today, self.ids)

    @api.model
    def _cs_update_traffic_segments(self, today, partner_ids):
        today = today or fields.Date.context_today(self)
        self.env["cs.traffic.record"].flush_model()
        self.env["res.company"].flush_model(
            [
                "cs_traffic_segment_months",
                "cs_traffic_small_max",
                "cs_traffic_large_min",
            ]
        )
        self.flush_model(list(TRAFFIC_FIGURES))
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET cs_traffic_avg_volume = s.avg_volume,
                       cs_traffic_segment = s.segment
                  FROM (%(query)s) s
                 WHERE p.id = s.partner_id
                   AND (p.cs_traffic_segment IS DISTINCT FROM s.segment
                        OR p.cs_traffic_avg_volume IS DISTINCT FROM s.avg_volume)
                """,
                query=self._cs_traffic_segment_query(today, partner_ids),
            )
        )
        changed = cr.rowcount
        # Customers whose traffic is gone lose their segment.
        restrict = (
            SQL("p.id = ANY(%s)", partner_ids)
            if partner_ids is not None
            else SQL("p.cs_traffic_segment IS NOT NULL")
        )
        cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET cs_traffic_segment = NULL, cs_traffic_avg_volume = 0
                 WHERE %(restrict)s AND p.cs_traffic_segment IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM cs_traffic_record r
                                    WHERE r.partner_id = p.id)
                """,
                restrict=restrict,
            )
        )
        changed += cr.rowcount
        self.invalidate_model(list(TRAFFIC_FIGURES))
        return changed

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
