/* Copyright 2026 CS Department Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";

/* The first representative opens his published sheet of the closed demo
 * campaign, clicks Explain on the satisfaction line and lands on the
 * customer feedback of the quarter it was measured from, his rated tickets
 * and the callbacks on them, the formula above them. */
registry.category("web_tour.tours").add("cs_kpi_explain_tour", {
    url: "/odoo/action-cs_kpi.cs_kpi_sheet_action",
    steps: () => [
        {
            content: "Open his published sheet",
            trigger: ".o_list_view .o_data_row td.o_data_cell",
            run: "click",
        },
        {
            content: "Explain the satisfaction line",
            trigger:
                ".o_form_view .o_data_row:contains('Customer satisfaction') " +
                "button[name='action_explain']",
            run: "click",
        },
        {
            content: "The formula above the records",
            trigger: ".o_cs_kpi_explain:contains('mean satisfaction of')",
        },
        {
            content: "The formula weighs the ratings with the callbacks",
            trigger: ".o_cs_kpi_explain:contains('the mean customer rating')",
        },
        {
            content: "His rated tickets of the quarter",
            trigger: ".o_list_view .o_data_row:contains('Customer Rating')",
        },
        {
            content: "And the callbacks on them",
            trigger: ".o_list_view .o_data_row:contains('Callback')",
        },
        {
            content: "In the breadcrumb, the indicator and the employee",
            trigger: ".o_breadcrumb:contains('Customer satisfaction')",
        },
    ],
});
