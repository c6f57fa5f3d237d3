"""Scaling out: a whole ``l10n run`` on four executors. ``python bench/bench_scale.py [--articles N]``.

A generated project (:mod:`scale_project`: the bundled articles plus N generated ones, 80% Markdown,
20% HTML) goes into five locales:

* ``es`` and ``ca``: Apertium (a local process per batch; CPU-bound);
* ``en_XA``: the pseudo provider (almost free);
* ``fr`` and ``pt_BR``: the ``libre`` engine against a LibreTranslate-compatible server on 127.0.0.1
  that answers every request after 100 ms (latency-bound; tests/servers/libre.py), 4 requests in
  flight per catalog.

The project keeps the bundled configuration's locales (its glossary names them all), so ``ar`` is in
the run too, without an engine: its catalogs are updated and assessed, not translated.

Each executor runs :func:`l10n.publish.pipeline.run` with ``executor=`` on its own fresh copy of the
project, without the stage cache (``cache=False``), so every configuration does all the work:
extract (a task per article), update (per catalog), translate (per catalog of each locale), assess
(per article and locale), then build and report here. Executors, chosen as ``l10n run`` chooses
them (:func:`l10n.execute.choice.executor_for`): ``-j 1``; no ``-j`` (forked processes, one per
CPU); Dask ``LocalCluster`` (2 worker processes of 1 thread); ``--scheduler tcp://…`` with a
scheduler and 2 workers started by scripts/dask-cluster.sh.

Every map goes through a thin wrapper that times each task where it runs and records the process
that ran it, so the bench shows that the work really went to the executor (the processes per
stage). Printed: the wall time of each, ratios to ``-j 1``, the tasks per stage, the per-task
overhead of each executor (a map of no-op tasks), whether ``locales/``, ``dist/`` and
``dist-preview/`` are byte-identical across the four, and a projection to W workers from the
``-j 1`` per-task costs. Needs the dask extra and Apertium's eng-spa/eng-cat pairs.

The Dask runs translate into a PostgreSQL memory (a SQLite one is refused on a cluster: each worker
would open a file of its own), a new database per run on the server named by ``L10N_TEST_POSTGRES``,
else on a throw-away server started by scripts/pg-start.sh (PostgreSQL's server installed, and the
postgresql extra: psycopg); the local runs keep each copy's own ``.l10n/tm.sqlite``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from l10n.execute import Executor, Task  # noqa: E402
from scale_project import scale_project  # noqa: E402
from tests.servers.libre import LibreServer  # noqa: E402

LATENCY = 0.1  # seconds per request of the HTTP engine
HTTP_CONCURRENCY = 4  # requests in flight per catalog
NOOP_TASKS = 400
LOOPBACK = ("fr", "pt_BR")  # the two locales of the 100 ms engine
COMPARED = ("locales", "dist", "dist-preview")


# -- the project ------------------------------------------------------------------------------------

def configure(project: Path, server_url: str) -> None:
    """Five translated locales: es/ca Apertium, en_XA pseudo, fr/pt_BR the 100 ms loopback engine."""
    path = project / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('en_XA = "pseudo"\n', 'en_XA = "pseudo"\n' + "".join(f'{x} = "libre"\n' for x in LOOPBACK), 1)
    text = re.sub(r'(?m)^allow_machine_translation = \[.*\]$',
                  'allow_machine_translation = ["es", "ca", "en_XA", "fr", "pt_BR"]', text)
    text += (f'\n[tool.l10n.providers.libre]\nbase_url = "{server_url}"\ntimeout = 30\n'
             f"concurrency = {HTTP_CONCURRENCY}\n")
    path.write_text(text, encoding="utf-8")


def digest(project: Path) -> tuple[str, int]:
    """sha256 over the names and bytes of every file under ``locales/``, ``dist/``, ``dist-preview/``."""
    h, n = hashlib.sha256(), 0
    for top in COMPARED:
        for p in sorted((project / top).rglob("*")):
            if p.is_file():
                h.update(p.relative_to(project).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
                n += 1
    return h.hexdigest(), n


# -- a wrapper that times every task where it runs --------------------------------------------------

def timed_task(shared: tuple[Task, Any], item: Any) -> tuple[Any, float, int]:
    fn, inner = shared
    t0 = time.perf_counter()
    out = fn(inner, item)
    return out, time.perf_counter() - t0, os.getpid()


class TimingExecutor(Executor):
    """Another executor; records per map: the task's name, the tasks' seconds, the processes, the wall time."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.maps: list[dict] = []

    @property
    def workers(self) -> int:  # type: ignore[override]
        return self.inner.workers

    @property
    def distributed(self) -> bool:
        return self.inner.distributed

    def map(self, fn: Task, items: Sequence[Any], *, shared: Any = None,
            meanwhile: Callable[[], None] | None = None,
            on_result: Callable[[int], None] | None = None) -> list[Any]:
        t0 = time.perf_counter()
        outs = self.inner.map(timed_task, items, shared=(fn, shared), meanwhile=meanwhile, on_result=on_result)
        self.maps.append({"fn": fn.__name__, "wall": time.perf_counter() - t0, "costs": [s for _, s, _ in outs],
                          "pids": {p for _, _, p in outs}})
        return [o for o, _, _ in outs]

    def close(self) -> None:
        self.inner.close()


