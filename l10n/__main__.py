"""``python -m l10n`` runs the command line."""

from l10n.cli import main

main()
