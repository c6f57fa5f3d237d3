"""Where the translation memory is, and opening it: SQLite in the project or PostgreSQL shared.

Precedence: the environment variable ``L10N_TM`` (a path or a whole URL,
password included if need be: it never lands in a file), then ``tm`` under
``[tool.l10n]`` (a path or a URL *without* a password, see
:mod:`l10n.config`), then the project's ``.l10n/tm.sqlite``.

A value is a PostgreSQL URL (``postgresql://`` or ``postgres://``), a
``sqlite:///path`` URL, or a plain path (relative to the project root).

>>> from pathlib import Path
>>> from l10n.config import Settings
>>> locate(Settings(root=Path("/p")), environ={}).target
'/p/.l10n/tm.sqlite'
>>> locate(Settings(root=Path("/p")), environ={"L10N_TM": "postgresql://tm@db/l10n"}).kind
'postgresql'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.config import Settings
from l10n.errors import ConfigError
from l10n.translate.memory import SQLMemory, TranslationMemory
from l10n.translate.pgmemory import PostgresMemory, redact

if TYPE_CHECKING:
    from l10n.execute import Executor

__all__ = ["ENV", "MemoryLocation", "copy_memory", "locate", "open_location", "open_memory", "parse_location",
           "require_shared_memory"]

#: The environment variable that names the memory, before ``[tool.l10n] tm``.
ENV = "L10N_TM"

_PG_SCHEMES = ("postgresql://", "postgres://")
_SQLITE_SCHEME = "sqlite:///"


@dataclass(frozen=True, slots=True)
class MemoryLocation:
    """A translation memory's address: ``kind`` ``"sqlite"`` (``target`` an absolute path) or
    ``"postgresql"`` (``target`` a URL); ``origin`` says where it was named (``"environment"``,
    ``"pyproject"``, ``"default"``, ``"command line"``)."""

    kind: str
    target: str
    origin: str = "default"

    @property
    def shown(self) -> str:
        """The address without a password, for messages."""
        return redact(self.target) if self.kind == "postgresql" else self.target


def parse_location(value: str, root: Path, origin: str) -> MemoryLocation:
    """The memory named by ``value`` (a path relative to ``root``, or a URL)."""
    value = value.strip()
    if value.startswith(_PG_SCHEMES):
        return MemoryLocation("postgresql", value, origin)
    if value.startswith(_SQLITE_SCHEME):
        value = value[len(_SQLITE_SCHEME) - 1:]
    elif "://" in value:
        raise ConfigError(f"translation memory {redact(value)!r} ({origin}): not a path, a sqlite:/// or a "
                          "postgresql:// URL")
    return MemoryLocation("sqlite", str((root / value).resolve()), origin)


def locate(settings: Settings, environ: Mapping[str, str] | None = None) -> MemoryLocation:
    """Where the project's memory is: ``$L10N_TM``, else ``[tool.l10n] tm``, else ``.l10n/tm.sqlite``."""
    env = (os.environ if environ is None else environ).get(ENV, "").strip()
    if env:
        return parse_location(env, settings.root, "environment")
    if settings.tm:
        return parse_location(settings.tm, settings.root, "pyproject")
    return MemoryLocation("sqlite", str(settings.state_dir / "tm.sqlite"), "default")


def require_shared_memory(settings: Settings, executor: Executor, *, locales: tuple[str, ...] | None = None,
                          environ: Mapping[str, str] | None = None) -> MemoryLocation:
    """The memory's location, or :class:`~l10n.errors.ConfigError` when ``executor`` is distributed and it is a
    SQLite file.

    A Dask worker on another machine would open that path on its own disk: the project's memory would stay
    empty, and two workers would not see each other's claims (a segment sent twice). ``locales``: those the
    run translates, for the message.

    >>> from pathlib import Path
    >>> from l10n.config import Settings
    >>> from l10n.execute import SerialExecutor
    >>> require_shared_memory(Settings(root=Path("/p")), SerialExecutor(), environ={}).kind
    'sqlite'
    """
    location = locate(settings, environ)
    if executor.distributed and location.kind == "sqlite":
        what = f"translating {', '.join(locales)}" if locales else "translating"
        raise ConfigError(
            f"{what} on a Dask cluster needs a translation memory every worker shares, not the SQLite file "
            f"{location.shown} ({location.origin}): set tm = \"postgresql://…\" under [tool.l10n] (or "
            f"{ENV}=postgresql://…; `l10n tm migrate --to postgresql://…` copies this one across), or run without "
            "--scheduler (--scheduler local, when one is configured)")
    return location


def open_location(location: MemoryLocation) -> SQLMemory:
    """Open (and create, migrate) the memory at ``location``."""
    if location.kind == "postgresql":
        return PostgresMemory(location.target)
    return TranslationMemory(Path(location.target))


def open_memory(settings: Settings, *, create: bool = True,
                environ: Mapping[str, str] | None = None) -> SQLMemory | None:
    """Open the project's memory (see :func:`locate`).

    ``create=False``: None rather than a new SQLite file where there is none
    (a dry run reads the memory, it does not make one).
    """
    location = locate(settings, environ)
    if not create and location.kind == "sqlite" and not Path(location.target).exists():
        return None
    return open_location(location)


def copy_memory(source: SQLMemory, target: SQLMemory) -> int:
    """Copy every unit of ``source`` into ``target`` (a unit ``target`` holds newer stays); how many.

    Claims are not copied: they belong to runs of the source memory.
    """
    return target.put_rows(source.rows())
