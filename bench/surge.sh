#!/usr/bin/env bash
# The surge benchmark (docs/benchmarks.md): durable contribution submissions over HTTP, beside a
# raw-insert baseline measured in the same run, on SQLite and on PostgreSQL, then a kill -9 in
# the middle of a run and a check that every acknowledged contribution is there on restart.
#
#   bench/surge.sh
#
# Optional environment:
#   SURGE_SECONDS      measured seconds of each HTTP run (default 20)
#   SURGE_WARMUP       seconds of load before it, same server (default 30: a fresh process spends
#                      its first half-minute here compiling, see docs/benchmarks.md)
#   SURGE_CONNECTIONS  concurrent connections (default 64)
#   SURGE_DATABASES    "sqlite postgres" (default both)
#   SURGE_PG_PORT      port of the throw-away PostgreSQL (default 55496)
#   SURGE_APP_PORT     port of the app (default 55480)
#   SURGE_NO_BUILD=1   use the binaries already built
#   SURGE_KEEP=1       keep the work folder (databases, logs, ack logs)
# Traffic goes to 127.0.0.1 only; every loop is bounded in time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

SECONDS_RUN="${SURGE_SECONDS:-20}"
WARMUP="${SURGE_WARMUP:-30}"
CONNECTIONS="${SURGE_CONNECTIONS:-64}"
DATABASES="${SURGE_DATABASES:-sqlite postgres}"
PG_PORT="${SURGE_PG_PORT:-55496}"
APP_PORT="${SURGE_APP_PORT:-55480}"
APP_DIR="$ROOT/src/Ecp/bin/Release/net10.0"
BENCH="$ROOT/bench/Ecp.Bench/bin/Release/net10.0/ecp-bench.dll"
WORK="$(mktemp -d -t ecp-surge.XXXXXX)"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
SERVER_PID=""
PG_DIR=""
PG_BIN=""

log() { printf '==> %s\n' "$*"; }

cleanup() {
    stop_server || true
    if [[ -n "$PG_DIR" && -f "$PG_DIR/postmaster.pid" ]]; then
        (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop) >/dev/null 2>&1 || true
    fi
    [[ -n "$PG_DIR" ]] && rm -rf "$PG_DIR"
    if [[ "${SURGE_KEEP:-}" == 1 ]]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

bench() { dotnet "$BENCH" "$@"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }
ecp() { (cd "$APP_DIR" && dotnet ecp.dll "$@"); }

# The server runs from its own folder so that it reads the appsettings.json it ships with
# (log levels): started from elsewhere it would log every request at Information.
start_server() { # database log
    (cd "$APP_DIR" && Ecp__ApiWritesPerMinute=100000000 Ecp__PublicWritesPerMinute=100000000 \
        exec dotnet ecp.dll serve --database "$1" --urls "http://127.0.0.1:$APP_PORT") >>"$2" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq 1 150); do
        if curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited:"; tail -n 30 "$2"; return 1; }
        sleep 0.2
    done
    echo "the server did not answer /health in 30 s"; tail -n 30 "$2"; return 1
}

stop_server() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

