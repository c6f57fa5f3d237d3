"""Workflow state (L10N2xx): what a translator still has to do.

Untranslated, empty, fuzzy, unchanged from the source (names the glossary
keeps are allowed), translated for an older version of the source, machine
translation not yet reviewed.
"""

from __future__ import annotations

import re

import polib
import regex

from l10n.checks.context import CatalogContext, plain_text
from l10n.checks.registry import check
from l10n.model import DISCLAIMER_PREFIX, Severity

_WORD = re.compile(r"[^\W\d_]{2,}")
#: a letter of any script (Unicode category L*): "y", "e", "否", "ي" and "क्रिया" are words
_LETTER = regex.compile(r"\p{L}")
#: a translation written in digits has words: "2" for "two", "18:00" for "6 p.m.", "6" for "F" (Friday, "Thứ
#: 6"); the number checks compare them
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{Nd}]")
#: letters glued to a number or a placeholder ("{}th", "%(n)dst", "1st"): an affix of it, not a word of its own;
#: a translation may write the affix as punctuation ("{}." in German)
_AFFIX = regex.compile(r"(?:\{[^{}]*\}|%(?:\(\w+\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|\d+)[\p{L}\p{M}]+"
                       r"|[\p{L}\p{M}]+(?=\{[^{}]*\}|%(?:\(\w+\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z])")


def _is_disclaimer(entry: polib.POEntry) -> bool:
    return bool(entry.msgctxt and entry.msgctxt.startswith(DISCLAIMER_PREFIX))


def _forms(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@check("L10N201", "untranslated", Severity.WARNING, requires="any", when=("empty-target",))
def untranslated(entry: polib.POEntry, ctx: CatalogContext):
    """The entry has no translation yet (the source text would be published)."""
    if _is_disclaimer(entry) or "fuzzy" in entry.flags:
        return
    if not any(f for f in _forms(entry)):
        yield "not translated"


@check("L10N202", "empty", Severity.ERROR, requires="any")
def empty(entry: polib.POEntry, ctx: CatalogContext):
    """The translation is blank or only markup/punctuation while the source has words."""
    if "fuzzy" in entry.flags:
        return
    from l10n.checks.words import BOUND_FORMS, LITERALS

    src = entry.msgid.strip()
    if src in LITERALS.get(ctx.source_lang, ()) or src.lower() in BOUND_FORMS.get(ctx.source_lang, ()):
        return  # a program literal ("None" shown as "-") or a suffix the language does not have ("th")
    for form in _forms(entry):
        if form and not _LETTER_OR_DIGIT.search(plain_text(form)) and _LETTER.search(_AFFIX.sub(" ", plain_text(entry.msgid))):
            yield "translation has no words: " + repr(form[:40])
            return


@check("L10N203", "fuzzy", Severity.WARNING, requires="any", when=("fuzzy",))
def fuzzy(entry: polib.POEntry, ctx: CatalogContext):
    """The entry is fuzzy: a guess that a translator must review (not published)."""
    if "fuzzy" in entry.flags and not _is_disclaimer(entry) and not (
            _unreviewed_mt(entry) and (ctx.codes is None or "L10N206" in ctx.codes)):  # L10N206 reports it
        prev = f" (source changed from {entry.previous_msgid[:50]!r})" if entry.previous_msgid else ""
        yield "fuzzy translation needs review" + prev


def _kept_words(text: str, ctx: CatalogContext) -> str:
    """``text`` without glossary keep-terms, markup and numbers."""
    text = plain_text(text)
    g = ctx.glossary
    if g is not None and hasattr(g, "find_terms"):
        pieces, last = [], 0
        for hit in g.find_terms(text):
            term = hit.term
            if getattr(term, "keeps", None) and term.keeps(ctx.locale):
                pieces.append(text[last:hit.start])
                last = hit.end
        pieces.append(text[last:])
        text = " ".join(pieces)
    return text


@check("L10N204", "unchanged", Severity.WARNING, when=("same",))
def unchanged(entry: polib.POEntry, ctx: CatalogContext):
    """The translation is the source text copied unchanged.

    Allowed when what remains after removing the glossary's do-not-translate
    terms, markup and numbers has no word of two letters or more.
    """
    if ctx.lang == ctx.source_lang or _is_disclaimer(entry):
        return
    if entry.msgstr.strip() != entry.msgid.strip():
        return
    rest = _kept_words(entry.msgid, ctx)
    if _WORD.search(rest):
        yield "translation is identical to the source"


@check("L10N205", "stale", Severity.WARNING, requires="any", when=("previous",))
def stale(entry: polib.POEntry, ctx: CatalogContext):
    """The translation was approved for an older version of the source text.

    The entry keeps a previous msgid (``#| msgid``) but is no longer fuzzy, so
    nobody reviewed it against the new source.
    """
    if "fuzzy" in entry.flags or not entry.previous_msgid or not entry.msgstr:
        return
    if entry.previous_msgid != entry.msgid:
        yield f"approved for the old source {entry.previous_msgid[:60]!r}; review against the new one"


def _mt_detector():
    try:
        from l10n.catalogs.provenance import is_unreviewed_machine_translation
    except Exception:
        return None
    return is_unreviewed_machine_translation  # confirmed (unfuzzied) MT has been reviewed


_MT = []


def _unreviewed_mt(entry: polib.POEntry) -> bool:
    """Whether ``entry`` is machine translation no person has reviewed (reported once, as L10N206)."""
    if not _MT:
        _MT.append(_mt_detector())
    detector = _MT[0]
    return detector is not None and detector(entry)


@check("L10N206", "machine-translation", Severity.WARNING, requires="any", when=("tcomment",))
def machine_translation(entry: polib.POEntry, ctx: CatalogContext):
    """The translation is an unreviewed machine translation."""
    if _unreviewed_mt(entry):
        yield "machine translation not reviewed by a person"
