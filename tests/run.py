#!/usr/bin/env python3
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The project's test runner: static checks, pure-Python tests, Odoo integration.

Usage: ``python3 tests/run.py [--layers static,unit,odoo] [--keep-db]``

- static: ``pre-commit run -a`` (``.pre-commit-config.yaml`` owns every check);
- unit: ``pytest tests/unit``;
- odoo: installs both addons with their tests in one database, runs there the own
  tests of helpdesk_mgmt, helpdesk_mgmt_sla, helpdesk_mgmt_rating and
  base_tier_validation (``-u``), updates both addons
  over their demo data and checks zh_CN against the terms they export; installs
  cs_kpi alone with its tests in a second one, which must hold no record of the
  manual. ``checklog-odoo`` (``checklog-odoo.cfg``) reads every Odoo log.

The last line is ``TOTAL: N passed, N failed``; the exit status is non-zero on any
failure. Environment: ``ODOO_BIN`` (launcher), ``PGHOST``/``PGPORT``/``PGUSER``/
``PGPASSWORD`` (a server to use; without ``PGHOST`` a throwaway cluster is started
in a temporary folder), ``CS_TEST_DB`` (database name), ``CS_SKIP_PIP=1`` (do not
``pip install`` the requirements before the Odoo run).
"""

import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from pg_cluster import ThrowawayPostgres, drop_database, free_port, installed, sql

ROOT = pathlib.Path(__file__).resolve().parents[1]
ADDONS = "cs_kpi,cs_department"
# The OCA addons the suite extends: their own tests must still pass beside it. With
# -u, a module's at_install tests run before its dependents are loaded, on a schema
# that has their columns: the suite adds no NOT NULL column to their models.
OCA = "helpdesk_mgmt,helpdesk_mgmt_sla,helpdesk_mgmt_rating,base_tier_validation"
# --email-from: helpdesk_mgmt_rating's portal tests send the rating's notification,
# which without a default sender logs "failed sending mail" as an ERROR (it does
# so without the suite too); in test mode nothing is sent.
OCA_ARGS = (
    f"-u {OCA} --test-enable --log-level=info --email-from=odoo@example.com "
    "--test-tags=" + ",".join(f"/{module}" for module in OCA.split(","))
)
TMP = tempfile.gettempdir()
TIMEOUT = 45 * 60  # seconds, for one Odoo run
# The manual's three roles, which begin the names of its shipped templates.
MANUAL_ROLES = (
    "CS Department Manager|Service Desk Supervisor|Service Desk Representative"
)
# The manual's records, by xmlid, indicator code and role: none where cs_kpi is alone.
MANUAL_QUERY = """
SELECT 'xmlid ' || module || '.' || name FROM ir_model_data
 WHERE module = 'cs_department' AND model LIKE 'cs.kpi.%%'
UNION ALL SELECT 'indicator ' || code FROM cs_kpi_indicator WHERE code IN (
 'MGR-EXT-SAT', 'MGR-SKILL', 'MGR-PROCESS', 'MGR-REPORT', 'INT-SAT', 'SUP-CMP-SAT',
 'SUP-REPORT', 'SUP-SKILL', 'SUP-QUALITY', 'SUP-MBO', 'REP-SAT', 'REP-CHANGE',
 'REP-CALLBACK', 'REP-CRM', 'REP-KNOW', 'CS-CB-SAT')
