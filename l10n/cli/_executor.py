"""The executor a command runs its tasks on, with a progress bar in a terminal (``-j``, ``--scheduler``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer

from l10n.cli._app import progress
from l10n.execute import Executor, Task

__all__ = ["JobsOpt", "ProgressExecutor", "SchedulerOpt"]

JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N",
                                      help="Local processes (0: one per CPU, the default; 1: no extra process). "
                                           "Not used with a Dask scheduler.")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="Run the tasks on a Dask cluster: tcp://HOST:8786 or a scheduler file; 'local' for this machine. "
         "Default: $L10N_SCHEDULER, then [tool.l10n] scheduler, then local (needs l10n[dask] otherwise).")]


class ProgressExecutor(Executor):
    """Another executor, with a progress bar per map on stderr in a terminal (silent in CI and pipes)."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner

    @property
    def workers(self) -> int:  # type: ignore[override]
        return self.inner.workers

    @property
    def distributed(self) -> bool:
        return self.inner.distributed

    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        with progress(getattr(fn, "__name__", "tasks").strip("_").replace("_", " "), len(items)) as advance:
            def done(i: int) -> None:
                advance()
                if on_result is not None:
                    on_result(i)

            return self.inner.map(fn, items, shared=shared, meanwhile=meanwhile, on_result=done)

    def close(self) -> None:
        self.inner.close()
