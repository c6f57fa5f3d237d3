"""An executor whose workers read another clock: what a Dask worker on another machine (or without the
client's ``SOURCE_DATE_EPOCH``) sees. A date a task takes from its own clock shows up in its output."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from l10n.execute import Executor, Task

try:
    import cloudpickle as pickle  # what Dask sends tasks with
except ImportError:  # (the dask extra is not installed)
    import pickle  # type: ignore[no-redef]


class OtherClockExecutor(Executor):
    """Runs each task here, one after another, as a worker elsewhere would: from pickled copies of its
    inputs, with ``SOURCE_DATE_EPOCH`` set to ``epoch`` (the worker's clock) while it runs; the client's
    setting is restored for everything the caller does between and after the tasks."""

    def __init__(self, epoch: int, *, distributed: bool = False) -> None:
        self.epoch, self._distributed, self.tasks = epoch, distributed, 0

    @property
    def distributed(self) -> bool:
        return self._distributed

    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        if meanwhile is not None:
            meanwhile()
        shared, items = pickle.loads(pickle.dumps((shared, list(items))))
        out = []
        for i, item in enumerate(items):
            out.append(self._elsewhere(fn, shared, item))
            self.tasks += 1
            if on_result is not None:
                on_result(i)
        return pickle.loads(pickle.dumps(out))

    def _elsewhere(self, fn: Task, shared: Any, item: Any) -> Any:
        client = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(self.epoch)
        try:
            return fn(shared, item)
        finally:
            if client is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = client
