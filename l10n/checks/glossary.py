"""Glossary (L10N50x): do-not-translate terms, approved translations, forbidden ones.

Uses the project glossary (``l10n.glossary``): ``find_terms(source)`` gives the
terms in a message; a term the locale keeps must appear verbatim (multi-word
terms too); a term with an approved translation for the locale must appear as
that translation or one of its listed inflected forms; a forbidden
translation must not appear at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import polib

from l10n.checks.context import CatalogContext, normalize_text, plain_text
from l10n.checks.registry import Issue, check
from l10n.model import Severity, disclaimer_of


#: Proclitics written attached to the next word (Arabic wa-, fa-, bi-, li-, ka- and their pairs: "والفعالية").
_PROCLITICS = {"ar": "(?:[وفبكل]{1,2})?"}


@lru_cache(maxsize=4096)
def _phrase_re(phrases: tuple[str, ...], lang: str = "") -> re.Pattern[str]:
    alts = []
    clitic = _PROCLITICS.get(lang, "")
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in p.split())
        start = r"(?<!\w)" + clitic if p[:1].isalnum() else ""
        alts.append(start + body + (r"(?!\w)" if p[-1:].isalnum() else ""))
    return re.compile("|".join(alts), re.IGNORECASE)


def _is_approved_disclaimer(entry: polib.POEntry, ctx: CatalogContext) -> bool:
    """True for a disclaimer equal to its approved translation: the reviewed text wins over term checks."""
    did = disclaimer_of(entry.msgctxt)
    if did is None:
        return False
    from l10n.checks.disclaimer import approved_text

    approved = approved_text(ctx.glossary, did, ctx.locale)
    return approved is not None and normalize_text(approved) == normalize_text(entry.msgstr)


_PIECE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)  # a bool per text (a frozenset of its words per text held ~150 MB at 100,000 entries)
def _no_term(needles: frozenset[str], text: str) -> bool:
    """True when none of the alphanumeric pieces of ``text`` is one of ``needles``."""
    return needles.isdisjoint(_PIECE.findall(text.lower()))


def _needles(g: Any) -> frozenset[str]:
    """The first alphanumeric piece of every form of every term: a text without any of them has no term."""
    out = set()
    for term in getattr(g, "terms", ()) or ():
        forms = getattr(term, "surface_forms", None) or (term.source, *tuple(getattr(term, "variants", ()) or ()))
        for form in forms:
            first = _PIECE.findall(form.lower())
            if not first:
                return frozenset()  # a term without letters: no precheck possible
            out.add(first[0])
    return frozenset(out)


def _hits(entry: polib.POEntry, ctx: CatalogContext) -> list[Any]:
    g = ctx.glossary
    if g is None or not hasattr(g, "find_terms") or entry.msgid_plural:
        return []
    text = plain_text(entry.msgid)
    needles = ctx.memo(("term-needles",), lambda: _needles(g))
    if needles and _no_term(needles, text):
        return []  # fast path: no term can match (whole words only)
    return ctx.src("terms", entry.msgid, lambda: list(g.find_terms(text)))


def _keeps(term: Any, locale: str) -> bool:
    fn = getattr(term, "keeps", None)
    return bool(fn(locale)) if callable(fn) else bool(getattr(term, "keep", False))


def _target_for(term: Any, ctx: CatalogContext) -> Any:
    targets = getattr(term, "targets", None) or {}
    return targets.get(ctx.locale) or targets.get(ctx.lang)


@check("L10N501", "do-not-translate", Severity.ERROR, when=("terms",))
def do_not_translate(entry: polib.POEntry, ctx: CatalogContext):
    """A term the glossary keeps in the source language is not in the translation verbatim."""
    target = plain_text(entry.msgstr)
    for hit in _hits(entry, ctx):
        if not _keeps(hit.term, ctx.locale):
            continue
        words = (hit.matched or hit.term.source).split()
        if not re.search(r"\s+".join(map(re.escape, words)), target, re.IGNORECASE):
            if getattr(hit.term, "keep", True):  # never translated anywhere (a Latin binomial, a compound)
                yield f"do-not-translate term {hit.matched!r} must appear verbatim"
            else:  # a common name this language keeps: a pronoun may stand for it ("ses composés")
                yield Issue(f"term {hit.matched!r}, kept in this language, is not in the translation (a pronoun "
                            "is fine; a translation of it is not)", severity=Severity.WARNING)


@check("L10N502", "term-translation", Severity.WARNING, when=("terms",))
def term_translation(entry: polib.POEntry, ctx: CatalogContext):
    """A glossary term is not translated with its approved translation (or a listed form)."""
    if _is_approved_disclaimer(entry, ctx):
        return
    target = plain_text(entry.msgstr)
    seen = set()
    for hit in _hits(entry, ctx):
        term = hit.term
        if _keeps(term, ctx.locale) or term.id in seen:
            continue
        tt = _target_for(term, ctx)
        if tt is None or not getattr(tt, "text", ""):
            continue
        seen.add(term.id)
        forms = (tt.text, *tuple(getattr(tt, "forms", ()) or ()))
        if not _phrase_re(forms, ctx.lang).search(target):
            yield f"{hit.matched!r} should be translated as {tt.text!r}" + (
                f" (or {', '.join(map(repr, forms[1:]))})" if len(forms) > 1 else "")


def _approved_cover(entry: polib.POEntry, ctx: CatalogContext, target: str) -> list[list[Any]]:
    """For each term in the source with an approved translation: [term id, spans of its forms in
    ``target``, how many times the source has the term] (the budget of forbidden words it may excuse)."""
    counts: dict[str, int] = {}
    terms: dict[str, Any] = {}
    for hit in _hits(entry, ctx):
        counts[hit.term.id] = counts.get(hit.term.id, 0) + 1
        terms.setdefault(hit.term.id, hit.term)
    out = []
    for tid, term in terms.items():
        if _keeps(term, ctx.locale):
            continue
        tt = _target_for(term, ctx)
        if tt is None or not getattr(tt, "text", ""):
            continue
        forms = (tt.text, *tuple(getattr(tt, "forms", ()) or ()))
        spans = [m.span() for m in _phrase_re(forms, ctx.lang).finditer(target)]
        if spans:
            out.append([tid, spans, counts[tid]])
    return out


def _excused(m: re.Match[str], term: Any, covers: list[list[Any]]) -> bool:
    """True when the forbidden occurrence ``m`` lies inside an approved form of *another* term of the
    source ("opiáceos" for "opiate" next to "opioid"), as long as that term's occurrences last."""
    tid = getattr(term, "id", None)
    start, end = m.span()
    for cover in covers:
        if cover[0] == tid or cover[2] <= 0:
            continue
        if any(a <= start and end <= b for a, b in cover[1]):
            cover[2] -= 1
            return True
    return False


