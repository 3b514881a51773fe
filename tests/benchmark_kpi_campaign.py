# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time cs_kpi's campaign generation and computation for 200 and 2,000 employees.

Usage (against a database where cs_kpi is installed; nothing is kept, the
transaction is rolled back)::

    python3 tests/benchmark_kpi_campaign.py -d DB --addons-path=ADDONS_PATH \\
        [--db_host=127.0.0.1 --db_user=odoo] [--sizes 200 2000]

Prints, per size, the seconds and queries spent generating the sheets,
computing the campaign, closing it (statistics, grades, ranks; forced, the
manual lines being unscored) and exporting its XLSX workbook, each step's and
the whole time per employee, the process's peak memory and
what the size added to it (meaningful with ascending sizes: the peak only
grows), and the ratio of the per-employee times between the largest and the
smallest size (about 1 or below when the work is set-based). Each size runs in
its own transaction, rolled back before the next.

With ``--callbacks``, times instead the measurement of the two callback
sources at scale::

    python3 tests/benchmark_kpi_campaign.py -d DB --addons-path=ADDONS_PATH \\
        --callbacks [--representatives 2000] [--callback-count 500000]

It creates that many representatives (employees with users) on a benchmark
template whose two lines use the sources ``cs_callback_satisfaction`` and
``cs_complaint_followup_pass_rate``, inserts their tickets and the done, rated
callbacks of the quarter (a third of them complaint follow-ups; the last 2% of
the representatives without any) with batched SQL, then prints, each the best
of ``--rounds`` runs, each run the first compute of a campaign generated for it
(untimed) and rolled back to a savepoint after it:

(a) the seconds and queries of the campaign's measurement of those lines as
    ``action_compute`` runs it (search of the lines, ``_measure``, flush:
    actuals, scores and sheet totals and grades written through the ORM);
(b) the raw SQL: the same aggregates in one ``GROUP BY`` query plus one
    ``UPDATE cs_kpi_sheet_line ... FROM (VALUES ...)`` writing the same
    actuals; the ratio (a) / (b) is the target (within 2x);
(c) the raw SQL writing everything (a) writes: the aggregates of (b), one
    UPDATE of the lines' actuals and scores and one of the sheets' totals and
    grades, with the scores, totals and grades (a) computed (not computed
    again: a floor for any implementation that stores those figures).

It checks that (a) and (b) store the same actuals and (a) and (c) the same
figures.

Measured at 2,000 x 500,000 on the 2-core development machine: 7.0x before
the batch measurement (1.71 s and 98 queries against 0.24 s and 2), 3.6x after
it (0.98 s and 79 queries against 0.27 s), 2.8x to 3.3x with the scores and
sheet totals computed per batch (0.74 s to 0.94 s and 79 queries against
0.24 s to 0.31 s, by the machine's load); see README.md, "benchmarks". (c) is
about 1.5x (b) (0.38 s to 0.47 s), and (a) is about 1.9x (c): the
ORM's flush alone spends about 0.2 s of Python building its UPDATEs. The "SQL s"
column is each side's time in queries: the product's (0.47 s to 0.59 s) is
itself about 2x the raw side's, as it also writes the 4,000 lines' scores and
the 2,000 sheets' totals and grades (60 UPDATEs of the ORM's 100 rows), and
every updated row's foreign keys are checked again by PostgreSQL, the lines
and sheets having been created in the same transaction (as on all sides here:
an ``EXPLAIN ANALYZE`` of the line UPDATE shows about 0.10 s of its 0.13 s in those
checks).

