"""One regex for a list of words: a trie of alternatives on the tokeniser's word boundaries.

Shared by the whole-catalog trigger passes (:mod:`l10n.checks.triggers`) and the
polarity checks (:mod:`l10n.checks.polarity`), which build their trigger regex the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["word_regex"]

_W = r"[^\W_]"  # a word character of the tokeniser (letters and digits, not "_")


@lru_cache(maxsize=256)
def word_regex(words: tuple[str, ...], prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex matching any of ``words`` as a whole word, or any of ``prefixes`` at a word's start."""
    # no leading look-behind: a pattern that starts with literals lets the engine skip ahead to their
    # first characters; the character before a match is checked in hit_positions
    alts = []
    if words:
        alts.append(_trie(words) + f"(?!{_W})")
    if prefixes:  # a phrase ending in an apostrophe matches the start of a word ("n'est")
        alts.append(_trie(prefixes))
    if not alts:
        return None
    return re.compile("|".join(alts))


def _trie(words: tuple[str, ...]) -> str:
    """One pattern matching exactly ``words``, shared prefixes factored out ("d(?:os(?:cientos)?|eux)").

    The regex engine then follows one branch per character instead of trying every word at every
    position; the optional tails are greedy and backtrack, so the longest word is tried first, as in a
    longest-first alternation.
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = sorted((ch, n) for ch, n in node.items() if ch)
        if not kids:
            return ""
        alts = [re.escape(ch) + emit(n) for ch, n in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
