"""Fuzzy matching of edited messages: an index, not a quadratic scan.

GNU ``msgmerge`` and Babel compare every new message with every old one
(quadratic; 10,000 entries take minutes). :class:`FuzzyIndex` keeps an
inverted index of words, so a query only meets the few old messages that
share its rarer words, and RapidFuzz (C++) scores those. Time grows about
linearly with the catalog.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import chain

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

__all__ = ["FuzzyIndex", "similarity"]

_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_CANDIDATES = 24
_VOTERS = 16  # the query's rarest keys (word pairs or words) that pick candidates


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _bigrams(words: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


def similarity(a: str, b: str) -> float:
    """Normalised similarity in [0, 1] (Indel ratio, as difflib's ``ratio``).

    >>> round(similarity("Take one tablet daily.", "Take two tablets daily."), 2)
    0.89
    """
    return fuzz.ratio(a, b) / 100.0


def _word_edits(a: list[str], b: list[str]) -> int:
    """Word-level Levenshtein distance (how many words were replaced, added or removed)."""
    return Levenshtein.distance(a, b)


class FuzzyIndex:
    """Find the most similar earlier message for an edited one.

    A candidate is accepted when it is very similar character by character
    (Indel ratio at least ``cutoff``), or when it is fairly similar (at least
    ``loose``) *and* differs by only a few words (one word per 8, at least
    one): a one-word edit of a short sentence ("Call a doctor." → "Call a
    nurse.") is found, while an unrelated sentence that happens to share
    half its characters is not suggested.

    Candidates come from an inverted index: the query's rarest word pairs
    (or words, for short texts; those few messages share) vote, and only the
    best-voted few are scored, so time grows about linearly with the
    catalog.

    >>> idx = FuzzyIndex(["Kratom may cause dependence.", "Call emergency services now."])
    >>> idx.best("Kratom can cause dependence.")
    0
    >>> idx.best("A completely new sentence about dosage.") is None
    True
    """

    def __init__(self, candidates: Sequence[str], *, cutoff: float = 0.85, loose: float = 0.6) -> None:
        self.candidates = list(candidates)
        self.cutoff = cutoff
        self.loose = loose
        vocabulary: dict[str, str] = {}  # one string per word, not one per occurrence
        self._words = [[vocabulary.setdefault(w, w) for w in _words(text)] for text in self.candidates]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self._words):
            for key in set(words) | set(_bigrams(words)):
                postings[key].append(i)
        self._postings = dict(postings)

    def best(self, query: str) -> int | None:
        """Index of the best acceptable candidate, or None.

        Ties go to the earliest candidate, so results are deterministic.
        """
        qwords = _words(query)
        votes: Counter[int] = Counter()
        # word pairs first (rare, so few candidates: an edit breaks at most two
        # of them), single words for short texts or when no pair is shared
        for keys in (_bigrams(qwords) if len(qwords) >= 4 else [], qwords):
            present = [k for k in set(keys) if k in self._postings]
            if present:
                present.sort(key=lambda k: (len(self._postings[k]), k))
                votes = Counter(chain.from_iterable(self._postings[k] for k in present[:_VOTERS]))
                break
        if not votes:
            return None
        ranked = votes.most_common(_MAX_CANDIDATES)  # ties: first met (deterministic)
        qlen = len(query)
        max_edits = max(1, len(qwords) // 8)
        best_i, best_score = None, -1.0
        for i, _ in ranked:
            cand = self.candidates[i]
            if not (0.5 * qlen <= len(cand) <= 2 * qlen):
                continue
            score = fuzz.ratio(query, cand, score_cutoff=self.loose * 100)
            if not score or score < best_score or (score == best_score and best_i is not None and i > best_i):
                continue
            if score >= self.cutoff * 100 or _word_edits(qwords, self._words[i]) <= max_edits:
                best_i, best_score = i, score
        return best_i
