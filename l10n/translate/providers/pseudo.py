"""Pseudo-localisation: accented, about 35 % longer, bracketed text, with no engine.

Shows at a glance which strings are not localisable, which layouts break
when text grows, and which characters a font lacks (``en_XA`` is the
conventional pseudo-locale). Tokens ``⟦n⟧`` pass through untouched. The
transform itself is :func:`l10n.pseudo.pseudo_translate`.

>>> PseudoProvider().translate_batch(["Take with food ⟦0⟧."], source="en", target="en_XA")
['[Ţåķé ŵîţĥ ƒööđ ⟦0⟧. ·····]']
"""

from __future__ import annotations

from collections.abc import Sequence

from l10n.pseudo import pseudo_translate
from l10n.translate.base import ProviderConfig

__all__ = ["PseudoProvider"]


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
