"""Incremental `l10n run`: a full run, an unchanged rerun and a rerun after editing one article.

    .venv/bin/python bench/bench_incremental.py --articles 200

The project is :mod:`scale_project`'s (the bundled articles plus N generated ones). Every run is a fresh
process, as a user runs it (`l10n run` through :func:`l10n.publish.pipeline.run`, which also reports the
tasks computed and reused per stage). Printed: the times, the work per stage, and the ratios of the
rerun after one edit to the full run (target: at most 5%) and to the same rerun without the cache
(``L10N_NO_CACHE=1``: what every rerun cost before).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale_project import scale_project  # noqa: E402

RUN = """
import json, sys
from pathlib import Path
from l10n.config import load_settings
from l10n.publish.pipeline import run
r = run(load_settings(Path.cwd()))
print(json.dumps({k: [w.computed, w.reused] for k, w in r.work.items()}))
"""


def timed_run(project: Path, *, cache: bool = True) -> tuple[float, dict]:
    env = dict(os.environ)
    env.pop("L10N_NO_CACHE", None)
    env["SOURCE_DATE_EPOCH"] = "1764800000"  # the same dates in both copies (outputs compared)
    if not cache:
        env["L10N_NO_CACHE"] = "1"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUN], cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"run failed in {project}:\n{proc.stderr[-3000:]}")
    return elapsed, json.loads(proc.stdout.strip().splitlines()[-1])


def edit_one_article(project: Path, n: int) -> str:
    """Change one sentence of one generated article (a new word in its first paragraph)."""
    path = sorted((project / "source_docs").glob("article-*.md"))[n]
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(r"(\n\n[A-Z][^\n#|<-]*?)\.", r"\1, as a new study shows.", text, count=1)
    assert count == 1, path
    path.write_text(new, encoding="utf-8")
    return path.name


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and ".l10n" not in p.relative_to(project).parts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / ".cache" / "incremental")
    args = ap.parse_args()
    project = scale_project(args.out / f"project-{args.articles}", args.articles)
    full, w_full = timed_run(project)
    print(f"full run ({args.articles + 3} articles): {full:.2f} s  work {w_full}")
    same, w_same = timed_run(project)
    print(f"rerun, nothing changed:   {same:.2f} s  work {w_same}  ({same / full:.1%} of the full run)")
    name = edit_one_article(project, 0)
    edit, w_edit = timed_run(project)
    print(f"rerun after editing {name}: {edit:.2f} s  work {w_edit}  ({edit / full:.1%} of the full run)")
    # the same edit without the cache, on a copy in the same state: what a rerun cost before
    plain = args.out / f"plain-{args.articles}"
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("cache"))
    edit_one_article(project, 1)
    edit_one_article(plain, 1)
    edit2, _ = timed_run(project)
    nocache, w_nocache = timed_run(plain, cache=False)
    same_outputs = snapshot(project) == snapshot(plain)
    print(f"second edit: cached {edit2:.2f} s, L10N_NO_CACHE=1 {nocache:.2f} s  work {w_nocache}"
          f"  ({edit2 / nocache:.1%}; outputs identical: {same_outputs})")
    print(f"RATIO rerun-after-one-edit / full run: {edit / full:.1%} (target <= 5%)")


if __name__ == "__main__":
    main()
