"""The project read once: an immutable snapshot of every input a run needs, each with its content hash.

:func:`read_snapshot` reads the source articles, the other files of the
source folder (images: one hash over all of them), the templates, the locale
catalogs, the glossary and the configuration, and nothing after that: the
stages (:mod:`l10n.stages`, :mod:`l10n.publish.stages`) are pure functions of
these bytes, and a stage's cache key is made of these hashes
(:mod:`l10n.execute.stagecache`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import l10n
from l10n.config import Settings
from l10n.errors import ConfigError, SourceError

__all__ = ["Blob", "Snapshot", "SourceDocument", "config_hash", "read_assets", "read_blob", "read_snapshot", "rel",
           "sha256", "source_paths"]


def sha256(data: bytes) -> str:
    """The hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def rel(settings: Settings, path: Path) -> str:
    """A path relative to the project root, for messages."""
    for resolve in (False, True):  # a link is named as the user sees it; resolved only when it must be
        try:
            return (path.resolve() if resolve else path.absolute()).relative_to(settings.root).as_posix()
        except ValueError:
            continue
    return str(path)


@dataclass(frozen=True, slots=True)
class Blob:
    """One file as read: its path, bytes and sha256."""

    path: Path
    data: bytes
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> Blob:
        return cls(path, data, sha256(data))


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A source article: its name relative to ``source_docs/`` (posix), path, bytes and sha256."""

    name: str
    path: Path
    data: bytes
    sha256: str

    @property
    def domain(self) -> str:
        """Its catalogs' gettext domain (as :attr:`l10n.model.Document.domain`)."""
        return self.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


@dataclass(frozen=True)
class Snapshot:
    """Everything a run reads, read once. Catalogs are keyed ``(locale, domain)``, templates by domain."""

    settings: Settings
    config_hash: str
    documents: tuple[SourceDocument, ...]
    #: one hash over the names and bytes of every other file in the source folder (images)
    assets_hash: str
    #: the other files of the source folder a browser may run scripts in (SVG images, XHTML …), by name
    #: relative to the source folder, with their bytes (None: unreadable): publishing judges these bytes
    scriptable: Mapping[str, bytes | None] = field(default_factory=dict)
    templates: Mapping[str, Blob] = field(default_factory=dict)
    catalogs: Mapping[tuple[str, str], Blob] = field(default_factory=dict)
    glossary: Blob | None = None

    @property
    def glossary_hash(self) -> str:
        return self.glossary.sha256 if self.glossary is not None else ""

    def template(self, domain: str) -> Blob | None:
        return self.templates.get(domain)

    def catalog(self, locale: str, domain: str) -> Blob | None:
        return self.catalogs.get((locale, domain))

    def with_files(self, *, templates: Mapping[str, Blob] | None = None,
                   catalogs: Mapping[tuple[str, str], Blob] | None = None) -> Snapshot:
        """This snapshot with some templates or catalogs replaced (what a stage produced)."""
        return dataclasses.replace(self, templates={**self.templates, **(templates or {})},
                                   catalogs={**self.catalogs, **(catalogs or {})})

    def reread_catalogs(self, locales: Iterable[str]) -> Snapshot:
        """This snapshot with the catalogs of ``locales`` read again (after a stage wrote them itself)."""
        wanted = set(locales)
        domains = sorted({d.domain for d in self.documents} | set(self.templates))
        fresh = {k: v for k, v in self.catalogs.items() if k[0] not in wanted}
        fresh.update(_read_catalogs(self.settings, sorted(wanted), domains))
        return dataclasses.replace(self, catalogs=fresh)


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """A hash of l10n's own code and data files (so a cached result never outlives the code that made it)."""
    root = Path(l10n.__file__).parent
    h = hashlib.sha256(l10n.__version__.encode("utf-8"))
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".json", ".yaml", ".yml", ".tsv", ".txt", ".css", ".html"):
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0" + p.read_bytes())
    return h.hexdigest()


#: settings that say where the work runs or where the memory lives, not what any stage produces
WHERE_NOT_WHAT = frozenset({"scheduler", "tm"})


