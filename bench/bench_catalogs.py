"""Benchmark the catalog stage against translate-toolkit and GNU gettext.

    .venv/bin/python bench/bench_catalogs.py                 # everything
    .venv/bin/python bench/bench_catalogs.py --sizes 10000    # skip the 100k catalog
    .venv/bin/python bench/bench_catalogs.py --msgmerge-timeout 300

Not a test: it prints a table with ratios (see bench/README.md for figures).

Corpora are generated from the two bundled articles and cached under
``bench/.cache`` (git-ignored):

* 1,000 articles (800 Markdown, 200 HTML): the bundled articles' structure
  with every paragraph rebuilt from sentences of a word-bigram model trained
  on the bundled text (so words, length and punctuation look like the real
  articles, but sentences are new), shuffled per article;
* a 10,000- and a 100,000-entry Spanish catalog (every entry translated, as
  ``ES<...>``), with a next template version in which 10% of entries change by
  one word, 5% go and 5% arrive.

Each tool runs as a user would run it: a fresh process (``l10n`` through its
console script, ``md2po``, ``msgmerge``, ``msgfmt``). Quality of ``update``:
how many one-word edits come back fuzzy with their own old translation, and
how many new entries get a (false) suggestion.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from itertools import chain
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench"
CACHE = HERE / ".cache" / "catalogs"
BIN = Path(sys.executable).parent
SEED = 20261124

PYPROJECT = """\
[tool.l10n]
source_language = "en"
locales = ["es"]
source_docs = "source_docs"
locales_dir = "locales"
output = "dist"
project_name = "bench"
bugs_address = "bench@example.org"
"""


# --- corpus --------------------------------------------------------------------------------


def bundled_sentences() -> list[str]:
    """Every sentence of the bundled articles (markup stripped), for the bigram model."""
    sys.path.insert(0, str(ROOT))
    from l10n.segment import segment_text

    out = []
    for path in sorted((ROOT / "source_docs").glob("*.*")):
        if path.suffix not in (".md", ".html"):
            continue
        doc = segment_text(path.read_text(encoding="utf-8"), path.name)
        for seg in doc.segments:
            text = re.sub(r"<[^>]+>|\]\([^)]*\)|[*_\[\]`]", "", seg.source)
            if len(text.split()) >= 4:
                out.append(text)
    return out


class Bigrams:
    """A word-bigram model: new sentences that read like the bundled articles."""

    def __init__(self, sentences: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        self.vocab: list[str] = []
        for s in sentences:
            words = s.split()
            self.starts.append(words[0])
            for a, b in zip(["<s>"] + words, words + ["</s>"]):
                self.next[a].append(b)
            self.vocab += [w.strip(".,;:!?()“”’'\"") for w in words]
        self.vocab = sorted({w for w in self.vocab if w.isalpha() and len(w) > 2})

    def sentence(self, lo: int = 8, hi: int = 32) -> str:
        while True:
            words = [self.rng.choice(self.starts)]
            while len(words) < hi:
                nxt = self.rng.choice(self.next[words[-1]])
                if nxt == "</s>":
                    break
                words.append(nxt)
            if len(words) >= lo:
                text = " ".join(words)
                return text if text[-1] in ".!?" else text.rstrip(",;:") + "."

    def edit_one_word(self, sentence: str) -> str:
        """Replace one word (not the first) by another word of the vocabulary."""
        words = sentence.split()
        idx = [i for i, w in enumerate(words) if i > 0 and w.isalpha()]
        if not idx:
            return sentence + " today."
        i = self.rng.choice(idx)
        new = words[i]
        while new == words[i]:
            new = self.rng.choice(self.vocab)
        words[i] = new
        return " ".join(words)


def make_articles(folder: Path, n: int, model: Bigrams, rng: random.Random) -> None:
    """``n`` articles shaped like the bundled ones (80% Markdown, 20% HTML)."""
    md_src = (ROOT / "source_docs" / "kratom-addiction-treatment.md").read_text(encoding="utf-8")
    html_src = (ROOT / "source_docs" / "kratom-harm-reduction.html").read_text(encoding="utf-8")
    md_blocks = md_src.split("\n\n")
    folder.mkdir(parents=True, exist_ok=True)

    def para(k: int) -> str:
        return " ".join(model.sentence() for _ in range(k))

    for i in range(n):
        if i % 5 == 4:
            body = re.sub(r"(<p>)(.*?)(</p>)", lambda m: m.group(1) + para(rng.randint(2, 4)) + m.group(3),
                          html_src, flags=re.S)
            body = re.sub(r"(<li>)(.*?)(</li>)", lambda m: m.group(1) + model.sentence() + m.group(3), body,
                          flags=re.S)
            (folder / f"article-{i:04d}.html").write_text(body, encoding="utf-8")
            continue
        blocks = []
        for b in md_blocks:
            if b.startswith("#") or b.startswith("- ") or b.startswith("|") or b.startswith("<!--"):
                blocks.append(b)
            elif b.strip():
                blocks.append(para(rng.randint(2, 5)))
        head, rest = blocks[:3], blocks[3:]
        rng.shuffle(rest)
        (folder / f"article-{i:04d}.md").write_text("\n\n".join(head + rest) + "\n", encoding="utf-8")


def corpus_articles(n: int) -> Path:
    folder = CACHE / f"articles-{n}"
    if not (folder / "source_docs").is_dir():
        rng = random.Random(SEED)
        model = Bigrams(bundled_sentences(), rng)
        tmp = folder.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        make_articles(tmp / "source_docs", n, model, rng)
        (tmp / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
        tmp.rename(folder)
    return folder


def _po(entries: list[tuple[str, str]], *, template: bool) -> polib.POFile:
    po = polib.POFile(wrapwidth=79, check_for_duplicates=False)
    po.metadata = {"Project-Id-Version": "bench", "Report-Msgid-Bugs-To": "bench@example.org",
                   "POT-Creation-Date": "2026-01-01 00:00+0000", "PO-Revision-Date": "2026-01-01 00:00+0000",
                   "Last-Translator": "bench <bench@example.org>", "Language-Team": "Spanish <es@example.org>",
                   "Language": "" if template else "es", "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    if not template:
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for i, (msgid, msgstr) in enumerate(entries):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=[(f"big.md#s{i // 20}/p{i % 20}", "")],
                                comment="block: paragraph"))
    return po


def corpus_catalog(n: int) -> dict:
    """Old PO (translated), new POT, and the truth about every change."""
    folder = CACHE / f"catalog-{n}"
    meta = folder / "truth.json"
    if meta.is_file():
        return json.loads(meta.read_text()) | {"folder": str(folder)}
    rng = random.Random(SEED + n)
    model = Bigrams(bundled_sentences(), rng)
    seen: set[str] = set()

    def fresh() -> str:
        while True:
            s = model.sentence()
            if s not in seen:
                seen.add(s)
                return s

    old = [fresh() for _ in range(n)]
    idx = list(range(n))
    rng.shuffle(idx)
    n_edit, n_gone = n // 10, n // 20
    edited = {i: None for i in idx[:n_edit]}
    gone = set(idx[n_edit:n_edit + n_gone])
    for i in edited:
        while True:
            s = model.edit_one_word(old[i])
            if s not in seen:
                seen.add(s)
                edited[i] = s
                break
    # arrivals are new content: nothing in the old catalog within 80% of them
    # (the bigram model sometimes rebuilds an old sentence almost exactly).
    # Checked by rapidfuzz against every old sentence sharing a word trigram
    # with it (a sentence 80% similar shares long runs of words).
    from rapidfuzz import fuzz, process

    def trigrams(text: str) -> set[tuple[str, ...]]:
        w = text.lower().split()
        return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}

    shingles: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, m in enumerate(old):
        for t in trigrams(m):
            shingles[t].append(i)
    arrivals = []
    while len(arrivals) < n // 20:
        s = fresh()
        near = sorted(set(chain.from_iterable(shingles.get(t, ()) for t in trigrams(s))))
        if process.extractOne(s, [old[j] for j in near], scorer=fuzz.ratio, score_cutoff=80) is None:
            arrivals.append(s)
    new: list[str] = []
    arrive_at = set(rng.sample(range(n), len(arrivals)))
    a = iter(arrivals)
    for i in range(n):
        if i in arrive_at:
            new.append(next(a))
        if i in gone:
            continue
        new.append(edited.get(i) or old[i])
    translated = [(m, f"ES<{m[::-1]}>") for m in old]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.po").write_text(_po(translated, template=False).__unicode__() + "\n", encoding="utf-8")
    (folder / "new.pot").write_text(_po([(m, "") for m in new], template=True).__unicode__() + "\n",
                                    encoding="utf-8")
    truth = {"edits": {edited[i]: translated[i][1] for i in edited}, "arrivals": arrivals,
             "gone": [old[i] for i in gone], "n": n}
    meta.write_text(json.dumps(truth), encoding="utf-8")
    return truth | {"folder": str(folder)}


# --- running tools ------------------------------------------------------------------------


def run(cmd: list[str], cwd: Path | None = None, timeout: float | None = None) -> float | None:
    """Wall time of ``cmd`` in seconds, or None on timeout."""
    t0 = time.perf_counter()
    try:
        subprocess.run(cmd, cwd=cwd, check=True, timeout=timeout, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{exc.stderr.decode()[-2000:]}") from None
    return time.perf_counter() - t0


def best(cmd, repeat: int, **kw) -> float | None:
    times = [run(cmd, **kw) for _ in range(repeat)]
    return None if any(t is None for t in times) else min(times)


def quality(po_path: Path, truth: dict) -> tuple[int, int, int, int]:
    """(one-word edits recovered, edits total, new entries with a suggestion, new total)."""
    po = polib.pofile(str(po_path))
    by_id = {e.msgid: e for e in po if not e.obsolete}
    edits = truth["edits"]
    recovered = sum(1 for m, tr in edits.items() if by_id[m].fuzzy and by_id[m].msgstr == tr)
    false = sum(1 for m in truth["arrivals"] if by_id[m].msgstr)
    return recovered, len(edits), false, len(truth["arrivals"])


ROWS: list[tuple[str, str, str, str, str]] = []


def row(task: str, ours: float | None, theirs: float | None, other: str, note: str = "") -> None:
    fmt = lambda t: "timeout" if t is None else f"{t:8.2f} s"  # noqa: E731
    ratio = "-" if ours is None or theirs is None else f"{theirs / ours:6.1f}x"
    ROWS.append((task, fmt(ours), f"{fmt(theirs)} ({other})", ratio, note))
    print(f"  {task}: l10n {fmt(ours)} | {other} {fmt(theirs)} | {ratio} {note}", flush=True)


# --- benchmarks ----------------------------------------------------------------------------


def bench_extract(n_articles: int, repeat: int) -> None:
    src = corpus_articles(n_articles)
    work = CACHE / "work-extract"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(src, work)
    (work / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    n_md = len(list((work / "source_docs").glob("*.md")))
    n_html = len(list((work / "source_docs").glob("*.html")))
    print(f"extract: {n_articles} articles ({n_md} md, {n_html} html)", flush=True)

    def ours(*extra: str):
        shutil.rmtree(work / "locales", ignore_errors=True)
        return run([str(BIN / "l10n"), "extract", *extra], cwd=work)

    t_block = min(ours("--unit", "block") for _ in range(repeat))
    n_block = sum(len(polib.pofile(str(p))) for p in (work / "locales").glob("*.pot"))
    t_ours = min(ours() for _ in range(repeat))
    # translate-toolkit: md2po and html2po over the same files, POT output, one per file
    md_in, html_in = work / "tt-md", work / "tt-html"
    for d, pat in ((md_in, "*.md"), (html_in, "*.html")):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
        for p in (work / "source_docs").glob(pat):
            shutil.copy(p, d / p.name)

    def theirs():
        out = work / "tt-out"
        shutil.rmtree(out, ignore_errors=True)
        (out / "md").mkdir(parents=True)
        (out / "html").mkdir(parents=True)
        t1 = run([str(BIN / "md2po"), "-P", "-i", str(md_in), "-o", str(out / "md")])
        t2 = run([str(BIN / "html2po"), "-P", "-i", str(html_in), "-o", str(out / "html")])
        return t1 + t2

    t_tt = min(theirs() for _ in range(repeat))
    n_ours = sum(len(polib.pofile(str(p))) for p in (work / "locales").glob("*.pot"))
    n_tt = sum(len(polib.pofile(str(p))) for p in (work / "tt-out").rglob("*.pot"))
    row(f"extract {n_articles} articles", t_ours, t_tt, "md2po+html2po",
        f"sentences (pysbd); entries: l10n {n_ours}, translate-toolkit {n_tt} (blocks)")
    row(f"extract {n_articles} (--unit block)", t_block, t_tt, "md2po+html2po",
        f"blocks, as translate-toolkit; entries: l10n {n_block}")


def update_project(folder: Path, work: Path) -> Path:
    """A fresh project in ``work`` holding the corpus template (``folder/new.pot``) as ``locales/big.pot``;
    returns where its Spanish catalog goes (the caller copies the old catalog there before each update)."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    (work / "source_docs").mkdir()
    (work / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    shutil.copy(folder / "new.pot", work / "locales" / "big.pot")
    return work / "locales" / "es" / "LC_MESSAGES" / "big.po"


def bench_update(n: int, msgmerge_timeout: float, repeat: int) -> None:
    truth = corpus_catalog(n)
    folder = Path(truth["folder"])
    print(f"update: {n} entries; 10% one-word edits, 5% removed, 5% new", flush=True)
    work = CACHE / f"work-update-{n}"
    target = update_project(folder, work)

    def ours():
        shutil.copy(folder / "old.po", target)
        return run([str(BIN / "l10n"), "update", "-l", "es"], cwd=work)

    t_ours = min(ours() for _ in range(repeat))
    rec, edits, false, arrivals = quality(target, truth)
    shutil.copy(target, work / "l10n-result.po")
    q_ours = f"recovered {rec}/{edits} ({100 * rec / edits:.1f}%), false suggestions {false}/{arrivals}"

    mm_out = work / "msgmerge.po"
    t_mm = None
    if shutil.which("msgmerge") and msgmerge_timeout > 0:
        t_mm = run(["msgmerge", "--quiet", "--previous", "-o", str(mm_out), str(folder / "old.po"),
                    str(folder / "new.pot")], timeout=msgmerge_timeout)
    if t_mm is not None:
        rec2, _, false2, _ = quality(mm_out, truth)
        q_mm = f"msgmerge recovered {rec2}/{edits} ({100 * rec2 / edits:.1f}%), false {false2}/{arrivals}"
        row(f"update {n} entries", t_ours, t_mm, "msgmerge, fuzzy", f"{q_ours}; {q_mm}")
    else:
        reason = "skipped" if msgmerge_timeout <= 0 else f"did not finish in {msgmerge_timeout:.0f} s"
        row(f"update {n} entries", t_ours, None, f"msgmerge {reason}", q_ours)
    t_nofuzzy = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(work / "mm-nofuzzy.po"),
                     str(folder / "old.po"), str(folder / "new.pot")]) if shutil.which("msgmerge") else None
    if t_nofuzzy is not None:
        row(f"update {n} entries (no fuzzy)", t_ours, t_nofuzzy, "msgmerge --no-fuzzy-matching",
            "l10n still matches fuzzily")


