"""Numbers written in words ("cinco gramos", "trois heures"), read by value.

A translation that turns "5 g" into "cinco gramos" keeps the dose; one that
writes "seis gramos", or adds "tres horas" where the source gives no number,
changes it. The number checks (L10N30x) read these words as numbers.

The words come from num2words, the maintained number-spelling library, per
language: the cardinals 2 to 100, the hundreds and the thousands up to 20,000
(a number between, "doscientos cincuenta", is read as its parts: 200 and 50), plus the
feminine forms it does not give ("duas", "dues", "doscientas"). Some words are
never read as numbers:

- 0 and 1: "un", "une", "uno", "um", "one" are articles and pronouns far more
  often than counts;
- words that are also common other words in health text: Catalan "nou" (new),
  "deu" (must), "set" (thirst); French "neuf" (new).

A language num2words does not know has no number words (digits still count).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from l10n.checks.context import _tokens

__all__ = ["NumberWords", "lexicon", "word_numbers"]

#: the tokeniser of the word checks (context._TOKEN): "vingt-cinq" is one word, "5dos" and "dos'" are not "dos"
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*'?", re.UNICODE)
#: what may stand between the words of one number ("treinta y cinco", "deux cent cinquante")
_GAP = re.compile(r"[ \u00a0\u202f\u2009]+")

#: words that are more often something else than a number, per language
AMBIGUOUS: dict[str, frozenset[str]] = {
    "ca": frozenset({"nou", "deu", "set"}),
    "fr": frozenset({"neuf"}),
}

#: feminine and other forms num2words does not produce, per language: word -> value
EXTRA: dict[str, dict[str, int]] = {
    "pt": {"duas": 2, "duzentas": 200, "trezentas": 300, "quatrocentas": 400, "quinhentas": 500,
           "seiscentas": 600, "setecentas": 700, "oitocentas": 800, "novecentas": 900},
    "ca": {"dues": 2, "dues-centes": 200, "tres-centes": 300, "quatre-centes": 400, "cinc-centes": 500,
           "sis-centes": 600, "set-centes": 700, "vuit-centes": 800, "nou-centes": 900},
    "es": {"doscientas": 200, "trescientas": 300, "cuatrocientas": 400, "quinientas": 500, "seiscientas": 600,
           "setecientas": 700, "ochocientas": 800, "novecientas": 900, "veintiuna": 21, "veintidós": 22,
           "veintitrés": 23, "veintiséis": 26},
    "en": {"a hundred": 100, "a thousand": 1000},
}


@dataclass(frozen=True)
class NumberWords:
    """The number words of one language: phrases (tuples of lower-case words) and their values."""

    phrases: dict[tuple[str, ...], int]
    firsts: frozenset[str]
    longest: int


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFC", text).lower().replace("’", "'")))


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
            phrases.setdefault(_words(num2words(n, lang=code)), n)
    except (NotImplementedError, KeyError, ValueError, TypeError):
        return None
    for text, n in EXTRA.get(lang, {}).items():
        phrases.setdefault(_words(text), n)
    skip = AMBIGUOUS.get(lang, frozenset())
    phrases = {p: n for p, n in phrases.items() if p and not (len(p) == 1 and p[0] in skip)}
    if not phrases:
        return None
    return NumberWords(phrases, frozenset(p[0] for p in phrases), max(map(len, phrases)))


def word_numbers(text: str, lang: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of each number written in words in ``text``, longest phrase first.

    >>> [v for _s, _e, v in word_numbers("Tome treinta y cinco gotas, dos veces al día.", "es")]
    [35, 2]
    >>> list(word_numbers("un comprimido", "es"))
    []
    """
    lex = lexicon(lang)
    if lex is None:
        return
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # a character whose lower case is longer: offsets would shift
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("’", "'")
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
    if not words or lex.firsts.isdisjoint(w for _s, _e, w in words):
        return
    phrases, longest = lex.phrases, lex.longest
    i = 0
    while i < len(words):
        if words[i][2] in lex.firsts:
            for k in range(min(longest, len(words) - i), 0, -1):
                span = words[i:i + k]
                value = phrases.get(tuple(w for _s, _e, w in span))
                if value is not None and all(_GAP.fullmatch(folded, a[1], b[0]) for a, b in zip(span, span[1:])):
                    yield span[0][0], span[-1][1], value
                    i += k
                    break
            else:
                i += 1
        else:
            i += 1


def has_number_words(text: str, lang: str) -> bool:
    """Whether a text holds a word that can start a number of ``lang`` (on the word checks' tokens)."""
    lex = lexicon(lang)
    return lex is not None and not lex.firsts.isdisjoint(_tokens(text))
