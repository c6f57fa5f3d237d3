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
from typing import Any

from l10n.catalogs.header import now
from l10n.errors import ConfigError
from l10n.translate.schema import migrate as migrate_schema

__all__ = ["CLAIM_TTL", "HUMAN", "TM_COLUMNS", "Claims", "SQLMemory", "TMEntry", "TranslationMemory"]

#: Provider name under which human translations are stored.
HUMAN = "human"

#: Seconds after which an unanswered claim of a process that cannot be checked (another host) is taken over.
CLAIM_TTL = 900.0


#: Seconds a run waits for another one's write (or journal-mode change) before the memory counts as unusable.
BUSY_TIMEOUT = 60.0


def _use_wal(db: sqlite3.Connection, timeout: float = BUSY_TIMEOUT) -> None:
    """Put the SQLite file of ``db`` in WAL mode (concurrent runs: readers never wait for a writer).

    The change needs the file to itself, and SQLite answers "database is
    locked" at once, without its busy handler, while another connection
    writes, as two workers opening a new memory together do: so it is retried
    until ``timeout``. A file already in WAL mode (every one after the first
    opening: the mode is persistent) needs no change.
    """
    if db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _process_alive(host: str, pid: int) -> bool:
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


#: The key columns of both tables, in order.
_KEY = "provider, source_lang, target_lang, glossary_version, masked_source"
_MATCH = "provider=? AND source_lang=? AND target_lang=? AND glossary_version=? AND masked_source=?"
#: Every column of ``tm``, in order (for copying a memory across).
TM_COLUMNS = ("provider", "source_lang", "target_lang", "glossary_version", "masked_source", "masked_target",
              "source", "target", "origin", "created")

_PUT = (f"INSERT INTO tm VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ({_KEY}) DO UPDATE SET "
        "masked_target=excluded.masked_target, source=excluded.source, target=excluded.target, "
        "origin=excluded.origin, created=excluded.created")
_PUT_IF_NEWER = _PUT + " WHERE tm.created < excluded.created"
_CLAIM = (f"INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT ({_KEY}) DO UPDATE SET "
          "owner=excluded.owner, host=excluded.host, pid=excluded.pid, claimed=excluded.claimed, answer=NULL")


