"""The translation memory: SQLite inside the project (``.l10n/tm.sqlite``).

Machine translations are keyed by provider, language pair, glossary version
and the *masked* source (see :mod:`l10n.translate.protect`), so a segment is
sent to an engine once, whatever document it appears in and however often
the command runs, and a glossary change invalidates what it should. The
stored value is the engine's masked answer; it is unmasked again with the
current segment's tokens when reused.

Human translations (``origin="human"``: reviewed catalog entries, XLIFF or
TMX imports) are kept under the provider name ``"human"`` and are preferred
to any engine.

Writes are committed by :meth:`TranslationMemory.put` (or once per batch
with ``commit=False`` then :meth:`commit`), so an interrupted run keeps
everything already answered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from l10n.catalogs.header import now
from l10n.errors import ConfigError

__all__ = ["HUMAN", "TMEntry", "TranslationMemory"]

#: Provider name under which human translations are stored.
HUMAN = "human"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tm (
    provider          TEXT NOT NULL,
    source_lang       TEXT NOT NULL,
    target_lang       TEXT NOT NULL,
    glossary_version  TEXT NOT NULL,
    masked_source     TEXT NOT NULL,
    masked_target     TEXT NOT NULL,
    source            TEXT NOT NULL,
    target            TEXT NOT NULL,
    origin            TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
    created           TEXT NOT NULL,
    PRIMARY KEY (provider, source_lang, target_lang, glossary_version, masked_source)
);
CREATE INDEX IF NOT EXISTS tm_human ON tm (source, source_lang, target_lang, origin);
"""


@dataclass(frozen=True, slots=True)
class TMEntry:
    """One translation unit of the memory, as exported to TMX/XLIFF."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    provider: str
    origin: str
    created: str


class TranslationMemory:
    """A SQLite translation memory at ``path`` (created with its folder if missing).

    >>> import tempfile, pathlib
    >>> with TranslationMemory(pathlib.Path(tempfile.mkdtemp()) / "tm.sqlite") as tm:
    ...     tm.put("Hello ⟦0⟧", "Hola ⟦0⟧", provider="apertium", source_lang="en", target_lang="es")
    ...     tm.get("Hello ⟦0⟧", provider="apertium", source_lang="en", target_lang="es")
    'Hola ⟦0⟧'
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(path), timeout=30)
            self._db.executescript(_SCHEMA)
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"translation memory unusable: {exc}", path=str(path)) from None

    # -- lookups -----------------------------------------------------------------
    def get(self, source: str, *, provider: str, source_lang: str, target_lang: str,
            glossary_version: str = "") -> str | None:
        """The stored (masked) answer for a masked ``source``, or None."""
        row = self._db.execute(
            "SELECT masked_target FROM tm WHERE provider=? AND source_lang=? AND target_lang=? "
            "AND glossary_version=? AND masked_source=?",
            (provider, source_lang, target_lang, glossary_version, source)).fetchone()
        return row[0] if row else None

    def human(self, source: str, source_lang: str, target_lang: str) -> str | None:
        """A human translation of the exact ``source`` text, or None."""
        row = self._db.execute(
            "SELECT target FROM tm WHERE source=? AND source_lang=? AND target_lang=? AND origin='human' "
            "ORDER BY created DESC LIMIT 1", (source, source_lang, target_lang)).fetchone()
        return row[0] if row else None

    def count(self, sources: Iterable[str], *, provider: str, source_lang: str, target_lang: str,
              glossary_version: str = "") -> int:
        """How many of the masked ``sources`` the memory already holds."""
        return sum(1 for s in set(sources) if self.get(s, provider=provider, source_lang=source_lang,
                                                       target_lang=target_lang,
                                                       glossary_version=glossary_version) is not None)

    # -- writes ------------------------------------------------------------------
    def put(self, source: str, target: str, *, provider: str, source_lang: str, target_lang: str,
            glossary_version: str = "", plain_source: str | None = None, plain_target: str | None = None,
            origin: str = "machine", commit: bool = True) -> None:
        """Store the answer ``target`` for the masked ``source``.

        ``plain_source``/``plain_target`` are the unmasked texts (for export);
        they default to ``source``/``target``.
        """
        self._db.execute(
            "INSERT OR REPLACE INTO tm VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (provider, source_lang, target_lang, glossary_version, source, target,
             plain_source if plain_source is not None else source,
             plain_target if plain_target is not None else target, origin, now().isoformat()))
        if commit:
            self._db.commit()

    def add_human(self, source: str, target: str, source_lang: str, target_lang: str, *,
                  commit: bool = True) -> None:
        """Record a human translation (a reviewed catalog entry, an XLIFF/TMX import)."""
        self.put(source, target, provider=HUMAN, source_lang=source_lang, target_lang=target_lang,
                 origin="human", commit=commit)

    def commit(self) -> None:
        """Make every write so far durable."""
        self._db.commit()

    def entries(self) -> Iterator[TMEntry]:
        """Every unit, human ones first, then by language pair and source."""
        rows = self._db.execute(
            "SELECT source, target, source_lang, target_lang, provider, origin, created FROM tm "
            "ORDER BY origin = 'human' DESC, source_lang, target_lang, source, provider")
        for row in rows:
            yield TMEntry(*row)

    def close(self) -> None:
        """Commit and close."""
        try:
            self._db.commit()
        finally:
            self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
