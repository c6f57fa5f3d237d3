"""Masking before machine translation, unmasking and validation after.

:func:`mask` replaces everything an engine must not touch with numbered
tokens ``⟦n⟧`` (Apertium, LibreTranslate and the pseudo provider keep them
intact): inline markup (HTML tags, Markdown emphasis delimiters, the ``[``
and ``](url)`` of a link, whose text stays translatable, inline code), URLs
and e-mail addresses, format placeholders, numbers with a unit symbol, and
glossary terms. Adjacent protected spans become one token.

:meth:`Masked.unmask` puts back, for each token: markup, URLs and numbers as
in the source; a do-not-translate term verbatim; a glossary term as the
locale's approved translation. :func:`validate` does that and refuses any
answer that cannot be trusted (raising :class:`~l10n.errors.ProviderBadOutput`
with the reason): None, empty, the source echoed back, much shorter than the
source (truncated), or any token lost, altered or duplicated.

>>> m = mask("Read **the guide** at https://example.org/help.")
>>> m.text
'Read ⟦0⟧the guide⟦1⟧ at ⟦2⟧.'
>>> m.unmask("Lea ⟦0⟧la guía⟦1⟧ en ⟦2⟧.")
'Lea **la guía** en https://example.org/help.'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from l10n.errors import ProviderBadOutput

__all__ = ["Masked", "Token", "mask", "needs_translation", "validate"]

#: A token as sent; engines sometimes add spaces inside, which we accept.
TOKEN_RE = re.compile(r"⟦\s*(\d+)\s*⟧")

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_MD_LINK = re.compile(r"(!?\[)([^\[\]\n]+)(\]\([^()\s]+(?:\s+\"[^\"]*\")?\))")
_MD_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>")
_CODE = re.compile(r"`[^`\n]+`")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_EMPH = re.compile(r"(?<![\w*])(\*\*|\*|__|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}|%(?:\([A-Za-z0-9_]+\))?[sdifr]|⟦[^⟧]*⟧")
_UNITS = r"(?:mg/kg|mg/ml|mg|mcg|µg|μg|ng|kg|g|ml|mL|l|L|IU|mmol|mol|%|°C|°F|cm|mm|km|m)"
_NUMBER_UNIT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?:\s?[-–]\s?\d+(?:[.,]\d+)?)?\s?" + _UNITS + r"(?![\w])")
_WORD = re.compile(r"[^\W\d_]{2,}")
_UNIT_WORD = re.compile(_UNITS)

_PRIORITY = ("markup", "url", "placeholder", "term", "number")


@dataclass(frozen=True, slots=True)
class Token:
    """One protected span: its number, what it is, the source text and what comes back."""

    index: int
    kind: str
    source: str
    restore: str

    @property
    def mark(self) -> str:
        """The token as sent to the engine."""
        return f"⟦{self.index}⟧"


@dataclass(frozen=True, slots=True)
class Masked:
    """A segment ready for an engine: ``text`` is what is sent."""

    source: str
    text: str
    tokens: tuple[Token, ...] = ()

    @property
    def translatable(self) -> bool:
        """Whether anything is left for an engine once tokens are removed."""
        return needs_translation(TOKEN_RE.sub(" ", self.text))

    def unmask(self, translated: str) -> str:
        """Put every token back; raise ProviderBadOutput if one is lost, duplicated or unknown."""
        found = [int(m.group(1)) for m in TOKEN_RE.finditer(translated)]
        expected = {t.index for t in self.tokens}
        for idx in sorted(set(found)):
            if idx not in expected:
                raise ProviderBadOutput(f"unknown token ⟦{idx}⟧ in the answer")
            if found.count(idx) > 1:
                raise ProviderBadOutput(f"token ⟦{idx}⟧ duplicated in the answer")
        missing = sorted(expected - set(found))
        if missing:
            raise ProviderBadOutput("protected token(s) lost: " + ", ".join(
                f"⟦{i}⟧ ({self.tokens[i].source!r})" for i in missing))
        by_index = {t.index: t.restore for t in self.tokens}
        return TOKEN_RE.sub(lambda m: by_index[int(m.group(1))], translated)


def needs_translation(text: str) -> bool:
    """True when ``text`` has a word for an engine: two or more letters, some lower-case
    (codes and acronyms such as ``KR-HR`` or ``SAMHSA`` are not), not a unit symbol.

    >>> needs_translation("KR-HR-2026"), needs_translation("12 mg"), needs_translation("Sign")
    (False, False, True)
    """
    return any(any(c.islower() for c in w) and not _UNIT_WORD.fullmatch(w) for w in _WORD.findall(text))


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _plural_form(text: str, forms: Any) -> str:
    """Pick the plural among a target's accepted forms (Romance plurals end in -s)."""
    candidates: list[str] = []
    if isinstance(forms, Mapping):
        for key in ("plural", "pl", "other"):
            if isinstance(forms.get(key), str):
                return forms[key]
        candidates = [v for v in forms.values() if isinstance(v, str)]
    elif isinstance(forms, (list, tuple, frozenset, set)):
        candidates = [v for v in forms if isinstance(v, str)]
    first = text.split()[0].lower() if text.split() else ""
    for form in sorted(candidates):
        head = form.split()[0].lower() if form.split() else ""
        if form != text and head.endswith("s") and head.startswith(first[:3]) and head != first:
            return form
    return text


