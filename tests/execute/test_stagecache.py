"""The stage cache: content-addressed, atomic, safe to load, ignored when damaged or disabled."""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass

from l10n.execute import SerialExecutor
from l10n.execute.stagecache import MISS, StageCache, Work, cached_map, open_cache, stage_key
from l10n.model import Severity


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    severity: Severity


def _double(shared, item):
    shared.append(item)
    return item * 2


def test_key_depends_on_stage_version_and_every_input():
    base = stage_key("extract", "1", "a", "b")
    assert base == stage_key("extract", "1", "a", "b")
    assert len({base, stage_key("update", "1", "a", "b"), stage_key("extract", "2", "a", "b"),
                stage_key("extract", "1", "a", "c"), stage_key("extract", "1", "ab", ""),
                stage_key("extract", "1", "b", "a")}) == 6


def test_round_trip_of_allowed_values(tmp_path):
    cache = StageCache(tmp_path, allowed=(Value, Severity))
    value = {"v": Value("x", Severity.ERROR), "t": (1, b"\x00", None, frozenset({"a"}))}
    cache.put("s", "k", value)
    assert cache.get("s", "k") == value
    assert (tmp_path / "s" / "k").is_file()
    assert not [p for p in (tmp_path / "s").iterdir() if p.name != "k"]  # no temporary file left
    assert cache.get("s", "other") is MISS


def test_class_not_allowed_is_a_miss(tmp_path):
    StageCache(tmp_path, allowed=(Value, Severity)).put("s", "k", Value("x", Severity.INFO))
    assert StageCache(tmp_path).get("s", "k") is MISS  # Value not in this cache's allowed classes


def test_pickle_calling_a_function_is_refused(tmp_path):
    cache = StageCache(tmp_path)
    cache.put("s", "k", "ok")
    path = tmp_path / "s" / "k"

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    import hashlib

    payload = pickle.dumps(Evil())
    head = path.read_bytes()[:len(b"l10n-stage-cache 1\n")]
    path.write_bytes(head + hashlib.sha256(payload).digest() + payload)
    assert cache.get("s", "k") is MISS
    assert not (tmp_path / "pwned").exists()


def test_corrupt_entry_is_a_miss_and_is_recomputed(tmp_path):
    cache = StageCache(tmp_path)
    calls: list[int] = []
    out, work = cached_map(SerialExecutor(), cache, "s", _double, [1, 2], ["k1", "k2"], shared=calls)
    assert out == [2, 4] and work == Work(2, 0) and calls == [1, 2]
    blob = (tmp_path / "s" / "k2").read_bytes()
    (tmp_path / "s" / "k2").write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))  # one bit flipped
    out, work = cached_map(SerialExecutor(), cache, "s", _double, [1, 2], ["k1", "k2"], shared=calls)
    assert out == [2, 4] and work == Work(1, 1) and calls == [1, 2, 2]
    (tmp_path / "s" / "k1").write_bytes(b"")  # truncated
    assert cache.get("s", "k1") is MISS
    out, work = cached_map(SerialExecutor(), cache, "s", _double, [1, 2], ["k1", "k2"], shared=calls)
    assert work == Work(1, 1) and out == [2, 4]


def test_shared_context_made_only_when_something_is_computed(tmp_path):
    cache = StageCache(tmp_path)
    made: list[int] = []

    def factory():
        made.append(1)
        return []

    cached_map(None, cache, "s", _double, [3], ["k"], shared_factory=factory)
    cached_map(None, cache, "s", _double, [3], ["k"], shared_factory=factory)
    assert made == [1]


def test_no_cache_environment_disables(tmp_path, monkeypatch):
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    cache = open_cache(tmp_path)
    assert not cache.enabled
    out, work = cached_map(None, cache, "s", _double, [1], ["k"], shared=[])
    out, work = cached_map(None, cache, "s", _double, [1], ["k"], shared=[])
    assert work == Work(1, 0) and not (tmp_path / "cache").exists()
    monkeypatch.delenv("L10N_NO_CACHE")
    assert open_cache(tmp_path).enabled and not open_cache(tmp_path, enabled=False).enabled


def test_prune_deletes_what_no_run_used_for_a_month(tmp_path):
    cache = StageCache(tmp_path)
    for key in ("old", "used", "new"):
        cache.put("s", key, key)
    now = os.stat(tmp_path / "s" / "new").st_mtime
    month = 31 * 86400
    for key in ("old", "used"):
        os.utime(tmp_path / "s" / key, (now - month, now - month))
    assert cache.get("s", "used") == "used"  # a hit marks it used
    assert cache.prune(now=now + 1) == 1
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["new", "used"]
    assert cache.prune(now=now + month) == 2 and not list((tmp_path / "s").iterdir())
    assert StageCache(None).prune() == 0
