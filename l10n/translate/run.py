"""Translating a locale's catalogs: the project-level entry point.

:func:`translate_locale` reads ``locales/<locale>/LC_MESSAGES/*.po``, and
for every untranslated entry, in this order: skips safety disclaimers
(never sent; ``l10n update`` fills the approved translation, and those with
none are reported), takes an exact human translation of the same text from
the project's catalogs or the memory, takes the engine's earlier answer from
the translation memory, and only then sends the masked text to the engine.
Each answer is validated; a failing segment stays untranslated and its
reason is reported.

Machine output enters as ``fuzzy`` with a translator comment
``# machine translation: <provider>, <YYYY-MM-DD>`` (see
:func:`is_machine_translation`). A machine translation never overwrites a
human one: only empty entries are filled, and fuzzy machine translations of
a source text that has since changed (``#|`` previous msgid) are redone.

The memory is committed after every batch and the catalogs are written even
when the run is interrupted, so Ctrl-C loses nothing already translated.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from l10n.model import DISCLAIMER_PREFIX
from l10n.catalogs.pofile import encode_po
from l10n.catalogs.provenance import (MT_MARKER, is_machine_translation, is_unreviewed_machine_translation,
                                      machine_comment)
from l10n.execute import Executor
from l10n.fileio import atomic_write, file_stamp
from l10n.catalogs.header import format_date, now
from l10n.config import Settings
from l10n.errors import CatalogError, ProviderError, ProviderUnavailable
from l10n.translate.base import ProviderConfig, parse_provider_config
from l10n.translate.memory import SQLMemory
from l10n.translate.protect import Masked, mask, validate
from l10n.translate.registry import make_factory
from l10n.translate.resilience import Backoff, RateLimiter, translate_texts
from l10n.translate.store import MemoryLocation, locate, open_location, require_shared_memory

__all__ = ["MT_MARKER", "CatalogJob", "CatalogResult", "FilledEntry", "TranslateContext", "TranslationSummary", "is_machine_translation", "is_unreviewed_machine_translation",
           "machine_comment", "translate_catalog", "translate_locale"]

@dataclass(frozen=True)
class TranslationSummary:
    """What one ``translate_locale`` run did (or, with ``dry_run``, would do).

    ``sent_segments``/``sent_chars``: distinct masked texts sent to the engine
    (would be sent); ``from_memory``: entries filled from the memory or from
    a human translation of the same text; ``translated``: entries filled;
    ``failed``: ``(msgid, reason)`` of entries left untranslated;
    ``skipped_disclaimers``: ids of disclaimers without an approved translation;
    ``kept``: entries this run translated but did not write, because a person
    (an XLIFF import, an editor) filled them while it ran.
    """

    locale: str
    provider: str
    sent_segments: int = 0
    sent_chars: int = 0
    from_memory: int = 0
    translated: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    skipped_disclaimers: tuple[str, ...] = ()
    dry_run: bool = False
    files: tuple[str, ...] = field(default=())
    kept: int = 0

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {"locale": self.locale, "provider": self.provider, "dry_run": self.dry_run,
                "sent_segments": self.sent_segments, "sent_chars": self.sent_chars,
                "from_memory": self.from_memory, "translated": self.translated,
                "failed": [{"msgid": m, "reason": r} for m, r in self.failed],
                "skipped_disclaimers": list(self.skipped_disclaimers), "files": list(self.files),
                "kept": self.kept}


def _load_glossary(settings: Settings) -> Any:
    from l10n.project import load_project_glossary

    return load_project_glossary(settings)


def _candidate(entry: polib.POEntry) -> bool:
    """An entry the engine may fill: empty, or stale fuzzy machine output."""
    if entry.obsolete or entry.msgid_plural:
        return False
    if not entry.msgstr:
        return True
    return is_unreviewed_machine_translation(entry) and bool(entry.previous_msgid)


def _human_translations(catalogs: list[tuple[Path, polib.POFile]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for _, po in catalogs:
        for e in po:
            if (not e.obsolete and e.msgstr and not e.msgid_plural and "fuzzy" not in e.flags
                    and e.msgid not in out):
                out[e.msgid] = e.msgstr
    return out


def _fill(entry: polib.POEntry, text: str, provider: str | None, revised: str) -> None:
    """Fill ``entry``; machine output (``provider``) is marked fuzzy and dated the day of ``revised``."""
    entry.msgstr = text
    entry.previous_msgid = entry.previous_msgctxt = None
    lines = [ln for ln in (entry.tcomment or "").splitlines() if not ln.startswith(MT_MARKER)]
    if provider is not None:
        lines.append(machine_comment(provider, _day(revised)))
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
    else:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    entry.tcomment = "\n".join(lines)


def _day(revised: str) -> str:
    """The day (``YYYY-MM-DD``) of a gettext date (``2026-11-24 20:36+0000``, see :func:`format_date`)."""
    return revised[:10]


@dataclass(frozen=True)
class TranslateContext:
    """What the catalogs of one locale's run share: read-only, sent once to each worker.

    ``humans``: msgid -> a reviewed translation found in the locale's
    catalogs; ``memory``: where the translation memory is (a worker opens it
    itself: a SQLite path on this machine, or a PostgreSQL URL anywhere);
    ``revised``: the run's date (:func:`format_date` of the caller's ``now()``), the
    ``PO-Revision-Date`` of a catalog it fills and the day of its machine-translation
    notices. A worker never reads its own clock: the outputs are those of a run here.
    """

    locale: str
    provider: str
    config: ProviderConfig
    source_lang: str
    glossary: Any
    glossary_version: str
    humans: Mapping[str, str]
    memory: MemoryLocation
    revised: str
    dry_run: bool = False

    @property
    def key(self) -> dict[str, str]:
        """The memory's key for this run's answers."""
        return {"provider": self.provider, "source_lang": self.source_lang, "target_lang": self.locale,
                "glossary_version": self.glossary_version}


@dataclass(frozen=True)
class CatalogJob:
    """One catalog to translate: its name (relative to the project, for messages) and its bytes as read."""

    name: str
    data: bytes


@dataclass(frozen=True)
class FilledEntry:
    """An entry a run filled: its key, its ``msgstr`` as read (``was``), and what the run gave it."""

    msgctxt: str | None
    msgid: str
    was: str
    msgstr: str
    flags: tuple[str, ...]
    previous_msgid: str | None
    previous_msgctxt: str | None
    tcomment: str

    def apply(self, entry: polib.POEntry) -> None:
        """Give ``entry`` (the same entry, read again) this run's translation."""
        entry.msgstr, entry.flags = self.msgstr, list(self.flags)
        entry.previous_msgid, entry.previous_msgctxt = self.previous_msgid, self.previous_msgctxt
        entry.tcomment = self.tcomment


