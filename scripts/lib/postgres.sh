# shellcheck shell=bash
# Local PostgreSQL clusters for run.sh and test.sh, on the machine's own server binaries.
# The server refuses to run as root, so as root every server command goes through the `postgres` user.

PG_SUPERUSER=postgres

pg_log() { echo "[postgres] $*" >&2; }

pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
        pg_config --bindir
        return
    fi
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

# Installs Debian's postgresql when the server binaries are missing and we are root.
pg_ensure_installed() {
    if [ -n "$(pg_bindir)" ]; then return 0; fi
    if [ "$(id -u)" -ne 0 ]; then
        pg_log "PostgreSQL server binaries (pg_ctl, initdb) were not found and you are not root."
        pg_log "Install them (Debian/Ubuntu: sudo apt-get install postgresql), or set ConnectionStrings__Default to an existing database."
        return 1
    fi
    pg_log "installing Debian's postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    # The package starts a system cluster of its own; ours are separate and need none of it.
    [ -n "$(pg_bindir)" ]
}

# Runs a server command as the user that owns the cluster.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_free_port() {
    local port
    for port in $(seq "${1:-54330}" 54999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# pg_start_cluster DIR: creates (first time) and starts a cluster in DIR on a free loopback port.
# Sets PG_PORT, PG_DATA and PG_STARTED (1 when this call started it, 0 when it was already running).
pg_start_cluster() {
    local dir=$1 bin
    bin=$(pg_bindir) || return 1
    PG_DATA="$dir/data"
    local sockets="$dir/run"

    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            pg_log "the postgres user cannot reach $dir (a parent directory is not traversable); choose a checkout outside such a directory or set ConnectionStrings__Default"
            return 1
        fi
    fi
    pg_as_owner mkdir -p "$sockets"

    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        pg_log "creating a cluster in $PG_DATA"
        pg_as_owner "$bin/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
            cat "$dir/initdb.log" >&2
            return 1
        }
    fi

    if pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        PG_PORT=$(sed -n 4p "$PG_DATA/postmaster.pid")
        PG_STARTED=0
        pg_log "already running on 127.0.0.1:$PG_PORT"
        return 0
    fi

    PG_PORT=$(pg_free_port) || { pg_log "no free port"; return 1; }
    # Loopback only, trust auth: a developer's and CI's throwaway server, never a shared one.
    if ! pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$dir/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $sockets -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${PG_FSYNC:-on}" start >/dev/null; then
        pg_log "the server did not start; its log:"
        tail -n 30 "$dir/server.log" >&2
        return 1
    fi
    PG_STARTED=1
    pg_log "started on 127.0.0.1:$PG_PORT ($PG_DATA)"
}

pg_stop_cluster() {
    local bin
    # Its output, not its status: run from an exit trap after a signal, the status of pg_config can be the signal's.
    bin=$(pg_bindir || true)
    [ -n "$bin" ] || return 0
    [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] || return 0
    pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 && pg_log "stopped ($PG_DATA)"
}

pg_connection_string() {
    echo "Host=127.0.0.1;Port=$PG_PORT;Username=$PG_SUPERUSER;Database=$1"
}

pg_create_database() {
    local bin
    bin=$(pg_bindir)
    if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; then
        "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" "$1"
    fi
}
