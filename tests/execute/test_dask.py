"""The Dask executor on real clusters on 127.0.0.1: the executor contract (item order, shared context,
errors), a worker killed mid-task, every worker holding the shared context killed, graphs kept under Dask's
large-graph warning, a scheduler without l10n, version checks, and stage-like tasks identical to the serial
executor."""

from __future__ import annotations

import hashlib
import importlib
import sys
import time
import warnings

import pytest

pytest.importorskip("distributed")

import dask.config  # noqa: E402

from l10n.errors import ConfigError, ExecutionError, SourceError  # noqa: E402
from l10n.execute import SerialExecutor  # noqa: E402
from l10n.execute.choice import executor_for  # noqa: E402
from l10n.execute.dask import DaskExecutor, version_mismatches  # noqa: E402
from tests.support.dask_cluster import (DASK, ROOT, bare_scheduler_cluster, closed_port, holders,  # noqa: E402
                                        kill_workers, local_cluster, tcp_cluster)
from tests.support.dask_tasks import (Article, Unit, article_stage, current_key, digest, fail_first_time,  # noqa: E402
                                      fail_on, shared_identity, square_plus, square_when_told, stage,
                                      translate_once)


@pytest.fixture(scope="module")
def client():
    with local_cluster(2) as client:
        yield client


@pytest.fixture(scope="module")
def executor(client):
    with DaskExecutor(client) as ex:
        yield ex


def test_results_in_item_order_with_the_shared_context(executor):
    seen = []
    items = list(range(60))
    assert executor.map(square_plus, items, shared={"offset": 7}, on_result=seen.append) == \
        [i * i + 7 for i in items]
    assert sorted(seen) == items
    assert executor.map(square_plus, [], shared={"offset": 7}) == []


def test_the_shared_context_is_sent_once_per_worker_not_once_per_task(executor, client):
    out = executor.map(shared_identity, list(range(40)), shared={"blob": b"x" * 100_000})
    assert {n for _, n in out} == {100_000}
    assert len({ident for ident, _ in out}) <= len(client.nthreads())  # one copy per worker process


def test_each_run_has_its_own_task_keys(executor, client):
    a = executor.map(square_plus, [1, 2], shared={"offset": 0})
    b = executor.map(square_plus, [1, 2], shared={"offset": 100})  # same items, another context: no reuse
    assert (a, b) == ([1, 4], [101, 104])


def test_each_stage_is_one_group_on_the_dashboard_and_each_map_has_its_own_keys(executor):
    from dask.utils import key_split

    first = executor.map(current_key, [0, 1, 2])
    again = executor.map(current_key, [0])
    assert {key_split(k) for k in first + again} == {"l10n:current_key"}
    assert len(set(first + again)) == 4


def test_the_first_error_in_item_order_is_raised_with_its_file_and_line(executor):
    with pytest.raises(SourceError) as caught:
        executor.map(fail_on, list(range(30)), shared={5, 17})
    assert str(caught.value) == "source_docs/5.md:5: bad 5"
    assert executor.map(fail_on, [1, 2], shared=set()) == [1, 2]  # the executor is still usable


def _scheduler_keys(dask_scheduler):
    return list(dask_scheduler.tasks)


def test_after_a_failed_map_the_cluster_holds_none_of_its_tasks_while_the_error_is_kept(executor, client):
    before = set(client.run_on_scheduler(_scheduler_keys))
    with pytest.raises(SourceError) as caught:  # the caller keeps the error, its traceback and frames
        executor.map(fail_on, list(range(30)), shared={3})
    left = set(client.run_on_scheduler(_scheduler_keys)) - before
    for _ in range(100):  # the scheduler forgets released keys in its own time; none may stay held
        if not left:
            break
        time.sleep(0.05)
        left = set(client.run_on_scheduler(_scheduler_keys)) - before
    assert caught.value.line == 3
    assert left == set()


