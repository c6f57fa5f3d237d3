#!/usr/bin/env bash
# Set up everything l10n needs on a fresh Debian/Ubuntu machine:
#   - system tools: GNU gettext, Apertium with the eng-spa and eng-cat pairs,
#     headless Chromium + ChromeDriver (for the browser tests)
#   - a virtualenv in .venv with l10n and its test tools
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(gettext apertium apertium-eng-spa apertium-eng-cat chromium chromium-driver)

need_apt=0
command -v msgfmt >/dev/null 2>&1 || need_apt=1
command -v apertium >/dev/null 2>&1 || need_apt=1
[ -d /usr/share/apertium/apertium-eng-spa ] || need_apt=1
[ -d /usr/share/apertium/apertium-eng-cat ] || need_apt=1
if [ "${L10N_SKIP_BROWSER:-0}" != "1" ]; then
  command -v chromium >/dev/null 2>&1 || need_apt=1
  command -v chromedriver >/dev/null 2>&1 || need_apt=1
fi
if [ "$need_apt" = 1 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "setup: cannot install ${APT_PACKAGES[*]} (not root, no sudo); tests needing them will be skipped" >&2
  else
    echo "setup: installing system packages: ${APT_PACKAGES[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import l10n" || { echo "setup: installing l10n failed" >&2; exit 1; }
