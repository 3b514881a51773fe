# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time the monthly periodic report against the raw SQL of the same figures.

Usage (against a database where cs_department is installed; nothing is kept,
the transaction is rolled back)::

    python3 tests/benchmark_reports.py -d DB --addons-path=ADDONS_PATH \\
        [--db_host=127.0.0.1 --db_user=odoo] [--sizes 20000 200000]

For each size, inserts that many tickets (complaints and consultations over
a month, 200 representatives) into a company of their own, then prints the
seconds and queries of the XLSX report (figures and workbook writing) next
to the seconds of the raw SQL aggregates giving the same figures (this
month and the previous one), and their
ratio (target: within 3x). The query count must not grow with the size.
"""

import sys
import time

from benchmark_common import benchmark_parser, odoo_registry

MONTH = ("2026-03-01", "2026-03-31")
RAW_SQL = [
    # complaints: count, closed, median and 90th percentile of the handling time
    """SELECT COUNT(*), COUNT(closed_date),
              PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
                  EXTRACT(EPOCH FROM closed_date - create_date) / 3600),
              PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY
                  EXTRACT(EPOCH FROM closed_date - create_date) / 3600)
         FROM helpdesk_ticket WHERE company_id = %(company)s
          AND cs_request_kind = 'complaint'
          AND create_date >= %(start)s AND create_date < %(end)s""",
    """SELECT cs_complaint_reason, COUNT(*) FROM helpdesk_ticket
        WHERE company_id = %(company)s AND cs_request_kind = 'complaint'
          AND create_date >= %(start)s AND create_date < %(end)s GROUP BY 1""",
    """SELECT channel_id, COUNT(*) FROM helpdesk_ticket
        WHERE company_id = %(company)s AND cs_request_kind = 'complaint'
          AND create_date >= %(start)s AND create_date < %(end)s GROUP BY 1""",
    """SELECT cs_representative_id, COUNT(*) FROM helpdesk_ticket
        WHERE company_id = %(company)s AND cs_request_kind = 'complaint'
          AND create_date >= %(start)s AND create_date < %(end)s GROUP BY 1""",
    # consultations: count, closed, first contact; by category and channel
    """SELECT COUNT(*), COUNT(closed_date), COUNT(*) FILTER (WHERE closed_date
              IS NOT NULL AND cs_transferred_from_department_id IS NULL
              AND id NOT IN (SELECT ticket_id FROM cs_ticket_escalation))
         FROM helpdesk_ticket WHERE company_id = %(company)s
          AND cs_request_kind = 'consultation'
          AND create_date >= %(start)s AND create_date < %(end)s""",
    """SELECT category_id, COUNT(*) FROM helpdesk_ticket
        WHERE company_id = %(company)s AND cs_request_kind = 'consultation'
          AND create_date >= %(start)s AND create_date < %(end)s GROUP BY 1""",
    """SELECT channel_id, COUNT(*) FROM helpdesk_ticket
        WHERE company_id = %(company)s AND cs_request_kind = 'consultation'
          AND create_date >= %(start)s AND create_date < %(end)s GROUP BY 1""",
    # escalations, follow-ups, active customers, change orders
    """SELECT COUNT(*), COUNT(DISTINCT e.ticket_id) FROM cs_ticket_escalation e
         JOIN helpdesk_ticket t ON t.id = e.ticket_id
        WHERE t.company_id = %(company)s AND t.cs_request_kind = 'complaint'
          AND t.create_date >= %(start)s AND t.create_date < %(end)s""",
    """SELECT COUNT(*), AVG(satisfaction), COUNT(*) FILTER (WHERE satisfaction >= 80)
         FROM cs_callback WHERE company_id = %(company)s
          AND reason = 'complaint_followup' AND state = 'done' AND satisfaction > 0
          AND done_date >= %(start)s AND done_date < %(end)s""",
    """SELECT COUNT(DISTINCT partner_id) FROM cs_service_line
        WHERE company_id = %(company)s AND state = 'active'""",
    """SELECT COUNT(*), AVG(lead_time) FROM cs_change_order
        WHERE company_id = %(company)s AND state != 'cancel'
          AND requested_date >= %(start)s AND requested_date < %(end)s""",
]


def parse_args(argv):
    parser = benchmark_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 200000])
    return parser.parse_args(argv)


def build(env, size):
    """A company with 200 representatives and ``size`` tickets in March."""
    from odoo import Command
    from odoo.tools import SQL

    company = env["res.company"].create({"name": f"Benchmark reports {size}"})
    users = env["res.users"].create(
        [
            {
                "name": f"Benchmark rep {size} {index}",
                "login": f"bench_rep_{size}_{index}",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
            }
            for index in range(200)
        ]
    )
    channels = env["helpdesk.ticket.channel"].create(
        [{"name": f"Bench {name}", "company_id": company.id} for name in "ABC"]
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO helpdesk_ticket (company_id, name, description,
                cs_request_kind, cs_complaint_reason, channel_id, user_id,
                cs_representative_id, create_date, closed_date)
            SELECT %(company)s, 'Bench ' || n, 'Bench',
                   CASE WHEN MOD(n, 3) = 0 THEN 'complaint' ELSE 'consultation' END,
                   CASE WHEN MOD(n, 3) = 0 THEN (ARRAY['billing', 'line_quality',
                        'other'])[1 + MOD(n / 3, 3)] END,
                   (%(channels)s::int[])[1 + MOD(n, 3)],
                   (%(users)s::int[])[1 + MOD(n, 200)],
                   (%(users)s::int[])[1 + MOD(n, 200)],
                   TIMESTAMP '2026-03-01' + (MOD(n, 30)) * INTERVAL '1 day',
                   CASE WHEN MOD(n, 4) > 0 THEN TIMESTAMP '2026-03-01'
                        + (MOD(n, 30)) * INTERVAL '1 day'
                        + (MOD(n, 48)) * INTERVAL '1 hour' END
              FROM generate_series(1, %(size)s) AS n
            """,
            company=company.id,
            channels=channels.ids,
            users=users.ids,
            size=size,
        )
    )
    env.invalidate_all()
    return company


