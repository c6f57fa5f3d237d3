"""Which meaning checks are active for a locale: coverage declared, never silent.

A meaning check needs language knowledge: word lists for negations, hedges and inflated claims
(:mod:`l10n.checks.words`, extended by the glossary's ``rules``), the polarity and claim lexicon
(``l10n/checks/lang/<lang>.yaml``, :mod:`l10n.checks.polarity`), CLDR number symbols (Babel) and number
words (:mod:`l10n.checks.numwords`). Where a language has none, the check stays silent on it: that is
"not checked", not "passed". :func:`coverage` says which is which; :func:`meaning_verified` is the policy
hook for publishing: a locale whose meaning checks are not all active is *meaning unverified* — its
reviewed human translation may be published, its unreviewed machine translation may not.

Callers: ``l10n check --coverage``; ``status``, the dashboard and the manifest can show the same table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["REQUIRED", "CheckCoverage", "Coverage", "coverage", "format_coverage", "meaning_verified"]

#: the meaning checks a locale needs, all active, to be "meaning verified" (number words are a bonus:
#: digits are always read)
REQUIRED = ("numbers", "negation", "hedges", "inflated-claims", "polarity", "claims")


@dataclass(frozen=True, slots=True)
class CheckCoverage:
    """One meaning check for one locale: active or not, the codes it reports, and where its data comes from."""

    name: str
    codes: tuple[str, ...]
    active: bool
    source: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """The meaning checks of one locale."""

    locale: str
    language: str
    checks: tuple[CheckCoverage, ...]

    @property
    def active(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.checks if c.active)

    @property
    def not_checked(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.checks if not c.active)

    @property
    def verified(self) -> bool:
        """True when every required meaning check is active (see :data:`REQUIRED`)."""
        on = set(self.active)
        return all(name in on for name in REQUIRED)

    @property
    def status(self) -> str:
        return "meaning verified" if self.verified else "meaning unverified"


def _babel_knows(locale: str) -> bool:
    try:
        from babel import Locale

        Locale.parse(locale.replace("-", "_"))
        return True
    except Exception:
        return False


def coverage(locale: str, glossary: Any = None, selected: Iterable[str] | None = None,
             disabled: Iterable[str] = ()) -> Coverage:
    """The meaning checks active for ``locale``.

    ``glossary`` (its ``rules`` extend the word lists per locale), ``selected`` (the codes a run checks,
    None: all) and ``disabled`` (the project's disable list) narrow what is active. A broken polarity data
    file raises :class:`~l10n.errors.ConfigError`.
    """
    from l10n.checks import words as W
    from l10n.checks.context import _rules_for, lang_of
    from l10n.checks.numwords import lexicon as number_words
    from l10n.checks.polarity import lexicon as polarity_lexicon

    lang = lang_of(locale)
    rules = _rules_for(glossary, locale)
    off = set(disabled)
    chosen = set(selected) if selected is not None else None

    def on(codes: tuple[str, ...]) -> bool:
        return any((chosen is None or c in chosen) and c not in off for c in codes)

    def words(table: dict, attr: str) -> tuple[bool, str]:
        extra = bool(getattr(rules, attr, None)) if rules is not None else False
        if table.get(lang):
            return True, "built-in word list" + (" + glossary rules" if extra else "")
        return extra, "glossary rules" if extra else "no word list"

    lex = polarity_lexicon(locale)
    lex_src = f"l10n/checks/lang/{lex.path.rsplit('/', 1)[-1]}" if lex is not None else "no data file"
    pole_names = lex.pole_names if lex is not None else frozenset()
    from l10n.checks.polarity import source_concepts

    concepts = source_concepts()
    has_axes = lex is not None and all(a in pole_names and b in pole_names for a, b in concepts.axes)
    has_claims = lex is not None and all(c in pole_names for c in concepts.claims)
    babel = _babel_knows(locale)
    neg, neg_src = words(W.NEGATIONS, "negations")
    hed, hed_src = words(W.HEDGES, "hedges")
    inf, inf_src = words(W.INFLATED, "inflated")
    checks = (
        CheckCoverage("numbers", ("L10N301", "L10N302", "L10N303"), babel and on(("L10N301", "L10N302", "L10N303")),
                      "CLDR number symbols (Babel)" if babel else "locale unknown to Babel"),
        CheckCoverage("number-words", ("L10N301", "L10N303"),
                      number_words(lang) is not None and on(("L10N301", "L10N303")),
                      "num2words lexicon" if number_words(lang) is not None else "no number words"),
        CheckCoverage("negation", ("L10N311",), neg and on(("L10N311",)), neg_src),
        CheckCoverage("hedges", ("L10N312",), hed and on(("L10N312",)), hed_src),
        CheckCoverage("inflated-claims", ("L10N313",), inf and on(("L10N313",)), inf_src),
        CheckCoverage("polarity", ("L10N321", "L10N324"), has_axes and on(("L10N321",)),
                      lex_src if lex is not None else "no data file"),
        CheckCoverage("claims", ("L10N322", "L10N323"), has_claims and on(("L10N322", "L10N323")),
                      lex_src if lex is not None else "no data file"),
    )
    return Coverage(locale, lang, checks)


def meaning_verified(locale: str, glossary: Any = None) -> bool:
    """True when every meaning check is active for ``locale`` (the publishing policy hook).

    False means *meaning unverified*: ``l10n check`` cannot vouch that a dose, negation, hedge, direction
    or claim survived translation into this language, so an unreviewed machine translation must not be
    published for it; a reviewed human translation may be.
    """
    return coverage(locale, glossary).verified


def format_coverage(items: Iterable[Coverage]) -> str:
    """A plain-text table, one locale per block: active checks, "not checked" ones, and the verdict."""
    lines = []
    for cov in items:
        lines.append(f"{cov.locale}: {cov.status}")
        width = max(len(c.name) for c in cov.checks)
        for c in cov.checks:
            state = "active" if c.active else "not checked"
            lines.append(f"  {c.name:{width}}  {state:11}  {', '.join(c.codes):26}  {c.source}")
    return "\n".join(lines) + ("\n" if lines else "")
