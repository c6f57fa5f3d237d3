"""``dist/manifest.json``: what was published, so that it can be verified later.

Pure, and the one module that reads and writes the file. A manifest is a
:class:`Manifest` value (small frozen records: :class:`LocaleRecord`,
:class:`DocumentRecord`, :class:`ArticleRecord`...); :meth:`Manifest.from_bytes`
reads one, with any wrong type or shape a :class:`~l10n.errors.PublishError`
naming the file, and :meth:`Manifest.to_bytes` gives deterministic bytes
(sorted keys, no timestamps), so that rebuilding with no change leaves the
file byte-identical. :func:`document_record` describes one published copy,
:func:`article_records` the decisions of a build, :func:`locale_record` one
built locale; :func:`merge_manifest` puts them into the previous manifest.

The schema version is the ``format`` key (:data:`FORMAT`, today 1); any other
version is refused. A key the build always writes but that an older (or
hand-written) manifest lacks reads as empty (zero, no files, no
disclaimers); keys this version does not know are ignored, and dropped when
the manifest is rewritten.

Shape::

    {"format": 1, "tool": "l10n", "version": "0.1.0", "source_language": "en",
     "locales": {"es": {"lang": "es", "dir": "ltr", "files": {"es/images/x.svg": "<sha256>"},
       "meaning": {"status": "meaning verified", "not_checked": []},
       "documents": {"kratom.md": {
          "completeness": 0.95, "machine_translation": 0.1,
          "catalog": {"path": "locales/es/LC_MESSAGES/kratom.po",
                      "revision": "2026-01-01 10:00+0000", "sha256": "..."},
          "disclaimers": {"consult": {"sha256": "<published text>", "source_sha256": "<English text>",
                                      "standard": false}},
          "files": {"es/kratom.md": "<sha256>", "es/kratom.html": "<sha256>",
                    "es/LC_MESSAGES/kratom.mo": "<sha256>"},
          "stylesheets": {"es/kratom.html": ["site.css"]},
          "withheld_machine_translation": [{"msgctxt": null, "msgid": "...", "findings": ["..."]}]}}}}}

``meaning`` is present when the build knew the locale's meaning coverage;
``withheld_machine_translation`` when a check withheld an unreviewed machine
translation from the copy.

``articles`` records every (article, locale) the last builds decided on,
published or not, so a reader of the manifest sees what was held back and
why (``status``: ``published``, ``not ready`` — too little translated yet,
not an error —, ``held back`` — a safety reason —, ``withdrawn`` — published
before, held back now — or ``preview`` in a pseudo-locale's preview
manifest, which also has ``"preview": true``)::

    "articles": {"fr": {"new.md": {"status": "not ready", "completeness": 0.05,
                                   "machine_translation": 0.0,
                                   "reasons": ["new.md: 5% translated, below the completeness threshold 90%"]}}}

Only ``locales`` vouches for files: ``l10n verify`` reads it, and a manifest
written before ``articles`` existed is read the same way.

``stylesheets`` lists, per page that loads any, the external stylesheets
(``<link rel=stylesheet>``, ``@import``) it had when built, so that
``l10n verify`` can report one added later.

Disclaimer hashes are over the visible text with whitespace folded, as
:func:`l10n.publish.build.disclaimer_texts` reads it from a page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from l10n.errors import PublishError
from l10n.locales import direction, to_bcp47
from l10n.publish.build import CopyBuild, page_stylesheets, sha256_text

__all__ = ["FORMAT", "ArticleRecord", "CatalogRecord", "DisclaimerRecord", "DocumentRecord", "LocaleRecord",
           "Manifest", "Meaning", "WithheldRecord", "article_records", "document_record", "dump_manifest",
           "load_manifest", "locale_record", "merge_manifest", "sha256_bytes"]

#: The schema version this module reads and writes (the manifest's ``format`` key).
FORMAT = 1

T = TypeVar("T")


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


# -- reading: every value checked for its type, the error naming the file and the key -----------------------

class _Reader:
    """Reads the parsed JSON of one manifest; a value of the wrong type is a :class:`PublishError`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, message: str) -> PublishError:
        return PublishError(message, path=self.name)

    def table(self, value: Any, where: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"{where} must be a table (a JSON object), not {_kind(value)}")
        return value

    def text(self, value: Any, where: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{where} must be a string, not {_kind(value)}")
        return value

    def number(self, value: Any, where: str) -> float:
        if value is None:
            return 0.0
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(f"{where} must be a number, not {_kind(value)}")
        return value

    def flag(self, value: Any, where: str) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"{where} must be true or false, not {_kind(value)}")
        return value

    def texts(self, value: Any, where: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where} must be a list of strings")
        return tuple(value)

    def each(self, value: Any, where: str, read: Callable[[Any, str], T]) -> dict[str, T]:
        """A table whose every value ``read(value, where.key)`` turns into a record."""
        return {key: read(item, f"{where}.{key}") for key, item in self.table(value, where).items()}

    def hashes(self, value: Any, where: str) -> dict[str, str]:
        return self.each(value, where, lambda v, w: self.text(v, w))


