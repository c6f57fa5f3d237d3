"""translate_catalog: one catalog's work as values in, values out, run by workers sharing one memory."""

from __future__ import annotations

import dataclasses
import pickle
import threading

import pytest

from l10n.translate.base import parse_provider_config
from l10n.translate.providers.fake import FakeProvider
from l10n.translate.registry import register, unregister
from l10n.translate.run import CatalogJob, TranslateContext, translate_catalog
from l10n.translate.store import MemoryLocation
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

REVISED = "2026-01-01 00:00+0000"  # the date the caller gives the run
SEGMENTS = [f"Kratom leaves number {i} are bitter." for i in range(8)]


def _catalog(name: str) -> CatalogJob:
    body = "".join(f'\n#: {name}.md:{i}\nmsgid "{s}"\nmsgstr ""\n' for i, s in enumerate(SEGMENTS))
    head = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n'
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')
    return CatalogJob(f"locales/es/LC_MESSAGES/{name}.po", (head + body).encode("utf-8"))


def _context(memory: MemoryLocation, **kw) -> TranslateContext:
    return TranslateContext("es", "gated", parse_provider_config("gated", None, {}), "en", None, "", {}, memory,
                            REVISED, **kw)


@pytest.fixture
def gated():
    """An engine that answers only once another worker waits for a segment it is sending."""
    other_waits = threading.Event()
    calls: list[str] = []

    class Gated(FakeProvider):
        def translate_batch(self, texts, *, source, target):
            assert other_waits.wait(60), "the other worker never waited"
            calls.extend(texts)
            return ["ES " + t for t in texts]

    register("gated", lambda config, **kw: Gated())
    yield calls, lambda seconds: other_waits.set()
    unregister("gated")


def _two_workers(context: TranslateContext, sleep) -> list:
    results: list = [None, None]

    def work(i: int) -> None:
        results[i] = translate_catalog(context, _catalog(f"doc{i}"), sleep=sleep)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def _check_each_segment_sent_once(results, calls) -> None:
    assert all(r is not None and r.error is None for r in results), results
    assert sorted(calls) == sorted(SEGMENTS)  # each segment sent once, by one worker
    sender, waiter = sorted(results, key=lambda r: len(r.sent), reverse=True)
    assert sorted(sender.sent) == sorted(SEGMENTS) and waiter.sent == ()
    assert waiter.from_memory == waiter.translated == len(SEGMENTS)
    for r in results:
        text = r.data.decode("utf-8")
        assert all(f'msgstr "ES {s}"' in text for s in SEGMENTS) and "#, fuzzy" in text


def test_two_workers_on_sqlite_send_each_segment_once(tmp_path, gated):
    calls, sleep = gated
    memory = MemoryLocation("sqlite", str(tmp_path / "tm.sqlite"))
    _check_each_segment_sent_once(_two_workers(_context(memory), sleep), calls)


def test_two_workers_on_postgresql_send_each_segment_once(pg_url, gated):  # noqa: F811
    calls, sleep = gated
    memory = MemoryLocation("postgresql", pg_url)
    _check_each_segment_sent_once(_two_workers(_context(memory), sleep), calls)


def test_jobs_and_results_are_values(tmp_path):
    memory = MemoryLocation("sqlite", str(tmp_path / "tm.sqlite"))
    context = TranslateContext("es", "fake", parse_provider_config("fake", None, {}), "en", None, "", {}, memory,
                               REVISED)
    job = _catalog("doc")
    assert pickle.loads(pickle.dumps((context, job))) == (context, job)  # can be sent to a worker
    result = translate_catalog(context, job)
    assert pickle.loads(pickle.dumps(result)) == result
    assert len(result.filled) == len(SEGMENTS) and result.filled[0].was == ""
    dry = translate_catalog(dataclasses.replace(context, dry_run=True), job)  # the memory has them all now
    assert dry.data is None and dry.to_send == () and dry.from_memory == len(SEGMENTS)


def test_an_interrupted_catalog_returns_what_it_filled(tmp_path):
    class Interrupting(FakeProvider):
        batch_size = 1
        seen = 0

        def translate_batch(self, texts, *, source, target):
            Interrupting.seen += 1
            if Interrupting.seen == 3:
                raise KeyboardInterrupt
            return ["ES " + t for t in texts]

    register("ctrlc-one", lambda config, **kw: Interrupting())
    try:
        memory = MemoryLocation("sqlite", str(tmp_path / "tm.sqlite"))
        context = TranslateContext("es", "ctrlc-one", parse_provider_config("ctrlc-one", None, {"concurrency": 1}),
                                   "en", None, "", {}, memory, REVISED)
        result = translate_catalog(context, _catalog("doc"))
    finally:
        unregister("ctrlc-one")
    assert isinstance(result.error, KeyboardInterrupt)
    assert len(result.filled) >= 2 and result.data is not None  # the answers before the interrupt are kept
    assert all(f"ES {e.msgid}" == e.msgstr for e in result.filled)
