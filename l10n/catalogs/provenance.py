"""Where a translation came from: the provenance comment machine translation leaves on an entry.

The translation stage writes it (:mod:`l10n.translate`); the checks (L10N2xx),
the publishing policy and the CLI read it. It is a fact of the catalog entry,
so it lives here, below all of them.
"""

from __future__ import annotations

import re

import polib

from l10n.catalogs.header import now

__all__ = ["MT_MARKER", "is_machine_translation", "is_unreviewed_machine_translation", "machine_comment"]

#: Start of the translator comment that marks machine output (``# machine translation: apertium, 2026-11-24``).
MT_MARKER = "machine translation:"
_MARKER_LINE = re.compile(r"^machine translation:.*$", re.M)


def machine_comment(provider: str, date: str | None = None) -> str:
    """The provenance line put in a machine-translated entry's translator comment.

    >>> machine_comment("apertium", "2026-11-24")
    'machine translation: apertium, 2026-11-24'
    """
    return f"{MT_MARKER} {provider}, {date or now().date().isoformat()}"


def is_machine_translation(entry: polib.POEntry) -> bool:
    """True when the entry's translation came from an engine (it carries the provenance comment)."""
    return bool(entry.msgstr or any(entry.msgstr_plural.values())) and bool(
        _MARKER_LINE.search(entry.tcomment or ""))


def is_unreviewed_machine_translation(entry: polib.POEntry) -> bool:
    """Machine translation no person has reviewed yet (still fuzzy)."""
    return is_machine_translation(entry) and "fuzzy" in entry.flags
