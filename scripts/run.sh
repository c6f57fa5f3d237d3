#!/usr/bin/env bash
# Set up everything, then run the main job on the bundled source_docs/ (offline):
# extract, update, translate (Apertium, pseudo), check, build, report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/l10n run "$@"
