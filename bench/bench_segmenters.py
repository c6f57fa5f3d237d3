"""Compare sentence segmenters on the bundled articles: pysbd (l10n's choice) and ICU.

    .venv/bin/python bench/bench_segmenters.py            # counts, disagreements, speed
    .venv/bin/python bench/bench_segmenters.py --quiet    # counts and speed only

Each block of the bundled articles (as l10n's parsers find them, inline
markup kept) is split three ways:

* ``l10n``  — :func:`l10n.segment.sentences.sentence_spans`: pysbd with
  markup masked and unbalanced splits rejected (what the catalogs use);
* ``pysbd`` — plain ``pysbd.Segmenter(language="en", clean=False)``;
* ``icu``   — ``icu.BreakIterator.createSentenceInstance`` for ``en`` and for
  ``en@ss=standard`` (ICU's abbreviation suppressions on), plain.

Printed: sentence counts, every block where l10n and ICU disagree side by
side, and time per block (best of 5, over all blocks, repeated 20x).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.segment import segment_text  # noqa: E402
from l10n.segment.sentences import sentence_spans  # noqa: E402


def blocks() -> list[str]:
    """Every multi-word translatable block of the bundled articles."""
    out = []
    for path in sorted((ROOT / "source_docs").iterdir()):
        if path.suffix not in (".md", ".html"):
            continue
        doc = segment_text(path.read_text(encoding="utf-8"), path.name, unit="block")
        out += [s.source for s in doc.segments if len(s.source.split()) > 3]
    return out


#: Hand-written hard cases in the style of the articles (abbreviations,
#: decimals, inline markup with periods, quotes), after the bundled blocks.
HARD = [
    "Take approx. 2.5 g at most. Wait 30 min. before a second dose.",
    "Dr. Smith of the U.S. FDA said so. The agency warned again in 2019.",
    "Symptoms (e.g. nausea, sweating) may appear. Call 112 if they get worse.",
    "See [the guide](https://example.org/guide.v2.html \"Guide v. 2\"). It is free.",
    "Kratom (*Mitragyna speciosa* Korth.) is a tree. Its leaves are chewed.",
    "“Start low, go slow.” That is the rule. Don’t mix it with alcohol!",
    "Use <b>one dose. Then wait.</b> Do not repeat.",
    "Doses above 15 g/day are risky, i.e. they raise the risk of seizures. Avoid them.",
    "Mix it with `tea.brew()` first. Then drink it.",
    "Is it legal? It depends on the country... Check local law.",
]


def split_l10n(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, "en")]


def make_pysbd():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def make_icu(locale: str):
    import icu

    bi = icu.BreakIterator.createSentenceInstance(icu.Locale(locale))

    def split(text: str) -> list[str]:
        bi.setText(text)
        out, start = [], 0
        for end in bi:
            piece = text[start:end].strip()
            if piece:
                out.append(piece)
            start = end
        return out

    return split


def timed(fn, items, repeat: int = 20) -> float:
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeat):
            for x in items:
                fn(x)
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    bundled = blocks()
    items = bundled + HARD
    splitters = {"l10n (pysbd+mask)": split_l10n, "pysbd": make_pysbd(), "icu en": make_icu("en"),
                 "icu en@ss=standard": make_icu("en@ss=standard")}
    results = {name: [fn(b) for b in items] for name, fn in splitters.items()}
    print(f"{len(bundled)} bundled blocks + {len(HARD)} hard cases, {sum(len(b) for b in items)} characters\n")
    print(f"{'segmenter':22} {'sentences':>9} {'same as l10n':>13} {'ms/all blocks':>14}")
    for name, fn in splitters.items():
        same = sum(1 for a, b in zip(results[name], results["l10n (pysbd+mask)"]) if a == b)
        ms = timed(fn, items, repeat=3 if "pysbd" in name or "l10n" in name else 20) * 1000
        print(f"{name:22} {sum(map(len, results[name])):9} {same:>8}/{len(items):<4} {ms:14.2f}")
    if args.quiet:
        return
    for other in ("pysbd", "icu en@ss=standard", "icu en"):
        diffs = [(i, results["l10n (pysbd+mask)"][i], results[other][i]) for i in range(len(items))
                 if results["l10n (pysbd+mask)"][i] != results[other][i]]
        print(f"\n=== l10n vs {other}: {len(diffs)} blocks differ ===")
        for i, ours, theirs in diffs:
            print(f"\n--- block {i}")
            only_ours = [s for s in ours if s not in theirs]
            only_theirs = [s for s in theirs if s not in ours]
            for s in only_ours:
                print(f"  l10n : {short(s)}")
            for s in only_theirs:
                print(f"  {other[:5]:5}: {short(s)}")


def short(s: str, n: int = 150) -> str:
    s = re.sub(r"\s+", " ", s)
    return s if len(s) <= n else s[: n - 1] + "…"


if __name__ == "__main__":
    main()
