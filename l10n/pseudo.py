"""Pseudo-localisation as a text transform: accented, about 35 % longer, bracketed.

A plain function of text, below everything that uses it: the ``pseudo``
translation provider (:mod:`l10n.translate.providers.pseudo`) and the glossary,
which derives the pseudo-locale's approved disclaimer wording from the English
one (:mod:`l10n.glossary.model`). Tokens ``⟦n⟧`` pass through untouched.

>>> pseudo_translate("Take with food ⟦0⟧.")
'[Ţåķé ŵîţĥ ƒööđ ⟦0⟧. ·····]'
"""

from __future__ import annotations

import math
import re

__all__ = ["pseudo_translate"]

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_TOKEN = re.compile(r"(⟦\s*\d+\s*⟧)")


def pseudo_translate(text: str, *, expand: float = 0.35) -> str:
    """Accent every letter outside tokens, pad to ~135 % of the length, bracket."""
    parts = _TOKEN.split(text)
    body = "".join(p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts))
    pad = max(1, math.ceil(len(text) * expand) - 2)
    return f"[{body} {'·' * pad}]"