@dataclass(frozen=True)
class CatalogResult:
    """What :func:`translate_catalog` did to one catalog (values only).

    ``data``: the catalog with its entries filled, ready to write (None when
    nothing was filled, or a dry run); ``sent``: the masked texts sent to the
    engine; ``to_send``: with a dry run, those it would send; ``error``: what
    stopped the run (Ctrl-C, an engine gone) after filling what it could.
    """

    name: str
    data: bytes | None = None
    filled: tuple[FilledEntry, ...] = ()
    sent: tuple[str, ...] = ()
    to_send: tuple[str, ...] = ()
    from_memory: int = 0
    translated: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    skipped: tuple[str, ...] = ()
    planned: int = 0
    error: BaseException | None = None


def translate_locale(settings: Settings, locale: str, provider_name: str, *, dry_run: bool = False,
                     options: Mapping[str, Any] | None = None,
                     on_progress: Callable[[int, int], None] | None = None,
                     executor: Executor | None = None) -> TranslationSummary:
    """Fill the untranslated entries of ``locale``'s catalogs with ``provider_name``.

    ``options`` override ``[tool.l10n.providers.<name>]`` (``base_url``,
    ``timeout``, ``concurrency``, ``rate_limit``...). ``on_progress(done, total)``
    is called after each batch. Nothing is written with ``dry_run``.

    Each catalog is one :func:`translate_catalog`: one after another here, or
    as tasks of ``executor`` (forked processes, a Dask cluster) when one is
    given, each worker opening the memory itself, whose claims keep a segment
    from being sent twice. The catalogs are written here at the end, in a fixed
    order, also when the run is interrupted.
    """
    from l10n.project import catalogs as list_catalogs, read_catalog, rel

    if executor is not None and not dry_run:  # a SQLite memory on a cluster: every worker would open its own file
        require_shared_memory(settings, executor, locales=(locale,))
    opts = dict(options or {})
    sleep = opts.pop("sleep", None)
    _check_pseudo(provider_name, locale)
    config = parse_provider_config(provider_name, settings.providers.get(provider_name), opts)
    found = list_catalogs(settings, (locale,))
    if not found:
        raise CatalogError(f"no catalogs for {locale}; run `l10n update -l {locale}` first",
                           path=rel(settings, settings.locales_dir))
    paths = [path for _, _, path in found]
    stamps = [file_stamp(path) for path in paths]  # before reading: a later write is seen at write time
    jobs = [CatalogJob(rel(settings, path), path.read_bytes()) for path in paths]
    catalogs = [(path, read_catalog(path, settings, locale=locale)) for path in paths]
    glossary = _load_glossary(settings)
    context = TranslateContext(locale, provider_name, config, settings.source_language, glossary,
                               str(getattr(glossary, "version", "") or ""), _human_translations(catalogs),
                               locate(settings), format_date(now()), dry_run)
    if executor is not None and len(jobs) > 1 and not dry_run and sleep is None:
        results = executor.map(_translate_task, jobs, shared=context)
    else:
        results = _translate_here(context, jobs, on_progress, sleep)
    superseded, written = (0, []) if dry_run else _write_results(settings, locale, paths, stamps, results,
                                                                 context.revised)
    for result in results:
        if result.error is not None:
            raise result.error
    return _summary(context, results, superseded, tuple(rel(settings, p) for p in written))


