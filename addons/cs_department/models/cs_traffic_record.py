# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_kpi.tools import validate
from odoo.addons.cs_kpi.tools.periods import period_end

GRANULARITIES = [("day", "Day"), ("week", "Week"), ("month", "Month")]
VOLUME_UNITS = [("minute", "Minutes"), ("mb", "MB")]


class CsTrafficRecord(models.Model):
    _name = "cs.traffic.record"
    _description = "Customer Traffic Record"
    _inherit = ["cs.guard.mixin"]
    _order = "period_start desc, partner_id, service_line_id"
    _check_company_auto = True

    service_line_id = fields.Many2one(
        comodel_name="cs.service.line",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    line_number = fields.Char(
        compute="_compute_line_number",
        readonly=False,
        help="Number of the customer's service line: imports and the API match "
        "the line by it.",
    )
    partner_id = fields.Many2one(
        related="service_line_id.partner_id",
        string="Customer",
        store=True,
        index=True,
    )
    service_type = fields.Selection(
        related="service_line_id.service_type",
        store=True,
    )
    granularity = fields.Selection(
        selection=GRANULARITIES,
        required=True,
        default="month",
    )
    period_start = fields.Date(required=True, index=True)
    period_end = fields.Date(compute="_compute_period_end", store=True)
    volume = fields.Float(
        digits=(16, 2),
        required=True,
        default=0.0,
        help="Minutes for long-distance lines, megabytes for IP lines.",
    )
    volume_unit = fields.Selection(
        selection=VOLUME_UNITS,
        string="Unit",
        compute="_compute_volume_unit",
    )
    amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        related="service_line_id.company_id",
        store=True,
        index=True,
    )
    # cs.guard.mixin: only the import (its default) and the API (a step, as
    # superuser) tell where a record comes from.
    source = fields.Selection(
        selection=[("manual", "Manual"), ("import", "Import"), ("api", "API")],
        default=lambda self: (
            "import" if self.env.context.get("import_file") else "manual"
        ),
        readonly=True,
        cs_step=True,
        help="How the record was entered: by hand, by a file import or by the "
        "switch and billing systems' API.",
    )

    _sql_constraints = [
        (
            "line_period_unique",
            "UNIQUE(service_line_id, granularity, period_start)",
            "A line has one traffic record per granularity and period.",
        ),
        (
            "volume_positive",
            "CHECK(volume >= 0)",
            "The traffic volume cannot be negative.",
        ),
        (
            "amount_positive",
            "CHECK(amount >= 0)",
            "The traffic amount cannot be negative.",
        ),
    ]

    @api.depends("service_line_id.name")
    def _compute_line_number(self):
        for record in self:
            record.line_number = record.service_line_id.name

    @api.depends("period_start", "granularity")
    def _compute_period_end(self):
        for record in self:
            record.period_end = (
                period_end(record.period_start, record.granularity)
                if record.period_start and record.granularity
                else False
            )

    @api.depends("service_type")
    def _compute_volume_unit(self):
        for record in self:
            record.volume_unit = "mb" if record.service_type == "ip" else "minute"

    @api.depends("service_line_id", "granularity", "period_start")
    def _compute_display_name(self):
        labels = dict(self._fields["granularity"]._description_selection(self.env))
        for record in self:
            record.display_name = self.env._(
                "%(line)s, %(granularity)s of %(period)s",
                line=record.service_line_id.name or "",
                granularity=labels.get(record.granularity, ""),
                period=record.period_start or "",
            )

    # ---- validation shared by forms, imports and the API ----
    @api.model
    def _cs_match_lines(self, numbers):
        """Map each line number to the line it designates for the caller: an
        open line of the current company first, else the latest one."""
        numbers = {str(number).strip() for number in numbers if number}
        lines = self.env["cs.service.line"].search(
            [
                ("name", "in", list(numbers)),
                ("company_id", "in", self.env.companies.ids),
            ],
            order="id desc",
        )
        company = self.env.company
        matched = {}
        for line in lines.sorted(
            lambda ln: (ln.state == "closed", ln.company_id != company)
        ):
            matched.setdefault(line.name, line)
        return matched

    @api.model
    def _cs_row_error(self, line, granularity, start, volume, amount):
        """The reason a row is malformed, or None."""
        if not line:
            return self.env._("no service line")
        if not isinstance(granularity, str) or granularity not in dict(GRANULARITIES):
            return self.env._("unknown granularity %(value)r", value=granularity)
        try:
            start = fields.Date.to_date(start)
        except (TypeError, ValueError):
            start = None
        if not start:
            return self.env._("missing or bad period start date")
        if granularity == "week" and start.weekday():
            return self.env._("a week starts on a Monday, not on %(date)s", date=start)
        if granularity == "month" and start.day != 1:
            return self.env._(
                "a month starts on its first day, not on %(date)s", date=start
            )
        if start > fields.Date.context_today(self):
            return self.env._("the period %(date)s is in the future", date=start)
        return self._cs_figures_error(volume, amount)

    @api.model
    def _cs_figures_error(self, volume, amount):
        """The reason a volume or an amount is malformed, or None: a number
        (or a numeric text) from 0 to ``validate.VOLUME_MAX`` or
        ``validate.AMOUNT_MAX``; NaN and infinities are refused, empty is 0."""
        for label, value, high in (
            (self.env._("volume"), volume, validate.VOLUME_MAX),
            (self.env._("amount"), amount, validate.AMOUNT_MAX),
        ):
            if value is None or value is False or value == "":
                continue
            number, problem = validate.parse_number(value, 0.0, high, strings=True)
            if problem == validate.NOT_A_NUMBER:
                return self.env._("bad %(field)s %(value)r", field=label, value=value)
            if problem == validate.NOT_FINITE:
                return self.env._(
                    "%(field)s %(value)s is not a finite number",
                    field=label,
                    value=validate.shown(value),
                )
            if problem and number is not None and number < 0:
                return self.env._(
                    "negative %(field)s %(value)s", field=label, value=number
                )
            if problem:
                return self.env._(
                    "%(field)s %(value)s is above the limit of %(limit)s",
                    field=label,
                    value=validate.shown(value),
                    limit=validate.bound_text(high),
                )
        return None

    def _cs_check_write_vals(self, vals):
        """Refuse a written line that is no record id, and a malformed volume
        or amount, before the ORM converts them (NaN or an infinity would
        fail there with a server error)."""
        self._cs_check_line_ids([vals])
        if {"volume", "amount"} & set(vals):
            error = self._cs_figures_error(vals.get("volume"), vals.get("amount"))
            if error:
                raise ValidationError(
                    self.env._(
                        "Traffic of line %(line)s: %(reason)s.",
                        line=", ".join(self.service_line_id.mapped("name")),
                        reason=error,
                    )
                )

    @api.model
    def _cs_check_line_ids(self, vals_list):
        """Refuse a service line sent as anything but a record id."""
        label = validate.field_label(self, "service_line_id")
        for vals in vals_list:
            error = validate.id_error(self.env, vals.get("service_line_id"), label)
            if error:
                raise ValidationError(error)

    def _cs_existing(self, keys):
        """Records of the given ``(line_id, granularity, start)`` keys."""
        if not keys:
            return {}
        records = self.search(
            [
                ("service_line_id", "in", list({key[0] for key in keys})),
                ("period_start", "in", list({key[2] for key in keys})),
            ]
        )
        return {
            (rec.service_line_id.id, rec.granularity, rec.period_start): rec
            for rec in records
            if (rec.service_line_id.id, rec.granularity, rec.period_start) in keys
        }

    @api.constrains("period_start", "granularity", "volume", "amount")
    def _check_period_and_figures(self):
        for record in self:
            error = self._cs_row_error(
                record.service_line_id,
                record.granularity,
                record.period_start,
                record.volume,
                record.amount,
            )
            if error:
                raise ValidationError(
                    self.env._(
                        "Traffic of line %(line)s: %(reason)s.",
                        line=record.service_line_id.name,
                        reason=error,
                    )
                )

    # ---- ORM ----
    def _cs_resolve_line_numbers(self, vals_list):
        self._cs_check_line_ids(vals_list)
        numbers = [vals.get("line_number") for vals in vals_list]
        if not any(numbers):
            return
        lines = self._cs_match_lines(numbers)
        for vals in vals_list:
            number = vals.pop("line_number", None)
            if not number or vals.get("service_line_id"):
                continue
            line = lines.get(str(number).strip())
            if not line:
                raise ValidationError(
                    self.env._("Unknown line number %(number)s.", number=number)
                )
            vals["service_line_id"] = line.id

    @api.model
    def _cs_raise_duplicate(self, line, granularity, start):
        labels = dict(self._fields["granularity"]._description_selection(self.env))
        raise ValidationError(
            self.env._(
                "Line %(line)s already has its traffic of the %(granularity)s of "
                "%(period)s: correct that record instead.",
                line=line.name,
                granularity=labels[granularity].lower(),
                period=start,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo's import retries a failed batch row by row with the same dicts.
        vals_list = [dict(vals) for vals in vals_list]
        self._cs_resolve_line_numbers(vals_list)
        lines = self.env["cs.service.line"].browse(
            {
                vals["service_line_id"]
                for vals in vals_list
                if vals.get("service_line_id")
            }
        )
        keys = set()
        for vals in vals_list:
            line = lines.browse(vals.get("service_line_id"))
            granularity = vals.get("granularity", "month")
            error = self._cs_row_error(
                line,
                granularity,
                vals.get("period_start"),
                vals.get("volume"),
                vals.get("amount"),
            )
            if error:
                raise ValidationError(
                    self.env._(
                        "Traffic of line %(line)s: %(reason)s.",
                        line=line.name,
                        reason=error,
                    )
                )
            key = (line.id, granularity, fields.Date.to_date(vals["period_start"]))
            if key in keys:
                self._cs_raise_duplicate(line, granularity, key[2])
            keys.add(key)
        existing = self._cs_existing(keys)
        if existing:
            record = next(iter(existing.values()))
            self._cs_raise_duplicate(
                record.service_line_id, record.granularity, record.period_start
            )
        records = super().create(vals_list)
        records.partner_id._cs_recompute_traffic_segments()
        return records

    def write(self, vals):
        self._cs_check_write_vals(vals)
        if "line_number" in vals:
            vals = dict(vals)
            self._cs_resolve_line_numbers([vals])
        partners = self.partner_id
        result = super().write(vals)
        if {"service_line_id", "granularity", "period_start", "volume"} & set(vals):
            (partners | self.partner_id)._cs_recompute_traffic_segments()
        return result

    def unlink(self):
        partners = self.partner_id
        result = super().unlink()
        partners._cs_recompute_traffic_segments()
        return result

    # ---- standard import ----
    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Traffic Records"),
                "template": "/cs_department/static/xls/cs_traffic_record.xlsx",
            }
        ]

    @api.model
    def load(self, fields, data):  # pylint: disable=redefined-outer-name
        """Odoo's import: a malformed row refuses the whole file (load rolls
        back on any error). When a batch fails, Odoo reports its error once for
        the batch's first row and again for the row at fault: keep the latter."""
        result = super().load(fields, data)
        messages = result["messages"]
        texts = [message.get("message") for message in messages]
        result["messages"] = [
            message
            for index, message in enumerate(messages)
            if texts.count(message.get("message")) == 1
            or index != texts.index(message.get("message"))
        ]
        return result
