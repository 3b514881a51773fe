/* Copyright 2026 CS Department Suite Contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * The General Manager scores a report 0 inline in Reports to Score: the
 * unscored report shows "Not scored yet", not 0, and a 0 typed on it is saved
 * (run by tests/test_unscored.py).
 */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("cs_department_tour_score_zero", {
    steps: () => [
        {
            content: "An unscored report shows no score",
            trigger:
                ".o_list_view .o_data_row:first-child td[name='quality_score'] .o_cs_unscored:contains('Not scored yet')",
            run: "click",
        },
        {
            content: "Score it 0",
            trigger:
                ".o_data_row.o_selected_row td[name='quality_score'] input[placeholder='Not scored yet']",
            run: "edit 0",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved: the score 0 shows",
            trigger:
                ".o_list_view:not(:has(.o_selected_row)) .o_data_row:first-child td[name='quality_score']:not(:has(.o_cs_unscored)):contains('0')",
        },
    ],
});
