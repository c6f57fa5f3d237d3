"""A fake provider for tests and demonstrations: a dict or a function, no engine.

Without a mapping or function it swaps the case of every letter outside
tokens, which is enough to see the pipeline work end to end.

>>> FakeProvider(mapping={"Hello": "Hola"}).translate_batch(["Hello", "Dog ⟦0⟧"], source="en", target="es")
['Hola', 'dOG ⟦0⟧']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from l10n.translate.base import ProviderConfig

__all__ = ["FakeProvider"]

_TOKEN = re.compile(r"(⟦\s*\d+\s*⟧)")


def _swap(text: str) -> str:
    return "".join(p if i % 2 else p.swapcase() for i, p in enumerate(_TOKEN.split(text)))


class FakeProvider:
    """Translate through ``mapping`` (exact text) then ``fn``; records every call in ``calls``."""

    name = "fake"
    max_chars = 5000
    batch_size = 50

    def __init__(self, config: ProviderConfig | None = None, *, source: str = "en", target: str = "es",
                 mapping: Mapping[str, str] | None = None, fn: Callable[[str], str] | None = None) -> None:
        self.mapping = dict(mapping or {})
        self.fn = fn or _swap
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """Translate each text."""
        self.calls.append(list(texts))
        return [self.mapping[t] if t in self.mapping else self.fn(t) for t in texts]