def test_a_task_that_raised_is_not_retried(executor, tmp_path):
    with pytest.raises(SourceError, match="first time"):  # a second try would have succeeded
        executor.map(fail_first_time, [1], shared=str(tmp_path))
    assert (tmp_path / "tries").read_text() == "x"


def test_a_worker_killed_mid_task_its_task_runs_again_elsewhere_and_nothing_is_sent_twice(tmp_path):
    items = [f"text {i}" for i in range(12)]
    with local_cluster(2) as client, DaskExecutor(client) as ex:
        assert ex.allowed_failures >= 1
        out = ex.map(translate_once, items, shared=str(tmp_path))
    assert out == [t.upper() for t in items]
    assert (tmp_path / "killed").exists()  # a worker did die
    calls = (tmp_path / "calls").read_text(encoding="utf-8").splitlines()
    assert sorted(calls) == sorted(items)  # every text reached the engine exactly once


def _is_context(key) -> bool:
    """An item's task has the key ``("l10n:<task>-<run>", i)``; the other key a map puts on the cluster is its context."""
    return not isinstance(key, tuple)


def _wait(condition, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout:g} s for {what}"
        time.sleep(0.05)


def test_every_worker_holding_the_shared_context_dies_it_is_computed_again(tmp_path):
    go, killed = tmp_path / "go", []
    items = list(range(12))
    with local_cluster(2) as client, DaskExecutor(client) as ex:

        def kill_every_holder_of_the_context():  # the tasks wait for `go`: all of them are pending
            _wait(lambda: holders(client, _is_context), "a worker holding the context")
            client.cluster.scale(3)  # a worker that can take over
            client.wait_for_workers(3, timeout=120)
            held = holders(client, _is_context)
            kill_workers(client, held)
            killed.extend(held)
            _wait(lambda: not set(client.scheduler_info()["workers"]) & set(held), "the scheduler to see them die")
            go.write_text("go")

        out = ex.map(square_when_told, items, shared={"go": str(go), "offset": 1},
                     meanwhile=kill_every_holder_of_the_context)
    assert killed
    assert out == [i * i + 1 for i in items]


def _large_graph_warnings(caught: list) -> list[str]:
    return [str(w.message) for w in caught if "Sending large graph" in str(w.message)]


def test_items_over_the_large_graph_threshold_in_all_are_sent_in_graphs_under_it(executor):
    items = [bytes([i]) * 3_000 for i in range(40)]  # 120 kB in all, 20 kB allowed a graph
    with dask.config.set({"distributed.admin.large-graph-warning-threshold": "20kB"}), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = executor.map(digest, items, shared={"salt": b"s"})
    assert _large_graph_warnings(caught) == []
    assert out == [hashlib.sha256(b"s" + item).hexdigest() for item in items]


def test_an_item_or_a_context_over_the_large_graph_threshold_alone_is_sent_without_the_warning(executor):
    items = [b"a" * 50_000, b"b", b"c" * 30_000, b"d"]
    salt = b"x" * 30_000
    with dask.config.set({"distributed.admin.large-graph-warning-threshold": "20kB"}), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = executor.map(digest, items, shared={"salt": salt})
    assert _large_graph_warnings(caught) == []
    assert out == [hashlib.sha256(salt + item).hexdigest() for item in items]


@pytest.mark.skipif(not DASK.exists(), reason="no dask command next to this Python")
def test_the_scheduler_needs_no_l10n(tmp_path):
    """Only the workers unpickle l10n's (and the tests') functions, contexts, items, results and errors."""
    docs = [Article(p.name, p.read_bytes()) for p in sorted((ROOT / "source_docs").glob("*.md"))]
    with bare_scheduler_cluster(tmp_path / "cluster") as scheduler_file, \
            DaskExecutor(str(scheduler_file), timeout=120) as ex:
        with pytest.raises(ModuleNotFoundError):
            ex.client.run_on_scheduler(importlib.import_module, "l10n")
        ex.client.wait_for_workers(2, timeout=120)
        assert ex.map(article_stage, docs, shared=Unit("block")) == \
            [Article(d.name, stage({"unit": "block"}, (d.name, d.data))) for d in docs]
        with pytest.raises(SourceError) as caught:
            ex.map(fail_on, list(range(10)), shared={3, 7})
        assert str(caught.value) == "source_docs/3.md:3: bad 3"
        assert ex.map(square_plus, [2, 3], shared={"offset": 1}) == [5, 10]


