"""A warm cache of entry findings for repeated runs (pre-commit): ``.l10n/check-cache.sqlite``.

The findings of the entry checks of one entry are stored under a hash of
everything they can depend on: the entry (msgctxt, msgid, msgid_plural,
msgstr or plural forms, flags, translator comment with its waivers, previous
msgid), the locale, the catalog's ``Plural-Forms``, the glossary's version,
l10n's version, a hash of the source files of the checks (so that a code
change cannot leave stale results), the selected checks and the check options.
Catalog-level checks (header, missing entries, duplicates, disclaimers per
catalog, syntax) are never cached: they are recomputed on every run.

:func:`catalog_key` and :func:`entry_key` are pure; :class:`SqliteCache` is the
I/O adapter the CLI opens (any ``MutableMapping[str, str]`` works for
:func:`l10n.checks.check_catalog`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from l10n.errors import L10nError
from l10n.model import Finding, Severity

__all__ = ["ReadOnlyCache", "SqliteCache", "catalog_key", "code_hash", "decode_findings", "encode_findings", "entry_key"]

#: Bump when the stored format changes.
FORMAT = 1


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 of the source files of the checks, their language data and the glossary matcher they use."""
    import l10n

    root = Path(l10n.__file__).resolve().parent
    h = hashlib.sha256()
    for folder, pattern in (("checks", "*.py"), ("glossary", "*.py"), ("checks/lang", "*.yaml")):
        for path in sorted((root / folder).glob(pattern)):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def catalog_key(*, locale: str, glossary: Any, codes: Iterable[str], options: Mapping[str, Any],
                plural_forms: str, nplurals: int | None) -> str | None:
    """The part of every entry key that is the same for a whole catalog.

    None (do not cache) for a glossary without a ``version``: its changes could not be seen.
    """
    import l10n

    version = getattr(glossary, "version", None) if glossary is not None else ""
    if glossary is not None and not version:
        return None
    parts = [FORMAT, l10n.__version__, code_hash(), locale, version, sorted(codes), plural_forms, nplurals]
    blob = json.dumps(parts, sort_keys=True, default=str) + json.dumps(dict(options), sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def entry_key(base: str, entry: Any) -> str:
    """The cache key of one entry's findings under the catalog key ``base``."""
    plural = sorted((int(k), v) for k, v in (entry.msgstr_plural or {}).items()) if entry.msgid_plural else None
    parts = (base, entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, plural, sorted(entry.flags),
             entry.tcomment, entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural)
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def encode_findings(findings: list[Finding], linenum: int) -> str:
    """Findings of one entry as JSON; lines relative to the entry (entries move between runs)."""
    return json.dumps([[f.code, f.check, int(f.severity), f.message, f.line - linenum, f.msgctxt, f.msgid, f.target,
                        f.suppressible, [list(x) for x in f.extra]] for f in findings], ensure_ascii=False)


def decode_findings(blob: str, *, path: str, locale: str, linenum: int) -> list[Finding]:
    """The findings stored by :func:`encode_findings`, placed at the entry's current line."""
    return [Finding(code=c, check=name, severity=Severity(sev), message=msg, path=path, line=linenum + rel,
                    locale=locale, msgctxt=ctxt, msgid=msgid, target=target, suppressible=sup,
                    extra=tuple(tuple(x) for x in extra))
            for c, name, sev, msg, rel, ctxt, msgid, target, sup, extra in json.loads(blob)]


def _select(db: sqlite3.Connection, keys: list[str]) -> dict[str, str]:
    """The stored values of those ``keys`` that are in ``db`` (one query per 500 keys)."""
    out: dict[str, str] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(db.execute(f"SELECT key, value FROM findings WHERE key IN ({marks})", chunk).fetchall())
    return out


class SqliteCache(MutableMapping[str, str]):
    """A persistent ``key -> findings`` map in one SQLite file; writes are committed by :meth:`close`."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path))
            self._db.execute("CREATE TABLE IF NOT EXISTS findings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            raise L10nError(f"cannot open the check cache: {exc} (use --no-cache)", path=str(path)) from None
        self.path = path
        self._pending: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key in self._pending:
            return self._pending[key]
        row = self._db.execute("SELECT value FROM findings WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return row[0]

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """The stored values of those ``keys`` that are stored (one query per 500 keys)."""
        out = _select(self._db, keys)
        out.update((k, self._pending[k]) for k in keys if k in self._pending)
        return out

    def __setitem__(self, key: str, value: str) -> None:
        self._pending[key] = value

    def __delitem__(self, key: str) -> None:
        self._pending.pop(key, None)
        self._db.execute("DELETE FROM findings WHERE key = ?", (key,))

    def __iter__(self) -> Iterator[str]:
        yield from (r[0] for r in self._db.execute("SELECT key FROM findings"))

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM findings").fetchone()[0]

    def close(self) -> None:
        """Write the new entries and close the file."""
        try:
            if self._pending:
                self._db.executemany("INSERT OR REPLACE INTO findings (key, value) VALUES (?, ?)",
                                     self._pending.items())
                self._db.commit()
        except sqlite3.Error as exc:
            raise L10nError(f"cannot write the check cache: {exc} (use --no-cache)", path=str(self.path)) from None
        finally:
            self._pending.clear()
            self._db.close()


class ReadOnlyCache(MutableMapping[str, str]):
    """A worker's view of a :class:`SqliteCache` file: reads the file, keeps new entries in :attr:`pending`.

    A forked worker must not share its parent's SQLite connection; it opens
    its own, read-only, and hands the entries it computed back to the parent,
    the only writer. A file that cannot be read is an empty cache.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pending: dict[str, str] = {}
        try:
            self._db: sqlite3.Connection | None = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error:
            self._db = None

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """Like :meth:`SqliteCache.get_many`."""
        out: dict[str, str] = {}
        if self._db is not None:
            try:
                out = _select(self._db, keys)
            except sqlite3.Error:
                pass
        out.update((k, self.pending[k]) for k in keys if k in self.pending)
        return out

    def __getitem__(self, key: str) -> str:
        hit = self.get_many([key])
        if key not in hit:
            raise KeyError(key)
        return hit[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.pending[key] = value

    def __delitem__(self, key: str) -> None:
        del self.pending[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.pending)

    def __len__(self) -> int:
        return len(self.pending)

    def close(self) -> None:
        """Close the file (the pending entries stay for the parent)."""
        if self._db is not None:
            self._db.close()
            self._db = None
