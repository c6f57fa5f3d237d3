"""One writer per catalog at a time: the lock every command that writes a PO file holds.

``l10n update``, ``l10n translate`` and ``l10n xliff import`` may run at
once on the same locale (a CI job, a translator's import, a long machine
translation). Each one takes :func:`catalog_locks` on the catalogs it will
write, *re-reads them under the lock*, applies its own changes to what is
on disk at that moment, writes, and lets go; so no command writes over a
change another made while it was working.

The locks are operating-system file locks (``flock`` through the maintained
`filelock <https://py-filelock.readthedocs.io>`_ library): a process that
dies (even by SIGKILL) releases them. The lock files live in the project's
state folder (``.l10n/locks/``, ignored by git), never next to the catalogs.
Catalogs are always locked in sorted order, so two commands that lock
several catalogs cannot deadlock.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from l10n.errors import CatalogError

__all__ = ["DEFAULT_TIMEOUT", "catalog_lock", "catalog_locks", "lock_path"]

#: Seconds to wait for another command to finish writing a catalog (``L10N_LOCK_TIMEOUT`` overrides).
DEFAULT_TIMEOUT = 120.0


def _timeout(timeout: float | None) -> float:
    if timeout is not None:
        return timeout
    try:
        return float(os.environ.get("L10N_LOCK_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def lock_path(catalog: Path, state_dir: Path) -> Path:
    """The lock file of ``catalog``: ``<state_dir>/locks/<name>-<hash of the resolved path>.lock``."""
    resolved = str(Path(catalog).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]
    return Path(state_dir) / "locks" / f"{Path(catalog).name}-{digest}.lock"


@contextmanager
def catalog_lock(catalog: Path, state_dir: Path, *, timeout: float | None = None,
                 name: str | None = None) -> Iterator[None]:
    """Hold the lock of one catalog.

    :raises CatalogError: another command held it for ``timeout`` seconds.
    """
    with catalog_locks([catalog], state_dir, timeout=timeout, names={catalog: name} if name else None):
        yield


@contextmanager
def catalog_locks(catalogs: Iterable[Path], state_dir: Path, *, timeout: float | None = None,
                  names: dict[Path, str] | None = None) -> Iterator[None]:
    """Hold the locks of several catalogs (taken in sorted order, released in reverse).

    :raises CatalogError: one of them stayed locked for ``timeout`` seconds;
        the locks already taken are released.
    """
    wait = _timeout(timeout)
    paths = sorted({Path(c).resolve() for c in catalogs})
    shown_as = {Path(k).resolve(): v for k, v in (names or {}).items()}
    with ExitStack() as stack:
        for path in paths:
            lp = lock_path(path, state_dir)
            lp.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(lp), timeout=wait)
            try:
                lock.acquire()
            except Timeout:
                shown = shown_as.get(path) or str(path)
                raise CatalogError(f"another l10n command has been writing this catalog for {wait:g} s; "
                                   "nothing was written — try again when it has finished", path=shown) from None
            stack.callback(lock.release)
        yield
