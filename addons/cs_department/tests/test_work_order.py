# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_work_order import CsWorkOrderCommon


@tagged("post_install", "-at_install")
class TestWorkOrderFlow(CsWorkOrderCommon):
    """The whole flow, each step as the role that does it."""

    def _install(self):
        return self._draft(
            [
                {"product_id": self.router.id, "lot_id": self.lot1.id},
                {"product_id": self.modem.id, "quantity": 2},
                {"product_id": self.cable.id, "quantity": 5},
            ]
        )

    def test_warehouse_created_on_install(self):
        """The CS warehouse has its operation types and a faulty location
        outside the stock that deliveries reserve from."""
        warehouse = self.warehouse
        self.assertTrue(warehouse.cs_is_service_warehouse)
        self.assertEqual(warehouse.name, "Customer Service")
        self.assertTrue(warehouse.in_type_id and warehouse.out_type_id)
        self.assertEqual(self.faulty.usage, "internal")
        self.assertEqual(self.faulty.location_id, warehouse.view_location_id)
        self.assertFalse(self.faulty.parent_path.startswith(self.stock.parent_path))
        self.assertEqual(self.company.sudo()._cs_service_warehouse(), warehouse)

    def test_delivery_then_done(self):
        order = self._install()
        self.assertEqual(order.ticket_id, self.ticket)
        self.assertEqual(order.state, "draft")
        self.assertEqual(
            self.ticket.with_user(self.representative).cs_work_order_count, 1
        )
        self._schedule(order)
        self.assertEqual(order.state, "scheduled")
        delivery = order.sudo().picking_ids
        self.assertEqual(len(delivery), 1)
        self.assertEqual(delivery.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(delivery.partner_id, self.customer)
        customer_location = self._customer_location()
        self.assertEqual(delivery.location_dest_id, customer_location)
        self.assertEqual(
            customer_location.location_id,
            self.env.ref("stock.stock_location_customers"),
        )
        self.assertEqual(delivery.move_line_ids.filtered("lot_id").lot_id, self.lot1)
        # Scheduling reserves, it does not move stock.
        self.assertEqual(self._qty(self.modem, self.stock), 10)
        self.assertEqual(self._available(self.modem, self.stock), 8)
        self.assertEqual(self._qty(self.modem, customer_location), 0)

        engineer_order = order.with_user(self.engineer)
        engineer_order.action_start()
        with self.assertRaisesRegex(UserError, "not done yet"):
            engineer_order.action_done()
        self.assertEqual(order.state, "in_progress")

        self._validate(delivery)
        self.assertEqual(self._qty(self.modem, self.stock), 8)
        self.assertEqual(self._qty(self.cable, self.stock), 45)
        self.assertEqual(self._qty(self.router, self.stock, self.lot1), 0)
        self.assertEqual(self._qty(self.modem, customer_location), 2)
        self.assertEqual(self._qty(self.cable, customer_location), 5)
        self.assertEqual(self._qty(self.router, customer_location, self.lot1), 1)
        # The partner form lists the equipment installed, by serial.
        installed = self.customer.with_user(self.engineer).cs_installed_quant_ids
        self.assertEqual(
            {(q.product_id, q.lot_id, q.quantity) for q in installed},
            {
                (self.router, self.lot1, 1),
                (self.modem, self.env["stock.lot"], 2),
                (self.cable, self.env["stock.lot"], 5),
            },
        )

        with self.assertRaisesRegex(UserError, "are done"):
            order.with_user(self.supervisor).action_cancel()
        self.assertEqual(order.state, "in_progress")
        self.assertEqual(delivery.state, "done")

        engineer_order.with_user(self.engineer).write(
            {"signed_by": "Mr. Li", "signed_on": "2026-03-12 03:00:00"}
        )
        with freeze_time("2026-03-12 03:30:00"):
            engineer_order.action_done()
        self.assertEqual(order.state, "done")
        self.assertTrue(order.done_on_time)
        # Closed: the engineer's own rating is refused, a representative records it.
        with self.assertRaises(AccessError):
            engineer_order.write({"quality_rating": 100})
        order.with_user(self.representative).write({"quality_rating": 85})
        self.assertEqual(order.quality_rating, 85)
        with self.assertRaisesRegex(UserError, "Kind can no longer change"):
            order.with_user(self.supervisor).write({"kind": "repair"})

    def test_return_to_faulty_and_stock(self):
        """Returned equipment goes to the faulty location unless reusable."""
        order = self._install()
        self._schedule(order)
        self._validate(order.sudo().picking_ids)
        customer_location = self._customer_location()
        repair = self._draft(
            [
                {
                    "direction": "in",
                    "product_id": self.router.id,
                    "lot_id": self.lot1.id,
                },
                {"direction": "in", "product_id": self.modem.id, "reusable": True},
                {"product_id": self.router.id, "lot_id": self.lot2.id},
            ],
            kind="repair",
        )
        self._schedule(repair)
        pickings = repair.sudo().picking_ids
        self.assertEqual(len(pickings), 3)
        receipts = pickings.filtered(
            lambda p: p.picking_type_id == self.warehouse.in_type_id
        )
        self.assertEqual(
            set(receipts.mapped("location_dest_id")), {self.stock, self.faulty}
        )
        self.assertEqual(set(receipts.mapped("location_id")), {customer_location})
        self._validate(pickings)
        self.assertEqual(self._qty(self.router, customer_location, self.lot1), 0)
        self.assertEqual(self._qty(self.router, self.faulty, self.lot1), 1)
        self.assertEqual(self._qty(self.router, customer_location, self.lot2), 1)
        self.assertEqual(self._qty(self.modem, customer_location), 1)
        self.assertEqual(self._qty(self.modem, self.stock), 9)
        # Faulty equipment is not available to deliveries.
        self.assertEqual(self._available(self.router, self.stock), 0)
        installed = self.customer.with_user(self.supervisor).cs_installed_quant_ids
        self.assertEqual(installed.filtered("lot_id").lot_id, self.lot2)
        repair.with_user(self.engineer).action_done()
        self.assertEqual(repair.state, "done")

    def test_serial_required_and_checked(self):
        order = self._draft([{"product_id": self.router.id}])
        with self.assertRaisesRegex(UserError, "give its serial number"):
            self._schedule(order)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.sudo().picking_ids)
        # A serial not in the CS stock (lot3 was never received).
        order.with_user(self.representative).line_ids.lot_id = self.lot3
        with self.assertRaisesRegex(UserError, "is not in"):
            self._schedule(order)
        # A returning serial must be at this customer's.
        back = self._draft(
            [{"direction": "in", "product_id": self.router.id, "lot_id": self.lot2.id}]
        )
        with self.assertRaisesRegex(UserError, "is not in"):
            self._schedule(back)
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self._draft(
                [{"product_id": self.router.id, "lot_id": self.lot1.id, "quantity": 2}]
            )
        with self.assertRaises(ValidationError):
            self._draft([{"product_id": self.modem.id, "lot_id": self.lot1.id}])
        service = self.env["product.product"].create(
            {"name": "Test Service", "type": "service"}
        )
        with self.assertRaisesRegex(ValidationError, "not a storable"):
            self._draft([{"product_id": service.id}])

    def test_cancel_before_delivery(self):
        order = self._install()
        self._schedule(order)
        delivery = order.sudo().picking_ids
        order.with_user(self.supervisor).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(delivery.state, "cancel")
        self.assertEqual(self._available(self.modem, self.stock), 10)
        with self.assertRaises(UserError):
            order.with_user(self.supervisor).action_schedule()

    def test_lines_locked_once_scheduled(self):
        order = self._install()
        self._schedule(order)
        with self.assertRaisesRegex(UserError, "no longer a draft: Quantity"):
            order.with_user(self.supervisor).line_ids[0].quantity = 3
        with self.assertRaises(UserError):
            order.with_user(self.supervisor).line_ids[0].unlink()
        self.assertEqual(len(order.line_ids), 3)


