#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster for the tests of the shared translation memory.
#   eval "$(bash scripts/pg-start.sh)"   ...   bash scripts/pg-stop.sh
# initdb into a temporary folder (as the postgres user when run as root: the server refuses root),
# listen on 127.0.0.1 only, on a free port; trust authentication, for this machine's users, on a
# cluster that lives as long as the tests. Prints the two lines to eval:
#   export L10N_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/postgres
#   export L10N_TEST_POSTGRES_DIR=/tmp/l10n-pg.XXXXXX   (what pg-stop.sh removes)
set -euo pipefail
bindir=""
if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
  bindir="$(dirname "$(command -v pg_ctl)")"
else
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { bindir="$d"; break; }
  done
fi
if [ -z "$bindir" ]; then
  echo "pg-start.sh: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 1
fi
dir="$(mktemp -d "${TMPDIR:-/tmp}/l10n-pg.XXXXXX")"
chmod 755 "$dir"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_db() {  # run a server command as the postgres user when root
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres: "$dir"
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}
as_db "$bindir/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
as_db "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
echo "export L10N_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$port/postgres"
echo "export L10N_TEST_POSTGRES_DIR=$dir"
