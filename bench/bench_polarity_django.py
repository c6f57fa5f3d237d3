"""Precision of the polarity and claim checks (L10N321-L10N323) on Django's catalogs, re-runnable.

    python bench/bench_polarity_django.py            # run the checks, compare with the labelled findings

Runs ``l10n check -s L10N321 -s L10N322 -s L10N323`` (cold, outside any project) over Django's 1,226
catalogs (downloaded once by bench_check.django_catalogs()), prints the errors per code and language, and
matches them with ``bench/polarity_django_labels.json``: every finding ever raised there, labelled by hand
(``true``/``false`` with a reason). A finding without a label is listed for labelling. The sample is every
finding (fewer than 100 were raised): precision = true / (true + false) over the findings of this run.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_check import VENV_BIN, django_catalogs  # noqa: E402

LABELS = HERE / "polarity_django_labels.json"


def key(f: dict, root: Path) -> str:
    return f"{Path(f['file']).relative_to(root)}:{f['msgid']}"


def main() -> int:
    root = django_catalogs()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "f.json"
        subprocess.run([str(VENV_BIN / "l10n"), "check", "--no-cache", "-s", "L10N321", "-s", "L10N322", "-s",
                        "L10N323", "--format", "json", "-o", str(out), str(root)], cwd=tmp)
        findings = [f for f in json.loads(out.read_text())["findings"] if f["severity"] in ("error", "critical")]
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"] if LABELS.exists() else {}
    by = collections.Counter((f["code"], f["locale"]) for f in findings)
    print(f"Django catalogs: {len(list(root.rglob('*.po')))}; errors from L10N321-323: {len(findings)}")
    for (code, loc), n in sorted(by.items()):
        print(f"  {code} {loc}: {n}")
    true = false = 0
    for f in findings:
        lab = labels.get(key(f, root))
        if lab is None:
            print(f"UNLABELLED {key(f, root)} | {f['target']} | {f['message']}")
        elif lab["true"]:
            true += 1
        else:
            false += 1
    if true + false:
        print(f"precision on labelled findings: {true}/{true + false} = {true / (true + false):.0%}")
    fixed = [k for k in labels if k not in {key(f, root) for f in findings}]
    print(f"labelled findings no longer raised: {len(fixed)} "
          f"({sum(1 for k in fixed if not labels[k]['true'])} of them false)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
