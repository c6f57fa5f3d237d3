"""Unicode facts about scripts that the checks need, from Unicode's own properties.

``no_space_letters()``: the letters of scripts written without spaces between words (Line_Break classes
ID, SA, H2, H3, JL, JV, JT, CJ: Han, kana, Hangul, Thai, Lao, Khmer, Myanmar...): a digit touching one of
them ("150文字", "1月", "8월") is a number of its own, while a digit touching a Latin letter ("B12",
"COVID19") is part of a name. The ranges are stored in ``data/unicode-scripts.json`` (computing them at import
would cost a fifth of a second); :func:`compute_no_space_ranges` recomputes them with the ``regex``
module, and a test holds the file to it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["compute_no_space_ranges", "no_space_class"]

_DATA = Path(__file__).parent / "data" / "unicode-scripts.json"


def compute_no_space_ranges() -> list[list[int]]:
    """[first, last] code point ranges of the letters of scripts written without spaces (from Unicode)."""
    import regex

    rx = regex.compile(r"[\p{L}&&[\p{lb=ID}\p{lb=SA}\p{lb=H2}\p{lb=H3}\p{lb=JL}\p{lb=JV}\p{lb=JT}\p{lb=CJ}]]",
                       regex.V1)
    ranges: list[list[int]] = []
    for ch in rx.findall("".join(map(chr, range(0x110000)))):
        c = ord(ch)
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return ranges


@lru_cache(maxsize=1)
def no_space_class() -> str:
    """The body of a regular-expression character class (for ``re``) of those letters."""
    ranges = json.loads(_DATA.read_text(encoding="utf-8"))["no_space_letters"]
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
