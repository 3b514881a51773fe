# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.cs_kpi.tools.actions import notification
from odoo.addons.cs_kpi.tools.periods import PERIOD_STEPS

from .cs_traffic_record import GRANULARITIES
from .res_partner import TRAFFIC_SEGMENTS

#: SQL interval of one period of each granularity.
PERIOD_INTERVALS = {"day": "1 day", "week": "1 week", "month": "1 month"}


class CsTrafficAnomaly(models.Model):
    """A customer's traffic of the latest complete period beyond the drop or
    rise threshold of its trailing average. Written by the detection job only;
    a small customer's anomaly gets one callback."""

    _name = "cs.traffic.anomaly"
    _description = "Traffic Anomaly"
    _order = "period_start desc, change_pct, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, readonly=True, index=True
    )
    granularity = fields.Selection(
        selection=GRANULARITIES, required=True, readonly=True
    )
    period_start = fields.Date(required=True, readonly=True)
    volume = fields.Float(
        string="Period Volume", digits=(16, 2), readonly=True, aggregator="sum"
    )
    trailing_avg = fields.Float(
        string="Trailing Average",
        digits=(16, 2),
        readonly=True,
        aggregator="sum",
        help="Average volume of the periods before, missing periods counting as zero.",
    )
    change_pct = fields.Float(
        string="Change (%)", digits=(16, 1), readonly=True, aggregator="avg"
    )
    direction = fields.Selection(
        selection=[("drop", "Drop"), ("rise", "Rise")], readonly=True
    )
    segment = fields.Selection(
        selection=TRAFFIC_SEGMENTS,
        readonly=True,
        help="Traffic segment of the customer when the anomaly was detected.",
    )
    callback_id = fields.Many2one(
        comodel_name="cs.callback", readonly=True, ondelete="set null"
    )
    callback_user_id = fields.Many2one(
        related="callback_id.user_id", string="Called By"
    )
    callback_state = fields.Selection(
        related="callback_id.state", string="Callback Status"
    )

    _sql_constraints = [
        (
            "partner_period_unique",
            "UNIQUE(partner_id, granularity, period_start)",
            "A customer has one traffic anomaly per period.",
        ),
    ]

    # ---- the detection job ----
    @api.model
    def _cs_comparison_query(self, company, today):
        """Each customer's latest complete period against its trailing average,
        for one company: a single window query over all its customers. The
        latest complete period is the latest one with traffic; a customer
        without a record in it is not compared (no data is not zero traffic),
        missing earlier periods count as zero."""
        granularity = company.cs_traffic_anomaly_granularity or "month"
        window = company.cs_traffic_anomaly_window
        step = PERIOD_INTERVALS[granularity]
        horizon = today - PERIOD_STEPS[granularity] * (window + 2)
        return SQL(
            """
            WITH per AS (
                SELECT r.partner_id, r.period_start, SUM(r.volume) AS volume
                  FROM cs_traffic_record r
                 WHERE r.company_id = %(company)s AND r.granularity = %(granularity)s
                   AND r.period_end < %(today)s AND r.period_start >= %(horizon)s
                 GROUP BY r.partner_id, r.period_start
            ), windowed AS (
                SELECT partner_id, period_start, volume,
                       SUM(volume) OVER (
                           PARTITION BY partner_id ORDER BY period_start
                           RANGE BETWEEN %(span)s::interval PRECEDING
                                     AND %(step)s::interval PRECEDING
                       ) / %(window)s AS trailing_avg,
                       MAX(period_start) OVER () AS latest
                  FROM per
            )
            SELECT w.partner_id, w.period_start, w.volume,
                   ROUND(w.trailing_avg, 2) AS trailing_avg,
                   ROUND((w.volume - w.trailing_avg) * 100.0 / w.trailing_avg, 1)
                       AS change_pct
              FROM windowed w
             WHERE w.period_start = w.latest AND w.trailing_avg > 0
            """,
            company=company.id,
            granularity=granularity,
            today=today,
            horizon=horizon,
            span=f"{window} {step.split()[1]}",
            step=step,
            window=window,
        )

    @api.model
    def _cs_detect(self, company, today):
        """Record the anomalies of ``company``'s latest complete period and
        return the new ones of small customers (who have no callback yet)."""
        self.env["cs.traffic.record"].flush_model()
        self.env["res.partner"].flush_model(["cs_traffic_segment"])
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO cs_traffic_anomaly (
                    partner_id, company_id, granularity, period_start, volume,
                    trailing_avg, change_pct, direction, segment,
                    create_uid, create_date, write_uid, write_date)
                SELECT c.partner_id, %(company)s, %(granularity)s, c.period_start,
                       c.volume, c.trailing_avg, c.change_pct,
                       CASE WHEN c.change_pct < 0 THEN 'drop' ELSE 'rise' END,
                       p.cs_traffic_segment,
                       %(uid)s, NOW() AT TIME ZONE 'UTC',
                       %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM (%(comparison)s) c
                  JOIN res_partner p ON p.id = c.partner_id
                 WHERE c.change_pct <= -%(drop)s OR c.change_pct >= %(rise)s
                ON CONFLICT (partner_id, granularity, period_start) DO NOTHING
                RETURNING id, segment
                """,
                company=company.id,
                granularity=company.cs_traffic_anomaly_granularity or "month",
                uid=self.env.uid,
                comparison=self._cs_comparison_query(company, today),
                drop=company.cs_traffic_drop_threshold,
                rise=company.cs_traffic_rise_threshold,
            )
        )
        return self.browse(
            anomaly_id
            for anomaly_id, segment in self.env.cr.fetchall()
            if segment == "small"
        )

    @api.model
    def _cron_detect_traffic_anomalies(self, today=None):
        """Weekly job: detect the anomalies of every company and call back the
        small customers. Idempotent: a period is detected once per customer."""
        today = today or fields.Date.context_today(self)
        anomalies = self.browse()
        for company in self.env["res.company"].sudo().search([]):
            anomalies |= self.sudo()._cs_detect(company, today)
        anomalies._cs_create_callbacks(today)
        return anomalies

    @api.model
    def action_cs_detect_anomalies(self):
        """Button of the traffic analysis: run the detection now."""
        if not self.env.user.has_group("cs_department.cs_department_group_supervisor"):
            raise AccessError(
                self.env._("Only supervisors run the traffic anomaly detection.")
            )
        anomalies = self._cron_detect_traffic_anomalies()
        return notification(
            self.env._(
                "%(count)s new traffic anomalies called back.",
                count=len(anomalies),
            ),
            "success" if anomalies else "info",
        )

    # ---- callbacks ----
    def _cs_callback_teams(self):
        """Team of each customer: that of his latest ticket, else the default
        team of the company."""
        self.env["helpdesk.ticket"].flush_model(["partner_id", "team_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (p.commercial_partner_id)
                       p.commercial_partner_id, t.team_id
                  FROM helpdesk_ticket t
                  JOIN res_partner p ON p.id = t.partner_id
                 WHERE p.commercial_partner_id = ANY(%s) AND t.team_id IS NOT NULL
                 ORDER BY p.commercial_partner_id, t.create_date DESC, t.id DESC
                """,
                self.partner_id.ids,
            )
        )
        Team = self.env["helpdesk.ticket.team"].sudo()
        latest = {
            partner_id: Team.browse(team_id)
            for partner_id, team_id in self.env.cr.fetchall()
        }
        return {
            anomaly: latest.get(anomaly.partner_id.id)
            or anomaly.company_id.cs_default_team_id.sudo()
            for anomaly in self
        }

    def _cs_callback_assignees(self):
        """Spread the callbacks evenly over the representatives of each
        customer's team, counting the traffic callbacks they already have to
        do; a team without representatives falls back on a supervisor."""
        representatives = (
            self.env.ref("cs_department.cs_department_group_representative")
            .sudo()
            .users
        )
        supervisors = (
            self.env.ref("cs_department.cs_department_group_supervisor").sudo().users
        )
        load = {
            user: count
            for user, count in self.env["cs.callback"]
            .sudo()
            ._read_group(
                [("reason", "=", "traffic_anomaly"), ("state", "=", "todo")],
                ["user_id"],
                ["__count"],
            )
        }
        assignees = {}
        for anomaly, team in self._cs_callback_teams().items():
            members = team.user_ids.filtered(
                lambda user, company=anomaly.company_id: company in user.company_ids
            )
            candidates = (members & representatives) - supervisors or (
                members & representatives
            )
            if not candidates:
                candidates = (
                    anomaly.company_id._cs_pick_supervisor(team) or self.env.user
                )
            user = min(candidates, key=lambda u: (load.get(u, 0), u.id))
            load[user] = load.get(user, 0) + 1
            assignees[anomaly] = user
        return assignees

    def _cs_callback_note(self):
        self.ensure_one()
        labels = dict(self._fields["granularity"]._description_selection(self.env))
        directions = dict(self._fields["direction"]._description_selection(self.env))
        return self.env._(
            "Traffic %(direction)s: %(volume).2f in the %(granularity)s of "
            "%(period)s against a trailing average of %(average).2f over "
            "%(window)s periods (%(change)+.1f%%). Call the customer to learn why.",
            direction=directions[self.direction].lower(),
            volume=self.volume,
            granularity=labels[self.granularity].lower(),
            period=self.period_start,
            average=self.trailing_avg,
            window=self.company_id.cs_traffic_anomaly_window,
            change=self.change_pct,
        )

    def _cs_create_callbacks(self, today):
        """One traffic-anomaly callback per new anomaly: the detection records
        a customer's period once, so rerunning it calls nobody twice."""
        if not self:
            return self.env["cs.callback"]
        assignees = self._cs_callback_assignees()
        anomalies = self.sorted(lambda anomaly: anomaly.id)
        callbacks = (
            self.env["cs.callback"]
            .sudo()
            # The weekly job plans the calls in the representatives' activities,
            # without an assignment email per call.
            .with_context(tracking_disable=True, mail_activity_quick_update=True)
            .create(
                [
                    {
                        "partner_id": anomaly.partner_id.id,
                        "reason": "traffic_anomaly",
                        "user_id": assignees[anomaly].id,
                        "scheduled_date": today,
                        "company_id": anomaly.company_id.id,
                        # in the assignee's language: a job writes it
                        "notes": anomaly.with_context(
                            lang=assignees[anomaly].lang
                        )._cs_callback_note(),
                    }
                    for anomaly in anomalies
                ]
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE cs_traffic_anomaly a SET callback_id = v.callback_id
                  FROM unnest(%s::int[], %s::int[]) AS v(id, callback_id)
                 WHERE a.id = v.id
                """,
                anomalies.ids,
                callbacks.ids,
            )
        )
        anomalies.invalidate_recordset(["callback_id"])
        return callbacks