def config_hash(settings: Settings) -> str:
    """A hash of the configuration that can change a stage's output (every ``[tool.l10n]`` setting but
    :data:`WHERE_NOT_WHAT`; paths relative to the project, so a moved or cloned project keeps its cache) and of
    l10n's code (:func:`code_hash`)."""
    values = []
    for f in dataclasses.fields(settings):
        if f.name in WHERE_NOT_WHAT or f.name == "root":
            continue
        value = getattr(settings, f.name)
        if isinstance(value, Path):
            value = rel(settings, value)
        values.append(f"{f.name}={value!r}")
    return sha256("\n".join([code_hash(), *values]).encode("utf-8"))


def source_paths(settings: Settings) -> list[Path]:
    """The source articles, sorted (files of other types, such as images, are ignored)."""
    folder = settings.source_docs
    if not folder.is_dir():
        raise ConfigError(f"source folder not found: {rel(settings, folder)}")
    # a broken link is kept, so that reading it fails with a clear error instead of a silent skip
    from l10n.formats.documents import source_suffixes

    suffixes = source_suffixes()
    return sorted((p for p in folder.rglob("*") if (p.is_file() or p.is_symlink()) and p.suffix.lower() in suffixes),
                  key=lambda p: p.relative_to(folder).as_posix())


def read_source(settings: Settings, path: Path) -> SourceDocument:
    """One source article's bytes (:class:`~l10n.errors.SourceError` naming it when unreadable)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", path=rel(settings, path)) from None
    return SourceDocument(path.relative_to(settings.source_docs).as_posix(), path, data, sha256(data))


def read_blob(path: Path) -> Blob | None:
    """A file's bytes and hash, or None when it does not exist (or cannot be read)."""
    try:
        return Blob.of(path, path.read_bytes())
    except OSError:
        return None


def read_assets(settings: Settings, documents: set[Path], *, hashed: bool = True
                ) -> tuple[str, dict[str, bytes | None]]:
    """The other files of the source folder (not articles): one hash over their names and bytes, and the
    bytes of those a browser may run scripts in (:func:`l10n.pages.sanitize.is_scriptable_file`).
    ``hashed=False``: only those are read (the hash is empty)."""
    from l10n.pages.sanitize import is_scriptable_file

    h = hashlib.sha256()
    folder = settings.source_docs
    scriptable: dict[str, bytes | None] = {}
    for p in sorted(p for p in folder.rglob("*") if p.is_file() and p not in documents):
        name = p.relative_to(folder).as_posix()
        if not hashed and not is_scriptable_file(name):
            continue
        blob = read_blob(p)
        h.update(f"{name}\0{blob.sha256 if blob else '-'}\n".encode("utf-8"))
        if is_scriptable_file(name):
            scriptable[name] = blob.data if blob else None
    return (h.hexdigest() if hashed else ""), scriptable


def _read_catalogs(settings: Settings, locales: Iterable[str], domains: Iterable[str]) -> dict[tuple[str, str], Blob]:
    out = {}
    domains = list(domains)
    for locale in locales:
        for domain in domains:
            blob = read_blob(settings.po_path(locale, domain))
            if blob is not None:
                out[(locale, domain)] = blob
    return out


def _template_paths(settings: Settings) -> list[Path]:
    folder = settings.locales_dir
    return sorted(folder.glob("*.pot")) if folder.is_dir() else []


def read_snapshot(settings: Settings, locales: Iterable[str] = ()) -> Snapshot:
    """Read the project once: articles, other source files (hashed), every template in ``locales/``, the
    catalogs of ``locales`` for every article and template, the glossary and the configuration."""
    paths = source_paths(settings)
    documents = tuple(read_source(settings, p) for p in paths)
    templates = {p.stem: b for p in _template_paths(settings) if (b := read_blob(p)) is not None}
    domains = sorted({d.domain for d in documents} | set(templates))
    glossary = read_blob(settings.glossary) if settings.glossary.is_file() else None
    assets_hash, scriptable = read_assets(settings, set(paths))
    return Snapshot(settings=settings, config_hash=config_hash(settings), documents=documents,
                    assets_hash=assets_hash, scriptable=scriptable, templates=templates,
                    catalogs=_read_catalogs(settings, locales, domains), glossary=glossary)