Writing outside the ORM would not reach 2x either: an experiment (not kept)
whose ``_set_actuals`` wrote the actuals, scores and sheet totals and grades
with two hand-written ``UPDATE ... FROM (VALUES ...)`` (the cache set by hand)
measured 2.5x to 2.6x (b) with the same figures as (a). Its two UPDATEs took
as long in PostgreSQL (0.20 s and 0.12 s) as the ORM's 40 and 20 batched ones
(0.21 s and 0.12 s): the time is in the rows and columns written, not in the
number of statements.
"""

import resource
import sys
import threading
import time

from benchmark_common import benchmark_parser, odoo_registry


def parse_args(argv):
    parser = benchmark_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument(
        "--callbacks",
        action="store_true",
        help="time the two callback sources against raw SQL instead",
    )
    parser.add_argument("--representatives", type=int, default=2000)
    parser.add_argument("--callback-count", type=int, default=500000)
    parser.add_argument("--rounds", type=int, default=3)
    return parser.parse_args(argv)


def current_rss_mb():
    """The process's resident memory now, in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_rss_mb():
    """The process's peak resident memory so far, in MB (Linux: KB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(env, size, template):
    from odoo import Command

    department = env["hr.department"].create({"name": f"Benchmark {size}"})
    job = env["hr.job"].create({"name": f"Benchmark job {size}"})
    template.job_ids = [Command.link(job.id)]
    env["hr.employee"].create(
        [
            {
                "name": f"Benchmark {size} #{index}",
                "department_id": department.id,
                "job_id": job.id,
            }
            for index in range(size)
        ]
    )
    campaign = env["cs.kpi.campaign"].create(
        {
            "name": f"Benchmark {size}",
            "period_type": template.period_type,
            "year": 2030,
            "period_number": 1,
            "department_ids": [Command.set(department.ids)],
        }
    )
    env.flush_all()
    cr = env.cr
    result = {"size": size}
    report = env.ref("cs_kpi.cs_kpi_campaign_xlsx_report")

    def open_campaign():
        campaign.state = "open"  # skip the to-do activities: not benchmarked
        env.flush_all()
        return campaign.action_compute()

    steps = (
        ("generate", campaign.action_generate_sheets),
        ("compute", open_campaign),
        # the manual lines are not scored here: HR forces the closing
        ("close", lambda: campaign._close(force_reason="benchmark")),
        (
            "export",
            lambda: report._render_xlsx(report.report_name, campaign.ids, {}),
        ),
    )
    for step, work in steps:
        queries = cr.sql_log_count
        start = time.perf_counter()
        work()
        env.flush_all()
        result[step] = time.perf_counter() - start
        result[f"{step}_queries"] = cr.sql_log_count - queries
    assert len(campaign.sheet_ids) == size, "every employee gets a sheet"
    assert campaign.state == "done", "the campaign is closed"
    return result


#: The steps timed per size, as HR clicks them.
STEPS = ("generate", "compute", "close", "export")
SOURCES = ("cs_callback_satisfaction", "cs_complaint_followup_pass_rate")
# The quarter benchmarked (2030 Q1); the callbacks are done in February,
# inside the quarter whatever the campaign's time zone.
QUARTER = {"year": 2030, "period_number": 1}


def build_callbacks(env, representatives, callback_count):
    """The department of ``representatives`` employees whose template measures
    the two callback sources, and ``callback_count`` done rated callbacks."""
    from odoo import Command
    from odoo.tools import SQL

    company = env.company
    department = env["hr.department"].create({"name": "Benchmark callbacks"})
    job = env["hr.job"].create({"name": "Benchmark callbacks job"})
    indicators = env["cs.kpi.indicator"].create(
        [
            {
                "name": f"Benchmark {source}",
                "code": f"BENCH-{index}",
                "measure_type": "computed",
                "source": source,
                "scoring_method": "target_ratio",
                "target": 85 - 5 * index,
            }
            for index, source in enumerate(SOURCES)
        ]
    )
    env["cs.kpi.template"].create(
        {
            "name": "Benchmark callback sources",
            "period_type": "quarter",
            "job_ids": [Command.set(job.ids)],
            "kpi_weight": 100,
            "competency_weight": 0,
            "line_ids": [
                Command.create({"indicator_id": indicator.id, "weight": 50})
                for indicator in indicators
            ],
        }
    )
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {"name": f"Benchmark rep {index}", "login": f"bench_cb_rep_{index}"}
                for index in range(representatives)
            ]
        )
    )
    env["hr.employee"].create(
        [
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": department.id,
                "job_id": job.id,
            }
            for user in users
        ]
    )
    customer = env["res.partner"].create({"name": "Benchmark customer"})
    env.flush_all()
    # the last 2% of the representatives have no ticket, hence no callback
    served = max(1, representatives - representatives // 50)
    ticket_count = max(served, callback_count // 10)
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO helpdesk_ticket (company_id, name, description,
                cs_request_kind, partner_id, user_id, cs_representative_id,
                create_date)
            SELECT %(company)s, 'Bench callback ' || n, 'Bench', 'complaint',
                   %(customer)s, (%(users)s::int[])[1 + MOD(n, %(served)s)],
                   (%(users)s::int[])[1 + MOD(n, %(served)s)],
                   TIMESTAMP '2030-01-15'
              FROM generate_series(0, %(count)s - 1) AS n
         RETURNING id
            """,
            company=company.id,
            customer=customer.id,
            users=users.ids,
            served=served,
            count=ticket_count,
        )
    )
    tickets = sorted(row[0] for row in cr.fetchall())
    # callback n is on ticket MOD(n, tickets), whose representative is
    # users[MOD(MOD(n, tickets), served)]; satisfaction 1-100, every third a
    # complaint follow-up
    cr.execute(
        SQL(
            """
            INSERT INTO cs_callback (partner_id, ticket_id, representative_id,
                user_id, company_id, reason, scheduled_date, state, done_date,
                satisfaction, outcome, overdue_flagged)
            SELECT %(customer)s, (%(tickets)s::int[])[1 + MOD(n, %(ticket_count)s)],
                   (%(users)s::int[])[1 + MOD(MOD(n, %(ticket_count)s), %(served)s)],
                   %(uid)s, %(company)s,
                   CASE WHEN MOD(n, 3) = 0 THEN 'complaint_followup'
                        ELSE 'traffic_anomaly' END,
                   DATE '2030-02-01', 'done',
                   TIMESTAMP '2030-02-01' + MOD(n, 27 * 24) * INTERVAL '1 hour',
                   1 + MOD(n * 37, 100), 'resolved', FALSE
              FROM generate_series(0, %(count)s - 1) AS n
            """,
            customer=customer.id,
            tickets=tickets,
            ticket_count=len(tickets),
            users=users.ids,
            served=served,
            uid=env.uid,
            company=company.id,
            count=callback_count,
        )
    )
    cr.execute("ANALYZE helpdesk_ticket")
    cr.execute("ANALYZE cs_callback")
    env.invalidate_all()
    return department


