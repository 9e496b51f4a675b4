#!/usr/bin/env bash
# Serves Kreminna1325 at http://localhost:5000 (override with KREMINNA_URL), with the Production
# pipeline: friendly error pages, details only in the log. ASPNETCORE_ENVIRONMENT=Development
# scripts/run.sh shows developers the details instead.
# Without ConnectionStrings__Default it starts a local PostgreSQL under .data/postgres, fills it with
# demo data and stops it again on Ctrl-C; with it set, it uses that database, starts nothing and
# creates no demo data there.
# It also starts smtp4dev (the repository's dotnet tool), a mail server that keeps what it receives for
# reading at http://localhost:5080, and points the app's mail at it (SMTP on localhost:2525); not when
# Mail__Host is set (a real server) or KREMINNA_SMTP4DEV=off.
# scripts/run.sh --print-settings prints the settings it would give the app, and stops.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

url=${KREMINNA_URL:-http://localhost:5000}
print_only=0
if [ "${1:-}" = "--print-settings" ]; then print_only=1; fi

stop_pg=0
smtp4dev_pid=""
cleanup() {
    if [ -n "$smtp4dev_pid" ]; then
        # Its own process group (set -m below): `dotnet tool run` and the server it starts stop together.
        kill -TERM -- "-$smtp4dev_pid" 2>/dev/null || true
        wait "$smtp4dev_pid" 2>/dev/null || true
    fi
    if [ "$stop_pg" = 1 ]; then pg_stop_cluster; fi
}
trap cleanup EXIT

if [ -z "${ConnectionStrings__Default:-}" ]; then
    pg_ensure_installed
    pg_start_cluster "$root/.data/postgres"
    if [ "$PG_STARTED" = 1 ] && [ "$print_only" = 0 ]; then
        stop_pg=1
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

# Links in e-mails and calendars point here.
export Notifications__PublicBaseUrl=${Notifications__PublicBaseUrl:-$url}
smtp4dev=0
if [ -z "${Mail__Host:-}" ] && [ "${KREMINNA_SMTP4DEV:-on}" != off ]; then
    smtp4dev=1
    export Mail__Host=localhost Mail__Port=2525 Mail__Security=None
fi

if [ "$print_only" = 1 ]; then
    # Not the connection string nor the mail password: they may hold secrets.
    for name in ASPNETCORE_ENVIRONMENT Database__MigrateOnStart Demo__Enabled Deployment__PlainHttp Notifications__PublicBaseUrl; do
        echo "$name=${!name}"
    done
    # The mail settings that are set (an empty one would override the app's default).
    for name in Mail__Host Mail__Port Mail__Security Mail__User Mail__From Mail__FromName; do
        if [ -n "${!name:-}" ]; then echo "$name=${!name}"; fi
    done
    exit 0
fi

if [ "$smtp4dev" = 1 ]; then
    for port in 2525 5080; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "run.sh: port $port is taken (another smtp4dev?); stop it, or run with KREMINNA_SMTP4DEV=off" >&2
            exit 1
        fi
    done
    mkdir -p "$root/.data/smtp4dev"
    dotnet tool restore >/dev/null
    set -m
    # Loopback only, messages in memory (gone when it stops), no IMAP or POP3.
    DOTNET_ROLL_FORWARD=Major dotnet tool run smtp4dev -- --urls=http://localhost:5080 --smtpport=2525 --bindaddress=127.0.0.1 \
        --imapport= --pop3port= --db= --nousersettings --baseappdatapath="$root/.data/smtp4dev" \
        >"$root/.data/smtp4dev/smtp4dev.log" 2>&1 &
    smtp4dev_pid=$!
    set +m
    echo "Mail goes to smtp4dev: read the demo e-mails at http://localhost:5080 (log: .data/smtp4dev/smtp4dev.log)"
elif [ -n "${Mail__Host:-}" ]; then
    echo "Mail goes through $Mail__Host:${Mail__Port:-587}"
else
    echo "Mail is off (KREMINNA_SMTP4DEV=off, no Mail__Host): e-mails wait in the outbox"
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