@tagged("post_install", "-at_install")
class TestWorkOrderAccess(CsWorkOrderCommon):
    """Who may do what, as the lowest-privileged user who could try."""

    def test_engineer_cannot_create_or_plan(self):
        with self.assertRaises(AccessError):
            self._draft([{"product_id": self.modem.id}], user=self.engineer)
        order = self._draft([{"product_id": self.modem.id}])
        self._schedule(order)
        engineer_order = order.with_user(self.engineer)
        for vals in (
            {"scheduled_date": "2026-03-20 02:00:00"},
            {"duration": 10},
            {"engineer_id": self.engineer_other.id},
        ):
            with self.assertRaises(AccessError):
                engineer_order.write(vals)
        self.assertEqual(order.duration, 2.0)
        self.assertEqual(order.engineer_id, self.engineer)
        for vals in ({"state": "done"}, {"done_date": "2026-03-12 00:00:00"}):
            with self.assertRaises(UserError):
                engineer_order.write(vals)
        self.assertEqual(order.state, "scheduled")
        with self.assertRaises(AccessError):
            engineer_order.write({"date_deadline": "2026-04-01 00:00:00"})
        with self.assertRaises(AccessError):
            engineer_order.action_cancel()

    def test_nobody_plans_his_own_work(self):
        """A supervisor who is also an engineer neither assigns himself nor
        reschedules his own work order; deleting is for drafts only."""
        self.supervisor.groups_id += self.env.ref(
            "cs_department.cs_department_group_engineer"
        )
        order = self._draft([{"product_id": self.modem.id}])
        # refused once written (the transaction is rolled back, as a request's)
        with (
            self.assertRaisesRegex(AccessError, "appraised on: another person sets"),
            self.env.cr.savepoint(),
        ):
            order.with_user(self.supervisor).write({"engineer_id": self.supervisor.id})
        self.assertFalse(order.engineer_id)
        self._schedule(order)
        order.sudo().engineer_id = self.supervisor
        with self.assertRaisesRegex(AccessError, "appraised on: another person sets"):
            order.with_user(self.supervisor).write({"duration": 8})
        self.assertEqual(order.duration, 2.0)
        with self.assertRaisesRegex(UserError, "cannot be deleted in state Scheduled"):
            order.with_user(self.manager).unlink()
        self.assertTrue(order.exists())
        draft = self._draft([{"product_id": self.modem.id}])
        draft.with_user(self.manager).unlink()
        self.assertFalse(draft.exists())

    def test_engineer_sees_team_changes_own(self):
        order = self._draft([{"product_id": self.modem.id}])
        self._schedule(order)
        other = order.with_user(self.engineer_other)
        self.assertEqual(other.read(["name"])[0]["name"], order.name)
        with self.assertRaises(AccessError):
            other.write({"notes": "<p>Mine now</p>"})
        with self.assertRaises(AccessError):
            other.action_start()
        self.assertEqual(order.state, "scheduled")
        order.with_user(self.engineer).write({"notes": "<p>Bring a ladder</p>"})

    def test_representative_drafts_not_schedules(self):
        order = self._draft([{"product_id": self.modem.id}])
        rep_order = order.with_user(self.representative)
        with self.assertRaises(AccessError):
            rep_order.action_schedule()
        with self.assertRaises(AccessError):
            rep_order.write({"engineer_id": self.engineer.id})
        self.assertFalse(order.engineer_id)
        self.assertFalse(order.sudo().picking_ids)
        with self.assertRaises(AccessError):
            order.with_user(self.representative_other).read(["name"])
        with self.assertRaises(AccessError):
            order.with_user(self.employee).read(["name"])
        # No rating before the work is done, nor at creation.
        with self.assertRaises(UserError):
            rep_order.write({"quality_rating": 80})
        with self.assertRaises(AccessError):
            self._draft([{"product_id": self.modem.id}], quality_rating=50)
        with self.assertRaises(UserError):
            self._draft([{"product_id": self.modem.id}], state="done")
        rep_order.action_cancel()
        self.assertEqual(order.state, "cancel")

    def test_stock_changes_only_through_pickings(self):
        """Nobody but the stock users validates; a representative cannot."""
        order = self._draft([{"product_id": self.modem.id}])
        self._schedule(order)
        delivery = order.sudo().picking_ids
        with self.assertRaises(AccessError):
            delivery.with_user(self.representative).button_validate()
        self.assertEqual(delivery.state, "assigned")
        self.assertEqual(self._qty(self.modem, self.stock), 10)
        with self.assertRaises(AccessError):
            order.with_user(self.representative).picking_ids.read(["name"])

    def test_other_company_hidden(self):
        """Each company has its own CS warehouse and work orders."""
        other = self.env["res.company"].create({"name": "CS Test Other Company"})
        warehouse = other.sudo()._cs_service_warehouse()
        self.assertNotEqual(warehouse, self.warehouse)
        self.assertEqual(warehouse.company_id, other)
        order = self.env["cs.work.order"].create(
            {"partner_id": self.customer.id, "company_id": other.id}
        )
        WorkOrder = self.env["cs.work.order"].with_user(self.supervisor)
        self.assertFalse(WorkOrder.search([("id", "=", order.id)]))
        self.supervisor.company_ids += other
        self.assertFalse(
            WorkOrder.with_context(allowed_company_ids=[self.company.id]).search(
                [("id", "=", order.id)]
            )
        )
        self.assertTrue(
            WorkOrder.with_context(allowed_company_ids=[other.id]).search(
                [("id", "=", order.id)]
            )
        )

    def test_report_access(self):
        Report = self.env["cs.warehouse.account.report"]
        for user in (self.representative, self.engineer):
            with self.assertRaises(AccessError):
                Report.with_user(user).search_read([], ["product_id"])
        self.assertTrue(
            Report.with_user(self.supervisor).search(
                [("product_id", "=", self.modem.id)]
            )
        )
        self.assertTrue(
            Report.with_user(self.manager).search([("product_id", "=", self.modem.id)])
        )


