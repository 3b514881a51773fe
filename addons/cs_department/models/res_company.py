# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import date_utils


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_callback_delay_days = fields.Integer(
        string="Complaint Callback Delay (days)",
        default=3,
        help="Days after a complaint is closed when its follow-up callback is due.",
    )
    cs_satisfaction_threshold = fields.Integer(
        string="Satisfaction Pass Threshold",
        default=80,
        help="A callback passes when its satisfaction score (0-100) reaches this "
        "threshold.",
    )
    cs_quality_pass_score = fields.Integer(
        string="Quality Check Pass Score",
        default=80,
        help="A quality spot check passes when its score (0-100) reaches this "
        "score (pass rate of a team's spot checks).",
    )
    # ---- business-change orders ----
    # Their delays are the business-change SLA rules of the tickets: one
    # definition of "on time" for the ticket and for its order.
    cs_change_order_sla_id = fields.Many2one(
        comodel_name="helpdesk.sla",
        string="Change Order SLA Rule",
        default=lambda self: self.env.ref(
            "cs_department.helpdesk_sla_business_change", raise_if_not_found=False
        ),
        check_company=True,
        help="The SLA rule whose delay (in the working hours of the order's "
        "team) a business change order that is not expedited is activated "
        "within: the business-change tickets' rule.",
    )
    cs_change_order_expedited_sla_id = fields.Many2one(
        comodel_name="helpdesk.sla",
        string="Expedited Change Order SLA Rule",
        default=lambda self: self.env.ref(
            "cs_department.helpdesk_sla_business_change_expedited",
            raise_if_not_found=False,
        ),
        check_company=True,
        help="The SLA rule whose delay an expedited business change order is "
        "activated within: the expedited business-change tickets' rule.",
    )
    # ---- department budgets ----
    cs_expense_finance_limit = fields.Monetary(
        string="Finance Approval Above",
        currency_field="currency_id",
        default=5000.0,
        help="Expense requests above this amount need a finance reviewer's "
        "approval as well as the department manager's (0: no amount limit).",
    )

    # ---- traffic monitoring ----
    cs_default_team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Default Customer Service Team",
        check_company=True,
        help="Team whose representatives call back the customers who have no "
        "ticket yet (traffic anomalies).",
    )
    cs_traffic_segment_months = fields.Integer(
        string="Segment Months",
        default=3,
        help="Number of complete months whose average monthly volume sets the "
        "traffic segment of a customer.",
    )
    cs_traffic_small_max = fields.Float(
        string="Small Customers Below",
        default=1000.0,
        help="A customer whose average monthly volume is below this is small.",
    )
    cs_traffic_large_min = fields.Float(
        string="Large Customers From",
        default=10000.0,
        help="A customer whose average monthly volume reaches this is large; "
        "between the two thresholds he is medium.",
    )
    cs_traffic_anomaly_granularity = fields.Selection(
        selection=[("week", "Week"), ("month", "Month")],
        string="Anomaly Period",
        default="month",
        # Not required in the database: a NOT NULL column on res.company breaks
        # every module that creates companies without this module's Python
        # loaded (base_tier_validation's at_install tests do); the settings
        # require it and the detection falls back on the month.
        help="Period of the traffic records the anomaly detection compares.",
    )
    cs_traffic_anomaly_window = fields.Integer(
        string="Anomaly Trailing Periods",
        default=3,
        help="Number of periods before the latest complete one whose average is "
        "the reference.",
    )
    cs_traffic_drop_threshold = fields.Float(
        string="Traffic Drop Threshold (%)",
        default=30.0,
        help="A small customer whose traffic falls by at least this share of its "
        "trailing average is called back.",
    )
    cs_traffic_rise_threshold = fields.Float(
        string="Traffic Rise Threshold (%)",
        default=50.0,
        help="A small customer whose traffic grows by at least this share of its "
        "trailing average is called back.",
    )

    _sql_constraints = [
        (
            "cs_callback_delay_days_positive",
            "CHECK(cs_callback_delay_days >= 0)",
            "The callback delay cannot be negative.",
        ),
        (
            "cs_satisfaction_threshold_range",
            "CHECK(cs_satisfaction_threshold BETWEEN 0 AND 100)",
            "The satisfaction threshold must be between 0 and 100.",
        ),
        (
            "cs_quality_pass_score_range",
            "CHECK(cs_quality_pass_score BETWEEN 0 AND 100)",
            "The pass score of the quality spot checks must be between 0 and 100.",
        ),
        (
            "cs_traffic_segment_months_positive",
            "CHECK(cs_traffic_segment_months > 0)",
            "The number of segment months must be positive.",
        ),
        (
            "cs_traffic_segment_thresholds",
            (
                "CHECK(cs_traffic_small_max >= 0 "
                "AND cs_traffic_large_min >= cs_traffic_small_max)"
            ),
            "The large-customer threshold must be at least the small-customer one.",
        ),
        (
            "cs_traffic_anomaly_window_positive",
            "CHECK(cs_traffic_anomaly_window > 0)",
            "The number of trailing periods must be positive.",
        ),
        (
            "cs_traffic_anomaly_thresholds_positive",
            "CHECK(cs_traffic_drop_threshold > 0 AND cs_traffic_rise_threshold > 0)",
            "The drop and rise thresholds must be positive.",
        ),
        (
            "cs_expense_finance_limit_positive",
            "CHECK(cs_expense_finance_limit >= 0)",
            "The finance approval limit of expense requests cannot be negative.",
        ),
    ]

    def _cs_pick_supervisor(self, teams, exclude=None):
        """The supervisor who follows up for ``teams``: their leader when he is a
        supervisor, else a supervisor among their members, else any supervisor
        of the company; department managers come last. ``exclude`` (users)
        are never picked: a complaint's representative does not follow it up."""
        self.ensure_one()
        supervisors = (
            self.env.ref("cs_department.cs_department_group_supervisor")
            .sudo()
            .users.filtered(lambda user: self in user.company_ids and not user.share)
        )
        if exclude:
            supervisors -= exclude
        managers = self.env.ref("cs_department.cs_department_group_manager").users
        teams = teams.sudo()
        candidates = (
            (teams.user_id & supervisors)
            or (teams.user_ids & supervisors - managers)
            or (supervisors - managers)
            or supervisors
        )
        return candidates.sorted("id")[:1]

    # ---- dates: "today" is cs_kpi's res.company._cs_today ----
    def _cs_fiscalyear_dates(self, day):
        """``{'date_from', 'date_to'}`` of the company's fiscal year holding ``day``.

        Accounting's fiscal year end (``compute_fiscalyear_dates``) when it is
        installed, else the calendar year.
        """
        self.ensure_one()
        if hasattr(self, "compute_fiscalyear_dates"):
            return self.compute_fiscalyear_dates(day)
        date_from, date_to = date_utils.get_fiscal_year(day)
        return {"date_from": date_from, "date_to": date_to}

    # ---- periodic reports ----
    cs_report_recipient_id = fields.Many2one(
        comodel_name="res.users",
        string="Periodic Reports Recipient",
        help="Receives and scores the department's periodic reports (the General "
        "Manager). No reports are planned without one.",
    )
    cs_report_due_days = fields.Integer(
        string="Report Due Delay (days)",
        default=3,
        help="Days after the end of its period when a report is due.",
    )

    @api.model
    def _cs_set_change_order_rules(self, company_ids=None):
        """Give the companies (all by default) without change-order SLA rules
        the shipped business-change rules, and their orders the rule and the
        due time it gives (install; the 18.0.2.6.0 migration, which moved the
        orders' delays onto the rules)."""
        companies = self.sudo().search(
            [("id", "in", company_ids)] if company_ids else []
        )
        rules = {
            "cs_change_order_sla_id": "cs_department.helpdesk_sla_business_change",
            "cs_change_order_expedited_sla_id": (
                "cs_department.helpdesk_sla_business_change_expedited"
            ),
        }
        for field, xmlid in rules.items():
            rule = self.env.ref(xmlid, raise_if_not_found=False)
            if rule:
                companies.filtered_domain([(field, "=", False)]).write({field: rule.id})
        orders = (
            self.env["cs.change.order"]
            .sudo()
            .search([("company_id", "in", companies.ids)])
        )
        for fname in ("sla_id", "due_date"):
            self.env.add_to_compute(orders._fields[fname], orders)
        orders.flush_recordset(["sla_id", "due_date"])

    @api.constrains("cs_report_due_days")
    def _check_cs_delays(self):
        if any(company.cs_report_due_days < 0 for company in self):
            raise ValidationError(self.env._("The report delay cannot be negative."))

    # ---- equipment work orders and the CS warehouse ----
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
            codes = set(Warehouse.search([("company_id", "=", self.id)]).mapped("code"))
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
