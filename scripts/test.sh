#!/usr/bin/env bash
# Restores, builds, starts a throwaway PostgreSQL, runs every test project, stops the server even
# when tests fail, and exits non-zero on any failure. Installs Debian's chromium for the browser
# tests and LibreOffice for the document tests when they are missing (as root). KREMINNA_TEST_DB set beforehand = use that server instead.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

fail() { echo "test.sh: $*" >&2; exit 1; }

chromium=${KREMINNA_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing Debian's chromium for the browser tests"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || fail "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || fail "could not install chromium"
    else
        fail "Chromium is not at $chromium. Install Debian's chromium package (or set KREMINNA_CHROMIUM to a Chromium binary)."
    fi
fi
export KREMINNA_CHROMIUM=$chromium

# The exported Word and Excel files are opened in LibreOffice, as a newcomer would, and read back as PDF text.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing Debian's LibreOffice (writer, calc) and poppler-utils for the document tests"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || fail "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null \
            || fail "could not install LibreOffice"
    else
        fail "LibreOffice (soffice) and pdftotext are missing. Install Debian's libreoffice-writer-nogui, libreoffice-calc-nogui and poppler-utils."
    fi
fi

started_here=0
workdir=""
cleanup() {
    if [ "$started_here" = 1 ]; then pg_stop_cluster; fi
    if [ -n "$workdir" ]; then rm -rf "$workdir"; fi
}
trap cleanup EXIT

dotnet restore Kreminna1325.sln -nologo || fail "restore failed"
dotnet build Kreminna1325.sln -c Release --no-restore -nologo -v minimal || fail "build failed"

if [ -z "${KREMINNA_TEST_DB:-}" ]; then
    pg_ensure_installed || fail "no PostgreSQL server to test against"
    workdir=$(mktemp -d /tmp/kreminna-test-pg.XXXXXX)
    chmod 755 "$workdir"
    PG_FSYNC=off pg_start_cluster "$workdir" || fail "could not start a test PostgreSQL cluster"
    started_here=1
    export KREMINNA_TEST_DB
    KREMINNA_TEST_DB=$(pg_connection_string postgres)
fi

results=$(mktemp -d /tmp/kreminna-test-results.XXXXXX)
log="$results/test.log"
# One project after the other, not the solution at once: on a 2-core machine the browser tests
# otherwise share the CPU with 250 database tests, and Blazor's timing-dependent steps get flaky.
status=0
for project in $(find tests -name '*.csproj' | sort); do
    dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee -a "$log"
    project_status=${PIPESTATUS[0]}
    if [ "$project_status" -ne 0 ]; then status=$project_status; fi
done

# One closing line for people and CI: the sum of every project's "Passed!/Failed!" summary.
read -r passed failed skipped < <(awk '
    /^[[:space:]]*(Passed|Failed)!/ {
        for (i = 1; i <= NF; i++) {
            v = $(i + 1); gsub(/,/, "", v)
            if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v
        }
    }
    END { print p + 0, f + 0, s + 0 }' "$log")
rm -rf "$results"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
    echo "test.sh: no test ran" >&2
    status=1
fi
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
