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

import polib
import regex

from l10n.checks.context import CatalogContext, plain_text
from l10n.checks.registry import Issue, check
from l10n.model import Severity

__all__ = ["LENGTH_RATIO", "sentence_count", "split_sentences"]

_ABBR = re.compile(r"\b(?=[eivdmnscap])(?:e\.g|i\.e|etc|vs|Dr|Dra|Mr|Mrs|Ms|No|Sr|Sra|cf|approx|aprox|p\.\s?ej|Nº|núm)\.",
                   re.IGNORECASE)
#: Sentence terminators of every script: Unicode's Sentence_Terminal property (. ! ? 。 ！ ？ ។ ။ ۔ ؟ ॥ । ։ ...),
#: plus the ellipsis. A terminator ends a sentence when closing quotes or brackets and then a space and the start
#: of another sentence follow, or the end of the text; a full-width one (。！？, East Asian width F or W) needs
#: no space after it. A sentence starts with a letter that is its own title case (Unicode: not
#: Changes_When_Titlecased): a capital, a letter of a script without case (Arabic, Hindi, Chinese...) or
#: Georgian's Mkhedruli, maybe behind an opening quote or bracket, or with a placeholder. A lower-case Latin,
#: Cyrillic, Greek or Armenian letter after a period follows an abbreviation ("Ud. se halla", "approx. two").
_TERM_CLASS = r"[\p{Sentence_Terminal}…]"
_CLOSE = r"[\"'”’»)\]\p{Pe}\p{Pf}]*"
_START = r"(?:[\"'“‘«(\[¿¡\p{Ps}\p{Pi}]*[\p{L}--\p{Changes_When_Titlecased}]|%\(|\{)"
_END = regex.compile(r"(?<!(?:^|[\s(\[])[A-Z])" + _TERM_CLASS + r"+" + _CLOSE
                     + r"(?:(?=\s+" + _START + r"|\s*$)|(?<=[\p{ea=F}\p{ea=W}]" + _CLOSE + r")(?=\S)"
                     + r"|(?=[\p{L}&&[\p{lb=ID}\p{lb=SA}\p{lb=H2}\p{lb=H3}\p{lb=JL}\p{lb=JV}\p{lb=JT}]]))",
                     regex.V1)
_TERMINATORS = regex.compile(_TERM_CLASS)
_LETTER = regex.compile(r"\p{L}")
#: what is counted in a sentence's length: letters and their marks (Indic vowel signs are marks)
_LETTERS = regex.compile(r"[\p{L}\p{M}]")
_STRIP_NUM = re.compile(r"\d[.,]\d")

#: (min, max) of len(translation) / len(source) per language; "*" for others.
LENGTH_RATIO: dict[str, tuple[float, float]] = {
    "es": (0.7, 1.9), "ca": (0.7, 1.9), "fr": (0.7, 1.9), "pt": (0.7, 1.9), "it": (0.7, 1.9),
    "de": (0.7, 2.0), "ar": (0.5, 1.7), "he": (0.5, 1.6), "zh": (0.15, 1.0), "ja": (0.2, 1.1),
    "ko": (0.2, 1.1), "*": (0.4, 2.5),
}
_MIN_LEN = 25


def _mask(text: str) -> str:
    """``text`` with decimal numbers and abbreviations masked (their dots end no sentence), same length."""
    if "." in text:
        text = _ABBR.sub(lambda m: "x" * len(m.group(0)), _STRIP_NUM.sub("0x0", text))
    return text


def sentence_count(text: str) -> int:
    """How many sentences ``text`` has (text after the last terminator is one more, if it has a letter).

    >>> sentence_count("It may help. It is not proven! Ask a doctor, e.g. Dr. Li.")
    3
    >>> sentence_count("必須です。150文字以下にしてください。"), sentence_count("Escolla unha opción. Esta non")
    (2, 2)
    """
    return len(split_sentences(text))


