#!/usr/bin/env bash
# ECP test runner: installs what is missing, starts a throw-away PostgreSQL,
# builds once, runs every test phase and prints one summary line at the end:
#   N passed, N failed, N skipped
# Used by CI (.ci/run) and by developers alike. Safe to re-run: installs are
# skipped when already present.
#
# Optional environment:
#   ECP_PHASE_TIMEOUT  seconds allowed per test phase (default 1800)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export MSBUILDDISABLENODEREUSE=1
export DEBIAN_FRONTEND=noninteractive

PHASE_TIMEOUT="${ECP_PHASE_TIMEOUT:-1800}"
RESULTS="$ROOT/TestResults"

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
PHASES_RUN=0
PG_DIR=""
PG_BIN=""
SMTP_PID=""
SMTP_DIR=""
PG_PHASE_PID=""

log() { printf '==> %s\n' "$*"; }
warn() { printf '!!! %s\n' "$*" >&2; }

# ---------------------------------------------------------------- cleanup ---
CLEANED=0
cleanup() {
    (( CLEANED )) && return 0
    CLEANED=1
    if [[ -n "${PG_PHASE_PID:-}" ]] && kill -0 "$PG_PHASE_PID" 2>/dev/null; then
        pkill -TERM -P "$PG_PHASE_PID" >/dev/null 2>&1 || true
        kill "$PG_PHASE_PID" >/dev/null 2>&1 || true
    fi
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        if [[ -f "$PG_DIR/postmaster.pid" ]]; then
            (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t 30 stop) >/dev/null 2>&1 \
                || (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop) >/dev/null 2>&1 \
                || true
        fi
        rm -rf "$PG_DIR"
    fi
    PG_DIR=""
    if [[ -n "$SMTP_PID" ]]; then
        kill "$SMTP_PID" >/dev/null 2>&1 || true
        wait "$SMTP_PID" 2>/dev/null || true
    fi
    SMTP_PID=""
    if [[ -n "$SMTP_DIR" ]]; then rm -rf "$SMTP_DIR" "$SMTP_DIR.port" "$SMTP_DIR.log"; fi
    SMTP_DIR=""
    if [[ "${CI:-}" == "true" ]]; then
        # leave no compiler/msbuild servers running after a CI run
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
}
SUMMARY_PRINTED=0
on_exit() {
    local rc=$?
    cleanup
    if (( ! SUMMARY_PRINTED )); then
        # aborted early (install step failed, interrupted, ...): still end on a summary line
        warn "test.sh aborted (exit code $rc) before all phases ran"
        echo
        echo "${TOTAL_PASSED} passed, $((TOTAL_FAILED + 1)) failed, ${TOTAL_SKIPPED} skipped"
        if (( rc == 0 )); then rc=1; fi
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Print the final summary (always the very last line) and exit.
finish() {
    cleanup
    local code=0
    if (( PHASES_RUN == 0 )); then
        warn "no test phase ran at all - counting that as a failure"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    fi
    if (( TOTAL_FAILED > 0 )); then code=1; fi
    SUMMARY_PRINTED=1
    echo
    echo "${TOTAL_PASSED} passed, ${TOTAL_FAILED} failed, ${TOTAL_SKIPPED} skipped"
    exit "$code"
}

# ---------------------------------------------------------------- install ---
pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

install_prereqs() {
    local t0=$SECONDS
    local missing=() missing_norec=()
    local p
    for p in postgresql fonts-noto-cjk fonts-noto-core libxml2-utils python3; do
        pkg_installed "$p" || missing+=("$p")
    done
    # Java runs the Nu HTML checker (vnu.jar) in the HTML validation tests.
    command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
    if ! command -v chromium >/dev/null 2>&1 || ! pkg_installed chromium; then
        missing_norec+=(chromium)
    fi
    if (( ${#missing[@]} + ${#missing_norec[@]} > 0 )); then
        log "installing Debian packages: ${missing[*]} ${missing_norec[*]}"
        apt-get update -q </dev/null
        if (( ${#missing[@]} > 0 )); then
            apt-get install -y -q -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null
        fi
        if (( ${#missing_norec[@]} > 0 )); then
            apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "${missing_norec[@]}" </dev/null
        fi
        log "Debian packages installed in $((SECONDS - t0))s"
    fi

    t0=$SECONDS
    if [[ ! -f node_modules/axe-core/axe.min.js || ! -f node_modules/vnu-jar/build/dist/vnu.jar || ! -x node_modules/.bin/redocly ]]; then
        log "npm ci"
        npm ci --no-audit --no-fund </dev/null
        log "npm ci done in $((SECONDS - t0))s"
    fi

    t0=$SECONDS
    if [[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]]; then
        dotnet tool restore </dev/null
        log "dotnet tool restore done in $((SECONDS - t0))s"
    fi
}

# --------------------------------------------------------------- postgres ---
port_free() {
    python3 - "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

start_postgres() {
    local t0=$SECONDS
    PG_BIN=/usr/lib/postgresql/15/bin
    if [[ ! -x "$PG_BIN/initdb" ]]; then
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    fi
    if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
        warn "PostgreSQL server binaries not found under /usr/lib/postgresql"
        return 1
    fi

    PG_DIR="$(mktemp -d -t ecp-pg.XXXXXX)"
    chown postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    if ! (cd / && runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8) >"$PG_DIR.initdb.log" 2>&1; then
        warn "initdb failed:"; cat "$PG_DIR.initdb.log" >&2; rm -f "$PG_DIR.initdb.log"
        return 1
    fi
    rm -f "$PG_DIR.initdb.log"

    local port attempt
    port=55432
    for attempt in 1 2 3 4 5; do
        while ! port_free "$port"; do
            port=$((port + 1))
            (( port > 56431 )) && { warn "no free port for PostgreSQL"; return 1; }
        done
        if (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
                -o "-h 127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
                start) >/dev/null 2>&1; then
            export ECP_TEST_POSTGRES="Host=127.0.0.1;Port=${port};Username=postgres;Include Error Detail=true"
            log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:${port} (data ${PG_DIR}) started in $((SECONDS - t0))s"
            return 0
        fi
        warn "PostgreSQL did not start on port $port (attempt $attempt):"
        tail -n 20 "$PG_DIR/server.log" >&2 || true
        port=$((port + 1))
    done
    return 1
}

# -------------------------------------------------------------- SMTP sink ---
# A real SMTP server on 127.0.0.1 (tests/smtp-sink.py, standard library only) that stores
# every message it receives as a file; the notification tests read them back.
start_smtp_sink() {
    SMTP_DIR="$(mktemp -d -t ecp-smtp.XXXXXX)"
    python3 tests/smtp-sink.py "$SMTP_DIR" >"$SMTP_DIR.port" 2>"$SMTP_DIR.log" </dev/null &
    SMTP_PID=$!
    local i port=""
    for i in $(seq 1 50); do
        port="$(head -n1 "$SMTP_DIR.port" 2>/dev/null || true)"
        [[ -n "$port" ]] && break
        kill -0 "$SMTP_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z "$port" ]]; then
        warn "the SMTP sink did not start:"; cat "$SMTP_DIR.log" >&2 || true
        return 1
    fi
    export ECP_TEST_SMTP_PORT="$port" ECP_TEST_SMTP_DIR="$SMTP_DIR"
    log "SMTP sink on 127.0.0.1:${port} (messages in ${SMTP_DIR})"
}

# ------------------------------------------------------------ TRX summary ---
# Prints "passed failed skipped" from a VSTest TRX file.
trx_counts() {
    python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
c = next((e for e in root.iter() if e.tag.rsplit('}', 1)[-1] == 'Counters'), None)
if c is None:
    raise SystemExit("no <Counters> element in " + sys.argv[1])
g = lambda k: int(c.get(k, 0) or 0)
total, passed = g('total'), g('passed')
failed = g('failed') + g('error') + g('timeout') + g('aborted')
skipped = max(0, total - passed - failed)
print(passed, failed, skipped)
PY
}

add_counts() { # phase passed failed skipped
    TOTAL_PASSED=$((TOTAL_PASSED + $2))
    TOTAL_FAILED=$((TOTAL_FAILED + $3))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + $4))
    PHASES_RUN=$((PHASES_RUN + 1))
    echo "[$1] $2 passed, $3 failed, $4 skipped"
}

# run_phase NAME PROJECT [ENV=VALUE ...]
run_phase() {
    local name="$1" project="$2"; shift 2
    local dir="$RESULTS/$name" trx="$RESULTS/$name/results.trx"
    if [[ ! -f "$project" ]]; then
        echo "[$name] skipped: $project does not exist yet"
        return 0
    fi
    rm -rf "$dir"
    log "phase $name: dotnet test $project"
    local t0=$SECONDS rc=0
    env "$@" timeout --kill-after=60 "$PHASE_TIMEOUT" \
        dotnet test "$project" --no-build -c Release \
        --logger "trx;LogFileName=results.trx" --results-directory "$dir" </dev/null || rc=$?
    if (( rc == 124 )); then warn "[$name] timed out after ${PHASE_TIMEOUT}s"; fi

    local p=0 f=0 s=0 counts
    if [[ -f "$trx" ]] && counts="$(trx_counts "$trx")"; then
        read -r p f s <<<"$counts"
        if (( rc != 0 && f == 0 )); then
            warn "[$name] dotnet test exited $rc although no test failed - counting 1 failure (crash/abort)"
            f=$((f + 1))
        fi
    else
        warn "[$name] no usable TRX at $trx (dotnet test exit code $rc) - counting 1 failure"
        f=1
    fi
    echo "[$name] finished in $((SECONDS - t0))s"
    add_counts "$name" "$p" "$f" "$s"
}

run_migration_checks() {
    if [[ ! -d src/Ecp ]]; then
        echo "[migrations] skipped: src/Ecp does not exist yet"
        return 0
    fi
    log "phase migrations: dotnet ef migrations has-pending-model-changes"
    local p=0 f=0 ctx t0=$SECONDS
    for ctx in SqliteAppDbContext PostgresAppDbContext; do
        if timeout --kill-after=30 600 dotnet ef migrations has-pending-model-changes \
                --project src/Ecp --startup-project src/Ecp --context "$ctx" \
                --no-build --configuration Release </dev/null; then
            echo "[migrations] $ctx: passed (no pending model changes)"
            p=$((p + 1))
        else
            echo "[migrations] $ctx: FAILED (pending model changes, or the check could not run)"
            f=$((f + 1))
        fi
    done
    echo "[migrations] finished in $((SECONDS - t0))s"
    add_counts migrations "$p" "$f" 0
}

# ------------------------------------------------------------------- main ---
install_prereqs

if ! start_postgres; then
    warn "could not start PostgreSQL; the postgres phase will be counted as failed"
    unset ECP_TEST_POSTGRES || true
fi

log "dotnet build Ecp.slnx -c Release"
t_build=$SECONDS
if [[ ! -f Ecp.slnx ]]; then
    warn "BUILD FAILED: Ecp.slnx not found in $ROOT"
    TOTAL_FAILED=1; PHASES_RUN=1
    finish
fi
if ! dotnet build Ecp.slnx -c Release </dev/null; then
    warn "BUILD FAILED: 'dotnet build Ecp.slnx -c Release' did not succeed - no tests were run"
    TOTAL_FAILED=1; PHASES_RUN=1
    finish
fi
log "build done in $((SECONDS - t_build))s"

mkdir -p "$RESULTS"

if ! start_smtp_sink; then
    warn "no SMTP sink: the notification tests start their own"
    unset ECP_TEST_SMTP_PORT ECP_TEST_SMTP_DIR || true
fi

# The PostgreSQL phase runs beside the SQLite and browser phases: a test waits on its database,
# its clock or a child process much of the time, so two runs share the cores well (the suite takes
# about two thirds of the time it took phase after phase). Its output is shown when it ends.
PG_PHASE_PID=""
if [[ -n "${ECP_TEST_POSTGRES:-}" ]]; then
    (run_phase postgres tests/Ecp.Tests/Ecp.Tests.csproj ECP_TEST_DB=postgres \
        >"$RESULTS/postgres.log" 2>&1; tail -n 1 "$RESULTS/postgres.log" >"$RESULTS/postgres.summary") &
    PG_PHASE_PID=$!
    log "phase postgres: started beside the others (output in $RESULTS/postgres.log)"
elif [[ -f tests/Ecp.Tests/Ecp.Tests.csproj ]]; then
    add_counts postgres 0 1 0
fi

run_phase sqlite tests/Ecp.Tests/Ecp.Tests.csproj ECP_TEST_DB=sqlite

run_phase browser tests/Ecp.BrowserTests/Ecp.BrowserTests.csproj \
    ECP_CHROMIUM=/usr/bin/chromium ECP_AXE_PATH="$ROOT/node_modules/axe-core/axe.min.js"

if [[ -n "$PG_PHASE_PID" ]]; then
    wait "$PG_PHASE_PID" || true
    log "phase postgres output:"
    cat "$RESULTS/postgres.log"
    # The subshell's totals do not reach this shell: read them back from its last line.
    if read -r _ p _ f _ s _ <"$RESULTS/postgres.summary" 2>/dev/null && [[ "$p" =~ ^[0-9]+$ && "$f" =~ ^[0-9]+$ && "$s" =~ ^[0-9]+$ ]]; then
        TOTAL_PASSED=$((TOTAL_PASSED + p)); TOTAL_FAILED=$((TOTAL_FAILED + f)); TOTAL_SKIPPED=$((TOTAL_SKIPPED + s))
        PHASES_RUN=$((PHASES_RUN + 1))
    else
        warn "[postgres] no summary line - counting 1 failure"
        add_counts postgres 0 1 0
    fi
fi

run_migration_checks

finish
