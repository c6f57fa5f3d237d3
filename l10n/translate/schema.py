"""The translation memory's schema: versioned migrations, the same for SQLite and PostgreSQL.

The migrations are the SQL files of :mod:`l10n.translate.migrations`
(``001_initial.sql``, ``002_….sql``…), portable SQL, applied in order; the
table ``schema_version`` records each one applied. A memory made before the
migrations existed (no ``schema_version``) already has the tables of
``001_initial.sql``, whose ``IF NOT EXISTS`` leaves them as they are: it is
migrated in place. A memory made by a newer l10n (a version this one does not
know) is refused rather than written to.

:func:`migrate` runs in one transaction that the caller begins under a lock
(``BEGIN IMMEDIATE`` for SQLite, an advisory lock for PostgreSQL), so that
many processes opening a new memory at once apply each migration once.

>>> [m.name for m in migrations()][:1]
['001_initial']
>>> split_statements("CREATE TABLE a (x TEXT); -- done\\nCREATE INDEX i ON a (x);")
('CREATE TABLE a (x TEXT)', 'CREATE INDEX i ON a (x)')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from l10n.catalogs.header import now
from l10n.errors import ConfigError

__all__ = ["LATEST", "Migration", "migrate", "migrations", "pending", "split_statements"]

_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

_VERSION_TABLE = ("CREATE TABLE IF NOT EXISTS schema_version ("
                  "version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)")


@dataclass(frozen=True, slots=True)
class Migration:
    """One SQL file: its number, its name (the file name without ``.sql``) and its statements."""

    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(sql: str) -> tuple[str, ...]:
    """The statements of a migration file: ``--`` comments dropped, split at ``;``."""
    text = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return tuple(s.strip() for s in text.split(";") if s.strip())


@cache
def migrations() -> tuple[Migration, ...]:
    """Every migration shipped with l10n, in order (numbered 1, 2, 3… without a gap)."""
    found = []
    for item in resources.files("l10n.translate.migrations").iterdir():
        match = _FILE.match(item.name)
        if match:
            found.append(Migration(int(match.group(1)), item.name[:-4],
                                   split_statements(item.read_text(encoding="utf-8"))))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise ConfigError("the translation memory's migrations are not numbered 1, 2, 3…: "
                          + ", ".join(m.name for m in found))
    return tuple(found)


#: The schema version this l10n writes.
LATEST = len(migrations())


def pending(current: int) -> tuple[Migration, ...]:
    """The migrations a memory at version ``current`` still needs."""
    return tuple(m for m in migrations() if m.version > current)


def migrate(db: Any, begin: Callable[[], None], *, param: str = "?", where: str = "") -> tuple[int, ...]:
    """Bring the memory behind the DB-API connection ``db`` up to :data:`LATEST`; the versions applied.

    ``begin()`` starts the transaction and takes the lock that makes one
    process at a time migrate; ``param`` is the driver's placeholder (``?``
    or ``%s``); ``where`` names the memory in errors.
    """
    db.commit()
    begin()
    try:
        db.execute(_VERSION_TABLE)
        current = db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
        if current > LATEST:
            raise ConfigError(f"translation memory at schema version {current}, made by a newer l10n "
                              f"(this one knows up to {LATEST}); upgrade l10n", path=where or None)
        applied = []
        for step in pending(current):
            for statement in step.statements:
                db.execute(statement)
            db.execute(f"INSERT INTO schema_version VALUES ({param}, {param}, {param})",
                       (step.version, step.name, now().isoformat()))
            applied.append(step.version)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return tuple(applied)
