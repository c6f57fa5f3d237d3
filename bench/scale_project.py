"""Make a large l10n project: the bundled one plus N generated articles with varied text.

    .venv/bin/python bench/scale_project.py --articles 200 --out /tmp/scaled

The generated articles (80% Markdown, 20% HTML) have the bundled articles' structure; their
paragraphs are new sentences of a word-bigram model trained on the bundled text (the model and
the article shapes are :mod:`bench_catalogs`'s), with a fixed seed, so a project is the same
every time. Catalogs of the generated articles are left to ``l10n run`` (update, Apertium).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_catalogs import Bigrams, bundled_sentences, make_articles  # noqa: E402

SEED = 20261205


def scale_project(out: Path, articles: int, *, seed: int = SEED) -> Path:
    """Write the project into ``out`` (replaced): bundled files plus ``articles`` generated ones."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in ("source_docs", "locales"):
        shutil.copytree(ROOT / name, out / name, ignore=shutil.ignore_patterns("*.mo"))
    for name in ("glossary.yaml", "pyproject.toml"):
        shutil.copy2(ROOT / name, out / name)
    rng = random.Random(seed)
    make_articles(out / "source_docs", articles, Bigrams(bundled_sentences(), rng), rng)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / ".cache" / "scaled")
    args = ap.parse_args()
    print(scale_project(args.out, args.articles))


if __name__ == "__main__":
    main()
