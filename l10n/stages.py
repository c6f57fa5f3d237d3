"""The catalog stages as pure functions of bytes: extract (article -> template), update (template + catalog ->
catalog).

Each task is a module-level ``fn(shared, item)`` for an :class:`~l10n.execute.Executor`: ``shared`` is
the run's context (the glossary as an annotator, the project's settings as values), ``item`` a frozen
value holding the bytes of the task's inputs. A task reads no file and writes none: its result is a
function of its inputs' bytes, so :mod:`l10n.execute.stagecache` can key it by their hashes, and
:mod:`l10n.project` and :func:`l10n.publish.pipeline.run` write the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from l10n.catalogs import Annotator, UpdateStats, build_template, generate_po, read_po, update_catalog
from l10n.catalogs.header import format_date, now
from l10n.catalogs.plurals import declared_forms
from l10n.catalogs.pofile import carry_layout, encode_po, shared_values
from l10n.errors import SourceError

__all__ = ["CatalogItem", "CatalogOut", "TemplateContext", "TemplateItem", "TemplateOut", "UpdateContext",
           "EXTRACT_VERSION", "UPDATE_VERSION", "dated_text", "extract_template", "header_date", "merge_catalog",
           "parse_catalog", "update_catalog_bytes"]

#: bump when a stage's output for the same input bytes changes (it is part of every cache key)
EXTRACT_VERSION = "1"
UPDATE_VERSION = "1"

#: the date fields of a template that a change refreshes
TEMPLATE_DATES = ("POT-Creation-Date", "PO-Revision-Date")


def header_date(head: str, field: str) -> str | None:
    """A date field from the start of a generated template (its first 4 KB, without parsing the file)."""
    m = re.search(rf'^"{re.escape(field)}: ([^"\\]*)\\n"$', head.split("\n\n", 1)[0], re.M)
    return m.group(1) if m else None


def dated_text(po: polib.POFile, old_text: str | None, fields: tuple[str, ...], fresh: str) -> str | None:
    """The text to write for ``po`` over a file holding ``old_text``: None when it is the same; else the
    date header ``fields`` are set to ``fresh`` (in ``po.metadata`` too)."""
    text: str | None = generate_po(po)
    if old_text is not None and text == old_text:
        return None
    for name in fields:
        stale = po.metadata.get(name)
        po.metadata[name] = fresh
        # polib never wraps header lines, so the date is one line: swap it in
        # rather than generating the whole file again
        line = f'"{name}: {stale}\\n"\n'
        if text is not None and stale is not None and text.count(line) == 1:
            text = text.replace(line, f'"{name}: {fresh}\\n"\n')
        else:
            text = None
    return text if text is not None else generate_po(po)


def parse_catalog(data: bytes, name: str, locale: str | None = None, *, layout: bool = True,
                  lean: bool = False, seed: dict | None = None) -> polib.POFile:
    """Parse a PO/POT file's bytes; a locale catalog's own ``Plural-Forms`` is checked (errors name ``name``).

    ``layout=False``: a catalog never written back; ``lean=True``: one never changed nor written, its entries
    :class:`~l10n.catalogs.pofile.ReadEntry`; ``seed``: values its entries share with another catalog (see
    :func:`~l10n.catalogs.pofile.read_po`)."""
    po = read_po(data, name, layout=layout, lean=lean, seed=seed)
    if not name.endswith(".pot"):
        declared_forms(po, locale, name=name, data=data)  # the catalog's own Plural-Forms is its truth
    return po


def merge_catalog(pot: polib.POFile, old: polib.POFile | None, locale: str, *, annotator: Annotator,
                  fuzzy_matching: bool = True, fresh: str | None = None) -> tuple[polib.POFile, UpdateStats]:
    """``old`` (None: a new catalog) updated from ``pot``, written back as it was read where nothing changed.

    Like msgmerge, the translator's ``PO-Revision-Date`` is kept (a new catalog takes the template's date, or
    ``fresh`` for a template without one; None: now, on this machine's clock — a task passes its caller's).
    """
    revised = old.metadata.get("PO-Revision-Date") if old is not None else None
    if not revised:
        revised = pot.metadata.get("POT-Creation-Date")
    if revised is None:
        revised = fresh if fresh is not None else format_date(now())
    po, stats = update_catalog(pot, old, locale, annotator=annotator, revised=revised, fuzzy_matching=fuzzy_matching)
    if old is not None:  # written back as it was read where nothing changed, in its charset
        carry_layout(po, old)
    return po, stats


@dataclass(frozen=True, slots=True)
class TemplateContext:
    """What every extract task shares: the glossary (annotator) and the project's settings."""

    annotator: Annotator
    project: str
    bugs: str
    unit: str
    lang: str