def new_campaign(env, department):
    """The department's campaign of the quarter, its sheets generated and open."""
    from odoo import Command

    campaign = env["cs.kpi.campaign"].create(
        {
            "name": "Benchmark callback sources",
            "period_type": "quarter",
            **QUARTER,
            "department_ids": [Command.set(department.ids)],
        }
    )
    campaign.action_generate_sheets()
    campaign.state = "open"  # skip the to-do activities: not benchmarked
    campaign.sheet_ids.state = "open"
    env.flush_all()
    env.cr.execute("ANALYZE cs_kpi_sheet_line")
    env.cr.execute("ANALYZE cs_kpi_sheet")
    return campaign


def measure_product(campaign):
    """The measurement of the callback lines as ``action_compute`` runs it
    (with the product's context: tracking on)."""
    env = campaign.env(context={})
    env.invalidate_all()

    def work():
        lines = env["cs.kpi.sheet.line"].search(
            [
                ("campaign_id", "in", campaign.ids),
                ("measure_type", "in", ("computed", "evaluation")),
            ]
        )
        lines._measure()
        env.flush_all()

    return timed(env.cr, work)


def raw_query(campaign):
    """The raw SQL's ``GROUP BY`` query of the campaign's callback lines and
    their callbacks' figures (the campaign's period and company read before
    the timing starts, as the product's are on the campaign)."""
    from odoo.tools import SQL

    start_date, stop_date = campaign._period_datetimes()
    threshold = campaign.company_id.cs_satisfaction_threshold
    return SQL(
        """
            SELECT line.id, sheet.employee_id, line.source, figures.average,
                   figures.followups, figures.passed
              FROM cs_kpi_sheet_line line
              JOIN cs_kpi_sheet sheet ON sheet.id = line.sheet_id
              JOIN hr_employee employee ON employee.id = sheet.employee_id
         LEFT JOIN (
                SELECT representative_id, AVG(satisfaction) AS average,
                       COUNT(*) FILTER (WHERE reason = 'complaint_followup')
                           AS followups,
                       COUNT(*) FILTER (WHERE reason = 'complaint_followup'
                           AND satisfaction >= %(threshold)s) AS passed
                  FROM cs_callback
                 WHERE company_id = %(company)s AND state = 'done'
                   AND satisfaction > 0
                   AND done_date >= %(start)s AND done_date < %(stop)s
              GROUP BY representative_id
            ) figures ON figures.representative_id = employee.user_id
             WHERE line.campaign_id = %(campaign)s AND line.source IN %(sources)s
            """,
        threshold=threshold,
        company=campaign.company_id.id,
        start=start_date,
        stop=stop_date,
        campaign=campaign.id,
        sources=SOURCES,
    )


