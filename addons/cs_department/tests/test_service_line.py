# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_change_order import CsChangeOrderCommon


@tagged("post_install", "-at_install")
class TestServiceLine(CsChangeOrderCommon):
    """Customer service lines: consistency, partner tab, access."""

    def test_display_name_and_partner_count(self):
        """A line shows its type; the partner counts his open lines."""
        self.assertEqual(self.ip_line.display_name, "010-6000-1001 (IP)")
        self.assertEqual(self.customer.cs_service_line_count, 2)
        self.ld_line.state = "closed"
        self.customer.invalidate_recordset(["cs_service_line_count"])
        self.assertEqual(self.customer.cs_service_line_count, 1)
        action = self.customer.action_cs_view_service_lines()
        self.assertEqual(
            self.ServiceLine.search(action["domain"]), self.ip_line | self.ld_line
        )

    def test_unique_open_number(self):
        """An open number cannot be registered twice; a closed one can be reused."""
        with self.assertRaises(ValidationError):
            self.ServiceLine.with_user(self.supervisor).create(
                {
                    "name": "010-6000-1001",
                    "partner_id": self.customer.id,
                    "service_type": "ip",
                }
            )
        self.ip_line.state = "closed"
        reused = self.ServiceLine.with_user(self.supervisor).create(
            {
                "name": "010-6000-1001",
                "partner_id": self.customer.id,
                "service_type": "ip",
            }
        )
        self.assertEqual(reused.state, "active")

    def test_dates_consistent(self):
        """The end date cannot precede the start date."""
        with self.assertRaises(ValidationError):
            self.ip_line.write({"date_start": "2026-02-01", "date_end": "2026-01-01"})

    def test_change_order_count(self):
        """A service line counts the change orders acting on it."""
        self._create_order()
        self._create_order()
        self.assertEqual(self.ld_line.with_user(self.rep).change_order_count, 2)
        self.assertEqual(self.ip_line.with_user(self.rep).change_order_count, 0)

    def test_access_by_role(self):
        """Representatives and engineers read lines only (they change through
        approved change orders); plain employees do not see them at all."""
        self.assertEqual(
            self.ip_line.with_user(self.engineer).read(["name"])[0]["name"],
            "010-6000-1001",
        )
        with self.assertRaises(AccessError):
            self.ip_line.with_user(self.engineer).write({"password_set": True})
        with self.assertRaises(AccessError):
            self.ip_line.with_user(self.employee).read(["name"])
        with self.assertRaises(AccessError):
            self.ip_line.with_user(self.rep).unlink()
        with self.assertRaises(AccessError):
            self.ip_line.with_user(self.rep).write({"password_set": True})
        self.assertFalse(self.ip_line.password_set)
        self.ip_line.with_user(self.supervisor).write({"password_set": True})
        self.assertTrue(self.ip_line.password_set)
        self.ip_line.with_user(self.supervisor).unlink()
        self.assertFalse(self.ip_line.exists())

    def test_line_of_other_customer_refused(self):
        """A change cannot act on another customer's line."""
        other = self.env["res.partner"].create({"name": "Someone else"})
        with self.assertRaises(ValidationError):
            self._create_order(partner_id=other.id)
