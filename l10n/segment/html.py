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


def segment_html(text: str, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Split an HTML article into skeleton and segments."""
    parser = _Tokens(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a safety net
        raise SourceError(f"cannot tokenise HTML: {exc}", path=name) from exc
    events = parser.events
    ends = [e[1] for e in events[1:]] + [len(text)]
    builder = DocumentBuilder(text, name, "html", unit=unit, lang=lang)

    stack: list[str] = []          # open non-void elements
    skip_depth: list[int] = []     # stack depths at which a skipped subtree began
    run: list[tuple[int, int]] = []  # (start, end) of events in the current inline run
    block_kind: list[str] = ["paragraph"]
    directives = DirectiveState()
    in_heading = False

    def flush() -> None:
        # a comment at the end of a run is the author's, not text: it stays in the skeleton
        while run and (not text[run[-1][0]:run[-1][1]].strip()
                       or text[run[-1][0]:run[-1][1]].lstrip().startswith("<!--")):
            run.pop()
        if not run:
            return
        start, end = run[0][0], run[-1][1]
        run.clear()
        raw = text[start:end]
        if not raw.strip():
            return
        if not directives.translating():
            directives.consume()
            return
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        kind = block_kind[-1]
        if kind == "heading" and in_heading:
            builder.enter_section(raw)
        builder.add_block(start + lead, start + trail, kind=kind, disclaimer_id=directives.consume())

    def attr_segment(offset: int, end: int, attr: str, kind: str) -> None:
        raw_tag = text[offset:end]
        for m in _ATTR.finditer(raw_tag):
            if m.group("name").lower() == attr:
                grp = "dq" if m.group("dq") is not None else "sq" if m.group("sq") is not None else "uq"
                value = m.group(grp)
                if value and value.strip() and not (directives.off or skip_depth):
                    a = offset + m.start(grp)
                    lead = len(value) - len(value.lstrip())
                    builder.add_block(a + lead, a + len(value.rstrip()), kind=kind, split=False)
                return

    for (etype, offset, tag, attrs), end in zip(events, ends):
        skipping = bool(skip_depth)
        if etype == "comment":
            d = parse_directive(text[offset:end], path=name, line=builder.line_of(offset))
            if d is None and run and not skipping and text[run[0][0]:run[-1][1]].strip():
                # a plain comment inside a sentence stays inline (never at the start of a segment)
                run.append((offset, end))
                continue
            flush()
            if d is not None:
                directives.apply(d)
            continue
        if etype == "decl":
            flush()
            continue
        if etype == "data":
            if not skipping:
                run.append((offset, end))
            continue
        if etype in ("start", "startend"):
            is_void = tag in VOID or etype == "startend"
            if not skipping and tag in INLINE and tag != "code" or (tag == "code" and run and not skipping):
                run.append((offset, end))
                if not is_void:
                    stack.append(tag)
                continue
            flush()
            if not is_void:
                stack.append(tag)
                if skipping or tag in SKIP or (attrs.get("translate") or "").lower() == "no":
                    if not skipping:
                        skip_depth.append(len(stack))
                    continue
                block_kind.append(_KIND.get(tag, "paragraph"))
                if tag in ("h1", "h2", "h3"):
                    in_heading = True
            if skipping:
                continue
            if tag == "img" or tag == "area":
                attr_segment(offset, end, "alt", "alt")
            if "title" in attrs and tag not in INLINE:
                attr_segment(offset, end, "title", "title")
            if tag == "meta" and (attrs.get("name") or "").lower() in ("description", "keywords"):
                attr_segment(offset, end, "content", "meta")
            continue
        if etype == "end":
            if tag in VOID:
                continue
            if tag not in stack:  # stray end tag: keep it where it is
                if run and not skipping:
                    run.append((offset, end))
                continue
            if not skipping and tag in INLINE and run and stack and stack[-1] == tag:
                run.append((offset, end))
                stack.pop()
                continue
            flush()
            while stack:
                depth = len(stack)
                top = stack.pop()
                if skip_depth and skip_depth[-1] == depth:
                    skip_depth.pop()
                elif top not in INLINE and not (skip_depth and depth > skip_depth[-1]):
                    if len(block_kind) > 1:
                        block_kind.pop()
                    if top in ("h1", "h2", "h3"):
                        in_heading = False
                if top == tag:
                    break
    flush()
    return builder.finish()


def _text_of(fragment: str) -> str:
    """Visible text of an HTML fragment (tags dropped, whitespace folded)."""
    return fold_ws(re.sub(r"<[^>]*>", "", fragment))
