/* Copyright 2026 CS Department Suite Contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * The day of each role in the web client, run by tests/test_tours.py as the
 * demo user of the role. Each tour checks the visible outcome of its step
 * (a state, a badge, a message), so a broken view, widget or button fails it.
 */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

/** Pick `label` in the autocomplete of the many2one field `name`. */
function many2one(name, text, label, scope = "") {
    return [
        {
            content: `Type ${text} in ${name}`,
            trigger: `${scope} .o_field_widget[name="${name}"] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${label}`,
            trigger: `.o-autocomplete--dropdown-item a:contains("${label}")`,
            run: "click",
        },
    ];
}

function save() {
    return [
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ];
}

/** The role's landing app shows `title` (its home action, at /odoo). */
function landing(title) {
    return [
        {
            content: `The landing app opens on ${title}`,
            trigger: `.o_breadcrumb:contains("${title}")`,
        },
    ];
}

/** Open the menu `item` of the top-menu `section` (cs_department xmlids). */
function menu(section, item) {
    return [
        {
            content: `Menu ${section}`,
            trigger: `.o_menu_sections [data-menu-xmlid="cs_department.${section}"]`,
            run: "click",
        },
        {
            content: `Menu ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid="cs_department.${item}"]`,
            run: "click",
        },
    ];
}

/** Open the record of the list row or kanban card holding all of `texts`. */
function openRow(...texts) {
    const filters = texts.map((text) => `:contains("${text}")`).join("");
    return [
        {
            content: `Open the record ${texts.join(", ")}`,
            trigger:
                `.o_list_view .o_data_row${filters} td.o_data_cell, ` +
                `.o_kanban_view .o_kanban_record${filters}`,
            run: "click",
        },
    ];
}

/** The New button of a list or kanban view. */
function newRecord() {
    return [
        {
            content: "New",
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, " +
                ".o_control_panel_main_buttons .o-kanban-button-new",
            run: "click",
        },
    ];
}

tours.add("cs_department_tour_representative", {
    url: "/odoo",
    steps: () => [
        // From his landing app (consultations) to a new complaint.
        ...landing("Consultations"),
        ...menu("cs_department_menu_service", "helpdesk_ticket_menu_complaint"),
        ...newRecord(),
        // A complaint taken on the phone, then escalated to the engineer.
        {
            content: "Complaint form",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour: no dial tone since the storm",
        },
        ...many2one("partner_id", "Beida", "Beida Logistics"),
        {
            content: "Describe it",
            trigger: ".o_field_widget[name='description'] .odoo-editor-editable",
            run: "editor The line has had no dial tone since the storm.",
        },
        {
            content: "Complaint page",
            trigger: ".o_notebook a[name='cs_complaint']",
            run: "click",
        },
        {
            content: "Complaint reason",
            trigger: ".o_field_widget[name='cs_complaint_reason'] select",
            run: 'select "line_quality"',
        },
        ...save(),
        {
            content: "Escalate to the engineer",
            trigger: "button[name='action_cs_escalate']",
            run: "click",
        },
        ...many2one("engineer_id", "Sun", "Sun Hao", ".modal"),
        {
            content: "Why an engineer is needed",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Line test on site needed",
        },
        {
            content: "Escalate",
            trigger: ".modal button[name='action_escalate']",
            run: "click",
        },
        {
            content: "The ticket shows its escalation",
            trigger:
                "button[name='action_cs_view_escalations'] .o_stat_value:contains(1)",
        },
        {
            content: "The ticket is with the engineer now",
            trigger: ".o_field_widget[name='user_id'] [data-tooltip='Sun Hao']",
        },
    ],
});

