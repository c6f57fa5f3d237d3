"""Shared by the tests: what cli/test_catalogs.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib
import pytest
from l10n.catalogs.plurals import plural_forms

DOC = """\
# Kratom basics

Kratom comes from *Mitragyna speciosa*. It is sold as powder.

## Risks

Kratom may cause dependence. Stop slowly.

Call a doctor if you feel unwell.

## Help

Kratom comes from *Mitragyna speciosa*.
"""


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def pot(root: Path, name: str = "a") -> polib.POFile:
    return polib.pofile(str(root / "locales" / f"{name}.pot"))


def po(root: Path, locale: str = "es", name: str = "a") -> polib.POFile:
    return polib.pofile(str(root / "locales" / locale / "LC_MESSAGES" / f"{name}.po"))


def po_path(root: Path, locale: str = "es", name: str = "a") -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{name}.po"


def ok(result) -> None:
    assert result.exit_code == 0, result.output


def translate_all(root: Path, locale: str = "es", name: str = "a", prefix: str = "ES: ") -> None:
    """Play the translator: fill every entry, add a comment and a flag to the first."""
    cat = po(root, locale, name)
    for i, e in enumerate(cat):
        if not e.obsolete:
            e.msgstr = prefix + e.msgid
            if i == 0:
                e.tcomment = "checked by Ana; keep *italics*"
                e.flags.append("no-wrap")
    cat.save(str(po_path(root, locale, name)))
