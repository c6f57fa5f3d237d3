"""Allow-list sanitising of every HTML fragment that goes into a published page.

Source articles are trusted for their words, not for their markup: a
``<script>``, an ``onerror=`` handler or a ``javascript:`` link in an article
(or in a translation of it) must never reach ``dist/``. Everything the build
publishes passes through here:

* :func:`sanitize_fragment` — HTML that goes into a page's body (the HTML a
  Markdown article renders to, translations included). The sanitiser is
  Ammonia (through ``nh3``): maintained, built on html5ever (a WHATWG
  parser, so it sees markup as a browser does), fast, allow-list based.
  Chosen over bleach (deprecated by its maintainers in 2023),
  lxml-html-clean (a block-list of "dangerous" things on libxml2's
  non-browser tree) and html-sanitizer (built on lxml-html-clean).
* :func:`sanitize_page` — a whole HTML page (HTML articles): the ``<body>``
  goes through :func:`sanitize_fragment`; the ``<head>`` keeps only
  ``<title>``, ``<meta>`` (no ``http-equiv=refresh``), ``<link>`` (stylesheets,
  icons, alternates — no ``preload``/``import``) and ``<style>``, with the same
  attribute rules.
* :func:`sanitize_markdown` — a Markdown copy (published as ``.md`` and read
  by other renderers): its raw HTML blocks and inline tags are sanitised in
  place with the same rules, the rest of the Markdown is left as written.

**Byte-identical when already safe.** Ammonia re-serialises what it keeps
(quotes, entities). So that clean articles are published exactly as written,
the input is kept as it is when the tree a browser builds from it (Lexbor,
through selectolax: :func:`browser_tree`) is the tree it builds from
Ammonia's output: nothing was removed, so there was nothing to remove.
Otherwise Ammonia's output is published.

What is kept: headings, paragraphs, lists, tables, figures, quotes, inline
formatting, ``<details>``, ``<dialog>``, ``<canvas>``, ``<select>``,
``<font>`` (inert without a script; whether they hide a disclaimer is for the
visibility checks, L10N712/L10N806), media with their sources, links to
``http``/``https``/``mailto``/``tel``, relative and ``#fragment`` URLs; on
every element ``id``, ``class``, ``title``, ``lang``, ``dir``, ``role``,
``translate``, ``hidden``, ``popover``, ``inert``, ``style`` (without
``expression()``, ``url(javascript:…)``, ``behavior``, ``-moz-binding``) and
every ``data-*`` and ``aria-*`` attribute — the build's own
``data-disclaimer``, ``data-l10n-notice`` and heading ids included.

What is dropped with its content: ``script``, ``iframe``, ``object``,
``embed``, ``template``, ``noscript``, ``svg``, ``math`` and the like;
other unknown elements (forms, buttons, ``<base>``) lose their tags and keep
their text. CSS is left to the visibility checks (a ``<style>`` rule or
inline style that hides a disclaimer is L10N712/L10N806, not a script).

Pure: strings in, strings out; :class:`~l10n.errors.RenderError` when the
result still is not safe (never expected: a last line of defence).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

from l10n.errors import RenderError
from l10n.formats.html5 import MAX_DEPTH, check_depth

__all__ = ["BODY_TAGS", "DROP_CONTENT", "HEAD_TAGS", "MAX_DEPTH", "SCRIPTABLE_SUFFIXES", "active_content",
           "active_file_content", "browser_tree", "check_depth", "is_safe_fragment", "is_scriptable_file", "raw_html_spans", "safe_attribute", "sanitize_fragment", "sanitize_markdown",
           "sanitize_page"]

#: Elements kept in a page's body (and in Markdown raw HTML).
BODY_TAGS = frozenset("""
a abbr acronym address article aside audio b bdi bdo blockquote br canvas caption center cite code col colgroup
data datalist dd del details dfn dialog div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hgroup
hr i img ins kbd li main mark nav ol optgroup option p picture pre q rp rt rtc ruby s samp section select small
source span strike strong style sub summary sup table tbody td textarea tfoot th thead time tr track tt u ul var
video wbr
""".split())
#: Elements kept in a page's head.
HEAD_TAGS = frozenset({"title", "meta", "link", "style"})
#: Elements dropped together with everything inside them.
DROP_CONTENT = frozenset("""
script noscript iframe frame frameset object embed applet param template svg math noembed noframes xmp plaintext
portal fencedframe
""".split())

_GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "role", "translate", "hidden", "style", "popover",
                           "inert"})
_TAG_ATTRS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "a": "href hreflang rel type download target",
    "img": "src srcset sizes alt width height loading decoding",
    "ol": "start reversed type", "li": "value",
    "td": "colspan rowspan headers align valign bgcolor width", "th": "colspan rowspan headers scope abbr align valign "
    "bgcolor width", "tr": "align valign bgcolor", "table": "border cellpadding cellspacing width summary bgcolor",
    "font": "color size face", "canvas": "width height", "dialog": "open", "option": "value selected label disabled",
    "optgroup": "label disabled", "textarea": "rows cols readonly", "select": "multiple size",
    "col": "span", "colgroup": "span", "time": "datetime", "data": "value",
    "del": "cite datetime", "ins": "cite datetime", "q": "cite", "blockquote": "cite",
    "details": "open", "abbr": "", "bdo": "",
    "audio": "src controls loop muted preload", "video": "src controls loop muted preload poster width height",
    "source": "src srcset sizes type media", "track": "src kind srclang label default",
    "meta": "charset name content http-equiv property itemprop",
    "link": "rel href type media hreflang sizes", "style": "media",
    "html": "", "head": "", "body": "bgcolor text",
}.items()}
_PREFIXES = ("data-", "aria-")
_URL_ATTRS = frozenset({"href", "src", "cite", "poster", "action", "formaction", "data", "background", "longdesc"})
_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BAD_CSS = ("expression(", "javascript:", "vbscript:", "behavior:", "-moz-binding", "@import")
_LINK_RELS = frozenset({"stylesheet", "icon", "shortcut", "alternate", "canonical", "author", "license", "help",
                        "apple-touch-icon", "manifest", "search", "next", "prev"})
_HTTP_EQUIV = frozenset({"content-type", "content-language", "x-ua-compatible", "default-style"})


def _css_plain(value: str) -> str:
    value = re.sub(r"/\*.*?(?:\*/|$)", "", value, flags=re.S)
    value = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) < 0x110000
                   else "", value)
    return _CONTROL.sub("", value.replace("\\", "")).lower()


def _allowed_name(tag: str, name: str) -> bool:
    """Whether an attribute ``name`` may stand on ``<tag>`` at all: no event handler, a global attribute, one
    of the tag's, or a well-formed ``data-``/``aria-`` attribute."""
    if name.startswith("on"):
        return False
    if not (name in _GLOBAL_ATTRS or name in _TAG_ATTRS.get(tag, ()) or name.startswith(_PREFIXES)):
        return False
    return not name.startswith(_PREFIXES) or bool(re.fullmatch(r"[a-z][a-z0-9_.\-]*", name))


