"""Whole-catalog trigger passes: which entries can hold a word of a family at all.

Instead of tokenising every entry for every word list, one compiled regex per
list runs over the plain texts of all the entries joined with ``"\\x00"``;
each match offset is mapped back to its entry with :func:`bisect.bisect_right`.
An entry without a hit cannot be reported by the family's check (the regex
matches every word that can start a phrase of the list, on the same word
boundaries as :class:`~l10n.checks.context.PhraseCounter`, so it finds a
superset of the entries the counter would), and the runner skips that check
for it. The checks themselves still decide, with the same code as before, on
the entries that have a hit: findings are identical.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from l10n.checks.context import CatalogContext, PhraseCounter, plain_text
from l10n.checks.numwords import lexicon
from l10n.checks.wordtrie import _W
from l10n.checks.wordtrie import word_regex as _word_regex

__all__ = ["catalog_triggers", "first_word_regex", "hit_positions"]



def _fold(text: str) -> str:
    """The plain text as the tokeniser sees it: NFC, lower case, ’ as '."""
    text = plain_text(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.lower().replace("’", "'")


_WORD_CHAR = re.compile(_W)


def first_word_regex(counter: PhraseCounter) -> re.Pattern[str] | None:
    """One regex matching every word (on folded text) that can start a phrase of ``counter``."""
    return _word_regex(tuple(sorted(counter._firsts)), tuple(sorted(counter._prefix)))


def hit_positions(rx: re.Pattern[str], texts: Sequence[str]) -> set[int]:
    """Indices of ``texts`` in which ``rx`` matches, from one pass over ``texts`` joined with NUL."""
    if not texts:
        return set()
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    joined = "\x00".join(texts)
    out: set[int] = set()
    search, word_char = rx.search, _WORD_CHAR.match
    pos = 0
    while True:
        m = search(joined, pos)
        if m is None:
            return out
        start = m.start()
        if start and word_char(joined, start - 1):
            pos = start + 1  # inside a word: not a match; look again from the next character
            continue
        i = bisect_right(starts, start) - 1
        out.add(i)
        pos = starts[i] + len(texts[i]) + 1  # the entry has the feature: go on with the next entry


def catalog_triggers(sources: Sequence[str], targets: Sequence[str], ctx: CatalogContext,
                     wanted: Iterable[str]) -> dict[str, set[int]]:
    """For each wanted feature (see :data:`~l10n.checks.registry.FEATURES`), the positions that have it.

    ``sources`` and ``targets`` are the msgids and msgstrs of the singular
    entries, in the same order. A feature missing from the result is present
    on every entry (no pre-check possible).
    """
    from l10n.checks.glossary import forbidden_words, term_needles

    wanted = set(wanted)
    out: dict[str, set[int]] = {}
    folded: dict[str, list[str]] = {}  # each side folded once, on first use

    def fold(side: str) -> list[str]:
        if side not in folded:
            folded[side] = [_fold(t) for t in (sources if side == "src" else targets)]
        return folded[side]

    for feature, counter, side in (("negation-src", ctx.negation_src, "src"), ("hedge-src", ctx.hedge_src, "src"),
                                   ("inflated-tgt", ctx.inflated_tgt, "tgt")):
        if feature not in wanted:
            continue
        rx = first_word_regex(counter)
        if rx is None:
            out[feature] = set()
            continue
        out[feature] = hit_positions(rx, fold(side))
    if "terms" in wanted:
        needles = term_needles(ctx)
        if needles is not None:
            rx = _word_regex(tuple(sorted(needles)), ())
            # the glossary pre-check lowers the plain text (no apostrophe folding): do the same
            out["terms"] = hit_positions(rx, [plain_text(t).lower() for t in sources]) if rx is not None else set()
    if "forbidden" in wanted:
        rx, _items = forbidden_words(ctx)
        out["forbidden"] = hit_positions(rx, [plain_text(t) for t in targets]) if rx is not None else set()
    for feature in ("polarity-src", "claim-tgt"):
        if feature in wanted:  # l10n.checks.polarity: polar terms of the source, claims of the translation
            from l10n.checks.polarity import trigger_regex

            rx = trigger_regex(ctx, feature)
            out[feature] = set() if rx is None else hit_positions(rx, fold("src" if feature == "polarity-src" else "tgt"))
    if "number-words" in wanted:
        # on the text the number checks read: plain, NFKC ("ｃｉｎｃｏ" is "cinco"), lower case
        hits: set[int] = set()
        for lang, texts in ((ctx.source_lang, sources), (ctx.lang, targets)):
            lex = lexicon(lang)
            rx = _word_regex(tuple(sorted(lex.firsts)), ()) if lex is not None else None
            if rx is not None:
                hits |= hit_positions(rx, [_nfkc_lower(t) for t in texts])
        out["number-words"] = hits
    return out


def _nfkc_lower(text: str) -> str:
    text = plain_text(text)
    return (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
