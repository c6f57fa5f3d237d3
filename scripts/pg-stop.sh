#!/usr/bin/env bash
# Stop and remove the throw-away cluster of scripts/pg-start.sh: bash scripts/pg-stop.sh [DIR]
# (DIR defaults to $L10N_TEST_POSTGRES_DIR).
set -euo pipefail
dir="${1:-${L10N_TEST_POSTGRES_DIR:-}}"
case "$dir" in
  */l10n-pg.*) ;;
  *) echo "pg-stop.sh: not a folder of pg-start.sh: '$dir'" >&2; exit 1 ;;
esac
[ -d "$dir" ] || exit 0
bindir=""
if command -v pg_ctl >/dev/null 2>&1; then
  bindir="$(dirname "$(command -v pg_ctl)")"
else
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -n 1)"
fi
if [ -f "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop)" >/dev/null || true
  else
    "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
fi
rm -rf "$dir"
