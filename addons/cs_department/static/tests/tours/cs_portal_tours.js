/* Copyright 2026 CS Department Suite Contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * A customer in the portal asks for an expedited password on one of his
 * lines, the representative converts and verifies it in the web client, the
 * customer follows the order's state: run by tests/test_portal.py.
 */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("cs_department_tour_portal_request", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Lines from the portal home",
            trigger: "a[href='/my/service-lines']",
            run: "click",
        },
        {
            content: "Ask for a change on the first line",
            trigger: ".o_cs_service_line:contains('PT-A-0001') .o_cs_line_change",
            run: "click",
        },
        {
            content: "The line is chosen",
            trigger: ".o_cs_change_form input[name='service_line_ids']:checked",
        },
        {
            content: "A password on the line",
            trigger: "select[name='change_type']",
            run: "select add_password",
        },
        {
            content: "Expedited",
            trigger: "input[name='expedited']",
            run: "click",
        },
        {
            content: "Details",
            trigger: "textarea[name='description']",
            run: "edit Protect the line, please.",
        },
        {
            content: "Send the request",
            trigger: ".o_cs_change_submit",
            run: "click",
        },
        {
            content: "The ticket shows the request, received",
            trigger:
                ".o_cs_ticket_request:contains('Add Password') .o_cs_request_state:contains('Received')",
        },
    ],
});

tours.add("cs_department_tour_portal_convert", {
    steps: () => [
        {
            content: "Convert the customer's request",
            trigger: "button[name='action_cs_convert_change_request']",
            run: "click",
        },
        {
            content: "The change order has the request's change",
            trigger:
                ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains('PT-A-0001')",
        },
        {
            content: "Verified with the customer",
            trigger: "button[name='action_verify']",
            run: "click",
        },
        {
            content: "The order is verified",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Verified')",
        },
    ],
});

tours.add("cs_department_tour_portal_follow", {
    url: "/my/change-requests",
    steps: () => [
        {
            content: "The customer sees his request verified",
            trigger: ".o_cs_change_request .o_cs_request_state:contains('Verified')",
        },
    ],
});
