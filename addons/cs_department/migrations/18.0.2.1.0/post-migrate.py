# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.1.0: the shipped indicators measure themselves from the department's data.

The manual's indicators (``noupdate``, so not reloaded) that are still entered
by hand switch to their computed source, unless a closed appraisal already used
them: a closed sheet keeps the measure it was closed with (the indicator stays
manual, logged; HR may archive it and create a computed one). Their scoring
standard and assessment method follow when they are still the shipped English
texts; the stale translations of those texts are dropped, the module's
translation files (loaded after this script) give the new ones.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

#: The shipped indicator (xml id in cs_department) and its computed source.
SOURCES = {
    "cs_kpi_indicator_mgr_external_satisfaction": "cs_team_callback_satisfaction",
    "cs_kpi_indicator_mgr_skill_pass_rate": "cs_team_quality_pass_rate",
    "cs_kpi_indicator_sup_complaint_satisfaction": "cs_team_complaint_satisfaction",
    "cs_kpi_indicator_sup_report_timeliness": "cs_report_timeliness",
    "cs_kpi_indicator_sup_skill_improvement": "cs_team_quality_pass_rate",
    "cs_kpi_indicator_sup_service_quality": "cs_quality_check_score",
    "cs_kpi_indicator_rep_handling_satisfaction": "cs_callback_satisfaction",
    "cs_kpi_indicator_rep_change_accuracy": "cs_change_order_quality",
    "cs_kpi_indicator_rep_small_customer_callbacks": "cs_traffic_callback_rate",
    "cs_kpi_indicator_rep_crm_timeliness": "cs_report_timeliness",
    "cs_kpi_indicator_rep_product_knowledge": "cs_quality_check_score",
}

#: ``{xml id: {field: (shipped text, new text)}}``
TEXTS = {
    "cs_kpi_indicator_mgr_external_satisfaction": {
        "assessment_method": (
            ("Statistics from the information system's customer feedback."),
            (
                "Computed from the customer feedback: average satisfaction of the "
                "rated callbacks done in the period on the tickets of the people "
                "the manager leads, his own callbacks excluded."
            ),
        ),
    },
    "cs_kpi_indicator_mgr_skill_pass_rate": {
        "scoring_standard": (
            (
                "The manual gives no scoring standard. Default: score 0-100 given "
                "from the periodic assessment results."
            ),
            (
                "The manual gives no scoring standard. Default: the pass rate (%) "
                "of the team's quality spot checks is the score."
            ),
        ),
        "assessment_method": (
            ("Periodic assessment, monitored by HR and Administration."),
            (
                "Computed from the quality spot checks: share of the checks of the "
                "people the manager leads, dated in the period and not made by him,"
                " whose score reaches the company's pass score."
            ),
        ),
    },
    "cs_kpi_indicator_sup_complaint_satisfaction": {
        "assessment_method": (
            ("Statistics and customer spot checks."),
            (
                "Computed from the complaint follow-ups: average satisfaction of "
                "the rated follow-ups done in the period on the tickets of the "
                "people the supervisor leads, his own follow-ups excluded."
            ),
        ),
    },
    "cs_kpi_indicator_sup_report_timeliness": {
        "scoring_standard": (
            (
                "The manual gives no scoring standard. Default: score 0-100 given "
                "by the department manager."
            ),
            (
                "The manual gives no scoring standard. Default: the on-time share "
                "(%) of the reports is the score."
            ),
        ),
        "assessment_method": (
            ("This role submits the reports; the department manager monitors them."),
            (
                "This role submits the reports; computed: share of the reports due "
                "in the period that were submitted on time."
            ),
        ),
    },
    "cs_kpi_indicator_sup_skill_improvement": {
        "scoring_standard": (
            (
                "The manual gives no scoring standard. Default: pass rate (%) of "
                "the periodic assessments / 90% (the job goal: 90% proficient) x "
                "100, capped at 100."
            ),
            (
                "The manual gives no scoring standard. Default: pass rate (%) of "
                "the group's quality spot checks / 90% (the job goal: 90% "
                "proficient) x 100, capped at 100."
            ),
        ),
        "assessment_method": (
            ("Pass rate of the periodic assessments."),
            (
                "Computed from the quality spot checks: share of the checks of the "
                "people the supervisor leads, dated in the period and not made by "
                "him, whose score reaches the company's pass score."
            ),
        ),
    },
    "cs_kpi_indicator_sup_service_quality": {
        "scoring_standard": (
            (
                "The manual gives no scoring standard. Default: score 0-100 given "
                "by the department manager."
            ),
            (
                "The manual gives no scoring standard. Default: the average score "
                "(0-100) of the spot checks of the supervisor's service is the "
                "score."
            ),
        ),
        "assessment_method": (
            (
                "The manual gives no assessment method (default: scored by the "
                "department manager)."
            ),
            (
                "The manual gives no assessment method (default: average score of "
                "the department manager's spot checks of the supervisor's service "
                "in the period, computed)."
            ),
        ),
    },
    "cs_kpi_indicator_rep_change_accuracy": {
        "scoring_standard": (
            ("Score 0-100 given by the supervisor."),
            (
                "The share (%) of the change orders handled accurately and on time "
                "is the score."
            ),
        ),
        "assessment_method": (
            ("Supervisor's check of the business change orders."),
            (
                "Computed from the business change orders requested in the period "
                "and finished: share never rejected nor corrected and activated "
                "within their delay."
            ),
        ),
    },
    "cs_kpi_indicator_rep_small_customer_callbacks": {
        "scoring_standard": (
            ("Score 0-100 given by the supervisor."),
            (
                "The share (%) of the traffic anomalies called back in time is the "
                "score."
            ),
        ),
        "assessment_method": (
            ("Callbacks made to customers with abnormal traffic."),
            (
                "Computed from the callbacks to customers with abnormal traffic: "
                "share of the period's anomalies whose callback, assigned to the "
                "representative, was done by its scheduled day."
            ),
        ),
    },
    "cs_kpi_indicator_rep_crm_timeliness": {
        "scoring_standard": (
            ("Score 0-100 given by the supervisor."),
            ("The on-time share (%) of the periodic reports is the score."),
        ),
        "assessment_method": (
            ("Daily CRM entries, weekly and monthly reports on time."),
            (
                "Computed from the weekly and monthly reports: share of the reports"
                " due in the period that were submitted on time."
            ),
        ),
    },
    "cs_kpi_indicator_rep_product_knowledge": {
        "scoring_standard": (
            ("Score 0-100 of the periodic assessment."),
            ("The average score (0-100) of the supervisor's spot checks is the score."),
        ),
        "assessment_method": (
            ("Periodic product and service knowledge assessment."),
            (
                "Computed from the supervisor's spot checks of the representative's"
                " service: their average score in the period."
            ),
        ),
    },
}