tours.add("cs_department_tour_business_change", {
    url: "/odoo",
    steps: () => [
        // From his landing app to the customer's business-change ticket.
        ...landing("Consultations"),
        ...menu("cs_department_menu_service", "helpdesk_ticket_menu_business_change"),
        ...openRow("Second IP line for the Shenzhen office"),
        // From the customer's business-change ticket to a verified change order.
        {
            content: "New change order from the ticket",
            trigger: "button:contains('New Change Order')",
            run: "click",
        },
        {
            content: "The order belongs to the ticket's customer",
            trigger:
                ".o_form_view .o_field_widget[name='ticket_id'] input:value(Second IP line)",
        },
        {
            content: "Add a change line",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Change type",
            trigger: ".o_data_row .o_field_widget[name='change_type'] select",
            run: 'select "add_line"',
        },
        {
            content: "Service type",
            trigger: ".o_data_row .o_field_widget[name='service_type'] select",
            run: 'select "ip"',
        },
        {
            content: "New number",
            trigger: ".o_data_row .o_field_widget[name='new_value'] input",
            run: "edit 0755-86001234",
        },
        {
            content: "Verified by phone",
            trigger: ".o_field_widget[name='verification_method'] select",
            run: 'select "phone"',
        },
        ...save(),
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

tours.add("cs_department_tour_engineer", {
    url: "/odoo",
    steps: () => [
        // His Customer Service app opens on the tickets escalated to him.
        {
            content: "Apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Customer Service app",
            trigger: ".o_app[data-menu-xmlid='cs_department.cs_department_menu_root']",
            run: "click",
        },
        {
            content: "The app opens on My Escalations",
            trigger: ".o_breadcrumb:contains('My Escalations')",
        },
        {
            content: "Open the escalation",
            trigger: ".o_list_view .o_data_row td:contains('Tour escalated line')",
            run: "click",
        },
        {
            content: "Return it",
            trigger: ".o_form_view button[name='action_return']",
            run: "click",
        },
        {
            content: "Give the resolution",
            trigger: ".modal .o_field_widget[name='resolution'] textarea",
            run: "edit Replaced the damaged drop cable",
        },
        {
            content: "Return",
            trigger: ".modal button[name='action_return']",
            run: "click",
        },
        {
            content: "Returned, with its resolution on the log",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Returned')",
        },
        {
            content: "The resolution is kept",
            trigger:
                ".o_field_widget[name='resolution']:contains('Replaced the damaged drop cable')",
        },
    ],
});

tours.add("cs_department_tour_supervisor", {
    url: "/odoo",
    steps: () => [
        // His landing app: his callbacks, among them a closed complaint's follow-up.
        ...landing("Callbacks"),
        ...openRow("Tour follow-up customer"),
        {
            content: "Outcome",
            trigger: ".o_field_widget[name='outcome'] select",
            run: 'select "resolved"',
        },
        {
            content: "Score",
            trigger: ".o_field_widget[name='satisfaction'] input",
            run: "edit 90",
        },
        ...save(),
        {
            content: "Mark it done",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "Done",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        // The expedited order waits for his tier: validating it approves it.
        ...menu("cs_department_menu_service", "cs_change_order_menu"),
        ...openRow("Ready Mat", "Verified"),
        {
            content: "Validate the supervisor tier",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The click says what it did",
            trigger: ".o_notification:contains('approved')",
        },
        {
            content: "The last validation approved the order",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            content: "The reviews table names the reviewers",
            trigger: ".o_form_view:not(:contains('Group Group Supervisor'))",
        },
        // The complaint rate of his department.
        ...menu("cs_department_menu_report", "cs_complaint_report_menu"),
        {
            content: "The report shows figures",
            trigger:
                ".o_pivot table, .o_graph_renderer canvas, .o_list_view .o_data_row",
        },
    ],
});

tours.add("cs_department_tour_manager", {
    url: "/odoo",
    steps: () => [
        // From his landing app (complaints) to the key customer's complaint.
        ...landing("Complaints"),
        ...openRow("Tour key customer complaint"),
        // The key customer's complaint: record the visit he made, then close it.
        {
            content: "Complaint page",
            trigger: ".o_notebook a[name='cs_complaint']",
            run: "click",
        },
        {
            content: "Add the on-site visit",
            trigger:
                ".o_field_widget[name='cs_visit_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "What the visit gave",
            trigger: ".o_data_row .o_field_widget[name='outcome'] textarea",
            run: "edit Apologised; line replaced",
        },
        ...save(),
        {
            content: "Closed stages",
            trigger: ".o_statusbar_status button.dropdown-toggle.o_first",
            run: "click",
        },
        {
            content: "Close the complaint",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Done')",
            run: "click",
        },
        {
            content: "Closed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            content: "Saved closed",
            trigger: ".o_form_view .o_form_saved",
        },
        // The job description of a customer-service job, printed.
        {
            content: "Job descriptions",
            trigger: "body",
            run: "goToUrl /odoo/action-cs_department.hr_job_action_cs_job_description",
        },
        {
            content: "Open the department manager's job",
            trigger:
                ".o_list_view .o_data_row td:contains('Customer Service Department Manager')",
            run: "click",
        },
        {
            content: "Actions menu",
            trigger: ".o_form_view .o_cp_action_menus button.dropdown-toggle",
            run: "click",
        },
        {
            content: "The job description can be printed",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Job Description')",
        },
        {
            content: "Print it (rendered as the manager)",
            trigger: ".o_form_view .o_field_widget[name='name']",
            async run() {
                const jobId = window.location.pathname.split("/").pop();
                const response = await fetch(
                    `/report/html/cs_department.report_job_description/${jobId}`
                );
                const html = await response.text();
                if (
                    !response.ok ||
                    !html.includes("Customer Service Department Manager")
                ) {
                    throw new Error(`Job description not printed (${response.status})`);
                }
            },
        },
    ],
});

tours.add("cs_department_tour_hr", {
    url: "/odoo",
    steps: () => [
        // From his landing app (the campaigns) to a new campaign.
        ...landing("Appraisal Campaigns"),
        ...newRecord(),
        // A quarter's appraisal of the representatives, from creation to export.
        {
            content: "Campaign name",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour 2026 Q3 managers",
        },
        {
            content: "Year",
            trigger: ".o_field_widget[name='year'] input",
            run: "edit 2026",
        },
        {
            content: "Quarter 5 does not exist",
            trigger: ".o_field_widget[name='period_number'] input",
            run: "edit 5",
        },
        {
            content: "Leave the field",
            trigger: ".o_field_widget[name='year'] input",
            run: "click",
        },
        {
            content: "It is refused where typed",
            trigger: ".modal:contains('A quarter is numbered 1 to 4') .btn-primary",
            run: "click",
        },
        {
            content: "Quarter 3",
            trigger: ".o_field_widget[name='period_number'] input",
            run: "edit 3",
        },
        {
            content: "Leave the field",
            trigger: ".o_field_widget[name='year'] input",
            run: "click",
        },
        {
            content: "Its dates",
            trigger: ".o_field_widget[name='date_from'] input:value(07/01/2026)",
        },
        ...many2one(
            "job_ids",
            "Department Manager",
            "Customer Service Department Manager"
        ),
        ...save(),
        {
            content: "Generate the sheets",
            trigger: "button[name='action_generate_sheets']:contains('Generate')",
            run: "click",
        },
        {
            content: "The click says what it did",
            trigger: ".o_notification:contains('appraisal sheets generated')",
        },
        {
            content: "Open for scoring",
            trigger: "button[name='action_open']",
            run: "click",
        },
        {
            content: "Open",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='open']",
        },
        {
            content: "The sheets",
            trigger: "button[name='action_view_sheets']",
            run: "click",
        },
        {
            content: "The sheets of the campaign",
            trigger: ".o_breadcrumb .active:contains('Appraisal Sheets')",
        },
        {
            content: "Open the first sheet",
            trigger:
                ".o_list_view .o_data_row td[name='employee_id']:contains('Li Wei')",
            run: "click",
        },
        {
            content: "A direct score (the manual gives no method: entered by hand)",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row:contains('Process standardisation') td[name='actual']",
            run: "click",
        },
        {
            content: "Score it",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='actual'] input",
            run: "edit 88",
        },
        ...save(),
        {
            content: "Back to the campaign",
            trigger: ".o_breadcrumb .o_back_button, .o_breadcrumb li:nth-child(1) a",
            run: "click",
        },
        {
            content: "The campaign",
            trigger: ".o_breadcrumb a:contains('Tour 2026 Q3 managers')",
            run: "click",
        },
        {
            content: "Close it (some sheets unscored: forced, with a reason)",
            trigger: "button[name='action_open_force_close']",
            run: "click",
        },
        {
            content: "Why",
            trigger: ".modal textarea",
            run: "edit Tour: the others are on leave",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Closed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
        {
            content: "Export XLSX",
            trigger: "button[name='action_export_xlsx']",
            run: "click",
        },
        {
            content: "No document-layout wizard on the way",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

tours.add("cs_department_tour_finance", {
    url: "/odoo",
    steps: () => [
        // The server request waits for finance after the manager's approval.
        {
            content: "Apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Budgets app",
            trigger: ".o_app[data-menu-xmlid='cs_department.cs_budget_menu_root']",
            run: "click",
        },
        {
            content: "Open the request waiting for finance",
            trigger:
                ".o_list_view .o_data_row td:contains('Replacement call-center recording server')",
            run: "click",
        },
        {
            content: "Validate the finance tier",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The last validation approved the request",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            content: "Mark it paid",
            trigger:
                ".o_form_view .o_statusbar_buttons button:contains('Mark as Paid')",
            run: "click",
        },
        {
            content: "Payment reference",
            trigger: ".modal .o_field_widget[name='reference'] input",
            run: "edit TRF-TOUR-1",
        },
        {
            content: "Confirm the payment",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Paid",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Paid')",
        },
    ],
});

tours.add("cs_department_tour_work_order", {
    url: "/odoo",
    steps: () => [
        // His landing app is his work orders.
        ...landing("Work Orders"),
        // His repair at Beida, its equipment delivered and returned: done.
        {
            content: "Open his repair work order",
            trigger: ".o_kanban_record:contains('Beida Logistics'):contains('Repair')",
            run: "click",
        },
        {
            content: "In progress",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            content: "Mark it done",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "Done",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            content: "The done date shows",
            trigger: ".o_field_widget[name='done_date'] span:not(:empty)",
        },
    ],
});

tours.add("cs_department_tour_zh_names", {
    url: "/odoo",
    steps: () => [
        // From his landing app (工单) to the work order of the repair.
        {
            content: "Open the work order of the repair",
            trigger: ".o_kanban_record:contains('Beida Logistics')",
            run: "click",
        },
        // In Chinese a work order is 工单 and the ticket it comes from 受理单.
        {
            content: "The work order's ticket field is a 受理单",
            trigger: ".o_form_view label[for^='ticket_id']:contains('受理单')",
        },
        {
            content: "The ticket field is not called 工单",
            trigger: ".o_form_view label[for^='ticket_id']:not(:contains('工单'))",
        },
        {
            content: "The work order itself is a 工单",
            trigger: ".o_breadcrumb:contains('工单')",
        },
    ],
});