def test_stage_like_tasks_give_the_same_bytes_as_the_serial_executor(executor):
    docs = sorted((p.name, p.read_bytes()) for p in (ROOT / "source_docs").glob("*.md"))
    docs += [(f"copy-{i}-{name}", data) for i in range(5) for name, data in docs]
    shared = {"unit": "sentence"}
    assert executor.map(stage, docs, shared=shared) == SerialExecutor().map(stage, docs, shared=shared)


def test_a_version_mismatch_is_a_clear_error(client, monkeypatch):
    real = client.get_versions(packages=["l10n"])
    assert version_mismatches(real) == []
    worker = sorted(real["workers"])[0]
    fake = {**real, "workers": {**real["workers"], worker: {
        **real["workers"][worker], "packages": {**real["workers"][worker]["packages"], "l10n": "0.0.1",
                                                "cloudpickle": None}}}}
    monkeypatch.setattr(client, "get_versions", lambda **kw: fake)
    with pytest.raises(ExecutionError) as caught:
        DaskExecutor(client)
    text = str(caught.value)
    assert f"worker {worker}: l10n 0.0.1 (this machine: " in text
    assert f"worker {worker}: cloudpickle not installed" in text


def test_python_counts_by_major_and_minor_version():
    base = {"python": "3.11.7.final.0", "dask": "1"}
    same = {"client": {"packages": base}, "scheduler": {"packages": base},
            "workers": {"w": {"packages": {**base, "python": "3.11.9.final.0", "l10n": None}}}}
    assert version_mismatches({**same, "client": {"packages": {**base, "l10n": None}}}) == []
    other = {**same, "workers": {"w": {"packages": {**base, "python": "3.12.1.final.0"}}}}
    assert version_mismatches(other) == ["worker w: python 3.12 (this machine: 3.11)"]


def test_without_dask_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"l10n\[dask\]"):
        DaskExecutor("tcp://127.0.0.1:8786")


def test_an_unreachable_scheduler_is_an_execution_error():
    with pytest.raises(ExecutionError, match="cannot reach the Dask scheduler"):
        DaskExecutor(f"tcp://127.0.0.1:{closed_port()}", timeout=1)


def test_a_missing_scheduler_file_is_an_execution_error(tmp_path):
    with pytest.raises(ExecutionError, match="no such Dask scheduler file"):
        DaskExecutor(str(tmp_path / "scheduler.json"), timeout=1)


@pytest.mark.skipif(not DASK.exists(), reason="no dask command next to this Python")
def test_a_tcp_scheduler_and_two_workers_in_their_own_processes(tmp_path):
    with tcp_cluster(tmp_path / "cluster") as (address, scheduler_file):
        assert address.startswith("tcp://127.0.0.1:")
        with executor_for(None, 1, address) as ex:
            assert ex.distributed and ex.workers == 2
            assert ex.map(square_plus, list(range(25)), shared={"offset": 1}) == [i * i + 1 for i in range(25)]
            docs = sorted((p.name, p.read_bytes()) for p in (ROOT / "source_docs").glob("*.md"))
            assert ex.map(stage, docs, shared={"unit": "block"}) == \
                SerialExecutor().map(stage, docs, shared={"unit": "block"})
        with executor_for(None, 1, None, environ={"L10N_SCHEDULER": str(scheduler_file)}) as ex:
            assert ex.map(square_plus, [3], shared={"offset": 0}) == [9]
