"""``dist/manifest.json``: what was published, so that it can be verified later.

Pure. :func:`locale_entry` describes one built locale; :func:`merge_manifest`
puts it into the (previous) manifest; :func:`dump_manifest` gives
deterministic bytes (sorted keys, no timestamps), so that rebuilding with no
change leaves the file byte-identical; :func:`load_manifest` reads it back
with errors naming the file.

Shape::

    {"format": 1, "tool": "l10n", "version": "0.1.0", "source_language": "en",
     "locales": {"es": {"lang": "es", "dir": "ltr", "files": {"es/images/x.svg": "<sha256>"},
       "documents": {"kratom.md": {
          "completeness": 0.95, "machine_translation": 0.1,
          "catalog": {"path": "locales/es/LC_MESSAGES/kratom.po",
                      "revision": "2026-01-01 10:00+0000", "sha256": "..."},
          "disclaimers": {"consult": {"sha256": "<published text>", "source_sha256": "<English text>",
                                      "standard": false}},
          "files": {"es/kratom.md": "<sha256>", "es/kratom.html": "<sha256>",
                    "es/LC_MESSAGES/kratom.mo": "<sha256>"},
          "stylesheets": {"es/kratom.html": ["site.css"]}}}}}}

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
from collections.abc import Iterable, Mapping
from typing import Any

from l10n.errors import PublishError
from l10n.locales import direction, to_bcp47
from l10n.publish.build import CopyBuild, page_stylesheets, sha256_text

__all__ = ["FORMAT", "article_records", "dump_manifest", "document_entry", "load_manifest", "merge_manifest"]

FORMAT = 1


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def document_entry(build: CopyBuild, *, files: Mapping[str, bytes], catalog_path: str, catalog_bytes: bytes,
                   revision: str) -> dict[str, Any]:
    """The manifest entry of one published copy; ``files`` are relative to the output folder."""
    return {
        "completeness": build.completeness,
        "machine_translation": build.machine_share,
        "catalog": {"path": catalog_path, "revision": revision, "sha256": sha256_bytes(catalog_bytes)},
        "disclaimers": {did: {"sha256": sha256_text(text),
                              "source_sha256": sha256_text(build.disclaimer_sources.get(did, "")),
                              "standard": did in build.standard}
                        for did, text in build.disclaimers.items()},
        "files": {name: sha256_bytes(data) for name, data in files.items()},
        "stylesheets": {name: sheets for name, data in sorted(files.items())
                        if (sheets := page_stylesheets(name, data))},
    }


def article_records(assessments: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """The ``articles`` table of the assessed locales: ``{locale: {document: record}}``.

    An assessment (see :class:`l10n.publish.pipeline.LocaleAssessment`) gives
    ``locale``, ``documents``, ``status(doc)``, ``document_reasons(doc)`` and
    ``copy(doc)``.
    """
    out: dict[str, dict[str, Any]] = {}
    for a in assessments:
        table = out.setdefault(a.locale, {})
        for doc in a.documents:
            copy = a.copy(doc)
            table[doc] = {"status": a.status(doc),
                          "completeness": copy.completeness if copy is not None else 0.0,
                          "machine_translation": copy.machine_share if copy is not None else 0.0,
                          "reasons": [str(r) for r in a.document_reasons(doc)]}
    return out


def merge_manifest(previous: Mapping[str, Any] | None, *, version: str, source_language: str,
                   built: Mapping[str, tuple[dict[str, Any], dict[str, str]]],
                   removed: tuple[str, ...] = (), articles: Mapping[str, dict[str, Any]] | None = None,
                   preview: bool = False) -> dict[str, Any]:
    """A new manifest: ``previous`` with the ``built`` locales replaced and ``removed`` ones dropped.

    ``built`` maps a locale to ``(documents, locale_files)``; ``articles``
    (see :func:`article_records`) replaces the records of its locales, the
    other locales' records are kept. ``preview`` marks a pseudo-locale's
    preview manifest.
    """
    locales = dict((previous or {}).get("locales", {}))
    records = dict((previous or {}).get("articles", {}))
    for loc in removed:
        locales.pop(loc, None)
        if not preview and loc not in (articles or {}):
            records.pop(loc, None)
    for loc, (documents, files) in built.items():
        locales[loc] = {"lang": to_bcp47(loc), "dir": direction(loc), "documents": documents, "files": files}
    for loc, table in (articles or {}).items():
        records[loc] = table
    if not preview:
        from l10n.locales import PSEUDO_LOCALES

        records = {loc: t for loc, t in records.items() if loc not in PSEUDO_LOCALES}
    out = {"format": FORMAT, "tool": "l10n", "version": version, "source_language": source_language,
           "locales": locales, "articles": records}
    if preview:
        out["preview"] = True
    return out


def dump_manifest(manifest: Mapping[str, Any]) -> bytes:
    """Deterministic JSON bytes (sorted keys, two-space indent, final newline)."""
    return (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def load_manifest(data: bytes, name: str) -> dict[str, Any]:
    """Parse a manifest; anything malformed is a :class:`PublishError` naming the file (and line)."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PublishError("manifest is not UTF-8", path=name) from None
    except RecursionError:
        raise PublishError("manifest is nested too deeply to be an l10n manifest", path=name) from None
    except json.JSONDecodeError as exc:
        raise PublishError(f"manifest is not valid JSON: {exc.msg}", path=name, line=exc.lineno) from None
    if not isinstance(value, dict) or not isinstance(value.get("locales"), dict):
        raise PublishError("not an l10n manifest (no 'locales' table)", path=name)
    if value.get("format") != FORMAT:
        raise PublishError(f"unsupported manifest format {value.get('format')!r} (expected {FORMAT})", path=name)
    for loc, entry in value["locales"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("documents"), dict):
            raise PublishError(f"locale {loc!r} has no 'documents' table", path=name)
    articles = value.get("articles", {})  # absent in manifests written before per-article records
    if not isinstance(articles, dict) or not all(
            isinstance(t, dict) and all(isinstance(r, dict) for r in t.values()) for t in articles.values()):
        raise PublishError("'articles' must map each locale to a table of article records", path=name)
    return value