def _bad_scheme(url: str) -> bool:
    """Whether ``url`` (control characters and spaces ignored) has a scheme other than http(s), mailto, tel."""
    m = _SCHEME.match(_CONTROL.sub("", url).lower())
    return bool(m) and m.group(1) not in _SCHEMES


def _unsafe_value(tag: str, name: str, value: str) -> bool:
    """Whether the value of an allowed attribute makes it unsafe: a URL of another scheme (in ``srcset`` too,
    each candidate "url [descriptor]"), active CSS, a ``<meta http-equiv>`` or ``<link rel>`` not listed."""
    if name in _URL_ATTRS and _bad_scheme(html.unescape(value)):
        return True
    if name == "srcset" and any(_bad_scheme(c.strip().split(" ")[0]) for c in html.unescape(value).split(",")):
        return True
    if name == "style" and any(bad in _css_plain(value) for bad in _BAD_CSS):
        return True
    if tag == "meta" and name == "http-equiv" and value.strip().lower() not in _HTTP_EQUIV:
        return True
    return tag == "link" and name == "rel" and not set(value.lower().split()) <= _LINK_RELS


def safe_attribute(tag: str, name: str, value: str) -> str | None:
    """``value`` when ``name=value`` may stay on ``<tag>``, else None (the attribute is dropped)."""
    tag, name = tag.lower(), name.lower()
    if not _allowed_name(tag, name) or _unsafe_value(tag, name, value):
        return None
    return value


@lru_cache(maxsize=1)
def _cleaner():
    import nh3

    attributes = {tag: set(attrs) for tag, attrs in _TAG_ATTRS.items() if tag in BODY_TAGS and attrs}
    attributes["*"] = set(_GLOBAL_ATTRS)
    return nh3.Cleaner(tags=set(BODY_TAGS), clean_content_tags=set(DROP_CONTENT), attributes=attributes,
                       generic_attribute_prefixes=set(_PREFIXES), url_schemes=set(_SCHEMES),
                       attribute_filter=safe_attribute, strip_comments=False, link_rel=None)