start_postgres() {
    PG_BIN=/usr/lib/postgresql/15/bin
    [[ -x "$PG_BIN/initdb" ]] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
        apt-get install -y -q postgresql </dev/null >/dev/null
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
    fi
    PG_DIR="$(mktemp -d -t ecp-surge-pg.XXXXXX)"
    chown postgres:postgres "$PG_DIR"; chmod 700 "$PG_DIR"
    (cd / && runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8) >/dev/null
    while ! port_free "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
    # Durable as in production: fsync and synchronous_commit stay on (unlike the test cluster).
    (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300" start) >/dev/null
    local db
    for db in ecp_surge ecp_baseline; do
        psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE $db" >/dev/null
    done
    log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

# kill -9 the server 5 s into a run, restart it, and check every acknowledged id.
kill_test() { # name database
    local name="$1" database="$2" acks="$WORK/$1-kill.acks" run_pid rc=0
    log "[$name] kill -9 test"
    start_server "$database" "$WORK/$name-kill.server.log"
    bench run --url "http://127.0.0.1:$APP_PORT" --setup "$WORK/$name-setup.json" --connections "$CONNECTIONS" \
        --seconds 10 --warmup 0 --acks "$acks" --label "$name kill -9" --out "$RESULTS/$name-kill-run.json" &
    run_pid=$!
    sleep 5
    kill -9 "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    echo "killed the server (kill -9) with $(wc -l <"$acks") contributions acknowledged so far"
    wait "$run_pid"
    start_server "$database" "$WORK/$name-kill.server.log"
    bench verify --database "$database" --acks "$acks" --setup "$WORK/$name-setup.json" | tee "$RESULTS/$name-kill-verify.txt" || rc=1
    stop_server
    if ecp verify-record --database "$database" >"$RESULTS/$name-kill-record.txt" 2>&1; then
        echo "record chain: intact"; echo "intact" >>"$RESULTS/$name-kill-record.txt"
    else
        echo "record chain: BROKEN"; cat "$RESULTS/$name-kill-record.txt"; rc=1
    fi
    return $rc
}

surge() { # name database baseline-database
    local name="$1" database="$2" baseline="$3"
    log "[$name] migrate and set up"
    ecp migrate --database "$database" >/dev/null
    bench setup --database "$database" --stakeholders "$CONNECTIONS" --out "$WORK/$name-setup.json"

    log "[$name] raw-insert baseline ($CONNECTIONS tasks)"
    bench baseline --database "$baseline" --tasks "$CONNECTIONS" --seconds 10 --rows-per-tx 1 --out "$RESULTS/$name-baseline-1.json"
    bench baseline --database "$baseline" --tasks "$CONNECTIONS" --seconds 10 --rows-per-tx 50 --out "$RESULTS/$name-baseline-50.json"
    if [[ "$name" == sqlite ]]; then
        # The app's way to the write lock: each connection on its own, busy retries.
        bench baseline --database "$baseline" --tasks "$CONNECTIONS" --seconds 10 --rows-per-tx 1 --contended --out "$RESULTS/$name-baseline-contended.json"
    fi

    log "[$name] HTTP load: $CONNECTIONS connections, $WARMUP s warm-up, $SECONDS_RUN s measured"
    start_server "$database" "$WORK/$name.server.log"
    bench run --url "http://127.0.0.1:$APP_PORT" --setup "$WORK/$name-setup.json" --connections "$CONNECTIONS" \
        --seconds "$WARMUP" --warmup 0 --acks "$WORK/$name.acks" --label "$name warm-up"
    local cpu0 cpu1
    cpu0=$(cpu_ms "$SERVER_PID")
    bench run --url "http://127.0.0.1:$APP_PORT" --setup "$WORK/$name-setup.json" --connections "$CONNECTIONS" \
        --seconds "$SECONDS_RUN" --warmup 0 --acks "$WORK/$name.acks" --label "$name" --out "$RESULTS/$name-run.json"
    cpu1=$(cpu_ms "$SERVER_PID")
    python3 - "$RESULTS/$name-run.json" "$((cpu1 - cpu0))" <<'PY'
import json, sys
path, cpu = sys.argv[1], int(sys.argv[2])
run = json.load(open(path))
run["serverCpuMsPerAck"] = cpu / max(1, run["totalAcks"])
json.dump(run, open(path, "w"), indent=2)
print(f"server CPU during the measured run: {cpu} ms, {run['serverCpuMsPerAck']:.2f} ms per acknowledged contribution")
PY
    stop_server
    bench verify --database "$database" --acks "$WORK/$name.acks" | tee "$RESULTS/$name-verify.txt" || STATUS=1

    kill_test "$name" "$database" || STATUS=1
}

if [[ "${SURGE_NO_BUILD:-}" != 1 ]]; then
    log "dotnet build bench/Ecp.Bench -c Release (builds src/Ecp too)"
    dotnet build bench/Ecp.Bench/Ecp.Bench.csproj -c Release -v q -nologo </dev/null | grep -E "error|Warn|warn" || true
fi
[[ -f "$APP_DIR/ecp.dll" && -f "$BENCH" ]] || { echo "build output missing"; exit 1; }
while ! port_free "$APP_PORT"; do APP_PORT=$((APP_PORT + 1)); done

log "$(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
STATUS=0
for name in $DATABASES; do
    case "$name" in
        sqlite)
            mkdir -p "$WORK/sqlite"
            surge sqlite "$WORK/sqlite/ecp.db" "$WORK/sqlite/baseline.db" ;;
        postgres)
            start_postgres
            surge postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ecp_surge" \
                "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ecp_baseline" ;;
        *) echo "unknown database $name"; exit 2 ;;
    esac
done

log "summary (load now $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$RESULTS" "$DATABASES" <<'PY'
import json, os, sys
results, names = sys.argv[1], sys.argv[2].split()
def load(name):
    path = os.path.join(results, name)
    return json.load(open(path)) if os.path.exists(path) else None
rows = []
for n in names:
    run, b1, b50, bc, kill = (load(f"{n}-{x}.json") for x in ("run", "baseline-1", "baseline-50", "baseline-contended", "kill-run"))
    verify = open(os.path.join(results, f"{n}-kill-verify.txt")).read().strip() if os.path.exists(os.path.join(results, f"{n}-kill-verify.txt")) else "not run"
    if not run or not b1:
        print(f"{n}: incomplete"); continue
    print(f"\n{n}")
    print(f"  {'':42} {'per s':>9} {'vs 1-row baseline':>18} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    def line(label, rate, p50, p99, mx):
        print(f"  {label:42} {rate:9.0f} {rate / b1['rowsPerSecond']:17.3f}x {p50:8.1f} {p99:8.1f} {mx:8.1f}")
    line("HTTP contributions acknowledged", run["acksPerSecond"], run["p50Ms"], run["p99Ms"], run["maxMs"])
    if "serverCpuMsPerAck" in run: print(f"  {'  server CPU per acknowledged contribution':42} {run['serverCpuMsPerAck']:9.2f} ms")
    line("raw insert, 1 row/commit (baseline)", b1["rowsPerSecond"], b1["p50Ms"], b1["p99Ms"], b1["maxMs"])
    if bc: line("raw insert, 1 row/commit, lock contended", bc["rowsPerSecond"], bc["p50Ms"], bc["p99Ms"], bc["maxMs"])
    if b50: line("raw insert, 50 rows/commit", b50["rowsPerSecond"], b50["p50Ms"], b50["p99Ms"], b50["maxMs"])
    errors = ", ".join(f"{k}: {v}" for k, v in run["errors"].items()) or "none"
    print(f"  errors during the run: {errors}")
    print(f"  kill -9: {verify}")
    if n == "sqlite":
        ok = run["acksPerSecond"] >= 5000 and run["p99Ms"] < 100
        print(f"  target (>= 5,000 acks/s, p99 < 100 ms): {'MET' if ok else 'MISSED'} "
              f"({run['acksPerSecond']:.0f}/s = {run['acksPerSecond'] / 5000:.1%} of 5,000; p99 {run['p99Ms']:.0f} ms)")
PY
exit $STATUS
