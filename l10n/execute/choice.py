"""Which executor runs the tasks: ``-j``, ``--scheduler``, ``$L10N_SCHEDULER``, ``[tool.l10n] scheduler``.

A scheduler is ``local`` (this machine's processes, the default),
``tcp://HOST:PORT`` (a Dask scheduler) or the path of a Dask scheduler file
(``dask scheduler --scheduler-file PATH``). The first given wins: the command
line's ``--scheduler``, then the environment's ``L10N_SCHEDULER``, then the
project's ``[tool.l10n] scheduler``. Without any, nothing but this machine is
used, and Dask need not be installed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import ConfigError
from l10n.execute import Executor, default_executor, local_executor

__all__ = ["LOCAL", "SCHEDULER_ENV", "Scheduler", "choose_scheduler", "executor_for", "parse_scheduler"]

LOCAL = "local"
SCHEDULER_ENV = "L10N_SCHEDULER"


_TCP = re.compile(r"tcp://(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-_]+):(?P<port>\d{1,5})")


@dataclass(frozen=True)
class Scheduler:
    """A chosen scheduler and where it was chosen (for messages): ``--scheduler``, ``$L10N_SCHEDULER``, …"""

    address: str
    source: str

    @property
    def local(self) -> bool:
        return self.address == LOCAL


def parse_scheduler(value: object, *, source: str, base: Path | None = None) -> str:
    """``local``, ``tcp://HOST:PORT``, or a scheduler file's absolute path (relative ones against ``base``).

    Anything else is a :class:`ConfigError` naming ``source``.
    """
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{source} must be 'local', 'tcp://HOST:PORT' or the path of a Dask scheduler file")
    value = value.strip()
    if value == LOCAL:
        return LOCAL
    if "://" in value:
        match = _TCP.fullmatch(value)
        if not match or not 0 < int(match["port"]) < 65536:
            raise ConfigError(f"{source}: {value!r} is not tcp://HOST:PORT (a Dask scheduler's address)")
        return value
    return str(((base or Path.cwd()) / value).resolve())


def choose_scheduler(settings_scheduler: str | None, scheduler_arg: str | None,
                     environ: Mapping[str, str] | None = None) -> Scheduler:
    """The scheduler to use: ``--scheduler`` > ``$L10N_SCHEDULER`` > ``[tool.l10n] scheduler`` > local."""
    environ = os.environ if environ is None else environ
    if scheduler_arg:
        return Scheduler(parse_scheduler(scheduler_arg, source="--scheduler"), "--scheduler")
    if environ.get(SCHEDULER_ENV):
        return Scheduler(parse_scheduler(environ[SCHEDULER_ENV], source=f"${SCHEDULER_ENV}"), f"${SCHEDULER_ENV}")
    if settings_scheduler:  # already checked (and its path resolved) by l10n.config
        return Scheduler(settings_scheduler, "[tool.l10n] scheduler")
    return Scheduler(LOCAL, "default")


def executor_for(settings_scheduler: str | None, jobs: int | None, scheduler_arg: str | None = None, *,
                 environ: Mapping[str, str] | None = None) -> Executor:
    """The executor for a command: local processes or Dask.

    ``jobs``: None (no ``-j``) forks one process per CPU for
    :data:`l10n.execute.PARALLEL_FROM` tasks or more; N forks N processes; 1 runs
    everything here. With a Dask scheduler, ``jobs`` does not apply: each
    worker runs as many tasks as its own ``--nthreads``.
    """
    chosen = choose_scheduler(settings_scheduler, scheduler_arg, environ)
    if chosen.local:
        return default_executor() if jobs is None else local_executor(jobs)
    from l10n.execute.dask import DaskExecutor

    return DaskExecutor(chosen.address)
