#!/usr/bin/env python3
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The project's test runner: static checks, pure-Python tests, Odoo integration.

Usage: ``python3 tests/run.py [--layers static,unit,odoo] [--keep-db]``

Each layer reports its own result; the last line is ``TOTAL: N passed, N failed``
over all layers and the exit status is non-zero on any failure. The Odoo layer runs
whenever ``python3`` imports Odoo 18.0 and says loudly when it cannot.

Configuration (environment variables):

- ``ODOO_BIN``: the Odoo launcher (default: ``odoo-bin`` next to the imported
  ``odoo`` package, else ``python3 -m odoo``).
- ``PGHOST``, ``PGPORT``, ``PGUSER``, ``PGPASSWORD``: an existing PostgreSQL server
  to use. Without ``PGHOST`` a throwaway cluster is started with Debian's
  PostgreSQL in a temporary folder and removed afterwards.
- ``CS_TEST_DB``: name of the database to create (default ``cs_test_<pid>``); it
  must not exist yet, and is dropped at the end unless ``--keep-db`` is given.
- ``CS_SKIP_PIP=1``: do not ``pip install -r requirements.txt`` before the Odoo run.
"""

import argparse
import ast
import csv
import glob
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[1]
ADDONS_DIR = ROOT / "addons"
ADDONS = ("cs_kpi", "cs_department")
ODOO_TEST_TIMEOUT = 45 * 60


class Layer:
    """Results of one layer: named checks that pass, fail or are skipped."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.notes = []

    def check(self, label, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {label}")
        else:
            self.failed += 1
            print(f"  FAIL  {label}")
            if detail:
                print("        " + detail.strip().replace("\n", "\n        "))
        return ok

    def skip(self, label, why):
        self.skipped += 1
        print(f"  SKIP  {label}: {why}")

    def summary(self):
        text = f"{self.passed} passed, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} skipped"
        return text


def banner(text):
    print(f"\n===== {text} =====", flush=True)


def run(cmd, **kwargs):
    """Run a command, capturing its output as text."""
    kwargs.setdefault("cwd", ROOT)
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


# ---------------------------------------------------------------------------
# Layer 1: static checks
# ---------------------------------------------------------------------------


def read_manifest(addon):
    path = ADDONS_DIR / addon / "__manifest__.py"
    return ast.literal_eval(path.read_text(encoding="utf-8"))


def defined_models(addon):
    """Models an addon defines (``_name`` on a Model or TransientModel class),
    not the ones it extends (``_name`` repeated in ``_inherit``, to add a
    mixin to an existing model)."""
    models = set()
    for path in (ADDONS_DIR / addon).rglob("*.py"):
        if "tests" in path.relative_to(ADDONS_DIR / addon).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            if not bases & {"models.Model", "models.TransientModel"}:
                continue
            names, inherits = set(), set()
            for stmt in node.body:
                if not isinstance(stmt, ast.Assign):
                    continue
                targets = {getattr(t, "id", None) for t in stmt.targets}
                if "_name" in targets and isinstance(stmt.value, ast.Constant):
                    names.add(stmt.value.value)
                if "_inherit" in targets and isinstance(stmt.value, ast.List):
                    inherits.update(
                        elt.value
                        for elt in stmt.value.elts
                        if isinstance(elt, ast.Constant)
                    )
            models |= names - inherits
    return models


def access_models(addon):
    """Models named by the addon's ``ir.model.access.csv`` (``model_x_y`` ids)."""
    path = ADDONS_DIR / addon / "security" / "ir.model.access.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as handle:
        return {
            row["model_id:id"].split(".")[-1]
            for row in csv.DictReader(handle)
            if row.get("model_id:id")
        }


def check_pylint(layer):
    if run([sys.executable, "-c", "import pylint_odoo"]).returncode:
        layer.check(
            "pylint-odoo (mandatory OCA checks)",
            False,
            "pylint-odoo is not installed: pip install -r tests/requirements.txt",
        )
        return
    for addon in ADDONS:
        proc = run(
            [
                sys.executable,
                "-m",
                "pylint",
                "--rcfile=.pylintrc-mandatory",
                f"addons/{addon}",
            ]
        )
        layer.check(
            f"pylint-odoo mandatory checks: {addon}",
            proc.returncode == 0,
            proc.stdout + proc.stderr,
        )


def check_ruff(layer):
    ruff = shutil.which("ruff")
    if not ruff:
        layer.check("ruff", False, "ruff is not installed: see tests/requirements.txt")
        return
    proc = run([ruff, "check", "--no-fix", "addons", "tests"])
    layer.check("ruff lint", proc.returncode == 0, proc.stdout + proc.stderr)
    proc = run([ruff, "format", "--check", "addons", "tests"])
    layer.check("ruff format", proc.returncode == 0, proc.stdout + proc.stderr)


PRETTIER_DIR = pathlib.Path(
    os.environ.get("CS_PRETTIER_DIR", "~/.cache/cs-suite-prettier")
).expanduser()


def check_prettier(layer):
    """XML laid out by prettier + @prettier/plugin-xml (OCA configuration)."""
    prettier = PRETTIER_DIR / "node_modules" / ".bin" / "prettier"
    if not prettier.exists():
        layer.skip(
            "prettier (XML layout)",
            f"not installed in {PRETTIER_DIR} (.ci/run installs it with npm)",
        )
        return
    env = dict(os.environ, NODE_PATH=str(PRETTIER_DIR / "node_modules"))
    proc = run([str(prettier), "--check", "addons/**/*.xml"], env=env)
    layer.check(
        "prettier: XML files laid out as prettier.config.cjs says",
        proc.returncode == 0,
        proc.stdout + proc.stderr,
    )


def check_xml(layer):
    bad = []
    files = sorted(ADDONS_DIR.rglob("*.xml"))
    for path in files:
        try:
            ET.parse(path)
        except ET.ParseError as exc:
            bad.append(f"{path.relative_to(ROOT)}: {exc}")
    layer.check(f"{len(files)} XML files parse", not bad, "\n".join(bad))


def check_manifests(layer):
    for addon in ADDONS:
        problems = []
        try:
            manifest = read_manifest(addon)
        except (OSError, SyntaxError, ValueError) as exc:
            layer.check(f"manifest of {addon}", False, str(exc))
            continue
        if not re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest.get("version", "")):
            problems.append(f"version {manifest.get('version')!r} is not 18.0.x.y.z")
        for key in ("data", "demo"):
            for name in manifest.get(key, []):
                if not (ADDONS_DIR / addon / name).is_file():
                    problems.append(f"{key} file {name} does not exist")
        for name in (
            "README.rst",
            "readme/DESCRIPTION.md",
            "static/description/icon.png",
        ):
            if not (ADDONS_DIR / addon / name).is_file():
                problems.append(f"{name} is missing")
        layer.check(
            f"manifest of {addon}: version, every listed file exists",
            not problems,
            "\n".join(problems),
        )


