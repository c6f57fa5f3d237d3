"""Precision of the polarity and claim checks (L10N321-L10N324) on real catalogs nobody here wrote.

    python bench/bench_polarity_precision.py django   # Django's 1,226 catalogs (bench_check.django_catalogs())
    python bench/bench_polarity_precision.py debian   # this machine's /usr/share/locale/*.mo, es fr de pt_BR ca ar

Runs ``l10n check -s L10N321 -s L10N322 -s L10N323 -s L10N324`` (cold, outside any project), prints the
findings per code, and matches them with ``bench/polarity_precision_labels.json``: findings labelled by hand
(``true``: a real defect) — for Django and Debian's errors, every one; for Debian's L10N324 (information),
a random sample of 30 (seed 2026). Unlabelled findings are listed. The Debian catalogs are the installed
packages' MO files turned back into PO with ``msgunfmt`` (iso_* code lists left out); they vary with the
packages installed, so a re-run elsewhere labels what it finds.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_check import VENV_BIN, django_catalogs  # noqa: E402

LABELS = HERE / "polarity_precision_labels.json"
CODES = ("L10N321", "L10N322", "L10N323", "L10N324")
DEBIAN_LOCALES = ("es", "fr", "de", "pt_BR", "ca", "ar")


def debian_catalogs(tmp: Path) -> dict[str, Path]:
    """The installed MO files of each locale, as PO files under ``tmp/<locale>/``."""
    out = {}
    for loc in DEBIAN_LOCALES:
        folder = tmp / loc
        folder.mkdir(parents=True)
        for mo in sorted(Path("/usr/share/locale", loc, "LC_MESSAGES").glob("*.mo")):
            if not mo.name.startswith("iso_"):
                subprocess.run(["msgunfmt", str(mo), "-o", str(folder / (mo.stem + ".po"))],
                               stderr=subprocess.DEVNULL, check=False)
        out[loc] = folder
    return out


def run(target: Path, locale: str | None, tmp: Path) -> list[dict]:
    out = tmp / "findings.json"
    cmd = [str(VENV_BIN / "l10n"), "check", "--no-cache", "--format", "json", "-o", str(out)]
    for c in CODES:
        cmd += ["-s", c]
    if locale:
        cmd += ["-l", locale]
    subprocess.run(cmd + [str(target)], cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [f for f in json.loads(out.read_text())["findings"] if f["code"] in CODES]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", choices=("django", "debian"))
    args = ap.parse_args()
    findings: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if args.corpus == "django":
            root = django_catalogs()
            findings = [(str(Path(f["file"]).relative_to(root)), f) for f in run(root, None, tmp)]
        else:
            if shutil.which("msgunfmt") is None:
                print("error: msgunfmt (GNU gettext) is not installed", file=sys.stderr)
                return 2
            for loc, folder in debian_catalogs(tmp / "po").items():
                findings += [(f"{loc}/{Path(f['file']).name}", f) for f in run(folder, loc, tmp)]
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"].get(args.corpus, {})
    print(f"{args.corpus}: {len(findings)} findings: "
          + ", ".join(f"{c} {n}" for c, n in sorted(collections.Counter(f['code'] for _, f in findings).items())))
    keyed = {f"{where}:{f['msgid']}": f for where, f in findings}
    sample = [k for k, f in keyed.items() if f["code"] == "L10N324"]
    random.Random(2026).shuffle(sample)
    judged = [k for k, f in keyed.items() if f["code"] != "L10N324"] + sample[:30]
    for code_group, keys in (("errors (L10N321-323)", [k for k in judged if keyed[k]["code"] != "L10N324"]),
                             ("L10N324 sample", [k for k in judged if keyed[k]["code"] == "L10N324"])):
        true = sum(1 for k in keys if labels.get(k, {}).get("true") is True)
        false = sum(1 for k in keys if labels.get(k, {}).get("true") is False)
        for k in keys:
            if k not in labels:
                print(f"UNLABELLED {keyed[k]['code']} {k[:150]} | {keyed[k]['target'][:100]} | {keyed[k]['message']}")
        if keys:
            print(f"{code_group}: {len(keys)} judged, {true} true, {false} false"
                  + (f", precision {true / (true + false):.0%}" if true + false else ""))
    gone = [k for k in labels if k not in keyed]
    print(f"labelled findings no longer raised: {len(gone)} ({sum(1 for k in gone if not labels[k]['true'])} false)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