def _translate_here(context: TranslateContext, jobs: list[CatalogJob], on_progress: Callable[[int, int], None] | None,
                    sleep: Callable[[float], None] | None) -> list[CatalogResult]:
    """The catalogs one after another in this process, stopping at the first that stopped."""
    results: list[CatalogResult] = []
    progress = _Progress(on_progress)
    for job in jobs:
        results.append(translate_catalog(context, job, on_progress=progress.report, sleep=sleep))
        progress.next_catalog(results[-1].planned)
        if results[-1].error is not None:
            break
    return results


def _translate_task(context: TranslateContext, job: CatalogJob) -> CatalogResult:
    """One catalog as an executor task (module level, so it can be pickled)."""
    return translate_catalog(context, job)


def _check_pseudo(provider_name: str, locale: str) -> None:
    from l10n.locales import PSEUDO_LOCALES

    if (provider_name == "pseudo") != (locale in PSEUDO_LOCALES):
        raise ProviderUnavailable(
            f"the pseudo provider writes pseudo-locales ({', '.join(PSEUDO_LOCALES)}) only, and they take no other"
            f" engine; {locale} with {provider_name!r} would publish text that is not {locale}")


class _Progress:
    """``on_progress(done, total)`` over the whole locale, from each catalog's own counts."""

    def __init__(self, on_progress: Callable[[int, int], None] | None) -> None:
        self._on_progress = on_progress
        self._base = 0

    def report(self, done: int, total: int) -> None:
        if self._on_progress:
            self._on_progress(self._base + done, self._base + total)

    def next_catalog(self, planned: int) -> None:
        self._base += planned


