"""Numbers written in words ("cinco gramos", "trois heures"), read by value.

A translation that turns "5 g" into "cinco gramos" keeps the dose; one that
turns "two tablets" into "cuatro comprimidos" changes it. The number checks
(L10N30x) read these words as numbers.

The words come from num2words, the maintained number-spelling library, per
language: the cardinals 2 to 100, the hundreds and the thousands up to 20,000,
with the forms it does not give (feminine "duas", "dues", "doscientas",
"vint-i-una"; apocopated "veintiún"; French "deux cent" before a number and
the 1990 hyphenated spellings). Adjacent words make one number, as a reader
reads them: "doscientos cincuenta" is 250, "twenty four" is 24,
"deux cent cinquante" is 250.

Some words are read as numbers but are *weak*: they pair with a number of the
other side ("un gramo" is "1 g", "deu o quinze minuts" is "10 or 15 minutes")
and are never reported on their own, because they are often something else:

- 1: "un", "une", "uno", "um", "one" are articles and pronouns first;
- Catalan "nou" (new), "deu" (must), "set" (thirst); French "neuf" (new);
- a number after a definite article ("los dos", "les deux": both), "both",
  "un par de" (a couple of) and "half"/"medio"/"demi" (0.5).

"twice" and "thrice" are 2 and 3 times. "cent"/"cien" after "por", "pour" or
"per" is part of "per cent", not 100.
A language num2words does not know has no number words (digits still count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from l10n.checks.context import _tokens

__all__ = ["NumberWords", "has_number_words", "lexicon", "word_numbers"]

#: the tokeniser of the word checks (context._TOKEN) with the Catalan middle dot: "vingt-cinq" and "mil·ligrams"
#: are one word, "5dos" and "dos'" are not "dos"
_WORD = re.compile(r"[^\W_]+(?:['’\-·][^\W_]+)*'?", re.UNICODE)
#: what may stand between the words of one number ("treinta y cinco", "deux cent cinquante")
_GAP = re.compile(r"[ \u00a0\u202f\u2009]+")
#: what may join two numbers written in words into one ("doscientos cincuenta", "mil y quinientos")
_JOIN = re.compile(r"[ \u00a0\u202f\u2009]+(?:(?:y|e|et|i|and)[ \u00a0\u202f\u2009]+)?|-")

#: words that are more often something else than a number: weak
AMBIGUOUS: dict[str, frozenset[str]] = {
    "ca": frozenset({"nou", "deu", "set"}),
    "fr": frozenset({"neuf"}),
}

#: the words for 1 (weak: "un gramo" is 1 g, "un estudio" is not a count), per language
ONE: dict[str, tuple[str, ...]] = {
    "en": ("one",), "es": ("un", "uno", "una"), "ca": ("un", "una"), "fr": ("un", "une"), "pt": ("um", "uma"),
}

#: weak numbers: "both", "a couple of", "half" (pair with a number, never reported on their own)
WEAK: dict[str, dict[str, Decimal]] = {
    "en": {"both": Decimal(2), "couple": Decimal(2), "half": Decimal("0.5"), "once": Decimal(1),
           "quarter": Decimal("0.25"), "three quarters": Decimal("0.75")},
    "es": {"un par de": Decimal(2), "ambos": Decimal(2), "ambas": Decimal(2), "medio": Decimal("0.5"),
           "media": Decimal("0.5"), "un cuarto": Decimal("0.25"), "tres cuartos": Decimal("0.75"),
           "un cuarto de hora": Decimal("0.25"), "cuarto de hora": Decimal("0.25")},
    "ca": {"un parell de": Decimal(2), "ambdós": Decimal(2), "ambdues": Decimal(2), "mig": Decimal("0.5"),
           "mitja": Decimal("0.5"), "un quart": Decimal("0.25"), "tres quarts": Decimal("0.75"),
           "un quart d'hora": Decimal("0.25"), "quart d'hora": Decimal("0.25")},
    "fr": {"une paire de": Decimal(2), "demi": Decimal("0.5"), "demie": Decimal("0.5"), "moitié": Decimal("0.5"),
           "demi-heure": Decimal("0.5"), "demi-journée": Decimal("0.5"), "un quart d'heure": Decimal("0.25"),
           "quart d'heure": Decimal("0.25"),
           "un quart": Decimal("0.25"), "trois quarts": Decimal("0.75")},
    "pt": {"um par de": Decimal(2), "ambos": Decimal(2), "ambas": Decimal(2), "meio": Decimal("0.5"),
           "meia": Decimal("0.5"), "metade": Decimal("0.5"), "um quarto": Decimal("0.25"),
           "três quartos": Decimal("0.75"), "um quarto de hora": Decimal("0.25"), "quarto de hora": Decimal("0.25")},
}

#: definite articles: a number after one is weak ("los dos comprimidos": both tablets)
ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"the"}), "es": frozenset({"los", "las"}), "ca": frozenset({"els", "les"}),
    "fr": frozenset({"les"}), "pt": frozenset({"os", "as"}),
}

#: words that carry their unit: "twice" is 2 times
INTRINSIC_UNIT: dict[str, str] = {"twice": "times", "thrice": "times", "once": "times", "demi-heure": "h",
                                  "demi-journée": "day", **{q: "h" for q in (
                                      "un quart d'heure", "quart d'heure", "un cuarto de hora", "cuarto de hora",
                                      "un quart d'hora", "quart d'hora", "um quarto de hora", "quarto de hora")}}

#: elided words before a number word: "moins d'un gramme", "qu'une gélule", "jusqu'à deux"
_ELISIONS = ("jusqu'", "qu'", "d'", "l'", "s'", "n'")

#: words after which "cent"/"cien" is "per cent", not a number
PERCENT_LEAD = frozenset({"por", "pour", "per"})

#: forms num2words does not produce, per language: word -> value
EXTRA: dict[str, dict[str, int]] = {
    "pt": {"duas": 2, "cento": 100, "duzentas": 200, "trezentas": 300, "quatrocentas": 400, "quinhentas": 500,
           "seiscentas": 600, "setecentas": 700, "oitocentas": 800, "novecentas": 900},
    "ca": {"dues": 2, "dues-centes": 200, "tres-centes": 300, "quatre-centes": 400, "cinc-centes": 500,
           "sis-centes": 600, "set-centes": 700, "vuit-centes": 800, "nou-centes": 900},
    "es": {"doscientas": 200, "trescientas": 300, "cuatrocientas": 400, "quinientas": 500, "seiscientas": 600,
           "setecientas": 700, "ochocientas": 800, "novecientas": 900, "veintiuna": 21, "veintiún": 21,
           "veintidós": 22, "veintitrés": 23, "veintiséis": 26, "cien": 100, "ciento": 100},
    "fr": {f"{w} cent": n * 100 for w, n in (("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6),
                                                ("sept", 7), ("huit", 8), ("neuf", 9))},
    "en": {"hundred": 100, "thousand": 1000, "twice": 2, "thrice": 3},  # "a hundred": not "a", a common first word
}

#: the last word of a compound and its other forms (feminine, apocopated): "treinta y uno" -> "treinta y una"
_ENDINGS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "es": (("uno", ("un", "una")),),
    "pt": (("um", ("uma",)), ("dois", ("duas",))),
    "ca": (("-un", ("-una",)), ("-dos", ("-dues",)), ("un", ("una",)), ("dos", ("dues",))),
    "fr": (("un", ("une",)),),
}


@dataclass(frozen=True)
class NumberWords:
    """The number words of one language: phrases (tuples of lower-case words) and their values.

    ``weak`` phrases pair with a number of the other side but are never reported on their own.
    """

    phrases: dict[tuple[str, ...], int]
    weak: dict[tuple[str, ...], Decimal]
    firsts: frozenset[str]
    longest: int


def _words(text: str) -> tuple[str, ...]:
    return _tokens(text)


def _variants(phrase: tuple[str, ...], lang: str) -> list[tuple[str, ...]]:
    """Other forms of a compound: "treinta y uno" -> "treinta y un", "treinta y una"; French 1990 hyphens."""
    out = []
    last = phrase[-1]
    for ending, others in _ENDINGS.get(lang, ()):
        if last.endswith(ending) and not (len(phrase) == 1 and last == ending):  # 1 and 2 alone: ONE, EXTRA
            out += [phrase[:-1] + (last[: len(last) - len(ending)] + other,) for other in others]
    if lang == "fr" and len(phrase) > 1:
        out.append(("-".join(phrase),))  # the 1990 spelling: "vingt-et-un", "deux-cent-cinquante"
    return out


@lru_cache(maxsize=32)
def lexicon(lang: str) -> NumberWords | None:
    """The number words of ``lang`` (a language code: ``es``, ``pt``...), or None if num2words has none."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - a core dependency
        return None
    code = {"pt": "pt_BR"}.get(lang, lang)
    values = list(range(2, 101)) + list(range(200, 1001, 100)) + list(range(2000, 20001, 1000))
    phrases: dict[tuple[str, ...], int] = {}
    try:
        for n in values:
            phrase = _words(num2words(n, lang=code))
            phrases.setdefault(phrase, n)
            for v in _variants(phrase, lang):
                phrases.setdefault(v, n)
    except (NotImplementedError, KeyError, ValueError, TypeError, OverflowError):
        return None
    for text, n in EXTRA.get(lang, {}).items():
        phrases.setdefault(_words(text), n)
    skip = AMBIGUOUS.get(lang, frozenset())
    weak: dict[tuple[str, ...], Decimal] = {p: Decimal(n) for p, n in phrases.items() if len(p) == 1 and p[0] in skip}
    weak.update({(w,): Decimal(1) for w in ONE.get(lang, ())})
    weak.update({_words(w): v for w, v in WEAK.get(lang, {}).items()})
    phrases = {p: n for p, n in phrases.items() if p and p not in weak}
    if not phrases:
        return None
    every = list(phrases) + list(weak)
    return NumberWords(phrases, weak, frozenset(p[0] for p in every), max(map(len, every)))


