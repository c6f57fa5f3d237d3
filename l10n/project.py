"""The project on disk: the only module that knows the repository layout.

It turns paths into values for the core (documents, catalogs, glossary)
and values back into files, atomically and only when their content changes,
so that running a command twice leaves every file byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from l10n.execute import PARALLEL_FROM
from l10n.catalogs import Annotator, NullAnnotator, UpdateStats, build_template, generate_mo, mo_messages
from l10n.catalogs.pofile import encode_po_parts, shared_values
from l10n.catalogs.header import format_date, now
from l10n.config import Settings
from l10n.errors import CatalogError, SourceError
from l10n.fileio import atomic_write, file_stamp
from l10n.model import Document
from l10n.snapshot import rel, source_paths
from l10n.stages import TEMPLATE_DATES, dated_text, header_date, merge_catalog, parse_catalog

__all__ = ["FileResult", "compile_catalogs", "extract", "load_annotator", "load_documents", "read_catalog",
           "source_files", "update"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file a command produced: its path, whether it changed, and a summary."""

    path: Path
    written: bool
    summary: str
    stats: UpdateStats | None = None


def source_files(settings: Settings) -> list[Path]:
    """The source articles, sorted (files of other types, such as images, are ignored)."""
    return source_paths(settings)


def load_document(settings: Settings, path: Path, *, unit: str | None = None) -> Document:
    """Read and segment one source article."""
    name = path.relative_to(settings.source_docs).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", path=rel(settings, path)) from None
    try:
        from l10n.formats.documents import load

        return load(data, name, unit=unit or settings.unit, lang=settings.source_language)
    except SourceError as exc:
        raise SourceError(exc.message, path=rel(settings, path), line=exc.line) from None




@dataclass(frozen=True, slots=True)
class _JobError:
    """A worker's SourceError, carried back to the parent."""

    message: str
    line: int | None


def _segment_task(template_args: tuple | None, job: tuple[str, bytes, str, str]):
    """Segment one article in a worker (an executor task), and build its template when ``template_args``
    (annotator, project name, bugs address, creation date) are given.

    A SourceError comes back as a :class:`_JobError`: exceptions with
    keyword context do not cross process boundaries intact.
    """
    name, data, unit, lang = job
    try:
        from l10n.formats.documents import load

        doc = load(data, name, unit=unit, lang=lang)
    except SourceError as exc:
        return _JobError(exc.message, exc.line)
    if template_args is None:
        return doc
    annotator, project, bugs, created = template_args
    return doc.domain, build_template(doc, annotator=annotator, project=project, bugs=bugs, created=created)


def _parallel(paths: list[Path]) -> bool:
    from l10n.parallel import available_cpus, can_fork

    return len(paths) >= PARALLEL_FROM and available_cpus() > 1 and can_fork()


def _segment_all(settings: Settings, paths: list[Path], unit: str, template_args: tuple | None = None) -> list:
    """Read every article here, segment them on every core through the local executor (results in input order)."""
    from l10n.execute import LocalExecutor
    from l10n.parallel import available_cpus

    jobs = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read: {exc.strerror}", path=rel(settings, path)) from None
        jobs.append((path.relative_to(settings.source_docs).as_posix(), data, unit, settings.source_language))
    with LocalExecutor(min(available_cpus(), 8), min_items=2) as executor:
        results = executor.map(_segment_task, jobs, shared=template_args)
    for path, result in zip(paths, results):
        if isinstance(result, _JobError):
            raise SourceError(result.message, path=rel(settings, path), line=result.line)
    return results


def load_documents(settings: Settings, *, unit: str | None = None) -> list[Document]:
    """Every source article, segmented. Domains must be unique.

    A large project is segmented on every core (the work is pure and
    per-article); the result is the same, in the same order.
    """
    paths = source_files(settings)
    if _parallel(paths):
        docs = _segment_all(settings, paths, unit or settings.unit)
    else:
        docs = [load_document(settings, p, unit=unit) for p in paths]
    _unique_domains(settings, [(d.domain, d.name) for d in docs])
    return docs


