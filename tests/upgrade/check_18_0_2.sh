#!/usr/bin/env bash
# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Update check of 18.0.2.0.0 (the manual's data moved from cs_kpi to cs_department).
# Usage: check_18_0_2.sh <tree of 18.0.1.0.0> <tree of 18.0.2.0.0> <template db> <db>
#   e.g. git archive <old commit> | tar -x -C /tmp/old, then
#   tests/upgrade/check_18_0_2.sh /tmp/old . cs_tmpl cs_upgrade
# The template database has hr, stock, helpdesk_mgmt, base_tier_validation and
# report_xlsx installed. Needs odoo-bin (ODOO_BIN) and Odoo's addons (ODOO_ADDONS).
set -eu
OLD=$(realpath "$1"); NEW=$(realpath "$2"); TEMPLATE=$3; DB=$4
ODOO_BIN=${ODOO_BIN:-odoo-bin}; ODOO_ADDONS=${ODOO_ADDONS:-/work/odoo18/addons}
HERE=$(dirname "$(realpath "$0")")
SNAP=$(mktemp)
run() { $ODOO_BIN -d "$DB" --stop-after-init --max-cron-threads=0 --http-port=0 \
    --log-level=warn "$@"; }
dropdb --if-exists "$DB"
createdb -T "$TEMPLATE" "$DB"
run --addons-path="$OLD/addons,$ODOO_ADDONS" -i cs_kpi,cs_department --load-language=zh_CN
python3 "$HERE/odoo_env.py" "$DB" "$OLD/addons,$ODOO_ADDONS" "$HERE/before_18_0_2.py" "$SNAP"
run --addons-path="$NEW/addons,$ODOO_ADDONS" -u cs_kpi,cs_department
python3 "$HERE/odoo_env.py" "$DB" "$NEW/addons,$ODOO_ADDONS" "$HERE/after_18_0_2.py" "$SNAP"
