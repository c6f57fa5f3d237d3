"""CLI commands: build, verify, status, report, run (registered on import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, err_console, settings_for
from l10n.cli._executor import JobsOpt, ProgressExecutor, SchedulerOpt


def _more(n: int) -> str:
    """``(and 1 more reason)`` / ``(and 3 more reasons)``; empty for 0."""
    return f" (and {n} more reason{'' if n == 1 else 's'})" if n > 0 else ""


def _reason_lines(a) -> list[str]:
    """One line per article not published: its status, its own published share, its first reason."""
    from l10n.publish.status import progress_of

    lines = []
    for doc in a.documents:
        reasons = a.document_reasons(doc)
        if not reasons:
            continue
        first = str(reasons[0])
        if first.startswith(f"{doc}: "):
            first = first[len(doc) + 2:]
        copy = a.copy(doc)
        status = a.status(doc)
        state = ("WITHDRAWN (published before), " if status == "withdrawn" else "") + \
            ("not ready" if a.not_ready(doc) else "held back")
        label = f"{doc} ({state}; {progress_of(copy).describe()})" if copy is not None else f"{doc} ({state})"
        lines.append(f"  {label}: {first}{_more(len(reasons) - 1)}")
    return lines


def _summary(a) -> str:
    """``es: built, 2 of 3 articles (8% reviewed, 90% machine: 98% published over all articles)``."""
    from l10n.publish.status import locale_progress

    n, total = len(a.published), len(a.documents)
    what = "preview built (not published)" if a.pseudo else "built"
    count = f"{n} of {total} articles" if n != total else f"all {total} article{'' if total == 1 else 's'}"
    return f"{a.locale}: {what}, {count} ({locale_progress(a).describe()} over all articles)"


def _not_built(settings, assessments) -> None:
    from l10n.publish.status import locale_progress

    for a in assessments:
        if a.built:
            console.print(_summary(a), markup=False)
            held = _reason_lines(a)
            if held:
                err_console.print(f"{a.locale}: not {'in the preview' if a.pseudo else 'published'}:",
                                  markup=False)
                for line in held:
                    err_console.print(line, markup=False)
            continue
        err_console.print(f"{a.locale}: NOT BUILT ({locale_progress(a).describe()} over all articles):",
                          markup=False)
        for line in _reason_lines(a):
            err_console.print(line, markup=False)


@app.command("build")
def build_cmd(locale: LocaleOpt = None, project: ProjectOpt = None) -> None:
    """Publish localised copies into dist/<locale>/ with dist/manifest.json.

    Markdown sources give <doc>.md and a standalone <doc>.html; HTML sources
    give <doc>.html; MO files go to dist/<locale>/LC_MESSAGES/. Stale or
    unreviewed translations are never published (machine translation only
    where [tool.l10n.publish] allows it, and only where it passes the
    checks a reviewed translation must pass: otherwise that segment shows
    the source text and is listed as withheld). Each article is published or
    held back on its own, per locale: one that fails its disclaimer checks
    or the completeness threshold is held back (its old output removed, the
    reason printed and recorded in dist/manifest.json); the locale's other
    articles are still published. Pseudo-locales (en_XA) are built for
    preview into dist-preview/, never into dist/.

    Exit 0 when everything that is ready is built (an article or locale
    not translated enough yet is reported, not an error); 1 when an article
    is held back for a safety reason, or a locale named with -l has no
    article built; 2 for bad input.

    Examples:

        l10n build

        l10n build -l es -l ar
    """
    from l10n.publish.pipeline import build, build_exit_code, withheld_lines

    settings = settings_for(project)
    requested = settings.resolve_locales(locale) if locale else ()
    assessments, written = build(settings, settings.resolve_locales(locale))
    _not_built(settings, assessments)
    for a in assessments:
        for line in withheld_lines(a, limit=10):
            err_console.print(line, markup=False)
    _print_written(settings, assessments, written)
    code = build_exit_code(assessments, requested=requested)
    if code:
        raise typer.Exit(code)


def _print_written(settings, assessments, written) -> None:
    """What ``build`` wrote where: previews, the published locales, those removed or withdrawn."""
    from l10n.project import rel
    from l10n.publish.pipeline import preview_folder

    built = [a.locale for a in assessments if a.built and not a.pseudo]
    out = f"{rel(settings, settings.output)}/"
    for a in assessments:
        if a.pseudo and a.built:
            console.print(f"{a.locale}: preview in {rel(settings, preview_folder(settings))}/{a.locale}/ "
                          "(a pseudo-locale is never published)", markup=False)
    if built:
        console.print(f"{', '.join(built)}: {len(written)} file(s) written in {out}"
                      " (unchanged files are not rewritten)", markup=False)
    not_built = [a.locale for a in assessments if not a.built and not a.pseudo]
    if not_built:
        console.print(f"{'' if built else 'no locale built: '}{', '.join(not_built)}: not built; "
                      f"any previous output removed from {out}", markup=False)
    for a in assessments:
        if a.withdrawn:
            err_console.print(f"{a.locale}: WITHDRAWN from {out}{a.locale}/ (published before, held back now): "
                              f"{', '.join(a.withdrawn)}", markup=False)
    if not built:
        console.print(_still_published(settings, assessments, out), markup=False)


def _still_published(settings, assessments, out: str) -> str:
    """When nothing was built: which locales the output folder still publishes (not rebuilt)."""
    from l10n.publish.pipeline import published_locales

    others = [loc for loc in published_locales(settings) if loc not in {a.locale for a in assessments}]
    return (f"{out} still publishes {', '.join(others)} (not rebuilt by this command)" if others
            else f"nothing is published in {out}")


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
    from l10n.errors import ConfigError
    from l10n.model import Severity
    from l10n.publish.verify import verify_folder

    settings = None
    try:
        settings = settings_for(project)
    except ConfigError:
        if dist is None:
            raise
    if settings is not None:
        from l10n.project import load_project_glossary

        load_project_glossary(settings)  # configured but missing: exit 2, "glossary not found"
    result = verify_folder(dist or settings.output, project_root=settings.root if settings is not None else None,
                           browser=browser)
    for f in result.findings:
        (err_console if f.severity >= Severity.ERROR else console).print(f"{f.path}: {f.code} {f.severity}: {f.message}",
                                                                         markup=False)
    console.print(f"{result.copies} file(s) in {result.locales} locale(s) verified: "
                  f"{len(result.errors)} problem(s)", markup=False)
    if result.errors:
        raise typer.Exit(1)


Format = Annotated[str, typer.Option("--format", "-f", help="'table' (default) or 'json'.")]


@app.command("status")
def status_cmd(locale: LocaleOpt = None, project: ProjectOpt = None, fmt: Format = "table") -> None:
    """Show, per locale and document, what is translated and whether it can be published.

    Columns: reviewed, unreviewed machine translation published, withheld,
    fuzzy, stale, untranslated, published share, disclaimers passing, and the
    article's status in the locale: published, not ready (not translated
    enough yet), held back (a safety reason), withdrawn (published before,
    held back now) or preview (a pseudo-locale).

    Examples:

        l10n status

        l10n status --format json -l es
    """
    from l10n.publish.pipeline import assess, mark_withdrawn
    from l10n.publish.status import rows_to_json, status_rows

    if fmt not in ("table", "json"):
        raise typer.BadParameter("must be 'table' or 'json'", param_hint="--format")
    from l10n.errors import LocaleError

    settings = settings_for(project)
    assessments = assess(settings, settings.resolve_locales(locale))
    mark_withdrawn(settings, assessments)  # published in dist/ but no longer publishable: say so
    empty = [a.locale for a in assessments if not a.catalogs]
    unknown = [loc for loc in empty if loc not in settings.locales]
    if unknown:
        raise LocaleError(f"locale {', '.join(unknown)} is not configured and has no catalogs "
                          "(add it to [tool.l10n] locales, then run `l10n update`)")
    rows = status_rows(assessments)
    if fmt == "json":
        console.out(rows_to_json(rows), end="")
        return
    if rows:
        # not a terminal (a pipe, a CI log): no width to fit, so never break a header mid-word
        from rich.console import Console

        out = console if console.is_terminal else Console(file=console.file, width=max(console.width, 200),
                                                           highlight=False, soft_wrap=True, emoji=False)
        out.print(_status_table(rows))
    for line in _status_reasons(rows):
        err_console.print(line, markup=False)
    for loc in empty:
        err_console.print(f"{loc}: no catalogs yet (run `l10n update`)", markup=False)


def _status_table(rows):
    """The ``status`` table: one row per (locale, article)."""
    from rich.table import Table

    table = Table(title="Translation status")
    width = max((len(r.document) for r in rows), default=8)
    for col in ("locale", "document", "reviewed", "machine", "withheld", "fuzzy", "stale", "untranslated",
                "published", "disclaimers", "status", "meaning"):
        table.add_column(col, justify="right" if col not in ("locale", "document") else "left",
                         min_width=width if col == "document" else None, overflow="fold")
    for r in rows:
        table.add_row(r.locale, r.document, f"{r.translated}/{r.total}", str(r.machine), str(r.withheld),
                      str(r.fuzzy),
                      str(r.stale), str(r.untranslated), f"{r.completeness:.0%}",
                      f"{r.disclaimers_passing}/{r.disclaimers_total}", r.status,
                      r.meaning.replace("meaning ", "") or "-")
    return table


def _status_reasons(rows) -> list[str]:
    """Per article not published, its status and first reason; every withheld machine translation."""
    lines = []
    for r in rows:
        if r.reasons:
            first = r.reasons[0][len(r.document) + 2:] if r.reasons[0].startswith(f"{r.document}: ") else r.reasons[0]
            lines.append(f"{r.locale} {r.document}: {r.status}: {first}{_more(len(r.reasons) - 1)}")
        lines.extend(f"{r.locale} {r.document}: withheld machine translation: {reason}"
                     for reason in r.withheld_reasons)
    return lines


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
    from l10n.publish.pipeline import assess, mark_withdrawn, report_locales, write_report

    settings = settings_for(project)
    locales = settings.resolve_locales(locale) if locale else report_locales(settings)
    assessments = assess(settings, locales)
    mark_withdrawn(settings, assessments)
    path = write_report(settings, assessments, output.resolve() if output else None)
    console.print(f"dashboard: {path}", markup=False)


def work_line(work: dict) -> str:
    """``extract 1 computed, 2 reused; update …``: what a run computed and what it took from the cache."""
    return "; ".join(f"{stage} {w.computed} computed, {w.reused} reused" for stage, w in work.items()) or "none"


@app.command("run")
def run_cmd(locale: LocaleOpt = None, project: ProjectOpt = None, jobs: JobsOpt = 0,
            scheduler: SchedulerOpt = None,
            no_cache: Annotated[bool, typer.Option(
                "--no-cache", help="Compute every stage again: no result of an earlier run is reused, none "
                                   "is stored (as L10N_NO_CACHE=1).")] = False) -> None:
    """Run the whole pipeline: extract, update, translate offline, check, build, report.

    Locales with an offline engine in [tool.l10n.engines] (Apertium for es and
    ca when installed, the pseudo provider for en_XA) are machine-translated;
    the others are built only when translators have done the work. Ends with
    a summary table (per locale: articles built, reviewed, machine and
    published shares) and the dashboard's path. A rerun redoes only the work
    whose inputs changed (the stage cache in .l10n/cache/); the line
    "· work:" says how many tasks of each stage were computed and reused. Each article is published
    or held back on its own; pseudo-locales are built for preview into
    dist-preview/. Exit 1 only when an article is held back for a safety
    reason (or a locale named with -l has nothing built); an article or
    locale that is simply not translated yet is reported, not an error.

    Examples:

        l10n run

        l10n run -l es -l en_XA

        l10n run --scheduler tcp://dask-scheduler:8786   # the stages on a Dask cluster (docs/scaling.md)

        l10n run --no-cache                              # everything computed again
    """
    from rich.table import Table

    from l10n.execute.choice import executor_for
    from l10n.publish.pipeline import run

    settings = settings_for(project)
    locales = settings.resolve_locales(locale) if locale else None
    with executor_for(settings.scheduler, jobs or None, scheduler) as executor:
        if executor.distributed:
            err_console.print(f"· {executor.describe()}", markup=False)
        result = run(settings, locales=locales, executor=ProgressExecutor(executor),
                     on_step=lambda s: err_console.print(f"· {s}", markup=False), cache=not no_cache)
    err_console.print(f"· work: {work_line(result.work)}", markup=False)
    from l10n.publish.status import locale_progress

    table = Table(title="l10n run")
    for col in ("locale", "translated by", "articles built", "reviewed", "machine", "published"):
        table.add_column(col)
    for a in result.assessments:
        summary = result.translated.get(a.locale)
        p = locale_progress(a)
        by = getattr(summary, "provider", "") if summary is not None else (
            "translators" if p.share(p.reviewed) > 0.5 else "-")  # no engine: people translated it (or nobody yet)
        shown = f"{len(a.published)} of {len(a.documents)}" + (" (preview)" if a.pseudo else "")
        table.add_row(a.locale, str(by), shown, f"{p.share(p.reviewed):.0%}", f"{p.share(p.machine):.0%}",
                      f"{p.share(p.published):.0%}")
    console.print(table)
    for a in result.assessments:
        lines = _reason_lines(a)
        if not lines and not a.withdrawn and (a.built or a.locale not in result.skipped):
            continue  # everything published: the table said it all
        head = "not built" if not a.built else f"{len(a.published)} of {len(a.documents)} articles built"
        console.print(f"{a.locale}: {head} ({locale_progress(a).describe()} over all articles):", markup=False)
        if a.locale in result.skipped and not a.built:
            console.print(f"  {result.skipped[a.locale]}", markup=False)
        for line in lines:
            console.print(line, markup=False)
        if a.withdrawn:
            console.print(f"  WITHDRAWN from dist/{a.locale}/ (published before, held back now): "
                          f"{', '.join(a.withdrawn)}", markup=False)
    console.print(f"dashboard: {result.report}", markup=False)
    if result.exit_code:
        raise typer.Exit(result.exit_code)
