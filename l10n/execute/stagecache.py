"""A content-addressed cache of stage results: ``.l10n/cache/<stage>/<key>``.

A stage task is a pure function of bytes, so its result is a function of the
hashes of its inputs: :func:`stage_key` hashes the stage's name and version
with them, and :class:`StageCache` keeps the result under that key. A run
whose inputs did not change finds every result here and computes nothing.

* Entries are written atomically (a temporary file renamed over the entry),
  without fsync: an entry torn by a crash fails its checksum and is ignored.
* Loading is safe: an entry is a pickle read by a restricted unpickler that
  builds only plain values (bytes, str, numbers, tuples, lists, dicts, sets)
  and the classes the cache was opened with (frozen dataclasses, enums); any
  other global (``os.system``...) makes the entry corrupt.
* A corrupt, truncated or unreadable entry is a miss: the task is computed
  again and the entry replaced.
* ``L10N_NO_CACHE=1`` in the environment (or ``l10n run --no-cache``)
  disables the cache (nothing read, nothing written).
* An entry no run used for :data:`PRUNE_AFTER_DAYS` is deleted at the end of
  a run (:meth:`StageCache.prune`): results of earlier code, of edited or
  removed articles, do not pile up.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.execute import Executor, SerialExecutor, Task

__all__ = ["MISS", "PRUNE_AFTER_DAYS", "StageCache", "Work", "cache_disabled", "cached_map", "open_cache", "stage_key"]

#: how long an entry of the stage cache that no run used is kept (:meth:`StageCache.prune`)
PRUNE_AFTER_DAYS = 30.0

#: what :meth:`StageCache.get` returns for a key it does not hold (None is a valid result)
MISS: Any = object()

_MAGIC = b"l10n-stage-cache 1\n"
_SAFE_BUILTINS = frozenset({"frozenset", "set", "complex", "bytearray", "slice", "range"})


def cache_disabled() -> bool:
    """True when ``L10N_NO_CACHE`` is set to a true value (``1``, ``yes``, ``true``)."""
    return os.environ.get("L10N_NO_CACHE", "").strip().lower() in ("1", "yes", "true", "on")


def stage_key(stage: str, version: str, *inputs: str) -> str:
    """The cache key of one task: sha256 over the stage's name, its version and its inputs' hashes."""
    h = hashlib.sha256()
    for part in (stage, version, *inputs):
        data = part.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))  # length-prefixed: ("ab", "c") and ("a", "bc") differ
        h.update(data)
    return h.hexdigest()


class _Unpickler(pickle.Unpickler):
    """Builds plain values and the allowed classes only."""

    def __init__(self, file: io.BytesIO, allowed: frozenset[tuple[str, str]]) -> None:
        super().__init__(file)
        self._allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module == "builtins" and name in _SAFE_BUILTINS) or (module, name) in self._allowed:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a stage cache entry")


def _qualified(classes: Iterable[type]) -> frozenset[tuple[str, str]]:
    return frozenset((c.__module__, c.__qualname__) for c in classes)


@dataclass(frozen=True, slots=True)
class Work:
    """How many tasks of a stage were computed and how many were reused from the cache."""

    computed: int = 0
    reused: int = 0

    def __add__(self, other: Work) -> Work:
        return Work(self.computed + other.computed, self.reused + other.reused)


class StageCache:
    """Stage results under ``folder/<stage>/<key>``; ``folder=None`` is a cache that holds nothing."""

    def __init__(self, folder: Path | None, *, allowed: Iterable[type] = ()) -> None:
        self.folder = folder
        self._allowed = _qualified(allowed)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def _path(self, stage: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / stage / key

    def get(self, stage: str, key: str) -> Any:
        """The result stored under ``key``, or :data:`MISS` (also for a corrupt or unsafe entry)."""
        if self.folder is None:
            return MISS
        path = self._path(stage, key)
        try:
            blob = path.read_bytes()
        except OSError:
            return MISS
        head = len(_MAGIC)
        if not blob.startswith(_MAGIC) or len(blob) < head + 32:
            return MISS
        digest, payload = blob[head:head + 32], blob[head + 32:]
        if hashlib.sha256(payload).digest() != digest:
            return MISS
        try:
            value = _Unpickler(io.BytesIO(payload), self._allowed).load()
        except Exception:  # noqa: BLE001 - any damage to an entry is a miss, never a crash
            return MISS
        try:
            os.utime(path)  # used now: :meth:`prune` keeps it
        except OSError:
            pass
        return value

    def prune(self, max_age_days: float = PRUNE_AFTER_DAYS, *, now: float | None = None) -> int:
        """Delete the entries no run has used for ``max_age_days`` (a hit or a store marks an entry used);
        returns how many. Entries of earlier code or of articles long gone go this way; an entry another
        run is writing now is young, so it stays."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        limit = (time.time() if now is None else now) - max_age_days * 86400
        gone = 0
        for stage in self.folder.iterdir():
            for entry in stage.iterdir() if stage.is_dir() else ():
                try:
                    if entry.stat().st_mtime < limit:
                        entry.unlink()
                        gone += 1
                except OSError:
                    continue
        return gone

    def put(self, stage: str, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` atomically (a cache that cannot be written is silently skipped)."""
        if self.folder is None:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._path(stage, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:16]}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            return


def open_cache(state_dir: Path, *, enabled: bool = True, allowed: Iterable[type] = ()) -> StageCache:
    """The project's stage cache under ``<state_dir>/cache`` (disabled by ``enabled=False`` or ``L10N_NO_CACHE``)."""
    on = enabled and not cache_disabled()
    return StageCache(state_dir / "cache" if on else None, allowed=allowed)


def cached_map(executor: Executor | None, cache: StageCache, stage: str, fn: Task, items: Sequence[Any],
               keys: Sequence[str], *, shared: Any = None,
               shared_factory: Callable[[], Any] | None = None) -> tuple[list[Any], Work]:
    """``[fn(shared, item) for item in items]`` through the cache: only the misses go to ``executor``.

    ``keys[i]`` is the key of ``items[i]`` (see :func:`stage_key`). ``shared_factory``, if given, makes
    the shared context only when something has to be computed (so a run with every result cached does
    not build it). Results come back in item order; computed ones are stored.
    """
    results = [cache.get(stage, k) for k in keys]
    misses = [i for i, r in enumerate(results) if r is MISS]
    if misses:
        ctx = shared_factory() if shared_factory is not None else shared
        computed = (executor or SerialExecutor()).map(fn, [items[i] for i in misses], shared=ctx)
        for i, value in zip(misses, computed):
            results[i] = value
            cache.put(stage, keys[i], value)
    return results, Work(len(misses), len(items) - len(misses))
