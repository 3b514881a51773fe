# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo.tests import tagged

from .common import CsDepartmentCommon


@tagged("post_install", "-at_install")
class TestTicketCustomer(CsDepartmentCommon):
    """The ticket list and form show the customer, not the empty typed name."""

    def _arch(self, view_type):
        views = (
            self.env["helpdesk.ticket"]
            .with_user(self.manager)
            .get_views([(False, view_type)])
        )
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_key_customer_list_shows_the_customer(self):
        """The key-customer complaints list shows the commercial customer; the
        typed "Partner Name" is hidden by default."""
        action = self.env.ref("cs_department.helpdesk_ticket_action_key_customer")
        self.assertEqual(action.view_mode.split(",")[0], "list")
        arch = self._arch("list")
        [customer] = arch.xpath("//field[@name='commercial_partner_id']")
        self.assertEqual(customer.get("string"), "Customer")
        self.assertEqual(customer.get("optional"), "show")
        [typed] = arch.xpath("//field[@name='partner_name']")
        self.assertEqual(typed.get("optional"), "hide")
        # The column holds the key customer of a ticket from its contact.
        ticket = self._create_ticket("complaint", partner=self.key_contact)
        self.assertFalse(ticket.partner_name)
        # the domain of the action's default filter
        domain = [("cs_request_kind", "=", "complaint"), ("cs_key_customer", "=", True)]
        tickets = (
            self.env["helpdesk.ticket"]
            .with_user(self.manager)
            .search_read([("id", "=", ticket.id), *domain], ["commercial_partner_id"])
        )
        self.assertEqual(tickets[0]["commercial_partner_id"][0], self.key_customer.id)

    def test_form_hides_partner_name_once_the_contact_is_set(self):
        """The form's "Partner Name" is invisible when the contact is set."""
        [typed] = self._arch("form").xpath("//field[@name='partner_name']")
        self.assertEqual(typed.get("invisible"), "partner_id")
