"""Real Dask clusters on 127.0.0.1 for the executor's tests: in-process LocalCluster, or the TCP one
of scripts/dask-cluster.sh (a scheduler and two workers in their own processes)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.paths import ROOT

SCRIPT = ROOT / "scripts" / "dask-cluster.sh"
DASK = Path(sys.executable).parent / "dask"


@contextmanager
def local_cluster(workers: int = 2) -> Iterator[object]:
    """A ``distributed.Client`` of a LocalCluster: ``workers`` processes of one thread, on free ports only.

    (``dashboard_address=None`` would still start the scheduler's HTTP server on the fixed port 8787, warning and
    moving elsewhere when another cluster or program holds it.)
    """
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster, set_as_default=False) as client:
        yield client


@contextmanager
def tcp_cluster(state: Path) -> Iterator[tuple[str, Path]]:
    """scripts/dask-cluster.sh start … stop: yields the scheduler's address and its scheduler file."""
    # the workers import the tests' tasks (tests.support.dask_tasks) from this checkout
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "L10N_DASK_DIR": str(state), "DASK": str(DASK), "WORKERS": "2", "PYTHONPATH": path}
    started = subprocess.run(["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=600)
    try:
        assert started.returncode == 0, started.stderr
        yield started.stdout.strip().splitlines()[-1], state / "scheduler.json"
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=60)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (just released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