def measure(env, company):
    start_utc = company._cs_day_start_utc
    from odoo import fields

    data = {
        "period_type": "month",
        "date_from": MONTH[0],
        "date_to": MONTH[1],
        "company_id": company.id,
    }
    report = env["report.cs_department.service_report_xlsx"].with_context(
        active_model="cs.report.submission", allowed_company_ids=company.ids
    )
    report.create_xlsx_report([], data)  # warm the caches
    env.invalidate_all()
    queries = env.cr.sql_log_count
    began = time.perf_counter()
    report.create_xlsx_report([], data)
    report_seconds = time.perf_counter() - began
    queries = env.cr.sql_log_count - queries
    # the report shows this month and the previous one
    periods = [("2026-03-01", "2026-04-01"), ("2026-02-01", "2026-03-01")]
    began = time.perf_counter()
    for first, after in periods:
        params = {
            "company": company.id,
            "start": start_utc(fields.Date.to_date(first)),
            "end": start_utc(fields.Date.to_date(after)),
        }
        for query in RAW_SQL:
            env.cr.execute(query, params)  # pylint: disable=sql-injection
            env.cr.fetchall()
    sql_seconds = time.perf_counter() - began
    return report_seconds, queries, sql_seconds


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    registry = odoo_registry(args)
    from odoo import SUPERUSER_ID, api

    results = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        for size in args.sizes:
            company = build(env, size)
            results.append((size, *measure(env, company)))
        cr.rollback()
    print(
        f"{'tickets':>9} {'report s':>9} {'queries':>8} {'raw SQL s':>10} {'ratio':>6}"
    )
    for size, report_seconds, queries, sql_seconds in results:
        print(
            f"{size:>9} {report_seconds:>9.3f} {queries:>8} {sql_seconds:>10.3f} "
            f"{report_seconds / sql_seconds:>6.2f}"
        )
    counts = {queries for _size, _r, queries, _s in results}
    print("query count constant:", "yes" if len(counts) == 1 else "NO")
    return 0 if len(counts) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
