"""The PostgreSQL memory: shared by concurrent workers (needs a server: L10N_TEST_POSTGRES)."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from l10n.errors import ConfigError
from l10n.translate import memory
from l10n.translate.pgmemory import PostgresMemory, redact
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

KEY = {"provider": "apertium", "source_lang": "en", "target_lang": "es", "glossary_version": "3"}
SOURCES = [f"Segment number {i}." for i in range(60)]


def test_put_get_human_entries(pg_url):  # noqa: F811
    with PostgresMemory(pg_url) as tm:
        tm.put("Take ⟦0⟧.", "Tome ⟦0⟧.", **KEY, plain_source="Take kratom.", plain_target="Tome kratom.")
        tm.put("Take ⟦0⟧.", "Toma ⟦0⟧.", **KEY)  # ON CONFLICT: the later answer wins
        tm.add_human("Ask.", "Pregunte.", "en", "es")
        assert tm.get("Take ⟦0⟧.", **KEY) == "Toma ⟦0⟧."
        assert tm.human("Ask.", "en", "es") == "Pregunte."
        assert tm.count(["Take ⟦0⟧.", "nope"], **KEY) == 1
        assert [(e.source, e.origin) for e in tm.entries()] == [("Ask.", "human"), ("Take ⟦0⟧.", "machine")]


def _claim_in_thread(url, start, done, out, lock):
    tm = PostgresMemory(url)
    start.wait()
    got = tm.claim(SOURCES, **KEY)
    with lock:
        out.append(got)
    done.wait()  # stay alive (and hold the lease) until every claimer has claimed
    tm.close()


def test_concurrent_threads_never_claim_the_same_segment(pg_url):  # noqa: F811
    n = 6
    start, done, lock, out = threading.Barrier(n), threading.Barrier(n), threading.Lock(), []
    threads = [threading.Thread(target=_claim_in_thread, args=(pg_url, start, done, out, lock)) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    mine = [s for c in out for s in c.mine]
    assert sorted(mine) == sorted(SOURCES)  # each segment claimed exactly once
    for c in out:
        assert set(c.mine) | set(c.waiting) == set(SOURCES)


def _claim_in_process(url, start, done, queue):
    tm = PostgresMemory(url)
    start.wait()
    got = tm.claim(SOURCES, **KEY)
    queue.put(list(got.mine))
    done.wait()
    tm.close()


def test_concurrent_processes_never_claim_the_same_segment(pg_url):  # noqa: F811
    ctx = multiprocessing.get_context("spawn")
    n = 4
    start, done, queue = ctx.Barrier(n), ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_claim_in_process, args=(pg_url, start, done, queue)) for _ in range(n)]
    for p in procs:
        p.start()
    mine = [s for _ in procs for s in queue.get(timeout=120)]
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    assert sorted(mine) == sorted(SOURCES)


def test_a_dead_workers_claims_are_taken_over_and_its_answers_kept(pg_url):  # noqa: F811
    a, b = PostgresMemory(pg_url), PostgresMemory(pg_url)
    assert a.claim(SOURCES[:3], **KEY).mine == tuple(SOURCES[:3])
    a.record_answer(SOURCES[0], "Respuesta.", **KEY)
    seen = b.claim(SOURCES[:3], **KEY)
    assert seen.mine == () and seen.waiting == tuple(SOURCES[1:3])  # a is alive: b waits
    assert seen.answered == ((SOURCES[0], "Respuesta."),)
    assert b.poll(SOURCES[1:3], **KEY) == ({}, [])
    a._db.close()  # the worker dies: its connection, and its lease, are gone
    # the server ends the dead connection's session (and frees its advisory lock) a moment after it closes
    # (bounded at 120 s: the bound only matters when the lease is never freed)
    deadline = time.monotonic() + 120
    while b.poll(SOURCES[1:3], **KEY) != ({}, SOURCES[1:3]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert b.poll(SOURCES[1:3], **KEY) == ({}, SOURCES[1:3])
    assert b.claim(SOURCES[:3], **KEY).mine == tuple(SOURCES[1:3])
    b.close()


def test_a_stale_claim_is_taken_over(pg_url, monkeypatch):  # noqa: F811
    a, b = PostgresMemory(pg_url), PostgresMemory(pg_url)
    a.claim(SOURCES[:1], **KEY)
    monkeypatch.setattr(memory, "CLAIM_TTL", -1.0)  # a hung worker, its connection still open
    assert b.claim(SOURCES[:1], **KEY).mine == tuple(SOURCES[:1])
    a.close()
    b.close()


def test_answers_released_and_unanswered(pg_url):  # noqa: F811
    a, b = PostgresMemory(pg_url), PostgresMemory(pg_url)
    a.claim(SOURCES[:2], **KEY)
    a.put(SOURCES[0], "Uno.", **KEY)
    a.release(SOURCES[:1], **KEY)
    a.release_unanswered()
    assert b.poll(SOURCES[:2], **KEY) == ({SOURCES[0]: "Uno."}, [SOURCES[1]])
    a.close()
    b.close()


def test_concurrent_writers_of_the_same_segments(pg_url):  # noqa: F811
    errors: list[BaseException] = []

    def write(n):
        try:
            with PostgresMemory(pg_url) as tm:
                for s in SOURCES:
                    tm.put(s, f"{s} ({n})", **KEY)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with PostgresMemory(pg_url) as tm:
        assert len(tm.rows()) == len(SOURCES)


def test_an_unreachable_server_is_a_config_error_without_the_password():
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install -e '.[postgresql]')")
    with pytest.raises(ConfigError, match="unreachable") as err:
        PostgresMemory("postgresql://tm:s3cret@127.0.0.1:1/l10n?connect_timeout=2")
    assert "s3cret" not in str(err.value)
    assert redact("postgresql://tm:s3cret@h/db") == "postgresql://tm:***@h/db"
