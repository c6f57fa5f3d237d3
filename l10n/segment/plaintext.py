"""Plain text segmentation: blocks are separated by blank lines.

Every block is a paragraph; its lines are folded into one msgid, and the
original line breaks stay in the skeleton for an untranslated block.
"""

from __future__ import annotations

import re

from l10n.model import Document
from l10n.segment.base import DocumentBuilder
from l10n.segment.directives import DirectiveState, parse_directive

__all__ = ["segment_plaintext"]

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+")


def segment_plaintext(text: str, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Split plain text into paragraphs (and sentences).

    Lines that are ``<!-- l10n: ... -->`` directives (as in Markdown and
    HTML) are not text: they mark the next block as a disclaimer, skip it, or
    switch translation off and on.
    """
    builder = DocumentBuilder(text, name, "txt", unit=unit, lang=lang)
    directives = DirectiveState()
    for m in _BLOCK.finditer(text):
        block = m.group().rstrip()
        lines = block.split("\n")
        offset = m.start()
        while lines and lines[0].lstrip().startswith("<!--"):  # leading directive lines
            d = parse_directive(lines[0], path=name, line=builder.line_of(offset))
            if d is None:
                break
            directives.apply(d)
            offset += len(lines[0]) + 1
            lines = lines[1:]
        body = "\n".join(lines)
        if not body.strip():
            continue
        if not directives.translating():
            directives.consume()
            continue
        lead = len(body) - len(body.lstrip())
        builder.add_block(offset + lead, offset + len(body), disclaimer_id=directives.consume())
    return builder.finish()
