"""Sentence boundaries inside a block, with inline markup protected.

pysbd (a rule-based, language-aware segmenter, "Golden Rules" tested) finds
the boundaries; links, tags, code spans and URLs are masked first so that a
period inside a URL or a link title never splits a sentence, and a boundary
that would cut an emphasis or a tag pair in two is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["sentence_spans"]

# Regions in which a sentence boundary may never fall.
_PROTECT = re.compile(
    r"!?\[[^\]\n]{0,1000}\]\([^)\n]{0,4000}\)"  # markdown links and images (bounded: linear on "[a](" * n)
    r"|`+[^`]*`+"                      # code spans
    r"|<[^<>\n]*>"                     # HTML tags
    r"|\b(?:https?|ftp)://\S+"         # bare URLs
    r"|\b(?:e\.g|i\.e|etc|vs|approx|ca|Dr|Mr|Mrs|Ms|No)\.",
)
# a sentence can only end at terminal punctuation followed by space and more text
_CANDIDATE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4][^\s]*\s+\S")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
_VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "source"}
_SUPPORTED = {"en", "es", "fr", "ca", "pt", "it", "de", "nl", "ar", "ru", "zh", "ja", "pl", "el",
              "hi", "fa", "ur", "da", "my", "am", "hy", "bg", "kk", "mr", "sk"}


def _fast_language(language):
    """pysbd's language rules with a faster, equivalent abbreviation scan.

    pysbd runs two regular expressions for every abbreviation of its list
    whose letters occur anywhere in the text (``"a"``, ``"co"``, ``"st"``
    occur in nearly every sentence), although it only ever replaces the period
    that follows one. Skipping abbreviations not followed by a period in the
    text changes no result (property-tested against stock pysbd) and halves
    the time.
    """
    import re as _re

    from pysbd.abbreviation_replacer import AbbreviationReplacer

    base = getattr(language, "AbbreviationReplacer", AbbreviationReplacer)

    class FastReplacer(base):
        def search_for_abbreviations_in_string(self, text):
            lowered = text.lower()
            if "." not in lowered:
                return text
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped + "." not in lowered:
                    continue
                abbrev_match = _re.findall(r"(?:^|\s|\r|\n){}".format(stripped), text, flags=_re.IGNORECASE)
                if not abbrev_match:
                    continue
                next_word_start = r"(?<={" + str(_re.escape(stripped)) + "} ).{1}"
                char_array = _re.findall(next_word_start, text)
                for ind, match in enumerate(abbrev_match):
                    text = self.scan_for_replacements(text, match, ind, char_array)
            return text

    return type(language.__name__, (language,), {"AbbreviationReplacer": FastReplacer})


@lru_cache(maxsize=8)
def _segmenter(lang: str, fast: bool = True):
    import pysbd

    seg = pysbd.Segmenter(language=lang if lang in _SUPPORTED else "en", clean=False)
    if fast:
        seg.language_module = _fast_language(seg.language_module)
    return seg


def _pieces(segmenter, text: str) -> list[str] | None:
    """pysbd's non-destructive split of ``text`` (what ``Segmenter.segment`` returns).

    ``Segmenter.segment`` locates each sentence with a freshly compiled
    regular expression (``re.escape(sentence)`` and optional spaces), which costs more
    than the segmentation itself; this finds the same spans with ``str.find``.
    None when a sentence cannot be found (the caller keeps the block whole).
    """
    if not text:
        return []
    sentences = segmenter.processor(text).process()
    pieces: list[str] = []
    prior_end = 0
    for sent in sentences:
        start = text.find(sent, max(prior_end - len(sent), 0))
        while start >= 0 and start + len(sent) <= prior_end:
            start = text.find(sent, start + 1)
        if start < 0:
            return None
        end = start + len(sent)
        while end < len(text) and text[end].isspace():
            end += 1
        pieces.append(text[start:end])
        prior_end = end
    return pieces


def _balanced(piece: str) -> bool:
    """True when ``piece`` opens and closes its emphasis and tags."""
    masked = re.sub(r"`+[^`]*`+", "", piece)
    if masked.count("**") % 2 or masked.count("__") % 2:
        return False
    if masked.replace("**", "").count("*") % 2:
        return False
    depth: dict[str, int] = {}
    for closing, name, selfclose in _TAG.findall(masked):
        name = name.lower()
        if name in _VOID or selfclose:
            continue
        depth[name] = depth.get(name, 0) + (-1 if closing else 1)
        if depth[name] < 0:
            return False
    return not any(depth.values())


def sentence_spans(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` spans.

    Spans exclude surrounding whitespace; the gaps between them are whitespace
    only. A text that cannot be split safely is returned as one span.

    >>> t = "Take it slowly. Effects may take 30 min. See [the guide](https://a.b/c.d)."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Take it slowly.', 'Effects may take 30 min.', 'See [the guide](https://a.b/c.d).']
    """
    stripped = text.strip()
    if not stripped:
        return []
    lead = len(text) - len(text.lstrip())
    whole = [(lead, lead + len(stripped))]
    masked = _PROTECT.sub(lambda m: "x" * len(m.group()), text)
    if not _CANDIDATE.search(masked, lead, lead + len(stripped)):
        return whole  # no terminal punctuation followed by more text: one sentence
    pieces = _pieces(_segmenter(lang.split("_")[0]), masked)
    if pieces is None or "".join(pieces) != masked:
        return whole
    spans: list[tuple[int, int]] = []
    pos = 0
    pending: int | None = None
    for piece in pieces:
        start, end = pos, pos + len(piece)
        pos = end
        chunk = text[start:end]
        if not chunk.strip():
            continue
        s = start + (len(chunk) - len(chunk.lstrip()))
        e = start + len(chunk.rstrip())
        if pending is not None:
            s = pending
        if not _balanced(text[s:e]):
            pending = s
            continue
        pending = None
        spans.append((s, e))
    if pending is not None:
        if spans and not _balanced(text[pending:]):
            return whole
        spans.append((pending, lead + len(stripped)))
    return spans