def raw_aggregates(cr, query):
    """``{line_id: (employee_id, source, value)}``: the measured values of
    ``raw_query``'s lines."""
    from odoo.addons.cs_kpi.tools import scoring

    cr.execute(query)
    values = {}
    for line_id, employee_id, source, average, followups, passed in cr.fetchall():
        if source == SOURCES[0]:
            value = average
        else:
            value = passed * 100.0 / followups if followups else None
        values[line_id] = (employee_id, source, scoring.round_half_up(value))
    return values


def measure_raw(campaign):
    """The same actuals from one ``GROUP BY`` query, written by one UPDATE."""
    from odoo.tools import SQL

    cr = campaign.env.cr
    query = raw_query(campaign)

    def work():
        values = raw_aggregates(cr, query)
        cr.execute(
            SQL(
                """
                UPDATE cs_kpi_sheet_line line
                   SET actual = new.actual, is_measured = new.is_measured
                  FROM (VALUES %s) AS new(id, actual, is_measured)
                 WHERE line.id = new.id
                """,
                SQL(", ").join(
                    SQL(
                        "(%s, %s::float8, %s)",
                        line_id,
                        value or 0.0,
                        value is not None,
                    )
                    for line_id, (_employee, _source, value) in values.items()
                ),
            )
        )

    return timed(cr, work)


def measure_raw_all(figures):
    """What the product writes, written by raw SQL: the aggregates of (b),
    then one UPDATE of the lines (actual, scores) and one of the sheets
    (totals, grade), with the scores, totals and grades of the product's run
    ``figures`` (``stored_figures``) instead of computing them: a floor for
    any implementation that stores those figures."""
    from odoo.tools import SQL

    lines, sheets = figures

    def measure(campaign):
        cr = campaign.env.cr
        query = raw_query(campaign)
        return timed(cr, lambda: write_all(cr, campaign, raw_aggregates(cr, query)))

    def write_all(cr, campaign, values):
        # the product's scores of the same line (employee, source)
        cr.execute(
            SQL(
                """
                UPDATE cs_kpi_sheet_line line
                   SET actual = new.actual, is_measured = new.is_measured,
                       score = new.score, weighted_score = new.weighted,
                       write_uid = %(uid)s, write_date = NOW() AT TIME ZONE 'UTC'
                  FROM (VALUES %(values)s)
                       AS new(id, actual, is_measured, score, weighted)
                 WHERE line.id = new.id
                """,
                uid=campaign.env.uid,
                values=SQL(", ").join(
                    SQL(
                        "(%s, %s::float8, %s, %s::float8, %s::float8)",
                        line_id,
                        value or 0.0,
                        value is not None,
                        *lines[employee, source][2:],
                    )
                    for line_id, (employee, source, value) in values.items()
                ),
            )
        )
        cr.execute(
            SQL(
                """
                UPDATE cs_kpi_sheet sheet
                   SET kpi_score = new.kpi_score, total_score = new.total_score,
                       grade = new.grade, passed = new.passed,
                       write_uid = %(uid)s, write_date = NOW() AT TIME ZONE 'UTC'
                  FROM (VALUES %(values)s)
                       AS new(employee_id, kpi_score, total_score, grade, passed)
                 WHERE sheet.campaign_id = %(campaign)s
                   AND sheet.employee_id = new.employee_id
                """,
                uid=campaign.env.uid,
                campaign=campaign.id,
                values=SQL(", ").join(
                    SQL(
                        "(%s, %s::float8, %s::float8, %s::varchar, %s)",
                        employee,
                        kpi_score,
                        total_score,
                        grade or None,
                        passed,
                    )
                    for employee, (kpi_score, total_score, grade, passed) in (
                        sheets.items()
                    )
                ),
            )
        )

    return measure


