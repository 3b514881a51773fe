# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time the monthly periodic report against the raw SQL of the same figures.

Usage (against a database where cs_department is installed; nothing is kept,
the transaction is rolled back)::

    python3 tests/benchmark_reports.py -d DB --addons-path=ADDONS_PATH \\
        [--db_host=127.0.0.1 --db_user=odoo] [--sizes 20000 200000]

For each size, inserts that many tickets (complaints and consultations over
a month, 200 representatives) into a company of their own, with a twentieth
as many customers with February and March traffic (an anomaly and its
callback each month for one in ten) and a hundredth as many work orders done
in February and March (an equipment line and its done stock move each), then
prints the seconds and queries of the XLSX report (figures and workbook
writing) next to the seconds of the raw SQL aggregates giving the same
figures (this month and the previous one), and their
ratio (target: within 3x). The query count must not grow with the size.
"""

import sys
import time
from datetime import timedelta

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
    # traffic: totals, by service type and segment; anomalies and callbacks
    """SELECT COUNT(*), COUNT(DISTINCT partner_id), SUM(amount)
         FROM cs_traffic_record WHERE company_id = %(company)s
          AND granularity = 'month'
          AND period_start >= %(first)s AND period_start <= %(last)s""",
    """SELECT r.service_type, p.cs_traffic_segment, COUNT(DISTINCT r.partner_id),
              SUM(r.volume), SUM(r.amount)
         FROM cs_traffic_record r JOIN res_partner p ON p.id = r.partner_id
        WHERE r.company_id = %(company)s AND r.granularity = 'month'
          AND r.period_start >= %(first)s AND r.period_start <= %(last)s
        GROUP BY 1, 2""",
    """SELECT direction, segment, COUNT(*) FROM cs_traffic_anomaly
        WHERE company_id = %(company)s
          AND period_start >= %(first)s AND period_start <= %(last)s
        GROUP BY 1, 2""",
    """SELECT COUNT(*), COUNT(*) FILTER (WHERE state = 'done'),
              COUNT(*) FILTER (WHERE state = 'done' AND done_date <
                  (scheduled_date + 1)::timestamp AT TIME ZONE %(tz)s
                  AT TIME ZONE 'UTC'),
              COUNT(*) FILTER (WHERE state = 'todo' AND scheduled_date < %(today)s)
         FROM cs_callback WHERE id IN (
              SELECT callback_id FROM cs_traffic_anomaly
               WHERE company_id = %(company)s
                 AND period_start >= %(first)s AND period_start <= %(last)s)""",
    # engineer services: done work orders, by kind and engineer; equipment
    *(
        f"""SELECT {group} COUNT(*), COUNT(*) FILTER (WHERE done_on_time),
                   COUNT(*) FILTER (WHERE quality_rating > 0),
                   AVG(quality_rating) FILTER (WHERE quality_rating > 0)
              FROM cs_work_order WHERE company_id = %(company)s
               AND state = 'done'
               AND done_date >= %(start)s AND done_date < %(end)s
             {group and "GROUP BY 1"}"""
        for group in ("", "kind,", "engineer_id,")
    ),
    """SELECT m.product_id, m.product_uom,
              SUM(m.quantity) FILTER (WHERE l.direction = 'out'),
              SUM(m.quantity) FILTER (WHERE l.direction = 'in')
         FROM stock_move m
         JOIN cs_work_order_line l ON l.id = m.cs_work_order_line_id
         JOIN cs_work_order w ON w.id = l.work_order_id
        WHERE m.state = 'done' AND w.company_id = %(company)s
          AND w.state = 'done'
          AND w.done_date >= %(start)s AND w.done_date < %(end)s
        GROUP BY 1, 2""",
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
    build_traffic(env, company, size // 20, users.ids)
    build_work_orders(env, company, size // 100, users.ids[:20])
    env.invalidate_all()
    return company


def build_traffic(env, company, customers, user_ids):
    """``customers`` customers of ``company``, each with a line and its
    traffic of February and March; an anomaly of each month for one in ten,
    its callback done on time, late or still to do."""
    from odoo.tools import SQL

    pattern = f"Bench customer {company.id} %"
    for query in (
        """INSERT INTO res_partner (name, active, is_company, type,
                                    cs_traffic_segment)
           SELECT 'Bench customer ' || %(company)s || ' ' || n, TRUE, TRUE,
                  'contact', (ARRAY['small', 'medium', 'large'])[1 + MOD(n, 3)]
             FROM generate_series(1, %(customers)s) AS n""",
        """UPDATE res_partner SET commercial_partner_id = id
            WHERE name LIKE %(pattern)s""",
        """INSERT INTO cs_service_line (partner_id, company_id, name,
                service_type, permission_level, state, date_start)
           SELECT id, %(company)s, 'BL-' || id,
                  CASE WHEN MOD(id, 2) = 0 THEN 'ip' ELSE 'long_distance' END,
                  'local', 'active', DATE '2025-01-01'
             FROM res_partner WHERE name LIKE %(pattern)s""",
        """INSERT INTO cs_traffic_record (service_line_id, partner_id,
                service_type, company_id, granularity, period_start,
                period_end, volume, amount, source)
           SELECT l.id, l.partner_id, l.service_type, l.company_id, 'month',
                  m.first, m.last, MOD(l.id, 1000) * 1.5, MOD(l.id, 100) * 1.0,
                  'api'
             FROM cs_service_line l
            CROSS JOIN (VALUES (DATE '2026-02-01', DATE '2026-02-28'),
                               (DATE '2026-03-01', DATE '2026-03-31'))
                  AS m(first, last)
            WHERE l.company_id = %(company)s""",
        """INSERT INTO cs_callback (partner_id, user_id, company_id, reason,
                state, scheduled_date, done_date)
           SELECT p.id, (%(users)s::int[])[1 + MOD(p.id, 200)], %(company)s,
                  'traffic_anomaly',
                  CASE WHEN MOD(p.id, 3) = 0 THEN 'todo' ELSE 'done' END,
                  m.first + 5,
                  CASE WHEN MOD(p.id, 3) > 0 THEN (m.first + 5)::timestamp
                       + MOD(p.id, 48) * INTERVAL '1 hour' END
             FROM res_partner p
            CROSS JOIN (VALUES (DATE '2026-02-01'), (DATE '2026-03-01'))
                  AS m(first)
            WHERE p.name LIKE %(pattern)s AND MOD(p.id, 10) = 0""",
        """INSERT INTO cs_traffic_anomaly (partner_id, company_id, granularity,
                period_start, volume, trailing_avg, change_pct, direction,
                segment, callback_id)
           SELECT c.partner_id, %(company)s, 'month', c.scheduled_date - 5,
                  10, 100, -90, CASE WHEN MOD(c.partner_id / 10, 2) = 0 THEN 'drop'
                  ELSE 'rise' END, p.cs_traffic_segment, c.id
             FROM cs_callback c JOIN res_partner p ON p.id = c.partner_id
            WHERE c.company_id = %(company)s AND c.reason = 'traffic_anomaly'""",
    ):
        env.cr.execute(
            SQL(
                query,
                company=company.id,
                customers=customers,
                pattern=pattern,
                users=user_ids,
            )
        )


def build_work_orders(env, company, count, engineer_ids):
    """``count`` work orders done in February and March by ``engineer_ids``,
    each with an equipment line and its done stock move."""
    from odoo.tools import SQL

    products = env["product.product"].create(
        [
            {"name": f"Bench equipment {company.id} {index}", "is_storable": True}
            for index in range(5)
        ]
    )
    env.flush_all()
    stock = env.ref("stock.stock_location_stock")
    customers = env.ref("stock.stock_location_customers")
    for query in (
        """INSERT INTO cs_work_order (name, partner_id, company_id, kind, state,
                engineer_id, scheduled_date, duration, date_deadline, done_date,
                done_on_time, quality_rating)
           SELECT 'BWO-' || %(company)s || '-' || n, %(partner)s, %(company)s,
                  (ARRAY['installation', 'repair', 'maintenance'])[1 + MOD(n, 3)],
                  'done', (%(engineers)s::int[])[1 + MOD(n, 20)], s.at, 2,
                  s.at + INTERVAL '2 hours', s.at + MOD(n, 4) * INTERVAL '1 hour',
                  MOD(n, 4) <= 2, (ARRAY[0, 60, 80, 100])[1 + MOD(n, 4)]
             FROM generate_series(1, %(count)s) AS n,
                  LATERAL (SELECT TIMESTAMP '2026-02-01 02:00'
                                  + MOD(n, 58) * INTERVAL '1 day' AS at) AS s""",
        """INSERT INTO cs_work_order_line (work_order_id, company_id, direction,
                product_id, quantity, reusable)
           SELECT id, company_id,
                  CASE WHEN MOD(id, 3) = 0 THEN 'in' ELSE 'out' END,
                  (%(products)s::int[])[1 + MOD(id, 5)], 1 + MOD(id, 3), TRUE
             FROM cs_work_order WHERE company_id = %(company)s""",
        """INSERT INTO stock_move (company_id, product_id, product_uom,
                location_id, location_dest_id, name, procure_method,
                product_uom_qty, product_qty, quantity, date, state,
                cs_work_order_line_id)
           SELECT w.company_id, l.product_id, %(uom)s,
                  CASE WHEN l.direction = 'out' THEN %(stock)s ELSE %(customers)s END,
                  CASE WHEN l.direction = 'out' THEN %(customers)s ELSE %(stock)s END,
                  'Bench', 'make_to_stock', l.quantity, l.quantity, l.quantity,
                  w.done_date, 'done', l.id
             FROM cs_work_order_line l
             JOIN cs_work_order w ON w.id = l.work_order_id
            WHERE w.company_id = %(company)s""",
    ):
        env.cr.execute(
            SQL(
                query,
                company=company.id,
                partner=company.partner_id.id,
                engineers=engineer_ids,
                count=count,
                products=products.ids,
                uom=products[0].uom_id.id,
                stock=stock.id,
                customers=customers.id,
            )
        )


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
    results = []
    began = time.perf_counter()
    for first, after in periods:
        params = {
            "company": company.id,
            "start": start_utc(fields.Date.to_date(first)),
            "end": start_utc(fields.Date.to_date(after)),
            "first": first,
            "last": fields.Date.to_date(after) - timedelta(days=1),
            "tz": company._cs_tz(),
            "today": company._cs_today(),
        }
        for query in RAW_SQL:
            env.cr.execute(query, params)  # pylint: disable=sql-injection
            results.append(env.cr.fetchall())
    sql_seconds = time.perf_counter() - began
    check_same_figures(env, data, results[: len(RAW_SQL)])
    return report_seconds, queries, sql_seconds


def check_same_figures(env, data, raw):
    """The raw SQL of this month gives the report's traffic and engineer
    figures (the benchmark compares like with like)."""
    report = env["cs.service.report"].with_context(
        allowed_company_ids=[data["company_id"]]
    )
    _scope, figures, _previous = report._cs_compute(data)
    traffic, engineers = figures["traffic"], figures["engineer_services"]
    [(records, customers, amount)] = raw[11]
    [(callbacks, called_back, on_time, overdue)] = raw[14]
    [(done, done_on_time, rated, quality)] = raw[15]
    expected = {
        "traffic records": (traffic["records"], records),
        "customers": (traffic["customers"], customers),
        "amount": (round(traffic["amount"], 2), round(float(amount or 0), 2)),
        "anomalies": (traffic["anomalies"], sum(row[2] for row in raw[13])),
        "callbacks": (
            (traffic["callbacks"], traffic["called_back"]),
            (callbacks, called_back),
        ),
        "on time": (traffic["called_back_on_time"], on_time),
        "overdue": (traffic["callbacks_overdue"], overdue),
        "work orders": (
            (engineers["done"], engineers["on_time"]),
            (done, done_on_time),
        ),
        "quality": (round(engineers["quality"], 6), round(float(quality or 0), 6)),
        "rated": (engineers["rated"], rated),
        "equipment": (
            round(sum(row[2] + row[3] for row in engineers["equipment"]), 2),
            round(sum(float(a or 0) + float(b or 0) for *_key, a, b in raw[18]), 2),
        ),
    }
    wrong = {name: pair for name, pair in expected.items() if pair[0] != pair[1]}
    if wrong:
        raise AssertionError(f"report and raw SQL differ: {wrong}")


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