def _unique_domains(settings: Settings, pairs: list[tuple[str, str]]) -> None:
    """Two articles must not share a catalog (``a.md`` and ``a.html``)."""
    seen: dict[str, str] = {}
    for domain, name in pairs:
        if domain in seen:
            raise SourceError(f"two documents map to the catalog {domain!r}: {seen[domain]} and {name}",
                              path=rel(settings, settings.source_docs))
        seen[domain] = name


def load_project_glossary(settings: Settings):
    """The project's glossary, or None when the project has none.

    A glossary named in ``[tool.l10n] glossary`` must exist: silently running
    without it would strip every disclaimer of its protection.
    """
    from l10n.errors import GlossaryError

    if not settings.glossary.is_file():
        if settings.glossary_configured:
            raise GlossaryError("glossary not found (configured in [tool.l10n] glossary)",
                                path=rel(settings, settings.glossary))
        return None
    from l10n.glossary import load_glossary

    return load_glossary(settings.glossary, settings)


def load_annotator(settings: Settings) -> Annotator:
    """The glossary as an annotator, or a null one when the project has no glossary."""
    glossary = load_project_glossary(settings)
    return NullAnnotator() if glossary is None else glossary


def read_catalog(path: Path, settings: Settings | None = None, *, locale: str | None = None,
                 layout: bool = True, lean: bool = False, seed: dict | None = None) -> polib.POFile:
    """Read a PO/POT file with errors naming the file and line (``layout=False``: one never written back;
    ``lean=True``: one never changed nor written; ``seed``: see :func:`l10n.stages.parse_catalog`)."""
    name = rel(settings, path) if settings else str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError("file not found", path=name) from None
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror}", path=name) from None
    return parse_catalog(data, name, locale, layout=layout, lean=lean, seed=seed)


def _write_dated(path: Path, po: polib.POFile, *fields: str) -> bool:
    """Write ``po``; the date header ``fields`` are refreshed only when something else changed."""
    old_text = None
    if path.exists():
        try:
            old_text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            old_text = None
    text = dated_text(po, old_text, fields, format_date(now()))
    return False if text is None else atomic_write(path, text.encode("utf-8"))


