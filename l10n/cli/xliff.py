"""CLI commands: ``l10n xliff export|import`` and ``l10n tm export|import`` (registered on import)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, err_console, settings_for
from l10n.errors import CatalogError

if TYPE_CHECKING:
    import polib

xliff_app = typer.Typer(help="Exchange catalogs with CAT tools (Trados, memoQ, OmegaT, Phrase) as XLIFF 1.2.\n\n"
                             "Examples:\n\n    l10n xliff export -l es -o handoff/\n\n"
                             "    l10n xliff import handoff/es/kratom-harm-reduction.xlf",
                        no_args_is_help=True, rich_markup_mode=None)
tm_app = typer.Typer(help="Exchange the translation memory with CAT tools as TMX 1.4.\n\n"
                          "Examples:\n\n    l10n tm export --format tmx -o memory.tmx\n\n"
                          "    l10n tm import memoq-export.tmx", no_args_is_help=True,
                     rich_markup_mode=None)
app.add_typer(xliff_app, name="xliff")
app.add_typer(tm_app, name="tm")


def _machine_detector():
    """``l10n.translate.is_machine_translation`` when the translate stage is installed."""
    try:
        from l10n.translate import is_machine_translation
    except ImportError:
        return lambda entry: False
    return is_machine_translation


def _reviewed_marker():
    """``l10n.translate.mark_reviewed`` (drops machine-translation marks) when available."""
    try:
        from l10n.translate import mark_reviewed
    except ImportError:
        return None
    return mark_reviewed


def _approved(annotator, po: polib.POFile, locale: str) -> dict[str, str]:
    """disclaimer id -> approved (not stale) translation, for the disclaimers of ``po``."""
    from l10n.catalogs import DISCLAIMER_PREFIX

    out = {}
    for e in po:
        if e.msgctxt and e.msgctxt.startswith(DISCLAIMER_PREFIX):
            did = e.msgctxt[len(DISCLAIMER_PREFIX):]
            appr = annotator.approved(did, locale)
            if appr is not None and not appr.stale:
                out[did] = appr.text
    return out


def _unwritable(path: Path) -> str | None:
    """Why ``path`` cannot be written (created with its folders), or None when it can; nothing is created."""
    import os

    if path.is_dir():
        return "a folder is in the way"
    if path.exists():
        return None if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK) else "permission denied"
    folder = path.parent
    while not folder.exists():
        if folder.is_symlink():
            return f"{folder} is a broken link"
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot create files in {folder}: permission denied"
    return None


@xliff_app.command("export")
def export_cmd(docs: Annotated[list[str] | None, typer.Argument(
                   help="Documents (catalog names such as kratom-harm-reduction, or source file names). "
                        "Default: all.")] = None,
               locale: LocaleOpt = None, project: ProjectOpt = None,
               out: Annotated[Path | None, typer.Option("--output", "-o", file_okay=False,
                                                        help="Folder (default: xliff/ in the project); "
                                                             "files go to <folder>/<locale>/<doc>.xlf.")] = None
               ) -> None:
    """Export locale catalogs as XLIFF 1.2 for a CAT tool, one file per document.

    Inline markup becomes XLIFF tags, notes carry the glossary and disclaimer
    guidance, and approved safety disclaimers are locked (translate="no").

    Examples:

        l10n xliff export -l es

        l10n xliff export -l pt-BR kratom-harm-reduction -o handoff/
    """
    from l10n import __version__
    from l10n.fileio import atomic_write
    from l10n.formats.xliff import catalog_to_xliff
    from l10n.project import load_annotator, read_catalog, rel

    settings = settings_for(project)
    locales = settings.resolve_locales(locale)
    folder = out.resolve() if out else settings.root / "xliff"
    annotator = load_annotator(settings)
    wanted = {Path(d).name.rsplit(".", 1)[0] if "." in Path(d).name else Path(d).name for d in docs or []}
    machine = _machine_detector()
    found = set()
    outputs = []  # everything is read and converted before anything is written
    for loc in locales:
        catalog_dir = settings.locales_dir / loc / "LC_MESSAGES"
        paths = sorted(catalog_dir.glob("*.po")) if catalog_dir.is_dir() else []
        if not paths:
            raise CatalogError(f"no catalogs for {loc}; run `l10n update -l {loc}` first",
                               path=rel(settings, catalog_dir))
        for path in paths:
            if wanted and path.stem not in wanted:
                continue
            found.add(path.stem)
            po = read_catalog(path, settings, locale=loc)
            data = catalog_to_xliff(po, locale=loc, source_language=settings.source_language,
                                    approved=_approved(annotator, po, loc), machine=machine,
                                    tool_version=__version__)
            summary = (f"{len(po.translated_entries())} of {len([e for e in po if not e.obsolete])} translated")
            outputs.append((folder / loc / f"{path.stem}.xlf", data, summary))
    missing = sorted(wanted - found)
    if missing:
        raise CatalogError(f"no catalog named {', '.join(missing)} (see locales/<locale>/LC_MESSAGES/)")
    for target, _data, _summary in outputs:  # every path is checked before anything is written
        reason = _unwritable(target)
        if reason:
            raise CatalogError(f"cannot write: {reason}; nothing was written", path=rel(settings, target))
    for target, data, summary in outputs:
        try:
            written = atomic_write(target, data)
        except OSError as exc:
            raise CatalogError(f"cannot write: {exc.strerror or exc}", path=rel(settings, target)) from None
        console.print(f"{rel(settings, target)}: {summary} ({'written' if written else 'unchanged'})", markup=False)


@xliff_app.command("import")
def import_cmd(files: Annotated[list[Path], typer.Argument(help="XLIFF files returned by the translator.",
                                                           exists=False)],
               project: ProjectOpt = None) -> None:
    """Merge the translations of XLIFF files back into the PO catalogs.

    Every file is read and validated first; if any is invalid or hostile,
    nothing is written. Units whose English source changed since the export,
    and edits to locked safety disclaimers, are reported and not merged
    (exit code 1).

    Examples:

        l10n xliff import xliff/es/kratom-harm-reduction.xlf

        l10n xliff import returned/*.xlf
    """
    from l10n.catalogs.pofile import encode_po
    from l10n.fileio import atomic_write
    from l10n.catalogs.header import format_date, now
    from l10n.formats.xliff import merge_xliff, read_xliff
    from l10n.locales import normalize_locale
    from l10n.project import load_annotator, read_catalog, rel

    settings = settings_for(project)
    parsed = []
    for f in files:
        name = str(f)
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror}", path=name) from None
        parsed.extend(read_xliff(data, name))
    annotator = load_annotator(settings)
    machine, reviewed = _machine_detector(), _reviewed_marker()
    catalogs: dict[Path, tuple[polib.POFile, bytes, str]] = {}
    problems = []
    changed: dict[Path, int] = {}
    from l10n.errors import LocaleError

    for xf in parsed:
        try:
            loc = normalize_locale(xf.target_language)
        except LocaleError as exc:
            raise LocaleError(f"target-language {xf.target_language!r}: {exc.message}", path=xf.name) from None
        path = settings.po_path(loc, xf.domain)
        if path not in catalogs:
            if not path.is_file():
                raise CatalogError(f"no catalog {rel(settings, path)} for this file (original={xf.original!r}, "
                                   f"target-language={xf.target_language!r})", path=xf.name)
            original = path.read_bytes()
            catalogs[path] = (read_catalog(path, settings, locale=loc), original, loc)
        po, original, loc = catalogs[path]
        result = merge_xliff(po, xf, approved=_approved(annotator, po, loc), machine=machine,
                             mark_reviewed=reviewed)
        catalogs[path] = (result.po, original, loc)
        changed[path] = changed.get(path, 0) + result.changed
        problems.extend(result.problems)
    for path, (po, original, _loc) in catalogs.items():
        if changed[path]:
            po.metadata["PO-Revision-Date"] = format_date(now())
            written = atomic_write(path, encode_po(po, or_utf8=True))
        else:
            written = False
        console.print(f"{rel(settings, path)}: {changed[path]} translations merged "
                      f"({'written' if written else 'unchanged'})", markup=False)
    for p in problems:
        err_console.print(f"{p.kind}: {p}", markup=False)
    if problems:
        err_console.print(f"{len(problems)} unit(s) not merged", markup=False)
        raise typer.Exit(1)


@tm_app.command("export")
def tm_export_cmd(fmt: Annotated[str, typer.Option("--format", help="Only 'tmx' (TMX 1.4).")] = "tmx",
                  out: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False,
                                                           help="File (default: tm.tmx in the project).")] = None,
                  locale: LocaleOpt = None,
                  from_catalogs: Annotated[bool, typer.Option(
                      "--from-catalogs/--memory-only",
                      help="Also add the human translations in the PO catalogs (default: on).")] = True,
                  project: ProjectOpt = None) -> None:
    """Export the translation memory as TMX 1.4 for CAT tools.

    Entries are marked human or machine (<prop type="x-origin">) with the
    engine that produced them (creationid). Reviewed translations from the
    PO catalogs (not fuzzy, not machine translated) are included too.

    Examples:

        l10n tm export --format tmx -o memory.tmx

        l10n tm export -l es --memory-only
    """
    from l10n.fileio import atomic_write
    from l10n.formats.tmx import generate_tmx
    from l10n.project import rel

    if fmt != "tmx":
        raise typer.BadParameter("only 'tmx' is supported", param_hint="--format")
    settings = settings_for(project)
    locales = settings.resolve_locales(locale)
    records = _memory_records(settings, locales)
    n_memory = len(records)
    if from_catalogs:
        records += _catalog_records(settings, locales, {(r.source, r.target, r.target_lang) for r in records})
    from l10n import __version__

    target = out.resolve() if out else settings.root / "tm.tmx"
    written = atomic_write(target, generate_tmx(records, source_language=settings.source_language,
                                                tool_version=__version__))
    console.print(f"{rel(settings, target)}: {len(records)} translation units ({n_memory} from the memory, "
                  f"{len(records) - n_memory} from the catalogs) ({'written' if written else 'unchanged'})",
                  markup=False)


def _memory_records(settings, locales: tuple[str, ...]) -> list:
    from l10n.formats.tmx import TMRecord

    try:
        from l10n.translate.memory import TranslationMemory
    except ImportError:
        return []
    path = settings.state_dir / "tm.sqlite"
    if not path.exists():
        return []
    wanted = {loc.replace("_", "-").lower() for loc in locales}
    tm = TranslationMemory(path)
    try:
        return [TMRecord(source=e.source, target=e.target, source_lang=e.source_lang, target_lang=e.target_lang,
                         origin=e.origin, provider=e.provider or "", created=e.created or "")
                for e in tm.entries() if str(e.target_lang).replace("_", "-").lower() in wanted]
    finally:
        tm.close()


def _catalog_records(settings, locales: tuple[str, ...], seen: set) -> list:
    from l10n.formats.tmx import TMRecord
    from l10n.project import read_catalog

    machine = _machine_detector()
    out = []
    for loc in locales:
        folder = settings.locales_dir / loc / "LC_MESSAGES"
        for path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
            po = read_catalog(path, settings, locale=loc)
            created = po.metadata.get("PO-Revision-Date", "")
            for e in po:
                if e.obsolete or e.fuzzy or not e.msgstr or e.msgid_plural or machine(e):
                    continue
                key = (e.msgid, e.msgstr, loc)
                if key in seen:
                    continue
                seen.add(key)
                out.append(TMRecord(source=e.msgid, target=e.msgstr, source_lang=settings.source_language,
                                    target_lang=loc, origin="human", provider="catalog", created=created))
    return out


@tm_app.command("import")
def tm_import_cmd(file: Annotated[Path, typer.Argument(help="A TMX 1.4 file from a CAT tool.")],
                  project: ProjectOpt = None) -> None:
    """Seed the translation memory from a TMX file.

    Only human translations from the project's source language are taken;
    units marked as machine translations (x-origin) are skipped. The file is
    parsed safely: entities, DTDs and network access are refused.

    Examples:

        l10n tm import memoq-export.tmx
    """
    from l10n.formats.tmx import match_locale, parse_tmx, same_language
    from l10n.project import rel

    settings = settings_for(project)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror}", path=str(file)) from None
    records = parse_tmx(data, str(file))
    # BCP 47 matching: en-US is English; fr-FR serves the locale fr; pt_BR needs pt-BR (pt-PT is another locale)
    usable = [r for r in records if r.origin != "machine" and same_language(r.source_lang, settings.source_language)]
    try:
        from l10n.translate.memory import TranslationMemory
    except ImportError:
        raise CatalogError("the translation memory is not available in this installation "
                           "(l10n.translate.memory is missing)") from None
    from l10n.errors import LocaleError
    from l10n.locales import normalize_locale

    path = settings.state_dir / "tm.sqlite"
    tm = TranslationMemory(path)
    try:
        for r in list(usable):
            target_lang = match_locale(r.target_lang, settings.locales)
            if target_lang is None:
                try:
                    target_lang = normalize_locale(r.target_lang)
                except LocaleError:
                    usable.remove(r)
                    continue
            tm.add_human(r.source, r.target, settings.source_language, target_lang, commit=False)
    finally:
        tm.close()
    console.print(f"{rel(settings, path)}: {len(usable)} human translations imported, "
                  f"{len(records) - len(usable)} skipped (machine or other source language)", markup=False)
