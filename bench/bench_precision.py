"""Precision of ``l10n check`` errors on real catalogs nobody here wrote (Django's).

    .venv/bin/python bench/bench_precision.py                 # check, sample, score against the labels
    .venv/bin/python bench/bench_precision.py --name after    # another sample file (sample-after.jsonl)
    .venv/bin/python bench/bench_precision.py --show          # print the unlabelled findings of the sample

Runs ``l10n check --format json --no-cache`` over Django's catalogs (downloaded
once by ``bench_check.django_catalogs()``), keeps the findings at error
severity or above, and draws a random sample (fixed seed) stratified by code:
every code gets ``max(MIN_PER_CODE, its share of SIZE)`` findings (all of them
when it has fewer). The sample is written to ``bench/precision/sample[-NAME].jsonl``.

Labels live in ``bench/precision/labels.jsonl``, one JSON object a line:
``{"id": ..., "true": true|false, "note": "..."}``, keyed by a stable id (a
hash of the code, the catalog path under the corpus, msgctxt, msgid and
translation: not the message wording nor the line). They were written by hand,
by reading each finding's entry. The script prints, per code, how many findings
there are, how many were sampled and labelled, and the precision; overall, the
precision of the sample and the estimate for all error findings (each code's
precision weighted by its number of findings).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_check import VENV_BIN, django_catalogs  # noqa: E402

OUT = HERE / "precision"
LABELS = OUT / "labels.jsonl"
SEED = 15
SIZE = 120
MIN_PER_CODE = 4
_ERRORISH = {"error", "critical"}
#: the catalog-level plural and header checks, reported separately (their fix is another piece of work)
PLURAL_CODES = frozenset({"L10N102", "L10N103", "L10N106"})


def finding_id(f: dict, root: Path) -> str:
    """A stable id for a finding: its code and entry (path under the corpus, msgctxt, msgid, translation)."""
    path = Path(f["file"])
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    key = "\x00".join([f["code"], rel, f.get("msgctxt") or "", f.get("msgid") or "", f.get("target") or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def run_check(root: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.json"
        r = subprocess.run([str(VENV_BIN / "l10n"), "check", "--format", "json", "--no-cache", "-o", str(out),
                            str(root)], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"l10n check failed ({r.returncode}): {r.stderr.strip()[-500:]}")
        return json.loads(out.read_text(encoding="utf-8"))["findings"]


def stratified(errors: list[dict], size: int, seed: int) -> list[dict]:
    by_code: dict[str, list[dict]] = defaultdict(list)
    for f in errors:
        by_code[f["code"]].append(f)
    rng = random.Random(seed)
    sample = []
    for code in sorted(by_code):
        pool = sorted(by_code[code], key=lambda f: f["id"])
        n = min(len(pool), max(MIN_PER_CODE, round(size * len(pool) / len(errors))))
        sample += rng.sample(pool, n)
    return sample


def load_labels() -> dict[str, dict]:
    if not LABELS.exists():
        return {}
    out = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--name", default="", help="suffix of the sample file (sample-NAME.jsonl)")
    ap.add_argument("--size", type=int, default=SIZE)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--show", action="store_true", help="print the sampled findings that have no label yet")
    ap.add_argument("--score-only", action="store_true", help="score the existing sample file, do not run check")
    ap.add_argument("--census", action="store_true", help="score every error finding that has a label (no sample)")
    args = ap.parse_args()
    root = django_catalogs()
    OUT.mkdir(parents=True, exist_ok=True)
    sample_path = OUT / (f"sample-{args.name}.jsonl" if args.name else "sample.jsonl")
    if args.score_only:
        sample = [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines() if line]
        population = Counter({k: v for k, v in json.loads(
            (sample_path.with_suffix(".counts.json")).read_text(encoding="utf-8")).items()})
    else:
        findings = run_check(root)
        errors = [f for f in findings if f["severity"] in _ERRORISH]
        for f in errors:
            f["id"] = finding_id(f, root)
            f["file"] = Path(f["file"]).resolve().relative_to(root.resolve()).as_posix() \
                if Path(f["file"]).resolve().is_relative_to(root.resolve()) else f["file"]
        population = Counter(f["code"] for f in errors)
        sample = sorted(errors, key=lambda f: f["id"]) if args.census else stratified(errors, args.size, args.seed)
        if args.census:
            sample_path = Path(tempfile.mkdtemp()) / "census.jsonl"  # scored, not committed
        keep = ("id", "code", "severity", "file", "line", "locale", "msgctxt", "msgid", "target", "message")
        sample_path.write_text("".join(json.dumps({k: f.get(k) for k in keep}, ensure_ascii=False) + "\n"
                                       for f in sample), encoding="utf-8")
        sample_path.with_suffix(".counts.json").write_text(json.dumps(dict(sorted(population.items())), indent=1)
                                                           + "\n", encoding="utf-8")
        print(f"{len(findings)} findings, {len(errors)} at error severity or above; "
              + (f"every one scored (census)" if args.census else
                 f"sample of {len(sample)} written to {sample_path.relative_to(HERE.parent)}"))
    labels = load_labels()
    if args.show:
        for f in sample:
            if f["id"] not in labels:
                print(json.dumps(f, ensure_ascii=False))
        return
    per: dict[str, list[bool]] = defaultdict(list)
    unlabelled = 0
    for f in sample:
        lab = labels.get(f["id"])
        if lab is None:
            unlabelled += 1
        else:
            per[f["code"]].append(bool(lab["true"]))
    print(f"{'code':8} {'errors':>7} {'sampled':>7} {'labelled':>8} {'true':>5} {'precision':>9}")
    total_true = total = 0
    est_true = est_n = 0.0
    sampled = Counter(f["code"] for f in sample)
    for code in sorted(population):
        labs = per.get(code, [])
        t = sum(labs)
        prec = t / len(labs) if labs else float("nan")
        print(f"{code:8} {population[code]:7d} {sampled[code]:7d} {len(labs):8d} {t:5d} {prec:9.0%}")
        total_true += t
        total += len(labs)
        if labs:
            est_true += prec * population[code]
            est_n += population[code]
    if total:
        mine = [c for c in per if c not in PLURAL_CODES]
        t_m = sum(sum(per[c]) for c in mine)
        n_m = sum(len(per[c]) for c in mine)
        e_t = sum(sum(per[c]) / len(per[c]) * population[c] for c in mine if per[c])
        e_n = sum(population[c] for c in mine if per[c])
        if n_m:
            print(f"without the plural and header checks ({', '.join(sorted(PLURAL_CODES))}): sample {t_m}/{n_m} = "
                  f"{t_m / n_m:.0%}; estimated over their {sum(population[c] for c in population if c not in PLURAL_CODES)}"
                  f" errors: {e_t / e_n:.0%}")
        print(f"sample precision: {total_true}/{total} = {total_true / total:.0%}; estimated over all "
              f"{sum(population.values())} errors (weighted by code): {est_true / est_n:.0%}"
              + (f"; {unlabelled} sampled findings have no label" if unlabelled else ""))
    else:
        print(f"no labels yet for this sample ({unlabelled} findings): run with --show")


if __name__ == "__main__":
    main()