def check_access_rules(layer):
    for addon in ADDONS:
        models = defined_models(addon)
        granted = access_models(addon)
        missing = sorted(
            m for m in models if "model_" + m.replace(".", "_") not in granted
        )
        layer.check(
            f"every model of {addon} has an access rule ({len(models)} models)",
            not missing,
            "no ir.model.access line for: " + ", ".join(missing),
        )


def check_readme(layer):
    proc = run([sys.executable, "tests/gen_addon_readme.py", "--check"])
    layer.check(
        "addon README.rst files are generated from readme/",
        proc.returncode == 0,
        proc.stdout + proc.stderr,
    )


def check_translations(layer):
    proc = run([sys.executable, "tests/check_translations.py"])
    layer.check(
        "zh_CN translations complete and well-formed",
        proc.returncode == 0,
        proc.stdout + proc.stderr,
    )


def check_compose(layer):
    compose = shutil.which("docker-compose")
    if not compose:
        layer.skip(
            "docker-compose config",
            "docker-compose is not installed (apt-get install docker-compose)",
        )
        return
    env = dict(os.environ, COMPOSE_PROFILES="test")
    proc = run([compose, "-f", "docker-compose.yml", "config", "-q"], env=env)
    layer.check(
        "docker-compose config accepts docker-compose.yml",
        proc.returncode == 0,
        proc.stdout + proc.stderr,
    )


def layer_static():
    banner("static checks")
    layer = Layer("static")
    check_pylint(layer)
    check_ruff(layer)
    check_xml(layer)
    check_prettier(layer)
    check_manifests(layer)
    check_access_rules(layer)
    check_readme(layer)
    check_translations(layer)
    check_compose(layer)
    return layer


# ---------------------------------------------------------------------------
# Layer 2: pure-Python unit tests
# ---------------------------------------------------------------------------


