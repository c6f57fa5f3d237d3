"""HTML segmentation with exact source offsets.

The source is tokenised with the standard library's ``html.parser`` (the
only maintained HTML tokeniser that reports where each token starts, which a
byte-for-byte skeleton needs); published pages are re-parsed with lxml.

A segment is a maximal run of text and inline elements (``<b>``, ``<i>``,
``<a>``, ...) inside a block; inline tags stay in the msgid as written.
Image ``alt``, block-level ``title`` attributes, ``<title>`` and meta
descriptions are segments too. ``script``, ``style``, ``pre``, ``code``
blocks, ``template``, ``svg`` and any element with ``translate="no"`` are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from l10n.errors import SourceError
from l10n.model import Document
from l10n.segment.base import DocumentBuilder, fold_ws
from l10n.segment.directives import DirectiveState, parse_directive

__all__ = ["segment_html"]

INLINE = frozenset(
    "a abbr b bdi bdo br cite code data del dfn em font i ins kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)
SKIP = frozenset("script style pre template svg math noscript textarea iframe object canvas".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_KIND = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list_item", "td": "table_cell", "th": "table_header", "blockquote": "blockquote",
    "title": "page_title", "caption": "caption", "figcaption": "caption", "dt": "term", "dd": "definition",
}
_ATTR = re.compile(r"""\s(?P<name>[A-Za-z_:][-\w:.]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s"'=<>`]+))""")


