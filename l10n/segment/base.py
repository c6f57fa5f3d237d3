"""The builder every parser feeds: blocks in, a :class:`~l10n.model.Document` out.

A parser finds translatable blocks as ranges of the source text; the builder
splits them into sentences (or keeps whole blocks), keeps everything between
them as verbatim skeleton, and names each segment by a structural position
(``<section-slug>/<kind><n>[.s<k>]``) that does not move when unrelated lines
move.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from l10n.model import Document, Segment, disclaimer_context
from l10n.segment.sentences import sentence_spans

__all__ = ["DocumentBuilder", "fold_ws", "slugify"]

_WS = re.compile(r"[ \t\r\n\f\v]+")
_LETTER = re.compile(r"[^\W\d_]")
_KIND_PREFIX = {
    "heading": "h", "paragraph": "p", "list_item": "li", "table_header": "th",
    "table_cell": "td", "blockquote": "q", "alt": "alt", "title": "title", "page_title": "title",
    "caption": "cap", "meta": "meta", "term": "dt", "definition": "dd",
}


def fold_ws(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and strip the ends.

    No-break spaces are content, not layout, and are kept.

    >>> fold_ws("  a\\n  b\\u00a0c ")
    'a b\\xa0c'
    """
    return _WS.sub(" ", text).strip(" ")


def slugify(text: str) -> str:
    """A GitHub-style anchor slug for a heading.

    >>> slugify("What is *Kratom*?")
    'what-is-kratom'
    """
    text = re.sub(r"<[^>]*>|\]\([^)]*\)|[*_`\[\]!]", "", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", text)
    slug = "-".join(words)
    if len(slug) > 48:
        slug = slug[:48].rsplit("-", 1)[0]
    return slug or "section"


class DocumentBuilder:
    """Accumulates skeleton and segments for one document."""

    def __init__(self, text: str, name: str, fmt: str, *, unit: str = "sentence", lang: str = "en") -> None:
        self.text = text
        self.name = name
        self.fmt = fmt
        self.unit = unit
        self.lang = lang
        self.parts: list[str | Segment] = []
        self.cursor = 0
        self.section = "top"
        self.heading = ""
        self._counters: dict[tuple[str, str], int] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self._line_starts, offset)

    def enter_section(self, heading_text: str) -> None:
        """Start a new section under a heading (its slug names the section)."""
        slug = slugify(heading_text)
        base, n = slug, 2
        while any(sec == slug for sec, _ in self._counters) and slug != self.section:
            slug = f"{base}-{n}"
            n += 1
        self.section = slug
        self.heading = fold_ws(heading_text)

    def add_block(self, start: int, end: int, norm: str | None = None, *, kind: str = "paragraph",
                  disclaimer_id: str | None = None, split: bool = True) -> None:
        """Add the block ``text[start:end]``.

        ``norm`` is the same block with container prefixes (``> ``, list
        indentation) blanked, character for character; it gives the msgid.
        """
        if start < self.cursor or end < start:
            raise ValueError(f"block {start}:{end} out of order (cursor {self.cursor})")
        raw = self.text[start:end]
        norm = raw if norm is None else norm
        if len(norm) != len(raw):
            raise ValueError("norm must have the same length as the raw block")
        if not _LETTER.search(norm):
            return
        key = (self.section, kind)
        self._counters[key] = self._counters.get(key, 0) + 1
        ref = f"{self.section}/{_KIND_PREFIX.get(kind, kind)}{self._counters[key]}"
        flat = norm.replace("\n", " ").replace("\r", " ")
        if split and self.unit == "sentence" and disclaimer_id is None:
            spans = sentence_spans(flat, self.lang)
        else:
            stripped = flat.strip()
            lead = len(flat) - len(flat.lstrip())
            spans = [(lead, lead + len(stripped))]
        spans = [s for s in spans if _LETTER.search(flat[s[0]:s[1]])] or spans
        for i, (a, b) in enumerate(spans):
            s_ref = ref if len(spans) == 1 else f"{ref}.s{i + 1}"
            self._emit(start + a, start + b, fold_ws(norm[a:b]), s_ref, kind, disclaimer_id)

    def _emit(self, start: int, end: int, source: str, ref: str, kind: str, disclaimer_id: str | None) -> None:
        if start > self.cursor:
            self.parts.append(self.text[self.cursor:start])
        self.parts.append(Segment(
            source=source, raw=self.text[start:end], ref=ref, line=self.line_of(start), kind=kind,
            heading=self.heading, msgctxt=disclaimer_context(disclaimer_id) if disclaimer_id else None,
            disclaimer_id=disclaimer_id,
        ))
        self.cursor = end

    def finish(self) -> Document:
        """The document: skeleton and segments, covering the whole text."""
        if self.cursor < len(self.text):
            self.parts.append(self.text[self.cursor:])
        return Document(self.name, self.fmt, tuple(self.parts))
