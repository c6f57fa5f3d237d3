"""Peak memory of `l10n update` and `l10n check` at 100,000 entries against their peers.

    .venv/bin/python bench/bench_memory.py                  # 100,000 entries (the corpus of bench_catalogs)
    .venv/bin/python bench/bench_memory.py --size 10000
    .venv/bin/python bench/bench_memory.py --only update

Not a test: it prints peak resident memory (MB) and ratios (see bench/README.md).

Every tool runs in a fresh process, one after the other. Two figures per run:

* *peak RSS*: ``ru_maxrss`` of the process as ``wait4`` reports it (the kernel's own high-water mark; for a
  tool that forks workers, the largest of them);
* *tree peak*: the largest sum of the resident memory of the process and all its descendants, sampled from
  ``/proc`` every 20 ms (what a tool with worker processes costs the machine; a sample can miss a short peak).

Corpus: ``bench_catalogs.corpus_catalog(n)`` (cached in ``bench/.cache/catalogs``): a translated Spanish
catalog of ``n`` entries and a next template with 10% one-word edits, 5% removals and 5% arrivals.

* update: ``l10n update -l es`` in a project holding that template and catalog, against ``msgmerge
  --previous`` (fuzzy matching is quadratic: about 2 h at 100,000 entries, so by default ``msgmerge
  --previous --no-fuzzy-matching``; ``--msgmerge-fuzzy`` also runs the fuzzy one, with ``--timeout``).
  l10n always matches fuzzily.
* check: ``l10n check --no-cache`` (``-j 1`` and the default, every CPU) on the translated catalog against
  ``pofilter`` (translate-toolkit, all its filters) on the same file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_catalogs import BIN, CACHE, corpus_catalog, update_project  # noqa: E402

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _tree_rss_kb(root: int) -> int:
    """Resident KB of ``root`` and every descendant (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()
        pid, ppid = int(entry.name), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * PAGE_KB
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


class Measure:
    """A command's peak RSS (wait4) and its process tree's sampled peak, in MB; None on timeout."""

    def __init__(self, cmd: list[str], cwd: Path | None = None, timeout: float | None = None) -> None:
        self.cmd, self.cwd, self.timeout = cmd, cwd, timeout
        self.peak = self.tree = self.seconds = None

    def run(self) -> Measure:
        t0 = time.perf_counter()
        proc = subprocess.Popen(self.cmd, cwd=self.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        tree_kb = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal tree_kb
            while not done.wait(0.02):
                tree_kb = max(tree_kb, _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        killer = threading.Timer(self.timeout, proc.kill) if self.timeout else None
        if killer:
            killer.start()
        stderr = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        if killer:
            killer.cancel()
        if proc.returncode == -9 and self.timeout:
            return self
        if proc.returncode not in (0, 1):  # check exits 1 when it finds something
            raise SystemExit(f"{' '.join(self.cmd)} failed ({proc.returncode}):\n{stderr.decode()[-2000:]}")
        self.seconds = time.perf_counter() - t0
        self.peak = usage.ru_maxrss / 1024
        self.tree = max(tree_kb, usage.ru_maxrss) / 1024
        return self


ROWS: list[tuple[str, Measure, str, Measure]] = []


def row(task: str, ours: Measure, other: str, theirs: Measure) -> None:
    ROWS.append((task, ours, other, theirs))
    print(f"  {task}: l10n {_mb(ours)} | {other} {_mb(theirs)} | {_ratio(ours, theirs)}", flush=True)


def _mb(m: Measure) -> str:
    if m.peak is None:
        return "timeout"
    return f"{m.peak:6.0f} MB (tree {m.tree:4.0f}, {m.seconds:5.1f} s)"


def _ratio(ours: Measure, theirs: Measure) -> str:
    if ours.peak is None or theirs.peak is None:
        return "-"
    verdict = "below" if ours.peak < theirs.peak else "ABOVE"
    return f"l10n/other {ours.peak / theirs.peak:4.2f} ({verdict}; tree {ours.tree / theirs.tree:4.2f})"


def bench_update(n: int, fuzzy_msgmerge: bool, timeout: float) -> None:
    truth = corpus_catalog(n)
    folder = Path(truth["folder"])
    work = CACHE / f"work-memory-{n}"
    target = update_project(folder, work)
    shutil.copy(folder / "old.po", target)
    print(f"update: {n} entries, 10% one-word edits, 5% removed, 5% new", flush=True)
    ours = Measure([str(BIN / "l10n"), "update", "-l", "es"], cwd=work).run()
    mm = ["msgmerge", "--quiet", "--previous", "-o", str(work / "msgmerge.po")]
    nofuzzy = Measure(mm + ["--no-fuzzy-matching", str(folder / "old.po"), str(folder / "new.pot")]).run()
    row(f"update {n}", ours, "msgmerge --previous --no-fuzzy-matching", nofuzzy)
    if fuzzy_msgmerge:
        fuzzy = Measure(mm + [str(folder / "old.po"), str(folder / "new.pot")], timeout=timeout).run()
        row(f"update {n}", ours, "msgmerge --previous (fuzzy)", fuzzy)


def bench_check(n: int, timeout: float) -> None:
    folder = Path(corpus_catalog(n)["folder"])
    work = CACHE / f"work-memory-check-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    catalog = work / "es.po"
    shutil.copy(folder / "old.po", catalog)
    print(f"check: {n} translated entries", flush=True)
    l10n = [str(BIN / "l10n"), "check", "--no-cache", "--format", "json", "-o", "/dev/null"]
    pofilter = str(BIN / "pofilter") if (BIN / "pofilter").exists() else shutil.which("pofilter")
    theirs = Measure([pofilter, "--progress=none", str(catalog), str(work / "pofilter.po")], timeout=timeout).run()
    one = Measure(l10n + ["-j", "1", str(catalog)], cwd=work).run()
    row(f"check {n} -j1", one, "pofilter", theirs)
    every = Measure(l10n + [str(catalog)], cwd=work).run()
    row(f"check {n} (default -j)", every, "pofilter", theirs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--only", choices=["update", "check"], nargs="*")
    ap.add_argument("--msgmerge-fuzzy", action="store_true", help="also msgmerge with fuzzy matching (hours)")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds for msgmerge (fuzzy) and pofilter")
    args = ap.parse_args()
    only = set(args.only or ["update", "check"])
    print(f"CPUs available: {len(os.sched_getaffinity(0))}; load average {os.getloadavg()[0]:.1f}", flush=True)
    if "update" in only:
        bench_update(args.size, args.msgmerge_fuzzy, args.timeout)
    if "check" in only:
        bench_check(args.size, args.timeout)
    print()
    print(f"{'task':22} {'l10n peak RSS':>40}  {'other tool':40} {'its peak RSS':>40}  ratio")
    for task, ours, other, theirs in ROWS:
        print(f"{task:22} {_mb(ours):>40}  {other:40} {_mb(theirs):>40}  {_ratio(ours, theirs)}")


if __name__ == "__main__":
    main()
