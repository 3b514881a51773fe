# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read the warehouse account (库房帐务) over many stock moves.

Usage (against a database where cs_department is installed; nothing is kept,
the transaction is rolled back)::

    python3 tests/benchmark_warehouse_account.py -d DB --addons-path=ADDONS_PATH \\
        [--db_host=127.0.0.1 --db_user=odoo] [--sizes 10000 100000]

For each size, bulk-inserts (in SQL) that many done stock moves of a few
equipment products in and out of the Customer Service warehouse over twelve
months, then reads the account as its pivot and list do (``read_group`` by
product and month, then ``search_read``) and prints the queries and seconds
of that read next to the seconds of the raw SQL aggregate of the same view,
and their ratio. The query count must not grow with the moves.
"""

import sys
import time

from benchmark_common import benchmark_parser, odoo_registry

SIZES = (10000, 100000)


def parse_args(argv):
    parser = benchmark_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    return parser.parse_args(argv)


def insert_moves(env, size, products):
    """``size`` done moves: in from vendors, out to customers, back from them."""
    from odoo.tools import SQL

    company = env.company
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", company.id), ("cs_is_service_warehouse", "=", True)],
        limit=1,
    )
    stock = warehouse.lot_stock_id
    vendors = env.ref("stock.stock_location_suppliers")
    customers = env.ref("stock.stock_location_customers")
    env.cr.execute(
        SQL(
            """
            INSERT INTO stock_move (name, company_id, product_id, product_uom,
                   product_uom_qty, product_qty, quantity, location_id,
                   location_dest_id, procure_method, state, date, price_unit)
            SELECT 'Benchmark move', %(company)s, p.id, p.uom_id, 1, 1, 1,
                   CASE mod(g, 3) WHEN 0 THEN %(vendors)s WHEN 1 THEN %(stock)s
                        ELSE %(customers)s END,
                   CASE mod(g, 3) WHEN 0 THEN %(stock)s WHEN 1 THEN %(customers)s
                        ELSE %(stock)s END,
                   'make_to_stock', 'done',
                   now() - mod(g, 365) * INTERVAL '1 day', 10
              FROM generate_series(1, %(size)s) g
              JOIN (SELECT pp.id, pt.uom_id, row_number() OVER () - 1 AS n
                      FROM product_product pp
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE pp.id = ANY(%(products)s)) p
                ON p.n = mod(g, %(count)s)
            """,
            company=company.id,
            vendors=vendors.id,
            stock=stock.id,
            customers=customers.id,
            size=size,
            products=products.ids,
            count=len(products),
        )
    )
    env["stock.move"].invalidate_model()


def read_account(env, products):
    Report = env["cs.warehouse.account.report"]
    groups = Report.read_group(
        [("product_id", "in", products.ids)],
        ["received_qty:sum", "delivered_qty:sum", "closing_qty:sum"],
        ["product_id", "date:month"],
        lazy=False,
    )
    rows = Report.search_read(
        [("product_id", "in", products.ids)], ["product_id", "date", "closing_qty"]
    )
    return len(groups), len(rows)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    registry = odoo_registry(args)
    from odoo import SUPERUSER_ID, api
    from odoo.tools import SQL

    print(f"{'moves':>8} {'queries':>8} {'read s':>8} {'raw SQL s':>10} {'ratio':>6}")
    counts = []
    for size in args.sizes:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            try:
                products = env["product.product"].create(
                    [
                        {"name": f"Benchmark equipment {index}", "is_storable": True}
                        for index in range(5)
                    ]
                )
                insert_moves(env, size, products)
                read_account(env, products)  # warm the caches up
                env.invalidate_all()
                queries = cr.sql_log_count
                start = time.perf_counter()
                read_account(env, products)
                read_s = time.perf_counter() - start
                queries = cr.sql_log_count - queries
                counts.append(queries)
                start = time.perf_counter()
                cr.execute(
                    SQL(
                        "SELECT product_id, date_trunc('month', date), "
                        "SUM(received_qty), SUM(delivered_qty), SUM(closing_qty) "
                        "FROM cs_warehouse_account_report "
                        "WHERE product_id = ANY(%s) GROUP BY 1, 2",
                        products.ids,
                    )
                )
                cr.fetchall()
                cr.execute(
                    SQL(
                        "SELECT product_id, date, closing_qty "
                        "FROM cs_warehouse_account_report WHERE product_id = ANY(%s)",
                        products.ids,
                    )
                )
                cr.fetchall()
                raw_s = time.perf_counter() - start
                print(
                    f"{size:>8} {queries:>8} {read_s:>8.3f} {raw_s:>10.3f} "
                    f"{read_s / raw_s:>6.2f}"
                )
            finally:
                cr.rollback()
    if len(set(counts)) > 1:
        sys.exit(f"FAIL: the query count grows with the moves: {counts}")
    print(f"OK: {counts[0]} queries at every size")


if __name__ == "__main__":
    main()
