"""The translation memory on PostgreSQL, shared by many workers and many users (psycopg 3).

The same tables, queries and migrations as the SQLite memory
(:class:`l10n.translate.memory.SQLMemory`); what differs is how concurrent
writers are kept apart:

- writes are ``INSERT … ON CONFLICT DO UPDATE``, so two workers storing the
  same segment never fail, the later one wins;
- claiming is serialised per provider and language pair by a transaction
  advisory lock (``pg_advisory_xact_lock``), so of two workers claiming the
  same segment one gets it (``mine``) and the other waits for its answer;
- a claim's *lease* is a session advisory lock on its owner's id, held by the
  connection that claimed for as long as it is open: a worker that dies (its
  connection closes, whatever the host) frees its lease at once, and its
  unanswered claims are taken over by the next claimer. A claim older than
  :data:`~l10n.translate.memory.CLAIM_TTL` is taken over too (a worker hung
  with its connection open).

The URL is psycopg's (``postgresql://user@host:port/db``); the password comes
from the environment (``PGPASSWORD``, ``~/.pgpass``), never from the project's
files (:mod:`l10n.translate.store` refuses it there).
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from l10n.errors import ConfigError
from l10n.translate.memory import SQLMemory

__all__ = ["PostgresMemory", "redact"]

#: The first key of the two-key advisory locks that serialise claims ("l10n" in ASCII).
_CLAIM_LOCK_CLASS = 0x6C31306E


def redact(url: str) -> str:
    """``url`` without its password, in the user part or the query (for messages).

    >>> redact("postgresql://tm:s3cret@db.example.org/l10n")
    'postgresql://tm:***@db.example.org/l10n'
    >>> redact("postgresql://tm@db/l10n?sslmode=require&password=s3cret")
    'postgresql://tm@db/l10n?sslmode=require&password=***'
    """
    parts = urlsplit(url)
    if parts.password is not None:
        user, host = parts.netloc.rsplit("@", 1)
        parts = parts._replace(netloc=f"{user.split(':', 1)[0]}:***@{host}")
    if parts.query:
        query = [(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
        parts = parts._replace(query=urlencode(query, safe="*"))
    return urlunsplit(parts)


def _int4(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=4).digest(), "big", signed=True)


def _lease_key(owner: str) -> int:
    """The 64-bit advisory lock key of an owner id (a uuid4 hex)."""
    return int.from_bytes(bytes.fromhex(owner[:16]), "big", signed=True)


class PostgresMemory(SQLMemory):
    """A translation memory in the PostgreSQL database at ``url`` (migrated on opening).

    Needs the ``postgresql`` extra (``pip install 'l10n[postgresql]'``).
    """

    param = "%s"

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = redact(url)
        try:
            import psycopg
        except ImportError:
            raise ConfigError("a PostgreSQL translation memory needs psycopg 3: pip install 'l10n[postgresql]'",
                              path=self.where) from None
        self._errors = (psycopg.Error,)
        try:
            self._db: Any = psycopg.connect(url, autocommit=False, application_name="l10n")
        except psycopg.Error as exc:
            raise ConfigError(f"translation memory unreachable: {_first_line(exc)}", path=self.where) from None
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._db.close()
            raise ConfigError(f"translation memory unusable: {_first_line(exc)}", path=self.where) from None

    def _begin_exclusive(self, key: tuple[str, ...]) -> None:
        # a transaction starts with the first statement; the lock is held until it ends
        self._db.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_CLAIM_LOCK_CLASS, _int4("\x1f".join(key))))

    def _own(self) -> None:
        self._db.execute("SELECT pg_advisory_lock(%s)", (_lease_key(self.owner),))
        self._db.commit()

    def _alive(self, owner: str, host: str, pid: int) -> bool:
        key = _lease_key(owner)
        got = self._db.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]
        if got:  # nobody holds the lease: its connection is closed, the run is gone
            self._db.execute("SELECT pg_advisory_unlock(%s)", (key,))
        return not got


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
