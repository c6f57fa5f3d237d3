"""Polarity, direction and claims (L10N321–L10N324): meaning turned into its opposite.

Each source term of a polar concept has a *pole*: "avoid" (its opposite: "use", "take"), "contraindicated"
("indicated", "recommended"), "unsafe" ("safe"), "increase" ("decrease"), "before" ("after"), "with"
("without"), "less"/"lower" ("more"/"higher"), "at least" ("at most"); and claims that stand alone
("approved", "proven", "cure", "guaranteed", "no side effects"). The translation must carry the same
pole's rendering and not the opposite's.

Both sides are read with a lexicon per language, a data file ``l10n/checks/lang/<lang>.yaml`` (the source
language's file, ``en.yaml``, also declares the axes and claims). A negation before a pole, in the same
clause and within a few words, flips the nearest pole after it (not a preposition or comparison): "do not
use" is *avoid*, "not safe" is *unsafe*, "not approved" is no claim; so negation expressed by a word ("Do
not drink alcohol" → "Evite el alcohol", "no more than 4 g" → "como máximo 4 g") is read as what it means,
not as a lost "not".

A translation is reported only when it decides: it has none of a pole the source writes (not negated)
**and** gained, as written, the opposite pole (L10N321; L10N324, information only, for the prepositions and
comparisons: with/without, before/after, less/more), or it makes a claim the source does not make
(L10N322), or it negates a claim the source makes (L10N323). A translation that has neither pole (a
paraphrase) is not reported: the check cannot tell. A language without a data file is not checked (see :mod:`l10n.checks.coverage`); adding a language is
adding its data file and its tests, never editing this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import polib

from l10n.checks.context import CatalogContext, lang_of, plain_text
from l10n.checks.registry import check
from l10n.checks.wordtrie import word_regex
from l10n.model import Severity

__all__ = ["Lexicon", "Reading", "analyse", "available_languages", "lexical_negations", "lexicon",
           "source_concepts", "trigger_regex"]

LANG_DIR = Path(__file__).with_name("lang")
SOURCE_LANG = "en"
NOT = "not:"  # prefix of a negated claim ("not:approved")

#: a clause ends at these; a negation never reaches across them (a single line break does not end one: help
#: texts wrap "permessi non\nsicuri"; an empty line does)
_CLAUSE = re.compile(r"[.;:!?,()\[\]«»\"“”—–¿¡،؛؟。！？]+|\n[ \t]*\n")
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*'?")
_WORD_ELIDED = re.compile(r"[^\W_]+'|[^\W_]+(?:-[^\W_]+)*")
#: Arabic harakat, superscript alef and tatweel: not part of a word's spelling for matching
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_GAP = "~"
_GAP_MAX = 2
_MAX_WORDS = 200_000  # per-language word and clause caches are emptied beyond this many entries
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d").search


@dataclass(frozen=True, slots=True)
class _Pattern:
    toks: tuple[str, ...]  # a token ending in "*" is a stem; "~" is a gap of 0 to 2 words
    pole: str | None       # None: a neutral phrase (read, stands for nothing)
    text: str
    #: a word that must stand within the next words for a match to be possible (a quick rejection):
    #: (the word, how far it may be: 1 = the next word); ("", 0) when there is none
    need: tuple[str, int] = ("", 0)


@dataclass(frozen=True, slots=True)
class Reading:
    """One pole found in a text: the pole after negation (``"avoid"``, ``"not:approved"``), the words read."""

    pole: str
    words: str
    negated: bool = False


@dataclass(frozen=True)
class Lexicon:
    """A language's polarity data (from ``l10n/checks/lang/<lang>.yaml``)."""

    lang: str
    name: str
    path: str
    poles: tuple[tuple[str, tuple[str, ...]], ...]
    neutral: tuple[str, ...]
    negations: frozenset[str]
    window: int = 3
    scope: str = "after"          # "after" or "clause" (also the nearest pole before, in the clause)
    openers: frozenset[str] = frozenset()
    closers: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    elision: bool = False
    strip_marks: bool = False                # Arabic harakat and tatweel are not spelling
    axes: tuple[tuple[str, str], ...] = ()   # the source file's
    claims: tuple[str, ...] = ()             # the source file's
    fixed: frozenset[str] = frozenset()      # the source file's: poles no negation flips
    flips: tuple[tuple[str, str], ...] = ()  # the source file's: what a negated pole becomes (else its opposite)
    weak: frozenset[str] = frozenset()       # the source file's: poles whose reversal is a warning (L10N324)

    @property
    def pole_names(self) -> frozenset[str]:
        return frozenset(p for p, forms in self.poles if forms)


