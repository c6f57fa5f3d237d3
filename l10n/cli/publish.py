"""CLI commands: build, verify, status, report, run (registered on import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, err_console, settings_for


def _not_built(settings, assessments) -> int:
    failed = 0
    for a in assessments:
        if a.built:
            console.print(f"{a.locale}: built ({a.completeness:.0%} translated)", markup=False)
            continue
        failed += 1
        err_console.print(f"{a.locale}: NOT BUILT: {a.reasons[0]}" +
                          (f" (and {len(a.reasons) - 1} more reasons)" if len(a.reasons) > 1 else ""),
                          markup=False)
    return failed


@app.command("build")
def build_cmd(locale: LocaleOpt = None, project: ProjectOpt = None) -> None:
    """Publish localised copies into dist/<locale>/ with dist/manifest.json.

    Markdown sources give <doc>.md and a standalone <doc>.html; HTML sources
    give <doc>.html; MO files go to dist/<locale>/LC_MESSAGES/. Stale or
    unreviewed translations are never published (machine translation only
    where [tool.l10n.publish] allows it). A locale that fails its disclaimer
    checks or the completeness threshold is not built (its old output is
    removed); the others are, and the command exits 1.

    Examples:

        l10n build

        l10n build -l es -l ar
    """
    from l10n.project import rel
    from l10n.publish.pipeline import build

    settings = settings_for(project)
    assessments, written = build(settings, settings.resolve_locales(locale))
    failed = _not_built(settings, assessments)
    console.print(f"{len(written)} file(s) written in {rel(settings, settings.output)}/", markup=False)
    if failed:
        raise typer.Exit(1)


@app.command("verify")
def verify_cmd(dist: Annotated[Path | None, typer.Argument(help="Published folder (default: the project's dist/).")] = None,
               project: ProjectOpt = None) -> None:
    """Verify a published folder against its manifest (and the catalogs, when in a project).

    Reports a disclaimer removed, edited, hidden (hidden attribute,
    display:none, inside an HTML comment) or replaced by English, and any
    file whose bytes changed. Exit 0 when clean, 1 otherwise. Run it in CI
    before deploying.

    Examples:

        l10n verify

        l10n verify public/
    """
    import hashlib

    from l10n.errors import ConfigError
    from l10n.publish.pipeline import load_published_manifest
    from l10n.publish.verify import verify_files

    settings = None
    try:
        settings = settings_for(project)
    except ConfigError:
        if dist is None:
            raise
    folder = dist or settings.output
    manifest = load_published_manifest(folder)
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    catalogs = None
    if settings is not None:
        catalogs = {}
        for loc in manifest["locales"].values():
            for doc in loc["documents"].values():
                path = settings.root / doc.get("catalog", {}).get("path", "")
                if path.is_file():
                    catalogs[doc["catalog"]["path"]] = hashlib.sha256(path.read_bytes()).hexdigest()
    findings = verify_files(manifest, files, catalogs=catalogs)
    for f in findings:
        (err_console if f.severity >= 60 else console).print(f"{f.path}: {f.code} {f.severity}: {f.message}",
                                                             markup=False)
    errors = [f for f in findings if f.severity >= 60]
    ncopies = sum(len(d["files"]) for loc in manifest["locales"].values() for d in loc["documents"].values())
    console.print(f"{ncopies} file(s) in {len(manifest['locales'])} locale(s) verified: "
                  f"{len(errors)} problem(s)", markup=False)
    if errors:
        raise typer.Exit(1)


Format = Annotated[str, typer.Option("--format", "-f", help="'table' (default) or 'json'.")]


@app.command("status")
def status_cmd(locale: LocaleOpt = None, project: ProjectOpt = None, fmt: Format = "table") -> None:
    """Show, per locale and document, what is translated and whether it can be published.

    Columns: translated, unreviewed machine translation, fuzzy, stale,
    untranslated, disclaimers passing, publishable.

    Examples:

        l10n status

        l10n status --format json -l es
    """
    from l10n.publish.pipeline import assess
    from l10n.publish.status import rows_to_json, status_rows

    if fmt not in ("table", "json"):
        raise typer.BadParameter("must be 'table' or 'json'", param_hint="--format")
    settings = settings_for(project)
    rows = status_rows(assess(settings, settings.resolve_locales(locale)))
    if fmt == "json":
        console.out(rows_to_json(rows), end="")
        return
    from rich.table import Table

    table = Table(title="Translation status")
    width = max((len(r.document) for r in rows), default=8)
    for col in ("locale", "document", "translated", "machine", "fuzzy", "stale", "untranslated", "disclaimers",
                "publishable"):
        table.add_column(col, justify="right" if col not in ("locale", "document") else "left",
                         min_width=width if col == "document" else None, overflow="fold")
    for r in rows:
        table.add_row(r.locale, r.document, f"{r.translated}/{r.total}", str(r.machine), str(r.fuzzy),
                      str(r.stale), str(r.untranslated), f"{r.disclaimers_passing}/{r.disclaimers_total}",
                      "yes" if r.publishable else "no")
    console.print(table)


@app.command("report")
def report_cmd(locale: LocaleOpt = None, project: ProjectOpt = None,
               output: Annotated[Path | None, typer.Option("--output", "-o", help="Default: dist/report.html.")] = None) -> None:
    """Write a static HTML dashboard: progress bars, disclaimer status, failing checks.

    Examples:

        l10n report

        l10n report -o public/status.html
    """
    from l10n.publish.pipeline import assess, write_report

    settings = settings_for(project)
    path = write_report(settings, assess(settings, settings.resolve_locales(locale)),
                        output.resolve() if output else None)
    console.print(f"dashboard: {path}", markup=False)


@app.command("run")
def run_cmd(locale: LocaleOpt = None, project: ProjectOpt = None) -> None:
    """Run the whole pipeline: extract, update, translate offline, check, build, report.

    Locales with an offline engine in [tool.l10n.engines] (Apertium for es and
    ca when installed, the pseudo provider for en_XA) are machine-translated;
    the others are built only when translators have done the work. Ends with
    a summary table and the dashboard's path. Exit 1 only when a translated
    locale fails a safety check; a locale that is simply not translated yet
    is reported, not an error.

    Examples:

        l10n run

        l10n run -l es -l en_XA
    """
    from rich.table import Table

    from l10n.publish.pipeline import run

    settings = settings_for(project)
    result = run(settings, locales=settings.resolve_locales(locale) if locale else None,
                 on_step=lambda s: err_console.print(f"· {s}", markup=False))
    table = Table(title="l10n run")
    for col in ("locale", "translated by", "built", "completeness"):
        table.add_column(col)
    for a in result.assessments:
        summary = result.translated.get(a.locale)
        by = getattr(summary, "provider", "") if summary is not None else "-"
        table.add_row(a.locale, str(by), "built" if a.built else "not built", f"{a.completeness:.0%}")
    console.print(table)
    for a in result.assessments:
        if not a.built:
            why = result.skipped.get(a.locale, "") if a.completeness == 0 else ""
            console.print(f"{a.locale}: not built: " + (why or (str(a.reasons[0]) if a.reasons else "")),
                          markup=False)
    console.print(f"dashboard: {result.report}", markup=False)
    if result.exit_code:
        raise typer.Exit(result.exit_code)
