# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time the traffic anomaly job and the segment recomputation at scale.

Usage (against a database where cs_department is installed; nothing is kept,
the transaction is rolled back)::

    python3 tests/benchmark_traffic.py -d DB --addons-path=ADDONS_PATH \\
        [--db_host=127.0.0.1 --db_user=odoo] [--customers 50000] [--months 12]

Bulk-inserts (in SQL) the customers, one service line each and a monthly
traffic record per line and month; a few small customers drop in the latest
month. Then prints, for the anomaly job and for the segment recomputation,
the seconds and queries of the job, the seconds of the equivalent raw SQL
over the same data and their ratio: the window query for the anomaly job; for
the first segment pass, which writes every customer, the aggregate written
back by one UPDATE (rolled back); for the rerun, which writes nothing, the
aggregate alone. Target: a ratio within 2.
"""

import sys
import time

from benchmark_common import benchmark_parser, odoo_registry
from dateutil.relativedelta import relativedelta


def parse_args(argv):
    parser = benchmark_parser(__doc__)
    parser.add_argument("--customers", type=int, default=50000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument(
        "--drop-every",
        type=int,
        default=500,
        help="one customer in this many drops in the latest month",
    )
    return parser.parse_args(argv)


def generate(env, args, today):
    """Customers, lines and monthly traffic, inserted in three statements."""
    from odoo.tools import SQL

    cr = env.cr
    company = env.company
    latest = today.replace(day=1)
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, active, is_company, type,
                                     create_date, write_date)
            SELECT 'Bench ' || n, 'Bench ' || n, TRUE, TRUE, 'contact',
                   NOW(), NOW()
              FROM generate_series(1, %(count)s) n
            RETURNING id
            """,
            count=args.customers,
        )
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        SQL(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
            partner_ids,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO cs_service_line (name, partner_id, company_id, service_type,
                                         permission_level, state, date_start,
                                         create_date, write_date)
            SELECT 'BENCH-' || p, p, %(company)s,
                   CASE WHEN mod(p, 3) = 0 THEN 'long_distance' ELSE 'ip' END,
                   'national', 'active', '2020-01-01', NOW(), NOW()
              FROM unnest(%(partners)s::int[]) p
            """,
            company=company.id,
            partners=partner_ids,
        )
    )
    # Volumes: a third of the customers small (< 1000), the rest medium or
    # large; one customer in --drop-every (all small) drops 80% in the
    # latest complete month.
    cr.execute(
        SQL(
            """
            INSERT INTO cs_traffic_record (service_line_id, partner_id, company_id,
                                           service_type, granularity, period_start,
                                           period_end, volume, amount, source,
                                           create_date, write_date)
            SELECT l.id, l.partner_id, l.company_id, l.service_type, 'month', m.start,
                   (m.start + INTERVAL '1 month' - INTERVAL '1 day')::date,
                   v.volume, ROUND(v.volume * 0.02, 2), 'api', NOW(), NOW()
              FROM cs_service_line l
              CROSS JOIN LATERAL (
                  SELECT (%(latest)s::date - make_interval(months => k))::date AS start
                    FROM generate_series(1, %(months)s) k
              ) m
              CROSS JOIN LATERAL (
                  SELECT ROUND((CASE mod(l.partner_id, 3)
                                  WHEN 0 THEN 300 WHEN 1 THEN 4000 ELSE 20000 END
                               * (1 + (mod(l.partner_id, 7) - 3) / 50.0)
                               * CASE WHEN mod(l.partner_id, %(drop)s) = 0
                                       AND m.start = %(last)s::date
                                      THEN 0.2 ELSE 1 END)::numeric, 2) AS volume
              ) v
             WHERE l.partner_id = ANY(%(partners)s)
            """,
            latest=latest,
            last=latest - relativedelta(months=1),
            months=args.months,
            drop=args.drop_every * 3,
            partners=partner_ids,
        )
    )
    records = cr.rowcount
    cr.execute("ANALYZE cs_traffic_record")
    cr.execute("ANALYZE res_partner")
    env.invalidate_all()
    return len(partner_ids), records


def timed(env, function):
    cr = env.cr
    queries = cr.sql_log_count
    start = time.perf_counter()
    result = function()
    env.flush_all()
    return time.perf_counter() - start, cr.sql_log_count - queries, result


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    registry = odoo_registry(args)
    from odoo import SUPERUSER_ID, api, fields
    from odoo.tools import SQL

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        today = fields.Date.context_today(env["res.partner"])
        company = env.company
        Partner = env["res.partner"]
        Anomaly = env["cs.traffic.anomaly"]
        try:
            start = time.perf_counter()
            customers, records = generate(env, args, today)
            print(
                f"generated {customers} customers, {records} traffic records "
                f"in {time.perf_counter() - start:.1f}s"
            )

            def raw_segments():
                cr.execute(Partner._cs_traffic_segment_query(today))
                return len(cr.fetchall())

            def raw_segments_write():
                # The same aggregate written back by one UPDATE, rolled back:
                # the raw equivalent of a pass that changes every customer.
                cr.execute("SAVEPOINT raw_segments")
                cr.execute(
                    SQL(
                        "UPDATE res_partner p SET cs_traffic_avg_volume = "
                        "s.avg_volume, cs_traffic_segment = s.segment "
                        "FROM (%s) s WHERE p.id = s.partner_id",
                        Partner._cs_traffic_segment_query(today),
                    )
                )
                written = cr.rowcount
                cr.execute("ROLLBACK TO SAVEPOINT raw_segments")
                return written

            def raw_window():
                cr.execute(
                    SQL(
                        "SELECT * FROM (%s) c WHERE c.change_pct <= -%s "
                        "OR c.change_pct >= %s",
                        Anomaly._cs_comparison_query(company, today),
                        company.cs_traffic_drop_threshold,
                        company.cs_traffic_rise_threshold,
                    )
                )
                return len(cr.fetchall())

            rows = []
            raw_s, _q, segment_rows = timed(env, raw_segments)
            raw_w, _q, _written = timed(env, raw_segments_write)
            job_s, job_q, changed = timed(
                env, lambda: Partner._cs_recompute_traffic_segments_all(today)
            )
            # First pass: every customer is written, as by the raw UPDATE.
            rows.append(("segments", job_s, job_q, raw_w, f"{changed} changed"))
            job_s, job_q, changed = timed(
                env, lambda: Partner._cs_recompute_traffic_segments_all(today)
            )
            rows.append(("segm. rerun", job_s, job_q, raw_s, f"{changed} changed"))
            raw_a, _q, beyond = timed(env, raw_window)
            job_a, job_q, anomalies = timed(
                env, lambda: Anomaly._cron_detect_traffic_anomalies(today)
            )
            rows.append(
                (
                    "anomalies",
                    job_a,
                    job_q,
                    raw_a,
                    f"{beyond} beyond thresholds, {len(anomalies)} callbacks",
                )
            )
            rerun_s, rerun_q, again = timed(
                env, lambda: Anomaly._cron_detect_traffic_anomalies(today)
            )
        finally:
            cr.rollback()
    print(f"segment query rows: {segment_rows}")
    print(
        f"{'job':>11} {'job s':>8} {'queries':>8} {'raw SQL s':>10} {'ratio':>6}  notes"
    )
    for name, job_s, queries, raw_s, notes in rows:
        print(
            f"{name:>11} {job_s:>8.3f} {queries:>8} {raw_s:>10.3f} "
            f"{job_s / raw_s:>6.2f}  {notes}"
        )
    print(
        f"anomaly job rerun: {rerun_s:.3f}s, {rerun_q} queries, "
        f"{len(again)} new callbacks (idempotent)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
