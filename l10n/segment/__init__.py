"""Segmentation: a source article becomes skeleton plus segments.

One parser per format, chosen by file suffix::

    >>> doc = segment_text("# Title\\n\\nOne. Two.\\n", "a.md")
    >>> [s.source for s in doc.segments]
    ['Title', 'One.', 'Two.']
"""

from __future__ import annotations

from collections.abc import Callable

from l10n.errors import SourceError
from l10n.model import Document
from l10n.segment.html import segment_html
from l10n.segment.markdown import segment_markdown
from l10n.segment.plaintext import segment_plaintext

__all__ = ["FORMATS", "decode_source", "format_of", "segment_text"]

FORMATS: dict[str, Callable[..., Document]] = {
    "md": segment_markdown,
    "html": segment_html,
    "txt": segment_plaintext,
}
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt", ".text": "txt"}


def format_of(name: str) -> str:
    """The format of a document from its file name.

    >>> format_of("leaflet.HTML")
    'html'
    """
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise SourceError(
            f"unsupported source format {suffix or '(no suffix)'!r}; expected one of "
            + ", ".join(sorted(_SUFFIXES)), path=name
        ) from None


def decode_source(data: bytes, name: str) -> str:
    """Decode a source file as UTF-8 (a BOM is dropped), naming the line of a bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path=name, line=line) from None
    return text[1:] if text.startswith("\ufeff") else text


def segment_text(text: str, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Segment ``text`` (the content of the file ``name``)."""
    return FORMATS[format_of(name)](text, name, unit=unit, lang=lang)
