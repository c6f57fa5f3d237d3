"""The fixed botanical/medical glossary and the safety disclaimers it protects.

``glossary.yaml`` is read safely (:func:`load_glossary`; no object tags) and
validated by :func:`parse_glossary` (pure: a mapping in, a :class:`Glossary`
out), which reports every problem at once with its line. The
:class:`Glossary` finds terms and misspellings in text, identifies
disclaimers by their text, and is the :class:`~l10n.catalogs.annotate.Annotator`
the catalogs ask for ``#.`` notes and approved disclaimer translations.

    >>> g = parse_glossary({"terms": [{"source": "opioid receptor", "kind": "pharmacology",
    ...                               "variants": ["opioid receptors"], "targets": {"es": "receptor opioide"}}]},
    ...                    locales=["es"])
    >>> [h.matched for h in g.find_terms("Kratom binds to *opioid receptors*.")]
    ['opioid receptors']
    >>> g.locale_notes(None, "Opioid receptor agonists", "es")
    ['glossary: opioid receptor → receptor opioide']
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from l10n.catalogs.annotate import ApprovedTranslation
from l10n.config import Settings
from l10n.errors import GlossaryError
from l10n.glossary.match import PhraseMatcher, markup_free
from l10n.glossary.model import (Disclaimer, DisclaimerTranslation, LocaleRules, Term, TermHit, TermTarget,
                                 fold_text, lang_of, text_sha256)
from l10n.glossary.schema import KINDS, parse_parts
from l10n.model import DISCLAIMER_PREFIX, Segment

__all__ = ["KINDS", "Disclaimer", "DisclaimerTranslation", "Glossary", "GlossaryError", "LocaleRules", "Term",
           "TermHit", "TermTarget", "fold_text", "load_glossary", "parse_glossary", "text_sha256"]


def _canonical(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


#: A segment at least this similar to a disclaimer's text is that disclaimer,
#: edited: it keeps its ``disclaimer:<id>`` context (never machine-translated,
#: approved translation stale until reviewed) instead of silently losing it.
DISCLAIMER_SIMILARITY = 0.8

class Glossary:
    """Terms, disclaimers and word lists; also the catalogs' Annotator."""

    def __init__(self, terms: Sequence[Term] = (), disclaimers: Sequence[Disclaimer] = (),
                 rules: Mapping[str, LocaleRules] | None = None, *, version: str = "", path: str = "") -> None:
        self.terms: tuple[Term, ...] = tuple(terms)
        self.disclaimers: tuple[Disclaimer, ...] = tuple(disclaimers)
        self.rules: Mapping[str, LocaleRules] = MappingProxyType(dict(rules or {}))
        self.path = path
        self.version = version or hashlib.sha256(repr((self.terms, self.disclaimers, self.rules)).encode()
                                                 ).hexdigest()[:12]
        self._terms = {t.id: t for t in self.terms}
        self._disclaimers = {d.id: d for d in self.disclaimers}
        self._by_text = {self._text_key(d.text): d for d in self.disclaimers}
        self._matcher = PhraseMatcher((form, t) for t in self.terms for form in t.surface_forms)
        self._misspelled = PhraseMatcher((form, t) for t in self.terms for form in t.misspellings)

    def __repr__(self) -> str:
        return f"<Glossary {self.version}: {len(self.terms)} terms, {len(self.disclaimers)} disclaimers>"

    # -- lookups -----------------------------------------------------------------
    def term(self, id: str) -> Term:
        """The term with this id (KeyError if unknown)."""
        return self._terms[id]

    def disclaimer(self, id: str) -> Disclaimer:
        """The disclaimer with this id (KeyError if unknown)."""
        return self._disclaimers[id]

    @staticmethod
    def _text_key(text: str) -> str:
        return fold_text(markup_free(text), quotes=True)

    def disclaimer_by_text(self, text: str) -> Disclaimer | None:
        """The disclaimer whose English text this is (NFC, whitespace folded, quotes and markup ignored)."""
        return self._by_text.get(self._text_key(text))

    def find_terms(self, text: str) -> list[TermHit]:
        """Glossary terms in ``text``: whole words, any case, through markup, longest first, no overlaps."""
        return [TermHit(t, s, e, m) for s, e, m, t in self._matcher.find(text)]

    def find_misspellings(self, text: str) -> list[TermHit]:
        """Known misspellings of glossary terms in ``text`` (``hit.term.source`` is the right spelling)."""
        return [TermHit(t, s, e, m) for s, e, m, t in self._misspelled.find(text)]

    def standard_disclaimers(self) -> tuple[Disclaimer, ...]:
        """The notices appended to every published copy."""
        return tuple(d for d in self.disclaimers if d.standard)

    def _distinct_terms(self, msgid: str) -> list[Term]:
        seen: dict[str, Term] = {}
        for hit in self.find_terms(msgid):
            seen.setdefault(hit.term.id, hit.term)
        return list(seen.values())

    # -- Annotator protocol --------------------------------------------------------
    def disclaimer_id(self, segment: Segment) -> str | None:
        """The disclaimer a segment is: by its marker, or by its text (for match: text|both)."""
        if segment.disclaimer_id:
            return segment.disclaimer_id
        d = self.disclaimer_by_text(segment.source)
        if d is not None:
            return d.id if d.match in ("text", "both") else None
        return self._similar_disclaimer(segment.source)

    def _similar_disclaimer(self, text: str) -> str | None:
        """A text-matched disclaimer this segment is a light edit of (so it stays protected)."""
        from rapidfuzz import fuzz

        key = self._text_key(text)
        best, best_score = None, DISCLAIMER_SIMILARITY * 100
        for d in self.disclaimers:
            if d.match not in ("text", "both") or d.standard:
                continue
            score = fuzz.ratio(key, self._text_key(d.text), score_cutoff=best_score)
            if score >= best_score:
                best, best_score = d.id, score
        return best

    def template_notes(self, msgctxt: str | None, msgid: str) -> list[str]:
        """Language-independent ``#.`` notes: the terms of the entry and misspellings in it."""
        notes = []
        for t in self._distinct_terms(msgid):
            if t.keep:
                notes.append(f"glossary: {t.source}: never translated")
            else:
                notes.append(f"glossary: {t.source} ({t.kind})")
        for hit in self.find_misspellings(msgid):
            notes.append(f"glossary: {hit.matched!r} is a misspelling of {hit.term.source!r}")
        return notes

    def locale_notes(self, msgctxt: str | None, msgid: str, locale: str) -> list[str]:
        """``#.`` notes for one locale: each term's approved translation and forbidden ones.

        They replace the template's ``glossary:`` notes in the locale's catalog
        (one note per term, not two).
        """
        notes = []
        for t in self._distinct_terms(msgid):
            if t.keep:
                notes.append(f"glossary: {t.source}: never translated")
                continue
            if t.keeps(locale):
                note = f"glossary: {t.source} ({t.kind}): kept as is in {locale}"
            else:
                tgt = t.target(locale)
                if tgt is None:
                    continue
                note = f"glossary: {t.source} ({t.kind}) → {tgt.text}"
                if len(tgt.forms) > 1:
                    note += f" (forms: {', '.join(tgt.forms[1:])})"
            forb = t.forbidden.get(locale) or t.forbidden.get(lang_of(locale)) or ()
            if forb:
                note += f"; not: {', '.join(forb)}"
            notes.append(note)
        for hit in self.find_misspellings(msgid):
            notes.append(f"glossary: {hit.matched!r} is a misspelling of {hit.term.source!r}")
        return notes

    def approved(self, disclaimer_id: str, locale: str, msgid: str | None = None) -> ApprovedTranslation | None:
        """The reviewed translation of a disclaimer for ``locale``.

        Stale when it was approved for an older glossary text, or when the
        catalog's English (``msgid``) is no longer the glossary's text (the
        source article was edited).
        """
        d = self._disclaimers.get(disclaimer_id)
        tr = d.translation(locale) if d is not None else None
        if tr is None:
            return None
        stale = d.is_stale(locale)
        note = f"approved translation from the glossary, reviewed by {tr.reviewed_by}" + (
            f" on {tr.reviewed_on}" if tr.reviewed_on else "")
        if stale:
            note += " — STALE: approved for an older English text; review it and update source_sha256"
        elif msgid is not None and self._text_key(msgid) != self._text_key(d.text):
            stale = True
            note += (" — STALE: the article's English differs from the glossary's text of this disclaimer;"
                     " update glossary.yaml and have the translation reviewed again")
        return ApprovedTranslation(text=tr.text, note=note, stale=stale)

    def is_disclaimer_context(self, msgctxt: str | None) -> bool:
        """True for a ``disclaimer:<id>`` context."""
        return bool(msgctxt) and msgctxt.startswith(DISCLAIMER_PREFIX)


