"""CLI commands: lint, glossary export, glossary show (registered on import)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from l10n.cli._app import ProjectOpt, app, console, settings_for

glossary_app = typer.Typer(help="The fixed botanical/medical glossary: export it, look terms up.\n\n"
                                "Examples:\n\n    l10n glossary show mitragynine\n\n"
                                "    l10n glossary export --format tbx -o glossary.tbx",
                           no_args_is_help=True, rich_markup_mode=None)
app.add_typer(glossary_app, name="glossary")

Unit = Annotated[str | None, typer.Option("--unit", help="Segment by 'sentence' (default) or whole 'block'.")]
Format = Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")]


def _glossary(settings):
    from l10n.glossary import load_glossary

    return load_glossary(settings.glossary, settings)


@app.command("lint")
def lint_cmd(project: ProjectOpt = None, unit: Unit = None, fmt: Format = "text") -> None:
    """Check the source articles against the glossary (and the glossary itself).

    Reports known misspellings and non-standard spellings of glossary terms
    with the canonical form, safety disclaimers that are not a segment of
    their own, and disclaimers a document should carry but lacks. One line
    per finding: path:line: code message. Exit 1 when something is found.

    Examples:

        l10n lint

        l10n lint --unit block --format json
    """
    from l10n.glossary.lint import lint_documents
    from l10n.project import load_documents, rel

    settings = settings_for(project)
    if unit not in (None, "sentence", "block"):
        raise typer.BadParameter("must be 'sentence' or 'block'", param_hint="--unit")
    if fmt not in ("text", "json"):
        raise typer.BadParameter("must be 'text' or 'json'", param_hint="--format")
    glossary = _glossary(settings)
    findings = lint_documents(load_documents(settings, unit=unit), glossary)
    src = rel(settings, settings.source_docs)

    def where(f) -> str:
        return f.path if f.code == "G205" else f"{src}/{f.path}"

    if fmt == "json":
        console.print_json(json.dumps([{"path": where(f), "line": f.line, "code": f.code, "check": f.check,
                                        "severity": str(f.severity), "message": f.message} for f in findings],
                                      ensure_ascii=False))
    else:
        for f in findings:
            console.print(f"{where(f)}:{f.line}: {f.code} {f.message}", markup=False)
        console.print(f"{len(findings)} finding(s)" if findings else "lint: clean", markup=False)
    if findings:
        raise typer.Exit(1)


@glossary_app.command("export")
def export_cmd(fmt: Annotated[str, typer.Option("--format", "-f", help="tbx or csv.")] = "tbx",
               output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).",
                                                           dir_okay=False)] = None,
               project: ProjectOpt = None) -> None:
    """Export the glossary as TBX (for CAT tools and Weblate) or CSV (for spreadsheets).

    TBX-Basic: one termEntry per term with its kind and definition, one
    langSet per language; forbidden translations are deprecatedTerm.

    Examples:

        l10n glossary export --format tbx -o glossary.tbx

        l10n glossary export --format csv > glossary.csv
    """
    from l10n.glossary.export import to_csv, to_tbx
    from l10n.fileio import atomic_write

    settings = settings_for(project)
    if fmt not in ("tbx", "csv"):
        raise typer.BadParameter("must be 'tbx' or 'csv'", param_hint="--format")
    g = _glossary(settings)
    if fmt == "tbx":
        data = to_tbx(g, locales=settings.locales, source_language=settings.source_language,
                      title=f"{settings.project_name} glossary")
    else:
        data = to_csv(g, locales=settings.locales).encode("utf-8")
    if output is None:
        console.file.write(data.decode("utf-8"))
        console.file.flush()
        return
    written = atomic_write(output, data)
    console.print(f"{output}: {len(g.terms)} terms ({'written' if written else 'unchanged'})", markup=False)


@glossary_app.command("show")
def show_cmd(term: Annotated[str, typer.Argument(help="A term id, or any English form of it.")],
             project: ProjectOpt = None) -> None:
    """Show one glossary term: kind, definition, approved and forbidden translations.

    Examples:

        l10n glossary show "opioid receptor"

        l10n glossary show mitragynine
    """
    settings = settings_for(project)
    g = _glossary(settings)
    found = None
    try:
        found = g.term(term)
    except KeyError:
        hits = g.find_terms(term) or g.find_misspellings(term)
        found = hits[0].term if hits else None
    if found is None:
        console.print(f"no glossary term {term!r}", markup=False)
        raise typer.Exit(1)
    t = found
    console.print(f"{t.source}  [{t.id}]  ({t.kind})", markup=False)
    if t.definition:
        console.print(f"  {t.definition}", markup=False)
    for label, values in (("variants", t.variants), ("non-standard", t.nonstandard),
                          ("misspellings", t.misspellings)):
        if values:
            console.print(f"  {label}: {', '.join(values)}", markup=False)
    if t.keep:
        console.print("  never translated", markup=False)
    for loc in settings.locales:
        tgt = t.target(loc)
        line = f"  {loc}: " + (tgt.text if tgt else "(no approved translation)")
        if tgt and len(tgt.forms) > 1:
            line += f"  (forms: {', '.join(tgt.forms[1:])})"
        if t.forbidden.get(loc):
            line += f"  not: {', '.join(t.forbidden[loc])}"
        console.print(line, markup=False)


@glossary_app.command("disclaimer")
def disclaimer_cmd(disclaimer_id: Annotated[str, typer.Argument(metavar="ID", help="The disclaimer's id.")],
                   project: ProjectOpt = None) -> None:
    """Show a safety disclaimer: its text, the sha256 its approved translations are
    recorded against, and per configured locale whether one is approved, stale or missing
    (with the YAML to add under its `translations:` once a reviewer has approved the text).
    Exit 1 when a configured locale has no current approved translation.

    Examples:

        l10n glossary disclaimer consult-addiction-specialist
    """
    from l10n.locales import PSEUDO_LOCALES

    settings = settings_for(project)
    g = _glossary(settings)
    d = next((x for x in g.disclaimers if x.id == disclaimer_id), None)
    if d is None:
        known = ", ".join(x.id for x in g.disclaimers) or "none"
        console.print(f"no disclaimer {disclaimer_id!r} in the glossary (known: {known})", markup=False)
        raise typer.Exit(1)
    console.print(f"{d.id}  ({d.severity}; found by {d.match})", markup=False)
    console.print(f"  text: {d.text}", markup=False)
    console.print(f"  source_sha256: {d.sha256}", markup=False)
    missing = []
    for loc in settings.locales:
        if loc in PSEUDO_LOCALES:
            continue
        tr = d.translation(loc)
        if tr is None:
            state = "MISSING: its articles are not published in this locale"
            missing.append(loc)
        elif tr.source_sha256 != d.sha256:
            state = "STALE (approved for an older English text): not published until re-approved"
            missing.append(loc)
        else:
            state = f"approved by {tr.reviewed_by} on {tr.reviewed_on}"
        console.print(f"  {loc}: {state}", markup=False)
    if missing:
        console.print("\nOnce a reviewer has approved each translation, under this disclaimer's `translations:`:",
                      markup=False)
        for loc in missing:
            console.print(f"      {loc}:\n        text: <the approved {loc} text>\n        reviewed_by: <name>\n"
                          f"        reviewed_on: <YYYY-MM-DD>\n        source_sha256: {d.sha256}", markup=False)
        raise typer.Exit(1)