def _place(value: int) -> int:
    """The smallest place a following number may fill: 250 = 200 + 50, 24 = 20 + 4, 2300 = 2000 + 300."""
    for p in (1000, 100, 10):
        if value % p == 0 and (p != 10 or value < 100):
            return p
    return 0


_Word = tuple[int, int, str]  # (start, end, folded word)
_Found = tuple[int, int, Decimal, bool]  # (start, end, value, weak)


def _folded(text: str) -> str:
    """``text`` in lower case with typographic apostrophes straight, at the same offsets."""
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # a character whose lower case is longer: offsets would shift
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("’", "'")
    return folded


def _unelided(w: str, start: int, firsts: frozenset[str]) -> tuple[str, int]:
    """(word, start) with an elided word before a number word dropped: "d'un", "qu'une"; not "d'heure"."""
    if "'" in w[:-1] and w not in firsts:
        for e in _ELISIONS:
            if w.startswith(e) and w[len(e):] in firsts:
                return w[len(e):], start + len(e)
    return w, start


def _words_of(folded: str, firsts: frozenset[str]) -> list[_Word]:
    out = []
    for m in _WORD.finditer(folded):
        w, start = _unelided(m.group(), m.start(), firsts)
        out.append((start, m.end(), w))
    return out


def _per_cent(words: list[_Word], i: int) -> bool:
    """Whether ``words[i]`` is the "cent" of "por ciento", "pour cent", "per cent"."""
    return bool(i) and words[i - 1][2] in PERCENT_LEAD and words[i][2] in ("cent", "cien", "ciento", "cento")