def _kind(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), "a number")


# -- the records ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CatalogRecord:
    """The catalog a copy was built from: its path (relative to the project), revision and SHA-256."""

    path: str
    revision: str
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "revision": self.revision, "sha256": self.sha256}

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> CatalogRecord:
        t = r.table(value, where)
        return cls(*(r.text(t.get(k), f"{where}.{k}") for k in ("path", "revision", "sha256")))


@dataclass(frozen=True, slots=True)
class DisclaimerRecord:
    """A published disclaimer: the hashes of its published and English visible text; a standard notice?"""

    sha256: str
    source_sha256: str
    standard: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "source_sha256": self.source_sha256, "standard": self.standard}

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> DisclaimerRecord:
        t = r.table(value, where)
        return cls(r.text(t.get("sha256"), f"{where}.sha256"), r.text(t.get("source_sha256"), f"{where}.source_sha256"),
                   r.flag(t.get("standard"), f"{where}.standard"))


@dataclass(frozen=True, slots=True)
class WithheldRecord:
    """An unreviewed machine translation a copy did not publish, and the findings that stopped it."""

    msgctxt: str | None
    msgid: str
    findings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"msgctxt": self.msgctxt, "msgid": self.msgid, "findings": list(self.findings)}

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> WithheldRecord:
        t = r.table(value, where)
        return cls(r.text(t.get("msgctxt"), f"{where}.msgctxt", optional=True), r.text(t.get("msgid"), f"{where}.msgid"),
                   r.texts(t.get("findings"), f"{where}.findings"))


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One published copy (an article in one locale): its figures, catalog, disclaimers and files."""

    completeness: float = 0.0
    machine_translation: float = 0.0
    catalog: CatalogRecord | None = None
    disclaimers: Mapping[str, DisclaimerRecord] = field(default_factory=dict)
    #: file name (relative to the published folder) -> SHA-256
    files: Mapping[str, str] = field(default_factory=dict)
    #: page -> the external stylesheets it loaded when built
    stylesheets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    withheld_machine_translation: tuple[WithheldRecord, ...] = ()

    @property
    def machine(self) -> bool:
        """The copy shows unreviewed machine translation (so it must carry the notice)."""
        return self.machine_translation > 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "completeness": self.completeness, "machine_translation": self.machine_translation,
            "disclaimers": {did: d.to_json() for did, d in self.disclaimers.items()},
            "files": dict(self.files), "stylesheets": {name: list(s) for name, s in self.stylesheets.items()}}
        if self.catalog is not None:
            out["catalog"] = self.catalog.to_json()
        if self.withheld_machine_translation:
            out["withheld_machine_translation"] = [w.to_json() for w in self.withheld_machine_translation]
        return out

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> DocumentRecord:
        t = r.table(value, where)
        withheld = t.get("withheld_machine_translation") or []
        if not isinstance(withheld, list):
            raise r.fail(f"{where}.withheld_machine_translation must be a list")
        return cls(
            completeness=r.number(t.get("completeness"), f"{where}.completeness"),
            machine_translation=r.number(t.get("machine_translation"), f"{where}.machine_translation"),
            catalog=CatalogRecord.read(r, t["catalog"], f"{where}.catalog") if t.get("catalog") is not None else None,
            disclaimers=r.each(t.get("disclaimers"), f"{where}.disclaimers",
                               lambda v, w: DisclaimerRecord.read(r, v, w)),
            files=r.hashes(t.get("files"), f"{where}.files"),
            stylesheets=r.each(t.get("stylesheets"), f"{where}.stylesheets", r.texts),
            withheld_machine_translation=tuple(WithheldRecord.read(r, v, f"{where}.withheld_machine_translation[{i}]")
                                               for i, v in enumerate(withheld)))


@dataclass(frozen=True, slots=True)
class Meaning:
    """Which meaning checks vouch for a locale's published text (see :mod:`l10n.checks.coverage`)."""

    status: str
    not_checked: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "not_checked": list(self.not_checked)}

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> Meaning:
        t = r.table(value, where)
        return cls(r.text(t.get("status"), f"{where}.status"), r.texts(t.get("not_checked"), f"{where}.not_checked"))


