"""Pseudo-localisation: accented, about 35 % longer, bracketed text, with no engine.

Shows at a glance which strings are not localisable, which layouts break
when text grows, and which characters a font lacks (``en_XA`` is the
conventional pseudo-locale). Tokens ``⟦n⟧`` pass through untouched.

>>> PseudoProvider().translate_batch(["Take with food ⟦0⟧."], source="en", target="en_XA")
['[Ţåķé ŵîţĥ ƒööđ ⟦0⟧. ·····]']
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from l10n.translate.base import ProviderConfig

__all__ = ["PseudoProvider", "pseudo_translate"]

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


class PseudoProvider:
    """The ``pseudo`` provider: any target, offline, instantaneous."""

    name = "pseudo"
    max_chars = 100_000
    batch_size = 10_000

    def __init__(self, config: ProviderConfig | None = None, *, source: str = "en", target: str = "en_XA") -> None:
        self.config = config

    def translate_batch(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """Pseudo-translate each text."""
        return [pseudo_translate(t) for t in texts]
