"""What the issue's speed targets leave for checking, next to what Python itself costs.

    .venv/bin/python bench/bench_floor.py

Targets of `l10n check` on the generated 10,000-entry catalog: at least 10x
faster than ``pofilter`` and within 3x of ``msgfmt -c --check-format``. This
script measures, in one run, both budgets and the floor any Python checker
pays before it checks anything (fresh processes, best of N):

- the interpreter starting (``python -c pass``);
- importing the CLI (``import l10n.cli``: typer, rich, Babel);
- importing the checks and reading the catalog with l10n's PO reader;

and then, in this process, the cost of one Python call and of one regex
search on a typical translation, to show how many of them fit per entry in
what is left of the budget (~30 checks run on every entry).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import CACHE, VENV_BIN, generated_catalog, timed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    gen = generated_catalog()
    py = sys.executable
    read = ("from l10n.checks.catalog import parse_catalog; import sys; "
            "po, problems = parse_catalog(open(sys.argv[1], 'rb').read(), sys.argv[1]); assert len(po) == 10000")
    rows = {
        "python -c pass": timed([py, "-c", "pass"], args.repeat),
        "import l10n.cli": timed([py, "-c", "import l10n.cli"], args.repeat),
        "import checks + read catalog": timed([py, "-c", read, str(gen)], args.repeat),
        "l10n check cold -j1": timed([str(VENV_BIN / "l10n"), "check", "--no-cache", "-j", "1", "--format",
                                      "json", "-o", "/dev/null", str(gen)], args.repeat),
    }
    if shutil.which("msgfmt"):
        rows["msgfmt -c --check-format"] = timed(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(gen)],
                                                 args.repeat)
    pofilter = str(VENV_BIN / "pofilter") if (VENV_BIN / "pofilter").exists() else shutil.which("pofilter")
    if pofilter:
        out = CACHE / "pofilter-floor" / "out.po"
        out.parent.mkdir(parents=True, exist_ok=True)
        rows["pofilter (all filters)"] = timed([pofilter, "--progress=none", str(gen), str(out)], 1)
    print(f"{'step (fresh process, best of ' + str(args.repeat) + ')':42} {'wall s':>7}")
    for name, (secs, _rc, _cpu) in rows.items():
        print(f"{name:42} {secs:7.3f}")
    budgets = []
    if "pofilter (all filters)" in rows:
        budgets.append(("10x faster than pofilter", rows["pofilter (all filters)"][0] / 10))
    if "msgfmt -c --check-format" in rows:
        budgets.append(("within 3x of msgfmt -c", rows["msgfmt -c --check-format"][0] * 3))
    floor = rows["import checks + read catalog"][0]
    call = min(timeit.repeat("f(e, c)", "def f(e, c): return ()\ne = c = None", number=200_000, repeat=3)) / 200_000
    rx = re.compile(r"\b(?:no|nunca|jamás|sin)\b")
    text = "No mezcle el kratom con alcohol. Pregunte a su médico por %(service)s cerca de usted (folleto 42)."
    search = min(timeit.repeat(lambda: rx.search(text), number=200_000, repeat=3)) / 200_000
    print(f"one Python call: {call * 1e9:.0f} ns; one regex search on a 100-character translation: "
          f"{search * 1e9:.0f} ns")
    for label, budget in budgets:
        left = budget - floor
        print(f"budget '{label}': {budget:.3f} s; the floor (start-up + reading the catalog) takes {floor:.3f} s, "
              f"leaving {left:.3f} s", end="")
        if left > 0.005:
            per_entry = left / 10_000
            print(f" = {per_entry * 1e6:.1f} µs per entry, {per_entry / 30 * 1e9:.0f} ns per check "
                  f"({per_entry / 30 / call:.1f} calls or {per_entry / 30 / search:.1f} regex searches)")
        else:
            print(" (nothing left for any check)")


if __name__ == "__main__":
    main()
