"""The publishing stage as a pure task over bytes: assess one article in one locale.

``assess(document, catalog, template, glossary, policy) -> decision + page``: the task parses the
article and its catalogs from bytes, runs the checks on the catalog as it will be published, builds the
copy in memory (:func:`l10n.publish.build.build_document`, which renders the pages) and re-checks the
rendered pages. Its result (findings, reasons, the copy with its files' bytes, the catalog's header) is a
value: :func:`l10n.publish.pipeline.run` caches it under the hashes of the inputs
(:mod:`l10n.execute.stagecache`) and writes the pages at the end.

The assessment itself is :func:`l10n.publish.pipeline.assess_document` (the one ``l10n build``,
``status`` and ``report`` use); it reaches the task through the shared context, so this module does not
import the pipeline (no import cycle).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.errors import SourceError
from l10n.execute.stagecache import stage_key
from l10n.model import Finding
from l10n.publish.build import CopyBuild
from l10n.snapshot import Snapshot, rel
from l10n.stages import parse_catalog

__all__ = ["ASSESS_VERSION", "AssessItem", "AssessOut", "AssessShared", "assess_key", "assess_task"]

#: bump when the assessment of the same bytes changes (it is part of every cache key)
ASSESS_VERSION = "1"


@dataclass(frozen=True, slots=True)
class AssessItem:
    """One (article, locale) to assess: the article's name and bytes, its catalog and template (path, bytes)."""

    locale: str
    name: str
    document: bytes
    catalog_path: Path
    catalog: bytes
    template_path: Path
    template: bytes | None


@dataclass(frozen=True, slots=True)
class AssessOut:
    """The assessment of one (article, locale): findings, reasons not to publish, the copy, the catalog header."""

    findings: tuple[Finding, ...]
    reasons: tuple[Any, ...]
    copy: CopyBuild
    header: tuple[tuple[str, str], ...]
    #: a copy with no reason against it: its MO and manifest entry (what publishing it adds to its pages)
    prebuilt: tuple[bytes, Any] | None = None  # (MO, manifest DocumentRecord)


@dataclass(frozen=True)
class AssessShared:
    """The run's context for assess tasks: one document context per locale, the assessment function and the
    one that prepares a publishable copy's MO and manifest entry."""

    contexts: Mapping[str, Any]
    assess: Callable[..., tuple[list[Finding], list[Any], CopyBuild]]
    prebuild: Callable[..., tuple[bytes, dict[str, Any]]]


def assess_task(shared: AssessShared, item: AssessItem) -> AssessOut:
    """Assess one article in one locale from bytes (a task)."""
    from l10n.formats.documents import load

    ctx = shared.contexts[item.locale]
    settings = ctx.settings
    try:
        doc = load(item.document, item.name, unit=settings.unit, lang=settings.source_language)
    except SourceError as exc:
        raise SourceError(exc.message, path=rel(settings, settings.source_docs / item.name), line=exc.line) from None
    po = parse_catalog(item.catalog, rel(settings, item.catalog_path), item.locale)
    template = None
    if ctx.checks is not None and item.template is not None:
        template = parse_catalog(item.template, rel(settings, item.template_path))
    found, reasons, copy = shared.assess(ctx, doc, po, template, item.catalog_path)
    prebuilt = None if reasons else shared.prebuild(settings, copy, po, item.catalog_path, item.catalog)
    return AssessOut(tuple(found), tuple(reasons), copy, tuple(po.metadata.items()), prebuilt)


def assess_key(snapshot: Snapshot, locale: str, name: str, document_hash: str, domain: str) -> str:
    """The cache key of assessing ``name`` in ``locale``: the hashes of everything the assessment reads."""
    catalog = snapshot.catalog(locale, domain)
    template = snapshot.template(domain)
    return stage_key("assess", ASSESS_VERSION, locale, name, document_hash,
                     catalog.sha256 if catalog is not None else "-", template.sha256 if template is not None else "-",
                     snapshot.glossary_hash, snapshot.config_hash, snapshot.assets_hash)