def _term_restore(term: Any, matched: str, locale: str | None) -> str | None:
    """What a glossary hit becomes in ``locale``, or None to let the engine translate it."""
    keeps = _attr(term, "keeps")
    keep = keeps(locale) if callable(keeps) and locale else bool(_attr(term, "keep", False))
    if keep:
        return matched
    getter = getattr(term, "target", None)
    if callable(getter) and locale:
        target = getter(locale)  # l10n.glossary.Term: falls back to the locale's language
    else:
        targets = _attr(term, "targets") or {}
        target = targets.get(locale) if locale and isinstance(targets, Mapping) else None
    if target is None:
        return None
    text = target if isinstance(target, str) else _attr(target, "text")
    if not text:
        return None
    source = str(_attr(term, "source", ""))
    if (matched.lower() != source.lower() and matched.lower().endswith("s")
            and not source.lower().endswith("s")):
        text = _plural_form(text, _attr(target, "forms"))
    if matched[:1].isupper() and source[:1].islower() and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _spans(text: str, glossary: Any, locale: str | None) -> list[tuple[int, int, str, str]]:
    """Every protected span (start, end, kind, restore), non-overlapping, by priority."""
    found: list[tuple[int, int, str, str]] = []
    for rx in (_HTML_TAG, _MD_AUTOLINK, _CODE):
        found += [(m.start(), m.end(), "markup", m.group()) for m in rx.finditer(text)]
    for m in _MD_LINK.finditer(text):
        found.append((m.start(1), m.end(1), "markup", m.group(1)))
        found.append((m.start(3), m.end(3), "markup", m.group(3)))
    for m in _EMPH.finditer(text):
        found.append((m.start(1), m.end(1), "markup", m.group(1)))
        found.append((m.end(2), m.end(), "markup", m.group(1)))
    for rx in (_URL, _EMAIL):
        found += [(m.start(), m.end(), "url", m.group()) for m in rx.finditer(text)]
    found += [(m.start(), m.end(), "placeholder", m.group()) for m in _PLACEHOLDER.finditer(text)]
    if glossary is not None:
        for hit in glossary.find_terms(text):
            start, end = _attr(hit, "start"), _attr(hit, "end")
            matched = _attr(hit, "matched") or text[start:end]
            restore = _term_restore(_attr(hit, "term"), matched, locale)
            if restore is not None:
                found.append((start, end, "term", restore))
    found += [(m.start(), m.end(), "number", m.group()) for m in _NUMBER_UNIT.finditer(text)]
    rank = {k: i for i, k in enumerate(_PRIORITY)}
    found.sort(key=lambda s: (rank[s[2]], s[0], -(s[1] - s[0])))
    taken: list[tuple[int, int, str, str]] = []
    for span in found:
        if span[0] < span[1] and all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
            taken.append(span)
    return sorted(taken)