def _summary(context: TranslateContext, results: list[CatalogResult], superseded: int,
             files: tuple[str, ...]) -> TranslationSummary:
    failed: dict[str, str] = {}
    for result in results:
        for msgid, reason in result.failed:
            failed.setdefault(msgid, reason)
    skipped = tuple(did for r in results for did in r.skipped)
    from_memory = sum(r.from_memory for r in results)
    if context.dry_run:
        to_send = list(dict.fromkeys(t for r in results for t in r.to_send))
        return TranslationSummary(context.locale, context.provider, sent_segments=len(to_send),
                                  sent_chars=sum(len(t) for t in to_send), from_memory=from_memory, dry_run=True,
                                  failed=tuple(failed.items()), skipped_disclaimers=skipped)
    sent = [t for r in results for t in r.sent]
    return TranslationSummary(context.locale, context.provider, sent_segments=len(sent),
                              sent_chars=sum(len(t) for t in sent), from_memory=from_memory,
                              translated=sum(r.translated for r in results) - superseded,
                              failed=tuple(failed.items()), skipped_disclaimers=skipped, files=files,
                              kept=superseded)


def translate_catalog(context: TranslateContext, job: CatalogJob, *,
                      on_progress: Callable[[int, int], None] | None = None,
                      sleep: Callable[[float], None] | None = None) -> CatalogResult:
    """Translate one catalog: values in, values out (a worker can run it; it opens the memory itself).

    In order, for every untranslated entry: a disclaimer is skipped (never
    sent), an exact human translation (``context.humans``, then the memory)
    is taken, then the engine's earlier answer in the memory, and only then
    is the masked text claimed and sent (or awaited from another run that
    claimed it). An error that stops the run (Ctrl-C included) comes back in
    ``error`` with everything filled before it.
    """
    run = _CatalogRun(context, job, sleep)
    try:
        run.scan()
        if not context.dry_run:
            run.translate(on_progress)
    except BaseException as exc:  # noqa: BLE001  (returned: the caller writes what was filled, then raises it)
        return run.result(error=exc)
    finally:
        run.close()
    return run.result()


