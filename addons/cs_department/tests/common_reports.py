# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP = "cs_department.cs_department_group_%s"


class CsReportsCommon(BaseCommon):
    """A department of its own company (no demo data in its figures): a
    manager, two supervisors, three representatives, two engineers, a General
    Manager who receives the reports, a team and customers; helpers building
    traffic, anomalies and done work orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "CS Reports Test Co"})
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.cs_satisfaction_threshold = 80

        def user(login, group):
            return new_test_user(
                cls.env,
                login=login,
                groups=group,
                tz="Asia/Shanghai",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.manager = user("cs_r_mgr", GROUP % "manager")
        cls.supervisor = user("cs_r_sup", GROUP % "supervisor")
        cls.supervisor2 = user("cs_r_sup2", GROUP % "supervisor")
        cls.reps = [user(f"cs_r_rep{i}", GROUP % "representative") for i in range(3)]
        cls.rep = cls.reps[0]
        cls.engineers = [user(f"cs_r_eng{i}", GROUP % "engineer") for i in range(2)]
        cls.gm = user("cs_r_gm", "base.group_user")
        cls.company.cs_report_recipient_id = cls.gm
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "CS Reports Team",
                "company_id": cls.company.id,
                "user_id": cls.supervisor.id,
                "user_ids": [Command.set([u.id for u in cls.reps])],
            }
        )
        cls.customers = cls.env["res.partner"].create(
            [{"name": f"CS Reports Customer {i}", "is_company": True} for i in range(3)]
        )

    # ---- traffic ----
    @classmethod
    def _traffic(cls, specs):
        """Traffic records ``[(line, granularity, period_start, volume,
        amount)]``, entered on 2 April 2026 (segments of that day)."""
        with freeze_time("2026-04-02 02:00:00"):
            return cls.env["cs.traffic.record"].create(
                [
                    {
                        "service_line_id": line.id,
                        "granularity": granularity,
                        "period_start": start,
                        "volume": volume,
                        "amount": amount,
                    }
                    for line, granularity, start, volume, amount in specs
                ]
            )

    @classmethod
    def _anomalies(cls, specs):
        """Anomalies ``[(partner, period_start, direction, segment, callback)]``
        where callback is None or ``(user, scheduled_date, done_date or
        False)``, as the detection job records them."""
        anomalies = cls.env["cs.traffic.anomaly"]
        for partner, start, direction, segment, callback in specs:
            values = {
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "granularity": "month",
                "period_start": start,
                "volume": 10.0,
                "trailing_avg": 100.0,
                "change_pct": -90.0 if direction == "drop" else 90.0,
                "direction": direction,
                "segment": segment,
            }
            if callback:
                user, scheduled, done = callback
                values["callback_id"] = (
                    cls.env["cs.callback"]
                    .create(
                        {
                            "partner_id": partner.id,
                            "reason": "traffic_anomaly",
                            "user_id": user.id,
                            "scheduled_date": scheduled,
                            "state": "done" if done else "todo",
                            "done_date": done,
                            "company_id": cls.company.id,
                        }
                    )
                    .id
                )
            anomalies |= anomalies.create(values)
        return anomalies

    # ---- work orders ----
    @classmethod
    def _equipment(cls, names):
        """Storable products received into the company's CS warehouse, 100 of
        each."""
        products = cls.env["product.product"].create(
            [{"name": name, "is_storable": True} for name in names]
        )
        cls.env["cs.department.demo"].with_company(cls.company)._receive_stock(
            [(product.id, 100, False) for product in products]
        )
        return products

    @classmethod
    def _done_work_order(
        cls, ticket, engineer, kind, scheduled, done, rating=0, lines=()
    ):
        """A work order of ``ticket`` planned by the supervisor at
        ``scheduled`` for two hours, its transfers of ``lines`` (``[(product,
        quantity, direction)]``) validated, done by ``engineer`` at ``done``
        and rated ``rating`` by the supervisor."""
        order = (
            cls.env["cs.work.order"]
            .with_user(cls.supervisor)
            .create(
                {
                    "partner_id": ticket.partner_id.id,
                    "ticket_id": ticket.id,
                    "kind": kind,
                    "company_id": cls.company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": quantity,
                                "direction": direction,
                                "reusable": True,
                            }
                        )
                        for product, quantity, direction in lines
                    ],
                }
            )
        )
        order.write(
            {"engineer_id": engineer.id, "scheduled_date": scheduled, "duration": 2}
        )
        order.action_schedule()
        pickings = order.picking_ids
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids.picked = True
        if pickings:
            pickings.button_validate()
        with freeze_time(done):
            order.with_user(engineer).action_done()
        if rating:
            order.quality_rating = rating
        return order