def timed(cr, work):
    """``(seconds, queries, seconds in queries)`` of calling ``work()``."""
    queries = cr.sql_log_count
    sql_start = sql_seconds()
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    return seconds, cr.sql_log_count - queries, sql_seconds() - sql_start


def sql_seconds():
    """Seconds the current thread spent in queries so far (Odoo's cursor adds
    each query's time to the thread's ``query_time``)."""
    thread = threading.current_thread()
    if not hasattr(thread, "query_time"):
        thread.query_count, thread.query_time = 0, 0.0
    return thread.query_time


def stored_figures(campaign):
    """The figures the campaign's compute stores: ``{(employee_id, source):
    (actual, is_measured, score, weighted_score)}`` of its lines and
    ``{employee_id: (kpi_score, total_score, grade, passed)}`` of its sheets."""
    cr = campaign.env.cr
    cr.execute(
        # NULL as the ORM reads it: a line created without a value
        "SELECT employee_id, source, COALESCE(actual, 0), "
        "COALESCE(is_measured, FALSE), COALESCE(score, 0)::float8, "
        "COALESCE(weighted_score, 0)::float8 "
        "FROM cs_kpi_sheet_line WHERE campaign_id = %s",
        [campaign.id],
    )
    lines = {(row[0], row[1]): row[2:] for row in cr.fetchall()}
    cr.execute(
        "SELECT employee_id, COALESCE(kpi_score, 0)::float8, "
        "COALESCE(total_score, 0)::float8, grade, COALESCE(passed, FALSE) "
        "FROM cs_kpi_sheet WHERE campaign_id = %s",
        [campaign.id],
    )
    sheets = {row[0]: row[1:] for row in cr.fetchall()}
    return lines, sheets


def in_savepoint(department, measure):
    """``measure`` on a new campaign of ``department`` and the figures it
    stored, then rolled back: every measurement is the first compute of
    freshly generated lines (nothing measured, every score 0), as when HR
    computes a campaign just generated."""
    env = department.env
    with env.cr.savepoint() as savepoint:
        campaign = new_campaign(env, department)
        env.invalidate_all()
        timing = measure(campaign)
        figures = stored_figures(campaign)
        savepoint.close(rollback=True)
    env.invalidate_all()
    return timing, figures


def run_callbacks(env, args):
    began = time.perf_counter()
    department = build_callbacks(env, args.representatives, args.callback_count)
    print(
        f"built {args.representatives} representatives, "
        f"{args.callback_count} callbacks in {time.perf_counter() - began:.1f} s"
    )
    return compare(department, args.rounds)


