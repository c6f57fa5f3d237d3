"""Month and day names of a language, from Babel (CLDR).

Shared by the number checks (a date's month written as a word is the same
number as its digits) and the meaning checks (a month or a day named alone,
"May", "Sun", is a name, not a word of the sentence).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["day_names", "month_names"]


@lru_cache(maxsize=64)
def month_names(lang: str) -> dict[str, int]:
    """Month names of ``lang`` (wide and abbreviated, format and stand-alone, lower case) -> 1..12, from Babel."""
    out: dict[str, int] = {}
    try:
        from babel.dates import get_month_names

        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for n, name in get_month_names(width, context, lang).items():
                    out.setdefault(name.lower().rstrip("."), n)
    except Exception:  # a language Babel does not know: no month names
        pass
    return out


@lru_cache(maxsize=64)
def day_names(lang: str) -> dict[str, frozenset[int]]:
    """Day names of ``lang`` (lower case) -> the numbers languages give them: Monday is day 1 (ISO) and
    "Thứ 2" in Vietnamese, so Wednesday is 3 or 4 and Sunday 7, 1 or 8 (from Babel)."""
    out: dict[str, frozenset[int]] = {}
    try:
        from babel.dates import get_day_names

        for width in ("wide", "abbreviated", "short", "narrow"):
            for context in ("format", "stand-alone"):
                for i, name in get_day_names(width, context, lang).items():  # 0 is Monday
                    key = name.lower().rstrip(".")  # a narrow name may stand for two days ("T")
                    out[key] = out.get(key, frozenset()) | frozenset({i + 1, i + 2} | ({1, 8} if i == 6 else set()))
    except Exception:  # a language Babel does not know: no day names
        pass
    return out
