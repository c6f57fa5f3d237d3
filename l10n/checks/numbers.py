"""Numbers (L10N30x): compared by value in each language's number format.

``2.5`` in English is ``2,5`` in Spanish and ``1,000`` may be ``1.000`` or
``1 000`` (Babel's CLDR symbols for the locale; spaces always group), but
``5`` is never ``50``. Each number carries the unit written after it (mg, g,
µg, ml, %, IU, hours...), compared by meaning (``horas`` is ``hours``).
These findings cannot be waived.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import polib

from l10n.checks.calendar import day_names as _day_names, month_names as _month_names
from l10n.checks.context import CatalogContext, plain_text
from l10n.checks import words as W
from l10n.checks.numwords import has_number_words, lexicon, word_numbers
from l10n.checks.registry import FEATURES, Issue, check
from l10n.checks.scripts import no_space_class
from l10n.checks.words import DOSE_UNITS_EXTRA, SYMBOL_UNITS, UNITS
from l10n.model import Severity

__all__ = ["NumberRef", "extract_numbers", "interpretations"]

_SP = "\u00a0\u202f\u2009 "
#: a minus sign written against a number ("-20 °C", "−5", "–20"), not a hyphen ("12-48", "COVID-19", "5 -10",
#: "(-)-7-hydroxymitragynine", "+/-1")
_SIGN = r"(?:(?<![\w.,)\]/+±])(?<!\d[" + _SP + r"])[-\u2212\u2013](?=\d))?"
_SIGNS = ("-", "\u2212", "\u2013")
#: a minus in words before a number ("menos 20") or below zero after it ("20 grados bajo cero")
#: (only before a temperature, and not "al menos" / "au moins" / "pelo menos": "at least")
_MINUS_BEFORE = re.compile(r"(?<!\bal )(?<!\blo )(?<!\bau )(?<!\bdu )(?<!\ble )(?<!\bpelo )(?<!\bno )(?<!\bao )"
                           r"\b(?:menos|moins|minus|menys)[" + _SP + r"]+$", re.IGNORECASE)
_TEMPERATURE = re.compile(r"[" + _SP + r"]*(?:°|º|grados?\b|degrés?\b|graus?\b|degrees?\b)", re.IGNORECASE)
_TEMP_WORD = r"(?:°[CF]?|º[CF]?|grados?|degrés?|graus?|degrees?)"
_MINUS_AFTER = re.compile(r"[" + _SP + r"]*(?:" + _TEMP_WORD + r"[" + _SP + r"]*(?:[CF][" + _SP + r"]+)?)?"
                          r"(?:bajo cero|sous zéro|sota zero|abaixo de zero|below zero)\b"
                          r"|[" + _SP + r"]*" + _TEMP_WORD + r"[" + _SP + r"]*(?:[CF][" + _SP + r"]+)?"
                          r"(?:negativos?|negatius?|négatifs?)\b", re.IGNORECASE)
#: a minus in words needs a temperature or "zero" near it: a text without one of these has none
_MINUS_HINTS = ("°", "º", "grad", "grau", "Grad", "Grau", "degr", "Degr", "DEGR", "GRA", "cero", "Cero", "zero",
                "Zero", "zéro", "Zéro", "CERO", "ZERO", "ZÉRO")


def _minus_hint(text: str) -> bool:
    """Whether ``text`` may hold a minus in words ("menos 20 °C", "20 bajo cero"): substring tests, cheaper
    than a regex on this hot path."""
    for hint in _MINUS_HINTS:
        if hint in text:
            return True
    return False


#: a unit just before a sign makes it a range dash ("15 °C -25 °C")
_UNIT_BEFORE = re.compile(r"(?:°[CF]?|%|([^\W\d_]+))[" + _SP + r"]*$")


#: (the leading look-ahead names the first character of every match: the engine then scans for it, which the
#: optional sign would otherwise prevent)
#: (a letter just before a number makes it part of a name, "B12", "COVID19"; not a letter of a script written
#: without spaces: "150文字", "に2錠", "8월" are numbers)
_NUM = re.compile(r"(?=[-\u2212\u2013\d])" + _SIGN + r"(?<!(?![" + no_space_class() + r"])[^\W\d_])(?<![\d])\d+(?:[.,'’]\d+)*(?:[" + _SP + r"]\d{3}(?![\d.,]\d)(?:[.,]\d+)?)*(?!\d)")
#: the unit after a number, also behind quotes, brackets or a dash ("30 « heures »", "30 (hours)", "30-minute")
_UNIT = re.compile(r"[" + _SP + r"]?(?:[«»\"“”„'‘’(\[\-–—]" + r"[" + _SP + r"]?)?"
                   r"(%|[µμ]g|[^\W\d_]+(?:·[^\W\d_]+)?(?:/[^\W\d_]+)?(?:\s[^\W\d_]+)?)(?!['’])")
#: numbers linked as a range or a list: the first takes the unit of the next ("12 to 48 hours", "1-2 g")
_RANGE_GAP = re.compile(r"[" + _SP + r"]*(?:[-–—/,]|to|and|or|a|y|e|et|ou|o|i|à|au|al|hasta|até|fins a|"
                        r"jusqu'à)[" + _SP + r"]*", re.IGNORECASE)
#: "two times higher", "twice as likely": a multiplier, not a count of doses
_COMPARATIVE = re.compile(r"[" + _SP + r"]+(?:(?:higher|greater|larger|bigger|lower|smaller|as|the|mayor|menor|"
                          r"maior|major|superior|inferior)\b|(?:more|less|más|menos|plus|moins|mais|més|menys)"
                          r"(?=[" + _SP + r"]+[^\W\d_]))", re.IGNORECASE)  # "tres veces más." is a count
#: what may stand between a number in words and its unit: "half a tablet", "un cuarto de cucharadita"
_ARTICLE = re.compile(r"[" + _SP + r"]+(?:an?|of|of an?|de|de la|del|un|una|une|um|uma|d'une?)(?=[" + _SP + r"])",
                      re.IGNORECASE)
_FRACTION = re.compile(r"(\d*)([½¼¾])")
#: "1/2", "1/4", "3/4" written with a slash are the fractions too ("Tome 1/2 comprimido")
_SLASH_FRACTION = re.compile(r"(?<![\d/.,])([13])/([24])(?![\d/])")
_SLASH_VALUES = {("1", "2"): "½", ("1", "4"): "¼", ("3", "4"): "¾"}
_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_NUM_UNIT = re.compile("(" + _NUM.pattern + ")(?:" + _UNIT.pattern + ")?")
_PLACEHOLDER = re.compile(r"%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdif]|%\(\w+\)[sdif]|\{\w*\}")
#: digits, and the characters NFKC turns into digits (superscripts, subscripts, fractions, circled numbers):
#: "½ mg" has a number (the runner's "digits" feature uses the same class)
DIGIT_LIKE = re.compile("[\\d\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u215f\u2460-\u24ff"
                        "\u2776-\u2793]")
_NUMBER_WORDS = 1 << FEATURES.index("number-words")
_SEPS = re.compile(r"[.,'’" + _SP + r"]")


def _proclitic_digit() -> re.Pattern[str] | None:
    from l10n.checks.words import PROCLITICS

    letters = sorted({p for ps in PROCLITICS.values() for p in ps if len(p) == 1 and not p.isascii()})
    if not letters:
        return None
    return re.compile(r"(?<![^\W\d_])([" + "".join(map(re.escape, letters)) + r"])(?=\d)")


#: a one-letter proclitic of a language's data file at the start of a word, a digit right behind it
_PROCLITIC_DIGIT = _proclitic_digit()


def _num_text(text: str) -> str:
    """The plain text with compatibility forms folded (NFKC): ``¹⁰⁰`` is ``100``, ``½`` is ``1⁄2``, full-width
    digits are digits, so a number a reader sees is a number the check sees."""
    plain = plain_text(text)
    if "/" in plain:
        plain = _SLASH_FRACTION.sub(lambda m: _SLASH_VALUES.get((m.group(1), m.group(2)), m.group(0)), plain)
    if plain.isascii():
        return plain
    if _PROCLITIC_DIGIT is not None:  # "و7" is "and 7": a proclitic written against a number leaves it a number
        plain = _PROCLITIC_DIGIT.sub(r"\1 ", plain)
    if "½" in plain or "¼" in plain or "¾" in plain:  # "1½" is 1.5, not "1 1⁄2"
        plain = _FRACTION.sub(lambda m: " " * (m.group(1) == "") + str(Decimal(m.group(1) or 0)
                                                                         + _FRACTIONS[m.group(2)]), plain)
    return unicodedata.normalize("NFKC", plain)


@dataclass(frozen=True, slots=True)
class NumberRef:
    """A number found in a text: its spelling, possible values and unit (canonical)."""

    text: str
    values: frozenset[Decimal]
    unit: str | None
    #: written in words ("cinco"): reported alone only as a dose (see _reportable)
    word: bool = False
    #: a word that pairs but is never reported alone ("un", "los dos", "both": see numwords)
    weak: bool = False
    #: the next number follows as the other end of a range or list ("12 to 48 hours")
    linked: bool = False
    #: digits touching a letter of a script written without spaces, with no unit: maybe part of a compound
    #: word ("10進数" is "decimal", "제3자" is "third party")
    glued: bool = False


def _parse(token: str, decimal: str, groups: frozenset[str]) -> set[Decimal]:
    runs = _SEPS.split(token)
    seps = _SEPS.findall(token)
    out: set[Decimal] = set()
    if not seps:
        return {Decimal(token)}
    # every separator is a group separator
    if all(s in groups for s in seps) and all(len(r) == 3 for r in runs[1:]) and len(runs[0]) <= 3:
        out.add(Decimal("".join(runs)))
    # the last separator is the decimal mark
    if seps[-1] == decimal and all(s in groups for s in seps[:-1]) and all(len(r) == 3 for r in runs[1:-1]) \
            and (len(seps) == 1 or len(runs[0]) <= 3):
        try:
            out.add(Decimal("".join(runs[:-1]) + "." + runs[-1]))
        except InvalidOperation:
            pass
    return out


def interpretations(token: str, formats: tuple[tuple[str, frozenset[str]], ...]) -> frozenset[Decimal]:
    """Every value ``token`` can mean in one of ``formats`` ((decimal, groups) pairs).

    >>> sorted(interpretations("1.000", ((",", frozenset({".", " "})), (".", frozenset({",", " "})))))
    [Decimal('1.000'), Decimal('1000')]
    """
    values: set[Decimal] = set()
    for dec, groups in formats:
        values |= _parse(token, dec, groups)
    return frozenset(values)


def _unit_at(text: str, end: int) -> str | None:
    m = _UNIT.match(text, end)
    if not m:
        return None
    return _canon_unit(m.group(1))


_NO_SPACE = re.compile("[" + no_space_class() + "]")


def _prefix_unit(word: str) -> str | None:
    """The unit at the start of a word of a script written without spaces: "錠服用" starts with 錠 (tablets),
    "小时后" with 小时 (hours); the longest known unit wins."""
    for n in range(min(len(word), 6), 0, -1):
        u = UNITS.get(word[:n])
        if u:
            return u
    return None


def _negative(text: str, start: int, end: int, token: str) -> bool:
    """Whether the number ``token`` at ``text[start:end]`` is negative, as a reader reads it."""
    if token[:1] in _SIGNS:
        if token[0] == "\u2013" and "\u2013" in text[end:end + 24]:
            return False  # "con poco –2 g– y espere": dashes around an aside
        if (start == 0 or text[start - 1] == "\n") and not _TEMPERATURE.match(text, end):
            return False  # "–2 comprimidos por la mañana": a bullet, unless a temperature follows
        m = _UNIT_BEFORE.search(text, 0, start)
        if m and (m.group(1) is None or _canon_unit(m.group(1))):
            return False  # "15 °C -25 °C": a range
        return True
    if not _minus_hint(text):
        return False
    return bool((_MINUS_BEFORE.search(text, 0, start) and _TEMPERATURE.match(text, end))
                or _MINUS_AFTER.match(text, end))


def _word_unit(text: str, end: int, carried: str | None) -> tuple[str | None, bool]:
    """(unit, multiplier) of a number written in words ending at ``end``: "two times higher" is a multiplier."""
    unit = carried or _unit_at(text, end)
    if unit is None and carried is None:
        m = _ARTICLE.match(text, end)
        if m:
            unit = _unit_at(text, m.end())
    if unit != "times":
        return unit, False
    m = _UNIT.match(text, end) if carried is None else None
    after = m.start(1) + len(m.group(1).split()[0]) if m else end  # after "times", not the word after it
    return unit, bool(_COMPARATIVE.match(text, after))


#: "un comprimido y medio", "une heure et demie", "uma hora e meia": the number and a half
#: (the half ends the quantity: "y media hora", "y medio vaso" are another half of something else)
_AND_HALF = re.compile(r"[" + _SP + r"]+(?:y|et|e|i|and)[" + _SP + r"]+(?:medio|media|demi|demie|meio|meia|mig|mitja|"
                       r"a half)\b(?=[" + _SP + r"]*(?:[.,;:!?)\]»\"]|$)|[" + _SP + r"]+(?:después|antes|más|"
                       r"after|later|before|après|avant|plus|depois|mais|després|abans|més)\b)", re.IGNORECASE)
_HALF_HINTS = ("medi", "Medi", "demi", "Demi", "mei", "Mei", "mig", "mitj", "half", "Half")


def _and_a_half(text: str, found: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """``found`` with "N <unit> y medio" read as N.5 <unit> (the half's own entry dropped)."""
    if not any(f[2].get("weak") and f[2]["values"] == {Decimal("0.5")} for f in found):
        return found
    out: list[tuple[int, int, dict]] = []
    skip: set[int] = set()
    for start, end, fields in found:
        if start in skip:
            continue
        m = _UNIT.match(text, end) if fields["unit"] else None
        after = m.start(1) + len(m.group(1).split()[0]) if m else end  # after the unit word, not the next one
        half = _AND_HALF.match(text, after) if fields["unit"] else None
        if half:
            fields = dict(fields, values=frozenset(v + Decimal("0.5") for v in fields["values"]),
                          text=f"{fields['text']} + ½", weak=False)
            skip.update(s for s, _e, f in found if half.start() <= s < half.end())
            end = half.end()
        out.append((start, end, fields))
    return out


def extract_numbers(text: str, formats: tuple[tuple[str, frozenset[str]], ...],
                    fallback: tuple[tuple[str, frozenset[str]], ...] = (), lang: str | None = None) -> list[NumberRef]:
    """The numbers of a (plain) text with their values and units, in text order.

    ``fallback`` formats are used for tokens that mean nothing in ``formats``.
    With ``lang``, numbers written in words of that language count too
    (see :mod:`l10n.checks.numwords`): "cinco gramos" is 5 g.
    """
    text = _PLACEHOLDER.sub(" ", text)
    found: list[tuple[int, int, dict]] = []
    for m in _NUM.finditer(text):
        token = m.group(0)
        bare = token[1:] if token[:1] in _SIGNS else token
        values = interpretations(bare, formats)
        if not values and fallback:
            values = interpretations(bare, fallback)
        if not values:
            values = frozenset({Decimal(re.sub(r"\D", "", bare))})
        if _negative(text, m.start(), m.end(), token):
            values = frozenset(-v for v in values)
            bare = "-" + bare
        unit = _unit_at(text, m.end())
        glued = unit is None and bool(_NO_SPACE.match(text[m.start() - 1:m.start()] or " ")
                                      or _NO_SPACE.match(text[m.end():m.end() + 1] or " "))
        found.append((m.start(), m.end(), dict(text=bare, values=values, unit=unit, glued=glued)))
    if lang:
        for start, end, value, weak, carried in word_numbers(text, lang):
            unit, multiplier = _word_unit(text, end, carried)
            number = -value if _negative(text, start, end, text[start:end]) else value
            found.append((start, end, dict(text=text[start:end], values=frozenset({number}), unit=unit, word=True,
                                           weak=weak or multiplier)))
        found.sort(key=lambda p: p[0])
        found = _and_a_half(text, found)
    out = []
    for i, (_start, end, fields) in enumerate(found):
        linked = i + 1 < len(found) and bool(_RANGE_GAP.fullmatch(text, end, found[i + 1][0]))
        out.append(NumberRef(**fields, linked=linked))
    return out


@dataclass(frozen=True, slots=True)
class _Analysis:
    changed: tuple[tuple[NumberRef, NumberRef], ...]
    missing: tuple[NumberRef, ...]
    added: tuple[NumberRef, ...]
    units: tuple[tuple[NumberRef, NumberRef], ...]


def _fmt(n: NumberRef) -> str:
    """``5 g``; a number in words with its value: ``seis (6) g``."""
    text = f"{n.text} ({next(iter(n.values))})" if n.word else n.text
    return text + (f" {n.unit}" if n.unit else "")


_DOSE_UNITS = SYMBOL_UNITS | DOSE_UNITS_EXTRA


def _reportable(n: NumberRef) -> bool:
    """Whether a number that pairs with nothing is reported: digits always, words as a dose."""
    return not n.word or (not n.weak and n.unit in _DOSE_UNITS and all(abs(v) != 1 for v in n.values))


#: units a translation may trade for each other: "3 times a day" is "en 3 prises par jour", "2 doses a day" is
#: "2 fois par jour" — unless the entry crosses them ("2 tablets 3 times" -> "3 comprimidos 2 veces")
_COMPATIBLE = {frozenset({"doses", "times"})}


#: units of one quantity and their size in the smallest: "dos semanas" is "14 days", "media hora" is "30
#: minutes", "2 g" is "2000 mg"
_SCALES: tuple[dict[str, Decimal], ...] = (
    {"s": Decimal(1), "min": Decimal(60), "h": Decimal(3600), "day": Decimal(86400), "week": Decimal(604800)},
    {"µg": Decimal(1), "mg": Decimal(1000), "g": Decimal(1000000), "kg": Decimal(1000000000)},
    {"ml": Decimal(1), "cl": Decimal(10), "dl": Decimal(100), "l": Decimal(1000)},
)


def _converted(s: NumberRef, unit: str | None, t: NumberRef) -> bool:
    """Whether ``t`` is the quantity ``s`` (of ``unit``) in another unit of the same kind."""
    if unit is None or t.unit is None or unit == t.unit:
        return False
    for scale in _SCALES:
        if unit in scale and t.unit in scale:
            a, b = scale[unit], scale[t.unit]
            return any(v * a == w * b for v in s.values for w in t.values)
    return False


def _effective_units(src: list[NumberRef]) -> list[str | None]:
    """The unit each number takes: its own, or for one without one the unit of the next number of its range
    ("12 to 48 hours": 12 hours; not "two 500 mg tablets")."""
    effective: list[str | None] = []
    following: str | None = None
    for s in reversed(src):
        following = s.unit or (following if s.linked else None)
        effective.append(following)
    effective.reverse()
    return effective


def _pair_rank(s: NumberRef, unit: str | None, t: NumberRef, exact: bool) -> int | None:
    """How well ``t`` of the translation pairs with ``s`` (of ``unit``): 3 best, None not at all.

    An exact pair has the same value and unit; otherwise the same quantity in another unit ("dos semanas" for
    "14 days") counts as the same unit, and the same kind (digits, words) ranks higher. A weak word of the
    translation ("un", "los dos") pairs only with a number of its unit: "1 hour" is not "un tiempo".
    """
    if not (s.values & t.values):
        if exact or not _converted(s, unit, t):
            return None
        same = True  # the same quantity in another unit: "dos semanas" for "14 days"
    else:
        same = t.unit == s.unit or (s.unit is None and t.unit == unit)
    if (exact and not same) or (t.weak and not same and frozenset({unit, t.unit}) not in _COMPATIBLE):
        return None  # a weak word of the translation pairs only with a number of its unit
    return 2 * same + (t.word == s.word)


def _best_partner(s: NumberRef, unit: str | None, tgt: list[NumberRef], used: list[bool], exact: bool) -> int | None:
    """The index of the unused number of ``tgt`` that pairs best with ``s`` (the first of the best rank)."""
    best, score = None, -1
    for i, t in enumerate(tgt):
        if used[i]:
            continue
        rank = _pair_rank(s, unit, t, exact)
        if rank is not None and rank > score:
            best, score = i, rank
            if rank == 3:
                break
    return best


def _partners(src: list[NumberRef], tgt: list[NumberRef], effective: list[str | None]) -> list[int | None]:
    """The number of ``tgt`` each number of ``src`` pairs with (its index), or None.

    First every number with its exact twin (same value, same unit), across the entry; then the rest,
    preferring the same kind (digits with digits: "2" does not go to "dos veces").
    """
    used = [False] * len(tgt)
    partner: list[int | None] = [None] * len(src)
    for exact in (True, False):
        for j, s in enumerate(src):
            if partner[j] is not None:
                continue
            best = _best_partner(s, s.unit or effective[j], tgt, used, exact)
            if best is not None:
                used[best] = True
                partner[j] = best
    return partner


def _traded_unit(s: NumberRef, t: NumberRef, src: list[NumberRef], tgt: list[NumberRef]) -> bool:
    """Whether ``t`` trades the unit of ``s`` for a compatible one ("3 times a day" is "en 3 prises par jour"),
    the entry not crossing them ("2 tablets 3 times" -> "3 comprimidos 2 veces")."""
    return frozenset({s.unit, t.unit}) in _COMPATIBLE and not (
        any(x.unit == s.unit for x in tgt if x is not t) and any(x.unit == t.unit for x in src if x is not s))


def _unit_change(s: NumberRef, t: NumberRef, effective: str | None,
                 src: list[NumberRef], tgt: list[NumberRef]) -> tuple[NumberRef, NumberRef] | None:
    """(source, translation) when the pair ``s``, ``t`` changes the unit, else None."""
    if not (s.values & t.values):
        return None  # converted (see _converted): the same quantity
    if s.unit is not None and t.unit != s.unit and (t.unit is not None or s.unit in SYMBOL_UNITS):
        if _traded_unit(s, t, src, tgt):
            return None
        return (s, t)  # changed, or a symbol unit (mg, %) dropped; a word unit may be unknown
    if s.unit is None and t.unit is not None and effective is not None and t.unit != effective:
        return (NumberRef(s.text, s.values, effective, s.word), t)  # "12 jours à 48 heures"
    return None


def _soft_pairs(missing: list[NumberRef], added: list[NumberRef]) -> list[tuple[NumberRef, NumberRef]]:
    """Numbers in words left alone on each side with the same unit, taken out of ``added`` as a change.

    A number in words that pairs with nothing is reported only as a dose ("tres gramos", "cuatro
    comprimidos"), never 1 ("a tablet" is "un comprimido"): "both" is "les deux", "two weeks" is "quince
    días", "every other day" is "cada dos días". But one left alone on each side with the same unit is a
    change: "every four hours" -> "cada ocho horas", "half a tablet" -> "un comprimido", "three times
    higher" -> "cuatro veces mayor"; "two weeks" -> "quince días" has two units and is an idiom.
    """
    soft = []
    for s in missing:
        if s.word and s.unit is not None and not _reportable(s):
            t = next((t for t in added if t.word and t.unit == s.unit and not _reportable(t)), None)
            if t is not None:
                added.remove(t)
                soft.append((s, t))
    return soft


def _compare(src: list[NumberRef], tgt: list[NumberRef]) -> _Analysis:
    effective = _effective_units(src)
    partner = _partners(src, tgt, effective)
    missing = [s for j, s in enumerate(src) if partner[j] is None]
    units = []
    for j, s in enumerate(src):
        if partner[j] is not None:
            change = _unit_change(s, tgt[partner[j]], effective[j], src, tgt)
            if change is not None:
                units.append(change)
    used = set(partner)
    added = [t for i, t in enumerate(tgt) if i not in used]
    soft = _soft_pairs(missing, added)
    missing = [s for s in missing if _reportable(s) and all(s is not a for a, _b in soft)]
    added = [t for t in added if _reportable(t)]
    pairs = tuple(zip(missing, added))
    k = len(pairs)
    return _Analysis(pairs + tuple(soft), tuple(missing[k:]), tuple(added[k:]), tuple(units))


_SAME = _Analysis((), (), (), ())


def _unsigned(text: str) -> bool:
    """Whether ``text`` has no minus sign, in symbols or in words: its numbers are all spelled as written."""
    return "-" not in text and "\u2212" not in text and "\u2013" not in text and not _minus_hint(text)


def _spelled_digits(text: str) -> list[tuple[int, str, str | None]]:
    """(start, spelling, canonical unit) of each number in digits of ``text``, a negative one with one "-"."""
    out = []
    for m in _NUM_UNIT.finditer(text):
        num, word = m.group(1), m.group(2)
        bare = num[1:] if num[:1] in _SIGNS else num
        spelling = ("-" + bare) if _negative(text, m.start(), m.start() + len(num), num) else bare
        out.append((m.start(), spelling, _canon_unit(word) if word else None))
    return out


def _spelled_words(text: str, lang: str) -> list[tuple[int, str, str | None]]:
    """(start, spelling, unit) of each number in words of ``lang`` in ``text``: its value in digits ("cinco" is
    "5"), "~" before a weak word or a multiplier."""
    out = []
    for start, end, value, weak, carried in word_numbers(text, lang):
        unit, multiplier = _word_unit(text, end, carried)
        negative = _negative(text, start, end, text[start:end])
        out.append((start, ("~" if weak or multiplier else "") + str(-value if negative else value), unit))
    return out


@lru_cache(maxsize=65536)
def _spelled(text: str, lang: str | None = None) -> tuple[tuple[str, str | None], ...]:
    """(spelling, canonical unit) of each number of a plain text, placeholders ignored.

    A number written in words of ``lang`` is spelled as its value in digits ("cinco" is "5"); a negative
    number with one "-" whatever its sign ("−5", "menos 5" and "-5" are "-5").
    """
    if "%" in text or "{" in text:
        text = _PLACEHOLDER.sub(" ", text)
    words = bool(lang) and has_number_words(text, lang)
    # one C pass: each number and the word after it (a unit has no digit, so no number is skipped)
    if not words and _unsigned(text):
        return tuple((num, _canon_unit(word) if word else None) for num, word in _NUM_UNIT.findall(text))
    out = _spelled_digits(text)
    if words:
        out += _spelled_words(text, lang)
    out.sort(key=lambda p: p[0])
    return tuple((num, unit) for _start, num, unit in out)


@lru_cache(maxsize=4096)
def _canon_unit(word: str) -> str | None:
    """The canonical unit of the word after a number (as :func:`_unit_at`)."""
    for cand in (word, word.split()[0]) if " " in word else (word,):
        u = UNITS.get(cand) or UNITS.get(cand.lower())
        if u:
            return u
    if _NO_SPACE.match(word):
        return _prefix_unit(word)
    return None


def _local(n: NumberRef, local: frozenset[str]) -> bool:
    """Whether ``n`` is one of the locale's local numbers (an emergency number): digits, no unit after it, not
    the start of a range ("15 à 20 gouttes")."""
    return bool(local) and not n.word and n.unit is None and not n.linked and re.sub(r"\D", "", n.text) in local


#: an international phone number: "+", a country code and groups of digits ("+1 555 0100", "+359 2 123 4567")
_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[" + _SP + r"\-.]?\(?\d{1,5}\)?){2,6}(?!\d)")


