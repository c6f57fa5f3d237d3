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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from l10n.model import DISCLAIMER_PREFIX
from l10n.catalogs.pofile import encode_po
from l10n.catalogs.provenance import (MT_MARKER, is_machine_translation, is_unreviewed_machine_translation,
                                      machine_comment)
from l10n.fileio import atomic_write, file_stamp
from l10n.catalogs.header import format_date, now
from l10n.config import Settings
from l10n.errors import CatalogError, ProviderError, ProviderUnavailable
from l10n.translate.base import parse_provider_config
from l10n.translate.memory import SQLMemory
from l10n.translate.protect import Masked, mask, validate
from l10n.translate.registry import make_factory
from l10n.translate.resilience import Backoff, RateLimiter, translate_texts
from l10n.translate.store import MemoryLocation, locate, open_location

__all__ = ["MT_MARKER", "TranslationSummary", "is_machine_translation", "is_unreviewed_machine_translation",
           "machine_comment", "translate_locale"]

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


def _fill(entry: polib.POEntry, text: str, provider: str | None) -> None:
    entry.msgstr = text
    entry.previous_msgid = entry.previous_msgctxt = None
    lines = [ln for ln in (entry.tcomment or "").splitlines() if not ln.startswith(MT_MARKER)]
    if provider is not None:
        lines.append(machine_comment(provider))
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
    else:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    entry.tcomment = "\n".join(lines)


