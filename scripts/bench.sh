#!/usr/bin/env bash
# Benchmarks. Not part of the tests: timings on a shared machine vary; compare runs on the same machine.
#   scripts/bench.sh          both parts below
#   scripts/bench.sh queries  the queries people wait for and the plan's DOCX and XLSX exports and the XLSX import, dry run and confirmed (time, size, memory), on a generated plan of 10 × 100 measures with
#                             reports (BENCH_DIRECTIONS, BENCH_MEASURES, BENCH_ROUNDS tune the size)
#   scripts/bench.sh web      a crowd on the public page and the budget API: the published app in
#                             Production, wrk -t2 -c64 -d15s on a static file, then /, then
#                             /api/plans/{id}/budget; fails unless / reaches 25 % and the budget 50 % of
#                             the static file's requests per second with no error and no time-out
#                             (BENCH_WRK_SECONDS changes the duration)
#   scripts/bench.sh scale    Kreminna alone in a fresh database against Kreminna among BENCH_COMMUNITIES (1,500)
#                             communities, each with a copy of its plan and two years of reports: the pages' data,
#                             the dashboard's memory and start-up, with the ratios against the issue's goals
#                             and the oblast and national roll-ups and the Monday digest of BENCH_DIGEST_COMMUNITIES (100)
#                             (BENCH_ROUNDS; BENCH_KEEP=1 keeps both databases for EXPLAIN ANALYZE, BENCH_REUSE=1 measures them again)
# KREMINNA_BENCH_DB set = use that server for the queries; otherwise a throwaway local cluster.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

parts=${1:-all}
case "$parts" in all | queries | web | scale) ;; *) echo "usage: scripts/bench.sh [queries|web|scale]" >&2; exit 2 ;; esac

workdir=""
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [ -n "$workdir" ]; then pg_stop_cluster; rm -rf "$workdir"; fi
}
trap cleanup EXIT

start_cluster() {
    pg_ensure_installed
    workdir=$(mktemp -d /tmp/kreminna-bench-pg.XXXXXX)
    chmod 755 "$workdir"
    PG_FSYNC=off pg_start_cluster "$workdir"
}

bench_queries() {
    if [ -z "${KREMINNA_BENCH_DB:-}" ]; then
        [ -n "$workdir" ] || start_cluster
        export KREMINNA_BENCH_DB
        KREMINNA_BENCH_DB=$(pg_connection_string postgres)
    fi
    dotnet run --project benchmarks/Kreminna1325.Benchmarks -c Release -- "$@"
}

# One wrk run; prints "requests/s errors time-outs" (errors: connect, read and write errors and non-2xx/3xx answers).
wrk_run() {
    local out
    out=$(wrk -t2 -c64 -d"${BENCH_WRK_SECONDS:-15}"s "$1")
    echo "$out" >>"$workdir/wrk.log"
    echo "$out" | awk '
        /Requests\/sec:/ { rps = $2 }
        /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8; timeouts += $10 }
        /Non-2xx or 3xx responses:/ { errors += $5 }
        /Transfer\/sec:/ { transfer = $2 }
        END { printf "%.0f %d %d %s\n", rps, errors, timeouts, transfer }'
}

bench_web() {
    if ! command -v wrk >/dev/null 2>&1; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "wrk is missing: install it (Debian: sudo apt-get install wrk)" >&2
            exit 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    fi
    [ -n "$workdir" ] || start_cluster
    pg_create_database kreminna_web
    local connection port base
    connection=$(pg_connection_string kreminna_web)
    port=$(pg_free_port 18080)
    base="http://127.0.0.1:$port"

    # The published app, as a deployment runs it: static assets come from its manifest.
    echo "publishing the app"
    dotnet publish src/Kreminna1325.Web -c Release -nologo -v quiet -o "$workdir/app" >/dev/null
    # Production, request logging off (the static file and the pages would pay for it alike, in a log of
    # hundreds of megabytes).
    # Plain HTTP on loopback as run.sh serves it: without the switch Production redirects to HTTPS, and
    # wrk would time redirects.
    export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$connection" Serilog__MinimumLevel__Default=Warning
    export Deployment__PlainHttp=true Demo__Enabled=false
    (cd "$workdir/app" && dotnet Kreminna1325.Web.dll migrate >"$workdir/migrate.log" 2>&1) || { cat "$workdir/migrate.log" >&2; exit 1; }
    (cd "$workdir/app" && exec dotnet Kreminna1325.Web.dll --urls "$base" >"$workdir/app.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 60); do
        curl -fs -o /dev/null "$base/health" && break
        sleep 1
    done
    curl -fs -o /dev/null "$base/health" || { echo "the app did not start; its log:" >&2; tail -n 30 "$workdir/app.log" >&2; exit 1; }

    local plan static
    plan=$(curl -fs "$base/api/plans" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
    static="/app.css"
    local -a names=("static file $static" "public page /" "budget API /api/plans/$plan/budget")
    local -a paths=("$static" "/" "/api/plans/$plan/budget")

    # Warm-up: the JIT, the connection pool and the first render of each copy. Each must be a 200:
    # wrk does not count redirects as errors, and timing one would prove nothing.
    local status
    for path in "${paths[@]}"; do
        status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
        if [ "$status" != 200 ]; then
            echo "$path answered $status, not 200; the app's log:" >&2
            tail -n 20 "$workdir/app.log" >&2
            exit 1
        fi
        wrk -t2 -c64 -d3s "$base$path" >/dev/null
    done

    local -a rps errs touts bytes
    local i
    for i in 0 1 2; do
        read -r "rps[$i]" "errs[$i]" "touts[$i]" "bytes[$i]" < <(wrk_run "$base${paths[$i]}")
    done

    local failed=0 ratio target
    printf '\nwrk -t2 -c64 -d%ss, one after the other on %s\n' "${BENCH_WRK_SECONDS:-15}" "$(nproc) cores"
    printf '%-45s %12s %10s %8s %10s %16s\n' "target" "requests/s" "bytes/s" "errors" "time-outs" "of static file"
    for i in 0 1 2; do
        ratio=$(awk -v a="${rps[$i]}" -v b="${rps[0]}" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }')
        target=$(case $i in 0) echo 0 ;; 1) echo 25 ;; 2) echo 50 ;; esac)
        printf '%-45s %12s %10s %8s %10s %15s%%' "${names[$i]}" "${rps[$i]}" "${bytes[$i]}" "${errs[$i]}" "${touts[$i]}" "$ratio"
        if [ "$i" -gt 0 ]; then printf '  (at least %s %%)' "$target"; fi
        printf '\n'
        if [ "${errs[$i]}" -ne 0 ] || [ "${touts[$i]}" -ne 0 ] || awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r < t) }'; then
            failed=1
        fi
    done
    if [ "$failed" -ne 0 ]; then
        cp "$workdir/wrk.log" /tmp/kreminna-bench-wrk.log
        echo "FAILED: a ratio is below its target, or there were errors or time-outs (wrk's output: /tmp/kreminna-bench-wrk.log)" >&2
        exit 1
    fi
}

if [ "$parts" = all ] || [ "$parts" = queries ]; then bench_queries; fi
if [ "$parts" = all ] || [ "$parts" = web ]; then bench_web; fi
if [ "$parts" = scale ]; then bench_queries scale; fi