def bench_compile(n: int, repeat: int) -> None:
    work = CACHE / f"work-update-{n}"
    target = work / "locales" / "es" / "LC_MESSAGES" / "big.po"
    if not target.is_file():
        bench_update(n, 0, 1)
    shutil.copy(work / "l10n-result.po", target)
    print(f"compile: {n} entries", flush=True)
    t_ours = best([str(BIN / "l10n"), "compile", "-l", "es"], repeat, cwd=work)
    ref = work / "msgfmt.mo"
    t_fmt = best(["msgfmt", "-o", str(ref), str(target)], repeat) if shutil.which("msgfmt") else None
    same = ref.is_file() and ref.read_bytes() == target.with_suffix(".mo").read_bytes()
    row(f"compile {n} entries", t_ours, t_fmt, "msgfmt", f"MO byte-identical to msgfmt: {same}")


def bench_parse(n: int, repeat: int) -> None:
    """In-process: read, write and compile the n-entry catalog (the reader's and writers' own speed)."""
    from l10n.catalogs import generate_mo, generate_po, mo_messages, read_po

    work = CACHE / f"work-update-{n}"
    src = work / "l10n-result.po"
    if not src.is_file():
        bench_update(n, 0, 1)
    data = src.read_bytes()
    print(f"parse: {n} entries ({len(data) // 1024} KiB)", flush=True)

    def timed(fn) -> float:
        times = []
        for _ in range(max(repeat, 3)):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    po = read_po(data, "big.po")
    t_read = timed(lambda: read_po(data, "big.po"))
    t_polib = timed(lambda: polib.pofile(data.decode("utf-8"), check_for_duplicates=False))
    row(f"read PO {n} entries", t_read, t_polib, "polib.pofile")
    t_write = timed(lambda: generate_po(po))
    t_pwrite = timed(lambda: po.__unicode__())
    row(f"write PO {n} entries", t_write, t_pwrite, "polib")
    t_mo = timed(lambda: generate_mo(mo_messages(po)))
    row(f"write MO {n} entries (in process)", t_mo, None, "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--msgmerge-timeout", type=float, default=400.0,
                    help="seconds; msgmerge is skipped above 10,000 entries unless --msgmerge-big")
    ap.add_argument("--msgmerge-big", action="store_true", help="also run msgmerge on catalogs > 10,000")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--only", choices=["extract", "update", "compile", "parse"], nargs="*")
    args = ap.parse_args()
    only = set(args.only or ["extract", "update", "compile"])
    if "extract" in only:
        bench_extract(args.articles, args.repeat)
    for n in args.sizes:
        if "update" in only:
            timeout = args.msgmerge_timeout if (n <= 10_000 or args.msgmerge_big) else 0
            bench_update(n, timeout, args.repeat)
        if "compile" in only:
            bench_compile(n, args.repeat)
        if "parse" in only:
            bench_parse(n, args.repeat)
    print()
    print(f"{'task':34} {'l10n':>11}  {'other tool':40} {'ratio':>8}  notes")
    for task, ours, theirs, ratio, note in ROWS:
        print(f"{task:34} {ours:>11}  {theirs:40} {ratio:>8}  {note}")


if __name__ == "__main__":
    main()