def translate_locale(settings: Settings, locale: str, provider_name: str, *, dry_run: bool = False,
                     options: Mapping[str, Any] | None = None,
                     on_progress: Callable[[int, int], None] | None = None) -> TranslationSummary:
    """Fill the untranslated entries of ``locale``'s catalogs with ``provider_name``.

    ``options`` override ``[tool.l10n.providers.<name>]`` (``base_url``,
    ``timeout``, ``concurrency``, ``rate_limit``...). ``on_progress(done, total)``
    is called after each batch. Nothing is written with ``dry_run``.
    """
    from l10n.project import catalogs as list_catalogs, read_catalog, rel

    opts = dict(options or {})
    sleep = opts.pop("sleep", None)
    from l10n.locales import PSEUDO_LOCALES

    if (provider_name == "pseudo") != (locale in PSEUDO_LOCALES):
        raise ProviderUnavailable(
            f"the pseudo provider writes pseudo-locales ({', '.join(PSEUDO_LOCALES)}) only, and they take no other"
            f" engine; {locale} with {provider_name!r} would publish text that is not {locale}")
    config = parse_provider_config(provider_name, settings.providers.get(provider_name), opts)
    found = list_catalogs(settings, (locale,))
    if not found:
        raise CatalogError(f"no catalogs for {locale}; run `l10n update -l {locale}` first",
                           path=rel(settings, settings.locales_dir))
    stamps = [file_stamp(path) for _, _, path in found]  # before reading: a later write is seen at write time
    catalogs = [(path, read_catalog(path, settings, locale=locale)) for _, _, path in found]
    glossary = _load_glossary(settings)
    gversion = str(getattr(glossary, "version", "") or "")
    src_lang = settings.source_language
    humans = _human_translations(catalogs)

    failed: dict[str, str] = {}
    skipped: list[str] = []
    changed: set[int] = set()
    filled: dict[int, list[polib.POEntry]] = {}
    as_read: dict[int, tuple] = {}  # id(entry) -> the entry's state when read, for candidates
    from_memory = translated = 0
    pending: dict[str, list[tuple[int, polib.POEntry, Masked]]] = {}
    local: list[tuple[int, polib.POEntry, Masked]] = []
    where = locate(settings)
    tm = open_location(where) if (not dry_run or _exists(where)) else None
    key = {"provider": provider_name, "source_lang": src_lang, "target_lang": locale, "glossary_version": gversion}
    written = False
    recorders: list[SQLMemory] = []  # the worker threads' connections (see _recording_factory)

    def fill(ci: int, entry: polib.POEntry, text: str, provider: str | None) -> None:
        _fill(entry, text, provider)
        changed.add(ci)
        filled.setdefault(ci, []).append(entry)

    def write_back() -> tuple[int, list[Path]]:
        """Write the filled entries: (how many a person filled meanwhile, so were not written; files written)."""
        nonlocal written
        written = True
        if dry_run:
            return 0, []
        return _write_filled(settings, [(catalogs[ci][0], stamps[ci], catalogs[ci][1], filled.get(ci, []))
                                        for ci in sorted(changed)], as_read, locale)

    try:
        for ci, (_, po) in enumerate(catalogs):
            for entry in po:
                if (entry.msgctxt or "").startswith(DISCLAIMER_PREFIX):
                    if not entry.msgstr and not entry.obsolete:
                        skipped.append(entry.msgctxt[len(DISCLAIMER_PREFIX):])
                    continue
                if entry.msgid_plural and not entry.obsolete and not any(entry.msgstr_plural.values()):
                    failed.setdefault(entry.msgid, "plural entries are not machine-translated")
                    continue
                if not _candidate(entry):
                    continue
                as_read[id(entry)] = _entry_state(entry)
                human = humans.get(entry.msgid) or (tm.human(entry.msgid, src_lang, locale) if tm else None)
                if human:
                    from_memory += 1
                    if not dry_run:
                        fill(ci, entry, human, None)
                        translated += 1
                    continue
                masked = mask(entry.msgid, glossary=glossary, locale=locale)
                if not masked.translatable:
                    local.append((ci, entry, masked))
                    continue
                pending.setdefault(masked.text, []).append((ci, entry, masked))
        # answers the memory already holds
        remembered: dict[str, str] = {}
        if tm is not None:
            for text in pending:
                hit = tm.get(text, **key)
                if hit is not None:
                    remembered[text] = hit
        to_send = [t for t in pending if t not in remembered]
        if dry_run:
            return TranslationSummary(
                locale, provider_name, sent_segments=len(to_send), sent_chars=sum(len(t) for t in to_send),
                from_memory=from_memory + sum(len(pending[t]) for t in remembered), dry_run=True,
                failed=tuple(failed.items()), skipped_disclaimers=tuple(skipped))

        def apply(text: str, answer: str | ProviderError, provider: str) -> str | None:
            """Validate and fill every entry of one masked text; the first good translation."""
            nonlocal translated
            good = None
            for ci, entry, masked in pending.get(text) or [(c, e, m) for c, e, m in local if m.text == text]:
                if isinstance(answer, ProviderError):
                    failed.setdefault(entry.msgid, str(answer))
                    continue
                try:
                    result = validate(masked, answer)
                except ProviderError as exc:
                    failed.setdefault(entry.msgid, str(exc))
                    continue
                fill(ci, entry, result, provider)
                translated += 1
                good = good or result
            return good

        def settle(text: str, answer: str | ProviderError) -> None:
            """Apply one answer, keep a good one in the memory (committed), then drop the claim."""
            good = apply(text, answer, provider_name)
            if good is not None and isinstance(answer, str):
                tm.put(text, answer.strip(), **key, plain_source=pending[text][0][2].source, plain_target=good,
                       commit=False)

        def reuse(answers: Mapping[str, str]) -> None:
            """Answers another run received (stored on its claims or in the memory): nothing is sent."""
            nonlocal from_memory
            for text, answer in answers.items():
                before = translated
                settle(text, answer)
                from_memory += translated - before
            tm.commit()  # the memory first, then the claims go: a waiting run never misses an answer
            tm.release(answers, **key)

        for ci, entry, masked in local:  # nothing but protected spans: no engine needed
            fill(ci, entry, masked.unmask(masked.text), provider_name)
            translated += 1
        for text, answer in remembered.items():
            before = translated
            apply(text, answer, provider_name)
            from_memory += translated - before
        sent: list[str] = []
        sent_chars = 0
        if to_send:
            claims = tm.claim(to_send, **key)
            reuse(dict(claims.answered))
            waiting = list(claims.waiting)
            factory = _recording_factory(make_factory(config, source=src_lang, target=locale), where,
                                         set(to_send), key, tm.owner, recorders)
            limiter = RateLimiter(config.rate_limit)
            total, done = len(to_send), len(claims.answered)
            kwargs: dict[str, Any] = {"sleep": sleep} if sleep else {}

            def send(texts: list[str]) -> None:
                nonlocal sent_chars, done
                if not texts:
                    return
                for batch in translate_texts(factory, texts, source=src_lang, target=locale,
                                             concurrency=config.concurrency, retries=config.retries,
                                             backoff=Backoff(base=config.backoff), limiter=limiter,
                                             max_chars=config.max_chars, batch_size=config.batch_size, **kwargs):
                    answered = []
                    for idx, answer in batch:
                        text = texts[idx]
                        sent.append(text)
                        sent_chars += len(text)
                        settle(text, answer)
                        answered.append(text)
                    tm.commit()
                    tm.release(answered, **key)
                    done += len(batch)
                    if on_progress:
                        on_progress(done, total)

            send(list(claims.mine))
            while waiting:  # segments another run is sending: await its answers, never send them again
                answers, free = tm.poll(waiting, **key)
                reuse(answers)
                done += len(answers)
                waiting = [t for t in waiting if t not in answers and t not in free]
                if free:  # that run failed on them or is gone: this run sends them
                    again = tm.claim(free, **key)
                    reuse(dict(again.answered))
                    waiting += again.waiting
                    send(list(again.mine))
                if waiting:
                    _wait(sleep)
        superseded, paths = write_back()
        return TranslationSummary(locale, provider_name, sent_segments=len(sent), sent_chars=sent_chars,
                                  from_memory=from_memory, translated=translated - superseded,
                                  failed=tuple(failed.items()), skipped_disclaimers=tuple(skipped),
                                  files=tuple(rel(settings, p) for p in paths), kept=superseded)
    finally:
        try:
            if not written:  # also on Ctrl-C: nothing already translated is lost
                write_back()
        finally:
            for conn in recorders:
                conn.close()
            if tm is not None:
                if not dry_run:
                    tm.release_unanswered()
                tm.close()


