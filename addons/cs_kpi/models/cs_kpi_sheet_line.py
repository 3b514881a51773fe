# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import date, datetime

from markupsafe import escape as html_escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools import actions, scoring, validate

# What a manager may change on his team's lines (HR changes anything).
SCORER_FIELDS = {"actual", "is_measured", "note"}
# What the measurement of computed and evaluation lines produces: nobody enters it.
MEASURED_FIELDS = {"actual", "is_measured"}


class CsKpiSheetLine(models.Model):
    _name = "cs.kpi.sheet.line"
    _description = "KPI Appraisal Sheet Line"
    _inherit = ["cs.guard.mixin"]
    _order = "sheet_id, sequence, id"
    # cs.guard.mixin: a line is part of its sheet and closes with it; moved
    # to another sheet, both sheets are checked.
    _cs_parent_field = "sheet_id"
    _cs_state_field = "sheet_id.state"
    _cs_closed_states = ("done",)

    sheet_id = fields.Many2one(
        comodel_name="cs.kpi.sheet", required=True, ondelete="cascade", index=True
    )
    # The stored related and computed fields are precomputed: a generated
    # line is inserted whole, not inserted then updated (one query per 100
    # lines less, half the generation's line queries).
    campaign_id = fields.Many2one(
        related="sheet_id.campaign_id", store=True, index=True, precompute=True
    )
    employee_id = fields.Many2one(
        related="sheet_id.employee_id", store=True, precompute=True
    )
    department_id = fields.Many2one(related="sheet_id.department_id")
    company_id = fields.Many2one(
        related="sheet_id.company_id", store=True, precompute=True
    )
    state = fields.Selection(related="sheet_id.state")
    sequence = fields.Integer(default=10)
    indicator_id = fields.Many2one(
        comodel_name="cs.kpi.indicator", required=True, ondelete="restrict"
    )
    category = fields.Selection(
        related="indicator_id.category", store=True, precompute=True
    )
    measure_type = fields.Selection(
        related="indicator_id.measure_type", store=True, precompute=True
    )
    source = fields.Selection(
        related="indicator_id.source", store=True, precompute=True
    )
    scoring_method = fields.Selection(
        related="indicator_id.scoring_method", store=True, precompute=True
    )
    higher_is_better = fields.Boolean(related="indicator_id.higher_is_better")
    assessment_method = fields.Text(related="indicator_id.assessment_method")
    weight = fields.Float(string="Weight (%)", readonly=True, aggregator=None)
    target = fields.Float(aggregator=None)
    floor = fields.Float(aggregator=None)
    actual = fields.Float(
        aggregator="avg",
        help="Measured or entered value; with the direct method it is the score "
        "itself (0-100); for evaluations, the aggregate of the evaluators' scores.",
    )
    is_measured = fields.Boolean(
        string="Scored",
        help="Set once an actual value was entered, measured or aggregated.",
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        precompute=True,
        digits=(16, 2),
        aggregator="avg",
        help="Score 0-100 given by the scoring method to the actual value.",
    )
    weighted_score = fields.Float(
        compute="_compute_score",
        store=True,
        precompute=True,
        digits=(16, 2),
        help="Score x weight / 100.",
    )
    evaluation_ids = fields.One2many(
        comodel_name="cs.kpi.evaluation", inverse_name="line_id"
    )
    note = fields.Char(string="Comment")

    _sql_constraints = [
        (
            "weight_range",
            "CHECK(weight >= 0 AND weight <= 100)",
            "The weight of a sheet line is between 0 and 100.",
        ),
        (
            "score_range",
            (
                "CHECK(score >= 0 AND score <= 100 "
                "AND weighted_score >= 0 AND weighted_score <= 100)"
            ),
            "The score of a sheet line is between 0 and 100.",
        ),
    ]

    @api.depends(
        "actual",
        "is_measured",
        "target",
        "floor",
        "weight",
        "scoring_method",
        "higher_is_better",
    )
    def _compute_score(self):
        scores = self._scores()
        weights = dict(zip(self._ids, self.mapped("weight"), strict=True))
        # lines of equal figures are assigned together: one cache update each
        groups = defaultdict(list)
        for line_id in self._ids:
            # unmeasured, or refused by _check_actual with a clear message: 0
            score = scores.get(line_id) or 0.0
            weighted = scoring.weighted_score(score, weights[line_id])
            groups[score, weighted].append(line_id)
        for (score, weighted), line_ids in groups.items():
            lines = self.browse(line_ids)
            lines.score = score
            lines.weighted_score = weighted

    def _scoring_rules(self):
        """``{indicator_id: (higher_is_better, cap, bands)}`` of the lines'
        indicators, read once for a batch of lines rather than per line."""
        return {
            indicator.id: (
                indicator.higher_is_better,
                indicator.cap,
                [(band.threshold, band.score) for band in indicator.band_ids],
            )
            for indicator in self.indicator_id
        }

    def _scores(self):
        """``{line_id: score}`` of the measured lines of ``self`` by their
        indicator's rules (``None``: the actual cannot be scored), the lines'
        fields read once per batch rather than per line."""
        rules = self._scoring_rules()
        result = {}
        for indicator, lines in self.grouped("indicator_id").items():
            higher_is_better, cap, bands = rules[indicator.id]
            for line_id, measured, actual, method, target, floor in zip(
                lines._ids,
                lines.mapped("is_measured"),
                lines.mapped("actual"),
                lines.mapped("scoring_method"),
                lines.mapped("target"),
                lines.mapped("floor"),
                strict=True,
            ):
                if not measured:
                    continue
                try:
                    result[line_id] = scoring.compute_score(
                        method,
                        actual,
                        target=target,
                        higher_is_better=higher_is_better,
                        floor=floor,
                        cap=cap,
                        bands=bands,
                    )
                except ValueError:
                    result[line_id] = None
        return result

    @api.constrains("note")
    def _check_note_length(self):
        error = validate.record_text_error(self, ["note"])
        if error:
            raise ValidationError(error)

    @api.constrains("actual", "is_measured", "target", "floor")
    def _check_actual(self):
        # target ratio and pass/fail score any value: only the other lines
        # are scored here (the measurement of a campaign checks thousands)
        lines = self.browse(
            line_id
            for line_id, method in zip(
                self._ids, self.mapped("scoring_method"), strict=True
            )
            if method not in scoring.ALWAYS_SCORED
        )
        scores = lines._scores()
        refused = [line_id for line_id in lines._ids if scores.get(line_id, 0) is None]
        if refused:
            line = self.browse(refused[0])
            if line.scoring_method == "direct":
                message = self.env._(
                    "%(indicator)s: a score must be between 0 and 100 "
                    "(%(value)s given).",
                    indicator=line.indicator_id.name,
                    value=line.actual,
                )
            else:
                message = self.env._(
                    "%(indicator)s: the value %(value)s cannot be scored with "
                    "this target and floor.",
                    indicator=line.indicator_id.name,
                    value=line.actual,
                )
            raise ValidationError(message)

    @api.onchange("actual")
    def _onchange_actual(self):
        """Show the score as soon as the value is typed, before saving."""
        for line in self:
            line.is_measured = True

    def _check_not_measured(self):
        """Computed and evaluation lines take their value from their measurement.

        The measurement writes as superuser (``_set_actuals``); any other
        caller, HR included, is refused: a hand-entered value would be lost at
        the next compute.
        """
        if self.env.su:
            return
        measured = self.filtered(lambda line: line.measure_type != "manual")
        if measured:
            raise AccessError(
                self.env._(
                    "%(indicator)s is measured from its data source or from "
                    "evaluations, not entered by hand.",
                    indicator=measured[0].indicator_id.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("actual") is not None and "is_measured" not in vals:
                vals["is_measured"] = True
        lines = super().create(vals_list)
        lines.sheet_id._check_not_locked()
        lines.filtered(
            lambda line: line.actual or line.is_measured
        )._check_not_measured()
        return lines

    def _check_write(self, vals):
        """The rules of writing ``vals`` on ``self``: ``write`` and ``_set_actuals``."""
        sheets = self.sheet_id
        if not sheets._is_closing():
            sheets._check_not_locked()
        sheets._check_scorer_write(self, vals, SCORER_FIELDS)
        if MEASURED_FIELDS & set(vals):
            self._check_not_measured()

    def write(self, vals):
        self._check_write(vals)
        if "actual" in vals and "is_measured" not in vals:
            vals = dict(vals, is_measured=vals["actual"] is not False)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.sheet_id._check_not_locked()

    def action_request_evaluations(self):
        """Ask evaluators for this line only (the campaign's wizard, narrowed)."""
        self.ensure_one()
        action = self.campaign_id.action_open_request_evaluations()
        action["context"].update(
            default_line_id=self.id, default_indicator_id=self.indicator_id.id
        )
        return action

    # ------------------------------------------------------------------
    # Measurement: data-source hook and evaluations
    # ------------------------------------------------------------------
    def _measure(self):
        """Measure the computed lines of ``self``, one call per (source, campaign).

        Each source ``<key>`` of ``cs.kpi.indicator.source`` has a method
        ``_measure_source_<key>(campaign)``, called on the lines of that source in
        that campaign (readme/DEVELOP.md: the contract). It returns
        ``{line_id: actual}``; a line it leaves out or maps to ``None`` stays
        unscored. Sources measured from the same data may share one method
        (``_measure_method``), then called once per campaign on the lines of
        all of them. The dispatcher writes the values.
        """
        # the lines' fields read once for the batch, not per line
        sources = dict(zip(self._ids, self.mapped("source"), strict=True))
        lines = self.browse(
            line_id
            for line_id, measure_type in zip(
                self._ids, self.mapped("measure_type"), strict=True
            )
            if measure_type == "computed" and sources[line_id] != "manual"
        )
        methods = {}
        for source in {sources[line_id] for line_id in lines._ids}:
            methods[source] = self._measure_method(source)
            if not hasattr(self, methods[source]):
                raise UserError(
                    self.env._(
                        "No measurement is implemented for the data source %(key)s.",
                        key=source,
                    )
                )
        by_method = defaultdict(list)
        for line_id in lines._ids:
            by_method[methods[sources[line_id]]].append(line_id)
        values = {}
        for method, line_ids in by_method.items():
            batch = self.browse(line_ids)
            campaigns = batch.campaign_id
            for campaign, campaign_lines in (
                batch.grouped("campaign_id").items()
                if len(campaigns) > 1
                else [(campaigns, batch)]
            ):
                measured = getattr(campaign_lines, method)(campaign)
                values.update(
                    {line_id: measured.get(line_id) for line_id in campaign_lines._ids}
                )
        self._set_actuals(values)
        return values

    @api.model
    def _measure_method(self, source):
        """Name of the method measuring the lines of ``source`` (a key of
        ``cs.kpi.indicator.source``): ``_measure_source_<key>``. Override it to
        measure several sources read from the same data with one method (and
        one query): the method is then called once per campaign on the lines
        of all of them, and returns the value of each line for its source."""
        return f"_measure_source_{source}"

    def _set_actuals(self, values):
        """Write the measured ``{line_id: value}`` (``None``: unscored), as superuser.

        The only writer of ``actual`` and ``is_measured`` on measured lines,
        in one batch whatever their number: the rules of ``write`` are checked
        once for all the lines, the values (rounded half up to the cent) go to
        the cache as ``write`` puts them there, the figures that depend on
        them (score, sheet totals and grade) are marked for recomputation and
        the constraints checked once, and the ORM flushes each line once, with
        its score, in batched UPDATEs. A line whose value does not change is
        not written.
        """
        lines = self.browse(list(values)).sudo()
        lines._check_write(dict.fromkeys(MEASURED_FIELDS))
        new = {
            line_id: (0.0, False)
            if value is None
            else (scoring.round_half_up(value), True)
            for line_id, value in values.items()
        }
        changed = self.browse(
            line_id
            for line_id, actual, measured in zip(
                lines._ids,
                lines.mapped("actual"),
                lines.mapped("is_measured"),
                strict=True,
            )
            if (actual, measured) != new[line_id]
        ).sudo()
        if not changed:
            return
        # read now what the sheet totals read when recomputed: read then, the
        # lines' order (by sheet, whose order has the total) would flush
        # half-computed totals, and each sheet would be written twice
        changed.sheet_id.fetch(["line_ids", "competency_line_ids"])
        fnames = ["actual", "is_measured"]
        # lines of equal values are assigned together: one cache update each
        groups = defaultdict(list)
        for line_id in changed._ids:
            groups[new[line_id]].append(line_id)
        with self.env.protecting([self._fields[name] for name in fnames], changed):
            for (actual, measured), line_ids in groups.items():
                same = changed.browse(line_ids)
                same.actual = actual
                same.is_measured = measured
        changed.modified(fnames)
        changed._validate_fields(fnames)

    @api.model
    def _goal_pass_rate_domain(self, campaign):
        """The goals ``goal_pass_rate`` counts in ``campaign``, whoever's:
        assessed, of its company (or none), overlapping its period."""
        return [
            ("is_assessed", "=", True),
            ("company_id", "in", (campaign.company_id.id, False)),
            "|",
            ("date_from", "=", False),
            ("date_from", "<=", campaign.date_to),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", campaign.date_from),
        ]

    def _measure_source_goal_pass_rate(self, campaign):
        """Pass rate (%) of the assessed goals of each line's employee.

        The employee's own goals of the campaign period count; an employee
        without goals of his own is measured on his job's goals. One
        ``_read_group``; goals are read as superuser (an HR officer may not see
        every goal), restricted to the campaign's company.
        """
        domain = [
            *self._goal_pass_rate_domain(campaign),
            "|",
            ("employee_id", "in", self.employee_id.ids),
            "&",
            ("employee_id", "=", False),
            ("job_id", "in", self.sheet_id.job_id.ids),
        ]
        counts = {}
        for employee, job, passed, count in (
            self.env["cs.kpi.goal"]
            .sudo()
            ._read_group(domain, ["employee_id", "job_id", "passed"], ["__count"])
        ):
            key = ("employee", employee.id) if employee else ("job", job.id)
            total, ok = counts.get(key, (0, 0))
            counts[key] = (total + count, ok + (count if passed else 0))
        result = {}
        for line in self:
            total, ok = counts.get(("employee", line.employee_id.id)) or counts.get(
                ("job", line.sheet_id.job_id.id), (0, 0)
            )
            result[line.id] = ok * 100.0 / total if total else None
        return result

    # ------------------------------------------------------------------
    # Explanation: the records a computed figure was measured from
    # ------------------------------------------------------------------
    @api.model
    def _explain_method(self, source):
        """Name of the method explaining the lines of ``source``:
        ``_explain_source_<key>``, the measurement's counterpart (override it
        as ``_measure_method`` to explain several sources with one method)."""
        return f"_explain_source_{source}"

    def _explain(self):
        """``{line_id: (model, domain, sentence)}`` of the computed lines of
        ``self``, one call of ``_explain_source_<key>(campaign)`` per (method,
        campaign), as ``_measure`` measures them (readme/DEVELOP.md): the
        records of ``model`` matching ``domain`` are those the line's actual
        was computed from, and ``sentence`` says how, in the user's language.
        A line whose source has no explanation is left out."""
        sources = dict(zip(self._ids, self.mapped("source"), strict=True))
        by_method = defaultdict(list)
        for line_id, measure_type in zip(
            self._ids, self.mapped("measure_type"), strict=True
        ):
            source = sources[line_id]
            if measure_type != "computed" or source == "manual":
                continue
            method = self._explain_method(source)
            if hasattr(self, method):
                by_method[method].append(line_id)
        result = {}
        for method, line_ids in by_method.items():
            for campaign, lines in self.browse(line_ids).grouped("campaign_id").items():
                explained = getattr(lines, method)(campaign)
                result.update(
                    {
                        line_id: explained[line_id]
                        for line_id in lines._ids
                        if line_id in explained
                    }
                )
        return result

    @api.model
    def _explain_count(self, model, domains):
        """``{key: count}`` of the records of ``model`` matching each of
        ``domains`` (``{key: domain}``), in the current environment (its
        record rules), in one query per 200 domains."""
        return self._explain_aggregate(model, domains, SQL("COUNT(*)"))

    @api.model
    def _explain_mean(self, model, fname, domains):
        """``{key: mean}`` of the stored field ``fname`` over the records of
        ``model`` matching each of ``domains`` (``None`` without any), as
        ``_explain_count``."""
        table = self.env[model]._table
        return self._explain_aggregate(
            model, domains, SQL("AVG(%s)", SQL.identifier(table, fname))
        )

    @api.model
    def _explain_aggregate(self, model, domains, aggregate):
        """``{key: value}`` of the SQL ``aggregate`` over the records of
        ``model`` matching each of ``domains``, in the current environment,
        in one query per 200 domains."""
        records = self.env[model]
        keys = list(domains)
        result = {}
        for start in range(0, len(keys), 200):
            chunk = keys[start : start + 200]
            values = [
                SQL("(%s)", records._search(domains[key]).select(aggregate))
                for key in chunk
            ]
            (row,) = self.env.execute_query(SQL("SELECT %s", SQL(", ").join(values)))
            result.update(zip(chunk, row, strict=True))
        return result

    @api.model
    def _explain_jsonable(self, domain):
        """``domain`` with its dates and datetimes as the strings the web
        client sends, so that it can travel in an action; the sub-domains of
        ``any`` leaves too."""

        def value(operator, item):
            if isinstance(item, datetime):
                return fields.Datetime.to_string(item)
            if isinstance(item, date):
                return fields.Date.to_string(item)
            if operator in ("any", "not any") and isinstance(item, (list, tuple)):
                return self._explain_jsonable(item)
            return item

        return [
            (leaf[0], leaf[1], value(leaf[1], leaf[2]))
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3
            else leaf
            for leaf in domain
        ]

    def action_explain(self):
        """Open the records this computed line's actual was measured from,
        with the formula in words above them. The records are those the
        current user may read: the list runs with his rights, and the
        sentence says how many of the figure's records he sees."""
        self.ensure_one()
        self.check_access("read")
        explanation = self.sudo()._explain().get(self.id)
        if not explanation:
            raise UserError(
                self.env._(
                    "The line %(indicator)s is not measured from records: "
                    "nothing to explain.",
                    indicator=self.indicator_id.display_name,
                )
            )
        model, domain, sentence = explanation
        if not self.env[model].has_access("read"):
            # no list to open: the formula alone, said in a notification
            return actions.notification(
                self.env._(
                    "%(sentence)s You may not read these records.",
                    sentence=sentence,
                ),
                kind="info",
                sticky=True,
                reload=False,
            )
        total = self.sudo()._explain_count(model, {0: domain})[0]
        visible = self._explain_count(model, {0: domain})[0]
        if visible != total:
            sentence = self.env._(
                "%(sentence)s You may read %(visible)s of these %(total)s records.",
                sentence=sentence,
                visible=visible,
                total=total,
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "%(indicator)s: %(employee)s",
                indicator=self.indicator_id.display_name,
                employee=self.employee_id.display_name,
            ),
            "res_model": model,
            "domain": self._explain_jsonable(domain),
            "views": [(False, "list"), (False, "form")],
            "target": "current",
            "context": {"create": False, "cs_kpi_explain": sentence},
            "help": f"<p>{html_escape(sentence)}</p>",
        }

    def _explain_source_goal_pass_rate(self, campaign):
        """The assessed goals the pass rate of each line was measured on."""
        common = self._goal_pass_rate_domain(campaign)
        lines = self.sudo()
        own = {
            employee.id
            for (employee,) in self.env["cs.kpi.goal"]
            .sudo()
            ._read_group(
                [*common, ("employee_id", "in", lines.employee_id.ids)],
                ["employee_id"],
            )
        }
        domains = {}
        for line in lines:
            if line.employee_id.id in own:
                person = [("employee_id", "=", line.employee_id.id)]
            else:
                person = [
                    ("employee_id", "=", False),
                    ("job_id", "=", line.sheet_id.job_id.id),
                ]
            domains[line.id] = [*common, *person]
        counts = self._explain_count("cs.kpi.goal", domains)
        passed = self._explain_count(
            "cs.kpi.goal",
            {key: [*domain, ("passed", "=", True)] for key, domain in domains.items()},
        )
        return {
            line.id: (
                "cs.kpi.goal",
                domains[line.id],
                self.env._(
                    "%(actual)s = share of the %(count)s assessed goals of the "
                    "period that passed (%(passed)s).",
                    actual=self._explain_number(line.actual),
                    count=counts[line.id],
                    passed=passed[line.id],
                ),
            )
            for line in lines
        }

    @api.model
    def _explain_number(self, value):
        """``value`` as the sheet shows it: at most two decimals."""
        return f"{value:.2f}".rstrip("0").rstrip(".")

    def _aggregate_evaluations(self):
        """Set each evaluation line's actual from its submitted evaluations."""
        lines = self.filtered(lambda line: line.measure_type == "evaluation")
        if not lines:
            return
        groups = (
            self.env["cs.kpi.evaluation"]
            .sudo()
            ._read_group(
                [("line_id", "in", lines.ids), ("state", "=", "done")],
                ["line_id"],
                ["score:array_agg"],
            )
        )
        scores = {line.id: values for line, values in groups}
        lines._set_actuals(
            {
                line.id: scoring.aggregate(
                    scores.get(line.id, []), line.indicator_id.aggregation
                )
                for line in lines
            }
        )
