"""Shared by the interchange tests: the mini project with the committed es/fr catalogs of tests/cases/interchange."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import paths

CASES = paths.CASES / "interchange"
WATER = "Drink water."
DOSE = "Wait 30 minutes before a second dose."
MIX = "Do not mix kratom with alcohol."


def po_path(root: Path, loc: str = "es") -> Path:
    return root / "locales" / loc / "LC_MESSAGES" / "doc.po"


def interchange_project(make_project, cli, locales=("es", "fr")) -> Path:
    """extract and update the case article, then put the committed catalogs of ``locales`` in place."""
    root = make_project({"doc.md": (CASES / "doc.md").read_text(encoding="utf-8")}, locales=["es", "fr"])
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    for loc in locales:
        shutil.copy(CASES / f"{loc}.po", po_path(root, loc))
    return root