def forbidden_words(ctx: CatalogContext) -> tuple[re.Pattern[str] | None, dict[str, Any]]:
    """(one regex of every translation the glossary forbids for the locale, forbidden word -> term)."""
    g = ctx.glossary
    if g is None:
        return None, {}

    def build():
        items = {}
        for term in getattr(g, "terms", ()) or ():
            forb = getattr(term, "forbidden", None) or {}
            for w in tuple(forb.get(ctx.locale, ())) + (tuple(forb.get(ctx.lang, ())) if ctx.lang != ctx.locale
                                                        else ()):
                items[w.lower()] = term
        return (_phrase_re(tuple(items)) if items else None), items

    return ctx.memo(("forbidden",), build)


def term_needles(ctx: CatalogContext) -> frozenset[str] | None:
    """First words of every glossary term form (lower case); None when any entry may hold a term."""
    g = ctx.glossary
    if g is None or not hasattr(g, "find_terms"):
        return frozenset()
    needles = ctx.memo(("term-needles",), lambda: _needles(g))
    return needles or None


@check("L10N503", "forbidden-term", Severity.ERROR, when=("forbidden",))
def forbidden_term(entry: polib.POEntry, ctx: CatalogContext):
    """The translation uses a translation the glossary forbids for this language.

    A forbidden word is fine where it is an approved translation of another term
    of the source ("opiate" → "opiáceos" next to "opioid"), once per occurrence
    of that term.
    """
    rx, items = forbidden_words(ctx)
    if rx is None:
        return
    target = plain_text(entry.msgstr)
    matches = list(rx.finditer(target))
    if not matches:
        return
    covers = _approved_cover(entry, ctx, target)
    for m in matches:
        term = items.get(" ".join(m.group(0).lower().split()))
        if _excused(m, term, covers):
            continue
        better = _target_for(term, ctx) if term is not None else None
        yield f"forbidden translation {m.group(0)!r}" + (f"; use {better.text!r}" if better is not None else "")