def _header_date(path: Path, field: str) -> str | None:
    """A date field from the header of a generated template (without parsing the whole file).

    The template is generated, so a missing or damaged one just gets a new date.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    return header_date(head, field)


def extract(settings: Settings, *, annotator: Annotator | None = None, unit: str | None = None,
            docs: list[Document] | None = None) -> list[FileResult]:
    """Write ``locales/<doc>.pot`` for every source article.

    Everything is read and built before the first file is written, so bad
    input (an unreadable article, a broken old template) writes nothing.
    """
    annotator = annotator or load_annotator(settings)
    planned = []
    paths = source_files(settings) if docs is None else []
    if docs is None and _parallel(paths):
        # segment and build templates on every core; dates, checks and writes stay here
        built = _segment_all(settings, paths, unit or settings.unit,
                             (annotator, settings.project_name, settings.bugs_address, ""))
        _unique_domains(settings, [(d, p.relative_to(settings.source_docs).as_posix())
                                   for (d, _), p in zip(built, paths)])
        for domain, pot in built:
            path = settings.pot_path(domain)
            pot.metadata["POT-Creation-Date"] = pot.metadata["PO-Revision-Date"] = (
                _header_date(path, "POT-Creation-Date") or format_date(now()))
            planned.append((path, pot))
        docs = []
    for doc in docs if docs is not None else load_documents(settings, unit=unit):
        path = settings.pot_path(doc.domain)
        created = _header_date(path, "POT-Creation-Date") or format_date(now())
        pot = build_template(doc, annotator=annotator, project=settings.project_name,
                             bugs=settings.bugs_address, created=created)
        planned.append((path, pot))
    results = []
    for path, pot in planned:
        written = _write_dated(path, pot, *TEMPLATE_DATES)
        results.append(FileResult(path, written, f"{len(pot)} messages"))
    return results


def templates(settings: Settings) -> list[Path]:
    """Every template in ``locales/``, sorted."""
    if not settings.locales_dir.is_dir():
        return []
    return sorted(settings.locales_dir.glob("*.pot"))


def _merged(settings: Settings, path: Path, pot: polib.POFile, locale: str, annotator: Annotator,
            fuzzy_matching: bool) -> tuple[list[bytes], UpdateStats]:
    """The catalog at ``path`` (if any) updated from ``pot``, as the bytes to write, in parts (text its charset
    cannot hold is refused here). Only the bytes are kept: the old and new catalogs are freed on return, the
    old one before the new one is encoded (its parts take the memory the old one had)."""
    # (its entries share the template's msgids and references: one copy of each in memory)
    old = read_catalog(path, settings, locale=locale, lean=True, seed=shared_values(pot)) if path.exists() else None
    po, stats = merge_catalog(pot, old, locale, annotator=annotator, fuzzy_matching=fuzzy_matching)
    del old  # what the new catalog needs of it (its entries' lines), the new one holds
    return encode_po_parts(po, name=rel(settings, path), consume=True), stats  # (po is dropped)


def update(settings: Settings, locales: tuple[str, ...], *, annotator: Annotator | None = None,
           fuzzy_matching: bool = True) -> list[FileResult]:
    """Create or update ``locales/<locale>/LC_MESSAGES/<doc>.po`` from the templates."""
    annotator = annotator or load_annotator(settings)
    pots = templates(settings)
    if not pots:
        raise CatalogError("no templates found; run `l10n extract` first", path=rel(settings, settings.locales_dir))
    loaded = [(p.stem, read_catalog(p, settings, layout=False, lean=True)) for p in pots]  # only read
    planned = []
    for locale in locales:  # read and merge everything first: bad input writes nothing
        for domain, pot in loaded:
            path = settings.po_path(locale, domain)
            stamp = file_stamp(path)  # before reading: a write after this is seen under the lock
            data, stats = _merged(settings, path, pot, locale, annotator, fuzzy_matching)
            planned.append((path, data, stats, (locale, pot, stamp)))
    results = []
    from l10n.catalogs.lock import catalog_lock

    for path, data, stats, (locale, pot, stamp) in planned:
        with catalog_lock(path, settings.state_dir, name=rel(settings, path)):
            if file_stamp(path) != stamp:  # written by another command meanwhile: merge what is there now
                data, stats = _merged(settings, path, pot, locale, annotator, fuzzy_matching)
            # like msgmerge: PO-Revision-Date is the translator's, update does not bump it
            written = atomic_write(path, data)
        summary = (f"{stats.total} messages: {stats.kept} kept, {stats.fuzzy} fuzzy-matched, {stats.new} new, "
                   f"{stats.obsolete} obsolete" + (f", {stats.approved} approved disclaimers filled"
                                                   if stats.approved else ""))
        results.append(FileResult(path, written, summary, stats))
    return results


def catalogs(settings: Settings, locales: tuple[str, ...]) -> list[tuple[str, str, Path]]:
    """(locale, domain, path) of every existing locale catalog."""
    out = []
    for locale in locales:
        folder = settings.locales_dir / locale / "LC_MESSAGES"
        for path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
            out.append((locale, path.stem, path))
    return out


def compile_catalogs(settings: Settings, locales: tuple[str, ...], *, use_fuzzy: bool = False) -> list[FileResult]:
    """Write ``<doc>.mo`` next to each ``<doc>.po`` (fuzzy entries excluded)."""
    planned = []
    for locale, domain, path in catalogs(settings, locales):  # read all first: bad input writes nothing
        po = read_catalog(path, settings, locale=locale)
        pairs = mo_messages(po, use_fuzzy=use_fuzzy, name=rel(settings, path), check_newlines=True)
        planned.append((path.with_suffix(".mo"), generate_mo(pairs), sum(1 for msgid, _ in pairs if msgid)))
    results = []
    for mo_path, data, count in planned:
        written = atomic_write(mo_path, data)
        results.append(FileResult(mo_path, written, f"{count} translations"))
    return results