class SQLMemory:
    """What the SQLite and the PostgreSQL memories share: the queries, the claims, the schema.

    A subclass opens ``self._db`` (a DB-API connection whose ``execute``
    returns a cursor), sets :attr:`param` to its driver's placeholder, and
    says how to lock (:meth:`_begin_exclusive`) and how to tell a live run
    from a dead one (:meth:`_alive`). The SQL here is written with ``?``.
    """

    #: the driver's placeholder
    param = "?"
    #: the memory named in messages (a path, or a URL without its password)
    where = ""
    #: identifies this object's claims (a fresh id on the first claim)
    owner: str = ""
    #: the schema versions applied when this memory was opened (empty: it was up to date)
    applied: tuple[int, ...] = ()
    _db: Any

    # -- for subclasses ---------------------------------------------------------------------------------------
    def _begin_exclusive(self, key: tuple[str, ...]) -> None:
        """Begin a transaction in which this process alone claims segments of ``key`` (or migrates: key ())."""
        raise NotImplementedError

    def _alive(self, owner: str, host: str, pid: int) -> bool:
        """Whether the run that made a claim may still be running."""
        raise NotImplementedError

    def _own(self) -> None:
        """This object has just become :attr:`owner` of claims (a lease to take, if the backend has one)."""

    def _run(self, sql: str, params: tuple = ()) -> Any:
        return self._db.execute(sql.replace("?", self.param) if self.param != "?" else sql, params)

    def _migrate(self) -> tuple[int, ...]:
        """Apply the pending migrations (recorded in :attr:`applied`)."""
        self.applied = migrate_schema(self._db, lambda: self._begin_exclusive(()), param=self.param,
                                      where=self.where)
        return self.applied

    def schema_version(self) -> int:
        """The schema version of this memory (``l10n.translate.schema.LATEST`` once opened)."""
        return self._run("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0

    # -- lookups -----------------------------------------------------------------
    def get(self, source: str, *, provider: str, source_lang: str, target_lang: str,
            glossary_version: str = "") -> str | None:
        """The stored (masked) answer for a masked ``source``, or None."""
        row = self._run(f"SELECT masked_target FROM tm WHERE {_MATCH}",
                        (provider, source_lang, target_lang, glossary_version, source)).fetchone()
        return row[0] if row else None

    def human(self, source: str, source_lang: str, target_lang: str) -> str | None:
        """A human translation of the exact ``source`` text, or None."""
        row = self._run(
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
        self._run(_PUT, (provider, source_lang, target_lang, glossary_version, source, target,
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
    def claim(self, sources: Iterable[str], *, provider: str, source_lang: str, target_lang: str,
              glossary_version: str = "") -> Claims:
        """Claim the masked ``sources`` this run will send (those the memory does not hold yet).

        In one transaction that one process at a time runs: a source with a
        stored answer is ``answered``; one claimed by another live run
        (unanswered, younger than :data:`CLAIM_TTL`) is ``waiting``; any other
        is claimed by this run (``mine``), taking over the claims of dead runs.
        """
        if not self.owner:
            self.owner = uuid.uuid4().hex
            self._own()
        key = (provider, source_lang, target_lang, glossary_version)
        found: dict[str, list] = {"mine": [], "waiting": [], "answered": []}
        self._db.commit()
        self._begin_exclusive(key)
        try:
            stamp = time.time()
            for src in dict.fromkeys(sources):
                verdict, item = self._claim_one(key, src, stamp)
                found[verdict].append(item)
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise
        return Claims(tuple(found["mine"]), tuple(found["waiting"]), tuple(found["answered"]))

    def _claim_one(self, key: tuple[str, ...], src: str, stamp: float) -> tuple[str, Any]:
        row = self._run(f"SELECT owner, host, pid, claimed, answer FROM claims WHERE {_MATCH}", (*key, src)).fetchone()
        if row is not None and row[4] is not None:
            return "answered", (src, row[4])
        if row is not None and row[0] != self.owner and self._live_claim(row, stamp):
            return "waiting", src
        stored = self._run(f"SELECT masked_target FROM tm WHERE {_MATCH}", (*key, src)).fetchone()
        if stored is not None:  # another run answered it and released its claim since this one looked
            return "answered", (src, stored[0])
        self._run(_CLAIM, (*key, src, self.owner, socket.gethostname(), os.getpid(), stamp))
        return "mine", src

    def _live_claim(self, row: tuple, stamp: float) -> bool:
        """Whether an unanswered claim ``(owner, host, pid, claimed, …)`` still holds: its run alive, not stale."""
        return stamp - row[3] < CLAIM_TTL and self._alive(row[0], row[1], row[2])

    def record_answer(self, source: str, answer: str, *, provider: str, source_lang: str, target_lang: str,
                      glossary_version: str = "", owner: str | None = None) -> None:
        """Store (and commit at once) the raw answer to a claimed source, before anything else happens to it.

        ``owner``: only on a claim of that run (default: this object's claims).
        """
        self._run(f"UPDATE claims SET answer=? WHERE {_MATCH} AND owner=?",
                  (answer, provider, source_lang, target_lang, glossary_version, source, owner or self.owner))
        self._db.commit()

    def release(self, sources: Iterable[str], *, provider: str, source_lang: str, target_lang: str,
                glossary_version: str = "", commit: bool = True) -> None:
        """Drop the claims on ``sources`` (their answer is in the memory, or the segment failed)."""
        key = (provider, source_lang, target_lang, glossary_version)
        for src in sources:
            self._run(f"DELETE FROM claims WHERE {_MATCH}", (*key, src))
        if commit:
            self._db.commit()

    def release_unanswered(self) -> None:
        """Drop this run's claims that have no answer (an interrupted run lets others send them)."""
        if self.owner:
            self._run("DELETE FROM claims WHERE owner=? AND answer IS NULL", (self.owner,))
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
        key = (provider, source_lang, target_lang, glossary_version)
        now_ = time.time()
        for src in sources:
            # the claim first: a run drops it only after committing the answer to the memory
            row = self._run(f"SELECT owner, host, pid, claimed, answer FROM claims WHERE {_MATCH}",
                            (*key, src)).fetchone()
            hit = self.get(src, provider=provider, source_lang=source_lang, target_lang=target_lang,
                           glossary_version=glossary_version)
            if hit is not None:
                answers[src] = hit
            elif row is not None and row[4] is not None:
                answers[src] = row[4]
            elif row is None or not self._live_claim(row, now_):
                free.append(src)
        return answers, free

    def commit(self) -> None:
        """Make every write so far durable."""
        self._db.commit()

    # -- the whole memory ---------------------------------------------------------------------------------------
    def rows(self) -> list[tuple]:
        """Every row of the memory, all of :data:`TM_COLUMNS`, in key order (for copying it across)."""
        return sorted(tuple(r) for r in self._run(f"SELECT {', '.join(TM_COLUMNS)} FROM tm"))

    def put_rows(self, rows: Iterable[tuple]) -> int:
        """Store ``rows`` (as from :meth:`rows`), each kept unless the memory holds a newer one; committed.

        Returns how many rows were given.
        """
        n = 0
        for row in rows:
            self._run(_PUT_IF_NEWER, tuple(row))
            n += 1
        self._db.commit()
        return n

    def entries(self) -> Iterator[TMEntry]:
        """Every unit, human ones first, then by language pair and source."""
        rows = self._run("SELECT source, target, source_lang, target_lang, provider, origin, created, "
                         "glossary_version, masked_source FROM tm").fetchall()
        rows.sort(key=lambda r: (r[5] != HUMAN, r[2], r[3], r[0], r[4], r[7], r[8]))
        for row in rows:
            yield TMEntry(*row[:7])

    def close(self) -> None:
        """Commit and close."""
        try:
            self._db.commit()
        finally:
            self._db.close()

    def discard(self) -> None:
        """Close without a last commit: for a connection whose every write was committed as it was made
        (:meth:`record_answer`), which a worker thread may still be using when an interrupted run ends."""
        self._db.close()

    def __enter__(self) -> SQLMemory:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class TranslationMemory(SQLMemory):
    """A SQLite translation memory at ``path`` (created with its folder if missing; migrated on opening).

    >>> import tempfile, pathlib
    >>> with TranslationMemory(pathlib.Path(tempfile.mkdtemp()) / "tm.sqlite") as tm:
    ...     tm.put("Hello ⟦0⟧", "Hola ⟦0⟧", provider="apertium", source_lang="en", target_lang="es")
    ...     tm.get("Hello ⟦0⟧", provider="apertium", source_lang="en", target_lang="es")
    'Hola ⟦0⟧'
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.where = str(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=False)
            if str(path) != ":memory:":
                _use_wal(self._db)
            self._db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"translation memory unusable: {exc}", path=str(path)) from None

    def _begin_exclusive(self, key: tuple[str, ...]) -> None:
        self._db.execute("BEGIN IMMEDIATE")  # one writer at a time for the whole file

    def _alive(self, owner: str, host: str, pid: int) -> bool:
        return _process_alive(host, pid)