# --- the tree a browser builds ---------------------------------------------------------------------------------


def _walk(root, out: list[tuple]) -> None:
    """Append a canonical form of ``root`` and its descendants to ``out`` (iteratively: pages may nest deeply).

    Adjacent text nodes are merged; a ``<template>``'s content is not walked (the element itself is refused).
    """
    out.append(("start", root.tag, tuple(sorted((k, v or "") for k, v in root.attributes.items()))))
    stack = [root]
    node = root.child
    while stack:
        if node is None:
            parent = stack.pop()
            out.append(("end", parent.tag))
            node = parent.next if stack else None
            continue
        if node.is_text_node:
            text = node.text_content or ""
            if out[-1][0] == "text":
                out[-1] = ("text", out[-1][1] + text)
            else:
                out.append(("text", text))
        elif node.is_comment_node:
            out.append(("comment", node.comment_content or ""))
        elif node.is_element_node:
            out.append(("start", node.tag, tuple(sorted((k, v or "") for k, v in node.attributes.items()))))
            stack.append(node)
            node = node.child
            continue
        node = node.next


def browser_tree(text: str) -> tuple[tuple, ...]:
    """A canonical form of the document tree a browser builds from ``text`` (head and body, in order)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    out: list[tuple] = []
    if tree.root is not None:
        _walk(tree.root, out)
    return tuple(out)


def _unsafe_nodes(text: str, *, page: bool) -> list[str]:
    """What in the browser's tree of ``text`` the allow-list does not keep (empty: safe)."""
    allowed = BODY_TAGS | HEAD_TAGS | {"html", "head", "body"} if page else BODY_TAGS | {"html", "head", "body"}
    out = []
    for item in browser_tree(text):
        if item[0] != "start":
            continue
        tag, attrs = item[1], item[2]
        if tag not in allowed:
            out.append(f"<{tag}>")
            continue
        for k, v in attrs:
            if safe_attribute(tag, k, v) != v:
                out.append(f"<{tag} {k}=…>")
    return out


def is_safe_fragment(text: str) -> bool:
    """True when the sanitiser would not change what a browser builds from ``text``."""
    return browser_tree(text) == browser_tree(_cleaner().clean(text))


def sanitize_fragment(text: str) -> str:
    """``text`` when it is already safe (byte for byte), else Ammonia's sanitised copy of it."""
    if not text or "<" not in text:
        return text
    check_depth(text)
    cleaned = _cleaner().clean(text)
    if browser_tree(text) == browser_tree(cleaned):
        return text
    if problems := _unsafe_nodes(cleaned, page=False):  # pragma: no cover - Ammonia keeps only the allow-list
        raise RenderError(f"the sanitised HTML still has {problems[0]}")
    return cleaned


# --- whole pages ------------------------------------------------------------------------------------------------


def _start_tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    kept = []
    for k, v in attrs:
        value = safe_attribute(tag, k, v or "")
        if value is not None:
            kept.append(f' {k}="{html.escape(value)}"' if v is not None else f" {k}")
    return f"<{tag}{''.join(kept)}>"


def sanitize_page(text: str) -> str:
    """A whole HTML page made safe: ``text`` itself when nothing had to go, else a rebuilt page.

    The rebuilt page is ``<!DOCTYPE html>``, ``<html>`` with its allowed
    attributes, the allowed head elements (serialised as the browser parsed
    them) and the sanitised body.
    """
    from selectolax.lexbor import LexborHTMLParser

    check_depth(text)
    tree = LexborHTMLParser(text)
    head, body = tree.head, tree.body
    inner = body.inner_html if body is not None else ""
    clean_body = sanitize_fragment(inner or "")
    if not _unsafe_nodes(text, page=True) and clean_body == inner:
        return text
    parts = ["<!DOCTYPE html>", _start_tag("html", list(tree.root.attributes.items())), "<head>"]
    child = head.child if head is not None else None
    while child is not None:
        if child.is_element_node and child.tag in HEAD_TAGS:
            if child.tag in ("meta", "link"):
                attrs = list(child.attributes.items())
                if all(safe_attribute(child.tag, k, v or "") is not None for k, v in attrs
                       if k.lower() in ("http-equiv", "rel")):  # a refresh, a preload: the element goes
                    parts.append(_start_tag(child.tag, attrs))
            elif child.tag == "title":
                parts.append(f"<title>{html.escape(child.text(deep=True))}</title>")
            else:  # style: its text is CSS, kept as it is (it cannot close the element)
                parts.append(_start_tag("style", list(child.attributes.items())) + child.text(deep=True)
                             + "</style>")
        elif child.is_comment_node:
            parts.append(f"<!--{child.comment_content or ''}-->")
        child = child.next
    parts += ["</head>", _start_tag("body", list(body.attributes.items()) if body is not None else []),
              clean_body.strip("\n"), "</body>", "</html>", ""]
    page = "\n".join(parts)
    if problems := _unsafe_nodes(page, page=True):  # pragma: no cover - a last line of defence
        raise RenderError(f"the sanitised page still has {problems[0]}")
    return page


