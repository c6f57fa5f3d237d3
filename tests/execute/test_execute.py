"""The executor contract: every executor returns what the serial one returns, in item order."""

from __future__ import annotations

import os
import signal

import pytest

from l10n.execute import LocalExecutor, SerialExecutor, local_executor
from l10n.parallel import can_fork


def _square_plus(shared, item):
    return item * item + shared["offset"]


def _pid(shared, item):
    return os.getpid()


def _fail_on(shared, item):
    if item in shared:
        raise ValueError(f"bad {item}")
    return item


def _die_once(shared, item):
    """Kill this worker the first time item 3 is seen in a worker (a marker file records it)."""
    marker, parent = shared
    if item == 3 and os.getpid() != parent and not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 10


EXECUTORS = [SerialExecutor(), LocalExecutor(2, min_items=2), LocalExecutor(3, min_items=1, slices_per_worker=1)]


@pytest.mark.parametrize("executor", EXECUTORS, ids=["serial", "local2", "local3"])
def test_results_in_item_order_with_shared_context(executor):
    items = list(range(40))
    assert executor.map(_square_plus, items, shared={"offset": 7}) == [i * i + 7 for i in items]


@pytest.mark.parametrize("executor", EXECUTORS, ids=["serial", "local2", "local3"])
def test_progress_and_meanwhile(executor):
    seen, called = [], []
    executor.map(_square_plus, list(range(10)), shared={"offset": 0}, on_result=seen.append,
                 meanwhile=lambda: called.append(1))
    assert sorted(seen) == list(range(10)) and called == [1]


@pytest.mark.parametrize("executor", EXECUTORS, ids=["serial", "local2", "local3"])
def test_a_task_error_is_raised(executor):
    with pytest.raises(ValueError, match="bad 5"):
        executor.map(_fail_on, list(range(10)), shared={5})


@pytest.mark.skipif(not can_fork(), reason="needs fork")
def test_local_executor_uses_other_processes():
    pids = LocalExecutor(2).map(_pid, list(range(8)))
    assert os.getpid() not in pids


@pytest.mark.skipif(not can_fork(), reason="needs fork")
def test_a_killed_worker_loses_nothing(tmp_path):
    marker = tmp_path / "killed"
    out = LocalExecutor(2).map(_die_once, list(range(8)), shared=(str(marker), os.getpid()))
    assert marker.exists()  # a worker really died
    assert out == [i * 10 for i in range(8)]


def test_local_executor_for_jobs():
    assert isinstance(local_executor(1), SerialExecutor)
    assert local_executor(2).workers == 2
    with local_executor(None) as ex:
        assert ex.workers >= 1