def layer_unit():
    banner("pure-Python unit tests (pytest)")
    layer = Layer("unit")
    if run([sys.executable, "-c", "import pytest"]).returncode:
        layer.check(
            "pytest", False, "pytest is not installed: see tests/requirements.txt"
        )
        return layer
    with tempfile.TemporaryDirectory() as tmp:
        report = pathlib.Path(tmp) / "junit.xml"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--junitxml={report}",
                "tests/unit",
            ],
            cwd=ROOT,
            check=False,
        )
        if proc.returncode == 5:
            layer.check("pytest found tests", False, "tests/unit holds no test")
            return layer
        if not report.exists():
            layer.check("pytest ran", False, f"pytest exited {proc.returncode}")
            return layer
        suite = ET.parse(report).getroot()
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        total = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        layer.passed += total - bad - skipped
        layer.failed += bad
        layer.skipped += skipped
        if proc.returncode and not bad:
            layer.check("pytest exit status", False, f"pytest exited {proc.returncode}")
    return layer


# ---------------------------------------------------------------------------
# Layer 3: Odoo integration
# ---------------------------------------------------------------------------


def odoo_version():
    proc = run(
        [sys.executable, "-c", "import odoo.release as r; print(r.version)"],
        cwd=tempfile.gettempdir(),
    )
    if proc.returncode:
        return None, (proc.stderr.strip().splitlines() or ["import failed"])[-1]
    return proc.stdout.strip(), ""


def odoo_command():
    if os.environ.get("ODOO_BIN"):
        return [os.environ["ODOO_BIN"]]
    proc = run(
        [
            sys.executable,
            "-c",
            "import odoo, os; print(os.path.dirname(odoo.__file__))",
        ],
        cwd=tempfile.gettempdir(),
    )
    package = pathlib.Path(proc.stdout.strip())
    launcher = package.parent / "odoo-bin"
    if launcher.is_file():
        return [sys.executable, str(launcher)]
    return [sys.executable, "-m", "odoo"]


