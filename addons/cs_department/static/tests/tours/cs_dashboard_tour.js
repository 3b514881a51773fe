/* Copyright 2026 CS Department Suite Contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * The General Manager lands on the department's dashboard, moves from the
 * last complete month to the current one, opens the complaints behind a
 * figure and comes back to the same period (tests/test_tours.py).
 */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("cs_department_tour_dashboard", {
    steps: () => [
        {
            content: "The dashboard is the General Manager's landing",
            trigger:
                ".o_cs_dashboard .o_cs_dashboard_card_report_score .o_cs_dashboard_value",
        },
        {
            content: "The month figures, the previous month's in each card",
            trigger: ".o_cs_dashboard_period_month.active",
        },
        {
            content: "The current month",
            trigger: ".o_cs_dashboard_next:enabled",
            run: "click",
        },
        {
            content: "To date, and no later month",
            trigger: ".o_cs_dashboard_next:disabled",
        },
        {
            content: "Open the month's complaints",
            trigger: ".o_cs_dashboard_card_complaints .o_cs_dashboard_open",
            run: "click",
        },
        {
            content: "The complaints behind the figure",
            trigger: ".o_list_view .o_data_row:contains('Tour: dashboard complaint')",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "On the same month",
            trigger: ".o_control_panel .o_cs_dashboard_next:disabled",
        },
        {
            content: "By quarter",
            trigger: ".o_cs_dashboard_period_quarter",
            run: "click",
        },
        {
            content: "The last complete quarter",
            trigger: ".o_cs_dashboard_period_quarter.active",
        },
        {
            content: "Its reports by pivot",
            trigger: ".o_cs_dashboard_card_reports_on_time .o_cs_dashboard_open",
            run: "click",
        },
        {
            content: "The reports due, with a pivot and a graph",
            trigger: ".o_list_view .o_cp_switch_buttons .o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot of the reports",
            trigger: ".o_pivot_view .o_pivot",
        },
    ],
});
