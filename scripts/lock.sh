#!/usr/bin/env bash
# Regenerate requirements-lock.txt: the exact versions (with hashes) that the README's
# commands and CI install. Run it after changing the dependencies in pyproject.toml;
# the ranges there stay open for people who use l10n as a library.
set -euo pipefail
cd "$(dirname "$0")/.."
UV="${UV:-uv}"
if ! command -v "$UV" >/dev/null 2>&1; then
  python3 -m venv .venv-uv >/dev/null && .venv-uv/bin/python -m pip install -q --disable-pip-version-check "uv==0.13.8"
  UV=.venv-uv/bin/uv
fi
UV_PYTHON_DOWNLOADS=never "$UV" pip compile pyproject.toml --extra dev --extra browser --universal \
  --python-version 3.11 --generate-hashes --no-header --quiet -o requirements-lock.txt
{ printf '# The versions `scripts/setup.sh` installs (pip install --require-hashes).\n'
  printf '# Made by scripts/lock.sh from pyproject.toml (extras dev, browser); do not edit by hand.\n'
  cat requirements-lock.txt; } > requirements-lock.txt.new && mv requirements-lock.txt.new requirements-lock.txt
echo "requirements-lock.txt: $(grep -c '^[a-z]' requirements-lock.txt) packages"