def compare(department, rounds):
    """Print the product's and the raw SQL's measurement, and their ratios."""
    sides = ("product", "raw", "raw_all")
    timings = {side: [] for side in sides}
    results = {}
    for _round in range(rounds):
        for side in sides:
            measure = {
                "product": measure_product,
                "raw": measure_raw,
                # the product's figures of its first round, written raw
                "raw_all": results.get("product")
                and measure_raw_all(results["product"]),
            }[side]
            timing, figures = in_savepoint(department, measure)
            timings[side].append(timing)
            results[side] = figures
    print(
        "rounds (product / raw / raw writing all seconds):",
        ", ".join(
            " / ".join(f"{timing[0]:.3f}" for timing in round_timings)
            for round_timings in zip(*timings.values(), strict=True)
        ),
    )
    # the best of the rounds (the first one warms the caches)
    best = {side: min(timings[side]) for side in sides}
    lines, sheets = results["product"]

    def actuals(figures):
        return {key: values[:2] for key, values in figures[0].items()}

    same = actuals(results["raw"]) == actuals(results["product"])
    same_all = results["raw_all"] == results["product"]
    measured = sum(1 for values in lines.values() if values[1])
    graded = sum(1 for values in sheets.values() if values[1] > 0 and values[2])
    print(f"{'':>30} {'seconds':>8} {'queries':>8} {'SQL s':>8}")
    for label, side in (
        ("(a) product _measure", "product"),
        ("(b) raw SQL + UPDATE actuals", "raw"),
        ("(c) raw SQL + UPDATEs of all", "raw_all"),
    ):
        seconds, queries, sql = best[side]
        print(f"{label:>30} {seconds:>8.3f} {queries:>8} {sql:>8.3f}")
    print(
        f"ratio (a) / (b): {best['product'][0] / best['raw'][0]:.2f} "
        "(target: within 2x)"
    )
    print(
        f"ratio (c) / (b): {best['raw_all'][0] / best['raw'][0]:.2f}, "
        f"(a) / (c): {best['product'][0] / best['raw_all'][0]:.2f}"
    )
    print(
        f"(a) also computes and writes the {len(lines)} lines' scores and the "
        f"{len(sheets)} sheets' totals and grades (the ORM's UPDATEs of 100 "
        "rows); (b) writes the actuals only; (c) writes what (a) writes, "
        "the scores, totals and grades taken from (a) instead of computed"
    )
    print(
        f"lines {len(lines)}, measured {measured}, sheets graded {graded}; "
        f"same actuals (a) (b): {'yes' if same else 'NO'}; "
        f"same figures (a) (c): {'yes' if same_all else 'NO'}"
    )
    return 0 if same and same_all else 1


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    registry = odoo_registry(args)
    from odoo import SUPERUSER_ID, api

    if args.callbacks:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            try:
                return run_callbacks(env, args)
            finally:
                cr.rollback()
    results = []
    # each size in its own transaction, rolled back: a size never meets the
    # rows (nor the stale planner statistics) of the one before
    for size in args.sizes:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            # the manual's supervisor template (cs_department), else cs_kpi's
            template = env.ref(
                "cs_department.cs_kpi_template_supervisor_quarter", False
            ) or env.ref("cs_kpi.cs_kpi_template_example")
            rss_before = current_rss_mb()
            try:
                row = run_size(env, size, template)
            finally:
                cr.rollback()
            row["peak_mb"] = peak_rss_mb()
            row["added_mb"] = row["peak_mb"] - rss_before
            results.append(row)
            env.invalidate_all()
    print(
        f"{'employees':>10}"
        + "".join(f" {step + ' s':>11} {'queries':>8}" for step in STEPS)
        + f" {'ms/employee':>12} {'peak MB':>8} {'added MB':>9}"
    )
    for row in results:
        per_employee = sum(row[step] for step in STEPS) / row["size"] * 1000
        row["per_employee"] = per_employee
        print(
            f"{row['size']:>10}"
            + "".join(
                f" {row[step]:>11.3f} {row[step + '_queries']:>8}" for step in STEPS
            )
            + f" {per_employee:>12.3f} {row['peak_mb']:>8.0f} {row['added_mb']:>9.0f}"
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        for step in STEPS:
            ratio = (large[step] / large["size"]) / (small[step] / small["size"])
            print(
                f"{step}: per-employee time ratio {large['size']} / "
                f"{small['size']}: {ratio:.2f}"
            )
    if len(results) > 1:
        ratio = results[-1]["per_employee"] / results[0]["per_employee"]
        print(
            f"per-employee time ratio {results[-1]['size']} / {results[0]['size']}: "
            f"{ratio:.2f} (1.00 = linear total time, below 1 = fixed costs amortised)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