def _phrase_at(folded: str, words: list[_Word], i: int, lex: NumberWords,
               articles: frozenset[str]) -> tuple[_Found, int] | None:
    """(the number, how many words it takes) of the longest number phrase at ``words[i]``, or None."""
    for k in range(min(lex.longest, len(words) - i), 0, -1):
        span = words[i:i + k]
        key = tuple(w for _s, _e, w in span)
        value = lex.phrases.get(key)
        is_weak = value is None
        if is_weak:
            value = lex.weak.get(key)
        if value is not None and all(_GAP.fullmatch(folded, a[1], b[0]) for a, b in zip(span, span[1:])):
            is_weak = is_weak or bool(i and words[i - 1][2] in articles
                                      and _GAP.fullmatch(folded, words[i - 1][1], span[0][0]))
            return (span[0][0], span[-1][1], Decimal(value), is_weak), k
    return None


def _phrases(folded: str, words: list[_Word], lex: NumberWords, lang: str) -> list[_Found]:
    """Each number phrase of ``words``, longest first, read left to right."""
    articles = ARTICLES.get(lang, frozenset())
    found: list[_Found] = []
    i = 0
    while i < len(words):
        hit = None if words[i][2] not in lex.firsts or _per_cent(words, i) else \
            _phrase_at(folded, words, i, lex, articles)
        if hit is None:
            i += 1
            continue
        found.append(hit[0])
        i += hit[1]
    return found


