"""Inline markup inside a segment, as a small tree that flattens back exactly.

A msgid keeps the source's own inline syntax (Markdown ``**bold**``,
``*italic*``, ``[text](url)``, inline code; HTML ``<b>…</b>``,
``<a href="…">…</a>``, ``<br>``). :func:`parse_inline` splits it into text,
:class:`Span` (an opening and a closing code around translatable content)
and :class:`Code` (a standalone code). The invariant, property-tested, is

    ``flatten(parse_inline(text, fmt)) == text``

for every string, so whatever a translator does to the structure, the
original bytes can always be rebuilt. Anything that does not pair up is
plain text (Markdown delimiters, brackets) or a standalone code (HTML tags).

>>> parse_inline("Take **one** dose.", "markdown")
('Take ', Span(open='**', close='**', ctype='bold', children=('one',)), ' dose.')
>>> flatten(parse_inline("a <b>b</b> <br> c", "html"))
'a <b>b</b> <br> c'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Union

__all__ = ["Code", "Node", "Span", "flatten", "format_of", "parse_inline"]


@dataclass(frozen=True, slots=True)
class Code:
    """A standalone code (``<br>``, an image, inline code): ``raw`` is its exact text."""

    raw: str
    ctype: str


@dataclass(frozen=True, slots=True)
class Span:
    """Translatable content between an opening and a closing code."""

    open: str
    close: str
    ctype: str
    children: tuple[Node, ...]


Node = Union[str, Code, Span]

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TAG_CTYPE = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underlined", "a": "link",
              "br": "lb", "img": "image"}

_HTML_PARTS = [
    ("comment", r"<!--.*?-->"),
    ("tag", r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)?\s*/?>"),
]
_MD_PARTS = [
    ("escape", r"\\[\\`*_{}\[\]()#+\-.!<>|~]"),
    ("code", r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)"),
    ("image", r"!\[[^\[\]]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)"),
    ("autolink", r"<(?:https?|mailto|ftp):[^<>\s]*>"),
    *_HTML_PARTS,
    ("linkclose", r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"),
    ("linkopen", r"\["),
    ("delim", r"\*+|_+"),
]


def _compile(parts: list[tuple[str, str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in parts), re.S)


_LEXERS = {"markdown": _compile(_MD_PARTS), "html": _compile(_HTML_PARTS)}


def format_of(filename: str) -> str:
    """``markdown``, ``html`` or ``plaintext`` from a source file name."""
    from l10n.errors import SourceError
    from l10n.formats.documents import format_for_file

    name = filename.split("#", 1)[0].lower()
    try:
        return format_for_file(name).inline  # each document format says which inline markup it uses
    except SourceError:
        return "html" if name.endswith(".xhtml") else "plaintext"


@dataclass
class _Frame:
    name: str
    open: str
    ctype: str
    fallback: str  # "text" or "code": what the opener becomes if it never closes
    children: list[Node]


def _append(children: list[Node], node: Node) -> None:
    if isinstance(node, str):
        if not node:
            return
        if children and isinstance(children[-1], str):
            children[-1] += node
            return
    children.append(node)


def _placeholder(ctype: str) -> str:
    """A ctype valid for a standalone code (XLIFF ``<x>``/``<ph>``)."""
    return ctype if ctype in ("lb", "image") or ctype.startswith("x-") else f"x-{ctype}"


def _collapse(frame: _Frame, into: list[Node]) -> None:
    """An opener that never closed: its code (as text or a code) then its content."""
    _append(into, frame.open if frame.fallback == "text" else Code(frame.open, _placeholder(frame.ctype)))
    for child in frame.children:
        _append(into, child)


class _Tree:
    """The nodes parsed so far: the finished ones, and the spans still open (innermost last)."""

    def __init__(self) -> None:
        self.root: list[Node] = []
        self.stack: list[_Frame] = []

    def top(self) -> list[Node]:
        return self.stack[-1].children if self.stack else self.root

    def add(self, node: Node) -> None:
        _append(self.top(), node)

    def open(self, name: str, raw: str, ctype: str, fallback: str) -> None:
        self.stack.append(_Frame(name, raw, ctype, fallback, []))

    def close(self, name: str, raw: str) -> bool:
        """Close the innermost open span ``name`` (collapsing any opened inside it); False if none is open."""
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].name == name:
                while len(stack) > i + 1:
                    frame = stack.pop()
                    _collapse(frame, stack[-1].children)
                frame = stack.pop()
                self.add(Span(frame.open, raw, frame.ctype, tuple(frame.children)))
                return True
        return False

    def finish(self) -> tuple[Node, ...]:
        while self.stack:
            frame = self.stack.pop()
            _collapse(frame, self.top())
        return tuple(self.root)


_CODE_CTYPES = {"code": "x-code", "image": "image", "autolink": "x-autolink", "comment": "x-html-comment"}


def _tag(tree: _Tree, text: str, m: re.Match[str]) -> None:
    raw = m.group(0)
    name = re.match(r"</?([A-Za-z][A-Za-z0-9-]*)", raw).group(1).lower()
    ctype = _TAG_CTYPE.get(name, f"x-html-{name}")
    if raw.startswith("</"):
        if not tree.close("<" + name, raw):
            tree.add(Code(raw, _placeholder(ctype)))
    elif raw.endswith("/>") or name in _VOID:
        tree.add(Code(raw, _placeholder(ctype)))
    else:
        tree.open("<" + name, raw, ctype, "code")


def _link_open(tree: _Tree, text: str, m: re.Match[str]) -> None:
    tree.open("[", m.group(0), "link", "text")


def _link_close(tree: _Tree, text: str, m: re.Match[str]) -> None:
    if not tree.close("[", m.group(0)):
        tree.add(m.group(0))


def _emphasis(tree: _Tree, text: str, m: re.Match[str]) -> None:
    """A run of ``*`` or ``_``: it closes an open span, opens one, or is text (CommonMark's flanking rules)."""
    raw = m.group(0)
    if len(raw) > 2:
        tree.add(raw)
        return
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    can_open = bool(after) and not after.isspace()
    can_close = bool(before) and not before.isspace()
    if raw[0] == "_":
        can_open = can_open and not before.isalnum()
        can_close = can_close and not after.isalnum()
    if can_close and any(f.name == raw for f in tree.stack) and tree.close(raw, raw):
        return
    if can_open:
        tree.open(raw, raw, "bold" if len(raw) == 2 else "italic", "text")
    else:
        tree.add(raw)


_TOKEN_HANDLERS: dict[str, Callable[[_Tree, str, re.Match[str]], None]] = {
    "tag": _tag, "linkopen": _link_open, "linkclose": _link_close,
}


def _token(tree: _Tree, text: str, m: re.Match[str]) -> None:
    kind = m.lastgroup
    if kind == "escape":
        tree.add(m.group(0))
    elif kind in _CODE_CTYPES:
        tree.add(Code(m.group(0), _CODE_CTYPES[kind]))
    else:
        _TOKEN_HANDLERS.get(kind, _emphasis)(tree, text, m)


def parse_inline(text: str, fmt: str) -> tuple[Node, ...]:
    """Split ``text`` into text, spans and codes according to ``fmt``.

    :param fmt: ``markdown``, ``html`` or ``plaintext`` (no markup at all).
    """
    lexer = _LEXERS.get(fmt)
    if lexer is None or not text:
        return (text,) if text else ()
    tree = _Tree()
    pos = 0
    for m in lexer.finditer(text):
        tree.add(text[pos:m.start()])
        pos = m.end()
        _token(tree, text, m)
    tree.add(text[pos:])
    return tree.finish()


def flatten(nodes: tuple[Node, ...] | list[Node]) -> str:
    """The exact text the nodes came from."""
    out: list[str] = []
    for n in nodes:
        if isinstance(n, str):
            out.append(n)
        elif isinstance(n, Code):
            out.append(n.raw)
        else:
            out.append(n.open)
            out.append(flatten(n.children))
            out.append(n.close)
    return "".join(out)
