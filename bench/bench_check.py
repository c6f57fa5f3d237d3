"""Benchmark `l10n check` against pofilter and msgfmt -c on real and generated catalogs.

    .venv/bin/python bench/bench_check.py

Corpora: Django's own catalogs (``pip download django --no-deps``, unzipped
to bench/.cache/, ~1,200 PO files) and a generated 10,000-entry Spanish
catalog of health sentences. Each tool runs as a user would (a fresh process
per run, best of N, wall and CPU seconds), side by side, and the ratios are
printed. ``l10n check`` runs every check.

``l10n check`` is timed three ways: *cold* (``--no-cache``: every finding
computed, what the issue's targets are judged on) on every CPU (the default)
and in one process (``-j 1``, as pofilter and msgfmt run), and *warm* (a
second run over an unchanged catalog: entry findings come from
``.l10n/check-cache.sqlite``, the catalog-level checks run again), as in a
pre-commit hook. The CPU count is printed: the cold default scales with it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
VENV_BIN = Path(sys.executable).parent


def django_catalogs() -> Path:
    """Download (once) and unpack Django's locale catalogs; return the folder."""
    target = CACHE / "django"
    if not any(target.rglob("*.po")) if target.exists() else True:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "django", "--no-deps", "-d", str(CACHE), "-q"],
                       check=True)
        wheel = sorted(CACHE.glob("Django-*.whl")) + sorted(CACHE.glob("django-*.whl"))
        with zipfile.ZipFile(wheel[-1]) as z:
            for name in z.namelist():
                if name.endswith(".po"):
                    z.extract(name, target)
    return target


SENTENCES = [
    ("Take {n} mg with food, not more than {m} times a day.", "Tome {n} mg con comida, no más de {m} veces al día."),
    ("Effects may take {n} minutes to appear; further study is needed.",
     "Los efectos pueden tardar {n} minutos en aparecer; se necesitan más estudios."),
    ("Read the <a href=\"https://example.org/{n}\">guide</a> before taking <b>{m} g</b>.",
     "Lea la <a href=\"https://example.org/{n}\">guía</a> antes de tomar <b>{m} g</b>."),
    ("Do not mix kratom with alcohol. Ask your doctor about %(service)s near you (leaflet {n}).",
     "No mezcle el kratom con alcohol. Pregunte a su médico por %(service)s cerca de usted (folleto {n})."),
]


def generated_catalog(n: int = 10_000) -> Path:
    """A Spanish catalog of ``n`` realistic entries (with a few defects)."""
    path = CACHE / f"generated-v2-{n}.po"   # v1 repeated one msgid: msgfmt stopped at duplicates
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Project-Id-Version": "bench", "Report-Msgid-Bugs-To": "b@example.org",
                   "POT-Creation-Date": "2026-01-01 00:00+0000", "PO-Revision-Date": "2026-01-01 00:00+0000",
                   "Last-Translator": "B <b@example.org>", "Language-Team": "es <es@example.org>", "Language": "es",
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for i in range(n):
        src, tgt = SENTENCES[i % len(SENTENCES)]
        a, b = i, i % 7 + 1
        msgstr = tgt.format(n=a, m=b)
        if i % 97 == 0:
            msgstr = msgstr.replace("No ", "").replace("no ", "")   # dropped negation
        po.append(polib.POEntry(msgid=src.format(n=a, m=b), msgstr=msgstr, occurrences=[("doc.md", str(i))],
                                flags=["python-format"] if "%(" in src else []))
    path.write_text(po.__unicode__(), encoding="utf-8")
    return path


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], repeat: int, timeout: float | None = None) -> tuple[float, int, float]:
    """Best wall time of ``repeat`` fresh processes, the exit code and the CPU seconds of the best run.

    (inf, -1, inf) on timeout.
    """
    best, rc, best_cpu = float("inf"), 0, float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), _cpu()
        try:
            r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            return float("inf"), -1, float("inf")
        wall, cpu = time.perf_counter() - t, _cpu() - c
        if wall < best:
            best, best_cpu = wall, cpu
        rc = r.returncode
    return best, rc, best_cpu