def odoo_addons_path():
    proc = run(
        [
            sys.executable,
            "-c",
            "import odoo, os; print(os.path.dirname(odoo.__file__))",
        ],
        cwd=tempfile.gettempdir(),
    )
    paths = [str(ADDONS_DIR)]
    source_addons = pathlib.Path(proc.stdout.strip()).parent / "addons"
    if (source_addons / "web").is_dir():
        paths.append(str(source_addons))
    return ",".join(paths)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder, on a free loopback port."""

    def __init__(self):
        self.tmp = None
        self.bindir = None
        self.port = free_port()
        self.user = "odoo"

    def _find_bindir(self):
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
        pg_config = shutil.which("pg_config")
        if pg_config:
            candidates.insert(0, run([pg_config, "--bindir"]).stdout.strip())
        for path in candidates:
            if os.path.exists(os.path.join(path, "initdb")):
                return path
        return None

    def _as_owner(self, cmd):
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return cmd

    def start(self):
        self.bindir = self._find_bindir()
        if not self.bindir:
            raise RuntimeError(
                "no PostgreSQL server binaries (apt-get install postgresql) "
                "and no PGHOST configured"
            )
        self.tmp = tempfile.mkdtemp(prefix="cs-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
        data = os.path.join(self.tmp, "data")
        steps = [
            [
                os.path.join(self.bindir, "initdb"),
                "-D",
                data,
                "-U",
                self.user,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            [
                os.path.join(self.bindir, "pg_ctl"),
                "-D",
                data,
                "-l",
                os.path.join(self.tmp, "server.log"),
                "-w",
                "-o",
                (
                    f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                ),
                "start",
            ],
        ]
        for cmd in steps:
            proc = run(self._as_owner(cmd))
            if proc.returncode:
                raise RuntimeError(f"{cmd[0]} failed: {proc.stdout}{proc.stderr}")
        return {"host": "127.0.0.1", "port": str(self.port), "user": self.user}

    def stop(self):
        if not self.tmp:
            return
        pg_ctl = os.path.join(self.bindir, "pg_ctl")
        data = os.path.join(self.tmp, "data")
        run(self._as_owner([pg_ctl, "-D", data, "-m", "fast", "-w", "stop"]))
        shutil.rmtree(self.tmp, ignore_errors=True)


def postgres_reachable(conn):
    probe = (
        "import psycopg2, sys; psycopg2.connect(dbname='postgres', host=sys.argv[1], "
        "port=sys.argv[2], user=sys.argv[3], password=sys.argv[4]).close()"
    )
    proc = run(
        [
            sys.executable,
            "-c",
            probe,
            conn["host"],
            conn["port"],
            conn["user"],
            conn.get("password", ""),
        ]
    )
    return proc.returncode == 0, proc.stderr.strip()


def drop_database(conn, name):
    script = (
        "import sys, psycopg2; from psycopg2 import sql;"
        " c = psycopg2.connect(dbname='postgres', host=sys.argv[1], port=sys.argv[2],"
        " user=sys.argv[3], password=sys.argv[4]); c.autocommit = True;"
        " c.cursor().execute(sql.SQL('DROP DATABASE IF EXISTS {} WITH (FORCE)')"
        ".format(sql.Identifier(sys.argv[5])))"
    )
    run(
        [
            sys.executable,
            "-c",
            script,
            conn["host"],
            conn["port"],
            conn["user"],
            conn.get("password", ""),
            name,
        ]
    )


OUR_NAMES = re.compile(r"\bcs_(kpi|department)\b|\bcs\.[a-z]")
LOG_LINE = re.compile(r"^\S+ \S+ \d+ (?P<level>[A-Z]+) ")


def parse_odoo_log(text):
    """Return (tests run, failed, errors, error lines, our warnings) from a log."""
    summary = re.findall(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", text)
    failed, errors, total = (int(x) for x in summary[-1]) if summary else (0, 0, 0)
    error_lines, warnings = [], []
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if not match:
            continue
        if match["level"] in ("ERROR", "CRITICAL"):
            error_lines.append(line)
        elif match["level"] == "WARNING" and OUR_NAMES.search(line):
            warnings.append(line)
    return total, failed, errors, error_lines, warnings


def layer_odoo(keep_db=False):
    banner("Odoo integration (install cs_kpi, cs_department with --test-enable)")
    layer = Layer("odoo")
    version, why = odoo_version()
    if not version or not version.startswith("18.0"):
        reason = why if not version else f"python3 imports Odoo {version}, not 18.0"
        print(
            "\n!!! ODOO INTEGRATION LAYER SKIPPED: python3 cannot import Odoo 18.0 "
            f"({reason}). Nothing was installed in a real Odoo. !!!\n"
        )
        layer.skip("Odoo integration run", "Odoo 18.0 is not importable")
        return layer
    print(f"  Odoo {version} importable")

    if os.environ.get("CS_SKIP_PIP") != "1":
        proc = run(
            [sys.executable, "-m", "pip", "install", "-q", "-r", "requirements.txt"]
        )
        if not layer.check(
            "OCA dependencies installed (pip install -r requirements.txt)",
            proc.returncode == 0,
            proc.stdout[-3000:] + proc.stderr[-3000:],
        ):
            return layer

    cluster = None
    if os.environ.get("PGHOST"):
        conn = {
            "host": os.environ["PGHOST"],
            "port": os.environ.get("PGPORT", "5432"),
            "user": os.environ.get("PGUSER", "odoo"),
            "password": os.environ.get("PGPASSWORD", ""),
        }
        print(f"  using the PostgreSQL server at {conn['host']}:{conn['port']}")
    else:
        cluster = ThrowawayPostgres()
        try:
            conn = cluster.start()
        except RuntimeError as exc:
            layer.check("throwaway PostgreSQL cluster started", False, str(exc))
            return layer
        print(f"  started a throwaway PostgreSQL cluster on 127.0.0.1:{conn['port']}")
    dbname = os.environ.get("CS_TEST_DB", f"cs_test_{os.getpid()}")
    try:
        ok, detail = postgres_reachable(conn)
        if not layer.check("PostgreSQL reachable", ok, detail):
            return layer
        run_odoo_tests(layer, conn, dbname)
    finally:
        if not keep_db:
            drop_database(conn, dbname)
        if cluster and not keep_db:
            cluster.stop()
    return layer


def odoo_base_command(conn, dbname):
    cmd = [
        *odoo_command(),
        f"--database={dbname}",
        f"--db_host={conn['host']}",
        f"--db_port={conn['port']}",
        f"--db_user={conn['user']}",
        f"--addons-path={odoo_addons_path()}",
    ]
    if conn.get("password"):
        cmd.append(f"--db_password={conn['password']}")
    return cmd


def check_module_update(layer, conn, dbname):
    """Update both addons in the database the tests ran in, demo data included."""
    proc = run(
        [
            *odoo_base_command(conn, dbname),
            f"--update={','.join(ADDONS)}",
            "--stop-after-init",
            f"--http-port={free_port()}",
            "--max-cron-threads=0",
        ],
        cwd=tempfile.gettempdir(),
    )
    _total, _failed, _errors, error_lines, warnings = parse_odoo_log(proc.stderr)
    layer.check(
        "the addons update (-u) cleanly over their installed data",
        proc.returncode == 0 and not error_lines and not warnings,
        "\n".join((error_lines + warnings)[:40]) or proc.stderr[-3000:],
    )


def check_exported_translations(layer, conn, dbname):
    """Export each addon's terms from the database and check zh_CN covers them."""
    with tempfile.TemporaryDirectory() as tmp:
        pots = []
        for addon in ADDONS:
            pot = os.path.join(tmp, f"{addon}.pot")
            proc = run(
                [
                    *odoo_base_command(conn, dbname),
                    f"--i18n-export={pot}",
                    f"--modules={addon}",
                    "--stop-after-init",
                    f"--http-port={free_port()}",
                ],
                cwd=tempfile.gettempdir(),
            )
            if proc.returncode or not os.path.exists(pot):
                layer.check(f"terms of {addon} exported", False, proc.stderr[-3000:])
                return
            pots += ["--pot", f"{addon}={pot}"]
        proc = run([sys.executable, "tests/check_translations.py", *pots])
        layer.check(
            "zh_CN covers every term the installed addons export",
            proc.returncode == 0,
            proc.stdout + proc.stderr,
        )