# ---------------------------------------------------------------------------------------------- loading

def _error(path: Path, message: str, line: int | None = None):
    from l10n.errors import ConfigError

    return ConfigError(message, path=str(path), line=line)


def _strings(value: Any, path: Path, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        # an unquoted YAML `no` is a boolean: say so rather than read it as nothing
        raise _error(path, f"{what} must be a list of non-empty quoted strings")
    return tuple(v.strip() for v in value)


def _read(path: Path) -> dict:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _error(path, f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                     mark.line + 1 if mark is not None else None) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, f"cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise _error(path, "must be a mapping (language, negation, poles)")
    return data


def _file_for(locale: str) -> Path | None:
    """``lang/pt_BR.yaml`` for pt_BR if it exists, else ``lang/pt.yaml``; None if neither."""
    locale = (locale or "").replace("-", "_")
    for name in (locale, lang_of(locale)):
        if name and not name.startswith(("_", ".")) and "/" not in name:
            p = LANG_DIR / f"{name}.yaml"
            if p.is_file():
                return p
    return None


def available_languages() -> tuple[str, ...]:
    """The languages and locales with a data file (the source language included)."""
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.yaml")))


def _source_fields(data: dict, path: Path) -> dict[str, Any]:
    """What only the source language's file declares: the axes, claims, fixed poles, flips and weak poles."""
    raw_axes = data.get("axes") or []
    if not all(isinstance(a, list) and len(a) == 2 and all(isinstance(x, str) for x in a) for a in raw_axes):
        raise _error(path, "axes must be a list of [pole, opposite pole] pairs")
    claims = _strings(data.get("claims"), path, "claims")
    fixed = frozenset(_strings(data.get("fixed"), path, "fixed"))
    raw_flips = data.get("flips") or {}
    if not isinstance(raw_flips, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                    for k, v in raw_flips.items()):
        raise _error(path, "flips must map a pole to the pole it becomes when negated")
    return dict(axes=tuple((a, b) for a, b in raw_axes), claims=claims, fixed=fixed,
                flips=tuple(sorted(raw_flips.items())), weak=frozenset(_strings(data.get("weak"), path, "weak")))


def _negation_scope(neg: dict, path: Path) -> tuple[int, str]:
    """(window, scope) of the negation settings: how many words a negation reaches, and in which direction."""
    window = neg.get("window", 3)
    scope = neg.get("scope", "after")
    if not isinstance(window, int) or not 1 <= window <= 8:
        raise _error(path, "negation.window must be a whole number from 1 to 8")
    if scope not in ("after", "clause"):
        raise _error(path, "negation.scope must be 'after' or 'clause'")
    return window, scope


def _known_poles(lex: Lexicon, path: Path) -> None:
    """Raise unless every pole of a target language's lexicon is one of the source file's axes or claims."""
    src = source_concepts()
    known = {p for ax in src.axes for p in ax} | set(src.claims)
    unknown = sorted(set(lex.pole_names) - known)
    if unknown:
        raise _error(path, f"unknown pole(s) {', '.join(unknown)} (the poles are those of "
                           f"{SOURCE_LANG}.yaml's axes and claims)")


@lru_cache(maxsize=64)
def _load(path_str: str) -> Lexicon:
    path = Path(path_str)
    data = _read(path)
    neg = data.get("negation") or {}
    if not isinstance(neg, dict):
        raise _error(path, "negation must be a mapping (words, window, scope, pairs)")
    pairs = neg.get("pairs") or {}
    poles = data.get("poles") or {}
    if not isinstance(poles, dict) or not poles:
        raise _error(path, "poles must be a mapping of pole name to a list of forms")
    source = _source_fields(data, path) if path.stem == SOURCE_LANG else {}
    window, scope = _negation_scope(neg, path)
    lex = Lexicon(
        lang=str(data.get("language") or path.stem), name=str(data.get("name") or path.stem), path=str(path),
        poles=tuple((str(p), _strings(f, path, f"poles.{p}")) for p, f in poles.items()),
        neutral=_strings(data.get("neutral"), path, "neutral"),
        negations=frozenset(w.lower() for w in _strings(neg.get("words"), path, "negation.words")),
        window=window, scope=scope,
        openers=frozenset(_strings(pairs.get("openers"), path, "negation.pairs.openers")),
        closers=frozenset(_strings(pairs.get("closers"), path, "negation.pairs.closers")),
        prefixes=tuple(sorted(_strings(data.get("prefixes"), path, "prefixes"), key=len, reverse=True)),
        elision=bool(data.get("elision", False)), strip_marks=bool(data.get("strip_marks", False)), **source)
    if path.stem != SOURCE_LANG:
        _known_poles(lex, path)
    return lex


def source_concepts() -> Lexicon:
    """The source language's lexicon, which declares the axes (opposite poles) and the claims."""
    return _load(_source_path(str(LANG_DIR)))


@lru_cache(maxsize=8)
def _source_path(folder: str) -> str:
    return str(Path(folder) / f"{SOURCE_LANG}.yaml")


def lexicon(locale: str) -> Lexicon | None:
    """The lexicon for ``locale`` (``pt_BR`` falls back to ``pt``), or None when the language has none.

    Raises :class:`~l10n.errors.ConfigError` (naming the file and line) for a broken data file.
    """
    path = _file_for(locale)
    return _load(str(path)) if path is not None else None


# ---------------------------------------------------------------------------------------------- matching

class _Matcher:
    """Patterns indexed by their first token; a text read clause by clause, longest pattern first."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.word = _WORD_ELIDED if lex.elision else _WORD
        pats: list[_Pattern] = []
        for pole, forms in lex.poles:
            pats.extend(self._pattern(f, pole) for f in forms)
        pats.extend(self._pattern(f, None) for f in lex.neutral)
        pats = [p for p in pats if p.toks and p.toks[0] != _GAP]
        # longest first (a gap counts as one token), then the neutral phrase first on a tie
        pats.sort(key=_rank)
        self._cands: dict[str, tuple[_Pattern, ...]] = {}
        #: words known to start no pattern and to be no negation
        self.plain: set[str] = set()
        #: the readings of a clause (its digits written 0: numbers are never part of a pattern)
        self.clauses: dict[str, tuple[Reading, ...]] = {}
        self.exact: dict[str, list[_Pattern]] = {}
        self.stems: dict[str, list[_Pattern]] = {}
        self.suffixes: list[_Pattern] = []
        for p in pats:
            first = p.toks[0]
            if first.startswith("*"):
                self.suffixes.append(p)
            elif first.endswith("*"):
                self.stems.setdefault(first[:2], []).append(p)
            else:
                self.exact.setdefault(first, []).append(p)

    def _pattern(self, form: str, pole: str | None) -> _Pattern:
        toks: list[str] = []
        for piece in _fold(form, self.lex).split():
            if piece == _GAP:
                toks.append(_GAP)
                continue
            stem = piece.endswith("*")
            suffix = piece.startswith("*")
            words = self.word.findall(piece.strip("*"))
            if stem and words:
                words[-1] += "*"
            if suffix and words:
                words[0] = "*" + words[0]
            toks.extend(words)
        need = ("", 0)
        if len(toks) > 1 and not self.lex.prefixes:
            for k, t in enumerate(toks[1:], 1):
                if t != _GAP and "*" not in t:
                    need = (t, k + _GAP_MAX * toks[1:k].count(_GAP))
                    break
        return _Pattern(tuple(toks), pole, form, need)

    def variants(self, word: str) -> tuple[str, ...]:
        """The word, then the word without its clitic prefixes (Arabic "والكحول" → "الكحول", "كحول")."""
        prefixes = self.lex.prefixes
        if not prefixes:
            return (word,)
        out = [word]
        for _ in range(2):
            w = out[-1]
            for p in prefixes:
                if w.startswith(p) and len(w) - len(p) >= 2:
                    out.append(w[len(p):])
                    break
            else:
                break
        return tuple(out)

    def candidates(self, word: str) -> tuple[_Pattern, ...]:
        """The patterns whose first token matches ``word``, best first (cached per word)."""
        found = self._cands.get(word)
        if found is None:
            if len(self._cands) > _MAX_WORDS:
                self._cands.clear()
            found = self._cands[word] = self._candidates(word)
        return found

    def learn_plain(self, word: str) -> None:
        """Remember a word that starts no pattern and is no negation (skipped from then on)."""
        if len(self.plain) > _MAX_WORDS:
            self.plain.clear()
        self.plain.add(word)

    def _candidates(self, word: str) -> tuple[_Pattern, ...]:
        found: list[_Pattern] = []
        for v in self.variants(word):
            found.extend(self.exact.get(v, ()))
            for p in self.stems.get(v[:2], ()):
                if v.startswith(p.toks[0][:-1]):
                    found.append(p)
            for p in self.suffixes:
                if _suffix_ok(p.toks[0], v):
                    found.append(p)
        if len(found) > 1:
            found.sort(key=_rank)
        return tuple(found)

    def _tok_ok(self, tok: str, word: str) -> bool:
        if tok == word:
            return True
        if not self.lex.prefixes and "*" not in tok:
            return False
        for v in self.variants(word):
            if v == tok or (tok.endswith("*") and v.startswith(tok[:-1])) or _suffix_ok(tok, v):
                return True
        return False

    def match_at(self, pat: _Pattern, words: list[str], i: int) -> int:
        """The end of a match of ``pat`` at ``words[i]`` (its first token already matched), or -1."""
        toks = pat.toks
        if len(toks) == 1:
            return i + 1
        if _GAP not in toks:
            if i + len(toks) > len(words):
                return -1
            for k in range(1, len(toks)):
                t, w = toks[k], words[i + k]
                if t != w and not self._tok_ok(t, w):
                    return -1
            return i + len(toks)

        def rest(k: int, j: int) -> int:
            if k == len(pat.toks):
                return j
            tok = pat.toks[k]
            if tok == _GAP:
                for skip in range(_GAP_MAX + 1):
                    if j + skip > len(words):
                        break
                    end = rest(k + 1, j + skip)
                    if end >= 0:
                        return end
                return -1
            if j < len(words) and self._tok_ok(tok, words[j]):
                return rest(k + 1, j + 1)
            return -1

        return rest(1, i + 1)


def _rank(p: _Pattern) -> tuple[int, bool, bool]:
    """Longest first; on a tie, a neutral phrase, then a pattern whose first word is not a suffix."""
    return (-len(p.toks), p.pole is not None, p.toks[0].startswith("*"))


def _suffix_ok(tok: str, word: str) -> bool:
    """A ``*er`` token: a word of at least three more letters ending so (German "wirksamer", not "er")."""
    return tok.startswith("*") and len(word) >= len(tok) + 2 and word.endswith(tok[1:])


@lru_cache(maxsize=64)
def _matcher(path: str) -> _Matcher:
    return _Matcher(_load(path))


def _fold(text: str, lex: Lexicon) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if lex.strip_marks:
            text = _MARKS.sub("", text)
    return text.lower().replace("’", "'")


def analyse(lex: Lexicon, text: str) -> tuple[Reading, ...]:
    """The poles of ``text`` in reading order, each after the negation that governs it.

    >>> en = source_concepts()
    >>> [r.pole for r in analyse(en, "Do not use it; avoid alcohol and take no more than 2 g.")]
    ['avoid', 'avoid', 'use', 'at_most']
    """
    m = _matcher(lex.path)
    out: list[Reading] = []
    clauses = m.clauses
    for clause in _CLAUSE.split(_fold(plain_text(text), lex)):
        # clauses repeat across entries, often with other numbers ("Take 2 g with food"): read once
        key = _DIGITS.sub("0", clause) if _HAS_DIGIT(clause) else clause
        known = clauses.get(key)
        if known is None:
            if len(clauses) > _MAX_WORDS:
                clauses.clear()
            known = clauses[key] = _read_clause(m, lex, clause)
        out.extend(known)
    return tuple(out)


#: a pole found in a clause: (first word, end, pole, the words read)
_Found = tuple[int, int, str, str]


def _read_clause(m: _Matcher, lex: Lexicon, clause: str) -> tuple[Reading, ...]:
    """The readings of one clause of folded text (``m``: the matcher of ``lex``)."""
    words = m.word.findall(clause)
    # only the words that can start a pattern or are a negation are walked (one pass in C for the rest)
    plain = m.plain
    starts = [k for k, w in enumerate(words) if w not in plain]
    if not starts:
        return ()
    found, negs = _scan(m, lex, words, starts)
    if not found:
        return ()
    negated = _governed(found, negs, lex) if negs else set()
    opposite = _opposites()
    out = []
    for k, (_start, _end, pole, ws) in enumerate(found):
        if k in negated:
            pole = opposite.get(pole, pole if pole.startswith(NOT) else NOT + pole)
        out.append(Reading(pole, ws, k in negated))
    return tuple(out)


def _first_match(m: _Matcher, cands: tuple[_Pattern, ...], words: list[str], i: int) -> tuple[int, _Pattern | None]:
    """(end, pattern) of the first of ``cands`` that matches at ``words[i]``; (-1, None) when none does."""
    for pat in cands:
        word, reach = pat.need
        if reach and word not in words[i + 1:i + 1 + reach]:
            continue  # the phrase's next fixed word is not there
        end = i + 1 if len(pat.toks) == 1 else m.match_at(pat, words, i)
        if end >= 0:
            return end, pat
    return -1, None


def _scan(m: _Matcher, lex: Lexicon, words: list[str], starts: list[int]) -> tuple[list[_Found], list[int]]:
    """(the poles, the positions of the negations) of a clause's ``words``, walking the ``starts`` only."""
    negations = lex.negations
    cands_get = m._cands.get
    found: list[_Found] = []
    negs: list[int] = []
    opened = False
    nxt = 0
    for i in starts:
        if i < nxt:
            continue  # inside a phrase already read
        w = words[i]
        cands = cands_get(w)
        if cands is None:
            cands = m.candidates(w)
            if not cands and w not in negations:
                m.learn_plain(w)
                continue
        if cands:
            end, pat = _first_match(m, cands, words, i)
            if pat is not None:
                if pat.pole is not None:
                    found.append((i, end, pat.pole, " ".join(words[i:end])))
                nxt = end
                continue
        if w in negations and not (opened and w in lex.closers):  # "ne … pas": the closer is the same negation
            negs.append(i)
            opened = opened or w in lex.openers
    return found, negs


def _governed(found: list[_Found], negs: list[int], lex: Lexicon) -> set[int]:
    """The poles of ``found`` (their indices) a negation at ``negs`` governs: the nearest pole after it within
    the window; with scope "clause", else the nearest before it. A fixed pole is never flipped."""
    fixed = source_concepts().fixed
    flippable = [k for k, f in enumerate(found) if f[2] not in fixed]
    negated: set[int] = set()
    for j in negs:
        after = [k for k in flippable if k not in negated and 0 < found[k][0] - j <= lex.window]
        target = after[0] if after else None
        if target is None and lex.scope == "clause":
            before = [k for k in flippable if k not in negated and 0 < j - (found[k][1] - 1) <= lex.window]
            target = before[-1] if before else None
        if target is not None:
            negated.add(target)
    return negated


@lru_cache(maxsize=1)
def _opposites() -> dict[str, str]:
    concepts = source_concepts()
    out: dict[str, str] = dict(concepts.flips)
    for a, b in concepts.axes:  # else a pole's first axis names its opposite
        out.setdefault(a, b)
        out.setdefault(b, a)
    return out


def trigger_regex(ctx: CatalogContext, feature: str) -> re.Pattern[str] | None:
    """For the runner's trigger pass: a regex matching (on folded text) every word that can start a source
    pole ("polarity-src") or a target claim ("claim-tgt"); None when the language has no data."""
    if ctx.lang == ctx.source_lang:
        return None
    lex = lexicon(ctx.locale)
    if lex is None:
        return None
    if feature == "polarity-src":
        lex = lexicon(ctx.source_lang)
        if lex is None:
            return None
        poles = None
    else:
        poles = set(source_concepts().claims)
    return _trigger(lex.path, tuple(sorted(poles)) if poles is not None else None)


@lru_cache(maxsize=128)
def _trigger(path: str, poles: tuple[str, ...] | None) -> re.Pattern[str] | None:
    m = _matcher(path)
    if any(p.pole is not None and (poles is None or p.pole in poles) for p in m.suffixes):
        return re.compile(r"[^\W_]")  # a suffix can end any word: every entry with a word has the feature
    words: set[str] = set()
    prefixes: set[str] = set()
    for table in (m.exact, m.stems):
        for pats in table.values():
            for p in pats:
                if p.pole is None or (poles is not None and p.pole not in poles):
                    continue
                first = p.toks[0]
                clitics = ("",) + m.lex.prefixes
                for c in clitics:
                    if first.endswith("*"):
                        prefixes.add(c + first[:-1])
                    else:
                        words.add(c + first)
    if m.lex.strip_marks:
        # the trigger pass reads the text with its harakat: allow them between the letters
        marks = f"[{_MARKS.pattern[1:-1]}]*"

        def tolerant(w: str) -> str:
            return marks.join(re.escape(ch) for ch in w)

        alts = [tolerant(w) + r"(?![^\W_])" for w in sorted(words, key=len, reverse=True)]
        alts += [tolerant(w) for w in sorted(prefixes, key=len, reverse=True)]
        return re.compile("|".join(alts)) if alts else None
    return word_regex(tuple(sorted(words)), tuple(sorted(prefixes)))


def lexical_negations(locale: str, source: str, translation: str, source_locale: str = SOURCE_LANG) -> int:
    """How many negations of ``source`` the translation carries in a word rather than a "not".

    For the negation checks (L10N311): "Do not drink alcohol" → "Evite el alcohol", "no more than 4 g" →
    "como máximo 4 g", "not safe" → "peligroso" keep their negation in *evite*, *como máximo*, *peligroso*.
    A source negation counts when it governs a pole (or is part of a phrase of one: "no more than") and the
    translation has that pole, as written, without a negation of its own. 0 when either language has no
    lexicon.
    """
    src_lex, tgt_lex = lexicon(source_locale), lexicon(locale)
    if src_lex is None or tgt_lex is None:
        return 0

    def negative(r: Reading, lex: Lexicon) -> bool:
        return r.negated or any(w in lex.negations for w in r.words.split())

    wanted: dict[str, int] = {}
    for r in analyse(src_lex, source):
        if negative(r, src_lex):
            wanted[r.pole] = wanted.get(r.pole, 0) + 1
    if not wanted:
        return 0
    have: dict[str, int] = {}
    for r in analyse(tgt_lex, translation):
        if not negative(r, tgt_lex):
            have[r.pole] = have.get(r.pole, 0) + 1
    return sum(min(n, have.get(p, 0)) for p, n in wanted.items())


# ---------------------------------------------------------------------------------------------- checks

_NONE: tuple[tuple[str, ...], ...] = ((), (), (), ())
_LAST: list[Any] = [None, None, None, None, None]  # (entry, msgid, msgstr, ctx, messages): shared by the checks


def _messages(entry: polib.POEntry, ctx: CatalogContext) -> tuple[tuple[str, ...], ...]:
    """The messages of L10N321, L10N322, L10N323 and L10N324 for ``entry``, computed once for the checks."""
    last = _LAST
    if last[0] is entry and last[1] is entry.msgid and last[2] is entry.msgstr and last[3] is ctx:
        return last[4]
    found = _compute(entry, ctx)
    last[:] = [entry, entry.msgid, entry.msgstr, ctx, found]
    return found


def _compute(entry: polib.POEntry, ctx: CatalogContext) -> tuple[tuple[str, ...], ...]:
    if entry.msgid_plural or ctx.lang == ctx.source_lang or entry.msgstr.strip() == entry.msgid.strip():
        return _NONE
    src_lex, tgt_lex = ctx.memo("polarity-lexicons", lambda: (lexicon(ctx.source_lang), lexicon(ctx.locale)))
    if src_lex is None or tgt_lex is None:
        return _NONE
    tgt = ctx.tgt("polarity", entry.msgstr, lambda: analyse(tgt_lex, entry.msgstr))
    if not tgt:  # nothing gained, nothing claimed, nothing negated
        return _NONE
    src = ctx.src("polarity", entry.msgid, lambda: analyse(src_lex, entry.msgid))
    return _decide(src, tgt)


@lru_cache(maxsize=8192)
def _decide(src: tuple[Reading, ...], tgt: tuple[Reading, ...]) -> tuple[tuple[str, ...], ...]:
    """The messages for the readings of a source and its translation (the same readings recur often)."""
    # cs, ct: every reading by its pole after negation; ls, lt: the readings no negation governs. A pole
    # is lost or gained only as written (no negation): a negation the other language expresses otherwise
    # ("cannot be used" → "impossible d'utiliser", "ne peut être utilisé que") must not make a reversal;
    # a negated pole only explains its opposite ("Do not use" → "Evite").
    cs: dict[str, int] = {}
    ct: dict[str, int] = {}
    ls: dict[str, int] = {}
    lt: dict[str, int] = {}
    for r in src:
        cs[r.pole] = cs.get(r.pole, 0) + 1
        if not r.negated:
            ls[r.pole] = ls.get(r.pole, 0) + 1
    for r in tgt:
        ct[r.pole] = ct.get(r.pole, 0) + 1
        if not r.negated:
            lt[r.pole] = lt.get(r.pole, 0) + 1
    concepts = source_concepts()
    reversed_: list[str] = []
    weak: list[str] = []
    for a, b in concepts.axes:
        if a not in ls and b not in ls:
            continue
        for p, q in ((a, b), (b, a)):
            if ls.get(p, 0) and not ct.get(p, 0) and lt.get(q, 0) > cs.get(q, 0):
                (weak if p in concepts.weak or q in concepts.weak else reversed_).append(
                    f"the source says {_name(p)} ({_said(src, p)}), the translation says {_name(q)} "
                    f"({_said(tgt, q)}) instead")
                break
    added: list[str] = []
    negated: list[str] = []
    for c in concepts.claims:
        if lt.get(c, 0) > cs.get(c, 0):
            added.append(f"the translation claims {_name(c)} ({_said(tgt, c)}) where the source "
                         + (f"says {_name(NOT + c)} ({_said(src, NOT + c)})" if cs.get(NOT + c)
                            else "makes no such claim"))
        n = NOT + c
        if ls.get(c, 0) > ct.get(c, 0) and ct.get(n, 0) > cs.get(n, 0):
            negated.append(f"the source says {_name(c)} ({_said(src, c)}), the translation says {_name(n)} "
                           f"({_said(tgt, n)})")
    return tuple(reversed_), tuple(added), tuple(negated), tuple(weak)


def _said(readings: tuple[Reading, ...], pole: str) -> str:
    return ", ".join(repr(w) for w in dict.fromkeys(r.words for r in readings if r.pole == pole))


def _name(pole: str) -> str:
    return ("not " + pole[len(NOT):] if pole.startswith(NOT) else pole).replace("_", " ")


@check("L10N321", "polarity-reversed", Severity.ERROR, when=("polarity-src",))
def polarity_reversed(entry: polib.POEntry, ctx: CatalogContext):
    """The translation says the opposite of the source: avoid became use, contraindicated became indicated,
    unsafe became safe, increase became decrease, at least became at most.

    Reported only when the translation has none of a pole the source writes and gained its opposite; a
    paraphrase that has neither is not reported. A negation is read with the word it governs: "do not use"
    is avoid, and only explains an opposite ("Do not use" → "Evite"), never makes a reversal by itself.
    Prepositions and comparisons (with/without, before/after, less/more) are L10N324.
    """
    yield from _messages(entry, ctx)[0]


@check("L10N322", "claim-added", Severity.ERROR, when=("claim-tgt",))
def claim_added(entry: polib.POEntry, ctx: CatalogContext):
    """The translation makes a claim the source does not make: approved, proven, cures, guaranteed, no side
    effects (a negated claim — "not approved" — is no claim)."""
    yield from _messages(entry, ctx)[1]


@check("L10N323", "claim-negated", Severity.ERROR, when=("polarity-src",))
def claim_negated(entry: polib.POEntry, ctx: CatalogContext):
    """The translation negates a claim the source makes ("approved" became "not approved")."""
    yield from _messages(entry, ctx)[2]


@check("L10N324", "direction-changed", Severity.INFO, when=("polarity-src",))
def direction_changed(entry: polib.POEntry, ctx: CatalogContext):
    """A preposition or comparison of the source seems reversed in the translation (with became without,
    before became after, less became more): information only, as languages word these too differently to be
    sure (on Debian's catalogs, 6 of a sample of 30 were defects).

    Same rule as L10N321, on the axes the source lexicon marks ``weak``: the translation has none of the
    source's pole and gained its opposite ("Take with food" → "Tome sin alimentos"; "less effective" →
    "más eficaz").
    """
    yield from _messages(entry, ctx)[3]
