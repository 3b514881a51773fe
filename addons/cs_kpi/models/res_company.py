# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time

import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # ---- dates: whose "today" (the suite's one definition) ----
    def _cs_tz(self):
        """Time zone of the company: its partner's, else its working hours',
        else UTC. The fall-back of every "today" and period of the suite for
        a user without a time zone of his own."""
        self.ensure_one()
        return self.partner_id.tz or self.resource_calendar_id.tz or "UTC"

    def _cs_today(self, user=None):
        """Today for ``user`` of this company: in his time zone, else the
        company's."""
        self.ensure_one()
        tz = (user and user.tz) or self._cs_tz()
        return fields.Date.context_today(self.with_context(tz=tz))

    def _cs_day_start_utc(self, day, tz=None):
        """Naive UTC datetime of the midnight starting ``day`` in ``tz`` (a
        time zone name; the company's by default), to compare with stored
        datetimes: periods of reports and campaigns start there."""
        self.ensure_one()
        local = pytz.timezone(tz or self._cs_tz()).localize(
            datetime.combine(day, time.min)
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)
