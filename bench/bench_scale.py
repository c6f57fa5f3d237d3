"""Scaling out: the per-(article, locale) stage on four executors. ``python bench/bench_scale.py [--articles N]``.

A generated project of N articles (default 1,000; made from the bundled
Markdown article, its sections shuffled and numbered per article) goes into
five locales, one task per (article, locale): segment the article's bytes,
machine-translate every segment, and return the page's bytes. Tasks carry
bytes, never paths. The engines:

* ``es`` and ``ca``: Apertium (a local process per batch; CPU-bound);
* ``en_XA``: the pseudo provider (almost free);
* ``fr`` and ``de``: a LibreTranslate-compatible server on 127.0.0.1 that
  answers every request after 100 ms (latency-bound; tests/servers/libre.py),
  sent at concurrency 4 per task.

Executors: local ``-j1`` (serial), local default (forked processes, one per
CPU), Dask ``LocalCluster`` (2 worker processes of 1 thread), Dask TCP
scheduler + 2 workers in their own processes (scripts/dask-cluster.sh).
Printed: the wall time of each, ratios to ``-j1``, the per-task overhead of
each executor (a map of no-op tasks), whether the four outputs are
byte-identical, and a projection to W Dask workers from the measured
per-task costs. Needs the dask extra; Apertium's eng-spa/eng-cat pairs for es
and ca (without them those locales are left out and it says so).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.execute import Executor, LocalExecutor, SerialExecutor  # noqa: E402
from tests.servers.libre import LibreServer  # noqa: E402

LATENCY = 0.1  # seconds per request of the HTTP engine
HTTP_CONCURRENCY = 4  # requests in flight per task
NOOP_TASKS = 400


# -- the generated project ----------------------------------------------------------------------------

def generate_articles(n: int, seed: int = 17) -> list[tuple[str, bytes]]:
    """N Markdown articles from the bundled one: sections shuffled, a numbered sentence per section."""
    text = (ROOT / "source_docs" / "kratom-addiction-treatment.md").read_text(encoding="utf-8")
    head, *sections = re.split(r"\n(?=## )", text.strip())
    out = []
    for k in range(n):
        rng = random.Random(seed * 1_000_003 + k)
        body = sections[:]
        rng.shuffle(body)
        numbered = [f"{s}\n\nThis is note {i + 1} of leaflet {k + 1}, revised in week {rng.randint(1, 52)}."
                    for i, s in enumerate(body)]
        out.append((f"leaflet-{k:05d}.md", ("\n\n".join([head, *numbered]) + "\n").encode("utf-8")))
    return out


# -- the task (module-level: it is pickled to the workers) ------------------------------------------

def translate_article(shared: dict, item: tuple[str, bytes, str]) -> tuple[bytes, float]:
    """One (article, locale): segment, translate every segment, return the page's bytes (and the seconds spent)."""
    from l10n.segment import decode_source, segment_text
    from l10n.translate.base import parse_provider_config
    from l10n.translate.registry import make_factory
    from l10n.translate.resilience import translate_texts

    t0 = time.perf_counter()
    name, data, locale = item
    doc = segment_text(decode_source(data, name), name, unit="sentence")
    sources = [s.source for s in doc.segments]
    engine, options = shared["engines"][locale]
    factory = make_factory(parse_provider_config(engine, options), source="en", target=locale)
    out: list[str | None] = [None] * len(sources)
    for batch in translate_texts(factory, sources, source="en", target=locale,
                                 concurrency=int(options.get("concurrency", 1))):
        for i, answer in batch:
            out[i] = answer if isinstance(answer, str) else f"[{type(answer).__name__}]"
    page = "".join(f"{s.ref}\t{t}\n" for s, t in zip(doc.segments, out, strict=True)).encode("utf-8")
    return page, time.perf_counter() - t0


def noop(shared: object, item: int) -> int:
    return item


# -- executors ---------------------------------------------------------------------------------------

def start_tcp_cluster(state: Path) -> tuple[str, Callable[[], None]]:
    env = {**os.environ, "L10N_DASK_DIR": str(state), "DASK": str(Path(sys.executable).parent / "dask"),
           "WORKERS": "2", "NTHREADS": "1"}
    script = ROOT / "scripts" / "dask-cluster.sh"
    out = subprocess.run(["bash", str(script), "start"], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1], lambda: subprocess.run(["bash", str(script), "stop"], env=env,
                                                                        capture_output=True)