def _zero_said(entry: polib.POEntry, ctx: CatalogContext) -> bool | None:
    """Whether the translation says a zero of the source with a negation ("0 of 5" -> "none of 5"): it has
    more negations than the source; None when the language's negations are unknown."""
    if not ctx.negation_tgt.phrases:
        return None
    from l10n.checks.meaning import source_text

    return len(ctx.negation_tgt.find(plain_text(entry.msgstr))) > len(
        ctx.negation_src.find(source_text(entry.msgid, ctx.source_lang)))


@lru_cache(maxsize=64)
def word_numbers_curated(lang: str) -> bool:
    """Whether the number words of ``lang`` are read fully: num2words' lexicon completed by hand with its
    feminine, apocopated and multiplicative forms ("duas", "veintiún", "twice"; see numwords)."""
    from l10n.checks import numwords as NW

    # (the hand-made tables first: num2words' lexicon is built only for the few languages that have them)
    return any(lang in t for t in (NW.EXTRA, NW.ONE, NW.WEAK, NW.AMBIGUOUS)) and lexicon(lang) is not None


def named_numbers(text: str, lang: str) -> frozenset[Decimal]:
    """The numbers ``text`` names in words other than number words: a month ("January" is 1, "sep" is 9), an
    hour ("midnight" is 0, 12 or 24), "one" said without a digit ("a day", "per dose": 1). A translation may
    write them in digits ("1月", "0時", "1日")."""
    months = _month_names(lang)
    days = _day_names(lang)
    names = W.NUMBER_NAMES.get(lang, {})
    ones = W.ONE_WORDS.get(lang, frozenset())
    out: set[Decimal] = set()
    alone = text.strip().rstrip(".").lower()
    for m in _WORDS.finditer(text):
        tok = m.group(0).lower()
        # a month name only alone ("sep") or capitalised within a sentence ("on May 5"): "may" is a modal
        if tok in months and (tok == alone or (m.group(0)[0].isupper() and m.start() > 0
                                               and text[:m.start()].rstrip()[-1:] not in ".!?")):
            out.add(Decimal(months[tok]))
        elif tok in days and (tok == alone or m.group(0)[0].isupper()):
            out.update(Decimal(v) for v in days[tok])
        elif tok in names:
            out.update(Decimal(v) for v in names[tok])
        elif tok in ones:
            out.add(Decimal(1))
    return frozenset(out)


