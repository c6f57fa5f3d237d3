"""CLI commands: check, checks."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, progress
from l10n.errors import ConfigError, L10nError

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text, json, junit, sarif or github.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.",
                                                dir_okay=False)]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", "-s",
                                                     help="Run only these checks (code, prefix like L10N3, name or "
                                                          "family; repeatable).")]


def _settings(project: Path | None, required: bool):
    from l10n.cli._app import settings_for

    try:
        return settings_for(project)
    except ConfigError:
        if required or project is not None:
            raise
        return None


def _glossary(settings) -> Any:
    if settings is None:
        return None
    from l10n.project import load_project_glossary

    return load_project_glossary(settings)


def _rel(settings, path: Path) -> str:
    if settings is None:
        return str(path)
    from l10n.project import rel

    return rel(settings, path)


def _template_for(settings, path: Path):
    """The project's template for a catalog under locales/, if there is one."""
    if settings is None:
        return None
    pot = settings.pot_path(path.stem)
    try:
        path.resolve().relative_to(settings.locales_dir.resolve())
    except ValueError:
        return None
    if not pot.is_file():
        return None
    from l10n.project import read_catalog

    return read_catalog(pot, settings)


def _options(settings) -> tuple[dict, set[str]]:
    opts = dict(settings.check) if settings is not None else {}
    if settings is not None:  # L10N708: a configured locale's disclaimers need approved translations
        opts["configured_locales"] = tuple(settings.locales)
    disable = opts.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(x, str) for x in disable):
        raise ConfigError("[tool.l10n.check] disable must be a list of check codes or names")
    from l10n.checks import all_checks, resolve_selection

    codes = resolve_selection(disable) if disable else set()
    locked = sorted(c.code for c in all_checks() if c.code in codes and not c.suppressible)
    if locked:
        raise ConfigError(f"[tool.l10n.check] disable lists checks that cannot be disabled: {', '.join(locked)}")
    return opts, codes


def _page_locale(path: Path, text: str, locale: str | None, settings) -> str:
    from l10n.locales import normalize_locale

    if locale:
        return locale
    m = re.search(r"<html[^>]*\slang\s*=\s*[\"']?([\w-]+)", text[:4000], re.IGNORECASE)
    if m:
        return normalize_locale(m.group(1))
    for part in reversed(path.resolve().parts[:-1]):
        try:
            return normalize_locale(part)
        except L10nError:
            continue
    raise L10nError("cannot tell the page's language; give it with -l", path=str(path))


def _project_disclaimers(settings, domain: str, locale: str) -> tuple[list[str], dict[str, str]]:
    """The disclaimer ids of the project's template of ``domain``, and their reviewed ``locale`` translations."""
    from l10n.checks.disclaimer import disclaimer_id
    from l10n.project import read_catalog

    ids: list[str] = []
    published: dict[str, str] = {}
    pot = settings.pot_path(domain)
    if pot.is_file():
        ids = [d for d in (disclaimer_id(e) for e in read_catalog(pot, settings)) if d]
    po = settings.po_path(locale, domain)
    if po.is_file():
        for e in read_catalog(po, settings):
            d = disclaimer_id(e)
            if d and e.msgstr and "fuzzy" not in e.flags:
                published[d] = e.msgstr
    return ids, published


def _glossary_disclaimers(glossary, domain: str) -> list[str]:
    """The ids of the glossary's disclaimers that name ``domain`` among their documents."""
    ids = []
    for d in getattr(glossary, "disclaimers", ()) or ():
        d = glossary.disclaimers[d] if isinstance(d, str) else d
        if any(Path(x).stem == domain for x in tuple(getattr(d, "documents", ()) or ())):
            ids.append(d.id)
    return ids


def _expected(settings, glossary, domain: str, locale: str) -> dict[str, str]:
    """disclaimer id -> text that must be visible on the localised copy of ``domain``."""
    from l10n.checks.disclaimer import approved_text

    ids, published = _project_disclaimers(settings, domain, locale) if settings is not None else ([], {})
    if not ids and glossary is not None:
        ids = _glossary_disclaimers(glossary, domain)
    out = {}
    for did in ids:
        text = approved_text(glossary, did, locale) or published.get(did)
        if not text:
            raise L10nError(f"no approved or published {locale} translation of disclaimer {did!r} to look for",
                            path=domain)
        out[did] = text
    return out


