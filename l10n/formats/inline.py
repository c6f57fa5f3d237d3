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


def parse_inline(text: str, fmt: str) -> tuple[Node, ...]:
    """Split ``text`` into text, spans and codes according to ``fmt``.

    :param fmt: ``markdown``, ``html`` or ``plaintext`` (no markup at all).
    """
    lexer = _LEXERS.get(fmt)
    if lexer is None or not text:
        return (text,) if text else ()
    root: list[Node] = []
    stack: list[_Frame] = []

    def top() -> list[Node]:
        return stack[-1].children if stack else root

    def close(name: str, raw: str) -> bool:
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].name == name:
                while len(stack) > i + 1:
                    frame = stack.pop()
                    _collapse(frame, stack[-1].children)
                frame = stack.pop()
                _append(top(), Span(frame.open, raw, frame.ctype, tuple(frame.children)))
                return True
        return False

    pos = 0
    for m in lexer.finditer(text):
        _append(top(), text[pos:m.start()])
        pos = m.end()
        raw, kind = m.group(0), m.lastgroup
        if kind == "escape":
            _append(top(), raw)
        elif kind == "code":
            _append(top(), Code(raw, "x-code"))
        elif kind == "image":
            _append(top(), Code(raw, "image"))
        elif kind == "autolink":
            _append(top(), Code(raw, "x-autolink"))
        elif kind == "comment":
            _append(top(), Code(raw, "x-html-comment"))
        elif kind == "tag":
            name = re.match(r"</?([A-Za-z][A-Za-z0-9-]*)", raw).group(1).lower()
            ctype = _TAG_CTYPE.get(name, f"x-html-{name}")
            if raw.startswith("</"):
                if not close("<" + name, raw):
                    _append(top(), Code(raw, _placeholder(ctype)))
            elif raw.endswith("/>") or name in _VOID:
                _append(top(), Code(raw, _placeholder(ctype)))
            else:
                stack.append(_Frame("<" + name, raw, ctype, "code", []))
        elif kind == "linkopen":
            stack.append(_Frame("[", raw, "link", "text", []))
        elif kind == "linkclose":
            if not close("[", raw):
                _append(top(), raw)
        else:  # a run of * or _
            if len(raw) > 2:
                _append(top(), raw)
                continue
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            can_open = bool(after) and not after.isspace()
            can_close = bool(before) and not before.isspace()
            if raw[0] == "_":
                can_open = can_open and not before.isalnum()
                can_close = can_close and not after.isalnum()
            name = raw
            if can_close and any(f.name == name for f in stack) and close(name, raw):
                continue
            if can_open:
                stack.append(_Frame(name, raw, "bold" if len(raw) == 2 else "italic", "text", []))
            else:
                _append(top(), raw)
    _append(top(), text[pos:])
    while stack:
        frame = stack.pop()
        _collapse(frame, top())
    return tuple(root)


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