_WORDS = re.compile(r"[^\W\d_]+")
_WHOLE_HOUR = re.compile(r"(?<![\d:.,])(\d{1,2}):00(?![\d:])")
#: a time of day on a 12-hour clock: "6 p.m." is 18 on a 24-hour one, "12 a.m." is 0
_CLOCK = re.compile(r"(?<![\d.,])(\d{1,2})[" + _SP + r"]?([ap])\.?[" + _SP + r"]?m\b\.?", re.IGNORECASE)
_EMBEDDED = re.compile(r"[^\W\d_]+(\d+)(?![.,]\d)")


def _clock(text: str, src: list[NumberRef]) -> list[NumberRef]:
    """``src`` with each hour of a 12-hour time also read as its 24-hour value."""
    alt: dict[str, set[Decimal]] = {}
    for m in _CLOCK.finditer(text):
        h = int(m.group(1))
        if 1 <= h <= 12:
            alt.setdefault(m.group(1), set()).add(Decimal((h % 12) + (12 if m.group(2).lower() == "p" else 0)))
    if not alt:
        return src
    return [NumberRef(n.text, n.values | frozenset(alt[n.text]), n.unit, n.word, n.weak, n.linked, n.glued)
            if not n.word and n.text in alt else n for n in src]


def _embedded(text: str) -> frozenset[Decimal]:
    """The numbers written inside a name of the source ("IPv4", "B12", "COVID19"): not numbers of their own."""
    if not any(c.isdigit() for c in text):
        return frozenset()
    return frozenset(Decimal(m.group(1)) for m in _EMBEDDED.finditer(text))


