# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time

import pytz

from odoo import api, fields, models


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
    # ---- business-change orders ----
    cs_change_order_expedited_hours = fields.Float(
        string="Expedited Change Order Due Time (hours)",
        default=4.0,
        help="An expedited business change order is late when it is not activated "
        "within this many hours of the request.",
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
            "cs_change_order_expedited_hours_positive",
            "CHECK(cs_change_order_expedited_hours >= 0)",
            "The due time of expedited change orders cannot be negative.",
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

    # ---- dates: whose "today" ----
    def _cs_tz(self):
        """Time zone of the company: its partner's, else its working hours',
        else UTC. It bounds the appraisal periods and is the fallback of
        users without a time zone of their own."""
        self.ensure_one()
        return self.partner_id.tz or self.resource_calendar_id.tz or "UTC"

    def _cs_today(self, user=None):
        """Today for ``user`` of this company: in his time zone, else the
        company's."""
        self.ensure_one()
        tz = (user and user.tz) or self._cs_tz()
        return fields.Date.context_today(self.with_context(tz=tz))

    def _cs_day_start_utc(self, day):
        """Naive UTC datetime of midnight starting ``day`` in the company's
        time zone, to compare with stored datetimes."""
        self.ensure_one()
        local = pytz.timezone(self._cs_tz()).localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

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
