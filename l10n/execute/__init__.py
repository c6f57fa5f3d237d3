"""Execution as a core service: one interface for running independent tasks.

Every stage that does independent work (extracting articles, checking
catalogs or the entries of a large one, the per-(article, locale) stages of
``l10n run``) hands it to an :class:`Executor` instead of starting processes
itself. The stages stay the same whether the work runs here, in forked local
processes, or on a cluster (:mod:`l10n.execute.dask`):

* a task is ``fn(shared, item)``: ``fn`` a module-level function (so it can be
  pickled), ``shared`` read-only context sent once per run, ``item`` the
  task's own input. Inputs and results are values (bytes, strings, frozen
  dataclasses), never paths a worker on another machine could not open;
* results come back **in the order of the items**, whatever order they were
  computed in, so a caller commits them in a fixed order and the outputs do
  not depend on the executor;
* an exception raised by a task is raised by :meth:`Executor.map` (the first
  in item order); callers that want to report per-item errors return them as
  values instead.

The CLI only chooses the executor (``-j``, ``--scheduler``); see
:func:`local_executor`.
"""

from __future__ import annotations

import gc
import multiprocessing
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from l10n.parallel import available_cpus, can_fork

__all__ = ["Executor", "SerialExecutor", "LocalExecutor", "local_executor", "default_executor", "Task", "PARALLEL_FROM"]

#: without -j, work is forked into a process per core from this many tasks on (fewer run faster here
#: than a fork costs)
PARALLEL_FROM = 32

T = TypeVar("T")
R = TypeVar("R")

#: the signature of a task: ``fn(shared, item) -> result``
Task = Callable[[Any, Any], Any]


class Executor(ABC):
    """Runs independent tasks and returns their results in item order."""

    #: how many tasks may run at once (1: one after another, here)
    workers: int = 1

    @abstractmethod
    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        """``[fn(shared, item) for item in items]``, possibly in parallel.

        ``meanwhile()``, if given, is called once in this process while the
        tasks run (before them, for an executor that runs them here).
        ``on_result(i)`` is called here as the result of ``items[i]`` arrives
        (for progress bars); arrival order is not item order.
        """

    def close(self) -> None:
        """Release workers and connections (an executor is also a context manager)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def distributed(self) -> bool:
        """Whether tasks may run on other machines (then they must not read the project's files)."""
        return False


class SerialExecutor(Executor):
    """Every task here, one after another: the reference every other executor must agree with."""

    workers = 1

    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        if meanwhile is not None:
            meanwhile()
        out = []
        for i, item in enumerate(items):
            out.append(fn(shared, item))
            if on_result is not None:
                on_result(i)
        return out


# The task and shared context of the running LocalExecutor.map, set before forking and inherited by the
# workers (the shared context is not pickled). The only module-level job state in l10n: one place.
_JOB: tuple[Task, Any, Sequence[Any]] | None = None


def _run_slice(bounds: tuple[int, int]) -> list[Any]:
    fn, shared, items = _JOB  # type: ignore[misc]
    return [fn(shared, items[i]) for i in range(bounds[0], bounds[1])]


class LocalExecutor(Executor):
    """Forked worker processes on this machine; the shared context is inherited, not pickled.

    ``workers`` processes (at most the CPUs this process may use). With one
    worker, with fewer than ``min_items`` items, or where fork is not
    available, the tasks run here. If a worker process dies (killed, out of
    memory), the whole batch is run again here: tasks are pure, so running one
    twice changes nothing.
    """

    def __init__(self, workers: int | None = None, *, min_items: int = 2, slices_per_worker: int = 4) -> None:
        self.workers = max(1, workers if workers is not None else available_cpus())
        self.min_items = max(1, min_items)
        self.slices_per_worker = max(1, slices_per_worker)

    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        workers = min(self.workers, len(items))
        if workers < 2 or len(items) < self.min_items or not can_fork():
            return SerialExecutor().map(fn, items, shared=shared, meanwhile=meanwhile, on_result=on_result)
        global _JOB
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool

        # a few slices per worker: a slow slice does not hold the others up
        step = -(-len(items) // (workers * self.slices_per_worker))
        bounds = [(i, min(i + step, len(items))) for i in range(0, len(items), step)]
        _JOB = (fn, shared, items)
        frozen = gc.get_freeze_count()
        gc.freeze()  # the inherited objects are not the workers' garbage: their collector leaves them (and pages) be
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = {pool.submit(_run_slice, b): n for n, b in enumerate(bounds)}
                if meanwhile is not None:
                    meanwhile()
                    meanwhile = None
                parts: list[list[Any] | None] = [None] * len(bounds)
                for future in as_completed(futures):
                    n = futures[future]
                    parts[n] = future.result()
                    if on_result is not None:
                        for i in range(*bounds[n]):
                            on_result(i)
        except (BrokenProcessPool, OSError):  # no process could be started or one died: do it here
            return SerialExecutor().map(fn, items, shared=shared, meanwhile=meanwhile)
        finally:
            _JOB = None
            if not frozen:  # (a caller that froze objects itself unfreezes them)
                gc.unfreeze()
        return [result for part in parts for result in part]  # type: ignore[union-attr]


def local_executor(jobs: int | None = None) -> Executor:
    """The executor for ``-j JOBS`` (None: every CPU this process may use; 1: here, serially)."""
    if jobs is not None and jobs <= 1:
        return SerialExecutor()
    return LocalExecutor(jobs)


def default_executor() -> Executor:
    """The embedded default: forked local processes from :data:`PARALLEL_FROM` tasks on, else here."""
    return LocalExecutor(min_items=PARALLEL_FROM)
