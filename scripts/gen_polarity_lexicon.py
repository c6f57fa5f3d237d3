#!/usr/bin/env python3
"""Propose polarity lexicon entries for a target language from Apertium's dictionaries, for review.

    python scripts/gen_polarity_lexicon.py es          # eng-spa: proposals and conflicts for es.yaml
    python scripts/gen_polarity_lexicon.py ca --check  # exit 1 if a proposal is missing or read as the opposite

For each pole of ``l10n/checks/lang/en.yaml``, every single English word is analysed with the pair's
English morphology (``lt-proc <pair>.automorf.bin``: "avoided" is avoid<vblex><pp>), looked up in the
bilingual dictionary (``lt-proc -b <pair>.autobil.bin``: avoid<vblex> is evitar, evadir) and the target
lemmas are inflected with the pair's generator (``lt-proc -g <pair>.autogen.bin``: evitar<vblex><imp><p3><sg>
is "evite"). Each generated form is then read with the committed lexicon
(``l10n/checks/lang/<lang>.yaml``, through :func:`l10n.checks.polarity.analyse`):

* **missing**: the form is not read as its pole — a candidate to add (after review: Apertium's first
  sense is not always the one a health text means: "take" also gives "hacer", "llevar");
* **conflict**: the form is read as the *opposite* pole — the lexicon or the dictionary is wrong.

The check itself never needs Apertium: this script only proposes and validates data. Pairs installed here:
eng-spa (es) and eng-cat (ca); other languages (fr, pt, de, ar) have no installed English pair, and were
written and reviewed by hand (Apertium's spa-por or cat-fra pairs would chain es → pt and ca → fr where
installed: pass ``--chain`` with the second pair's bilingual dictionary).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

APERTIUM = Path("/usr/share/apertium")
PAIRS = {"es": ("apertium-eng-spa", "eng-spa"), "ca": ("apertium-eng-cat", "eng-cat")}

#: the inflections generated per part of speech (Apertium tags)
INFLECT = {
    "vblex": ["<inf>", "<imp><p3><sg>", "<imp><p2><pl>", "<imp><p2><sg>", "<pri><p3><sg>", "<pri><p3><pl>",
              "<pp><m><sg>", "<pp><f><sg>", "<pp><m><pl>", "<pp><f><pl>", "<ger>"],
    "adj": ["<m><sg>", "<f><sg>", "<m><pl>", "<f><pl>", "<mf><sg>", "<mf><pl>"],
    "adv": [""],
    "pr": [""],
    "n": ["<m><sg>", "<f><sg>", "<m><pl>", "<f><pl>"],
}


def lt_proc(args: list[str], lines: list[str]) -> list[str]:
    """Run lt-proc over one Apertium stream unit per line; one output line per input line."""
    out = subprocess.run(["lt-proc", *args], input="\n".join(lines) + "\n", capture_output=True, text=True,
                         check=True).stdout
    return out.split("\n")[:len(lines)]


def _units(line: str) -> list[str]:
    """The readings of one ``^surface/reading1/reading2$`` unit (after the surface form)."""
    line = line.strip()
    if not (line.startswith("^") and line.endswith("$")):
        return []
    return [r for r in line[1:-1].split("/")[1:] if r and not r.startswith(("*", "@", "#"))]


def propose(lang: str, chain: str | None = None) -> dict[str, set[str]]:
    """Target surface forms per pole, from the English forms of en.yaml through the pair."""
    from l10n.checks.polarity import source_concepts

    folder, pair = PAIRS[lang]
    base = APERTIUM / folder
    en = source_concepts()
    words = sorted({(pole, f) for pole, forms in en.poles for f in forms
                    if " " not in f and "*" not in f and "~" not in f and "-" not in f})
    analyses = lt_proc(["-a", str(base / f"{pair}.automorf.bin")], [w for _, w in words])
    queries: list[tuple[str, str]] = []  # (pole, ^lemma<pos><tags>$)
    for (pole, _w), line in zip(words, analyses):
        for reading in _units(line):
            lemma, _, tags = reading.partition("<")
            pos = tags.split(">", 1)[0]
            if pos in INFLECT and "+" not in reading:
                queries.append((pole, f"^{lemma}<{pos}>$"))
    queries = sorted(set(queries))
    bil = lt_proc(["-b", str(base / f"{pair}.autobil.bin")], [q for _, q in queries])
    lemmas: set[tuple[str, str, str]] = set()
    for (pole, _q), line in zip(queries, bil):
        for reading in _units(line):
            lemma, _, tags = reading.partition("<")
            pos = tags.split(">", 1)[0]
            lemmas.add((pole, lemma, pos))
    if chain:  # a second bilingual dictionary: es -> pt, ca -> fr
        items = sorted(lemmas)
        out2 = lt_proc(["-b", chain], [f"^{lem}<{pos}>$" for _, lem, pos in items])
        lemmas = {(pole, r.partition("<")[0], pos) for (pole, _l, pos), line in zip(items, out2)
                  for r in _units(line)}
    gen_in, keys = [], []
    for pole, lemma, pos in sorted(lemmas):
        for infl in INFLECT[pos]:
            gen_in.append(f"^{lemma}<{pos}>{infl}$")
            keys.append(pole)
    forms: dict[str, set[str]] = defaultdict(set)
    for pole, surface in zip(keys, lt_proc(["-g", str(base / f"{pair}.autogen.bin")], gen_in)):
        surface = surface.strip()
        if surface and not surface.startswith(("#", "@", "*", "^")) and "<" not in surface:
            forms[pole].add(surface.lower())
    return forms


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=sorted(PAIRS))
    ap.add_argument("--check", action="store_true", help="exit 1 when a proposal is missing or a conflict")
    ap.add_argument("--chain", help="a second bilingual dictionary (.autobil.bin) to chain through")
    args = ap.parse_args()
    if shutil.which("lt-proc") is None or not (APERTIUM / PAIRS[args.lang][0]).is_dir():
        print(f"error: lt-proc or {PAIRS[args.lang][0]} is not installed", file=sys.stderr)
        return 2
    from l10n.checks.polarity import _opposites, analyse, lexicon

    lex = lexicon(args.lang)
    opposite = _opposites()
    missing: dict[str, list[str]] = {}
    conflicts: list[str] = []
    for pole, forms in sorted(propose(args.lang, args.chain).items()):
        for form in sorted(forms):
            read = [r.pole for r in analyse(lex, form)] if lex is not None else []
            if pole in read:
                continue
            if opposite.get(pole) in read:
                conflicts.append(f"{form!r} proposed for {pole}, read as {opposite[pole]}")
            else:
                missing.setdefault(pole, []).append(form)
    print(f"# proposals for l10n/checks/lang/{args.lang}.yaml from {PAIRS[args.lang][1]} (review before adding)")
    for pole, forms in missing.items():
        print(f"  {pole}: [{', '.join(repr(f) for f in forms)}]")
    for c in conflicts:
        print(f"# conflict: {c}")
    if not missing and not conflicts:
        print("# every proposal is covered")
    return 1 if args.check and (missing or conflicts) else 0


if __name__ == "__main__":
    sys.exit(main())