def _same_spellings(msgid: str, msgstr: str, ctx: CatalogContext, src_lang: str | None,
                    tgt_lang: str | None) -> bool:
    """Fast path: the same spellings with the same units in the same order always pair up one to one in
    :func:`_compare` (a token's source values are among its target values: the target formats include the
    source's), so there is nothing to report and no value needs parsing.

    Not with "y medio" / "and a half" around (the spellings do not merge it, extract_numbers does), nor for a
    number with separators between languages that read them differently ("2.500 mg" copied into Spanish is
    2,500 mg to its readers)."""
    if any(h in msgid or h in msgstr for h in _HALF_HINTS):
        return False
    spelled = ctx.src("spelled", msgid, lambda: _spelled(_num_text(msgid), src_lang))
    return spelled == ctx.tgt("spelled", msgstr, lambda: _spelled(_num_text(msgstr), tgt_lang)) and (
        ctx.decimal == ctx.src_decimal or not any(_SEPS.search(num) for num, _unit in spelled))


def _comparable_texts(msgid: str, msgstr: str) -> tuple[str, str]:
    """Both texts with what is no quantity taken out: a localised example phone number, the ":00" of an hour."""
    msgid_text, msgstr_text = _num_text(msgid), _num_text(msgstr)
    if "+" in msgid_text and "+" in msgstr_text and _PHONE.search(msgid_text) and _PHONE.search(msgstr_text):
        # a phone number of the source given as an example, localised ("+1 555 0100" -> "+359 2 123 4567")
        msgid_text, msgstr_text = _PHONE.sub(" ", msgid_text), _PHONE.sub(" ", msgstr_text)
    if ":" in msgid_text or ":" in msgstr_text:  # "18:00" is the hour 18 ("6 p.m."); its ":00" no number
        msgid_text, msgstr_text = _WHOLE_HOUR.sub(r"\1", msgid_text), _WHOLE_HOUR.sub(r"\1", msgstr_text)
    return msgid_text, msgstr_text


