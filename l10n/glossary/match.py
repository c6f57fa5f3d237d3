"""Finding phrases in text that may carry markup.

A :class:`PhraseMatcher` finds whole-word, case-insensitive occurrences of
phrases, longest first and non-overlapping, in text that may contain HTML
tags, Markdown emphasis or line breaks between the words
(``*Mitragyna speciosa*``, ``<i>Mitragyna</i> speciosa``). Offsets refer to
the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["PhraseMatcher", "strip_markup"]

T = TypeVar("T")

# markup removed before matching: tags, emphasis/code marks, link targets, entities of spaces
_MARKUP = re.compile(r"<[^<>]*>|\]\([^)\s]*\)|[*_`]+|\[|\]|&nbsp;")


def strip_markup(text: str) -> tuple[str, list[int]]:
    """``text`` without markup, and for each kept character its index in ``text``.

    >>> strip_markup("a *b* <i>c</i>")[0]
    'a b c'
    """
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        for i in range(pos, m.start()):
            out.append(text[i])
            index.append(i)
        if m.group(0) == "&nbsp;":
            out.append(" ")
            index.append(m.start())
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        index.append(i)
    return "".join(out), index


def _pattern(phrase: str) -> str:
    words = phrase.split()
    body = r"\s+".join(re.escape(w) for w in words)
    return (r"(?<!\w)" if phrase[:1].isalnum() else "") + body + (r"(?!\w)" if phrase[-1:].isalnum() else "")


class PhraseMatcher(Generic[T]):
    """Maps phrases to values and finds them in text.

    >>> m = PhraseMatcher([("opioid", 1), ("opioid receptors", 2)])
    >>> [(s, e, v) for s, e, _, v in m.find("Opioid receptors, not opioids; an opioid.")]
    [(0, 16, 2), (34, 40, 1)]
    """

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._values: dict[str, T] = {}
        for phrase, value in items:
            key = self.key(phrase)
            if key and key not in self._values:
                self._values[key] = value
        phrases = sorted(self._values, key=lambda p: (-len(p), p))
        self._re = re.compile("|".join(_pattern(p) for p in phrases), re.IGNORECASE) if phrases else None

    @staticmethod
    def key(phrase: str) -> str:
        """The lookup key of a phrase: lower case, whitespace folded."""
        return " ".join(phrase.split()).casefold()

    def find(self, text: str) -> list[tuple[int, int, str, T]]:
        """``(start, end, matched, value)`` for every occurrence, in order, offsets into ``text``."""
        if self._re is None or not text:
            return []
        plain, index = strip_markup(text)
        out = []
        for m in self._re.finditer(plain):
            value = self._values.get(self.key(m.group(0)))
            if value is None:
                continue
            start, end = index[m.start()], index[m.end() - 1] + 1
            out.append((start, end, text[start:end], value))
        return out
