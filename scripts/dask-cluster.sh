#!/usr/bin/env bash
# A Dask cluster on this machine, for trying `l10n run --scheduler` and for the tests and the bench:
# one scheduler and WORKERS workers (default 2), all on 127.0.0.1 over TCP.
#
#   bash scripts/dask-cluster.sh start    # prints the scheduler's address (tcp://127.0.0.1:PORT)
#   bash scripts/dask-cluster.sh status
#   bash scripts/dask-cluster.sh stop
#
# State (pid files, logs, the scheduler file) is in $L10N_DASK_DIR (default: a folder under $TMPDIR).
# PORT=0 (default) takes a free port; NTHREADS per worker (default 1); DASK is the `dask` command
# (default: the project's .venv/bin/dask, installed by the dev or dask extra). `start` returns once every
# worker has joined the scheduler (it fails, stopping what it started, after START_TIMEOUT seconds each).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${L10N_DASK_DIR:-${TMPDIR:-/tmp}/l10n-dask-$(id -u)}
DASK=${DASK:-$ROOT/.venv/bin/dask}
WORKERS=${WORKERS:-2}
NTHREADS=${NTHREADS:-1}
PORT=${PORT:-0}
START_TIMEOUT=${START_TIMEOUT:-120}   # seconds the scheduler, then the workers, may take to start (a loaded machine)

address() {  # the scheduler's address, from its scheduler file
  "$(dirname "$DASK")/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$DIR/scheduler.json"
}

registered() { grep -l 'Registered to' "$DIR"/worker-*.log 2>/dev/null | wc -l; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  if running "$DIR/scheduler.pid"; then echo "already running: $(address)"; return 0; fi
  [ -x "$DASK" ] || { echo "no $DASK: install the dask extra (pip install 'l10n[dask]')" >&2; exit 2; }
  mkdir -p "$DIR"; rm -f "$DIR"/*.pid "$DIR/scheduler.json"
  setsid "$DASK" scheduler --host 127.0.0.1 --port "$PORT" --dashboard-address 127.0.0.1:0 \
    --scheduler-file "$DIR/scheduler.json" >"$DIR/scheduler.log" 2>&1 < /dev/null &
  echo $! > "$DIR/scheduler.pid"
  local deadline=$((SECONDS + START_TIMEOUT))
  until [ -s "$DIR/scheduler.json" ] || [ "$SECONDS" -ge "$deadline" ]; do sleep 0.2; done
  [ -s "$DIR/scheduler.json" ] || { echo "the scheduler did not start; see $DIR/scheduler.log" >&2; stop; exit 1; }
  for i in $(seq "$WORKERS"); do
    setsid "$DASK" worker --scheduler-file "$DIR/scheduler.json" --host 127.0.0.1 --nthreads "$NTHREADS" \
      --no-dashboard --name "l10n-worker-$i" --local-directory "$DIR/worker-$i" \
      >"$DIR/worker-$i.log" 2>&1 < /dev/null &
    echo $! > "$DIR/worker-$i.pid"
  done
  deadline=$((SECONDS + START_TIMEOUT))
  until [ "$(registered)" -ge "$WORKERS" ] || [ "$SECONDS" -ge "$deadline" ]; do sleep 0.2; done
  if [ "$(registered)" -lt "$WORKERS" ]; then
    echo "$(registered) of $WORKERS workers joined the scheduler in ${START_TIMEOUT} s; see $DIR/worker-*.log" >&2
    stop; exit 1
  fi
  echo "logs: $DIR" >&2
  address
}

stop() {
  for pidfile in "$DIR"/worker-*.pid "$DIR/scheduler.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
  rm -f "$DIR/scheduler.json"
  echo "stopped (logs kept in $DIR)" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running "$DIR/scheduler.pid"; then address; else echo "not running" >&2; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
