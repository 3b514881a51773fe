#!/bin/bash
# Install both addons with their tests in a throwaway database, then drop it.
set -uo pipefail
db="cs_test_$(date +%s)"
conf="${ODOO_RC:-/etc/odoo/odoo.conf}"
args=(--db_host "$HOST" --db_port "${PORT:-5432}" --db_user "$USER" --db_password "$PASSWORD")
wait-for-psql.py "${args[@]}" --timeout 60 || exit 1
odoo -c "$conf" "${args[@]}" -d "$db" -i cs_kpi,cs_department --test-enable \
    --test-tags /cs_kpi,/cs_department --stop-after-init --http-port 8079 \
    --max-cron-threads 0
status=$?
dropdb --if-exists "postgresql://$USER:$PASSWORD@$HOST:${PORT:-5432}/$db" 2>/dev/null \
    || psql "postgresql://$USER:$PASSWORD@$HOST:${PORT:-5432}/postgres" -v db="$db" \
        <<<'DROP DATABASE IF EXISTS :"db" WITH (FORCE)'
exit $status