def _not_quantities(msgid: str, msgid_text: str, src: list, tgt: list, ctx: CatalogContext) -> tuple[list, list]:
    """Drop the numbers that name rather than count: months, hours and days written as numbers in the
    translation, digits inside names, and local numbers (emergency lines) on either side."""
    named = ctx.src("named-numbers", msgid, lambda: named_numbers(plain_text(msgid), ctx.source_lang))
    embedded = _embedded(msgid_text)
    if embedded:  # "IPv4" -> "အိုင်ပီဗီ၄": the digit of a name, written beside letters of another script
        named = named | embedded
    if named:  # "January" -> "1月", "midnight" -> "0時", "a day" -> "1日"
        tgt = [t for t in tgt if t.word or not (t.values & named) or any(t.values & x.values for x in src)]
    if ctx.local_numbers_src or ctx.local_numbers_tgt:  # "Call 911" may be "Ligue 192"
        src = [n for n in src if not _local(n, ctx.local_numbers_src)]
        tgt = [n for n in tgt if not _local(n, ctx.local_numbers_tgt)]
    return src, tgt


def _compute(msgid: str, msgstr: str, ctx: CatalogContext, src_lang: str | None, tgt_lang: str | None) -> _Analysis:
    """The numbers of one entry compared (see :func:`_analyse`)."""
    if _same_spellings(msgid, msgstr, ctx, src_lang, tgt_lang):
        return _SAME
    src_fmt = ((ctx.src_decimal, ctx.src_groups),)
    tgt_fmt = ((ctx.decimal, ctx.groups), (ctx.src_decimal, ctx.src_groups))
    msgid_text, msgstr_text = _comparable_texts(msgid, msgstr)
    src = extract_numbers(msgid_text, src_fmt, fallback=tgt_fmt, lang=src_lang)
    if "m" in msgid_text and _CLOCK.search(msgid_text):
        src = _clock(msgid_text, src)
    # a translation's number means what it means to its readers: "30.000" in Spanish is thirty thousand;
    # the source's format only for a spelling the locale's cannot read ("2.5" kept in a Spanish text)
    tgt = extract_numbers(msgstr_text, tgt_fmt[:1], fallback=tgt_fmt[1:], lang=tgt_lang)
    if src_lang and not word_numbers_curated(tgt_lang or ctx.lang):
        # the translation's language has no number words we read fully ("dúas veces", "ਦੋ ਵਾਰ", "tvisvar",
        # "dufoje"): whether "twice" is still there cannot be told, so the source's numbers in words are
        # not compared
        src = [n for n in src if not n.word]
    src, tgt = _not_quantities(msgid, msgid_text, src, tgt, ctx)
    return _compare(src, tgt)


