"""The executor owns the garbage collector's tuning for a batch of tasks (l10n.execute.batch_gc)."""

from __future__ import annotations

import gc

import pytest

from l10n.execute import BATCH_GC_THRESHOLD, LocalExecutor, SerialExecutor, batch_gc
from l10n.parallel import can_fork


def _gc_state(shared, item):
    return gc.get_threshold()[0], gc.get_freeze_count() > 0


@pytest.mark.parametrize("executor", [SerialExecutor(), LocalExecutor(2)], ids=["serial", "local2"])
def test_tasks_run_with_the_batch_collector_and_the_settings_come_back(executor):
    if isinstance(executor, LocalExecutor) and not can_fork():
        pytest.skip("needs fork")
    before = gc.get_threshold(), gc.get_freeze_count()
    assert executor.map(_gc_state, [1, 2, 3]) == [(BATCH_GC_THRESHOLD, True)] * 3
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_a_host_that_froze_its_objects_keeps_them_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with batch_gc():
            assert gc.get_threshold()[0] == BATCH_GC_THRESHOLD
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
