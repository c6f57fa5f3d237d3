"""Rendering: a document plus translations gives the localised text.

Pure: :func:`render_document` takes a :class:`~l10n.model.Document` and a
lookup ``(msgctxt, msgid) -> translation | None`` and returns text. A segment
without a translation keeps its exact source slice, so rendering with no
translations gives the source back byte for byte.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from l10n.model import Document, Segment

__all__ = ["Lookup", "render_document"]

Lookup = Callable[[Segment], "str | None"]
_ATTR_KINDS = {"alt", "title", "meta"}


def _escape_attr(value: str, fmt: str, kind: str = "alt", before: str = "") -> str:
    """A translation made safe for the attribute (HTML) or image part (Markdown) it replaces.

    ``before`` is the skeleton just before the segment: it tells an HTML
    attribute's quote (``"``, ``'`` or none, in which case quotes are added).
    Each format says how (:attr:`l10n.formats.documents.DocFormat.escape`).
    """
    from l10n.formats.documents import get

    return get(fmt).escape(value, kind, before)


def render_document(doc: Document, lookup: Lookup | Mapping[tuple[str | None, str], str] | None = None) -> str:
    """Replace each segment by its translation.

    ``lookup`` is a function of the segment, or a mapping keyed by
    ``(msgctxt, msgid)``; ``None`` or a missing key keeps the source.
    """
    if lookup is None:
        return "".join(p if isinstance(p, str) else p.raw for p in doc.parts)
    if isinstance(lookup, Mapping):
        table = lookup
        lookup = lambda seg: table.get((seg.msgctxt, seg.source))  # noqa: E731
    out: list[str] = []
    for part in doc.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        target = lookup(part)
        if not target or target == part.source:
            out.append(part.raw)
        elif part.kind in _ATTR_KINDS:
            out.append(_escape_attr(target, doc.fmt, part.kind, out[-1] if out else ""))
        else:
            out.append(target)
    return "".join(out)


def unescape_text(value: str) -> str:
    """HTML entities decoded (for comparing visible text)."""
    return html.unescape(value)