def _targets(paths: list[Path], settings, locales: list[str] | None) -> list[Path]:
    """The files to check: those given (folders searched), else every catalog of the project's locales."""
    if not paths:
        from l10n.project import catalogs

        targets = [path for _, _, path in catalogs(settings, settings.resolve_locales(locales))]
        if not targets:
            raise L10nError("no catalogs found; run `l10n update` first", path=_rel(settings, settings.locales_dir))
        return targets
    targets: list[Path] = []
    for p in paths:
        if p.is_dir():
            targets += sorted(x for x in p.rglob("*") if x.suffix in (".po", ".html", ".htm", ".md"))
        elif not p.exists():
            raise L10nError("file not found", path=str(p))
        else:
            targets.append(p)
    return targets


def _given_locale(paths: list[Path], locales: list[str] | None) -> str | None:
    """The locale given with -l for files given by path (None: each file's own)."""
    if not (paths and locales):
        return None
    if len(locales) > 1:
        raise typer.BadParameter("give one locale with file paths", param_hint="--locale")
    from l10n.locales import normalize_locale

    return normalize_locale(locales[0])


def _read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise L10nError(f"cannot read: {exc.strerror}", path=name) from None


def _input(path: Path, settings, glossary, locale_arg: str | None):
    """A file to check as a value: a CatalogInput or a PageInput (bad input raises, naming the file)."""
    from l10n.checks.files import CatalogInput, PageInput

    name = _rel(settings, path)
    suffix = path.suffix.lower()
    if suffix == ".po":
        return CatalogInput(name, _read(path, name), _template_for(settings, path))
    kind = _copy_format(suffix)
    if kind is None or kind.view is None:
        raise L10nError("not a PO catalog or a rendered .html/.md/.docx copy", path=name)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8") if not kind.binary else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise L10nError(f"cannot read: {exc}", path=name) from None
    loc = _page_locale(path, text, locale_arg, settings)
    return PageInput(name, data if kind.binary else text, kind.copy_suffix[1:], loc,
                     _expected(settings, glossary, path.stem, loc))


def run_check(paths: list[Path], locales: list[str] | None, project: Path | None, select: list[str] | None,
              use_cache: bool = True, executor=None, mt: bool = False):
    """Check the given files (or the whole project); returns (findings, checked files).

    In a project, entry findings of earlier runs come from ``.l10n/check-cache.sqlite``
    unless ``use_cache`` is False. ``executor`` (see :mod:`l10n.execute`; None:
    here) checks many catalogs, or the entries of a large one, possibly in
    parallel (same findings, same order). ``mt`` also checks unreviewed machine
    translation as it would be published (see :mod:`l10n.checks.machine`).
    """
    from l10n.checks import resolve_selection
    from l10n.checks.files import CheckRequest, check_files

    settings = _settings(project, required=not paths)
    glossary = _glossary(settings)
    options, ignore = _options(settings)
    chosen = resolve_selection(select) if select else None
    targets = _targets(paths, settings, locales)
    request = CheckRequest(glossary=glossary, locale=_given_locale(paths, locales),
                           select=frozenset(chosen) if chosen is not None else None, ignore=frozenset(ignore),
                           options=options, mt=mt)
    cache = None
    if use_cache and settings is not None:
        from l10n.checks.cache import SqliteCache

        cache = SqliteCache(settings.state_dir / "check-cache.sqlite")
    try:
        inputs = [_input(path, settings, glossary, request.locale) for path in targets]
        with progress("Checking", len(inputs)) as advance:
            results = check_files(inputs, request, executor=executor, cache=cache, on_result=lambda _i: advance())
    finally:
        if cache is not None:
            cache.close()
    return [f for r in results for f in r.findings], [r.checked for r in results]
def _copy_format(suffix: str):
    """The document format of a published copy (``.htm`` is read as ``.html``), or None."""
    from l10n.formats.documents import copy_format

    return copy_format(".html" if suffix == ".htm" else suffix)


def _listing() -> str:
    from l10n.checks import all_checks

    lines = [f"{'code':8} {'severity':9} {'waivable':9} {'name':28} title"]
    for s in all_checks():
        lines.append(f"{s.code:8} {str(s.severity):9} {'yes' if s.suppressible else 'no':9} {s.name:28} {s.title}")
    return "\n".join(lines) + "\n"