@tagged("post_install", "-at_install")
class TestWorkOrderGuard(CsWorkOrderCommon):
    """Returns bring back what the customer has; the planning is the
    supervisor's, from the creation on."""

    def _return(self, quantity, product=None, **vals):
        return self._draft(
            [
                {
                    "direction": "in",
                    "product_id": (product or self.cable).id,
                    "quantity": quantity,
                    "reusable": True,
                }
            ],
            kind="repair",
            **vals,
        )

    def _deliver(self, quantity, product=None):
        order = self._draft(
            [{"product_id": (product or self.cable).id, "quantity": quantity}]
        )
        self._schedule(order)
        self._validate(order.sudo().picking_ids)
        return order

    def test_return_of_equipment_never_delivered(self):
        """300 cables never delivered do not come back into the stock."""
        order = self._return(300)
        with self.assertRaisesRegex(
            UserError, r"bring back 300 Units of Test Cable .* holds 0 Units"
        ):
            self._schedule(order)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.sudo().picking_ids)
        self.assertEqual(self._qty(self.cable, self.stock), 50)
        self.assertEqual(self._qty(self.cable, self._customer_location()), 0)

    def test_return_limited_to_what_the_customer_holds(self):
        """Of 5 cables delivered, 6 do not come back, 5 do; a second return of
        the same 5 is refused while the first is on its way."""
        self._deliver(5)
        too_many = self._return(6)
        with self.assertRaisesRegex(UserError, "bring back 6 Units .* holds 5 Units"):
            self._schedule(too_many)
        self.assertEqual(too_many.state, "draft")
        # two lines of one order add up
        split = self._draft(
            [
                {"direction": "in", "product_id": self.cable.id, "quantity": 3},
                {"direction": "in", "product_id": self.cable.id, "quantity": 3},
            ],
            kind="repair",
        )
        with self.assertRaisesRegex(UserError, "bring back 6 Units"):
            self._schedule(split)
        first = self._return(5)
        self._schedule(first)
        second = self._return(1)
        with self.assertRaisesRegex(UserError, "5 Units of them already on their way"):
            self._schedule(second)
        self.assertEqual(second.state, "draft")
        self.assertFalse(second.sudo().picking_ids)
        self._validate(first.sudo().picking_ids)
        self.assertEqual(self._qty(self.cable, self._customer_location()), 0)
        self.assertEqual(self._qty(self.cable, self.stock), 50)

    def test_receipt_not_raised_past_the_customers_equipment(self):
        """A stock user does not validate the return of more than the
        customer holds."""
        self._deliver(5)
        order = self._return(2)
        self._schedule(order)
        receipt = order.sudo().picking_ids.with_user(self.stock_user)
        receipt.move_ids.quantity = 300
        receipt.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "bring back 300 Units .* holds 5 Units"):
            receipt.button_validate()
        self.assertEqual(receipt.state, "assigned")
        self.assertEqual(self._qty(self.cable, self.stock), 45)
        self.assertEqual(self._qty(self.cable, self._customer_location()), 5)

    def test_planning_read_only_in_the_form_for_others(self):
        """The form shows the planning read-only to a representative (the
        guard's cs_input_locked), editable to a supervisor."""
        form = Form(self.env["cs.work.order"].with_user(self.representative))
        form.partner_id = self.customer
        self.assertTrue(form.cs_input_locked)
        for name in ("engineer_id", "scheduled_date", "duration"):
            with self.subTest(name=name), self.assertRaises(AssertionError):
                setattr(form, name, False)
        form = Form(self.env["cs.work.order"].with_user(self.supervisor))
        form.partner_id = self.customer
        self.assertFalse(form.cs_input_locked)
        form.engineer_id = self.engineer
        form.duration = 3.0
        self.assertEqual(form.save().engineer_id, self.engineer)

    def test_representative_does_not_plan_on_create(self):
        """The engineer, date and duration a representative sends with a new
        work order, as values or context defaults, are refused."""
        planning = {
            "engineer_id": self.engineer.id,
            "scheduled_date": "2026-03-12 02:00:00",
            "duration": 5000.0,
        }
        WorkOrder = self.env["cs.work.order"]
        before = WorkOrder.search_count([])
        for name, value in planning.items():
            with self.subTest(name=name), self.assertRaises(AccessError):
                self._draft([{"product_id": self.modem.id}], **{name: value})
            with self.subTest(default=name), self.assertRaises(AccessError):
                WorkOrder.with_user(self.representative).with_context(
                    **{f"default_{name}": value}
                ).create({"partner_id": self.customer.id})
        self.assertEqual(WorkOrder.search_count([]), before)
        order = self._draft([{"product_id": self.modem.id}])
        for name, value in planning.items():
            with self.subTest(write=name), self.assertRaises(AccessError):
                order.with_user(self.representative).write({name: value})
        self.assertRecordValues(
            order, [{"engineer_id": False, "scheduled_date": False, "duration": 2.0}]
        )
        # the supervisor plans it
        self._schedule(order)
        self.assertEqual(order.engineer_id, self.engineer)
