"""What an import into catalogs must pass: the checks of ``l10n check`` on what it brought in.

An XLIFF import (or any other import into catalogs) merges a translator's
units; :func:`check_merged` runs the same checks as ``l10n check`` (the
public :func:`l10n.checks.check_catalog`) on exactly those entries, each
checked *as it would be published* — as a reviewed translation, even when it
was merged as needing review — so a changed dose or a dropped negation is
seen at the import, not at some later ``check``. :func:`hold_unsafe` then
turns every merged entry with an error back into needing work (fuzzy): the
translator's text is kept, but it cannot be published until a person has
reviewed it.

:func:`import_xliff` is ``l10n xliff import`` without the printing: the
files read and validated (:func:`read_xliff_files`, :func:`import_targets`),
merged into their catalogs under the catalogs' locks, checked, held and
written; it returns an :class:`XliffImport` the command line reports.
:func:`write_conflicts` writes the conflicting units back out as XLIFF.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from l10n.model import Finding, Severity

__all__ = ["CatalogImport", "ImportTarget", "XliffImport", "approved_disclaimers", "check_merged", "hold_unsafe",
           "import_targets", "import_xliff", "machine_detector", "read_xliff_files", "reviewed_marker",
           "write_conflicts", "TmImport", "check_tm_units", "import_tmx"]


def check_merged(po: polib.POFile, merged: Iterable[tuple[str | None, str]], *, locale: str, glossary: Any,
                 template: polib.POFile | None = None, path: str = "", options: Mapping[str, Any] | None = None,
                 ignore: Iterable[str] = ()) -> list[Finding]:
    """The findings of ``l10n check`` on the ``merged`` entries ``(msgctxt, msgid)`` of ``po``, in file order.

    The rest of the catalog is context only (its own findings are not
    reported: the import did not cause them). ``po`` is not modified.
    """
    from l10n.checks import check_catalog

    wanted = set(merged)
    if not wanted:
        return []
    view = copy.deepcopy(po)
    for e in view:
        if not e.obsolete and (e.msgctxt, e.msgid) in wanted:  # checked as it would be published
            e.flags = [f for f in e.flags if f != "fuzzy"]
            e.previous_msgid = e.previous_msgctxt = None
    found = check_catalog(view, locale=locale, glossary=glossary, template=template, path=path,
                          options=options, ignore=ignore)
    return [f for f in found if (f.msgctxt, f.msgid) in wanted]


def hold_unsafe(po: polib.POFile, findings: Iterable[Finding]) -> list[polib.POEntry]:
    """Mark fuzzy every entry of ``po`` with a finding at error severity or above; the entries newly marked."""
    keys = {(f.msgctxt, f.msgid) for f in findings if f.severity >= Severity.ERROR}
    held = []
    for e in po:
        if not e.obsolete and (e.msgctxt, e.msgid) in keys and "fuzzy" not in e.flags:
            e.flags.insert(0, "fuzzy")
            held.append(e)
    return held


def machine_detector() -> Callable[[polib.POEntry], bool]:
    """``l10n.translate.is_machine_translation`` when the translate stage is installed."""
    try:
        from l10n.translate import is_machine_translation
    except ImportError:
        return lambda entry: False
    return is_machine_translation


def reviewed_marker() -> Callable[[polib.POEntry], None] | None:
    """``l10n.translate.mark_reviewed`` (drops machine-translation marks) when available."""
    try:
        from l10n.translate import mark_reviewed
    except ImportError:
        return None
    return mark_reviewed


def approved_disclaimers(annotator: Any, po: polib.POFile, locale: str) -> dict[str, str]:
    """disclaimer id -> approved (not stale) translation, for the disclaimers of ``po``."""
    from l10n.model import DISCLAIMER_PREFIX

    out = {}
    for e in po:
        if e.msgctxt and e.msgctxt.startswith(DISCLAIMER_PREFIX):
            did = e.msgctxt[len(DISCLAIMER_PREFIX):]
            appr = annotator.approved(did, locale)
            if appr is not None and not appr.stale:
                out[did] = appr.text
    return out


def read_xliff_files(files: Iterable[Path]) -> list[Any]:
    """Every ``<file>`` of the XLIFF ``files``, read and validated (unreadable: :class:`CatalogError`)."""
    from l10n.errors import CatalogError
    from l10n.formats.xliff import read_xliff

    parsed = []
    for f in files:
        name = str(f)
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror}", path=name) from None
        parsed.extend(read_xliff(data, name))
    return parsed


@dataclass(frozen=True, slots=True)
class ImportTarget:
    """An XLIFF ``<file>`` and the catalog it goes into."""

    xliff: Any
    locale: str
    path: Path


def import_targets(settings: Any, parsed: Iterable[Any]) -> list[ImportTarget]:
    """The catalog of each XLIFF file (its target-language and document); one that does not exist is an error."""
    from l10n.errors import CatalogError, LocaleError
    from l10n.locales import normalize_locale
    from l10n.project import rel

    out = []
    for xf in parsed:
        try:
            loc = normalize_locale(xf.target_language)
        except LocaleError as exc:
            raise LocaleError(f"target-language {xf.target_language!r}: {exc.message}", path=xf.name) from None
        path = settings.po_path(loc, xf.domain)
        if not path.is_file():
            raise CatalogError(f"no catalog {rel(settings, path)} for this file (original={xf.original!r}, "
                               f"target-language={xf.target_language!r})", path=xf.name, line=xf.line or None)
        out.append(ImportTarget(xf, loc, path))
    return out


@dataclass
class CatalogImport:
    """One catalog of an import: as it was read, as merged, what changed, what was held for review."""

    path: Path
    locale: str
    as_read: polib.POFile
    po: polib.POFile
    changed: int = 0
    #: ``(msgctxt, msgid)`` of the entries the import merged
    merged: list = field(default_factory=list)
    #: merged entries marked fuzzy because a check failed on them
    held: int = 0
    written: bool = False


@dataclass
class XliffImport:
    """What :func:`import_xliff` did: per catalog, the units not merged (with their catalog), the findings."""

    catalogs: dict[Path, CatalogImport]
    problems: list[tuple[Path, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """Findings at error severity (their entries are kept, as fuzzy)."""
        return sum(1 for f in self.findings if f.severity >= Severity.ERROR)

    @property
    def conflicts(self) -> int:
        """Units changed both in the file and in the catalog, not merged."""
        return sum(1 for _, p in self.problems if p.kind == "conflict")


def import_xliff(settings: Any, targets: list[ImportTarget], *, annotator: Any, take: str | None = None,
                 check_options: tuple[Mapping[str, Any], Iterable[str]] = ({}, ())) -> XliffImport:
    """Merge every target's units into its catalog, under the catalogs' locks; check, hold and write them.

    Each catalog is read under the lock (what is on disk now) and must be
    the one its file was exported for, else nothing is written
    (:class:`CatalogError`). Merged units go through :func:`check_merged`
    (``check_options``: the ``[tool.l10n.check]`` options and disabled
    codes); one with an error is held (:func:`hold_unsafe`). A catalog is
    written only when the import changed it.
    """
    from l10n.catalogs.lock import catalog_locks
    from l10n.formats.xliff import merge_xliff
    from l10n.project import rel

    machine, reviewed = machine_detector(), reviewed_marker()
    with catalog_locks([t.path for t in targets], settings.state_dir,
                       names={t.path: rel(settings, t.path) for t in targets}):
        result = XliffImport(_read_targets(settings, targets))
        for t in targets:
            cat = result.catalogs[t.path]
            merged = merge_xliff(cat.po, t.xliff, approved=approved_disclaimers(annotator, cat.po, t.locale),
                                 machine=machine, mark_reviewed=reviewed, take=take, locale=t.locale)
            cat.po = merged.po
            cat.changed += merged.changed
            cat.merged.extend(merged.merged)
            result.problems.extend((t.path, p) for p in merged.problems)
        _check_imported(settings, result, check_options)
        _write_imported(result)
    return result


def _read_targets(settings: Any, targets: list[ImportTarget]) -> dict[Path, CatalogImport]:
    """Each target catalog once, read now; an XLIFF file not exported from it is a :class:`CatalogError`."""
    from l10n.errors import CatalogError
    from l10n.formats.xliff import document_of, identity_problem
    from l10n.project import read_catalog, rel

    catalogs: dict[Path, CatalogImport] = {}
    for t in targets:
        if t.path not in catalogs:
            po = read_catalog(t.path, settings, locale=t.locale)
            catalogs[t.path] = CatalogImport(t.path, t.locale, po, po)
        po = catalogs[t.path].po
        why = identity_problem(t.xliff, locale=po.metadata.get("Language") or t.locale,
                               source_language=settings.source_language, document=document_of(po))
        if why:
            raise CatalogError(f"{why}; not imported ({rel(settings, t.path)}), nothing was written",
                               path=t.xliff.name, line=t.xliff.line or None)
    return catalogs


def _check_imported(settings: Any, result: XliffImport, check_options: tuple[Mapping[str, Any], Iterable[str]]
                    ) -> None:
    """Check the merged units of every catalog; hold (fuzzy) those with errors."""
    from l10n.project import load_project_glossary, read_catalog, rel

    glossary = load_project_glossary(settings) if any(c.merged for c in result.catalogs.values()) else None
    options, ignore = check_options
    for path, cat in result.catalogs.items():
        if not cat.merged:
            continue
        pot = settings.pot_path(path.stem)
        template = read_catalog(pot, settings) if pot.is_file() else None
        found = check_merged(cat.po, cat.merged, locale=path.parent.parent.name, glossary=glossary,
                             template=template, path=rel(settings, path), options=options, ignore=ignore)
        cat.held = len(hold_unsafe(cat.po, found))
        result.findings.extend(found)


def _write_imported(result: XliffImport) -> None:
    """Write every catalog the import changed, with a new revision date."""
    from l10n.catalogs.header import format_date, now
    from l10n.catalogs.pofile import encode_po
    from l10n.fileio import atomic_write

    for path, cat in result.catalogs.items():
        if cat.changed:
            cat.po.metadata["PO-Revision-Date"] = format_date(now())
            cat.written = atomic_write(path, encode_po(cat.po, or_utf8=True))


def write_conflicts(settings: Any, result: XliffImport, folder: Path, *, annotator: Any,
                    tool_version: str = "") -> Iterator[tuple[Path, int]]:
    """Write each catalog's conflicting units to ``<folder>/<locale>/<doc>.conflicts.xlf``, from the catalog
    as it was read; yields each file written and its number of conflicts."""
    from l10n.errors import CatalogError
    from l10n.fileio import atomic_write
    from l10n.formats.xliff import conflicts_to_xliff

    machine = machine_detector()
    for path, cat in result.catalogs.items():
        mine = [p for q, p in result.problems if q == path and p.kind == "conflict"]
        if not mine:
            continue
        out = folder / cat.locale / f"{path.stem}.conflicts.xlf"
        data = conflicts_to_xliff(cat.as_read, mine, locale=cat.locale, source_language=settings.source_language,
                                  approved=approved_disclaimers(annotator, cat.as_read, cat.locale), machine=machine,
                                  tool_version=tool_version)
        try:
            atomic_write(out, data)
        except OSError as exc:
            raise CatalogError(f"cannot write: {exc.strerror or exc}", path=str(out)) from None
        yield out, len(mine)


@dataclass
class TmImport:
    """What :func:`import_tmx` did: units imported and skipped, the findings, the conflicts not imported."""

    #: the translation memory's file (None: a server's, see ``memory``)
    path: Path | None
    imported: int = 0
    #: units not taken: machine translations, or from another source language
    skipped: int = 0
    findings: list[Finding] = field(default_factory=list)
    #: ``(record, locale, the memory's text)`` of each unit changed on both sides
    conflicts: list[tuple[Any, str, str]] = field(default_factory=list)
    #: ``(locale, source)`` of the units with a check error (not imported)
    unsafe: set[tuple[str, str]] = field(default_factory=set)
    #: the translation memory as named in messages (a path, or a URL without its password)
    memory: str = ""

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity >= Severity.ERROR)


def import_tmx(settings: Any, file: Path, *, take: str | None = None,
               check_options: tuple[Mapping[str, Any], Iterable[str]] = ({}, ())) -> TmImport:
    """``l10n tm import``: seed the translation memory with the human translations of a TMX file.

    Units are checked first (:func:`check_tm_units`); one with an error is
    not imported. A unit whose memory holds another human translation is
    imported only when the memory did not move since the export (or
    ``take="theirs"``); otherwise it is a conflict (``take=None``) or kept
    out (``take="ours"``).
    """
    from l10n.errors import CatalogError
    from l10n.formats.tmx import parse_tmx, same_language

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror}", path=str(file)) from None
    records = parse_tmx(data, str(file))
    # BCP 47 matching: en-US is English; fr-FR serves the locale fr; pt_BR needs pt-BR (pt-PT is another locale)
    usable = [r for r in records if r.origin != "machine" and same_language(r.source_lang, settings.source_language)]
    try:
        from l10n.translate.store import locate, open_location
    except ImportError:
        raise CatalogError("the translation memory is not available in this installation "
                           "(l10n.translate.store is missing)") from None
    located = _locate_tm_units(settings, usable)
    where = locate(settings)  # $L10N_TM, [tool.l10n] tm, or .l10n/tm.sqlite
    result = TmImport(Path(where.target) if where.kind == "sqlite" else None, memory=where.shown,
                      skipped=len(records) - len(usable))
    result.findings = check_tm_units(settings, located, check_options)
    result.unsafe = {(f.locale, f.msgid) for f in result.findings if f.severity >= Severity.ERROR}
    tm = open_location(where)
    try:
        for r, target_lang in located:
            if (target_lang, r.source) not in result.unsafe:
                _seed_unit(tm, settings.source_language, r, target_lang, take, result)
    finally:
        tm.close()
    return result


def _locate_tm_units(settings: Any, usable: Iterable[Any]) -> list[tuple[Any, str]]:
    """Each unit with the locale it serves (a configured one it matches, else its own); unknown codes dropped."""
    from l10n.errors import LocaleError
    from l10n.formats.tmx import match_locale
    from l10n.locales import normalize_locale

    located = []
    for r in usable:
        target_lang = match_locale(r.target_lang, settings.locales)
        if target_lang is None:
            try:
                target_lang = normalize_locale(r.target_lang)
            except LocaleError:
                continue
        located.append((r, target_lang))
    return located


def _seed_unit(tm: Any, source_language: str, r: Any, target_lang: str, take: str | None, result: TmImport) -> None:
    """Import one checked unit into the memory, unless the memory holds another human translation that moved."""
    from l10n.formats.tmx import tm_base

    held = tm.human(r.source, source_language, target_lang)
    if held is not None and held != r.target:
        if r.base and tm_base(r.target) == r.base:
            return  # not changed in the file since the export: the memory's newer text stays
        memory_moved = not r.base or tm_base(held) != r.base
        if memory_moved and take != "theirs":
            if take is None:
                result.conflicts.append((r, target_lang, held))
            return
    if held != r.target:
        tm.add_human(r.source, r.target, source_language, target_lang, commit=False)
    result.imported += 1


def check_tm_units(settings: Any, located: list[tuple[Any, str]],
                   check_options: tuple[Mapping[str, Any], Iterable[str]] = ({}, ())) -> list[Finding]:
    """The findings of `l10n check` on TMX units, each checked as a reviewed catalog entry of its locale."""
    from l10n.project import load_project_glossary

    if not located:
        return []
    glossary = load_project_glossary(settings)
    options, ignore = check_options
    by_locale: dict[str, dict[str, str]] = {}
    for r, loc in located:
        by_locale.setdefault(loc, {}).setdefault(r.source, r.target)
    findings = []
    for loc, pairs in by_locale.items():
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": loc}
        for source, target in pairs.items():
            po.append(polib.POEntry(msgid=source, msgstr=target))
        findings.extend(check_merged(po, [(None, s) for s in pairs], locale=loc, glossary=glossary,
                                     options=options, ignore=ignore))
    return findings