def _coverage(paths: list[Path], locales: list[str] | None, project: Path | None, select: list[str] | None) -> str:
    """``--coverage``: the meaning checks per locale (-l, else the catalogs' Language, else the project's)."""
    from l10n.checks import resolve_selection
    from l10n.checks.coverage import coverage, format_coverage
    from l10n.locales import normalize_locale

    settings = _settings(project, required=not paths and not locales)
    found = [normalize_locale(x) for x in locales or []]
    for p in [] if found else paths:
        if p.suffix == ".po" and p.is_file():
            m = re.search(rb'"Language: *([^\\"]+)', p.read_bytes())
            loc = normalize_locale(m.group(1).decode("utf-8", "replace").strip()) if m else None
            if loc and loc not in found:
                found.append(loc)
    _, ignore = _options(settings)
    chosen = resolve_selection(select) if select else None
    return format_coverage(coverage(loc, _glossary(settings), chosen, ignore)
                           for loc in found or (settings.locales if settings is not None else ()))


@app.command("check")
def check_cmd(paths: Annotated[list[Path] | None, typer.Argument(help="PO catalogs, rendered .html/.md copies or "
                                                                       "folders. Default: every project catalog.")] = None,
              locale: LocaleOpt = None, fmt: FormatOpt = "text", output: OutputOpt = None,
              select: SelectOpt = None, list_checks: Annotated[bool, typer.Option("--list", help="List the checks.")] = False,
              no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the project's cache "
                                                     "of entry findings (.l10n/check-cache.sqlite).")] = False,
              jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N",
                                                help="Processes for many or large catalogs (0: one per CPU, "
                                                     "the default; 1: no extra process).")] = 0,
              mt: Annotated[bool, typer.Option("--mt", help="Also check unreviewed machine translation (fuzzy, "
                                               "from `l10n translate`) as it would be published; its errors "
                                               "count.")] = False,
              show_coverage: Annotated[bool, typer.Option("--coverage", help="Show, per locale, which meaning "
                                                          "checks are active and which are not checked.")] = False,
              project: ProjectOpt = None) -> None:
    """Check translations: catalog health, meaning, glossary, markup, disclaimers.

    Exit 0 when clean, 1 when a finding is at error severity, 2 on bad input.
    Silence a warning on one entry with a translator comment
    "# l10n-waive: L10N204 reason" (disclaimer, negation, number and
    placeholder findings cannot be waived).

    Examples:

        l10n check

        l10n check -l es --format sarif -o l10n.sarif

        l10n check some/other/messages.po

        l10n check --no-cache            # recompute every finding (the cache is .l10n/check-cache.sqlite)

        l10n check -j 1 big.po           # one process (default: large work is spread over every CPU)

        l10n check --mt -l es            # also machine translation awaiting review, as it would be published

        l10n check dist/es/kratom-harm-reduction.html

        l10n check --coverage -l pt_BR    # which meaning checks are active for a locale
    """
    from l10n.checks import exit_code
    from l10n.checks.output import FORMATS, write_findings

    if list_checks:
        console.print(_listing(), markup=False, end="")
        return
    if show_coverage:
        console.print(_coverage(list(paths or []), locale, project, select), markup=False, end="")
        return
    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    from l10n.execute import local_executor

    with local_executor(jobs or None) as executor:
        findings, checked = run_check(list(paths or []), locale, project, select, use_cache=not no_cache,
                                      executor=executor, mt=mt)
    if output is not None:  # written a piece at a time: a large report is never one string
        try:
            with output.open("w", encoding="utf-8") as out:
                write_findings(out, findings, fmt, checked)
        except OSError as exc:
            raise L10nError(f"cannot write report: {exc.strerror}", path=str(output)) from None
    else:
        write_findings(sys.stdout, findings, fmt, checked)
        sys.stdout.flush()
    # A file that does not parse as a catalog is bad input (exit 2), reported
    # like any finding so that CI formats still name the file and line.
    code = 2 if any(f.code == "L10N101" for f in findings) else exit_code(findings)
    if code:
        raise typer.Exit(code)


@app.command("checks")
def checks_cmd() -> None:
    """List every check: code, severity, whether it can be waived, name and title.

    Examples:

        l10n checks
    """
    console.print(_listing(), markup=False, end="")
