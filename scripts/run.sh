#!/usr/bin/env bash
# Serves Kreminna1325 at http://localhost:5000 (override with KREMINNA_URL), with the Production
# pipeline: friendly error pages, details only in the log. ASPNETCORE_ENVIRONMENT=Development
# scripts/run.sh shows developers the details instead.
# Without ConnectionStrings__Default it starts a local PostgreSQL under .data/postgres, fills it with
# demo data and stops it again on Ctrl-C; with it set, it uses that database, starts nothing and
# creates no demo data there.
# scripts/run.sh --print-settings prints the settings it would give the app, and stops.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

url=${KREMINNA_URL:-http://localhost:5000}
print_only=0
if [ "${1:-}" = "--print-settings" ]; then print_only=1; fi

if [ -z "${ConnectionStrings__Default:-}" ]; then
    pg_ensure_installed
    pg_start_cluster "$root/.data/postgres"
    if [ "$PG_STARTED" = 1 ] && [ "$print_only" = 0 ]; then
        trap pg_stop_cluster EXIT
    fi
    pg_create_database kreminna1325
    export ConnectionStrings__Default
    ConnectionStrings__Default=$(pg_connection_string kreminna1325)
    # Our own throwaway cluster: one demo account per role and demo reports (Demo__Enabled=false: none).
    export Demo__Enabled=${Demo__Enabled:-true}
else
    # A database someone gave us may be a real one: never demo accounts with a published password
    # there, whatever the environment says.
    export Demo__Enabled=false
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
# Served over plain HTTP on this machine: cookies follow the request's scheme and nothing redirects
# to HTTPS. Behind a TLS proxy the requests arrive as HTTPS and the cookies are Secure anyway.
export Deployment__PlainHttp=${Deployment__PlainHttp:-true}
# Bring the schema up to date and load the built-in plan into an empty database.
export Database__MigrateOnStart=true

if [ "$print_only" = 1 ]; then
    # Not the connection string: it may hold a password.
    for name in ASPNETCORE_ENVIRONMENT Database__MigrateOnStart Demo__Enabled Deployment__PlainHttp; do
        echo "$name=${!name}"
    done
    exit 0
fi

echo "Kreminna1325: building; it will serve at $url as $ASPNETCORE_ENVIRONMENT (Ctrl-C stops it)"
if [ "$Demo__Enabled" = true ]; then
    echo "Demo data in the local cluster; demo accounts, password Demo-Kreminna-1325:"
    echo "  admin@kreminna.local (administrator), staff@kreminna.local (council staff),"
    echo "  official@kreminna.local (Gender Equality Centre), executive@kreminna.local (deputy mayor)"
else
    echo "No demo accounts: create the first administrator with create-admin (see README, Deployment)."
fi
dotnet build src/Kreminna1325.Web -c Release -nologo -v quiet
dotnet run --project src/Kreminna1325.Web -c Release --no-build --no-launch-profile --urls "$url" &
app=$!
# Ctrl-C reaches the whole terminal group, but `kill` or a service manager signals run.sh alone: pass the
# signal on, so the app stops (and then its local cluster) instead of running on without a database.
trap 'kill -TERM "$app" 2>/dev/null' TERM INT
status=0
wait "$app" || status=$?
# A signal ends the first wait at once; the second waits for the app to finish stopping.
wait "$app" 2>/dev/null || true
exit "$status"
