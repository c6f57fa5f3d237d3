"""Checking a set of files: values in, findings out, the work spread by an executor.

The caller (``l10n check``) reads the files and hands them over as values:
a :class:`CatalogInput` per PO catalog (its bytes, the name its findings
carry, the project's template), a :class:`PageInput` per rendered copy (its
content, format, locale and the disclaimers it must show). :func:`check_files`
returns one :class:`FileResult` per input, in input order, whatever
:class:`~l10n.execute.Executor` did the work:

* many catalogs (:data:`PARALLEL_FILES` or more, and an executor with several
  workers): one task per file, each file's entries checked in its task;
* otherwise the files one after another here, and the executor checks the
  entries of a large catalog (see :func:`l10n.checks.check_catalog`).

Either way the findings, their order and what the cache stores are those of
a serial run. A catalog that does not parse gives its ``L10N101`` findings
(file and line) like any other finding; the other files are checked as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import polib

from l10n.checks.context import RunMemo
from l10n.checks.output import CheckedFile
from l10n.execute import Executor, SerialExecutor
from l10n.model import Finding

__all__ = ["PARALLEL_FILES", "CatalogInput", "CheckRequest", "FileResult", "PageInput", "check_files"]

#: From this many PO catalogs on (and with an executor of several workers), files are checked one per task.
PARALLEL_FILES = 8


@dataclass(frozen=True)
class CatalogInput:
    """A PO catalog to check: the name its findings carry, its bytes, and the project's template (or None)."""

    path: str
    data: bytes
    template: polib.POFile | None = None


@dataclass(frozen=True)
class PageInput:
    """A rendered copy to check: its name, content (text, or bytes for a binary format), format (the copy's
    suffix without the dot), locale, and the text of each disclaimer it must show."""

    path: str
    content: str | bytes
    fmt: str
    locale: str
    expected: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckRequest:
    """What every file of a run is checked with (see :func:`l10n.checks.check_catalog`).

    ``locale`` is the locale given for every catalog (None: each catalog's
    own); ``mt`` also checks unreviewed machine translation as it would be
    published (see :mod:`l10n.checks.machine`).
    """

    glossary: Any = None
    locale: str | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    options: Mapping[str, Any] = field(default_factory=dict)
    mt: bool = False


@dataclass(frozen=True)
class FileResult:
    """The findings of one file (in file order) and what was checked."""

    findings: list[Finding]
    checked: CheckedFile


@dataclass(frozen=True)
class _Job:
    """The shared context of the tasks of one run."""

    request: CheckRequest
    memo: RunMemo
    entries: Executor  # checks the entries of a large catalog (serial when the files are spread)
    cache: MutableMapping[str, str] | None = None  # used as it is (files checked here)
    cache_path: Path | None = None  # opened read-only by each task (files spread over workers)


def check_files(inputs: Sequence[CatalogInput | PageInput], request: CheckRequest, *,
                executor: Executor | None = None, cache: MutableMapping[str, str] | None = None,
                on_result: Callable[[int], None] | None = None) -> list[FileResult]:
    """Check every input; one :class:`FileResult` per input, in input order.

    ``cache`` holds the entry findings of earlier runs (see
    :mod:`l10n.checks.cache`) and receives the new ones, in input order. When
    the files are spread over workers, each reads the cache's file (a
    :class:`~l10n.checks.cache.SqliteCache`) on its own; a cache without a file
    is then not consulted. ``on_result(i)`` is called as the result of
    ``inputs[i]`` arrives (for a progress bar). An exception a check raises
    (an :class:`~l10n.errors.L10nError` on bad settings) is raised here.
    """
    executor = executor or SerialExecutor()
    memo = RunMemo()  # each distinct msgid is analysed once for all the catalogs of this run (of a worker)
    catalogs = sum(isinstance(x, CatalogInput) for x in inputs)
    if executor.workers < 2 or catalogs < PARALLEL_FILES:
        job = _Job(request, memo, executor, cache=cache)
        return [result for result, _new in SerialExecutor().map(_check_one, inputs, shared=job, on_result=on_result)]
    path = getattr(cache, "path", None) if not executor.distributed else None
    job = _Job(request, memo, SerialExecutor(), cache_path=path)
    # the catalogs of one locale folder go to the same worker, which then loads that locale's data alone
    order = sorted(range(len(inputs)), key=lambda i: (_locale_folder(inputs[i].path), i))
    done = executor.map(_check_one, [inputs[i] for i in order], shared=job,
                        on_result=None if on_result is None else (lambda n: on_result(order[n])))
    by_input = dict(zip(order, done))
    results = []
    for i in range(len(inputs)):  # in input order, as a serial run stores them
        result, new = by_input[i]
        if cache is not None:
            cache.update(new)
        results.append(result)
    return results


def _locale_folder(name: str) -> str:
    """The folder naming a catalog's locale (``es`` of ``es/LC_MESSAGES/x.po`` or ``locales/es/x.po``)."""
    parent = PurePosixPath(name.replace("\\", "/")).parent
    return parent.parent.name if parent.name == "LC_MESSAGES" else parent.name


def _check_one(job: _Job, item: CatalogInput | PageInput) -> tuple[FileResult, dict[str, str]]:
    """The executor's task: the result of one file, and the cache entries it computed for the parent to store."""
    if isinstance(item, PageInput):
        return _check_page(job.request, item), {}
    cache, own = job.cache, None
    if job.cache_path is not None:
        from l10n.checks.cache import ReadOnlyCache

        cache = own = ReadOnlyCache(job.cache_path)
    try:
        result = _check_catalog_file(job, item, cache)
    finally:
        if own is not None:
            own.close()
    return result, (own.pending if own is not None else {})


def _check_page(request: CheckRequest, page: PageInput) -> FileResult:
    from l10n.checks.rendered import check_rendered

    found = check_rendered(page.content, page.fmt, locale=page.locale, glossary=request.glossary,
                           expected=dict(page.expected), path=page.path)
    if request.select is not None:
        found = [f for f in found if f.code in request.select]
    return FileResult(found, CheckedFile(page.path, page.locale, tuple(page.expected)))


def _check_catalog_file(job: _Job, item: CatalogInput, cache: MutableMapping[str, str] | None) -> FileResult:
    """Findings of one PO catalog (with ``mt``, unreviewed machine translation checked too)."""
    from l10n.checks import check_file
    from l10n.checks.disclaimer import disclaimer_id

    request = job.request
    kwargs = dict(glossary=request.glossary, template=item.template, path=item.path, select=request.select,
                  ignore=request.ignore, options=request.options, memo=job.memo)
    found, loc = check_file(item.data, locale=request.locale, cache=cache, executor=job.entries, **kwargs)
    if request.mt and loc:
        found = found + _machine_findings(item.data, found, loc, **kwargs)
        found.sort(key=lambda f: (f.line, f.code))
    ids = tuple(d for d in (disclaimer_id(e) for e in (item.template or [])) if d)
    return FileResult(found, CheckedFile(item.path, loc, ids))


def _machine_findings(data: bytes, found: list[Finding], locale: str, **kwargs: Any) -> list[Finding]:
    """What the unreviewed machine translations of a catalog would be reported for if they were published."""
    from l10n.catalogs.provenance import is_unreviewed_machine_translation
    from l10n.checks import check_catalog, parse_catalog
    from l10n.checks.machine import as_published_findings, unfuzzied_view

    po, _problems = parse_catalog(data, kwargs["path"])
    if po is None:
        return []
    view, keys = unfuzzied_view(po, is_unreviewed_machine_translation)
    return as_published_findings(check_catalog, view, keys, found, locale=locale, **kwargs)
