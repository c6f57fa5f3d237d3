"""CLI commands: check, checks."""

from __future__ import annotations

import gc
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console
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


def _expected(settings, glossary, domain: str, locale: str) -> dict[str, str]:
    """disclaimer id -> text that must be visible on the localised copy of ``domain``."""
    from l10n.checks.disclaimer import approved_text, disclaimer_id

    ids: list[str] = []
    published: dict[str, str] = {}
    if settings is not None:
        from l10n.project import read_catalog

        pot = settings.pot_path(domain)
        if pot.is_file():
            ids = [d for d in (disclaimer_id(e) for e in read_catalog(pot, settings)) if d]
        po = settings.po_path(locale, domain)
        if po.is_file():
            for e in read_catalog(po, settings):
                d = disclaimer_id(e)
                if d and e.msgstr and "fuzzy" not in e.flags:
                    published[d] = e.msgstr
    if not ids and glossary is not None:
        for d in getattr(glossary, "disclaimers", ()) or ():
            d = glossary.disclaimers[d] if isinstance(d, str) else d
            docs = tuple(getattr(d, "documents", ()) or ())
            if any(Path(x).stem == domain for x in docs):
                ids.append(d.id)
    out = {}
    for did in ids:
        text = approved_text(glossary, did, locale) or published.get(did)
        if text:
            out[did] = text
        else:
            raise L10nError(f"no approved or published {locale} translation of disclaimer {did!r} to look for",
                            path=domain)
    return out


def run_check(paths: list[Path], locales: list[str] | None, project: Path | None, select: list[str] | None,
              use_cache: bool = True, jobs: int = 1, mt: bool = False):
    """Check the given files (or the whole project); returns (findings, checked files).

    In a project, entry findings of earlier runs come from ``.l10n/check-cache.sqlite``
    unless ``use_cache`` is False. ``jobs`` > 1 checks many catalogs, or the
    entries of a large one, in that many processes (same findings, same order).
    ``mt`` also checks unreviewed machine translation as it would be published
    (see :mod:`l10n.checks.machine`).
    """
    from l10n.checks import RunMemo, resolve_selection

    settings = _settings(project, required=not paths)
    glossary = _glossary(settings)
    options, ignore = _options(settings)
    chosen = resolve_selection(select) if select else None
    targets: list[Path] = []
    if paths:
        for p in paths:
            if p.is_dir():
                targets += sorted(x for x in p.rglob("*") if x.suffix in (".po", ".html", ".htm", ".md"))
            elif not p.exists():
                raise L10nError("file not found", path=str(p))
            else:
                targets.append(p)
    else:
        from l10n.project import catalogs

        targets = [path for _, _, path in catalogs(settings, settings.resolve_locales(locales))]
        if not targets:
            raise L10nError("no catalogs found; run `l10n update` first", path=_rel(settings, settings.locales_dir))
    locale_arg = None
    if paths and locales:
        if len(locales) > 1:
            raise typer.BadParameter("give one locale with file paths", param_hint="--locale")
        from l10n.locales import normalize_locale

        locale_arg = normalize_locale(locales[0])
    findings, checked = [], []
    memo = RunMemo()  # each distinct msgid is analysed once for all the catalogs of this run
    cache = None
    if use_cache and settings is not None:
        from l10n.checks.cache import SqliteCache

        cache = SqliteCache(settings.state_dir / "check-cache.sqlite")
    try:
        _check_targets(targets, settings, glossary, options, ignore, chosen, locale_arg, memo, cache, findings,
                       checked, jobs, mt)
    finally:
        if cache is not None:
            cache.close()
    return findings, checked


#: From this many PO files on (and with several processes allowed), files are checked in parallel.
PARALLEL_FILES = 8

_FILE_JOB: tuple | None = None  # (targets, arguments) set before forking, inherited by the workers