class _CatalogRun:
    """The state of :func:`translate_catalog` on one catalog."""

    def __init__(self, context: TranslateContext, job: CatalogJob, sleep: Callable[[float], None] | None) -> None:
        self.context, self.job, self.sleep = context, job, sleep
        self.key = context.key
        self.po: polib.POFile | None = None
        self.tm: SQLMemory | None = None
        self.recorders = _Recorders()  # the worker threads' connections (see _recording_factory)
        self.failed: dict[str, str] = {}
        self.skipped: list[str] = []
        self.filled: list[polib.POEntry] = []
        self.was: dict[int, str] = {}  # id(entry) -> its msgstr when read
        self.pending: dict[str, list[tuple[polib.POEntry, Masked]]] = {}
        self.local: list[tuple[polib.POEntry, Masked]] = []
        self.remembered: dict[str, str] = {}
        self.sent: list[str] = []
        self.from_memory = self.translated = self.done = self.planned = 0

    # -- reading -------------------------------------------------------------------------------------------
    def scan(self) -> None:
        """Sort the catalog's entries: skipped, filled from a human translation, local, or pending."""
        from l10n.catalogs.pofile import read_po

        context = self.context
        self.po = read_po(self.job.data, self.job.name)
        if not context.dry_run or _exists(context.memory):
            self.tm = open_location(context.memory)
        for entry in self.po:
            if self._set_aside(entry) or not _candidate(entry):
                continue
            self.was[id(entry)] = entry.msgstr
            human = context.humans.get(entry.msgid) or (
                self.tm.human(entry.msgid, context.source_lang, context.locale) if self.tm else None)
            if human:
                self._from_human(entry, human)
                continue
            masked = mask(entry.msgid, glossary=context.glossary, locale=context.locale)
            if masked.translatable:
                self.pending.setdefault(masked.text, []).append((entry, masked))
            else:
                self.local.append((entry, masked))
        if self.tm is not None:
            for text in self.pending:
                hit = self.tm.get(text, **self.key)
                if hit is not None:
                    self.remembered[text] = hit

    def _set_aside(self, entry: polib.POEntry) -> bool:
        """A disclaimer (never sent) or an untranslated plural entry (not machine-translated)."""
        if (entry.msgctxt or "").startswith(DISCLAIMER_PREFIX):
            if not entry.msgstr and not entry.obsolete:
                self.skipped.append(entry.msgctxt[len(DISCLAIMER_PREFIX):])
            return True
        if entry.msgid_plural and not entry.obsolete and not any(entry.msgstr_plural.values()):
            self.failed.setdefault(entry.msgid, "plural entries are not machine-translated")
            return True
        return False

    def _from_human(self, entry: polib.POEntry, human: str) -> None:
        self.from_memory += 1
        if not self.context.dry_run:
            self._fill(entry, human, None)

    def _fill(self, entry: polib.POEntry, text: str, provider: str | None) -> None:
        _fill(entry, text, provider, self.context.revised)
        self.filled.append(entry)
        self.translated += 1

    @property
    def to_send(self) -> list[str]:
        return [t for t in self.pending if t not in self.remembered]

    # -- translating ---------------------------------------------------------------------------------------
    def translate(self, on_progress: Callable[[int, int], None] | None) -> None:
        """Fill what needs no engine, then claim, send and await the rest."""
        for entry, masked in self.local:  # nothing but protected spans: no engine needed
            self._fill(entry, masked.unmask(masked.text), self.context.provider)
        for text, answer in self.remembered.items():
            before = self.translated
            self._apply(text, answer)
            self.from_memory += self.translated - before
        to_send = self.to_send
        if not to_send:
            return
        assert self.tm is not None
        self.planned = len(to_send)
        claims = self.tm.claim(to_send, **self.key)
        self._reuse(dict(claims.answered))
        self.done = len(claims.answered)
        sender = self._sender(set(to_send), on_progress)
        sender(list(claims.mine))
        self._await(list(claims.waiting), sender)

    def _sender(self, claimed: set[str], on_progress: Callable[[int, int], None] | None) -> Callable[[list[str]], None]:
        context = self.context
        config = context.config
        factory = _recording_factory(make_factory(config, source=context.source_lang, target=context.locale),
                                     context.memory, claimed, self.key, self.tm.owner, self.recorders)
        limiter = RateLimiter(config.rate_limit)
        kwargs: dict[str, Any] = {"sleep": self.sleep} if self.sleep else {}

        def send(texts: list[str]) -> None:
            if not texts:
                return
            for batch in translate_texts(factory, texts, source=context.source_lang, target=context.locale,
                                         concurrency=config.concurrency, retries=config.retries,
                                         backoff=Backoff(base=config.backoff), limiter=limiter,
                                         max_chars=config.max_chars, batch_size=config.batch_size, **kwargs):
                answered = []
                for idx, answer in batch:
                    text = texts[idx]
                    self.sent.append(text)
                    self._settle(text, answer)
                    answered.append(text)
                self.tm.commit()
                self.tm.release(answered, **self.key)
                self.done += len(batch)
                if on_progress:
                    on_progress(self.done, self.planned)

        return send

    def _await(self, waiting: list[str], send: Callable[[list[str]], None]) -> None:
        """Segments another run is sending: await its answers, never send them again."""
        while waiting:
            answers, free = self.tm.poll(waiting, **self.key)
            self._reuse(answers)
            self.done += len(answers)
            waiting = [t for t in waiting if t not in answers and t not in free]
            if free:  # that run failed on them or is gone: this run sends them
                again = self.tm.claim(free, **self.key)
                self._reuse(dict(again.answered))
                waiting += again.waiting
                send(list(again.mine))
            if waiting:
                _wait(self.sleep)

    def _apply(self, text: str, answer: str | ProviderError) -> str | None:
        """Validate and fill every entry of one masked text; the first good translation."""
        good = None
        for entry, masked in self.pending.get(text) or [(e, m) for e, m in self.local if m.text == text]:
            if isinstance(answer, ProviderError):
                self.failed.setdefault(entry.msgid, str(answer))
                continue
            try:
                result = validate(masked, answer)
            except ProviderError as exc:
                self.failed.setdefault(entry.msgid, str(exc))
                continue
            self._fill(entry, result, self.context.provider)
            good = good or result
        return good

    def _settle(self, text: str, answer: str | ProviderError) -> None:
        """Apply one answer, keep a good one in the memory, then the caller drops the claim."""
        good = self._apply(text, answer)
        if good is not None and isinstance(answer, str):
            self.tm.put(text, answer.strip(), **self.key, plain_source=self.pending[text][0][1].source,
                        plain_target=good, commit=False)

    def _reuse(self, answers: Mapping[str, str]) -> None:
        """Answers another run received (stored on its claims or in the memory): nothing is sent."""
        for text, answer in answers.items():
            before = self.translated
            self._settle(text, answer)
            self.from_memory += self.translated - before
        self.tm.commit()  # the memory first, then the claims go: a waiting run never misses an answer
        self.tm.release(answers, **self.key)

    # -- the end -------------------------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.recorders.discard()
        finally:
            if self.tm is not None:
                if not self.context.dry_run:
                    self.tm.release_unanswered()
                self.tm.close()

    def result(self, error: BaseException | None = None) -> CatalogResult:
        data = None
        if self.filled and not self.context.dry_run:
            self.po.metadata["PO-Revision-Date"] = self.context.revised
            data = encode_po(self.po, or_utf8=True)
        from_memory = self.from_memory
        if self.context.dry_run:
            from_memory += sum(len(self.pending[t]) for t in self.remembered)
        return CatalogResult(
            self.job.name, data, tuple(_filled_entry(e, self.was[id(e)]) for e in self.filled),
            sent=tuple(self.sent), to_send=tuple(self.to_send) if self.context.dry_run else (),
            from_memory=from_memory, translated=self.translated, failed=tuple(self.failed.items()),
            skipped=tuple(self.skipped), planned=self.planned, error=error)


