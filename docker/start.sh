#!/bin/bash
# Start Odoo; on the first start create the database with both addons and demo data.
set -euo pipefail
db="${CS_DB_NAME:-cs_department}"
conf="${ODOO_RC:-/etc/odoo/odoo.conf}"
wait-for-psql.py --db_host "$HOST" --db_port "${PORT:-5432}" --db_user "$USER" \
    --db_password "$PASSWORD" --timeout 60
# psql quotes the name itself (:'db'); it expands variables on stdin, not in -c.
exists=$(psql "postgresql://$USER:$PASSWORD@$HOST:${PORT:-5432}/postgres" -tA \
    -v db="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")
if [ "$exists" != 1 ]; then
    echo "First start: creating database $db with cs_kpi and cs_department (demo data)"
    odoo -c "$conf" --db_host "$HOST" --db_port "${PORT:-5432}" --db_user "$USER" \
        --db_password "$PASSWORD" -d "$db" -i cs_kpi,cs_department --stop-after-init
fi
exec odoo -c "$conf" --db_host "$HOST" --db_port "${PORT:-5432}" --db_user "$USER" \
    --db_password "$PASSWORD" -d "$db" --db-filter "^$db\$"