@lru_cache(maxsize=16384)
def split_sentences(text: str) -> tuple[str, ...]:
    """``text`` cut into the sentences :func:`sentence_count` counts.

    >>> split_sentences("It may help (2.5 mg). It is not proven, e.g. by Dr. Li!")
    ('It may help (2.5 mg).', 'It is not proven, e.g. by Dr. Li!')
    """
    if not text.strip():
        return ()
    if not _TERMINATORS.search(text):
        return (text.strip(),)
    masked = _mask(text)
    out, last = [], 0
    for m in _END.finditer(masked):
        piece = text[last:m.end()].strip()
        if piece:
            out.append(piece)
        last = m.end()
    rest = text[last:].strip()
    if rest and (_LETTER.search(rest) or not out):
        out.append(rest)
    elif rest:
        out[-1] = out[-1] + " " + rest
    return tuple(out)


@lru_cache(maxsize=256)
def _letters_ratio(lang: str) -> tuple[float | None, float]:
    """(median, 10th percentile) of the ratio of a translation's letters to its English source's, for ``lang``
    (data/letter-ratios.json, measured on real catalogs); (None, 0) when not known."""
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).parent / "data" / "letter-ratios.json").read_text(encoding="utf-8"))
    median = data["letters_ratio"].get(lang)
    return (median, data["letters_ratio_p10"].get(lang, 0.0)) if median else (None, 0.0)


def has_terminator(text: str) -> bool:
    """Whether ``text`` holds a sentence terminator of any script."""
    return bool(_TERMINATORS.search(text))


@check("L10N401", "sentence-dropped", Severity.ERROR, when=("sentences",))
def sentence_dropped(entry: polib.POEntry, ctx: CatalogContext):
    """The translation has fewer sentences than the source (a sentence was dropped).

    Fewer sentences is a dropped sentence (an error) only when the translation
    is also too short to hold it: shorter than halfway between the length
    expected for the whole source and the length expected without its shortest
    sentences (expected lengths from the language's usual length ratio). A
    translation long enough for every sentence joined them ("… und kann …"),
    and a translation without any sentence terminator (Thai separates its
    sentences with spaces) cannot be counted: both are reported as info.
    """
    if entry.msgid_plural:
        return
    msgid, msgstr = entry.msgid, entry.msgstr
    src_s = ctx.src("sentences", msgid, lambda: split_sentences(plain_text(msgid)))
    if len(src_s) < 2:
        return
    tgt_s = ctx.tgt("sentences", msgstr, lambda: split_sentences(plain_text(msgstr)))
    if len(tgt_s) >= len(src_s):
        return
    msg = f"source has {len(src_s)} sentences, translation {len(tgt_s)}"
    if not has_terminator(plain_text(msgstr)):
        yield Issue(msg + " (the translation marks no sentence end: not counted)", severity=Severity.INFO)
        return
    typical, low = _letters_ratio(ctx.lang)
    if typical is None:
        yield Issue(msg + " (no length data for this language: cannot tell a dropped sentence from joined ones)",
                    severity=Severity.INFO)
        return
    # lengths in letters: digits, symbols and spaces are the same in every language ("25 °C" in Chinese)
    lengths = [len(_LETTERS.findall(s)) for s in src_s]
    src_len = sum(lengths)
    dropped = sum(sorted(lengths)[:len(src_s) - len(tgt_s)])
    full = src_len * typical
    without = (src_len - dropped) * typical
    # a translation varies around the usual ratio: it has dropped a sentence when it is shorter than nine in
    # ten translations into its language would be, and nearer the length without the sentence than with it
    n = len(_LETTERS.findall(plain_text(msgstr)))
    if n < src_len * low and n < (full + without) / 2:
        yield msg
    else:
        yield Issue(msg + " (long enough for all of them: sentences joined?)", severity=Severity.INFO)


def _bounds(ctx: CatalogContext) -> tuple[float, float]:
    custom = ctx.options.get("length_ratio")
    if isinstance(custom, dict):
        for key in (ctx.locale, ctx.lang, "*"):
            if key in custom:
                lo, hi = custom[key]
                return float(lo), float(hi)
    return LENGTH_RATIO.get(ctx.lang, LENGTH_RATIO["*"])


@check("L10N402", "length-ratio", Severity.WARNING, when=("long",))
def length_ratio(entry: polib.POEntry, ctx: CatalogContext):
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