def _check_po(path: Path, settings, glossary, options, ignore, chosen, locale_arg, memo, cache, jobs, mt=False):
    """Findings and the CheckedFile of one PO catalog (with ``mt``, unreviewed machine translation checked too)."""
    from l10n.checks import check_file
    from l10n.checks.disclaimer import disclaimer_id
    from l10n.checks.output import CheckedFile

    name = _rel(settings, path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise L10nError(f"cannot read: {exc.strerror}", path=name) from None
    template = _template_for(settings, path)
    found, loc = check_file(data, locale=locale_arg, glossary=glossary, template=template, path=name,
                            select=chosen, ignore=ignore, options=options, memo=memo, cache=cache, jobs=jobs)
    if mt and loc:
        found = found + _machine_findings(data, found, loc, glossary=glossary, template=template, path=name,
                                          select=chosen, ignore=ignore, options=options, memo=memo)
        found.sort(key=lambda f: (f.line, f.code))
    ids = tuple(d for d in (disclaimer_id(e) for e in (template or [])) if d)
    return found, CheckedFile(name, loc, ids)


def _machine_findings(data: bytes, found: list, locale: str, **kwargs) -> list:
    """What the unreviewed machine translations of a catalog would be reported for if they were published."""
    from l10n.checks import check_catalog, parse_catalog
    from l10n.checks.machine import as_published_findings, unfuzzied_view
    from l10n.translate import is_unreviewed_machine_translation

    po, _problems = parse_catalog(data, kwargs["path"])
    if po is None:
        return []
    view, keys = unfuzzied_view(po, is_unreviewed_machine_translation)
    return as_published_findings(check_catalog, view, keys, found, locale=locale, **kwargs)


def _po_job(i: int):
    """Check the i-th target in a forked worker: (findings, checked file, new cache entries) or the error."""
    targets, (settings, glossary, options, ignore, chosen, locale_arg, memo, mt, cache_path) = _FILE_JOB  # type: ignore
    cache = None
    if cache_path is not None:
        from l10n.checks.cache import ReadOnlyCache

        cache = ReadOnlyCache(cache_path)
    try:
        found, checked = _check_po(targets[i], settings, glossary, options, ignore, chosen, locale_arg, memo,
                                   cache, 1, mt)
    except L10nError as exc:
        return exc
    finally:
        if cache is not None:
            cache.close()
    return _pack(found), checked, (cache.pending if cache is not None else {})


def _pack(findings: list) -> tuple[bool, list]:
    """Findings as plain tuples of their fields for the trip to the parent (pickling a frozen slots dataclass
    costs ten times more); anything but a plain Finding travels as it is."""
    from l10n.model import Finding

    if all(type(f) is Finding for f in findings):
        return True, list(map(_finding_fields(), findings))
    return False, findings


def _unpack(packed: tuple[bool, list]) -> list:
    from l10n.model import Finding

    plain, items = packed
    return [Finding(*t) for t in items] if plain else items


def _finding_fields():
    import dataclasses
    import operator

    from l10n.model import Finding

    names = [f.name for f in dataclasses.fields(Finding)]
    getter = operator.attrgetter(*names)
    return getter if len(names) > 1 else (lambda f: (getter(f),))


def _locale_folder(path: Path) -> str:
    """The folder naming a catalog's locale (``es`` of ``es/LC_MESSAGES/x.po`` or ``locales/es/x.po``)."""
    parent = path.parent
    return parent.parent.name if parent.name == "LC_MESSAGES" else parent.name


def _check_pos_parallel(targets: list[Path], jobs: int, args: tuple, cache) -> dict[Path, tuple]:
    """Check many PO files in ``jobs`` forked processes: (findings, checked file) or the error, by path."""
    global _FILE_JOB
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _FILE_JOB = (targets, args + (getattr(cache, "path", None),))
    # the catalogs of one locale folder go to the same worker, which then loads that locale's CLDR data alone
    order = sorted(range(len(targets)), key=lambda i: (_locale_folder(targets[i]), i))
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_po_job, order, chunksize=max(1, len(targets) // (jobs * 8))))
    finally:
        _FILE_JOB = None
    by_index = dict(zip(order, results))
    out: dict[Path, Any] = {}
    for i, path in enumerate(targets):  # in the serial order again
        result = by_index[i]
        if isinstance(result, L10nError):
            out[path] = result  # raised when the serial order reaches it
            continue
        found, checked, pending = result
        if cache is not None:
            cache.update(pending)
        out[path] = (_unpack(found), checked)
    return out


def _check_targets(targets, settings, glossary, options, ignore, chosen, locale_arg, memo, cache, findings,
                   checked, jobs: int = 1, mt: bool = False) -> None:
    from l10n.checks import check_rendered
    from l10n.parallel import can_fork
    from l10n.checks.output import CheckedFile

    pos = [p for p in targets if p.suffix.lower() == ".po"]
    done: dict[Path, tuple] = {}
    if jobs > 1 and len(pos) >= PARALLEL_FILES and can_fork():
        # many catalogs: one per process at a time (each worker checks a catalog's entries itself)
        done = _check_pos_parallel(pos, min(jobs, len(pos)), (settings, glossary, options, ignore, chosen,
                                                              locale_arg, memo, mt), cache)
    for path in targets:
        name = _rel(settings, path)
        suffix = path.suffix.lower()
        if suffix == ".po":
            if isinstance(done.get(path), L10nError):
                raise done[path]
            found, one = done.get(path) or _check_po(path, settings, glossary, options, ignore, chosen, locale_arg,
                                                     memo, cache, jobs, mt)
            findings += found
            checked.append(one)
        elif (kind := _copy_format(suffix)) is not None and kind.view is not None:
            try:
                data = path.read_bytes()
                text = data.decode("utf-8") if not kind.binary else ""
            except (OSError, UnicodeDecodeError) as exc:
                raise L10nError(f"cannot read: {exc}", path=name) from None
            loc = _page_locale(path, text, locale_arg, settings)
            expected = _expected(settings, glossary, path.stem, loc)
            found = check_rendered(data if kind.binary else text, kind.copy_suffix[1:], locale=loc,
                                   glossary=glossary, expected=expected, path=name)
            if chosen is not None:
                found = [f for f in found if f.code in chosen]
            findings += found
            checked.append(CheckedFile(name, loc, tuple(expected)))
        else:
            raise L10nError("not a PO catalog or a rendered .html/.md/.docx copy", path=name)


def _copy_format(suffix: str):
    """The document format of a published copy (``.htm`` is read as ``.html``), or None."""
    from l10n.formats.documents import copy_format

    return copy_format(".html" if suffix == ".htm" else suffix)


@contextmanager
def _batch_gc():
    """A garbage collector tuned for one batch run, restored afterwards.

    A check run allocates many small objects that live until the report is
    written; with the default thresholds the collector walks the whole heap
    (imports and parsed catalogs) again and again. Objects alive at the start
    are frozen (never walked), and a young collection waits for 50,000 new
    objects instead of 700. What is collected is unchanged, only when.
    """
    old = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # a host that froze its own objects keeps them as it froze them
    if freeze:
        gc.freeze()
    gc.set_threshold(50_000, old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        if freeze:
            gc.unfreeze()


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
    from l10n.checks.output import FORMATS, format_findings

    if list_checks:
        console.print(_listing(), markup=False, end="")
        return
    if show_coverage:
        console.print(_coverage(list(paths or []), locale, project, select), markup=False, end="")
        return
    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    if jobs == 0:
        from l10n.parallel import available_cpus

        jobs = available_cpus()
    with _batch_gc():
        findings, checked = run_check(list(paths or []), locale, project, select, use_cache=not no_cache,
                                      jobs=jobs, mt=mt)
        report = format_findings(findings, fmt, checked)
    if output is not None:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as exc:
            raise L10nError(f"cannot write report: {exc.strerror}", path=str(output)) from None
    else:
        sys.stdout.write(report)
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
