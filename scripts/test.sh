#!/usr/bin/env bash
# Restores, builds, starts a throwaway PostgreSQL, runs every test project, stops the server even
# when tests fail, and exits non-zero on any failure. Installs Debian's chromium for the browser
# tests and LibreOffice for the document tests when they are missing (as root). KREMINNA_TEST_DB set beforehand = use that server instead.
# Starts smtp4dev (the repository's dotnet tool) as the SMTP server the mail tests deliver to, unless
# KREMINNA_TEST_SMTP and KREMINNA_TEST_SMTP_API are set beforehand.
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
smtp4dev_pid=""
smtp4dev_dir=""
cleanup() {
    if [ -n "$smtp4dev_pid" ]; then
        # Its own process group (set -m below): `dotnet tool run` and the server it starts stop together.
        kill -TERM -- "-$smtp4dev_pid" 2>/dev/null
        wait "$smtp4dev_pid" 2>/dev/null
    fi
    if [ -n "$smtp4dev_dir" ]; then rm -rf "$smtp4dev_dir"; fi
    if [ "$started_here" = 1 ]; then pg_stop_cluster; fi
    if [ -n "$workdir" ]; then rm -rf "$workdir"; fi
}
trap cleanup EXIT

dotnet restore Kreminna1325.sln -nologo || fail "restore failed"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (smtp4dev, dotnet-ef)"
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

# The SMTP server the mail tests deliver to: smtp4dev on free loopback ports, messages in memory, no IMAP or POP3.
# Recipients @refused.invalid are refused with 550, so the tests see a permanent refusal (TestSmtp.RecipientRule).
if [ -z "${KREMINNA_TEST_SMTP:-}" ] || [ -z "${KREMINNA_TEST_SMTP_API:-}" ]; then
    smtp4dev_dir=$(mktemp -d /tmp/kreminna-test-smtp4dev.XXXXXX)
    smtp_port=$(pg_free_port 42500) || fail "no free port for smtp4dev"
    smtp_web_port=$(pg_free_port $((smtp_port + 1))) || fail "no free port for smtp4dev"
    set -m
    DOTNET_ROLL_FORWARD=Major ServerOptions__RecipientValidationExpression='!recipient.endsWith("@refused.invalid")' \
        dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$smtp_web_port" --smtpport="$smtp_port" --bindaddress=127.0.0.1 \
        --imapport= --pop3port= --db= --nousersettings --messagestokeep=100000 --baseappdatapath="$smtp4dev_dir" \
        >"$smtp4dev_dir/smtp4dev.log" 2>&1 &
    smtp4dev_pid=$!
    set +m
    for _ in $(seq 1 120); do
        if curl -fsS "http://127.0.0.1:$smtp_web_port/api/messages?pageSize=1" >/dev/null 2>&1; then break; fi
        if ! kill -0 "$smtp4dev_pid" 2>/dev/null; then cat "$smtp4dev_dir/smtp4dev.log" >&2; fail "smtp4dev did not start"; fi
        sleep 0.5
    done
    curl -fsS "http://127.0.0.1:$smtp_web_port/api/messages?pageSize=1" >/dev/null 2>&1 \
        || { cat "$smtp4dev_dir/smtp4dev.log" >&2; fail "smtp4dev did not answer"; }
    export KREMINNA_TEST_SMTP="127.0.0.1:$smtp_port"
    export KREMINNA_TEST_SMTP_API="http://127.0.0.1:$smtp_web_port"
    echo "test.sh: smtp4dev at $KREMINNA_TEST_SMTP_API (SMTP $KREMINNA_TEST_SMTP)"
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