@dataclass(frozen=True, slots=True)
class LocaleRecord:
    """One published locale: its BCP 47 tag and direction, its copies, shared files (images) and meaning."""

    lang: str
    direction: str
    documents: Mapping[str, DocumentRecord] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)
    meaning: Meaning | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"lang": self.lang, "dir": self.direction,
                               "documents": {doc: d.to_json() for doc, d in self.documents.items()},
                               "files": dict(self.files)}
        if self.meaning is not None:
            out["meaning"] = self.meaning.to_json()
        return out

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> LocaleRecord:
        if not isinstance(value, dict) or not isinstance(value.get("documents"), dict):
            raise r.fail(f"locale {where.rsplit('.', 1)[-1]!r} has no 'documents' table")
        return cls(lang=r.text(value.get("lang"), f"{where}.lang"), direction=r.text(value.get("dir"), f"{where}.dir"),
                   documents=r.each(value["documents"], f"{where}.documents", lambda v, w: DocumentRecord.read(r, v, w)),
                   files=r.hashes(value.get("files"), f"{where}.files"),
                   meaning=Meaning.read(r, value["meaning"], f"{where}.meaning")
                   if value.get("meaning") is not None else None)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What a build decided about one (article, locale): its status, figures and reasons."""

    status: str
    completeness: float = 0.0
    machine_translation: float = 0.0
    reasons: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "completeness": self.completeness,
                "machine_translation": self.machine_translation, "reasons": list(self.reasons)}

    @classmethod
    def read(cls, r: _Reader, value: Any, where: str) -> ArticleRecord:
        if not isinstance(value, dict):
            raise r.fail("'articles' must map each locale to a table of article records")
        return cls(r.text(value.get("status"), f"{where}.status"),
                   r.number(value.get("completeness"), f"{where}.completeness"),
                   r.number(value.get("machine_translation"), f"{where}.machine_translation"),
                   r.texts(value.get("reasons"), f"{where}.reasons"))


@dataclass(frozen=True, slots=True)
class Manifest:
    """``dist/manifest.json`` as a value: the published locales and the build's decisions per article."""

    locales: Mapping[str, LocaleRecord] = field(default_factory=dict)
    #: locale -> article -> record (absent in manifests written before per-article records)
    articles: Mapping[str, Mapping[str, ArticleRecord]] = field(default_factory=dict)
    version: str = ""
    source_language: str = ""
    tool: str = "l10n"
    preview: bool = False
    #: the schema version (the ``format`` key)
    schema: int = FORMAT

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Manifest:
        """Parse a manifest; anything malformed is a :class:`PublishError` naming the file (and line)."""
        try:
            value = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise PublishError("manifest is not UTF-8", path=name) from None
        except RecursionError:
            raise PublishError("manifest is nested too deeply to be an l10n manifest", path=name) from None
        except json.JSONDecodeError as exc:
            raise PublishError(f"manifest is not valid JSON: {exc.msg}", path=name, line=exc.lineno) from None
        return cls.from_json(value, name)

    @classmethod
    def from_json(cls, value: Any, name: str = "manifest.json") -> Manifest:
        """A manifest from its parsed JSON (``name`` is the file errors name)."""
        r = _Reader(name)
        if not isinstance(value, dict) or not isinstance(value.get("locales"), dict):
            raise r.fail("not an l10n manifest (no 'locales' table)")
        if value.get("format") != FORMAT or isinstance(value.get("format"), bool):
            raise r.fail(f"unsupported manifest format {value.get('format')!r} (expected {FORMAT})")
        articles = value.get("articles")
        if articles is not None and not isinstance(articles, dict):
            raise r.fail("'articles' must map each locale to a table of article records")
        return cls(
            locales={loc: LocaleRecord.read(r, v, f"locales.{loc}") for loc, v in value["locales"].items()},
            articles={loc: _article_table(r, t, f"articles.{loc}") for loc, t in (articles or {}).items()},
            version=r.text(value.get("version"), "version"),
            source_language=r.text(value.get("source_language"), "source_language"),
            tool=r.text(value.get("tool"), "tool"), preview=r.flag(value.get("preview"), "preview"),
            schema=FORMAT)

    def to_json(self) -> dict[str, Any]:
        """The manifest as JSON values (``preview`` only in a preview manifest)."""
        out: dict[str, Any] = {
            "format": self.schema, "tool": self.tool, "version": self.version,
            "source_language": self.source_language,
            "locales": {loc: rec.to_json() for loc, rec in self.locales.items()},
            "articles": {loc: {doc: rec.to_json() for doc, rec in table.items()}
                         for loc, table in self.articles.items()}}
        if self.preview:
            out["preview"] = True
        return out

    def to_bytes(self) -> bytes:
        """Deterministic JSON bytes (sorted keys, two-space indent, final newline)."""
        return (json.dumps(self.to_json(), sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def listed_files(self) -> set[str]:
        """Every file the manifest vouches for (the locales' shared files and every copy's files)."""
        out: set[str] = set()
        for loc in self.locales.values():
            out.update(loc.files)
            for doc in loc.documents.values():
                out.update(doc.files)
        return out

    def published_before(self, locale: str) -> set[str]:
        """Articles of ``locale`` this manifest publishes, or records as withdrawn by an earlier build."""
        loc = self.locales.get(locale)
        published = set(loc.documents) if loc is not None else set()
        return published | {doc for doc, rec in self.articles.get(locale, {}).items() if rec.status == "withdrawn"}


def _article_table(r: _Reader, value: Any, where: str) -> dict[str, ArticleRecord]:
    if not isinstance(value, dict):
        raise r.fail("'articles' must map each locale to a table of article records")
    return {doc: ArticleRecord.read(r, rec, f"{where}.{doc}") for doc, rec in value.items()}


# -- writing: the records of a build --------------------------------------------------------------------------

def document_record(build: CopyBuild, *, files: Mapping[str, bytes], catalog_path: str, catalog_bytes: bytes,
                    revision: str, withheld: tuple[WithheldRecord, ...] = ()) -> DocumentRecord:
    """The manifest record of one published copy; ``files`` are relative to the output folder."""
    return DocumentRecord(
        completeness=build.completeness, machine_translation=build.machine_share,
        catalog=CatalogRecord(catalog_path, revision, sha256_bytes(catalog_bytes)),
        disclaimers={did: DisclaimerRecord(sha256_text(text), sha256_text(build.disclaimer_sources.get(did, "")),
                                           did in build.standard)
                     for did, text in build.disclaimers.items()},
        files={name: sha256_bytes(data) for name, data in files.items()},
        stylesheets={name: tuple(sheets) for name, data in sorted(files.items())
                     if (sheets := page_stylesheets(name, data))},
        withheld_machine_translation=withheld)


def locale_record(locale: str, documents: Mapping[str, DocumentRecord], files: Mapping[str, str],
                  meaning: Meaning | None = None) -> LocaleRecord:
    """The manifest record of one built locale."""
    return LocaleRecord(lang=to_bcp47(locale), direction=direction(locale), documents=dict(documents),
                        files=dict(files), meaning=meaning)


def article_records(assessments: Iterable[Any]) -> dict[str, dict[str, ArticleRecord]]:
    """The ``articles`` table of the assessed locales: ``{locale: {document: record}}``.

    An assessment (see :class:`l10n.publish.pipeline.LocaleAssessment`) gives
    ``locale``, ``documents``, ``status(doc)``, ``document_reasons(doc)`` and
    ``copy(doc)``.
    """
    out: dict[str, dict[str, ArticleRecord]] = {}
    for a in assessments:
        table = out.setdefault(a.locale, {})
        for doc in a.documents:
            copy = a.copy(doc)
            table[doc] = ArticleRecord(status=a.status(doc),
                                       completeness=copy.completeness if copy is not None else 0.0,
                                       machine_translation=copy.machine_share if copy is not None else 0.0,
                                       reasons=tuple(str(r) for r in a.document_reasons(doc)))
    return out


def merge_manifest(previous: Manifest | None, *, version: str, source_language: str,
                   built: Mapping[str, LocaleRecord], removed: tuple[str, ...] = (),
                   articles: Mapping[str, Mapping[str, ArticleRecord]] | None = None,
                   preview: bool = False) -> Manifest:
    """A new manifest: ``previous`` with the ``built`` locales replaced and ``removed`` ones dropped.

    ``built`` maps a locale to its record (see :func:`locale_record`);
    ``articles`` (see :func:`article_records`) replaces the records of its
    locales, the other locales' records are kept. ``preview`` marks a
    pseudo-locale's preview manifest.
    """
    previous = previous or Manifest()
    articles = articles or {}
    locales = dict(previous.locales)
    records = dict(previous.articles)
    for loc in removed:
        locales.pop(loc, None)
        if not preview and loc not in articles:
            records.pop(loc, None)
    locales.update(built)
    records.update(articles)
    if not preview:
        from l10n.locales import PSEUDO_LOCALES

        records = {loc: t for loc, t in records.items() if loc not in PSEUDO_LOCALES}
    return Manifest(locales=locales, articles=records, version=version, source_language=source_language,
                    preview=preview)


def dump_manifest(manifest: Manifest) -> bytes:
    """Deterministic JSON bytes (see :meth:`Manifest.to_bytes`)."""
    return manifest.to_bytes()


def load_manifest(data: bytes, name: str) -> Manifest:
    """Parse a manifest (see :meth:`Manifest.from_bytes`)."""
    return Manifest.from_bytes(data, name)
