"""CLI commands: build, verify, status, report, run (registered on import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, err_console, settings_for


def _more(n: int) -> str:
    """``(and 1 more reason)`` / ``(and 3 more reasons)``; empty for 0."""
    return f" (and {n} more reason{'' if n == 1 else 's'})" if n > 0 else ""


def _reason_lines(a) -> list[str]:
    """One line per failing document (its first reason, with its own completeness) and per other reason group."""
    from l10n.publish.pipeline import reasons_by_document

    pct = {c.document: c.completeness for c in a.copies}
    lines = []
    for doc, reasons in reasons_by_document(a).items():
        first = str(reasons[0])
        if doc and first.startswith(f"{doc}: "):
            first = first[len(doc) + 2:]
        label = f"{doc} ({pct[doc]:.0%} translated)" if doc in pct and not first.startswith(f"{pct[doc]:.0%}") \
            else (doc or "")
        lines.append(f"  {label + ': ' if label else ''}{first}{_more(len(reasons) - 1)}")
    return lines


def _not_built(settings, assessments) -> int:
    failed = 0
    for a in assessments:
        if a.built:
            console.print(f"{a.locale}: built ({a.completeness:.0%} translated)", markup=False)
            continue
        failed += 1
        err_console.print(f"{a.locale}: NOT BUILT ({a.completeness:.0%} translated over all documents):",
                          markup=False)
        for line in _reason_lines(a):
            err_console.print(line, markup=False)
    return failed


@app.command("build")
def build_cmd(locale: LocaleOpt = None, project: ProjectOpt = None) -> None:
    """Publish localised copies into dist/<locale>/ with dist/manifest.json.

    Markdown sources give <doc>.md and a standalone <doc>.html; HTML sources
    give <doc>.html; MO files go to dist/<locale>/LC_MESSAGES/. Stale or
    unreviewed translations are never published (machine translation only
    where [tool.l10n.publish] allows it, and only where it passes the
    checks a reviewed translation must pass: otherwise that segment shows
    the source text and is listed as withheld). A locale that fails its disclaimer
    checks or the completeness threshold is not built (its old output is
    removed); the others are, and the command exits 1.

    Examples:

        l10n build

        l10n build -l es -l ar
    """
    from l10n.project import rel
    from l10n.publish.pipeline import build, published_locales, withheld_lines

    settings = settings_for(project)
    assessments, written = build(settings, settings.resolve_locales(locale))
    failed = _not_built(settings, assessments)
    for a in assessments:
        for line in withheld_lines(a, limit=10):
            err_console.print(line, markup=False)
    built = [a.locale for a in assessments if a.built]
    out = f"{rel(settings, settings.output)}/"
    if built:
        console.print(f"{', '.join(built)}: {len(written)} file(s) written in {out}"
                      " (unchanged files are not rewritten)", markup=False)
    not_built = [a.locale for a in assessments if not a.built]
    if not_built:
        console.print(f"{'' if built else 'no locale built: '}{', '.join(not_built)}: not built; "
                      f"any previous output removed from {out}", markup=False)
    others = [loc for loc in published_locales(settings) if loc not in {a.locale for a in assessments}]
    if not built:
        console.print(f"{out} still publishes {', '.join(others)} (not rebuilt by this command)" if others
                      else f"nothing is published in {out}", markup=False)
    if failed:
        raise typer.Exit(1)


@app.command("verify")
def verify_cmd(dist: Annotated[Path | None, typer.Argument(help="Published folder (default: the project's dist/).")] = None,
               project: ProjectOpt = None,
               browser: Annotated[bool, typer.Option(
                   "--browser", help="Also load every page in headless Chromium (needs chromium and chromedriver; "
                   "L10N_CHROMIUM / L10N_CHROMEDRIVER name them) and judge each disclaimer as rendered: "
                   "contrast, covered, off-page, tiny, hidden through var().")] = False) -> None:
    """Verify a published folder against its manifest (and the catalogs, when in a project).

    Reports a disclaimer removed, edited, hidden (hidden attribute,
    display:none, a <style> rule that can match it, inside an HTML comment)
    or replaced by English; a machine-translation notice removed; an
    external stylesheet added; a file not listed in the manifest; any file
    whose bytes changed. Exit 0 when clean, 1 otherwise, 2 when the folder
    does not exist or has no manifest. Run it in CI before deploying.

    With --browser each page is also rendered in headless Chromium (no
    network, scripts off): a disclaimer or notice in a colour near its
    background (contrast under 3:1), covered by another element, off the
    page, under 6px or hidden through CSS variables is reported too. Without
    Chromium, chromedriver or selenium it is exit 2.

    Examples:

        l10n verify

        l10n verify public/

        l10n verify --browser dist/
    """
    import hashlib

    from l10n.errors import ConfigError
    from l10n.publish.pipeline import load_published_manifest
    from l10n.publish.verify import verify_files

    from l10n.errors import PublishError

    settings = None
    try:
        settings = settings_for(project)
    except ConfigError:
        if dist is None:
            raise
    if settings is not None:
        from l10n.project import load_project_glossary

        load_project_glossary(settings)  # configured but missing: exit 2, "glossary not found"
    folder = dist or settings.output
    if not folder.is_dir():
        raise PublishError("folder does not exist" if not folder.exists() else "not a folder", path=str(folder))
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
    if browser:
        from l10n.publish.render_check import open_browser
        from l10n.publish.verify import verify_rendered

        with open_browser() as chromium:
            findings += verify_rendered(folder, manifest, chromium, reported=findings)
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
    from l10n.errors import LocaleError

    settings = settings_for(project)
    assessments = assess(settings, settings.resolve_locales(locale))
    empty = [a.locale for a in assessments if not a.catalogs]
    unknown = [loc for loc in empty if loc not in settings.locales]
    if unknown:
        raise LocaleError(f"locale {', '.join(unknown)} is not configured and has no catalogs "
                          "(add it to [tool.l10n] locales, then run `l10n update`)")
    rows = status_rows(assessments)
    if fmt == "json":
        console.out(rows_to_json(rows), end="")
        return
    from rich.table import Table

    table = Table(title="Translation status")
    width = max((len(r.document) for r in rows), default=8)
    for col in ("locale", "document", "translated", "machine", "withheld", "fuzzy", "stale", "untranslated",
                "disclaimers", "publishable"):
        table.add_column(col, justify="right" if col not in ("locale", "document") else "left",
                         min_width=width if col == "document" else None, overflow="fold")
    for r in rows:
        table.add_row(r.locale, r.document, f"{r.translated}/{r.total}", str(r.machine), str(r.withheld),
                      str(r.fuzzy),
                      str(r.stale), str(r.untranslated), f"{r.disclaimers_passing}/{r.disclaimers_total}",
                      "yes" if r.publishable else "no")
    if rows:
        # not a terminal (a pipe, a CI log): no width to fit, so never break a header mid-word
        from rich.console import Console

        out = console if console.is_terminal else Console(file=console.file, width=max(console.width, 200),
                                                           highlight=False, soft_wrap=True, emoji=False)
        out.print(table)
    for r in rows:
        for reason in r.withheld_reasons:
            err_console.print(f"{r.locale} {r.document}: withheld machine translation: {reason}", markup=False)
    for loc in empty:
        err_console.print(f"{loc}: no catalogs yet (run `l10n update`)", markup=False)


@app.command("report")
def report_cmd(locale: LocaleOpt = None, project: ProjectOpt = None,
               output: Annotated[Path | None, typer.Option("--output", "-o", help="Default: dist/report.html. Missing parent folders are created.")] = None) -> None:
    """Write a static HTML dashboard: progress bars, disclaimer status, failing checks.

    Without -l it shows the same locales as `l10n run` (the configured ones,
    those with an engine, and any published in dist/), so both write the
    same page. Missing parent folders of the output are created.

    Examples:

        l10n report

        l10n report -o public/status.html
    """
    from l10n.publish.pipeline import assess, report_locales, write_report

    settings = settings_for(project)
    locales = settings.resolve_locales(locale) if locale else report_locales(settings)
    path = write_report(settings, assess(settings, locales),
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
    for col in ("locale", "translated by", "built", "translated (all documents)"):
        table.add_column(col)
    for a in result.assessments:
        summary = result.translated.get(a.locale)
        by = getattr(summary, "provider", "") if summary is not None else (
            "translators" if a.completeness > 0.5 else "-")  # no engine: people translated it (or nobody yet)
        table.add_row(a.locale, str(by), "built" if a.built else "not built", f"{a.completeness:.0%}")
    console.print(table)
    for a in result.assessments:
        if not a.built:
            console.print(f"{a.locale}: not built ({a.completeness:.0%} translated over all documents):",
                          markup=False)
            if a.locale in result.skipped:
                console.print(f"  {result.skipped[a.locale]}", markup=False)
            for line in _reason_lines(a):
                console.print(line, markup=False)
    console.print(f"dashboard: {result.report}", markup=False)
    if result.exit_code:
        raise typer.Exit(result.exit_code)