def measure(label: str, executor: Executor, tasks: list, shared: dict, server: LibreServer) -> dict:
    t0 = time.perf_counter()
    noop_out = executor.map(noop, list(range(NOOP_TASKS)), shared=None)
    overhead = (time.perf_counter() - t0) / NOOP_TASKS
    assert noop_out == list(range(NOOP_TASKS))
    sent = len(server.requests)
    t0 = time.perf_counter()
    results = executor.map(translate_article, tasks, shared=shared)
    wall = time.perf_counter() - t0
    sent = len(server.requests) - sent
    digest = hashlib.sha256(b"".join(page for page, _ in results)).hexdigest()
    print(f"  {label:<34} {wall:8.2f} s   overhead {overhead * 1e3:6.2f} ms/task   {sent} HTTP requests   "
          f"sha256 {digest[:16]}", flush=True)
    return {"label": label, "wall": wall, "overhead": overhead, "digest": digest,
            "costs": [seconds for _, seconds in results]}


def engines(server_url: str) -> tuple[dict, list[str]]:
    table = {"en_XA": ("pseudo", {}),
             "fr": ("libre", {"base_url": server_url, "timeout": 30, "concurrency": HTTP_CONCURRENCY}),
             "de": ("libre", {"base_url": server_url, "timeout": 30, "concurrency": HTTP_CONCURRENCY})}
    missing = []
    pairs = subprocess.run(["apertium", "-l"], capture_output=True, text=True).stdout.split() \
        if shutil.which("apertium") else []
    for loc, pair in (("es", "eng-spa"), ("ca", "eng-cat")):
        if pair in pairs:
            table[loc] = ("apertium", {})
        else:
            missing.append(f"{loc} (no Apertium {pair})")
    return table, missing


def project(runs: list[dict], tasks: int, workers: tuple[int, ...] = (1, 2, 4, 8, 16, 32)) -> None:
    """T(W) ≈ max(Σcost / W, longest task) + tasks × the scheduler's overhead per task (it is one process)."""
    serial = runs[0]
    costs = serial["costs"]
    dask_overhead = max(r["overhead"] for r in runs if r["label"].startswith("Dask"))
    print(f"\nprojection from the -j1 per-task costs (Σ {sum(costs):.1f} s, mean {statistics.mean(costs) * 1e3:.0f} ms,"
          f" longest {max(costs) * 1e3:.0f} ms) and Dask's {dask_overhead * 1e3:.2f} ms/task:")
    for w in workers:
        t = max(sum(costs) / w, max(costs)) + tasks * dask_overhead
        print(f"  {w:3d} Dask workers (1 thread each): ~{t:8.1f} s   {serial['wall'] / t:6.1f}x -j1")
    print("  (the HTTP engine is assumed to keep up; a real engine's rate limit caps fr/de first)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--skip", action="append", default=[], choices=["tcp", "localcluster", "local"],
                        help="leave out an executor (repeatable)")
    args = parser.parse_args()
    import distributed

    articles = generate_articles(args.articles)
    with LibreServer(latency=LATENCY) as server, tempfile.TemporaryDirectory() as tmp:
        table, missing = engines(server.url)
        locales = [loc for loc in ("es", "ca", "en_XA", "fr", "de") if loc in table]
        tasks = [(name, data, loc) for name, data in articles for loc in locales]
        print(f"{len(articles)} articles x {len(locales)} locales ({', '.join(locales)}) = {len(tasks)} tasks; "
              f"{os.cpu_count()} CPUs; HTTP engine {LATENCY * 1e3:.0f} ms/request, {HTTP_CONCURRENCY} in flight "
              "per task" + (f"; left out: {', '.join(missing)}" if missing else ""), flush=True)
        shared = {"engines": table}
        runs = [measure("local -j1 (serial)", SerialExecutor(), tasks, shared, server)]
        if "local" not in args.skip:
            runs.append(measure(f"local default ({LocalExecutor().workers} processes)", LocalExecutor(), tasks,
                                shared, server))
        from l10n.execute.dask import DaskExecutor

        if "localcluster" not in args.skip:
            t0 = time.perf_counter()
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                          dashboard_address=None) as cluster, \
                    distributed.Client(cluster, set_as_default=False) as client:
                print(f"  (LocalCluster up in {time.perf_counter() - t0:.1f} s)", flush=True)
                runs.append(measure("Dask LocalCluster (2 x 1 thread)", DaskExecutor(client), tasks, shared,
                                    server))
        if "tcp" not in args.skip:
            t0 = time.perf_counter()
            address, stop = start_tcp_cluster(Path(tmp) / "cluster")
            try:
                with DaskExecutor(address) as ex:
                    print(f"  ({ex.describe()}, up in {time.perf_counter() - t0:.1f} s)", flush=True)
                    runs.append(measure("Dask TCP scheduler + 2 workers", ex, tasks, shared, server))
            finally:
                stop()
    same = len({r["digest"] for r in runs}) == 1
    print(f"outputs byte-identical across the {len(runs)} executors: {'yes' if same else 'NO'}")
    base = runs[0]["wall"]
    for r in runs[1:]:
        print(f"  {r['label']:<34} {base / r['wall']:5.2f}x faster than -j1")
    project(runs, len(tasks))
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