def _filled_entry(entry: polib.POEntry, was: str) -> FilledEntry:
    return FilledEntry(entry.msgctxt, entry.msgid, was, entry.msgstr, tuple(entry.flags), entry.previous_msgid,
                       entry.previous_msgctxt, entry.tcomment or "")


#: Seconds between two looks at the memory while another run sends a segment this run needs.
POLL_INTERVAL = 0.2


def _wait(sleep: Callable[[float], None] | None) -> None:
    import time

    (sleep or time.sleep)(POLL_INTERVAL)


def _exists(where: MemoryLocation) -> bool:
    """Whether there is a memory to read (a dry run makes no SQLite file; a server is always there)."""
    return where.kind != "sqlite" or Path(where.target).exists()


class _Recorders:
    """The worker threads' connections to the memory, closed once no thread can be writing through them.

    After Ctrl-C the run ends while a worker thread may still be storing an
    answer: closing a SQLite connection under it would crash the interpreter.
    Recording and closing take the same lock; once closed, a late answer is not
    stored (the memory has every answer recorded before; the late one is sent
    again by the next run, which is what an interrupted request means anyway).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.closed = False
        self.opened: list[SQLMemory] = []

    def discard(self) -> None:
        with self.lock:
            self.closed = True
            for conn in self.opened:  # their answers are committed: no closing commit
                conn.discard()


def _recording_factory(factory: Callable[[], Any], where: MemoryLocation, claimed: set[str], key: Mapping[str, str],
                       owner: str, opened: _Recorders) -> Callable[[], Any]:
    """Providers that store every raw answer on its claim the moment it arrives (see memory's docstring).

    Each worker thread gets its own connection to the memory (appended to
    ``opened``, for the caller to close). A killed run thus leaves every
    answer it received, and the next run sends none of them again.
    """

    class Recording:
        def __init__(self, inner: Any) -> None:
            self._inner = inner
            self._tm: SQLMemory | None = None

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

        def translate_batch(self, texts: list[str], **kwargs: Any) -> Any:
            if len(texts) > 1 and getattr(type(self._inner), "batch_size", None) == 1:
                # an engine that answers one text per request (a larger batch was configured): each answer
                # is kept as it arrives, not when the whole batch is done
                answers = []
                for text in texts:
                    got = self._inner.translate_batch([text], **kwargs)
                    if not (isinstance(got, list) and len(got) == 1):
                        return got  # the caller reports the bad output
                    self._record([text], got)
                    answers.extend(got)
                return answers
            answers = self._inner.translate_batch(texts, **kwargs)
            self._record(texts, answers)
            return answers

        def _record(self, texts: list[str], answers: Any) -> None:
            if not (isinstance(answers, list) and len(answers) == len(texts)):
                return
            with opened.lock:
                for text, answer in zip(texts, answers):
                    if opened.closed:
                        return
                    if text in claimed and isinstance(answer, str) and answer.strip():
                        if self._tm is None:
                            self._tm = open_location(where)
                            opened.opened.append(self._tm)
                        self._tm.record_answer(text, answer, **key, owner=owner)

    return lambda: Recording(factory())


def _write_results(settings: Settings, locale: str, paths: list[Path], stamps: list[Any],
                   results: list[CatalogResult], revised: str) -> tuple[int, list[Path]]:
    """Write the catalogs of a run, each under its lock.

    Returns the number of entries left as someone else wrote them, and the
    catalogs written.

    A catalog nobody wrote since it was read is written as the run left it.
    Otherwise it is read again under the lock and only the entries this run
    filled that are still untranslated (or still the same stale machine
    output) take the run's text: a translation that arrived meanwhile (an
    XLIFF import, a translator's save) is never overwritten.
    """
    from l10n.catalogs.lock import catalog_lock

    superseded = 0
    written: list[Path] = []
    for path, stamp, result in zip(paths, stamps, results):
        if result.data is None:
            continue
        with catalog_lock(path, settings.state_dir, name=result.name):
            data = result.data
            if file_stamp(path) != stamp:
                kept, data = _merge_filled(settings, path, locale, result.filled, revised)
                superseded += kept
                if data is None:
                    continue
            atomic_write(path, data)
            written.append(path)
    return superseded, written


def _merge_filled(settings: Settings, path: Path, locale: str, filled: tuple[FilledEntry, ...],
                  revised: str) -> tuple[int, bytes | None]:
    """The catalog at ``path`` as written meanwhile, with this run's entries where still wanted.

    Returns how many entries someone else filled meanwhile (kept as they are)
    and the bytes to write (None: nothing of this run's applies any more).
    """
    from l10n.project import read_catalog

    fresh = read_catalog(path, settings, locale=locale)
    index = {(e.msgctxt, e.msgid): e for e in fresh if not e.obsolete}
    superseded = applied = 0
    for ours in filled:
        theirs = index.get((ours.msgctxt, ours.msgid))
        if theirs is None or not _candidate(theirs) or theirs.msgstr != ours.was:
            superseded += 1
            continue
        ours.apply(theirs)
        applied += 1
    if not applied:
        return superseded, None
    fresh.metadata["PO-Revision-Date"] = revised
    return superseded, encode_po(fresh, or_utf8=True)