def _joined(folded: str, prev: _Found, cur: _Found) -> _Found | None:
    """``prev`` and ``cur`` read as one number ("doscientos cincuenta", "deux cent"), or None."""
    p_start, p_end, p_value, _w = prev
    start, end, value, _w = cur
    place = _place(int(p_value)) if p_value == int(p_value) else 0
    if place and value < place and _JOIN.fullmatch(folded, p_end, start):
        return (p_start, end, p_value + value, False)
    if value in (100, 1000) and p_value < value and (value == 1000 or p_value < 10) \
            and _GAP.fullmatch(folded, p_end, start):
        return (p_start, end, p_value * value, False)  # "deux cent", "cincuenta mil"
    return None


def _merged(folded: str, found: list[_Found]) -> list[_Found]:
    """Adjacent words make one number: "doscientos cincuenta", "twenty four", "mil quinientos", "deux cent un"."""
    merged: list[_Found] = []
    for cur in found:
        if merged and not cur[3] and not merged[-1][3]:
            joined = _joined(folded, merged[-1], cur)
            if joined is not None:
                merged[-1] = joined
                continue
        merged.append(cur)
    return merged


def word_numbers(text: str, lang: str) -> Iterator[tuple[int, int, Decimal, bool, str | None]]:
    """(start, end, value, weak, unit it carries) of each number written in words in ``text``.

    >>> [v for _s, _e, v, _w, _u in word_numbers("Tome treinta y cinco gotas, dos veces al día.", "es")]
    [Decimal('35'), Decimal('2')]
    >>> [(v, w) for _s, _e, v, w, _u in word_numbers("Tome doscientos cincuenta mg, los dos.", "es")]
    [(Decimal('250'), False), (Decimal('2'), True)]
    """
    lex = lexicon(lang)
    if lex is None:
        return
    folded = _folded(text)
    words = _words_of(folded, lex.firsts)
    if not words or lex.firsts.isdisjoint(w for _s, _e, w in words):
        return
    for start, end, value, is_weak in _merged(folded, _phrases(folded, words, lex, lang)):
        yield start, end, value, is_weak, INTRINSIC_UNIT.get(folded[start:end])


def has_number_words(text: str, lang: str) -> bool:
    """Whether a text holds a word that can start a number of ``lang`` (on the word checks' tokens, elided
    words too: "d'onze" is read by :func:`word_numbers`)."""
    lex = lexicon(lang)
    if lex is None:
        return False
    toks = _tokens(text)
    if not lex.firsts.isdisjoint(toks):
        return True
    return any(t[len(e):] in lex.firsts for t in toks if "'" in t[:-1] for e in _ELISIONS if t.startswith(e))
