#!/usr/bin/env bash
# Set up everything, then run the test suite (arguments go to pytest).
#   L10N_NEWEST=1 bash scripts/test.sh   the same suite on the newest versions pyproject.toml allows
# With PostgreSQL's server installed (apt-get install postgresql) and no L10N_TEST_POSTGRES given, a
# throw-away cluster is started for the shared translation memory's tests (scripts/pg-start.sh) and
# removed at the end, and L10N_REQUIRE_POSTGRES=1 makes those tests fail rather than skip if it cannot be
# reached; without one, those tests are skipped and say why (a given L10N_TEST_POSTGRES that cannot be
# reached too, unless L10N_REQUIRE_POSTGRES=1).
set -euo pipefail
cd "$(dirname "$0")/.."
L10N_FOR_TESTS=1 bash scripts/setup.sh
VENV=.venv
[ "${L10N_NEWEST:-0}" = 1 ] && VENV=.venv-newest
if [ -z "${L10N_TEST_POSTGRES:-}" ]; then
  if pg_env="$(bash scripts/pg-start.sh 2>/dev/null)"; then
    eval "$pg_env"
    export L10N_REQUIRE_POSTGRES=1  # its own server: a PostgreSQL test never skips silently
    trap 'bash scripts/pg-stop.sh "$L10N_TEST_POSTGRES_DIR"' EXIT
    echo "test.sh: PostgreSQL for the memory's tests at ${L10N_TEST_POSTGRES}" >&2
  else
    echo "test.sh: no PostgreSQL server here (apt-get install postgresql); its tests will be skipped" >&2
  fi
fi
set +e
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
code=$?
set -e
if [ "$code" = 5 ]; then
  echo "test.sh: pytest collected no tests" >&2
  exit 1
fi
exit "$code"