UNION ALL SELECT 'template ' || (name->>'en_US') FROM cs_kpi_template
 WHERE name->>'en_US' ~ %s"""
HOOK = re.compile(r"^.+?\.{3,}(?:\(no files to check\))?(Passed|Failed|Skipped)$")
TESTS = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
SHOWN = re.compile(
    r"^.*(odoo\.tests\.(stats|result)|: (FAIL|ERROR): ).*$", re.MULTILINE
)


class Layer:
    """Results of one layer: named checks that pass, fail or are skipped."""

    def __init__(self, name):
        self.name, self.passed, self.failed, self.skipped = name, 0, 0, 0

    def check(self, label, ok, detail=""):
        self.passed, self.failed = self.passed + bool(ok), self.failed + (not ok)
        print(f"  {'ok  ' if ok else 'FAIL'}  {label}", flush=True)
        if not ok and detail:
            print("        " + detail.strip().replace("\n", "\n        "))
        return ok

    def skip(self, label, why):
        self.skipped += 1
        print(f"  SKIP  {label}: {why}")

    def summary(self):
        text = f"{self.passed} passed, {self.failed} failed"
        return text + (f", {self.skipped} skipped" if self.skipped else "")


def banner(text):
    print(f"\n===== {text} =====", flush=True)


def run(cmd, cwd=ROOT):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def count_hooks(output):
    """(passed, failed) hooks in the output of ``pre-commit run``."""
    results = [m[1] for m in map(HOOK.match, output.splitlines()) if m]
    return results.count("Passed"), results.count("Failed")


def layer_static():
    banner("static checks (pre-commit run -a, see .pre-commit-config.yaml)")
    layer = Layer("static")
    if run([sys.executable, "-c", "import pre_commit"]).returncode:
        why = "pre-commit is not installed: pip install -r tests/requirements.txt"
        layer.check("pre-commit", False, why)
        return layer
    cmd = ["-m", "pre_commit", "run", "-a", "--color=never", "--show-diff-on-failure"]
    proc = run([sys.executable, *cmd])
    print(proc.stdout + proc.stderr)
    layer.passed, layer.failed = count_hooks(proc.stdout)
    if proc.returncode and not layer.failed:
        layer.check(f"pre-commit run -a exited {proc.returncode}", False)
    return layer


def layer_unit():
    banner("pure-Python unit tests (pytest tests/unit)")
    layer = Layer("unit")
    with tempfile.TemporaryDirectory() as tmp:
        report = pathlib.Path(tmp) / "junit.xml"
        args = f"-m pytest -q -p no:cacheprovider --junitxml={report} tests/unit"
        proc = subprocess.run([sys.executable, *args.split()], cwd=ROOT, check=False)
        if proc.returncode == 5 or not report.exists():
            why = f"pytest exited {proc.returncode} (see tests/requirements.txt)"
            layer.check("pytest ran tests", False, why)
            return layer
        suite = ET.parse(report).getroot()
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        layer.skipped = int(suite.get("skipped", 0))
        layer.passed, layer.failed = int(suite.get("tests")) - bad - layer.skipped, bad
        if proc.returncode and not bad:
            layer.check("pytest exit status", False, f"pytest exited {proc.returncode}")
    return layer


def odoo_info():
    """(version or None, why not, launcher, addons path) of the importable Odoo."""
    code = "import odoo, odoo.release as r; print(r.version, odoo.__path__[0])"
    proc = run([sys.executable, "-c", code], cwd=TMP)
    if proc.returncode:
        return None, (proc.stderr.strip().splitlines() or ["no odoo"])[-1], None, None
    version, package = proc.stdout.split()[:2]
    src = pathlib.Path(package).parent
    launcher = [sys.executable, str(src / "odoo-bin")]
    if not (src / "odoo-bin").is_file():
        launcher = [sys.executable, "-m", "odoo"]
    launcher = [os.environ["ODOO_BIN"]] if os.environ.get("ODOO_BIN") else launcher
    paths = [str(ROOT / "addons")]
    paths += [str(src / "addons")] if (src / "addons" / "web").is_dir() else []
    return version, "", launcher, ",".join(paths)


def count_tests(text):
    """(tests run, failed, errors) from the last Odoo test summary of a log."""
    found = TESTS.findall(text)
    failed, errors, total = (int(x) for x in found[-1]) if found else (0, 0, 0)
    return total, failed, errors


class Odoo:
    """odoo-bin on one database; each run's exit status and log are checks."""

    def __init__(self, layer, launcher, addons_path, conn, dbname):
        self.layer, self.dbname = layer, dbname
        self.base = [*launcher, f"--database={dbname}", f"--addons-path={addons_path}"]
        self.base += [f"--db_{key}={value}" for key, value in conn.items() if value]

    def __call__(self, label, args, tests=False):
        """Run Odoo with ``args`` (a string); True when it exited 0 with a clean log."""
        cmd = [*self.base, *args.split(), "--stop-after-init", "--max-cron-threads=0"]
        cmd.append(f"--http-port={free_port()}")
        print("  $ " + " ".join(cmd), flush=True)
        fd, log = tempfile.mkstemp(prefix=f"cs-odoo-{self.dbname}-", suffix=".log")
        with os.fdopen(fd, "w") as out:
            try:
                status = subprocess.run(
                    cmd, cwd=TMP, stdout=out, stderr=out, check=False, timeout=TIMEOUT
                ).returncode
            except subprocess.TimeoutExpired:
                status = f"timeout after {TIMEOUT} s"
        text = pathlib.Path(log).read_text(encoding="utf-8", errors="replace")
        tail = "\n".join(text.splitlines()[-30:])
        ok = self.layer.check(f"{label}: exit 0 (log {log})", status == 0, tail)
        checklog = [sys.executable, "-m", "checklog_odoo", "-c", "checklog-odoo.cfg"]
        proc = run([*checklog, log])
        ok &= self.layer.check(
            f"{label}: checklog-odoo finds no error or warning in the log",
            not proc.returncode,
            (proc.stdout + proc.stderr)[-6000:],
        )
        if tests:
            total, failed, errors = count_tests(text)
            print("\n".join("  | " + m[0] for m in SHOWN.finditer(text)))
            self.layer.passed += max(total - failed - errors, 0)
            self.layer.failed += failed + errors
            ok &= self.layer.check(f"{label}: Odoo ran tests ({total})", total > 0)
        return ok