# --- Markdown copies --------------------------------------------------------------------------------------------


class _OneTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: tuple[str, str, list] | None = None

    def handle_starttag(self, tag, attrs):
        self.tag = self.tag or ("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.tag = self.tag or ("startend", tag, attrs)

    def handle_endtag(self, tag):
        self.tag = self.tag or ("end", tag, [])


def _safe_inline(raw: str) -> str:
    """One inline HTML token of Markdown (a tag, a comment…) as it may be published."""
    if raw.startswith("<!--"):
        return raw
    p = _OneTag()
    p.feed(raw)
    p.close()
    if p.tag is None:
        return ""
    kind, tag, attrs = p.tag
    if tag not in BODY_TAGS:
        return ""
    if kind == "end":
        return f"</{tag}>"
    if all(safe_attribute(tag, k, v or "") == (v or "") for k, v in attrs):
        return raw
    return _start_tag(tag, attrs)[:-1] + (" />" if kind == "startend" else ">")


def _md():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def raw_html_spans(text: str) -> list[tuple[int, int, str]]:
    """Where Markdown ``text`` has raw HTML: ``(start, end, "block" | "inline")``, in order.

    Code spans and fenced code are text, not HTML: they are not included.
    """
    starts = _line_starts(text) + [len(text)]
    out: list[tuple[int, int, str]] = []
    for tok in _md().parse(text):
        if tok.map is None:
            continue
        a, b = starts[tok.map[0]], starts[min(tok.map[1], len(starts) - 1)]
        if tok.type == "html_block":
            out.append((a, b, "block"))
        elif tok.type == "inline" and any(c.type == "html_inline" for c in tok.children or ()):
            pos = a
            for child in tok.children or ():
                if child.type == "code_inline":  # skip past the span, so a tag inside it is not taken
                    at = text.find(child.content, pos, b)
                    pos = at + len(child.content) if at >= 0 else pos
                elif child.type == "html_inline" and (at := text.find(child.content, pos, b)) >= 0:
                    out.append((at, at + len(child.content), "inline"))
                    pos = at + len(child.content)
    return out


class _Block(HTMLParser):
    """Tokens of an HTML block with their offsets: (kind, start, end, tag)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._starts = _line_starts(text)
        self.events: list[tuple[str, int, str]] = []

    def _add(self, kind: str, tag: str = "") -> None:
        line, col = self.getpos()
        self.events.append((kind, self._starts[line - 1] + col, tag))

    def handle_starttag(self, tag, attrs):
        self._add("start", tag)

    def handle_startendtag(self, tag, attrs):
        self._add("startend", tag)

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_data(self, data):
        self._add("data")

    handle_entityref = handle_charref = handle_data

    def handle_comment(self, data):
        self._add("comment")

    def handle_decl(self, decl):
        self._add("decl")

    handle_pi = unknown_decl = handle_decl


def _safe_block(block: str) -> str:
    """An HTML block of Markdown with each tag made safe in place (dropped elements lose their content)."""
    p = _Block(block)
    p.feed(block)
    p.close()
    ends = [e[1] for e in p.events[1:]] + [len(block)]
    out: list[str] = [block[:p.events[0][1]] if p.events else block]
    dropping: list[str] = []
    for (kind, start, tag), end in zip(p.events, ends):
        raw = block[start:end]
        if dropping:
            if kind == "start" and tag == dropping[-1]:
                dropping.append(tag)
            elif kind == "end" and tag == dropping[-1]:
                dropping.pop()
            continue
        if kind == "start" and tag in DROP_CONTENT:
            dropping.append(tag)
        elif kind in ("start", "startend", "end"):
            if tag in DROP_CONTENT:
                continue
            m = re.match(r"<[^>]*>?", raw)
            tag_text = m.group(0) if m else raw
            out.append(_safe_inline(tag_text) + raw[len(tag_text):])
        elif kind == "decl":
            continue
        else:
            out.append(raw)
    return "".join(out)


def _rewrite_markdown(text: str, escape: bool) -> str:
    """Raw HTML in ``text`` sanitised (or, with ``escape``, turned into text), the rest as written."""
    for a, b, kind in reversed(raw_html_spans(text)):
        raw = text[a:b]
        new = html.escape(raw, quote=False) if escape else _safe_block(raw) if kind == "block" else _safe_inline(raw)
        text = text[:a] + new + text[b:]
    return text


def sanitize_markdown(text: str) -> str:
    """A Markdown copy whose rendering is safe: ``text`` itself when it already is.

    Raw HTML blocks are sanitised as fragments and inline tags one by one
    (unsafe attributes dropped, unsafe elements removed, their text left as
    text). Should the rendering still not be safe, the raw HTML is escaped:
    it is then shown as text, never run.
    """
    if "<" not in text:
        return text
    check_depth(text)
    md = _md()
    if is_safe_fragment(md.render(text)):
        return text
    for escape in (False, True):
        out = _rewrite_markdown(text, escape)
        if is_safe_fragment(md.render(out)):
            return out
    raise RenderError("the Markdown copy's raw HTML cannot be made safe")  # pragma: no cover


# --- reporting (lint) ---------------------------------------------------------------------------------------------


#: Elements that run or embed something (what ``verify`` reports as L10N812 too).
_ACTIVE_TAGS = frozenset("script iframe frame frameset object embed applet portal fencedframe".split())
#: SVG animation sets an attribute (``<set attributeName="href" to="javascript:…">``): its values are URLs too
_ANIMATION_TAGS = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_ANIMATION_VALUES = frozenset({"to", "from", "by", "values"})

#: Files a browser runs scripts in when one is opened by itself (an image or page linked from an article).
SCRIPTABLE_SUFFIXES = (".svg", ".svgz", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".html", ".htm", ".shtml")


def is_scriptable_file(name: str) -> bool:
    """Whether a browser may run scripts in the file ``name`` (by its suffix): see :func:`active_file_content`."""
    return name.lower().endswith(SCRIPTABLE_SUFFIXES)


def active_file_content(name: str, data: bytes | None) -> tuple[str, ...]:
    """What in the file ``name`` (its bytes, None when unreadable) a browser would run; empty when nothing.

    A file that cannot be judged counts as active: unreadable, compressed (``.svgz``), or not UTF-8 (a browser
    may decode UTF-16 or another declared encoding, where a script would hide from this reading).
    """
    if data is None:
        return ("the file cannot be read",)
    if name.lower().endswith(".svgz") or data[:2] == b"\x1f\x8b":
        return ("a compressed file cannot be checked",)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ("not UTF-8: it cannot be checked",)
    return tuple(what for _, what in active_content(text))


class _Active(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._starts = _line_starts(text)
        self.found: list[tuple[int, str]] = []

    def _off(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        off = self._off()
        tag = tag.rsplit(":", 1)[-1]  # <svg:script> is a script
        if tag in _ACTIVE_TAGS:
            self.found.append((off, f"<{tag}>"))
        if tag == "meta" and any(k == "http-equiv" and (v or "").strip().lower() == "refresh" for k, v in attrs):
            self.found.append((off, "<meta http-equiv=refresh>"))
        for k, v in attrs:
            if k.startswith("on"):
                self.found.append((off, f"<{tag} {k}=…> event handler"))
            elif k in _URL_ATTRS or k.endswith("href") or tag in _ANIMATION_TAGS and k in _ANIMATION_VALUES:
                # an animation's values are a list: "a;b;javascript:…"
                for value in (v or "").split(";") if tag in _ANIMATION_TAGS else (v or "",):
                    plain = _CONTROL.sub("", value).lower()
                    m = _SCHEME.match(plain)
                    if m and m.group(1) in ("javascript", "vbscript", "livescript") or plain.startswith("data:text/html"):
                        self.found.append((off, f"<{tag} {k}={plain.split(':', 1)[0]}:…> URL"))
                        break

    handle_startendtag = handle_starttag


def active_content(text: str, fmt: str = "html") -> list[tuple[int, str]]:
    """Scripts, event handlers, ``javascript:`` URLs and embedded frames in ``text``: (offset, what).

    ``fmt`` ``"md"`` looks at the raw HTML of Markdown only (not at code spans or fences).
    """
    if fmt == "md":
        return [(a + off, what) for a, b, _ in raw_html_spans(text) for off, what in active_content(text[a:b])]
    p = _Active(text)
    p.feed(text)
    p.close()
    return p.found
