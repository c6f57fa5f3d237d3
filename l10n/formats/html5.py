"""An HTML page as a browser builds it, as an ``lxml.html`` tree.

libxml2 (lxml) builds its own tree from broken markup, and it is not the
browser's. ``<p>Beba agua.<details></p> … <p>disclaimer</p>`` is, to libxml2,
an empty ``<details>`` closed by ``</p>``; to a browser the ``<details>``
closes the paragraph and swallows everything after it, disclaimer included,
until its parent ends. ``<s>`` or ``<font color=white>`` left open at the end
of a paragraph is *reopened* by a browser in every following paragraph. A
static check of what readers see must see the browser's tree.

The parsing is Lexbor's (through selectolax), a complete implementation of
the WHATWG HTML parsing algorithm in C, maintained and tested against the
html5lib test suite; this module only copies its tree into lxml elements so
that the visibility analysis (XPath, CSS matching) works on it. Scripting is
off (``<noscript>`` content is markup, hidden); ``<template>`` content is
kept as children of its ``<template>`` (never rendered). No network, no
entities beyond HTML's named character references.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from l10n.errors import RenderError

__all__ = ["MAX_DEPTH", "check_depth", "parse_html5"]

_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")


#: Deepest element nesting parsed. HTML parsers (browsers', Lexbor, html5ever) look up the stack of open
#: elements for every tag, so parsing is quadratic in the depth (40,000 nested <div>s: 6 s in Ammonia); the
#: build's own re-parse (libxml2) refuses pages deeper than 256 anyway. The sanitiser
#: (:mod:`l10n.pages.sanitize`) checks it too, before Ammonia parses anything.
MAX_DEPTH = 512
_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
#: Elements that never stay open: void elements and those whose end tag is optional (closed by the next one).
_NOT_NESTING = frozenset("""
area base br col embed hr img input link meta param source track wbr p li dt dd tr td th thead tbody tfoot
option optgroup rp rt rb rtc colgroup caption
""".split())


def check_depth(text: str) -> None:
    """Refuse markup nested deeper than :data:`MAX_DEPTH` elements (in linear time, before any parser sees it).

    :raises RenderError: naming the line where the nesting goes too deep.
    """
    if text.count("<") <= MAX_DEPTH:
        return
    depth = 0
    for m in _TAG_TOKEN.finditer(text):
        if m.group(2).lower() in _NOT_NESTING:
            continue
        depth = depth - 1 if m.group(1) else depth + 1
        if depth > MAX_DEPTH:
            line = text.count("\n", 0, m.start()) + 1
            raise RenderError(f"elements nested more than {MAX_DEPTH} deep", line=line)
        depth = max(depth, 0)


def _clean(text: str) -> str:
    """Text lxml accepts: characters XML forbids become U+FFFD."""
    return _NOT_XML_CHAR.sub("\ufffd", text)


def _comment(data: str) -> etree._Comment:
    data = re.sub("-(?=-)", "- ", _clean(data))  # "--" cannot be in an XML comment
    return etree.Comment(data + " " if data.endswith("-") else data)


def _children(node):
    """A Lexbor node's children, a ``<template>``'s content included."""
    child = node.child
    while child is not None:
        yield child
        child = child.next
    if node.tag == "template":
        for fragment in node.template_fragments():
            if fragment.parent is not None and fragment.parent.mem_id == node.mem_id:
                yield from _children(fragment)


def _to_lxml(root, factory) -> etree._Element:
    """The lxml copy of a Lexbor tree (iteratively: pages may nest deeper than Python recurses)."""

    def make(node) -> etree._Element:
        tag = node.tag if _XML_NAME.match(node.tag) else "l10n-unknown"
        attrs = {k: _clean(v or "") for k, v in node.attributes.items() if _XML_NAME.match(k)}
        return factory(tag, attrs)

    top = make(root)
    todo = [(root, top)]
    while todo:
        node, el = todo.pop()
        last = None
        for child in _children(node):
            if child.is_text_node:
                text = _clean(child.text_content or "")
                if last is None:
                    el.text = (el.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
                continue
            if child.is_comment_node:
                sub = _comment(child.comment_content or "")
            elif child.is_element_node:
                sub = make(child)
                todo.append((child, sub))
            else:  # doctype, processing instruction (a bogus comment to a browser)
                continue
            el.append(sub)
            last = sub
    return top


def parse_html5(data: bytes | str) -> lxml_html.HtmlElement:
    """The ``<html>`` element of the tree a browser builds from ``data`` (UTF-8 when bytes).

    :raises RenderError: elements nested deeper than :data:`MAX_DEPTH` (parsing would be quadratic).

    Comments before ``<html>`` are moved into it (first), so that every
    comment of the page is under the returned root.
    """
    from selectolax.lexbor import LexborHTMLParser

    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if text.startswith("\ufeff"):
        text = text[1:]
    check_depth(text)
    tree = LexborHTMLParser(text)
    html = tree.root
    top = _to_lxml(html, lxml_html.html_parser.makeelement)
    document = html.parent
    if document is not None:
        before = []
        child = document.child
        while child is not None and child.mem_id != html.mem_id:
            if child.is_comment_node:
                before.append(_comment(child.comment_content or ""))
            child = child.next
        for c in reversed(before):
            top.insert(0, c)
    return top