class _Tokens(HTMLParser):
    """Records (kind, offset, tag, attrs) for every token."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[str, int, str, dict[str, str | None]]] = []
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _off(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", self._off(), tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", self._off(), tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", self._off(), tag, {}))

    def handle_data(self, data):
        self.events.append(("data", self._off(), "", {}))

    def handle_entityref(self, name):
        self.events.append(("data", self._off(), "", {}))

    def handle_charref(self, name):
        self.events.append(("data", self._off(), "", {}))

    def handle_comment(self, data):
        self.events.append(("comment", self._off(), "", {}))

    def handle_decl(self, decl):
        self.events.append(("decl", self._off(), "", {}))

    def handle_pi(self, data):
        self.events.append(("decl", self._off(), "", {}))

    def unknown_decl(self, data):
        self.events.append(("decl", self._off(), "", {}))

    def close(self):
        # What feed() left unparsed starts with a construct that never ends (a comment, a tag, a declaration
        # with no closing ">" before the end of the file). html.parser's close() would step through it one
        # "<" at a time, scanning to the end each time: quadratic ("<!--" * 20,000 took 7 s). A browser
        # takes it as one unterminated comment or tag: one skeleton token, never text.
        if self.rawdata.startswith("<"):
            self.events.append(("decl", self._off(), "", {}))
            self.rawdata = ""
        super().close()


_SECTION_HEADINGS = frozenset(("h1", "h2", "h3"))


@dataclass(frozen=True, slots=True)
class _Event:
    """One token as the segmenter sees it: where it starts and ends, and whether it is inside a skipped subtree."""

    offset: int
    end: int
    tag: str
    attrs: dict[str, str | None]
    skipping: bool


def _attribute_value(raw_tag: str, attr: str) -> tuple[int, str] | None:
    """The first ``attr="..."`` of a start tag as written: (offset of the value in the tag, value)."""
    for m in _ATTR.finditer(raw_tag):
        if m.group("name").lower() == attr:
            grp = "dq" if m.group("dq") is not None else "sq" if m.group("sq") is not None else "uq"
            return m.start(grp), m.group(grp)
    return None


def _not_text(raw: str) -> bool:
    """A run's tail that is no text: blanks, or a comment (the author's, it stays in the skeleton)."""
    return not raw.strip() or raw.lstrip().startswith("<!--")


class _Segmenter:
    """Walks the token events of one article: inline runs and attribute texts become segments."""

    def __init__(self, text: str, name: str, builder: DocumentBuilder) -> None:
        self.text = text
        self.name = name
        self.builder = builder
        self.stack: list[str] = []          # open non-void elements
        self.skip_depth: list[int] = []     # stack depths at which a skipped subtree began
        self.run: list[tuple[int, int]] = []  # (start, end) of events in the current inline run
        self.block_kind: list[str] = ["paragraph"]
        self.directives = DirectiveState()
        self.in_heading = False
        self._handlers: dict[str, Callable[[_Event], None]] = {
            "comment": self._comment, "decl": self._decl, "data": self._data,
            "start": self._start, "startend": self._startend, "end": self._end,
        }

    def feed(self, events: list[tuple[str, int, str, dict[str, str | None]]]) -> None:
        ends = [e[1] for e in events[1:]] + [len(self.text)]
        for (etype, offset, tag, attrs), end in zip(events, ends):
            self._handlers[etype](_Event(offset, end, tag, attrs, bool(self.skip_depth)))
        self.flush()

    def flush(self) -> None:
        run, text = self.run, self.text
        while run and _not_text(text[run[-1][0]:run[-1][1]]):
            run.pop()
        if not run:
            return
        start, end = run[0][0], run[-1][1]
        run.clear()
        raw = text[start:end]
        if not raw.strip():
            return
        if not self.directives.translating():
            self.directives.consume()
            return
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        kind = self.block_kind[-1]
        if kind == "heading" and self.in_heading:
            self.builder.enter_section(raw)
        self.builder.add_block(start + lead, start + trail, kind=kind, disclaimer_id=self.directives.consume())

    def _attr_segment(self, ev: _Event, attr: str, kind: str) -> None:
        found = _attribute_value(self.text[ev.offset:ev.end], attr)
        if found is None:
            return
        at, value = found
        if value and value.strip() and not (self.directives.off or self.skip_depth):
            a = ev.offset + at
            lead = len(value) - len(value.lstrip())
            self.builder.add_block(a + lead, a + len(value.rstrip()), kind=kind, split=False)

    def _comment(self, ev: _Event) -> None:
        d = parse_directive(self.text[ev.offset:ev.end], path=self.name, line=self.builder.line_of(ev.offset))
        if d is None and self.run and not ev.skipping and self.text[self.run[0][0]:self.run[-1][1]].strip():
            # a plain comment inside a sentence stays inline (never at the start of a segment)
            self.run.append((ev.offset, ev.end))
            return
        self.flush()
        if d is not None:
            self.directives.apply(d)

    def _decl(self, ev: _Event) -> None:
        self.flush()

    def _data(self, ev: _Event) -> None:
        if not ev.skipping:
            self.run.append((ev.offset, ev.end))

    def _startend(self, ev: _Event) -> None:
        self._start(ev, void=True)

    def _start(self, ev: _Event, *, void: bool = False) -> None:
        is_void = void or ev.tag in VOID
        if not ev.skipping and (ev.tag in INLINE and ev.tag != "code" or ev.tag == "code" and bool(self.run)):
            self.run.append((ev.offset, ev.end))
            if not is_void:
                self.stack.append(ev.tag)
            return
        self.flush()
        if not is_void and self._open(ev):
            return
        if not ev.skipping:
            self._attribute_segments(ev)

    def _open(self, ev: _Event) -> bool:
        """Open a block element; True if it begins (or lies in) a subtree that is not translated."""
        self.stack.append(ev.tag)
        if ev.skipping or ev.tag in SKIP or (ev.attrs.get("translate") or "").lower() == "no":
            if not ev.skipping:
                self.skip_depth.append(len(self.stack))
            return True
        self.block_kind.append(_KIND.get(ev.tag, "paragraph"))
        if ev.tag in _SECTION_HEADINGS:
            self.in_heading = True
        return False

    def _attribute_segments(self, ev: _Event) -> None:
        if ev.tag == "img" or ev.tag == "area":
            self._attr_segment(ev, "alt", "alt")
        if "title" in ev.attrs and ev.tag not in INLINE:
            self._attr_segment(ev, "title", "title")
        if ev.tag == "meta" and (ev.attrs.get("name") or "").lower() in ("description", "keywords"):
            self._attr_segment(ev, "content", "meta")

    def _end(self, ev: _Event) -> None:
        if ev.tag in VOID:
            return
        if ev.tag not in self.stack:  # stray end tag: keep it where it is
            if self.run and not ev.skipping:
                self.run.append((ev.offset, ev.end))
            return
        if not ev.skipping and ev.tag in INLINE and self.run and self.stack[-1] == ev.tag:
            self.run.append((ev.offset, ev.end))
            self.stack.pop()
            return
        self.flush()
        self._close_to(ev.tag)

    def _close_to(self, tag: str) -> None:
        """Pop open elements up to and including ``tag``, leaving the skipped subtrees and blocks they end."""
        while self.stack:
            depth = len(self.stack)
            top = self.stack.pop()
            if self.skip_depth and self.skip_depth[-1] == depth:
                self.skip_depth.pop()
            elif top not in INLINE and not (self.skip_depth and depth > self.skip_depth[-1]):
                self._close_block(top)
            if top == tag:
                break

    def _close_block(self, tag: str) -> None:
        if len(self.block_kind) > 1:
            self.block_kind.pop()
        if tag in _SECTION_HEADINGS:
            self.in_heading = False


def segment_html(text: str, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Split an HTML article into skeleton and segments."""
    parser = _Tokens(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a safety net
        raise SourceError(f"cannot tokenise HTML: {exc}", path=name) from exc
    builder = DocumentBuilder(text, name, "html", unit=unit, lang=lang)
    _Segmenter(text, name, builder).feed(parser.events)
    return builder.finish()


def _text_of(fragment: str) -> str:
    """Visible text of an HTML fragment (tags dropped, whitespace folded)."""
    return fold_ws(re.sub(r"<[^>]*>", "", fragment))