def noop(shared: object, item: int) -> int:
    return item


# -- one configuration ------------------------------------------------------------------------------

def measure(label: str, executor: Executor, base: Path, work: Path, tm: str | None = None) -> dict:
    """One configuration on its own copy of the project; ``tm``: its memory (None: the copy's SQLite file)."""
    from l10n.config import load_settings
    from l10n.publish.pipeline import run

    t0 = time.perf_counter()
    assert executor.map(noop, list(range(NOOP_TASKS))) == list(range(NOOP_TASKS))
    overhead = (time.perf_counter() - t0) / NOOP_TASKS
    project = work / re.sub(r"\W+", "-", label)
    shutil.copytree(base, project)
    timing = TimingExecutor(executor)
    os.environ.pop("L10N_TM", None)
    if tm is not None:
        os.environ["L10N_TM"] = tm
    t0 = time.perf_counter()
    try:
        result = run(load_settings(project), executor=timing, cache=False)
    finally:
        os.environ.pop("L10N_TM", None)
    wall = time.perf_counter() - t0
    sha, files = digest(project)
    stages = {k: w.computed for k, w in result.work.items()}
    tasks = sum(len(m["costs"]) for m in timing.maps)
    pids = set().union(*(m["pids"] for m in timing.maps)) if timing.maps else set()
    away = "" if os.getpid() not in pids or len(pids) > 1 else " (all here)"
    print(f"  {label:<32} {wall:8.1f} s  overhead {overhead * 1e3:6.2f} ms/task  {tasks} tasks in "
          f"{len(timing.maps)} maps on {len(pids)} process(es){away}  {files} files sha256 {sha[:16]}", flush=True)
    print("      per map: " + ", ".join(f"{m['fn']} {len(m['costs'])}x {m['wall']:.1f}s/{len(m['pids'])}p"
                                          for m in timing.maps) + f"; stage work {stages}", flush=True)
    shutil.rmtree(project, ignore_errors=True)
    return {"label": label, "wall": wall, "overhead": overhead, "digest": sha, "maps": timing.maps,
            "translated": {k: getattr(v, "translated", None) for k, v in result.translated.items()},
            "skipped": dict(result.skipped)}


