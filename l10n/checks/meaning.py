"""Meaning at risk (L10N31x): negations, hedges and inflated claims.

Where the source says "not", "never", "no", the translation must keep as many
negations; where it says "may", "might", "further study is needed", as many
hedges; and it must not add "proven", "cures", "safe" that the source does not
say. Word lists per language come from :mod:`l10n.checks.words`, extended by
the glossary's ``rules``. Negation and hedge findings cannot be waived.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polib

from l10n.checks import words as W

from l10n.checks.context import CatalogContext, _tokens, plain_text
from l10n.checks.registry import check
from l10n.model import Severity


@lru_cache(maxsize=64)
def _literal_rx(lang: str) -> re.Pattern[str] | None:
    words = W.LITERALS.get(lang)
    if not words:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")(?![^\W_])")


@lru_cache(maxsize=64)
def _names(lang: str) -> frozenset[str]:
    """Month and day names of ``lang`` (wide and abbreviated), lower case, from Babel."""
    from l10n.checks.calendar import day_names, month_names

    return frozenset(month_names(lang)) | frozenset(day_names(lang))


def source_text(text: str, lang: str) -> str:
    """The plain text of a source message with its program literals masked: "None", "True" capitalised in the
    middle of a sentence, or standing alone, are values of a program, not words ("must be True, False or
    None" has no negation); "None of them" at a sentence start is the word.

    >>> source_text("Value must be True, False or None.", "en"), source_text("None of them.", "en")
    ('Value must be ∅, ∅ or ∅.', 'None of them.')
    """
    plain = plain_text(text)
    if plain.strip().rstrip(".").lower() in _names(lang):
        return "∅"  # "May", "Sun": a month or a day named alone is a name, not "may"
    rx = _literal_rx(lang)
    if rx is None or not rx.search(plain):
        return plain
    if rx.fullmatch(plain.strip()):
        return "∅"

    def mask(m: re.Match[str]) -> str:
        before = plain[:m.start()].rstrip(" \t\"'“‘«(")
        return m.group(0) if not before or before[-1] in ".!?:\n" else "∅"

    return rx.sub(mask, plain)


def _counts(entry: polib.POEntry, ctx: CatalogContext, src_counter, tgt_counter, kind: str) -> tuple[list[str], list[str]]:
    msgid, msgstr = entry.msgid, entry.msgstr
    return (ctx.src(kind, msgid, lambda: src_counter.find(source_text(msgid, ctx.source_lang))),
            ctx.tgt(kind, msgstr, lambda: tgt_counter.find(plain_text(msgstr))))


def _by_sentence(entry: polib.POEntry, ctx: CatalogContext, src_counter, tgt_counter, kind: str) -> str | None:
    """Where source and translation have the same sentences, the first sentence whose words were dropped.

    A translation may move a hedge ("varía") into another sentence and keep
    the total while dropping "further study is needed"; compared sentence by
    sentence, that is caught.
    """
    from l10n.checks.omission import split_sentences

    msgid, msgstr = entry.msgid, entry.msgstr
    # per sentence: the phrases found in the source, the number found in the translation
    src_s = ctx.src("sent-" + kind, msgid,
                    lambda: [src_counter.find(s) for s in split_sentences(source_text(msgid, ctx.source_lang))])
    if len(src_s) < 2:
        return None
    tgt_s = ctx.tgt("sent-" + kind, msgstr,
                    lambda: [(t, len(tgt_counter.find(t))) for t in split_sentences(plain_text(msgstr))])
    if len(tgt_s) != len(src_s):
        return None
    for i, (found_s, (t, n_t)) in enumerate(zip(src_s, tgt_s), 1):
        if found_s and n_t < len(found_s):
            return f"sentence {i} of the translation lost {kind} ({', '.join(found_s)}): {t[:80]!r}"
    return None


def _applies(entry: polib.POEntry, ctx: CatalogContext, counter) -> bool:
    return (not entry.msgid_plural and bool(counter.phrases) and ctx.lang != ctx.source_lang
            and entry.msgstr.strip() != entry.msgid.strip())  # a copy is reported by L10N204


def _dropped(entry: polib.POEntry, ctx: CatalogContext, src_counter, tgt_counter, key: str, what: str, head, tail: str):
    """Findings for words of a list (negations, hedges) that the translation lost.

    Whole-entry counts first; with equal counts, sentence by sentence.
    """
    if not _applies(entry, ctx, tgt_counter):
        return
    src, tgt = _counts(entry, ctx, src_counter, tgt_counter, key)
    if len(tgt) < len(src):
        yield (f"{head(len(src))} ({', '.join(src)}), {tail} {len(tgt)}"
               + (f" ({', '.join(tgt)})" if tgt else ""))
    elif src:
        msg = _by_sentence(entry, ctx, src_counter, tgt_counter, what)
        if msg:
            yield msg


@check("L10N311", "negation-dropped", Severity.ERROR, suppressible=False, when=("negation-src",))
def negation_dropped(entry: polib.POEntry, ctx: CatalogContext):
    """The translation has fewer negations than the source (a dropped "not")."""
    yield from _dropped(entry, ctx, ctx.negation_src, ctx.negation_tgt, "neg", "a negation",
                        lambda n: f"source has {n} negation(s)", "translation has")


@check("L10N312", "hedge-dropped", Severity.ERROR, suppressible=False, when=("hedge-src",))
def hedge_dropped(entry: polib.POEntry, ctx: CatalogContext):
    """The translation has fewer hedges than the source (a dropped "may", "further study is needed")."""
    yield from _dropped(entry, ctx, ctx.hedge_src, ctx.hedge_tgt, "hedge", "a hedge",
                        lambda n: f"source hedges {n} time(s)", "translation")


@check("L10N313", "inflated-claim", Severity.ERROR, when=("inflated-tgt",))
def inflated_claim(entry: polib.POEntry, ctx: CatalogContext):
    """The translation makes a stronger claim than the source ("proven", "cures", "safe")."""
    if not _applies(entry, ctx, ctx.inflated_tgt):
        return
    src, tgt = _counts(entry, ctx, ctx.inflated_src, ctx.inflated_tgt, "inflated")
    if len(tgt) > len(src):
        tgt = _unexplained(tgt, entry.msgid, ctx)
    if len(tgt) > len(src):
        yield f"translation claims {', '.join(tgt)!s} where the source says " + (", ".join(src) or "none of that")


def _unexplained(claims: list[str], msgid: str, ctx: CatalogContext) -> list[str]:
    """The claim words of a translation that do not translate a word of the source: "seguro" in "¿Está
    seguro?" translates "sure" of "Are you sure?" (``claim_senses`` of the language's data file)."""
    senses = W.CLAIM_SENSES.get(ctx.lang)
    if not senses:
        return claims
    words = ctx.src("words", msgid, lambda: frozenset(_tokens(plain_text(msgid))))
    out = []
    budget = {}
    for c in claims:
        meant = senses.get(c)
        if meant:
            key = frozenset(meant & words)
            if key:
                n = sum(_tokens(plain_text(msgid)).count(w) for w in key)
                if budget.get(key, 0) < n:
                    budget[key] = budget.get(key, 0) + 1
                    continue
        out.append(c)
    return out
