#!/usr/bin/env bash
# Benchmarks of the queries people wait for, on a generated plan of 10 × 100 measures with reports.
# Not part of the tests: timings on a shared machine vary; compare runs on the same machine.
# KREMINNA_BENCH_DB set = use that server; otherwise a throwaway local cluster.
# BENCH_DIRECTIONS, BENCH_MEASURES, BENCH_ROUNDS tune the size.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

workdir=""
cleanup() {
    if [ -n "$workdir" ]; then pg_stop_cluster; rm -rf "$workdir"; fi
}
trap cleanup EXIT

if [ -z "${KREMINNA_BENCH_DB:-}" ]; then
    pg_ensure_installed
    workdir=$(mktemp -d /tmp/kreminna-bench-pg.XXXXXX)
    chmod 755 "$workdir"
    PG_FSYNC=off pg_start_cluster "$workdir"
    export KREMINNA_BENCH_DB
    KREMINNA_BENCH_DB=$(pg_connection_string postgres)
fi

dotnet run --project benchmarks/Kreminna1325.Benchmarks -c Release