@contextmanager
def postgres_server() -> Iterator[Callable[[], str]]:
    """``new_database()``: the URL of a new, empty database for one Dask run's memory, on the server of
    ``L10N_TEST_POSTGRES``, else on a throw-away one (scripts/pg-start.sh), stopped at the end."""
    import psycopg

    url, folder = os.environ.get("L10N_TEST_POSTGRES", "").strip(), None
    if not url:
        out = subprocess.run(["bash", str(ROOT / "scripts" / "pg-start.sh")], capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit("bench_scale: the Dask runs need PostgreSQL (a SQLite memory is refused on a cluster): "
                             "set L10N_TEST_POSTGRES=postgresql://… or install PostgreSQL's server, or --skip "
                             f"localcluster --skip tcp\n{out.stderr}")
        env = dict(line.removeprefix("export ").split("=", 1) for line in out.stdout.splitlines() if "=" in line)
        url, folder = env["L10N_TEST_POSTGRES"], env["L10N_TEST_POSTGRES_DIR"]
        print(f"  (PostgreSQL for the Dask runs' memories at {url})", flush=True)

    def new_database() -> str:
        name = "l10n_bench_" + uuid.uuid4().hex[:12]
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return urlunsplit(urlsplit(url)._replace(path="/" + name))

    try:
        yield new_database
    finally:
        if folder is not None:
            subprocess.run(["bash", str(ROOT / "scripts" / "pg-stop.sh"), folder], capture_output=True)


def start_tcp_cluster(state: Path) -> tuple[str, Callable[[], None]]:
    env = {**os.environ, "L10N_DASK_DIR": str(state), "DASK": str(Path(sys.executable).parent / "dask"),
           "WORKERS": "2", "NTHREADS": "1"}
    script = ROOT / "scripts" / "dask-cluster.sh"
    out = subprocess.run(["bash", str(script), "start"], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1], lambda: subprocess.run(["bash", str(script), "stop"], env=env,
                                                                        capture_output=True)


def project_to(serial: dict, overhead: float, workers: tuple[int, ...] = (1, 2, 4, 8, 16, 32, 64)) -> None:
    """T(W) ≈ here + Σ over maps of max(Σcost / W, longest task) + tasks × the scheduler's overhead per task.

    ``here`` is what the -j 1 run spent outside tasks (reading the project, writing catalogs, building the
    pages and the report): it stays in this process whatever the executor. Maps run one after another.
    """
    maps = serial["maps"]
    in_tasks = sum(sum(m["costs"]) for m in maps)
    here = serial["wall"] - in_tasks
    ntasks = sum(len(m["costs"]) for m in maps)
    print(f"\nprojection from the -j 1 per-task costs: {ntasks} tasks, {in_tasks:.1f} s in tasks, {here:.1f} s "
          f"here (serial: snapshot, writes, build, report); scheduler {overhead * 1e3:.2f} ms/task:")
    by_fn: dict[str, list[float]] = {}
    for m in maps:
        by_fn.setdefault(m["fn"], []).extend(m["costs"])
    for fn, costs in by_fn.items():
        print(f"  {fn:<28} {len(costs):5d} tasks  Σ {sum(costs):7.1f} s  mean {sum(costs) / len(costs) * 1e3:7.0f} ms"
              f"  longest {max(costs) * 1e3:7.0f} ms")
    for w in workers:
        t = here + sum(max(sum(m["costs"]) / w, max(m["costs"])) for m in maps if m["costs"]) + ntasks * overhead
        print(f"  {w:3d} workers: ~{t:8.1f} s   {serial['wall'] / t:5.1f}x -j 1")
    print("  (the HTTP engine is assumed to keep up; a real engine's rate limit caps fr/pt_BR first)")


@contextmanager
def _no_server() -> Iterator[Callable[[], str]]:
    def none() -> str:
        raise AssertionError("no Dask run, no PostgreSQL")

    yield none


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--skip", action="append", default=[], choices=["tcp", "localcluster", "local"],
                        help="leave out an executor (repeatable)")
    args = parser.parse_args()
    import distributed

    from l10n.execute.choice import executor_for
    from l10n.execute.dask import DaskExecutor

    os.environ["SOURCE_DATE_EPOCH"] = "1764800000"  # the same dates in every copy (outputs compared)
    os.environ["L10N_NO_CACHE"] = "1"  # besides cache=False: nothing is reused between configurations
    print(f"load average before: {os.getloadavg()}", flush=True)
    dask_runs = not {"localcluster", "tcp"} <= set(args.skip)
    with LibreServer(latency=LATENCY) as server, tempfile.TemporaryDirectory() as tmp, \
            (postgres_server() if dask_runs else _no_server()) as new_database:
        work = Path(tmp)
        base = scale_project(work / "base", args.articles)
        configure(base, server.url)
        print(f"{args.articles} generated + 3 bundled articles x 5 translated locales (es, ca Apertium; en_XA "
              f"pseudo; fr, pt_BR {LATENCY * 1e3:.0f} ms loopback; ar updated, not translated); {os.cpu_count()} CPUs", flush=True)
        runs = []
        with executor_for(None, 1, environ={}) as ex:
            runs.append(measure("local -j 1", ex, base, work))
        if "local" not in args.skip:
            with executor_for(None, None, environ={}) as ex:
                runs.append(measure(f"local default ({ex.workers} processes)", ex, base, work))
        if "localcluster" not in args.skip:
            t0 = time.perf_counter()
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                          dashboard_address=None) as cluster, \
                    distributed.Client(cluster, set_as_default=False) as client:
                print(f"  (LocalCluster up in {time.perf_counter() - t0:.1f} s)", flush=True)
                runs.append(measure("Dask LocalCluster (2 x 1 thread)", DaskExecutor(client), base, work,
                                    new_database()))
        if "tcp" not in args.skip:
            t0 = time.perf_counter()
            address, stop = start_tcp_cluster(work / "cluster")
            try:
                with executor_for(None, None, address, environ={}) as ex:
                    print(f"  ({ex.describe()}, up in {time.perf_counter() - t0:.1f} s)", flush=True)
                    runs.append(measure("Dask TCP scheduler + 2 workers", ex, base, work, new_database()))
            finally:
                stop()
        requests = len(server.requests)
    same = len({r["digest"] for r in runs}) == 1
    print(f"\noutputs ({', '.join(COMPARED)}) byte-identical across the {len(runs)} executors: "
          f"{'yes' if same else 'NO'}; HTTP requests in all: {requests}; translated per locale (-j 1): "
          f"{runs[0]['translated']}; skipped: {runs[0]['skipped'] or 'none'}")
    base_wall = runs[0]["wall"]
    for r in runs[1:]:
        print(f"  {r['label']:<32} {base_wall / r['wall']:5.2f}x -j 1")
    dask = [r["overhead"] for r in runs if r["label"].startswith("Dask")]
    project_to(runs[0], max(dask) if dask else runs[0]["overhead"])
    print(f"load average after: {os.getloadavg()}", flush=True)
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
