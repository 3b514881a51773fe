# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PostgreSQL for the Odoo layer of tests/run.py: a throwaway cluster and queries.

psycopg2 comes with Odoo: it is imported only where the Odoo layer runs.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder, on a free loopback port."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
        self.bindir = os.path.dirname(bins[0]) if bins else None
        self.tmp, self.port = None, free_port()

    def _run(self, args):
        owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        cmd = [*owner, f"{self.bindir}/{args[0]}", *args[1:]]
        if (proc := run(cmd)).returncode:
            raise RuntimeError(f"{args[0]} failed: {proc.stdout}{proc.stderr}")

    def start(self):
        if not self.bindir:
            raise RuntimeError("no PostgreSQL (apt-get install postgresql), no PGHOST")
        self.tmp = tempfile.mkdtemp(prefix="cs-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
        data = f"{self.tmp}/data"
        self._run(f"initdb -D {data} -U odoo -A trust -E UTF8 --locale=C.UTF-8".split())
        opts = (
            f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
        )
        self._run(
            ["pg_ctl", "-D", data, "-l", f"{data}.log", "-w", "-o", opts, "start"]
        )
        return {"host": "127.0.0.1", "port": str(self.port), "user": "odoo"}

    def stop(self):
        if self.tmp:
            self._run(["pg_ctl", "-D", f"{self.tmp}/data", "-m", "fast", "stop"])
            shutil.rmtree(self.tmp, ignore_errors=True)


def sql(conn, dbname, query, *params):
    """Rows of one query (autocommit), over psycopg2 that comes with Odoo."""
    import psycopg2  # only where Odoo, hence psycopg2, is importable

    db = psycopg2.connect(dbname=dbname, **{k: v for k, v in conn.items() if v})
    try:
        db.autocommit = True
        with db.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall() if cursor.description else []
    finally:
        db.close()


def drop_database(conn, name):
    from psycopg2 import sql as pgsql

    query = pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    sql(conn, "postgres", query.format(pgsql.Identifier(name)))


def installed(conn, dbname, modules):
    """Whether the database exists with these modules installed."""
    import psycopg2

    query = "SELECT name FROM ir_module_module WHERE state = 'installed'"
    try:
        names = {row[0] for row in sql(conn, dbname, query)}
    except psycopg2.Error:
        return False
    return set(modules.split(",")) <= names
