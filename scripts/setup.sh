#!/usr/bin/env bash
# Set up everything l10n needs on a fresh Debian/Ubuntu machine:
#   - system tools: GNU gettext, Apertium with the eng-spa and eng-cat pairs,
#     headless Chromium + ChromeDriver (for the browser tests); with L10N_FOR_TESTS=1 (scripts/test.sh sets it)
#     also PostgreSQL's server, for the tests of the shared translation memory (scripts/pg-start.sh starts
#     a throw-away cluster; the main job never needs it)
#   - a virtualenv in .venv with l10n and its test tools, at the versions of
#     requirements-lock.txt (hash-checked)
# Safe to run again: it skips what is already there. One line per step; the
# details go to .venv/setup.log (shown if a step fails).
#
#   L10N_NEWEST=1   instead, a virtualenv in .venv-newest with the newest versions
#                   pyproject.toml's ranges allow (CI runs the suite both ways)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(gettext apertium apertium-eng-spa apertium-eng-cat chromium chromium-driver)
[ "${L10N_FOR_TESTS:-0}" = 1 ] && APT_PACKAGES+=(postgresql)
VENV=.venv
[ "${L10N_NEWEST:-0}" = 1 ] && VENV=.venv-newest
mkdir -p "$VENV"
LOG="$VENV/setup.log"
: > "$LOG"

step() {  # step "what" command...: one line, the output in the log, the log on failure
  local what=$1; shift
  printf 'setup: %s\n' "$what" >&2
  if ! "$@" >>"$LOG" 2>&1; then
    echo "setup: FAILED: $what (log: $LOG)" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
}

need_apt=0
command -v msgfmt >/dev/null 2>&1 || need_apt=1
command -v apertium >/dev/null 2>&1 || need_apt=1
[ -d /usr/share/apertium/apertium-eng-spa ] || need_apt=1
[ -d /usr/share/apertium/apertium-eng-cat ] || need_apt=1
if [ "${L10N_FOR_TESTS:-0}" = 1 ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need_apt=1
fi
if [ "${L10N_SKIP_BROWSER:-0}" != "1" ]; then
  command -v chromium >/dev/null 2>&1 || need_apt=1
  command -v chromedriver >/dev/null 2>&1 || need_apt=1
fi
if [ "$need_apt" = 1 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "setup: cannot install ${APT_PACKAGES[*]} (not root, no sudo); tests needing them will be skipped" >&2
  else
    step "apt-get update" $SUDO apt-get update -qq
    step "system packages: ${APT_PACKAGES[*]}" env DEBIAN_FRONTEND=noninteractive \
      $SUDO apt-get install -y -qq "${APT_PACKAGES[@]}"
  fi
fi

PY="${PYTHON:-python3}"
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check --no-input)
[ -x "$VENV/bin/python" ] || step "virtualenv $VENV" "$PY" -m venv "$VENV"
if [ "$VENV" = .venv-newest ]; then
  step "newest versions allowed by pyproject.toml" "${PIP[@]}" install --upgrade --upgrade-strategy eager \
    -e ".[dev,browser]"
else
  step "locked versions (requirements-lock.txt)" "${PIP[@]}" install --require-hashes -r requirements-lock.txt
  step "l10n itself (editable)" "${PIP[@]}" install --no-deps -e .
fi
"$VENV/bin/python" -c "import l10n" || { echo "setup: installing l10n failed (log: $LOG)" >&2; exit 1; }
versions=$("$VENV/bin/python" -c "import importlib.metadata as m; print(', '.join(f'{n} {m.version(n)}' for n in ('babel', 'polib', 'lxml', 'typer')))")
echo "setup: ready ($VENV: $versions)" >&2