def check_exported_terms(layer, odoo):
    """Export each addon's terms from the database and check zh_CN covers them."""
    with tempfile.TemporaryDirectory() as tmp:
        pots = []
        # helpdesk_mgmt, its SLA and rating modules, base_tier_validation:
        # cs_department translates the terms its users see
        # (tests/check_translations.py, EXTRA_SCOPE).
        for addon in [*ADDONS.split(","), *OCA.split(",")]:
            pot = f"{tmp}/{addon}.pot"
            if not odoo(
                f"export {addon}'s terms", f"--i18n-export={pot} --modules={addon}"
            ):
                return
            pots += ["--pot", f"{addon}={pot}"]
        proc = run([sys.executable, "tests/check_translations.py", *pots])
        label = "zh_CN covers every term the installed addons export"
        layer.check(label, not proc.returncode, proc.stdout + proc.stderr)


def odoo_runs(layer, launcher, addons_path, conn, full):
    odoo = Odoo(layer, launcher, addons_path, conn, full)
    tags = ",".join(f"/{addon}" for addon in ADDONS.split(","))
    args = f"-i {ADDONS} --test-enable --test-tags={tags} --log-level=info"
    odoo("install both addons with their tests", args, tests=True)
    if installed(conn, full, ADDONS):  # also after a failed test: more to learn
        odoo(f"{OCA}'s own tests beside both addons", OCA_ARGS, tests=True)
        odoo("update both addons over their demo data", f"-u {ADDONS}")
        check_exported_terms(layer, odoo)
    alone = Odoo(layer, launcher, addons_path, conn, f"{full}_kpi_alone")
    args = "-i cs_kpi --test-enable --test-tags=/cs_kpi --log-level=info"
    alone("install cs_kpi alone with its tests", args, tests=True)
    if installed(conn, alone.dbname, "cs_kpi"):
        found = sql(conn, alone.dbname, MANUAL_QUERY, MANUAL_ROLES)
        detail = "found: " + ", ".join(row[0] for row in found)
        layer.check("cs_kpi alone holds no record of the manual", not found, detail)


def layer_odoo(keep_db=False):
    banner("Odoo integration (both addons, then cs_kpi alone)")
    layer = Layer("odoo")
    version, why, launcher, addons_path = odoo_info()
    if not (version or "").startswith("18.0"):
        why = why or f"python3 imports Odoo {version}, not 18.0"
        print(f"\n!!! ODOO INTEGRATION LAYER SKIPPED: python3 cannot import Odoo 18.0 "
              f"({why}). Nothing was installed in a real Odoo. !!!\n")  # fmt: skip
        layer.skip("Odoo integration run", "Odoo 18.0 is not importable")
        return layer
    print(f"  Odoo {version} importable")
    if os.environ.get("CS_SKIP_PIP") != "1":
        reqs = "-r requirements.txt -r tests/requirements.txt"
        proc = run([sys.executable, *f"-m pip install -q {reqs}".split()])
        if not layer.check(f"pip install {reqs}", not proc.returncode, proc.stderr):
            return layer
    cluster = None if os.environ.get("PGHOST") else ThrowawayPostgres()
    try:
        conn = cluster.start() if cluster else {"host": os.environ["PGHOST"]}
    except RuntimeError as exc:
        layer.check("throwaway PostgreSQL cluster started", False, str(exc))
        return layer
    for key in ("port", "user", "password"):
        conn.setdefault(key, os.environ.get(f"PG{key.upper()}", ""))
    print(f"  PostgreSQL at {conn['host']}:{conn['port'] or 5432}")
    full = os.environ.get("CS_TEST_DB", f"cs_test_{os.getpid()}")
    try:
        odoo_runs(layer, launcher, addons_path, conn, full)
    finally:
        if not keep_db:
            for name in (full, f"{full}_kpi_alone"):
                drop_database(conn, name)
            if cluster:
                cluster.stop()
    return layer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", default="static,unit,odoo")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    wanted = {name.strip() for name in args.layers.split(",")}
    layers = [layer_static()] if "static" in wanted else []
    layers += [layer_unit()] if "unit" in wanted else []
    layers += [layer_odoo(keep_db=args.keep_db)] if "odoo" in wanted else []
    banner("summary")
    for layer in layers:
        print(f"{layer.name}: {layer.summary()}")
    passed, failed = sum(x.passed for x in layers), sum(x.failed for x in layers)
    skipped = sum(x.skipped for x in layers)
    print(f"TOTAL: {passed} passed, {failed} failed", end="")
    print(f", {skipped} skipped" if skipped else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
