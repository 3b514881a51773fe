# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time cs_kpi's campaign generation and computation for 200 and 2,000 employees.

Usage (against a database where cs_kpi is installed; nothing is kept, the
transaction is rolled back)::

    python3 tests/benchmark_kpi_campaign.py -d DB --addons-path=ADDONS_PATH \\
        [--db_host=127.0.0.1 --db_user=odoo] [--sizes 200 2000]

Prints, per size, the seconds and queries spent generating the sheets and
computing the campaign, the time per employee, and the ratio of the
per-employee times between the largest and the smallest size (about 1 or
below when the work is set-based).
"""

import sys
import time

from benchmark_common import benchmark_parser, odoo_registry


def parse_args(argv):
    parser = benchmark_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    return parser.parse_args(argv)


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
    for step, method in (("generate", "action_generate_sheets"), ("compute", None)):
        if method is None:
            campaign.state = "open"  # skip the to-do activities: not benchmarked
            env.flush_all()
            method = "action_compute"
        queries = cr.sql_log_count
        start = time.perf_counter()
        getattr(campaign, method)()
        env.flush_all()
        result[step] = time.perf_counter() - start
        result[f"{step}_queries"] = cr.sql_log_count - queries
    assert len(campaign.sheet_ids) == size, "every employee gets a sheet"
    return result


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    registry = odoo_registry(args)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        # the manual's supervisor template (cs_department), else cs_kpi's example
        template = env.ref(
            "cs_department.cs_kpi_template_supervisor_quarter", False
        ) or env.ref("cs_kpi.cs_kpi_template_example")
        results = []
        try:
            for size in args.sizes:
                results.append(run_size(env, size, template))
        finally:
            cr.rollback()
    print(
        f"{'employees':>10} {'generate s':>11} {'queries':>8} {'compute s':>10} "
        f"{'queries':>8} {'ms/employee':>12}"
    )
    for row in results:
        per_employee = (row["generate"] + row["compute"]) / row["size"] * 1000
        row["per_employee"] = per_employee
        print(
            f"{row['size']:>10} {row['generate']:>11.3f} "
            f"{row['generate_queries']:>8} {row['compute']:>10.3f} "
            f"{row['compute_queries']:>8} {per_employee:>12.3f}"
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
