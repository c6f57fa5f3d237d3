"""Markdown segmentation through markdown-it-py (CommonMark + GFM tables).

Translatable: headings, paragraphs, list items, table cells, block quotes,
the alt text and title of a standalone image. Not translatable: code blocks,
HTML blocks, front matter, anything switched off by a directive. Inline
markup stays in the msgid in Markdown syntax (``**bold**``, ``*Mitragyna
speciosa*``, ``[text](url)``).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from l10n.errors import SourceError
from l10n.model import Document
from l10n.segment.base import DocumentBuilder
from l10n.segment.directives import DirectiveState, parse_directive

__all__ = ["segment_markdown"]

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*(\r?\n|\Z)", re.S | re.M)
_IMAGE_ONLY = re.compile(r'^!\[(?P<alt>(?:[^\]\\\n]|\\.)*)\]\((?P<src>[^\s)]+)(?:\s+"(?P<title>(?:[^"\\\n]|\\.)*)")?\)$')


#: Deepest nesting of unclosed ``[`` or ``(`` accepted in one paragraph. markdown-it's link parsing is quadratic
#: in it ("[" * 40,000 + "]" * 40,000 took 2.3 s, "[a](" * 20,000 1.9 s and growing as the square); articles
#: nest brackets two or three deep.
MAX_BRACKET_DEPTH = 64
_BRACKETS = re.compile(r"\\.|[\[\]()]")
_BLANK = re.compile(r"\n[ \t]*\n")


def _check_nesting(text: str, name: str) -> None:
    """Refuse brackets nested deeper than :data:`MAX_BRACKET_DEPTH` (exit 2 naming the line), in linear time."""
    start = 0
    for sep in [*_BLANK.finditer(text), None]:
        end = sep.start() if sep else len(text)
        if text.count("[", start, end) > MAX_BRACKET_DEPTH or text.count("(", start, end) > MAX_BRACKET_DEPTH:
            depth = {"[": 0, "(": 0}
            for m in _BRACKETS.finditer(text, start, end):
                ch = m.group()
                if ch in depth:
                    depth[ch] += 1
                    if depth[ch] > MAX_BRACKET_DEPTH:
                        raise SourceError(f"'{ch}' nested more than {MAX_BRACKET_DEPTH} deep (unclosed brackets or "
                                          "link destinations): not an article", path=name,
                                          line=text.count("\n", 0, m.start()) + 1)
                elif len(ch) == 1:
                    opener = "[" if ch == "]" else "("
                    depth[opener] = max(0, depth[opener] - 1)
        start = sep.end() if sep else end


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


class _Locator:
    """Maps an inline token's ``content`` back to offsets in the source."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def locate(self, content: str, first_line: int, *, min_col: int = 0) -> tuple[int, int, str] | None:
        """Return ``(start, end, norm)`` for ``content`` starting on ``first_line``."""
        pieces = content.split("\n")
        spans: list[tuple[int, int]] = []
        for i, piece in enumerate(pieces):
            n = first_line + i
            if n >= len(self.lines):
                return None
            line = self.lines[n]
            col = line.find(piece, min_col if i == 0 else 0) if piece else len(line.rstrip("\r\n"))
            if col < 0:
                return None
            spans.append((self.starts[n] + col, self.starts[n] + col + len(piece)))
        start, end = spans[0][0], spans[-1][1]
        norm = list(self.text[start:end])
        # blank the container prefixes between content lines
        for (_, prev_end), (next_start, _) in zip(spans, spans[1:]):
            for k in range(prev_end - start, next_start - start):
                norm[k] = " "
        return start, end, "".join(norm)


_TABLE_KINDS = ("table_header", "table_cell")
_IMAGE_KINDS = ("paragraph", "list_item", "table_cell", "blockquote")


def _kind(containers: list[str]) -> str:
    """The kind of an inline block from the containers it is in."""
    parent = containers[-1] if containers else ""
    if parent == "heading_open":
        return "heading"
    if parent in ("th_open", "td_open"):
        return "table_header" if parent == "th_open" else "table_cell"
    if "list_item_open" in containers:
        return "list_item"
    if "blockquote_open" in containers:
        return "blockquote"
    return "paragraph"


