# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

API_KEYS = {"line_number", "period_start", "granularity", "volume", "amount"}


class CsTrafficRecord(models.Model):
    _inherit = "cs.traffic.record"

    @api.model
    def cs_upsert_traffic(self, rows):
        """Create or update traffic records from a switch or billing system.

        ``rows`` is a list of dicts with the keys ``line_number``,
        ``period_start`` (``YYYY-MM-DD``), ``granularity`` (``day``, ``week``
        or ``month``), ``volume`` (minutes or MB) and ``amount``. A row whose
        line, granularity and period are already recorded updates that
        record. All rows or none: one malformed row refuses the whole batch,
        with each bad row's number and reason. Returns
        ``{"created": n, "updated": m}``.
        """
        self.check_access("create")
        self.check_access("write")
        if not isinstance(rows, list) or not rows:
            raise ValidationError(self.env._("Send a non-empty list of traffic rows."))
        lines = self._cs_match_lines(
            row.get("line_number") for row in rows if isinstance(row, dict)
        )
        errors = []
        parsed = {}
        for index, row in enumerate(rows, 1):
            error, key = self._cs_api_row(row, lines, parsed)
            if error:
                errors.append(
                    self.env._("Row %(row)s: %(reason)s.", row=index, reason=error)
                )
                continue
            parsed[key] = (index, row)
        if errors:
            raise ValidationError(
                self.env._(
                    "The traffic batch is refused, nothing was recorded:\n%(errors)s",
                    errors="\n".join(errors),
                )
            )
        existing = self._cs_existing(set(parsed))
        with self.env.cr.savepoint():
            updated = self._cs_update_figures(
                {
                    existing[key]: row
                    for key, (_index, row) in parsed.items()
                    if key in existing
                }
            )
            created = self.create(
                [
                    {
                        "service_line_id": key[0],
                        "granularity": key[1],
                        "period_start": key[2],
                        "volume": float(row.get("volume") or 0.0),
                        "amount": float(row.get("amount") or 0.0),
                    }
                    for key, (_index, row) in parsed.items()
                    if key not in existing
                ]
            )
            created.sudo().source = "api"
            (updated.partner_id - created.partner_id)._cs_recompute_traffic_segments()
        return {"created": len(created), "updated": len(updated)}

    @api.model
    def _cs_api_row(self, row, lines, parsed):
        """(reason the API row is malformed or None, its record key)."""
        if not isinstance(row, dict):
            return self.env._("a row is an object of named values"), None
        unknown = set(row) - API_KEYS
        if unknown:
            return self.env._(
                "unknown keys %(keys)s", keys=", ".join(sorted(map(str, unknown)))
            ), None
        line = lines.get(str(row.get("line_number") or "").strip())
        if not line:
            return self.env._(
                "unknown line number %(number)r", number=row.get("line_number")
            ), None
        error = self._cs_row_error(
            line,
            row.get("granularity"),
            row.get("period_start"),
            row.get("volume"),
            row.get("amount"),
        )
        if error:
            return error, None
        key = (line.id, row["granularity"], fields.Date.to_date(row["period_start"]))
        if key in parsed:
            return self.env._(
                "same line and period as row %(other)s", other=parsed[key][0]
            ), None
        return None, key

    def _cs_update_figures(self, rows):
        """Write each record's new volume and amount in one statement."""
        records = self.browse([record.id for record in rows])
        if not records:
            return records
        records.check_access("write")
        self.env.cr.execute(
            SQL(
                """
                UPDATE cs_traffic_record r
                   SET volume = v.volume, amount = v.amount, source = 'api',
                       write_uid = %(uid)s, write_date = NOW() AT TIME ZONE 'UTC'
                  FROM unnest(%(ids)s::int[], %(volumes)s::numeric[],
                              %(amounts)s::numeric[]) AS v(id, volume, amount)
                 WHERE r.id = v.id
                """,
                uid=self.env.uid,
                ids=records.ids,
                volumes=[float(row.get("volume") or 0.0) for row in rows.values()],
                amounts=[float(row.get("amount") or 0.0) for row in rows.values()],
            )
        )
        records.invalidate_recordset(
            ["volume", "amount", "source", "write_uid", "write_date"]
        )
        return records