def parse_glossary(data: Mapping[str, Any], *, locales: Sequence[str], source_language: str = "en",
                   path: str = "", lines: Mapping[str, int] | None = None) -> Glossary:
    """Validate already-parsed glossary data and build a :class:`Glossary`.

    ``locales`` are the configured target locales: a locale that is not
    configured is an error. ``lines`` maps data paths (``terms[3].kind``) to
    line numbers for the messages. Raises :class:`GlossaryError` listing every
    problem at once.
    """
    terms, disclaimers, rules = parse_parts(data, locales=locales, source_language=source_language, path=path,
                                            lines=lines)
    version = hashlib.sha256(json.dumps(_canonical(data), ensure_ascii=False, sort_keys=True).encode()
                             ).hexdigest()[:12]
    return Glossary(terms, disclaimers, rules, version=version, path=path)


def load_glossary(path: Path, settings: Settings) -> Glossary:
    """Read and validate ``glossary.yaml`` (safely: no object tags) for the project's locales."""
    from l10n.glossary.yamlio import read_yaml

    name = _display(path, settings)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise GlossaryError("file not found", path=name) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror}", path=name) from None
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"not UTF-8 ({exc.reason})", path=name) from None
    data, lines = read_yaml(text, name)
    return parse_glossary(data, locales=settings.locales, source_language=settings.source_language, path=name,
                          lines=lines)


def _display(path: Path, settings: Settings) -> str:
    try:
        return path.resolve().relative_to(settings.root).as_posix()
    except ValueError:
        return str(path)
