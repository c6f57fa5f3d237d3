"""CLI commands: extract, update, compile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, err_console, settings_for
if TYPE_CHECKING:
    from l10n.project import FileResult

Unit = Annotated[str | None, typer.Option("--unit", help="Segment by 'sentence' (default) or whole 'block'.")]


def _report(settings, results: list[FileResult]) -> None:
    from l10n.project import rel

    for r in results:
        state = "written" if r.written else "unchanged"
        console.print(f"{rel(settings, r.path)}: {r.summary} ({state})", markup=False)


@app.command("extract")
def extract_cmd(project: ProjectOpt = None, unit: Unit = None) -> None:
    """Extract segments from source_docs/ into one template per article.

    Writes locales/<doc>.pot: entries in source order, identical segments merged,
    references to structural positions, notes with block type, section and
    glossary terms. Files whose content did not change are not rewritten.

    Examples:

        l10n extract

        l10n extract --unit block
    """
    from l10n.project import extract

    settings = settings_for(project)
    if unit not in (None, "sentence", "block"):
        raise typer.BadParameter("must be 'sentence' or 'block'", param_hint="--unit")
    _report(settings, extract(settings, unit=unit))


@app.command("update")
def update_cmd(locale: LocaleOpt = None, project: ProjectOpt = None,
               no_fuzzy_matching: Annotated[bool, typer.Option("--no-fuzzy-matching",
                                                               help="Do not reuse translations of edited messages.")] = False) -> None:
    """Create or update each locale's catalogs from the templates.

    Translations are kept; edited messages come back fuzzy with the previous
    msgid (#|); removed ones become obsolete (#~), never deleted. Safety
    disclaimers are filled with their approved translation from glossary.yaml.

    Examples:

        l10n update

        l10n update -l es -l pt-BR
    """
    from l10n.project import update

    settings = settings_for(project)
    locales = settings.resolve_locales(locale)
    _report(settings, update(settings, locales, fuzzy_matching=not no_fuzzy_matching))
    from l10n.catalogs.annotate import unapproved_disclaimers
    from l10n.project import load_annotator, read_catalog, templates

    ctxts = {e.msgctxt for pot in templates(settings) for e in read_catalog(pot, settings, layout=False, lean=True)}
    missing = unapproved_disclaimers(load_annotator(settings), ctxts, [x for x in locales if x in settings.locales])
    for m in missing:  # a configured locale's disclaimer without an approved translation: an error
        err_console.print(f"{m} [L10N708]", markup=False)
    if missing:
        raise typer.Exit(1)


@app.command("compile")
def compile_cmd(locale: LocaleOpt = None, project: ProjectOpt = None,
                use_fuzzy: Annotated[bool, typer.Option("--use-fuzzy", help="Include fuzzy entries (not for publishing).")] = False) -> None:
    """Compile PO catalogs to MO files next to them (fuzzy entries excluded).

    Examples:

        l10n compile

        l10n compile -l ar
    """
    from l10n.errors import LocaleError
    from l10n.project import catalogs, compile_catalogs

    settings = settings_for(project)
    locales = settings.resolve_locales(locale)
    have = {loc for loc, _domain, _path in catalogs(settings, locales)}
    unknown = [loc for loc in locales if loc not in have and loc not in settings.locales]
    if unknown:
        raise LocaleError(f"locale {', '.join(unknown)} is not configured and has no catalogs "
                          "(add it to [tool.l10n] locales, then run `l10n update`)")
    _report(settings, compile_catalogs(settings, locales, use_fuzzy=use_fuzzy))
    for loc in locales:
        if loc not in have:
            err_console.print(f"{loc}: no catalogs yet, nothing compiled (run `l10n update`)", markup=False)
