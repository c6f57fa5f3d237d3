"""What a check knows about the catalog it runs on, computed once per catalog.

:class:`CatalogContext` holds the locale, the glossary, the template, the
compiled word lists (negations, hedges, inflated claims) for the source and
target languages, the locale's number symbols (from Babel), and small caches
so that no per-entry work is repeated (plain text of a message, numbers found
in it, counts of words).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from l10n.checks import words as W

__all__ = ["CatalogContext", "PhraseCounter", "RunMemo", "lang_of", "normalize_text", "plain_text"]

#: a tag or comment as a browser reads one: "<" then a letter, "/", "!" or "?" ("< 5 minutes ->" is text)
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_MARK = re.compile(r"(?<![\w\\])[*_]{1,3}|[*_]{1,3}(?![\w])|`+")
_URL = re.compile(r"\b(?:https?|ftp|mailto):[^\s<>()\"']+")
_WS = re.compile(r"\s+")


def lang_of(locale: str) -> str:
    """The language part of a locale code: ``pt_BR`` -> ``pt``."""
    return re.split(r"[_@-]", locale or "", maxsplit=1)[0].lower()


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """``text`` without HTML tags, Markdown emphasis, link targets and URLs.

    >>> plain_text('See the <a href="https://x.org/5">guide</a> and [help](#h), *now*.')
    'See the guide and help, now.'

    Non-ASCII text is NFC-normalised, so decomposed accents match the word lists.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "](" in text:
        # an image's alt text is not read in the sentence (readers see a picture): it is not the text's words
        text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(" ", text))
    if "://" in text or "mailto:" in text:
        text = _URL.sub(" ", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_MARK.sub("", text)
    if "&" in text:
        # every character reference, as a browser decodes it (``&#30;`` is a control character, not "30";
        # ``&ni;`` is "∋", not the word "ni"); control characters then show as nothing
        text = _CONTROL.sub("", html.unescape(text))
    return text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> str:
    """NFC, whitespace collapsed and stripped: how two disclaimer texts are compared."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*'?", re.UNICODE)


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return tuple(_TOKEN.findall(text.lower().replace("’", "'")))



_MISSING = object()


def _memo(cache: dict, key: Any, compute):
    """``cache[key]``, computed on first use (most keys are new: no KeyError raised for them)."""
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = cache[key] = compute()
    return value


#: results a run memo holds per side, language and glossary: when full it starts again (a 100,000-entry
#: catalog's analyses would otherwise all stay in memory, some 150 MB, for catalogs that may never come)
RUN_MEMO_LIMIT = 20_000


def _run_memo(cache: dict, key: Any, compute):
    """:func:`_memo` in a run memo, which is emptied when it holds :data:`RUN_MEMO_LIMIT` results."""
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        if len(cache) >= RUN_MEMO_LIMIT:
            cache.clear()
        value = cache[key] = compute()
    return value

class PhraseCounter:
    """Counts occurrences of words and phrases, case-insensitively, on word boundaries.

    Text is split into word tokens once; single words are a set lookup and
    phrases are matched from their first word, longest first, each token
    counted once. A phrase ending in an apostrophe (French ``n'``) matches as
    a prefix.

    >>> PhraseCounter(["not", "further study is needed", "study"]).count("Not yet: further study is needed.")
    2

    ``neutral`` phrases hold words of the list but say something else: "don't
    hesitate" holds "don't" and is not a negation. Where one stands in the
    text, its words joined by spaces only (not across punctuation: "Si no,
    olvide" is not "no olvide"), its words are not counted.

    >>> PhraseCounter(["no"], neutral=["no dude en"]).find("No dude en llamar, pero no mezcle.")
    ['no']

    ``pairs`` (see :class:`~l10n.checks.words.NegationPairs`): a closer after
    an opener in the same clause is one word with it (French "ne … pas" is one
    negation, so a dropped second "ne … pas" is seen); "ne … que" (only) and
    an expletive "ne" ("avant que l'effet ne disparaisse") are no negation.
    """

    def __init__(self, phrases: Iterable[str], neutral: Iterable[str] = (), pairs: Any = None,
                 proclitics: tuple[str, ...] = ()) -> None:
        self._proclitics = tuple(sorted(proclitics, key=len, reverse=True))
        items = sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
        self.phrases = tuple(items)
        self._single, self._multi, self._prefix = _index(items)
        #: every word of every phrase (a proclitic is stripped only where a word of the list is behind it)
        self._vocab = frozenset(t for p in items for t in _tokens(p))
        #: every word that can start a match: a text with none of them has no match (checked in C).
        self._firsts = frozenset(self._single) | frozenset(self._multi)
        self._multi_firsts = frozenset(self._multi)
        #: neutral phrase (its tokens joined by one space) -> the phrases of the list it holds; a phrase
        #: written with a final "…" stands only before another word ("no solo …": "No solo." is "not alone")
        self._neutral, self._neutral_rx = self._neutral_index(neutral)
        #: the words of the neutral phrases that are not phrases of the list: a text with none of them has
        #: no neutral phrase (one set test on its tokens instead of a regex search)
        self._neutral_keys = frozenset(t for k in self._neutral for t in k.split(" ") if t not in self._single)
        self._pairs = pairs if pairs and pairs.openers else None

    def _neutral_index(self, neutral: Iterable[str]) -> tuple[dict[str, list[str]], re.Pattern[str] | None]:
        """(neutral phrase -> the phrases of the list it holds, a regex finding them) for the neutral
        phrases that hold a phrase of the list, longest first."""
        held_by: dict[str, list[str]] = {}
        alternatives = []
        for p in sorted(neutral, key=len, reverse=True):
            open_ended = p.rstrip().endswith("…")
            toks = _tokens(p.strip().rstrip("…").lower()) if p else ()
            held = self._find(" ".join(toks)) if toks else []
            if held:
                held_by[" ".join(toks)] = held
                alternatives.append(_neutral_pattern(toks, open_ended))
        rx = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")") if alternatives else None
        return held_by, rx

    def find(self, text: str) -> list[str]:
        """The phrases found, in order (lower case); neutral phrases and paired words left out."""
        found = self._find(text)
        if not found:
            return found
        if self._neutral_rx is not None and not self._neutral_keys.isdisjoint(_tokens(text)):
            folded = (text if text.isascii() else unicodedata.normalize("NFC", text)).lower().replace("’", "'")
            spans = []
            for m in self._neutral_rx.finditer(folded):
                spans.append(m.span())
                for held in self._neutral[" ".join(_tokens(m.group(0)))]:
                    if held in found:
                        found.remove(held)
            if spans and self._pairs is not None:  # the pairs are read without the neutral phrases' words
                text = "".join(folded[a:b] if i % 2 == 0 else " " * (b - a) for i, (a, b) in enumerate(
                    zip([0] + [x for sp in spans for x in sp], [x for sp in spans for x in sp] + [len(folded)])))
        if self._pairs is not None and found:
            found = _pair(text, found, self._pairs)
        return found

    def _unclitic(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Words with an attached proclitic read as the word of the list behind it ("وقد" -> "قد")."""
        vocab, out = self._vocab, []
        for w in words:
            if w not in vocab:
                for p in self._proclitics:
                    if w.startswith(p) and len(w) - len(p) >= 2 and w[len(p):] in vocab:
                        w = w[len(p):]
                        break
            out.append(w)
        return tuple(out)

    def _find(self, text: str) -> list[str]:
        if not self.phrases:
            return []
        words = _tokens(text)
        if self._proclitics:
            words = self._unclitic(words)
        if self._prefix:
            return self._scan(words, range(len(words)))
        hits = self._firsts.intersection(words)
        if not hits:
            return []
        if self._multi_firsts.isdisjoint(hits):  # only single words can match: one pass in C
            single = self._single
            return [w for w in words if w in single]
        firsts = self._firsts  # only positions holding a first word can start a match
        return self._scan(words, [i for i, w in enumerate(words) if w in firsts])

    def _phrase_at(self, words: tuple[str, ...], i: int) -> tuple[str, int] | None:
        """(the phrase, its length in words) of the longest phrase of several words at ``words[i]``, or None."""
        for toks, joined in self._multi.get(words[i], ()):
            k = len(toks)
            if words[i:i + k] == toks:
                return joined, k
        return None

    def _scan(self, words: tuple[str, ...], starts: Iterable[int]) -> list[str]:
        """The phrases found at the positions ``starts`` of ``words``, each word counted once."""
        single, multi, prefix = self._single, self._multi, self._prefix
        out = []
        nxt = 0
        for i in starts:
            if i < nxt:
                continue  # inside a phrase already counted
            w = words[i]
            phrase = self._phrase_at(words, i) if w in multi else None
            if phrase is not None:
                out.append(phrase[0])
                nxt = i + phrase[1]
                continue
            if w in single:
                out.append(w)
            elif prefix and w.startswith(prefix):
                out.append(next(p for p in prefix if w.startswith(p)))
            nxt = i + 1
        return out

    def count(self, text: str) -> int:
        """How many times any phrase occurs."""
        return len(self.find(text))


def _index(items: list[str]) -> tuple[set[str], dict[str, list[tuple[tuple[str, ...], str]]], tuple[str, ...]]:
    """(single words, phrases of several words by their first word (longest first), single words ending in
    an apostrophe: prefixes) of the phrases ``items``."""
    single: set[str] = set()
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    prefixes = []
    for p in items:
        toks = tuple(_tokens(p))
        if not toks:
            continue
        if len(toks) == 1:
            if toks[0].endswith("'"):
                prefixes.append(toks[0])
            single.add(toks[0])
        else:
            multi.setdefault(toks[0], []).append((toks, " ".join(toks)))
    for v in multi.values():
        v.sort(key=lambda t: len(t[0]), reverse=True)
    return single, multi, tuple(prefixes)


def _neutral_pattern(toks: tuple[str, ...], open_ended: bool) -> str:
    """The regex of a neutral phrase's words, joined by spaces only; an open-ended one before another word."""
    end = r"(?=[ \t\u00a0]+[^\W\d_])" if open_ended else ("" if toks[-1].endswith("'") else r"(?![^\W_])")
    return r"[ \t\u00a0]+".join(map(re.escape, toks)) + end


_CLAUSE = re.compile(r"[.;:!?,()\[\]\n«»\"“”—–¿¡]+")


def _opens(tok: str, pairs: Any) -> bool:
    """Whether ``tok`` is an opener of ``pairs`` (an elided one, "n'", as a prefix)."""
    return tok in pairs.openers or any(tok.startswith(o) for o in pairs.openers if o.endswith("'"))


def _clause_pairs(toks: tuple[str, ...], pairs: Any) -> tuple[int, int]:
    """(closers that complete an opener, openers that are no negation) of one clause's words."""
    closers = openers = 0
    pending = expletive = lead = False
    prev = ""
    for tok in toks:
        if tok == "que" or tok.startswith("qu'"):
            if pending:  # "ne … que": only
                openers += 1
                pending = False
            elif prev in pairs.leads:
                lead = True
        elif _opens(tok, pairs):
            pending, expletive = True, lead
        elif pending and tok in pairs.closers:
            closers += 1
            pending = False
        elif pending and tok in pairs.enders:
            pending = False
        prev = tok
    if pending and expletive:
        openers += 1
    return closers, openers


def _pair(text: str, found: list[str], pairs: Any) -> list[str]:
    """``found`` without the closers that complete an opener of the same clause, and without the openers
    that are no negation ("ne … que", an expletive "ne")."""
    folded = text if text.isascii() else unicodedata.normalize("NFC", text)
    drop_closers = drop_openers = 0
    for clause in _CLAUSE.split(folded.lower().replace("’", "'")):
        closers, openers = _clause_pairs(_tokens(clause), pairs)
        drop_closers += closers
        drop_openers += openers
    if not drop_closers and not drop_openers:
        return found
    out = []
    for p in found:
        if drop_closers and p in pairs.closers:
            drop_closers -= 1
        elif drop_openers and p in pairs.openers:
            drop_openers -= 1
        else:
            out.append(p)
    return out


@lru_cache(maxsize=128)
def _counter(phrases: tuple[str, ...], neutral: tuple[str, ...] = (), pairs: Any = None,
             proclitics: tuple[str, ...] = ()) -> PhraseCounter:
    return PhraseCounter(phrases, neutral, pairs, proclitics)


def _rules_for(glossary: Any, locale: str) -> Any:
    rules = getattr(glossary, "rules", None) if glossary is not None else None
    if not rules:
        return None
    return rules.get(locale) or rules.get(lang_of(locale))


@lru_cache(maxsize=1024)
def _number_symbols(locale: str) -> tuple[str, frozenset[str]]:
    """(decimal symbol, group symbols) for a locale, from Babel; spaces always group."""
    spaces = {" ", "\u00a0", "\u202f", "\u2009"}
    try:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        dec = get_decimal_symbol(locale)
        grp = get_group_symbol(locale)
    except Exception:  # unknown to Babel: fall back to English conventions
        dec, grp = ".", ","
    return dec, frozenset(spaces | {grp})


class RunMemo:
    """Text analysis shared by every catalog of one run, in plain dicts keyed by the string.

    Source-side results (tokens found, numbers, sentences, term hits, tags and
    URLs of a msgid) are computed once per distinct msgid, target-side ones once
    per distinct msgstr and locale, up to :data:`RUN_MEMO_LIMIT` results each
    (then the memo starts again: the same results, computed again). Keys include the source language or the
    locale and the glossary object, whose rules extend the word lists.
    """

    def __init__(self) -> None:
        self.source: dict[Any, dict[Any, Any]] = {}
        self.target: dict[Any, dict[Any, Any]] = {}
        self._alive: list[Any] = []  # the glossaries keyed by id(): kept alive so that no id is reused


class CatalogContext:
    """Per-catalog facts and caches shared by the checks."""

    def __init__(self, *, locale: str, glossary: Any = None, template: Any = None, path: str = "",
                 source_locale: str = "en", options: Mapping[str, Any] | None = None,
                 memo: RunMemo | None = None) -> None:
        self.locale = locale or ""
        self.lang = lang_of(self.locale)
        self.source_lang = lang_of(source_locale) or "en"
        self.glossary = glossary
        self.template = template
        self.path = path
        self.options = dict(options or {})
        self.nplurals: int | None = None
        self.catalog: Any = None
        src_rules = _rules_for(glossary, self.source_lang)
        tgt_rules = _rules_for(glossary, self.locale)
        self.negation_src = self._words(W.NEGATIONS, self.source_lang, src_rules, "negations",
                                        W.NEGATION_IDIOMS.get(self.source_lang, ()),
                                        W.NEGATION_PAIRS.get(self.source_lang))
        self.negation_tgt = self._words(W.NEGATIONS, self.lang, tgt_rules, "negations",
                                        W.NEGATION_IDIOMS.get(self.lang, ()), W.NEGATION_PAIRS.get(self.lang))
        self.hedge_src = self._words(W.HEDGES, self.source_lang, src_rules, "hedges",
                                     W.HEDGE_IDIOMS.get(self.source_lang, ()))
        self.hedge_tgt = self._words(W.HEDGES, self.lang, tgt_rules, "hedges", W.HEDGE_IDIOMS.get(self.lang, ()))
        #: numbers local to each side (emergency numbers, see LocaleRules.local_numbers)
        self.local_numbers_src = frozenset(getattr(src_rules, "local_numbers", ()) or ())
        self.local_numbers_tgt = frozenset(getattr(tgt_rules, "local_numbers", ()) or ())
        self.inflated_src = self._words(W.INFLATED, self.source_lang, src_rules, "inflated",
                                        W.INFLATED_IDIOMS.get(self.source_lang, ()))
        self.inflated_tgt = self._words(W.INFLATED, self.lang, tgt_rules, "inflated", W.INFLATED_IDIOMS.get(self.lang, ()))
        #: True when the target language has word lists (otherwise meaning checks stay silent).
        self.has_target_words = bool(self.negation_tgt.phrases)
        self.decimal, self.groups = _number_symbols(self.locale or "en")
        self.src_decimal, self.src_groups = _number_symbols(source_locale or "en")
        self.cache: dict[Any, Any] = {}
        #: the findings' messages, each kept once (a catalog of 100,000 entries may get 250,000 findings)
        self.texts: dict[str, str] = {}
        self.run_memo = memo if memo is not None else RunMemo()
        self.run_memo._alive.append(glossary)
        self._src_cache = self.run_memo.source.setdefault((self.source_lang, id(glossary)), {})
        self._tgt_cache = self.run_memo.target.setdefault((self.locale, id(glossary)), {})
        #: the codes of the checks that run (None: all): a check may leave to another what that one reports
        self.codes: frozenset[str] | None = None
        #: the features (bits of registry.FEATURES) of the entry being checked, set by the runner; None when
        #: a check is called on its own. A check may skip work that the features rule out.
        self.entry_features: int | None = None

    @staticmethod
    def _words(builtin: Mapping[str, tuple[str, ...]], lang: str, rules: Any, attr: str,
               neutral: tuple[str, ...] = (), pairs: Any = None) -> PhraseCounter:
        extra = tuple(getattr(rules, attr, None) or ()) if rules is not None else ()
        return _counter(tuple(builtin.get(lang, ())) + extra, tuple(neutral), pairs, W.PROCLITICS.get(lang, ()))

    def memo(self, key: Any, compute):
        """``compute()`` once per catalog for ``key``."""
        return _memo(self.cache, key, compute)

    def src(self, kind: str, text: str, compute):
        """``compute()`` once per run for the source-side analysis ``kind`` of the msgid ``text``."""
        return _run_memo(self._src_cache, (kind, text), compute)

    def tgt(self, kind: str, text: str, compute):
        """``compute()`` once per run and locale for the target-side analysis ``kind`` of ``text``."""
        return _run_memo(self._tgt_cache, (kind, text), compute)
