"""The glossary's values: terms, their approved translations, safety disclaimers.

All frozen dataclasses; the :class:`~l10n.glossary.Glossary` object that
holds them lives in :mod:`l10n.glossary.core`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Disclaimer", "DisclaimerTranslation", "LocaleRules", "Term", "TermHit", "TermTarget", "fold_text",
           "lang_of", "text_sha256"]

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"'})


def lang_of(locale: str) -> str:
    """The language part of a locale code.

    >>> lang_of("pt_BR")
    'pt'
    """
    return re.split(r"[_@-]", locale or "", maxsplit=1)[0].lower()


def fold_text(text: str, *, quotes: bool = False) -> str:
    """NFC, whitespace folded and stripped; with ``quotes`` curly quotes become straight.

    >>> fold_text("it\u2019s  essential\\n", quotes=True)
    "it's essential"
    """
    out = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return out.translate(_QUOTES) if quotes else out


def text_sha256(text: str) -> str:
    """The sha256 (hex) of the NFC-normalised, whitespace-folded ``text``.

    >>> text_sha256("a  b") == text_sha256("a b\\n")
    True
    """
    return hashlib.sha256(fold_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TermTarget:
    """The approved translation of a term in one locale.

    ``forms`` are the accepted inflected forms (plural, gender), ``text`` first.
    """

    text: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One fixed botanical or medical term."""

    id: str
    source: str
    kind: str
    definition: str = ""
    variants: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    keep: bool = False
    keep_in: frozenset[str] = frozenset()
    targets: Mapping[str, TermTarget] = field(default_factory=lambda: MappingProxyType({}))
    forbidden: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: accepted but discouraged English spellings; ``l10n lint`` suggests ``source`` instead.
    nonstandard: tuple[str, ...] = ()
    line: int = 0

    def keeps(self, locale: str) -> bool:
        """True when ``locale`` writes the term exactly as the source does.

        >>> Term("x", "Mitragyna speciosa", "botanical", keep=True).keeps("ar")
        True
        """
        return self.keep or locale in self.keep_in or lang_of(locale) in self.keep_in

    def target(self, locale: str) -> TermTarget | None:
        """The approved translation for ``locale`` (falling back to its language), if any."""
        if self.keeps(locale):
            return TermTarget(self.source, (self.source, *self.variants))
        return self.targets.get(locale) or self.targets.get(lang_of(locale))

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every English form that counts as this term: source, variants, non-standard spellings."""
        return (self.source, *self.variants, *self.nonstandard)


@dataclass(frozen=True)
class TermHit:
    """A term found in a text: ``text[start:end] == matched``."""

    term: Term
    start: int
    end: int
    matched: str


@dataclass(frozen=True)
class DisclaimerTranslation:
    """A reviewed translation of a disclaimer for one locale."""

    text: str
    reviewed_by: str
    reviewed_on: str
    source_sha256: str
    required: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disclaimer:
    """A safety disclaimer: its English text, how it is found, and its approved translations."""

    id: str
    text: str
    severity: str = "critical"
    match: str = "text"
    standard: bool = False
    documents: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    translations: Mapping[str, DisclaimerTranslation] = field(default_factory=lambda: MappingProxyType({}))
    line: int = 0

    @property
    def sha256(self) -> str:
        """The sha256 of the NFC-normalised, whitespace-folded English text."""
        return text_sha256(self.text)

    def translation(self, locale: str) -> DisclaimerTranslation | None:
        """The translation recorded for ``locale`` (or its language), current or stale.

        A pseudo-locale (``en_XA``) is not a language: its "translation" is
        the English text pseudo-localised, generated and always current.
        """
        from l10n.locales import PSEUDO_LOCALES

        if locale in PSEUDO_LOCALES:
            from l10n.pseudo import pseudo_translate

            return DisclaimerTranslation(pseudo_translate(self.text), "pseudo-localisation (generated)",
                                         "", self.sha256)
        return self.translations.get(locale) or self.translations.get(lang_of(locale))

    def approved_for(self, locale: str) -> DisclaimerTranslation | None:
        """The approved translation for ``locale``, only if it was approved for the current text."""
        tr = self.translation(locale)
        return tr if tr is not None and tr.source_sha256 == self.sha256 else None

    def is_stale(self, locale: str) -> bool:
        """True when the locale's translation was approved for an older English text."""
        tr = self.translation(locale)
        return tr is not None and tr.source_sha256 != self.sha256


@dataclass(frozen=True)
class LocaleRules:
    """Per-locale word lists that must survive translation (or must not appear)."""

    negations: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    inflated: tuple[str, ...] = ()
    #: numbers local to the locale (emergency and helpline numbers, digits only): a translation may put its
    #: own in place of the source's; compared only where a unit follows them ("15 gouttes" still counts)
    local_numbers: tuple[str, ...] = ()
