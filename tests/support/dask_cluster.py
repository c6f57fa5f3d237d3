"""Real Dask clusters on 127.0.0.1 for the executor's tests: in-process LocalCluster, the TCP one
of scripts/dask-cluster.sh (a scheduler and two workers in their own processes), or one whose scheduler's
Python cannot import l10n (nor the tests); and killing the workers that hold a key."""

from __future__ import annotations

import json
import os
import site
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
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


def holders(client, wanted: Callable[[object], bool]) -> set[str]:
    """The workers that hold a key for which ``wanted(key)`` is true, as the scheduler sees it now."""
    return {worker for key, workers in client.who_has().items() if wanted(key) for worker in workers}


def kill_workers(client, workers: Iterable[str]) -> None:
    """SIGKILL the processes of these workers (their nannies start new, empty ones)."""
    from tests.support.dask_tasks import die

    workers = sorted(workers)
    if workers:
        client.run(die, workers=workers, wait=False)


#: a Python with only the packages of this virtualenv's site-packages, no .pth files (l10n is an editable
#: install: a .pth file puts it on the path), no PYTHON* variables and no current folder on its path
_BARE = """\
import importlib.util, sys
sys.path[:0] = {site!r}
for name in ("l10n", "tests"):
    if importlib.util.find_spec(name) is not None:
        sys.exit(f"{{name}} is importable here: " + importlib.util.find_spec(name).origin)
from distributed.cli.dask_scheduler import main
main()
"""


@contextmanager
def bare_scheduler_cluster(state: Path, workers: int = 2) -> Iterator[Path]:
    """A scheduler whose Python cannot import l10n (nor ``tests``), and ``workers`` workers that can.

    Yields the scheduler file. Everything runs in its own process, from ``state`` (outside the project).
    """
    state.mkdir(parents=True, exist_ok=True)
    scheduler_file = state / "scheduler.json"
    code = _BARE.format(site=site.getsitepackages())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    procs = [_spawn([sys.executable, "-I", "-S", "-c", code, "--host", "127.0.0.1", "--port", "0",
                     "--no-dashboard", "--scheduler-file", str(scheduler_file)], state / "scheduler.log", env)]
    try:
        deadline = time.monotonic() + 120
        while not _address(scheduler_file):
            assert procs[0].poll() is None, (state / "scheduler.log").read_text()
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.1)
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        for i in range(workers):
            procs.append(_spawn([str(DASK), "worker", "--scheduler-file", str(scheduler_file), "--host", "127.0.0.1",
                                 "--nthreads", "1", "--no-dashboard", "--local-directory", str(state / f"worker-{i}")],
                                state / f"worker-{i}.log", {**os.environ, "PYTHONPATH": path}))
        yield scheduler_file
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _spawn(args: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen(args, cwd=log.parent, env=env, stdout=out, stderr=subprocess.STDOUT)


def _address(scheduler_file: Path) -> str | None:
    try:
        return json.loads(scheduler_file.read_text())["address"]
    except (OSError, ValueError, KeyError):
        return None
