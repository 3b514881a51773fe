#!/usr/bin/env bash
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Uninstalling cs_department leaves a working cs_kpi (indicators of its data sources
# fall back to manual, closed sheets untouched). Works on a COPY of <db>, which has
# both addons installed. Usage: check_uninstall.sh <tree> <db> <scratch db>
set -eu
TREE=$(realpath "$1"); SOURCE_DB=$2; DB=$3
ODOO_ADDONS=${ODOO_ADDONS:-/work/odoo18/addons}
HERE=$(dirname "$(realpath "$0")")
PATHS="$TREE/addons,$ODOO_ADDONS"
dropdb --if-exists "$DB"
createdb -T "$SOURCE_DB" "$DB"
python3 "$HERE/odoo_env.py" "$DB" "$PATHS" "$HERE/uninstall_prepare.py"
python3 "$HERE/odoo_env.py" "$DB" "$PATHS" "$HERE/uninstall_do.py"
python3 "$HERE/odoo_env.py" "$DB" "$PATHS" "$HERE/uninstall_verify.py"
