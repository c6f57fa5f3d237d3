"""How much parallel work this process may do: the CPUs it may run on, and whether it can fork.

The local executor (:class:`l10n.execute.LocalExecutor`), which every stage
that forks worker processes goes through, asks here.
"""

from __future__ import annotations

import multiprocessing
import os

__all__ = ["available_cpus", "can_fork"]


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether workers can be forked (they then inherit the parent's data instead of having it pickled)."""
    return "fork" in multiprocessing.get_all_start_methods()
