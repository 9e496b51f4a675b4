#!/usr/bin/env bash
# Serves Kreminna1325 at http://localhost:5000 (override with KREMINNA_URL).
# Without ConnectionStrings__Default it starts a local PostgreSQL under .data/postgres and stops
# it again on Ctrl-C; with it set, it uses that database and starts nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

url=${KREMINNA_URL:-http://localhost:5000}

if [ -z "${ConnectionStrings__Default:-}" ]; then
    pg_ensure_installed
    pg_start_cluster "$root/.data/postgres"
    if [ "$PG_STARTED" = 1 ]; then
        trap pg_stop_cluster EXIT
    fi
    pg_create_database kreminna1325
    export ConnectionStrings__Default
    ConnectionStrings__Default=$(pg_connection_string kreminna1325)
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# Local mode: bring the schema up to date and load the built-in plan into an empty database.
export Database__MigrateOnStart=true
# Local mode only: one demo account per role (the app refuses this in Production).
export Accounts__DemoAccounts=${Accounts__DemoAccounts:-true}

echo "Kreminna1325: building; it will serve at $url (Ctrl-C stops it)"
if [ "$Accounts__DemoAccounts" = true ]; then
    echo "Demo accounts, password Demo-Kreminna-1325:"
    echo "  admin@kreminna.local (administrator), staff@kreminna.local (council staff),"
    echo "  official@kreminna.local (Gender Equality Centre), executive@kreminna.local (deputy mayor)"
fi
dotnet build src/Kreminna1325.Web -c Release -nologo -v quiet
dotnet run --project src/Kreminna1325.Web -c Release --no-build --no-launch-profile --urls "$url"