#: Seconds between two looks at the memory while another run sends a segment this run needs.
POLL_INTERVAL = 0.2


def _wait(sleep: Callable[[float], None] | None) -> None:
    import time

    (sleep or time.sleep)(POLL_INTERVAL)


def _exists(where: MemoryLocation) -> bool:
    """Whether there is a memory to read (a dry run makes no SQLite file; a server is always there)."""
    return where.kind != "sqlite" or Path(where.target).exists()


def _entry_state(entry: polib.POEntry) -> tuple:
    return (entry.msgstr, tuple(entry.flags), entry.previous_msgid, entry.previous_msgctxt, entry.tcomment or "")


def _recording_factory(factory: Callable[[], Any], where: MemoryLocation, claimed: set[str], key: Mapping[str, str],
                       owner: str, opened: list[SQLMemory]) -> Callable[[], Any]:
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
            if isinstance(answers, list) and len(answers) == len(texts):
                for text, answer in zip(texts, answers):
                    if text in claimed and isinstance(answer, str) and answer.strip():
                        if self._tm is None:
                            self._tm = open_location(where)
                            opened.append(self._tm)
                        self._tm.record_answer(text, answer, **key, owner=owner)

    return lambda: Recording(factory())


def _write_filled(settings: Settings, todo: list[tuple[Path, Any, polib.POFile, list[polib.POEntry]]],
                  as_read: Mapping[int, tuple], locale: str) -> tuple[int, list[Path]]:
    """Write the catalogs of a run, each under its lock.

    Returns the number of entries left as someone else wrote them, and the
    catalogs written.

    A catalog nobody wrote since it was read is written as is. Otherwise it
    is read again under the lock and only the entries this run filled that
    are still untranslated (or still the same stale machine output) take the
    run's text: a translation that arrived meanwhile (an
    XLIFF import, a translator's save) is never overwritten.
    """
    from l10n.catalogs.lock import catalog_lock
    from l10n.project import read_catalog, rel

    superseded = 0
    written: list[Path] = []
    for path, stamp, po, entries in todo:
        with catalog_lock(path, settings.state_dir, name=rel(settings, path)):
            if file_stamp(path) != stamp:
                fresh = read_catalog(path, settings, locale=locale)
                index = {(e.msgctxt, e.msgid): e for e in fresh if not e.obsolete}
                applied = 0
                for ours in entries:
                    theirs = index.get((ours.msgctxt, ours.msgid))
                    before = as_read.get(id(ours))
                    if theirs is None or before is None or not _candidate(theirs) or theirs.msgstr != before[0]:
                        superseded += 1
                        continue
                    theirs.msgstr, theirs.flags = ours.msgstr, list(ours.flags)
                    theirs.previous_msgid, theirs.previous_msgctxt = ours.previous_msgid, ours.previous_msgctxt
                    theirs.tcomment = ours.tcomment
                    applied += 1
                if not applied:
                    continue
                po = fresh
            po.metadata["PO-Revision-Date"] = format_date(now())
            atomic_write(path, encode_po(po, or_utf8=True))
            written.append(path)
    return superseded, written