@dataclass(frozen=True, slots=True)
class TemplateItem:
    """One article to extract: its name (relative to ``source_docs/``), the path to name in errors, its bytes,
    the current template's bytes (None: none yet) and the date a changed template gets."""

    name: str
    where: str
    data: bytes
    old_template: bytes | None
    fresh: str


@dataclass(frozen=True, slots=True)
class TemplateOut:
    """A template's bytes (the old ones when nothing changed), whether they changed, and its entry count."""

    data: bytes
    changed: bool
    messages: int


def extract_template(ctx: TemplateContext, item: TemplateItem) -> TemplateOut:
    """Segment one article and build its template (a task: pure, bytes in, bytes out).

    The template keeps the current one's ``POT-Creation-Date`` while its text is unchanged; a
    changed one is dated ``item.fresh``.
    """
    from l10n.formats.documents import load

    try:
        doc = load(item.data, item.name, unit=ctx.unit, lang=ctx.lang)
    except SourceError as exc:
        raise SourceError(exc.message, path=item.where, line=exc.line) from None
    old = item.old_template
    created = (header_date(old[:4096].decode("utf-8", "replace"), "POT-Creation-Date") if old is not None
               else None) or item.fresh
    pot = build_template(doc, annotator=ctx.annotator, project=ctx.project, bugs=ctx.bugs, created=created)
    try:
        old_text = old.decode("utf-8") if old is not None else None
    except UnicodeDecodeError:
        old_text = None
    text = dated_text(pot, old_text, TEMPLATE_DATES, item.fresh)
    if text is None:
        return TemplateOut(old, False, len(pot))  # type: ignore[arg-type]
    return TemplateOut(text.encode("utf-8"), True, len(pot))


@dataclass(frozen=True, slots=True)
class UpdateContext:
    """What every update task shares: ``fresh`` is the run's date (the caller's clock, never the worker's), for a
    new catalog of a template without one."""

    annotator: Annotator
    fresh: str
    fuzzy_matching: bool = True


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """One catalog to update: its locale, the template (name, bytes), its name for errors and its bytes
    (None: a new catalog)."""

    locale: str
    template_name: str
    template: bytes
    name: str
    old: bytes | None


@dataclass(frozen=True, slots=True)
class CatalogOut:
    """An updated catalog's bytes and what the update did (None: not recorded, for a catalog the cache
    knows to be its own update)."""

    data: bytes
    stats: UpdateStats | None


def update_catalog_bytes(ctx: UpdateContext, item: CatalogItem) -> CatalogOut:
    """Update one catalog from its template (a task: pure, bytes in, bytes out)."""
    # neither is changed nor written (the new catalog is), and the template's lines are not carried over
    pot = parse_catalog(item.template, item.template_name, layout=False, lean=True)
    old = parse_catalog(item.old, item.name, item.locale, lean=True, seed=shared_values(pot)) \
        if item.old is not None else None
    po, stats = merge_catalog(pot, old, item.locale, annotator=ctx.annotator, fuzzy_matching=ctx.fuzzy_matching,
                              fresh=ctx.fresh)
    return CatalogOut(encode_po(po, name=item.name), stats)
