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
    from l10n.interchange import machine_detector

    return machine_detector()


def _approved(annotator, po: polib.POFile, locale: str) -> dict[str, str]:
    """disclaimer id -> approved (not stale) translation, for the disclaimers of ``po``."""
    from l10n.interchange import approved_disclaimers

    return approved_disclaimers(annotator, po, locale)


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
               take: Annotated[str | None, typer.Option(
                   "--take", help="Resolve conflicts (units changed both in the file and in the catalog since "
                                  "the export): 'theirs' takes the file's text, 'ours' keeps the catalog's.")] = None,
               conflicts_dir: Annotated[Path | None, typer.Option(
                   "--conflicts", file_okay=False,
                   help="Write the conflicting units to <folder>/<locale>/<doc>.conflicts.xlf: the translator's "
                        "text with the catalog's in a note, to edit and import again.")] = None,
               project: ProjectOpt = None) -> None:
    """Merge the translations of XLIFF files back into the PO catalogs.

    Every file is read and validated first; if any is invalid or hostile, or
    is not for the catalog it would go into (target-language, source-language
    or original changed since the export), nothing is written (exit code 2).

    The merge is three-way: each unit records the catalog entry it was
    exported from. A unit the translator did not change leaves the catalog
    as it is now; a unit changed only in the file is merged; a unit changed
    both in the file and in the catalog is a conflict, reported with both
    texts and not merged unless --take says which wins. Merged units go
    through the checks of `l10n check`; a unit with an error is kept but
    marked fuzzy (needs review). Units whose English source changed, edits
    to locked safety disclaimers, conflicts and check errors give exit code 1.

    Examples:

        l10n xliff import xliff/es/kratom-harm-reduction.xlf

        l10n xliff import returned/*.xlf --take theirs

        l10n xliff import returned/es/doc.xlf --conflicts conflicts/
    """
    from l10n import __version__
    from l10n.formats.xliff import TAKE
    from l10n.interchange import import_targets, import_xliff, read_xliff_files, write_conflicts
    from l10n.project import load_annotator, rel

    if take is not None and take not in TAKE:
        raise typer.BadParameter("must be 'theirs' or 'ours'", param_hint="--take")
    settings = settings_for(project)
    targets = import_targets(settings, read_xliff_files(files))
    annotator = load_annotator(settings)
    result = import_xliff(settings, targets, annotator=annotator, take=take, check_options=_check_options(settings))
    for path, cat in result.catalogs.items():
        extra = f", {cat.held} held for review (check errors)" if cat.held else ""
        console.print(f"{rel(settings, path)}: {cat.changed} translations merged{extra} "
                      f"({'written' if cat.written else 'unchanged'})", markup=False)
    if conflicts_dir is not None:
        for out, n in write_conflicts(settings, result, conflicts_dir.resolve(), annotator=annotator,
                                      tool_version=__version__):
            err_console.print(f"{n} conflict(s) written to {out}: edit the targets and import it again",
                              markup=False)
    _report_import(settings, result)
    if result.problems or result.errors:
        raise typer.Exit(1)


def _report_import(settings, result) -> None:
    """The findings on the imported units, the units not merged (conflicts with both texts), the totals."""
    from l10n.project import rel

    for f in result.findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        err_console.print(f"{where}: {f.severity} {f.code} [{f.check}] {f.message}", markup=False)
    for path, p in result.problems:
        err_console.print(f"{p.kind}: {p}", markup=False)
        if p.kind == "conflict":
            err_console.print(f"    catalog ({rel(settings, path)}:{p.entry_line}): {p.ours!r}", markup=False)
            err_console.print(f"    file    ({p.path}:{p.line}): {p.theirs!r}", markup=False)
    if result.problems:
        conflicts = result.conflicts
        err_console.print(f"{len(result.problems)} unit(s) not merged" + (
            f" ({conflicts} conflict(s): choose with --take theirs|ours)" if conflicts else ""), markup=False)
    if result.errors:
        err_console.print(f"{result.errors} check error(s) in the imported units; those entries are kept as fuzzy "
                          "(needs review)", markup=False)


def _check_options(settings) -> tuple[dict, set[str]]:
    """``[tool.l10n.check]`` options and the disabled (suppressible) codes, as ``l10n check`` reads them."""
    from l10n.cli.check import _options

    return _options(settings)


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
        from l10n.translate.store import open_memory
    except ImportError:
        return []
    tm = open_memory(settings, create=False)  # $L10N_TM, [tool.l10n] tm, or .l10n/tm.sqlite if there is one
    if tm is None:
        return []
    wanted = {loc.replace("_", "-").lower() for loc in locales}
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
                  take: Annotated[str | None, typer.Option(
                      "--take", help="When the memory already holds another human translation of a segment: "
                                     "'theirs' replaces it with the file's, 'ours' keeps it.")] = None,
                  project: ProjectOpt = None) -> None:
    """Seed the translation memory from a TMX file.

    Only human translations from the project's source language are taken;
    units marked as machine translations (x-origin) are skipped. The file is
    parsed safely: entities, DTDs and network access are refused.

    Nothing is overwritten silently. Units exported by `l10n tm export`
    record the text they were exported with: one the translator did not
    change leaves the memory as it is now, one changed only in the file
    replaces the memory's. A segment changed on both sides (or from a file
    that does not say) whose memory holds another human translation is a
    conflict, reported with both texts and not imported unless --take says
    which wins. Every unit goes through the
    checks of `l10n check` first; a unit with an error (a changed dose, a
    dropped negation...) is not imported. Conflicts and check errors give
    exit code 1.

    Examples:

        l10n tm import memoq-export.tmx

        l10n tm import memoq-export.tmx --take theirs
    """
    from l10n.formats.xliff import TAKE
    from l10n.interchange import import_tmx
    from l10n.project import rel

    if take is not None and take not in TAKE:
        raise typer.BadParameter("must be 'theirs' or 'ours'", param_hint="--take")
    settings = settings_for(project)
    result = import_tmx(settings, file, take=take, check_options=_check_options(settings))
    console.print(f"{rel(settings, result.path) if result.path else result.memory}: {result.imported} human "
                  f"translations imported, "
                  f"{result.skipped} skipped (machine or other source language)", markup=False)
    for f in result.findings:
        err_console.print(f"{file}: {f.locale}: {f.severity} {f.code} [{f.check}] {f.message}: {f.msgid!r}",
                          markup=False)
    for r, target_lang, held in result.conflicts:
        err_console.print(f"conflict: {file}: {target_lang}: {r.source!r}: the memory holds another human "
                          "translation; not imported — rerun with --take theirs (the file's) or --take ours",
                          markup=False)
        err_console.print(f"    memory: {held!r}", markup=False)
        err_console.print(f"    file:   {r.target!r}", markup=False)
    if result.errors:
        err_console.print(f"{len(result.unsafe)} unit(s) with check errors not imported", markup=False)
    if result.conflicts:
        err_console.print(f"{len(result.conflicts)} conflict(s): choose with --take theirs|ours", markup=False)
    if result.errors or result.conflicts:
        raise typer.Exit(1)
