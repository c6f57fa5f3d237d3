"""Omission (L10N40x): a sentence dropped, a translation much shorter or longer.

Sentences are counted with a light rule (a terminator followed by a space and
a capital, or the end) on the plain text; a translation may split a sentence
in two, but not have fewer. Length ratio bounds are per language (CLDR-style
expansion factors measured on health texts), overridable with
``[tool.l10n.check] length_ratio = {es = [0.6, 2.0]}``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import polib

from l10n.checks.context import plain_text
from l10n.checks.registry import check
from l10n.model import Severity

__all__ = ["LENGTH_RATIO", "sentence_count", "split_sentences"]

_ABBR = re.compile(r"\b(?=[eivdmnscap])(?:e\.g|i\.e|etc|vs|Dr|Dra|Mr|Mrs|Ms|No|Sr|Sra|cf|approx|aprox|p\.\s?ej|Nº|núm)\.",
                   re.IGNORECASE)
_END = re.compile(r"(?<!\b[A-Z])[.!?。؟…]+[\"'”’»)]*"
                  r"(?=\s+[\"'“‘«(¿¡]*[^\W\d_]|\s*$)")
_STRIP_NUM = re.compile(r"\d[.,]\d")

#: (min, max) of len(translation) / len(source) per language; "*" for others.
LENGTH_RATIO: dict[str, tuple[float, float]] = {
    "es": (0.7, 1.9), "ca": (0.7, 1.9), "fr": (0.7, 1.9), "pt": (0.7, 1.9), "it": (0.7, 1.9),
    "de": (0.7, 2.0), "ar": (0.5, 1.7), "he": (0.5, 1.6), "zh": (0.15, 1.0), "ja": (0.2, 1.1),
    "ko": (0.2, 1.1), "*": (0.4, 2.5),
}
_MIN_LEN = 25


def sentence_count(text: str) -> int:
    """How many sentences ``text`` has.

    >>> sentence_count("It may help. It is not proven! Ask a doctor, e.g. Dr. Li.")
    3
    """
    text = text.strip()
    if not text:
        return 0
    if not _TERMINATORS.intersection(text):  # fast path: no sentence terminator at all
        return 1
    if "." in text:
        text = _ABBR.sub("x", _STRIP_NUM.sub("0", text))
    return max(1, len(_END.findall(text)))


_TERMINATORS = frozenset(".!?。؟…")


@lru_cache(maxsize=16384)
def split_sentences(text: str) -> tuple[str, ...]:
    """``text`` cut into the sentences :func:`sentence_count` counts.

    >>> split_sentences("It may help (2.5 mg). It is not proven, e.g. by Dr. Li!")
    ('It may help (2.5 mg).', 'It is not proven, e.g. by Dr. Li!')
    """
    if not _TERMINATORS.intersection(text):
        return (text.strip(),) if text.strip() else ()
    masked = _ABBR.sub(lambda m: "x" * len(m.group(0)), _STRIP_NUM.sub("0x0", text))
    out, last = [], 0
    for m in _END.finditer(masked):
        piece = text[last:m.end()].strip()
        if piece:
            out.append(piece)
        last = m.end()
    rest = text[last:].strip()
    if rest:
        out.append(rest)
    return tuple(out)


@check("L10N401", "sentence-dropped", Severity.ERROR, when=("sentences",))
def sentence_dropped(entry: polib.POEntry, ctx: Any):
    """The translation has fewer sentences than the source (a sentence was dropped)."""
    if entry.msgid_plural:
        return
    msgid, msgstr = entry.msgid, entry.msgstr
    src = ctx.src("sentences", msgid, lambda: sentence_count(plain_text(msgid)))
    if src < 2:
        return
    tgt = ctx.tgt("sentences", msgstr, lambda: sentence_count(plain_text(msgstr)))
    if tgt < src:
        yield f"source has {src} sentences, translation {tgt}"


def _bounds(ctx: Any) -> tuple[float, float]:
    custom = ctx.options.get("length_ratio")
    if isinstance(custom, dict):
        for key in (ctx.locale, ctx.lang, "*"):
            if key in custom:
                lo, hi = custom[key]
                return float(lo), float(hi)
    return LENGTH_RATIO.get(ctx.lang, LENGTH_RATIO["*"])


@check("L10N402", "length-ratio", Severity.WARNING, when=("long",))
def length_ratio(entry: polib.POEntry, ctx: Any):
    """The translation is much shorter or longer than translations into this language usually are."""
    if entry.msgid_plural or len(entry.msgid) < _MIN_LEN or ctx.lang == ctx.source_lang:
        return
    src, tgt = len(plain_text(entry.msgid)), len(plain_text(entry.msgstr))
    if not src:
        return
    lo, hi = ctx.memo(("ratio",), lambda: _bounds(ctx))
    ratio = tgt / src
    if ratio < lo:
        yield f"translation is {ratio:.2f}x the source length (expected at least {lo:g}x): something omitted?"
    elif ratio > hi:
        yield f"translation is {ratio:.2f}x the source length (expected at most {hi:g}x): something added?"
