#!/usr/bin/env bash
# Set up everything, then run the test suite (arguments go to pytest).
#   L10N_NEWEST=1 bash scripts/test.sh   the same suite on the newest versions pyproject.toml allows
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
VENV=.venv
[ "${L10N_NEWEST:-0}" = 1 ] && VENV=.venv-newest
set +e
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
code=$?
set -e
if [ "$code" = 5 ]; then
  echo "test.sh: pytest collected no tests" >&2
  exit 1
fi
exit "$code"