def switch_indicators(env):
    """Switch the shipped indicators still manual to their source; returns
    ``(switched, kept)`` indicators (kept: used by a closed appraisal)."""
    data = (
        env["ir.model.data"]
        .sudo()
        .search(
            [
                ("module", "=", "cs_department"),
                ("model", "=", "cs.kpi.indicator"),
                ("name", "in", list(SOURCES)),
            ]
        )
    )
    xmlids = {row.res_id: row.name for row in data}
    Indicator = env["cs.kpi.indicator"].sudo().with_context(lang="en_US")
    indicators = (
        Indicator.browse(list(xmlids))
        .exists()
        .filtered(lambda indicator: indicator.measure_type == "manual")
    )
    closed = Indicator.browse()
    if indicators:
        closed = (
            env["cs.kpi.sheet.line"]
            .sudo()
            .search(
                [
                    ("indicator_id", "in", indicators.ids),
                    "|",
                    ("sheet_id.state", "=", "done"),
                    ("sheet_id.campaign_id.state", "=", "done"),
                ]
            )
            .indicator_id
        )
    switched = indicators - closed
    for indicator in switched:
        xmlid = xmlids[indicator.id]
        indicator.write({"measure_type": "computed", "source": SOURCES[xmlid]})
        for field, (shipped, new) in TEXTS.get(xmlid, {}).items():
            if indicator[field] == shipped:
                # the old text's translations are stale: only the new English
                # text is kept, the translation files fill the languages in
                env.cr.execute(
                    SQL(
                        "UPDATE %s SET %s = jsonb_build_object('en_US', %s) "
                        "WHERE id = %s",
                        SQL.identifier(indicator._table),
                        SQL.identifier(field),
                        new,
                        indicator.id,
                    )
                )
        indicator.invalidate_recordset(list(TEXTS.get(xmlid, ())))
    for indicator in closed:
        _logger.info(
            "cs_department: indicator %s (%s) stays manual: closed appraisals use it",
            indicator.code,
            xmlids[indicator.id],
        )
    return switched, closed


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    switched, kept = switch_indicators(env)
    _logger.info(
        "cs_department: %s shipped indicators now computed, %s kept manual",
        len(switched),
        len(kept),
    )
