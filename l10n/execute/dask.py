"""Tasks on a Dask cluster: ``l10n run --scheduler tcp://HOST:8786``.

:class:`DaskExecutor` runs an :class:`~l10n.execute.Executor` map on a
``dask.distributed`` cluster. Dask is an optional extra (``pip install
'l10n[dask]'``); it is imported here and nowhere else, and only when a
scheduler is chosen.

* ``shared`` (with the task's function) is pickled once per map, here, and
  sent as one task of its own, ``pickle.loads(bytes)``, on which every item's
  task depends; a worker computes it, the others fetch it from there, once per
  worker. It is not scattered: a task has a recipe, so when every worker that
  held it dies the scheduler computes it again, where scattered data would be
  lost and the run with it. Values, never paths: a worker on another machine
  has none of the project's files.
* Each item is pickled here too, and its task is ``operator.call(context,
  bytes)``: the graphs hold bytes, keys and stdlib callables only, so the
  scheduler unpickles them without l10n (it needs none installed); only the
  workers unpickle l10n's functions, items and results.
* The items are sent in graphs, one after another and scheduled in that
  order (``fifo_timeout=0``: each graph comes after the last), each under Dask's
  ``distributed.admin.large-graph-warning-threshold`` (10 MB by default), so
  that its "Sending large graph" warning never reaches the user; an item (or a
  context) over it is sent alone, the warning silenced, as nothing smaller can
  carry it.
* Every map has its own keys (``("l10n:<task>-<run>", i)``, and
  ``l10n:<task>-shared-<run>`` for its context): two runs never share a
  result, and Dask's dashboard and progress group the tasks by stage
  (``l10n:<task>``).
* Results are fetched as they finish (``on_result`` is called then) and put
  back in item order; the client commits them, so the outputs do not depend
  on which worker did what.
* A result is released on the cluster as soon as it is here: a worker that
  dies afterwards loses nothing that has to be computed again.
* A worker killed mid-task: the scheduler runs the task again elsewhere (its
  ``distributed.scheduler.allowed-failures`` policy, 3 by default). A task that
  *raised* is not retried (``retries=0``): the first exception in item order is
  raised here, as the serial executor would.
* Before the first task, the versions that must match for a task to unpickle
  and run the same (Python, l10n, dask, distributed, cloudpickle, …) are
  compared between this machine and every worker: a mismatch is an
  :class:`~l10n.errors.ExecutionError` that names the worker and the package.
"""

from __future__ import annotations

import contextlib
import functools
import operator
import pickle
import uuid
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from l10n.errors import ConfigError, ExecutionError
from l10n.execute import Executor, Task

__all__ = ["DaskExecutor", "INSTALL_HINT", "version_mismatches"]

INSTALL_HINT = "the Dask executor needs Dask: pip install 'l10n[dask]'"

#: what must be the same on this machine and every worker for a task to unpickle and compute the same
WORKER_PACKAGES = ("python", "l10n", "dask", "distributed", "cloudpickle", "msgpack", "toolz", "tornado")
#: the same for the scheduler, which never runs l10n code (it needs no l10n)
SCHEDULER_PACKAGES = ("python", "dask", "distributed", "cloudpickle", "toolz", "tornado")


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    return distributed


def _comparable(name: str, version: str | None) -> str | None:
    """Python counts by major.minor (pickles cross patch releases); everything else exactly."""
    if version and name == "python":
        return ".".join(version.split(".")[:2])
    return version


def _differences(who: str, packages: Mapping[str, Any], reference: Mapping[str, Any],
                 names: Sequence[str]) -> list[str]:
    out = []
    for name in names:
        want, have = _comparable(name, reference.get(name)), _comparable(name, packages.get(name))
        if want != have:
            out.append(f"{who}: {name} {have or 'not installed'} (this machine: {want or 'not installed'})")
    return out


def version_mismatches(versions: Mapping[str, Any]) -> list[str]:
    """One line per package whose version differs from this machine's, on the scheduler or a worker.

    ``versions`` is what ``Client.get_versions(packages=["l10n"])`` returns.
    """
    reference = versions["client"]["packages"]
    out = _differences("scheduler", (versions.get("scheduler") or {}).get("packages") or {}, reference,
                       SCHEDULER_PACKAGES)
    for worker, info in sorted((versions.get("workers") or {}).items()):
        out += _differences(f"worker {worker}", (info or {}).get("packages") or {}, reference, WORKER_PACKAGES)
    return out


