"""Plain text segmentation: blocks are separated by blank lines.

Every block is a paragraph; its lines are folded into one msgid, and the
original line breaks stay in the skeleton for an untranslated block.
"""

from __future__ import annotations

import re

from l10n.model import Document
from l10n.segment.base import DocumentBuilder

__all__ = ["segment_plaintext"]

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+")


def segment_plaintext(text: str, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Split plain text into paragraphs (and sentences)."""
    builder = DocumentBuilder(text, name, "txt", unit=unit, lang=lang)
    for m in _BLOCK.finditer(text):
        block = m.group().rstrip()
        lead = len(block) - len(block.lstrip())
        start = m.start() + lead
        builder.add_block(start, m.start() + len(block))
    return builder.finish()