def _analyse(entry: polib.POEntry, ctx: CatalogContext) -> _Analysis | None:
    if entry.msgid_plural:
        return None
    key = ("numbers", entry.msgid, entry.msgstr)

    # without the number-words feature (the runner's whole-catalog pass), neither text has a number in words
    feats = ctx.entry_features
    src_lang, tgt_lang = (None, None) if feats is not None and not feats & _NUMBER_WORDS else \
        (ctx.source_lang, ctx.lang)

    if not DIGIT_LIKE.search(entry.msgid) and not DIGIT_LIKE.search(entry.msgstr) \
            and not (src_lang and has_number_words(_num_text(entry.msgid), src_lang)) \
            and not (tgt_lang and has_number_words(_num_text(entry.msgstr), tgt_lang)):
        return None
    return ctx.memo(key, lambda: _compute(entry.msgid, entry.msgstr, ctx, src_lang, tgt_lang))


@check("L10N301", "number-changed", Severity.ERROR, suppressible=False, when=("digits", "number-words"))
def number_changed(entry: polib.POEntry, ctx: CatalogContext):
    """A number of the source is missing or has a different value in the translation."""
    a = _analyse(entry, ctx)
    if a is None:
        return
    for s, t in a.changed:
        yield f"number {_fmt(s)} became {_fmt(t)}"
    unreadable = not word_numbers_curated(ctx.lang)
    for s in a.missing:
        if s.values == {Decimal(0)} and not s.word and s.unit is None:
            # "0 of 5 selected" -> "none of 5 selected", "لا شيء محدد", "아무것도": zero said with a negation
            said = _zero_said(entry, ctx)
            if said is None:
                yield Issue(f"number {_fmt(s)} of the source is not in the translation (said as \"none\"? "
                            "negations of this language unknown: not checked)", severity=Severity.INFO)
                continue
            if said:
                continue
        if unreadable and not s.word and s.unit not in _DOSE_UNITS:
            # the translation may write it in words we cannot read ("گزشتہ سات دن" for "Past 7 days")
            yield Issue(f"number {_fmt(s)} of the source is not in digits in the translation (number words of "
                        "this language are not all read: not checked)", severity=Severity.INFO)
        else:
            yield f"number {_fmt(s)} of the source is missing"


@check("L10N302", "unit-changed", Severity.ERROR, suppressible=False, when=("digits", "number-words"))
def unit_changed(entry: polib.POEntry, ctx: CatalogContext):
    """The unit after a number changed (mg became g, % dropped...)."""
    a = _analyse(entry, ctx)
    if a is None:
        return
    for s, t in a.units:
        yield f"unit of {s.text} changed: {s.unit} became {t.unit or 'no unit'}"


@check("L10N303", "number-added", Severity.ERROR, suppressible=False, when=("digits", "number-words"))
def number_added(entry: polib.POEntry, ctx: CatalogContext):
    """The translation has a number that the source does not have."""
    a = _analyse(entry, ctx)
    if a is None:
        return
    for t in a.added:
        if t.glued:
            yield Issue(f"number {_fmt(t)} is not in the source (written inside a word: part of a compound such "
                        "as \"10進数\"? not checked)", severity=Severity.INFO)
        else:
            yield f"number {_fmt(t)} is not in the source"
