"""Disclaimer integrity on rendered copies (L10N71x): HTML and Markdown.

A published page must show every disclaimer it should carry, visibly (not in
an element with ``hidden``, ``aria-hidden``, ``display:none``,
``visibility:hidden``, not inside an HTML comment, ``<template>`` or
``<noscript>``), in the page's language (not the English text as a
fallback), on a page whose ``lang`` is the locale's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from l10n.checks.context import CatalogContext, lang_of, plain_text
from l10n.checks.registry import Issue, all_checks, check
from l10n.model import Finding, Severity

__all__ = ["RenderedCopy", "check_rendered", "visible_text"]

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)"
                           r"|font-size\s*:\s*0(?:px|em|rem|%)?\s*(?:;|$)", re.IGNORECASE)
_HIDDEN_TAGS = {"script", "style", "template", "noscript", "head"}
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """NFC, no whitespace at all: how texts are found inside a page."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


def _is_hidden(el: Any) -> bool:
    a = el.attrib
    if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
        return True
    style = a.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(root: Any) -> tuple[str, str, str]:
    """(visible text, hidden text, html lang) of a parsed HTML tree."""
    from lxml import etree

    vis: list[str] = []
    hid: list[str] = []

    def walk(el: Any, hidden: bool) -> None:
        if isinstance(el, etree._Comment):
            hid.append(el.text or "")
            return
        if not isinstance(el.tag, str):
            return
        name = el.tag.lower()
        h = hidden or _is_hidden(el) or (name in _HIDDEN_TAGS)
        if name == "title":
            h = True  # the title is not where a disclaimer is read
        (hid if h else vis).append(el.text or "")
        for child in el:
            walk(child, h)
            (hid if h else vis).append(child.tail or "")
        if name in ("img", "area") and el.get("alt"):
            (hid if h else vis).append(" " + el.get("alt") + " ")

    walk(root, False)
    html = root if root.tag == "html" else root.getroottree().getroot()
    return " ".join(vis), " ".join(hid), (html.get("lang") or "") if html is not None else ""


@dataclass(frozen=True)
class RenderedCopy:
    """A rendered page reduced to what the rendered checks need."""

    raw: str
    fmt: str
    visible: str
    hidden: str
    lang: str
    expected: Mapping[str, str]
    english: Mapping[str, str]

    def line_of(self, text: str) -> int:
        """1-based line where ``text`` (its first words) occurs in the raw page, or 0."""
        words = plain_text(text).split()[:4]
        if not words:
            return 0
        m = re.search(r"\s+".join(map(re.escape, words)), self.raw)
        return self.raw.count("\n", 0, m.start()) + 1 if m else 0


def _state(copy: RenderedCopy, did: str) -> str:
    exp = squash(plain_text(copy.expected[did]))
    if exp and exp in copy.visible:
        return "ok"
    if exp and exp in copy.hidden:
        return "hidden"
    eng = squash(plain_text(copy.english.get(did, "")))
    if eng and eng in copy.visible:
        return "english"
    if eng and eng in copy.hidden:
        return "hidden-english"
    return "missing"


@check("L10N711", "rendered-disclaimer-missing", Severity.CRITICAL, suppressible=False, scope="rendered")
def rendered_missing(copy: RenderedCopy, ctx: Any):
    """A disclaimer the page must carry is not on the rendered page (or was altered)."""
    for did in copy.expected:
        if _state(copy, did) == "missing":
            yield Issue(f"disclaimer {did!r} is not on the page (nor its English text)", msgctxt=f"disclaimer:{did}",
                        msgid=copy.english.get(did, ""), target=copy.expected[did])


@check("L10N712", "rendered-disclaimer-hidden", Severity.CRITICAL, suppressible=False, scope="rendered")
def rendered_hidden(copy: RenderedCopy, ctx: Any):
    """A disclaimer is on the page but hidden (hidden attribute, CSS, comment, template)."""
    for did in copy.expected:
        state = _state(copy, did)
        if state in ("hidden", "hidden-english"):
            text = copy.expected[did] if state == "hidden" else copy.english.get(did, "")
            yield Issue(f"disclaimer {did!r} is hidden from readers", line=copy.line_of(text),
                        msgctxt=f"disclaimer:{did}", msgid=copy.english.get(did, ""), target=text)


@check("L10N713", "rendered-disclaimer-english", Severity.CRITICAL, suppressible=False, scope="rendered")
def rendered_english(copy: RenderedCopy, ctx: Any):
    """A disclaimer is shown in English (a fallback) instead of the page's language."""
    for did in copy.expected:
        if _state(copy, did) == "english" and ctx.lang != ctx.source_lang:
            eng = copy.english.get(did, "")
            yield Issue(f"disclaimer {did!r} is shown in English, not {ctx.locale}", line=copy.line_of(eng),
                        msgctxt=f"disclaimer:{did}", msgid=eng, target=eng)


@check("L10N714", "rendered-language", Severity.ERROR, suppressible=False, scope="rendered")
def rendered_language(copy: RenderedCopy, ctx: Any):
    """The page declares a language (``<html lang>``) other than its locale."""
    if copy.lang and ctx.locale and lang_of(copy.lang) != ctx.lang:
        yield Issue(f"page declares lang={copy.lang!r}, expected {ctx.locale}", line=copy.line_of("<html"),
                    msgid="", target=copy.lang)


def _english_texts(glossary: Any, ids: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for did in ids:
        try:
            d = glossary.disclaimer(did) if glossary is not None and hasattr(glossary, "disclaimer") else None
        except Exception:
            d = None
        if d is not None and getattr(d, "text", None):
            out[did] = d.text
    return out


def check_rendered(text: str, fmt: str, *, locale: str, glossary: Any | None, expected: Mapping[str, str],
                   path: str = "", english: Mapping[str, str] | None = None) -> list[Finding]:
    """Check a rendered copy (``fmt`` "html", "md" or "txt") for its disclaimers.

    A plain-text copy (``txt``) cannot hide anything: all of it is visible
    text, read as is (no markup, no ``lang``).

    ``expected`` maps a disclaimer id to the text that must be visible (the
    approved or published translation); ``english`` (default: from the
    glossary) maps it to the English text that must not stand in for it.
    """
    from l10n.checks import _crash, _finding
    from l10n.errors import L10nError

    if fmt not in ("html", "md", "txt"):
        raise L10nError(f"unknown rendered format {fmt!r} (html, md or txt)", path=path or None)
    html = text
    if fmt == "md":
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark", {"html": True}).render(text)
    from l10n.formats.xmlsafe import parse_html

    # a BOM tells libxml2 the text is UTF-8 whatever the page (or its absent <meta charset>) says
    root = parse_html(b"\xef\xbb\xbf" + html.encode("utf-8"), path or "<page>") \
        if html.strip() and fmt != "txt" else None
    if fmt == "txt":
        vis, hid, lang = text, "", ""
    elif root is None:
        vis, hid, lang = "", "", ""
    else:
        vis, hid, lang = visible_text(root)
    eng = dict(english) if english is not None else _english_texts(glossary, expected)
    copy = RenderedCopy(text, fmt, squash(vis), squash(hid), lang if fmt == "html" else "", dict(expected), eng)
    ctx = CatalogContext(locale=locale, glossary=glossary, path=path)
    findings: list[Finding] = []
    for spec in all_checks():
        if spec.scope != "rendered":
            continue
        try:
            for issue in spec.func(copy, ctx):
                f = _finding(spec, issue, ctx, None)
                findings.append(f)
        except Exception as exc:
            findings.append(_crash(spec, exc, ctx, None))
    return findings