def task_keys(name: str, n: int) -> list[tuple[str, int]]:
    """``("l10n:<name>-<run>", i)``: unique to this map, and grouped under ``l10n:<name>`` by Dask's dashboard.

    (Dask names a group by the key's words up to the first one that is not
    all letters: the run's digits end it.)
    """
    run = f"{uuid.uuid4().int % 10**12:012d}"
    return [(f"l10n:{name}-{run}", i) for i in range(n)]


def shared_key(keys: Sequence[tuple[str, int]]) -> str:
    """``l10n:<name>-shared-<run>``: the key of a map's shared context (its own group on the dashboard)."""
    prefix, run = keys[0][0].rsplit("-", 1)
    return f"{prefix}-shared-{run}"


def _connect(distributed, address: str, timeout: float):
    """A client of the scheduler at ``tcp://HOST:PORT`` or named by a scheduler file."""
    try:
        if "://" in address:
            return distributed.Client(address, timeout=timeout, set_as_default=False)
        if not Path(address).is_file():
            raise ExecutionError("no such Dask scheduler file (start `dask scheduler --scheduler-file` first)",
                                 path=address)
        return distributed.Client(scheduler_file=address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ExecutionError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


class DaskExecutor(Executor):
    """Tasks on a ``dask.distributed`` cluster, given by its address, its scheduler file, or a ``Client``.

    A client passed in stays open (its owner closes it); one made from an
    address is closed by :meth:`close`.
    """

    def __init__(self, address_or_client: Any, *, timeout: float = 20.0, check_versions: bool = True) -> None:
        self._dist = _distributed()
        if isinstance(address_or_client, self._dist.Client):
            self.client, self._owned = address_or_client, False
        else:
            self.client, self._owned = _connect(self._dist, str(address_or_client), timeout), True
        try:
            self._wait_for_workers(timeout)
            if check_versions:
                self.check_versions()
            #: how many workers may die running one task before it is given up (the scheduler's policy)
            self.allowed_failures = self._scheduler_config("distributed.scheduler.allowed-failures")
        except BaseException:
            self.close()
            raise

    # -- the cluster ---------------------------------------------------------------------------------

    def _wait_for_workers(self, timeout: float) -> None:
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except (TimeoutError, OSError):
            raise ExecutionError(f"no Dask worker joined the scheduler at {self.address} "
                                 f"within {timeout:g} s (start `dask worker {self.address}`)") from None

    def check_versions(self) -> None:
        """Raise :class:`ExecutionError` unless the scheduler and every worker match this machine."""
        lines = version_mismatches(self.client.get_versions(packages=["l10n"]))
        if lines:
            raise ExecutionError("the Dask cluster does not match this machine (install the same versions "
                                 "everywhere, e.g. from requirements-lock.txt):\n  " + "\n  ".join(lines))

    def _scheduler_config(self, key: str) -> Any:
        import dask.config

        try:
            return self.client.run_on_scheduler(dask.config.get, key)
        except Exception:  # a scheduler that refuses to run functions: its policy is unknown here  # noqa: BLE001
            return None

    @property
    def address(self) -> str:
        return str(self.client.scheduler.address)

    @property
    def dashboard(self) -> str | None:
        """Dask's dashboard of the cluster (task stream, progress), if the scheduler serves one."""
        if "dashboard" not in self.client.scheduler_info().get("services", {}):
            return None
        return self.client.dashboard_link

    @property
    def workers(self) -> int:  # type: ignore[override]
        """Tasks that may run at once: the threads of every worker."""
        return max(1, sum(self.client.nthreads().values()))

    @property
    def distributed(self) -> bool:
        return True

    def describe(self) -> str:
        """``Dask scheduler tcp://…: 2 workers, 4 threads (dashboard http://…)``."""
        n = len(self.client.nthreads())
        board = f" (dashboard {self.dashboard})" if self.dashboard else ""
        return f"Dask scheduler {self.address}: {n} worker{'' if n == 1 else 's'}, {self.workers} threads{board}"

    def close(self) -> None:
        if self._owned and getattr(self, "client", None) is not None:
            self.client.close()

    # -- running -------------------------------------------------------------------------------------

    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        items = list(items)
        if not items:
            if meanwhile is not None:
                meanwhile()
            return []
        context, futures = self._submit(fn, items, shared, task_keys(getattr(fn, "__name__", "task"), len(items)))
        try:
            if meanwhile is not None:
                meanwhile()
            return self._collect(futures, on_result)
        except BaseException:
            # every future, finished ones too: the error's traceback keeps these frames and their futures
            # alive as long as the caller keeps the error, and the cluster must not hold the map that long
            self.client.cancel(futures)
            raise
        finally:
            context.release()

    def _submit(self, fn: Task, items: list[Any], shared: Any, keys: list[tuple[str, int]]) -> tuple[Any, list]:
        """The map's tasks on the cluster: the context's, then the items' in graphs under Dask's large-graph warning.

        Everything is pickled here, before anything is sent: the graphs hold bytes, this map's keys and stdlib
        callables only, which the scheduler unpickles without l10n. The context's task (``pickle.loads(bytes)``)
        has a recipe, unlike scattered data: lost with every worker that held it, it is computed again.
        """
        runner = _dumps(functools.partial(_call, fn, shared))
        blobs = [_dumps(item) for item in items]
        with _quiet():  # one value, however large: there is no smaller graph to send it in
            context = self.client.submit(pickle.loads, runner, key=shared_key(keys), pure=False, retries=0,
                                         fifo_timeout=0)
        futures: list = []
        try:
            for chunk in _chunks([len(b) for b in blobs], _graph_limit()):
                # fifo_timeout=0: each graph is a generation of its own, run after the ones sent before it
                with _quiet() if len(chunk) == 1 else contextlib.nullcontext():
                    futures += self.client.map(operator.call, [context] * len(chunk), [blobs[i] for i in chunk],
                                               key=[keys[i] for i in chunk], retries=0, pure=False,
                                               fifo_timeout=0)
        except BaseException:
            self.client.cancel(futures)
            context.release()
            raise
        return context, futures

    def _collect(self, futures: list, on_result: Callable[[int], None] | None) -> list[Any]:
        """Results in item order, each fetched and released as it finishes; the first error in item order raised."""
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        waiting = set(range(len(futures)))
        for future in self._dist.as_completed(futures, loop=self.client.loop):
            i = index[future.key]
            if future.status in ("error", "cancelled"):
                self._raise_first_error([futures[j] for j in sorted(waiting) if j <= i], futures[i + 1:])
            # finished, or its result was lost with a worker after it finished: result() waits for the rerun
            results[i] = future.result()
            future.release()  # here now: a worker lost later costs nothing to compute again
            waiting.discard(i)
            if on_result is not None:
                on_result(i)
        return results

    def _raise_first_error(self, before: list, after: list) -> None:
        """Raise the error of the first failed task in item order: the tasks ``before`` are awaited, not ``after``."""
        self.client.cancel(after)
        first, exc = next(((f, e) for f in before if (e := _exception(f)) is not None), (None, None))  # waits for each
        if first is None:
            raise ExecutionError("a Dask task was cancelled before it finished (the scheduler or client went away)")
        if isinstance(exc, self._dist.KilledWorker):
            raise ExecutionError(f"task {first.key} was running on every Dask worker that died "
                                 f"({self.allowed_failures or 'allowed-failures'} of them); "
                                 f"it is given up: {exc}") from None
        raise exc


def _call(fn: Task, shared: Any, item: bytes) -> Any:
    """On a worker: the task on its item, unpickled there (the scheduler only ever sees the bytes)."""
    return fn(shared, pickle.loads(item))


def _dumps(value: Any) -> bytes:
    import cloudpickle  # a dependency of distributed: what Dask pickles functions with

    return cloudpickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


#: what a graph of items weighs beyond their pickled bytes, at most (measured: ~250 bytes, then 15–35 an item)
GRAPH_OVERHEAD, ITEM_OVERHEAD = 4096, 256


def _graph_limit() -> int:
    """The pickled size from which Dask warns "Sending large graph" (the client's config, 10 MB by default)."""
    import dask.config
    from dask.utils import parse_bytes

    return parse_bytes(dask.config.get("distributed.admin.large-graph-warning-threshold"))


def _chunks(sizes: Sequence[int], limit: int) -> list[list[int]]:
    """The items' indexes, in order, in runs whose graph stays under ``limit`` bytes (an item over it: alone)."""
    out: list[list[int]] = []
    weight = 0
    for i, size in enumerate(sizes):
        cost = size + ITEM_OVERHEAD
        if not out or weight + cost > limit:
            out.append([])
            weight = GRAPH_OVERHEAD
        out[-1].append(i)
        weight += cost
    return out


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Dask's "Sending large graph" warning silenced: for a graph of one value, which no chunking makes smaller."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
        yield


def _exception(future: Any) -> BaseException | None:
    """The error of a finished future (a cancelled one's is the cancellation)."""
    try:
        return future.exception()
    except BaseException as exc:  # noqa: BLE001  (CancelledError: the future never ran)
        return exc