def run_odoo_tests(layer, conn, dbname):
    tags = ",".join(f"/{addon}" for addon in ADDONS)
    cmd = [
        *odoo_base_command(conn, dbname),
        f"--init={','.join(ADDONS)}",
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        f"--http-port={free_port()}",
        "--max-cron-threads=0",
        "--log-level=info",
    ]
    print("  $ " + " ".join(cmd), flush=True)
    started = time.monotonic()
    log_fd, log_path = tempfile.mkstemp(prefix="cs-odoo-", suffix=".log")
    with os.fdopen(log_fd, "w") as log:
        try:
            proc = subprocess.run(
                cmd,
                cwd=tempfile.gettempdir(),
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=ODOO_TEST_TIMEOUT,
                check=False,
            )
            returncode = proc.returncode
        except subprocess.TimeoutExpired:
            returncode = "timeout"
    elapsed = time.monotonic() - started
    text = pathlib.Path(log_path).read_text(encoding="utf-8", errors="replace")
    total, failed, errors, error_lines, warnings = parse_odoo_log(text)
    for line in text.splitlines():
        if re.search(
            r"odoo\.tests\.(stats|result)|post-tests in|Starting post tests", line
        ):
            print("  | " + line)
    print(f"  Odoo run took {elapsed:.0f} s, full log: {log_path}")
    layer.passed += max(total - failed - errors, 0)
    layer.failed += failed + errors
    layer.check(
        "install ran without ERROR/CRITICAL log lines",
        not error_lines,
        "\n".join(error_lines[:40]),
    )
    layer.check(
        "no WARNING log line about our addons",
        not warnings,
        "\n".join(warnings[:40]),
    )
    layer.check(
        f"odoo-bin exited 0 (exit status {returncode})",
        returncode == 0,
        "\n".join(text.splitlines()[-40:]),
    )
    layer.check(f"Odoo ran tests ({total} tests)", total > 0, "no Odoo test ran")
    if returncode == 0:
        check_module_update(layer, conn, dbname)
        check_exported_translations(layer, conn, dbname)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", default="static,unit,odoo")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    wanted = {name.strip() for name in args.layers.split(",")}
    layers = []
    if "static" in wanted:
        layers.append(layer_static())
    if "unit" in wanted:
        layers.append(layer_unit())
    if "odoo" in wanted:
        layers.append(layer_odoo(keep_db=args.keep_db))
    banner("summary")
    for layer in layers:
        print(f"{layer.name}: {layer.summary()}")
    passed = sum(layer.passed for layer in layers)
    failed = sum(layer.failed for layer in layers)
    skipped = sum(layer.skipped for layer in layers)
    line = f"TOTAL: {passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
