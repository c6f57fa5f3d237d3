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

**Concurrent runs** share the memory (SQLite in WAL mode, so readers never
wait for a writer). Before sending, a run *claims* the segments it will send
(:meth:`TranslationMemory.claim`, one ``BEGIN IMMEDIATE`` transaction, table
``claims``); a segment another live run has claimed is not sent again but
awaited (:meth:`TranslationMemory.poll`). The engine's raw answer is stored
on the claim the moment it arrives (:meth:`TranslationMemory.record_answer`,
from the worker thread that received it), before any validation; so a run
killed even by SIGKILL leaves its answers behind, and the next run uses them
instead of sending the segments again. A claim whose process is gone (same
host, no such pid) or older than :data:`CLAIM_TTL` seconds is taken over.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from l10n.catalogs.header import now
from l10n.errors import ConfigError

__all__ = ["CLAIM_TTL", "HUMAN", "Claims", "TMEntry", "TranslationMemory"]

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
CREATE TABLE IF NOT EXISTS claims (
    provider          TEXT NOT NULL,
    source_lang       TEXT NOT NULL,
    target_lang       TEXT NOT NULL,
    glossary_version  TEXT NOT NULL,
    masked_source     TEXT NOT NULL,
    owner             TEXT NOT NULL,
    host              TEXT NOT NULL,
    pid               INTEGER NOT NULL,
    claimed           REAL NOT NULL,
    answer            TEXT,
    PRIMARY KEY (provider, source_lang, target_lang, glossary_version, masked_source)
);
"""

#: Seconds after which an unanswered claim of a process that cannot be checked (another host) is taken over.
CLAIM_TTL = 900.0


def _alive(host: str, pid: int) -> bool:
    """Whether the process ``pid`` on ``host`` may still be running."""
    if host != socket.gethostname():
        return True  # cannot tell: the claim's age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True, slots=True)
class Claims:
    """What :meth:`TranslationMemory.claim` found for a set of masked sources.

    ``mine``: claimed by this run, to send; ``waiting``: claimed by another
    live run, to await; ``answered``: source -> the raw answer a run received
    and stored (possibly a run that was killed before it could finish).
    """

    mine: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()
    answered: tuple[tuple[str, str], ...] = ()



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
            self._db = sqlite3.connect(str(path), timeout=60, check_same_thread=False)  # one user at a time
            if str(path) != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")  # concurrent runs: readers never wait
            self._db.execute("PRAGMA busy_timeout=60000")
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

    # -- claims: one sender per segment across concurrent runs -------------------------------------------------
    #: identifies this process's claims (a fresh id per TranslationMemory object)
    owner: str = ""

    def _key(self, provider: str, source_lang: str, target_lang: str, glossary_version: str) -> tuple:
        return (provider, source_lang, target_lang, glossary_version)

    def claim(self, sources: Iterable[str], *, provider: str, source_lang: str, target_lang: str,
              glossary_version: str = "") -> Claims:
        """Claim the masked ``sources`` this run will send (those the memory does not hold yet).

        In one ``BEGIN IMMEDIATE`` transaction: a source with a stored answer
        is ``answered``; one claimed by another live run (unanswered, younger
        than :data:`CLAIM_TTL`) is ``waiting``; any other is claimed by this
        run (``mine``), taking over the claims of dead runs.
        """
        if not self.owner:
            self.owner = uuid.uuid4().hex
        key = self._key(provider, source_lang, target_lang, glossary_version)
        mine, waiting, answered = [], [], []
        host, pid, stamp = socket.gethostname(), os.getpid(), time.time()
        self._db.commit()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for src in dict.fromkeys(sources):
                row = self._db.execute(
                    "SELECT owner, host, pid, claimed, answer FROM claims WHERE provider=? AND source_lang=? "
                    "AND target_lang=? AND glossary_version=? AND masked_source=?", (*key, src)).fetchone()
                if row is not None and row[4] is not None:
                    answered.append((src, row[4]))
                    continue
                if (row is not None and row[0] != self.owner and _alive(row[1], row[2])
                        and stamp - row[3] < CLAIM_TTL):
                    waiting.append(src)
                    continue
                self._db.execute("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                                 (*key, src, self.owner, host, pid, stamp))
                mine.append(src)
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise
        return Claims(tuple(mine), tuple(waiting), tuple(answered))

    def record_answer(self, source: str, answer: str, *, provider: str, source_lang: str, target_lang: str,
                      glossary_version: str = "", owner: str | None = None) -> None:
        """Store (and commit at once) the raw answer to a claimed source, before anything else happens to it.

        ``owner``: only on a claim of that run (default: this object's claims).
        """
        key = self._key(provider, source_lang, target_lang, glossary_version)
        self._db.execute("UPDATE claims SET answer=? WHERE provider=? AND source_lang=? AND target_lang=? "
                         "AND glossary_version=? AND masked_source=? AND owner=?",
                         (answer, *key, source, owner or self.owner))
        self._db.commit()

    def release(self, sources: Iterable[str], *, provider: str, source_lang: str, target_lang: str,
                glossary_version: str = "", commit: bool = True) -> None:
        """Drop the claims on ``sources`` (their answer is in the memory, or the segment failed)."""
        key = self._key(provider, source_lang, target_lang, glossary_version)
        self._db.executemany("DELETE FROM claims WHERE provider=? AND source_lang=? AND target_lang=? "
                             "AND glossary_version=? AND masked_source=?", [(*key, s) for s in sources])
        if commit:
            self._db.commit()

    def release_unanswered(self) -> None:
        """Drop this run's claims that have no answer (an interrupted run lets others send them)."""
        if self.owner:
            self._db.execute("DELETE FROM claims WHERE owner=? AND answer IS NULL", (self.owner,))
            self._db.commit()

    def poll(self, sources: Iterable[str], *, provider: str, source_lang: str, target_lang: str,
             glossary_version: str = "") -> tuple[dict[str, str], list[str]]:
        """For sources awaited from another run: ``({source: masked answer}, [sources now free])``.

        An answer is the memory's entry, else the raw answer on the claim; a
        source whose claim was dropped without an answer in the memory (the
        other run failed on it or was interrupted), or whose run is dead, is
        free: the caller claims it again.
        """
        answers: dict[str, str] = {}
        free: list[str] = []
        self._db.commit()  # a fresh read snapshot
        key = self._key(provider, source_lang, target_lang, glossary_version)
        now_ = time.time()
        for src in sources:
            # the claim first: a run drops it only after committing the answer to the memory
            row = self._db.execute(
                "SELECT host, pid, claimed, answer FROM claims WHERE provider=? AND source_lang=? AND target_lang=? "
                "AND glossary_version=? AND masked_source=?", (*key, src)).fetchone()
            hit = self.get(src, provider=provider, source_lang=source_lang, target_lang=target_lang,
                           glossary_version=glossary_version)
            if hit is not None:
                answers[src] = hit
                continue
            if row is None or (row[3] is None and (not _alive(row[0], row[1]) or now_ - row[2] >= CLAIM_TTL)):
                free.append(src)
            elif row[3] is not None:
                answers[src] = row[3]
        return answers, free

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
