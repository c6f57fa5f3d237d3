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
        start = m.start()
        out.append(text[pos:start])
        index.extend(range(pos, start))
        if m.group(0) == "&nbsp;":
            out.append(" ")
            index.append(start)
        pos = m.end()
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


def markup_free(text: str) -> str:
    """``strip_markup(text)[0]``, without the index (cheaper where no position is needed).

    >>> markup_free("a *b* <i>c</i>&nbsp;d")
    'a b c d'
    """
    if not _MARKUP_CHARS.intersection(text):
        return text
    return _MARKUP.sub(_markup_repl, text)


_MARKUP_CHARS = frozenset("<]*_`[&")


def _markup_repl(m: re.Match[str]) -> str:
    return " " if m.group(0) == "&nbsp;" else ""


def _pattern(phrase: str) -> str:
    words = phrase.split()
    body = r"\s+".join(re.escape(w) for w in words)
    return (r"(?<!\w)" if phrase[:1].isalnum() else "") + body + (r"(?!\w)" if phrase[-1:].isalnum() else "")


_END = ""  # trie key marking the end of a phrase (no character is empty)


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex equivalent to ``"|".join(_pattern(p) for p in longest_first)``, factored as a trie.

    At a position the alternation tries each phrase in turn; the trie tries one
    branch per character instead, longer continuations before the phrase that
    ends here, so the longest matching phrase still wins. Whitespace inside a
    phrase is one ``\\s+`` edge.
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for i, word in enumerate(phrase.split()):
            if i:
                node = node.setdefault(" ", {})
            for ch in word:
                node = node.setdefault(ch, {})
        node[_END] = phrase[-1:].isalnum()

    def emit(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                for ch, child in sorted(node.items()) if ch != _END]
        if _END in node:
            alts.append(r"(?!\w)" if node[_END] else "")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    firsts = []
    for ch, child in sorted(root.items()):
        firsts.append((r"(?<!\w)" if ch.isalnum() else "") + re.escape(ch) + emit(child))
    return "|".join(firsts)


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
        self._re = re.compile(_trie_pattern(self._values), re.IGNORECASE) if self._values else None

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
