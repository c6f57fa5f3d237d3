"""Fuzzy matching of edited messages: an index, not a quadratic scan.

GNU ``msgmerge`` and Babel compare every new message with every old one
(quadratic; 10,000 entries take minutes). :class:`FuzzyIndex` keeps an
inverted index of words, so a query only meets the few old messages that
share its rarer words, and RapidFuzz (C++) scores those. Time grows about
linearly with the catalog.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

__all__ = ["FuzzyIndex", "similarity"]

_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_CANDIDATES = 24
_COMMON = 0.05  # a word in more than 5% of candidates says little


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def similarity(a: str, b: str) -> float:
    """Normalised similarity in [0, 1] (Indel ratio, as difflib's ``ratio``).

    >>> round(similarity("Take one tablet daily.", "Take two tablets daily."), 2)
    0.89
    """
    return fuzz.ratio(a, b) / 100.0


class FuzzyIndex:
    """Find the most similar earlier message for an edited one.

    >>> idx = FuzzyIndex(["Kratom may cause dependence.", "Call emergency services now."])
    >>> idx.best("Kratom can cause dependence.")
    0
    >>> idx.best("A completely new sentence about dosage.") is None
    True
    """

    def __init__(self, candidates: Sequence[str], *, cutoff: float = 0.75) -> None:
        self.candidates = list(candidates)
        self.cutoff = cutoff
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, text in enumerate(self.candidates):
            for word in set(_words(text)):
                self._postings[word].append(i)
        self._common = max(8, int(len(self.candidates) * _COMMON))

    def best(self, query: str) -> int | None:
        """Index of the best candidate scoring at least ``cutoff``, or None.

        Ties go to the earliest candidate, so results are deterministic.
        """
        words = set(_words(query))
        if not words or not self.candidates:
            return None
        votes: dict[int, int] = defaultdict(int)
        rare = [w for w in words if 0 < len(self._postings.get(w, ())) <= self._common]
        for word in rare or [w for w in words if w in self._postings]:
            for i in self._postings[word]:
                votes[i] += 1
        if not votes:
            return None
        qlen = len(query)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_CANDIDATES]
        best_i, best_score = None, self.cutoff * 100
        for i, _ in ranked:
            cand = self.candidates[i]
            if not (0.5 * qlen <= len(cand) <= 2 * qlen):
                continue
            score = fuzz.ratio(query, cand, score_cutoff=best_score)
            if score > best_score or (score == best_score and best_i is not None and i < best_i) or (
                    score >= best_score and best_i is None and score):
                best_i, best_score = i, score
        return best_i