def mask(text: str, *, glossary: Any = None, locale: str | None = None) -> Masked:
    """Mask ``text`` for an engine translating into ``locale``.

    ``glossary`` is anything with ``find_terms(text)`` returning hits with
    ``term``, ``start``, ``end`` and ``matched`` (``l10n.glossary.Glossary``).

    >>> mask("Take 5 mg, then see [the leaflet](https://ex.org/a).").text
    'Take ⟦0⟧, then see ⟦1⟧the leaflet⟦2⟧.'
    """
    spans = _spans(text, glossary, locale)
    # adjacent spans (nothing between them) travel as one token
    merged: list[list[Any]] = []
    for start, end, kind, restore in spans:
        if merged and merged[-1][1] == start:
            merged[-1][1] = end
            merged[-1][3] += restore
            if merged[-1][2] != kind:
                merged[-1][2] = "mixed"
        else:
            merged.append([start, end, kind, restore])
    out, tokens, pos = [], [], 0
    for i, (start, end, kind, restore) in enumerate(merged):
        out.append(text[pos:start])
        tokens.append(Token(i, kind, text[start:end], restore))
        out.append(tokens[-1].mark)
        pos = end
    out.append(text[pos:])
    return Masked(text, "".join(out), tuple(tokens))


def validate(masked: Masked, answer: Any, *, min_ratio: float = 0.4) -> str:
    """The final translation of ``masked`` from an engine's ``answer``, or ProviderBadOutput.

    ``min_ratio``: an answer shorter than this share of a sent text of 30
    characters or more is taken as truncated.
    """
    if answer is None:
        raise ProviderBadOutput("the engine returned nothing (None)")
    if not isinstance(answer, str):
        raise ProviderBadOutput(f"the engine returned {type(answer).__name__}, not text")
    if not answer.strip():
        raise ProviderBadOutput("the engine returned an empty answer")
    sent = masked.text
    if len(sent) >= 30 and len(answer.strip()) < min_ratio * len(sent):
        raise ProviderBadOutput(f"answer much shorter than the source ({len(answer.strip())} of {len(sent)} "
                                "characters): truncated?")
    result = masked.unmask(answer.strip())
    if " ".join(answer.split()) == " ".join(sent.split()) and masked.translatable:
        raise ProviderBadOutput("the engine echoed the source back untranslated")
    lead = masked.source[: len(masked.source) - len(masked.source.lstrip())]
    trail = masked.source[len(masked.source.rstrip()):]
    return lead + result + trail


def chunk(text: str, max_chars: int) -> list[str]:
    """Split ``text`` into pieces of at most ``max_chars``, at sentence ends, then spaces.

    Tokens are never cut; joining the pieces with one space gives ``text``
    back up to whitespace.

    >>> chunk("One two. Three four.", 10)
    ['One two.', 'Three', 'four.']
    """
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    for sentence in re.split(r"(?<=[.!?;:])\s+", text):
        if len(sentence) <= max_chars:
            pieces.append(sentence)
            continue
        current = ""
        for word in sentence.split():
            while len(word) > max_chars:  # one unbroken run longer than the limit
                cut = max_chars
                inside = [m for m in TOKEN_RE.finditer(word) if m.start() < cut < m.end()]
                if inside:
                    cut = inside[0].start() or inside[0].end()
                if current:
                    pieces.append(current)
                    current = ""
                pieces.append(word[:cut])
                word = word[cut:]
            if current and len(current) + 1 + len(word) > max_chars:
                pieces.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        if current:
            pieces.append(current)
    out: list[str] = []
    for piece in pieces:  # re-pack short sentences together
        if out and len(out[-1]) + 1 + len(piece) <= max_chars:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def join_chunks(pieces: Sequence[str]) -> str:
    """Reassemble translated chunks."""
    return " ".join(p.strip() for p in pieces if p is not None)