def _tokens(text: str, name: str) -> list[Token]:
    fm = _FRONT_MATTER.match(text)
    parse_text = text
    if fm:  # keep line numbers: blank the front matter instead of cutting it
        parse_text = re.sub(r"[^\n]", " ", fm.group()) + text[fm.end():]
    _check_nesting(parse_text, name)
    try:
        return _parser().parse(parse_text)
    except Exception as exc:  # markdown-it does not raise on Markdown, only on bugs
        raise SourceError(f"cannot parse Markdown: {exc}", path=name) from exc


class _Segmenter:
    """Walks markdown-it's tokens: each inline block, found back in the source, becomes segments."""

    def __init__(self, text: str, name: str, builder: DocumentBuilder) -> None:
        self.name = name
        self.builder = builder
        self.loc = _Locator(text)
        self.containers: list[str] = []
        self.directives = DirectiveState()
        self.row_cursor: dict[int, int] = {}
        self.heading_level = 0

    def token(self, tok: Token) -> None:
        if tok.type == "html_block":
            self._comments(tok)
        elif tok.nesting == 1:
            self.containers.append(tok.type)
            if tok.type == "heading_open":
                self.heading_level = int(tok.tag[1:])
        elif tok.nesting == -1:
            if self.containers:
                self.containers.pop()
        elif tok.type == "inline" and tok.map is not None:
            self._inline(tok)

    def _comments(self, tok: Token) -> None:
        """The l10n directives among an HTML block's comments."""
        for m in re.finditer(r"<!--.*?-->", tok.content, re.S):
            line = (tok.map[0] + 1) if tok.map else 0
            d = parse_directive(m.group(), path=self.name, line=line)
            if d is not None:
                self.directives.apply(d)

    def _inline(self, tok: Token) -> None:
        kind = _kind(self.containers)
        if kind == "heading" and self.heading_level <= 3:
            self.builder.enter_section(tok.content)
        if not self.directives.translating():
            self.directives.consume()
            return
        found = self._locate(tok, kind)
        if found is None:
            return
        start, end, norm = found
        image = _IMAGE_ONLY.match(tok.content)
        if image and kind in _IMAGE_KINDS:
            self._image(image, start)
            return
        self.builder.add_block(start, end, norm, kind=kind, disclaimer_id=self.directives.consume())

    def _locate(self, tok: Token, kind: str) -> tuple[int, int, str] | None:
        """Where the block's text is in the source; None for an empty block that is nowhere."""
        line0 = tok.map[0]
        table = kind in _TABLE_KINDS
        min_col = self.row_cursor.get(line0, 0) if table else 0
        found = self.loc.locate(tok.content, line0, min_col=min_col) if tok.content else None
        if found is None and table and "|" in tok.content:
            # the table parser unescapes "\|" inside cells (GFM); the source keeps it
            found = self.loc.locate(tok.content.replace("|", "\\|"), line0, min_col=min_col)
        if found is None:
            if tok.content.strip():
                raise SourceError("cannot map a block back to the source", path=self.name, line=line0 + 1)
            return None
        if table:
            self.row_cursor[line0] = found[1] - self.loc.starts[line0]
        return found

    def _image(self, image: re.Match[str], start: int) -> None:
        """A block that is one image: its alt text and title are the segments."""
        for group, sub_kind in (("alt", "alt"), ("title", "title")):
            if image.group(group):
                a = start + image.start(group)
                self.builder.add_block(a, a + len(image.group(group)), kind=sub_kind, split=False)
        self.directives.consume()


def segment_markdown(text: str, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Split a Markdown article into skeleton and segments."""
    builder = DocumentBuilder(text, name, "md", unit=unit, lang=lang)
    tokens = _tokens(text, name)
    segmenter = _Segmenter(text, name, builder)
    for tok in tokens:
        segmenter.token(tok)
    return builder.finish()