def msgfmt_all(files: list[Path]) -> list[str]:
    script = "for f in \"$@\"; do msgfmt -c --check-format -o /dev/null \"$f\" 2>/dev/null; done; true"
    return ["sh", "-c", script, "sh", *map(str, files)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-pofilter-django", action="store_true", help="pofilter on Django takes minutes")
    ap.add_argument("--skip-django", action="store_true", help="only the generated catalog")
    ap.add_argument("--pofilter-timeout", type=float, default=600, help="seconds before pofilter is stopped")
    args = ap.parse_args()
    l10n = [str(VENV_BIN / "l10n"), "check", "--format", "json", "-o", "/dev/null"]
    pofilter = str(VENV_BIN / "pofilter") if (VENV_BIN / "pofilter").exists() else shutil.which("pofilter")
    gen = generated_catalog()
    django = django_catalogs()
    dj_files = sorted(django.rglob("*.po"))
    entries = sum(1 for f in dj_files for line in f.open(encoding="utf-8", errors="replace")
                  if line.startswith("msgid "))
    print(f"corpora: generated {gen.name} (10,000 entries); Django {len(dj_files)} PO files, ~{entries} entries")
    import os

    print(f"CPUs available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}")
    if pofilter:
        version = subprocess.run([pofilter, "--version"], capture_output=True, text=True).stdout.strip()
        n_filters = len(subprocess.run([pofilter, "-l"], capture_output=True, text=True).stdout.split("\n")) - 1
        print(f"{version}: all {n_filters} filters it lists (no -t/--excludefilter), fuzzy and review units included")
    rows = []
    corpora = [("generated 10k", [gen], gen)] + ([] if args.skip_django else [("django", dj_files, django)])
    for label, files, src in corpora:
        res = {"l10n cold": timed(l10n + ["--no-cache", str(src)], args.repeat),
               "l10n -j1": timed(l10n + ["--no-cache", "-j", "1", str(src)], args.repeat)}
        subprocess.run(l10n + [str(src)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fill the cache
        res["l10n warm"] = timed(l10n + [str(src)], args.repeat)
        if shutil.which("msgfmt"):
            res["msgfmt -c"] = timed(msgfmt_all(files), args.repeat)
        if pofilter and not (label == "django" and args.skip_pofilter_django):
            out = CACHE / f"pofilter-{label.replace(' ', '-')}" / ("" if src.is_dir() else "out.po")
            shutil.rmtree(out.parent if not src.is_dir() else out, ignore_errors=True)
            out.parent.mkdir(parents=True, exist_ok=True)
            res["pofilter"] = timed([pofilter, "--progress=none", str(src), str(out)], 1, args.pofilter_timeout)
        rows.append((label, res))
    print(f"{'corpus':15} {'tool':12} {'wall s':>8} {'CPU s':>8} {'exit':>5}")
    for label, res in rows:
        for tool, (secs, rc, cpu) in res.items():
            print(f"{label:15} {tool:12} {secs:8.2f} {cpu:8.2f} {rc:5d}"
                  + ("  (stopped at the timeout)" if rc == -1 else ""))
        ours = res["l10n cold"][0]
        one = res["l10n -j1"][0]
        warm = res["l10n warm"][0]
        if "pofilter" in res:
            print(f"{label:15} pofilter / l10n check = {res['pofilter'][0] / ours:.1f}x cold (target >= 10x, "
                  f"judged cold), {res['pofilter'][0] / one:.1f}x cold -j1, {res['pofilter'][0] / warm:.1f}x warm")
        if "msgfmt -c" in res:
            print(f"{label:15} l10n check / msgfmt -c = {ours / res['msgfmt -c'][0]:.2f}x cold (target <= 3x, "
                  f"judged cold), {one / res['msgfmt -c'][0]:.2f}x cold -j1, {warm / res['msgfmt -c'][0]:.2f}x warm")


if __name__ == "__main__":
    main()
