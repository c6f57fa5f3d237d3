"""Disclaimer integrity on rendered copies (L10N71x): HTML and Markdown.

A published page must show every disclaimer it should carry, visibly, in the
page's language (not the English text as a fallback), on a page whose
``lang`` is the locale's. What "visibly" means is the one static visibility
analysis of :mod:`l10n.pages.visibility`, shared with ``l10n verify``, on
the tree a browser builds from the page (so markup a translator left open,
``<p>…<details></p>``, hides what follows as it does in a browser): not in an
element with ``hidden``, ``aria-hidden``, ``popover`` or a hiding style
(inline or by a ``<style>`` rule), not inside an HTML comment, ``<template>``,
``<noscript>``, a closed ``<details>``, a ``<dialog>`` not open, the fallback
content of ``<canvas>``/``<video>``/``<audio>``/``<object>``/``<embed>``/
``<iframe>``, a ``<picture>`` (but its ``<img>``), a ``<datalist>`` or a form
control (``<select>``, ``<option>``, ``<textarea>``); not under 3:1 contrast
with its background; not struck through (``<s>``, ``<del>``, ``<strike>``,
``line-through``), inside it or around it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from l10n.checks.context import CatalogContext, lang_of, plain_text
from l10n.checks.registry import Issue, all_checks, check
from l10n.model import Finding, Severity, disclaimer_context

if TYPE_CHECKING:
    from l10n.formats.documents import DocFormat

__all__ = ["RenderedCopy", "check_rendered", "visible_text"]

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """NFC, no whitespace at all: how texts are found inside a page."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


def visible_text(root: Any) -> tuple[str, str, str]:
    """(visible text, hidden text, html lang) of a parsed HTML tree (struck-through text is in neither)."""
    from l10n.pages.visibility import page_text

    page = page_text(root)
    return page.visible, page.hidden, page.lang


@dataclass(frozen=True)
class _Squashed:
    """Squashed text with, at each offset where a chunk starts, why that chunk is not plainly seen."""

    text: str = ""
    marks: tuple[tuple[int, str | None], ...] = ()

    @classmethod
    def of(cls, chunks: list[tuple[str, str | None]]) -> _Squashed:
        out, marks, pos = [], [], 0
        for text, why in chunks:
            s = squash(text)
            if s:
                marks.append((pos, why))
                out.append(s)
                pos += len(s)
        return cls("".join(out), tuple(marks))

    def why(self, needle: str) -> str | None:
        """The first reason given for a chunk overlapping where ``needle`` occurs."""
        at = self.text.find(needle)
        if at < 0:
            return None
        end = at + len(needle)
        starts = [p for p, _ in self.marks]
        i = max(0, bisect.bisect_right(starts, at) - 1)
        for pos, why in self.marks[i:]:
            if pos >= end:
                break
            if why:
                return why
        return None


@dataclass(frozen=True)
class RenderedCopy:
    """A rendered page reduced to what the rendered checks need.

    ``visible``: squashed text readers see (struck-through text left out);
    ``hidden``: squashed text they cannot see; ``shown``, ``full``: the text
    on screen (struck through or not) and all text, with why each part is
    not plainly seen.
    """

    raw: str
    fmt: str
    visible: str
    hidden: str
    lang: str
    expected: Mapping[str, str]
    english: Mapping[str, str]
    hidden_why: _Squashed = field(default_factory=_Squashed)
    shown: _Squashed = field(default_factory=_Squashed)
    full: _Squashed = field(default_factory=_Squashed)

    def line_of(self, text: str) -> int:
        """1-based line where ``text`` (its first words) occurs in the raw page, or 0."""
        words = plain_text(text).split()[:4]
        if not words:
            return 0
        m = re.search(r"\s+".join(map(re.escape, words)), self.raw)
        return self.raw.count("\n", 0, m.start()) + 1 if m else 0


def _state(copy: RenderedCopy, did: str) -> tuple[str, str | None]:
    """(state, why) of a disclaimer: ok, struck, hidden, english, hidden-english, partly or missing."""
    exp = squash(plain_text(copy.expected[did]))
    if exp and exp in copy.visible:
        return "ok", None
    if exp and exp in copy.shown.text:
        return "struck", copy.shown.why(exp)
    if exp and exp in copy.hidden:
        return "hidden", copy.hidden_why.why(exp)
    eng = squash(plain_text(copy.english.get(did, "")))
    if eng and eng in copy.visible:
        return "english", None
    if eng and eng in copy.hidden:
        return "hidden-english", copy.hidden_why.why(eng)
    if exp and exp in copy.full.text:
        return "partly", copy.full.why(exp)
    return "missing", None


@check("L10N711", "rendered-disclaimer-missing", Severity.CRITICAL, suppressible=False, scope="rendered")
def rendered_missing(copy: RenderedCopy, ctx: CatalogContext):
    """A disclaimer the page must carry is not on the rendered page (or was altered)."""
    for did in copy.expected:
        if _state(copy, did)[0] == "missing":
            yield Issue(f"disclaimer {did!r} is not on the page (nor its English text)", msgctxt=disclaimer_context(did),
                        msgid=copy.english.get(did, ""), target=copy.expected[did])


@check("L10N712", "rendered-disclaimer-hidden", Severity.CRITICAL, suppressible=False, scope="rendered")
def rendered_hidden(copy: RenderedCopy, ctx: CatalogContext):
    """A disclaimer is on the page but hidden (hidden attribute, CSS, contrast, comment, template, closed
    details, canvas…) or struck through."""
    for did in copy.expected:
        state, why = _state(copy, did)
        if state not in ("hidden", "hidden-english", "struck", "partly"):
            continue
        text = copy.english.get(did, "") if state == "hidden-english" else copy.expected[did]
        because = f": {why}" if why else ""
        message = {"struck": f"disclaimer {did!r} is struck through" + (f" by {why}" if why else ""),
                   "partly": f"part of disclaimer {did!r} is hidden from readers{because}"}.get(
            state, f"disclaimer {did!r} is hidden from readers{because}")
        yield Issue(message, line=copy.line_of(text), msgctxt=disclaimer_context(did),
                    msgid=copy.english.get(did, ""), target=text)


@check("L10N713", "rendered-disclaimer-english", Severity.CRITICAL, suppressible=False, scope="rendered")
def rendered_english(copy: RenderedCopy, ctx: CatalogContext):
    """A disclaimer is shown in English (a fallback) instead of the page's language."""
    for did in copy.expected:
        if _state(copy, did)[0] == "english" and ctx.lang != ctx.source_lang:
            eng = copy.english.get(did, "")
            yield Issue(f"disclaimer {did!r} is shown in English, not {ctx.locale}", line=copy.line_of(eng),
                        msgctxt=disclaimer_context(did), msgid=eng, target=eng)


@check("L10N714", "rendered-language", Severity.ERROR, suppressible=False, scope="rendered")
def rendered_language(copy: RenderedCopy, ctx: CatalogContext):
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


def _view(text: str | bytes, fmt: str, kind: DocFormat, path: str) -> tuple[str, str]:
    """(the copy's HTML view, "" for a plain-text copy; the copy's text) of a copy of format ``kind``."""
    from l10n.errors import L10nError

    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if kind.binary and not isinstance(text, bytes):
        raise L10nError(f"a rendered {fmt} copy is checked from its bytes", path=path or None)
    html = kind.view(data, path or f"copy.{fmt}").decode("utf-8") if kind.view is not None else ""
    text = html if kind.binary else data.decode("utf-8") if isinstance(text, bytes) else text
    from l10n.formats.xmlsafe import parse_html

    if html.strip():
        # refused here as everywhere: DTD internal subsets and entity declarations
        parse_html(b"\xef\xbb\xbf" + html.encode("utf-8"), path or "<page>")
    return html, text


def _page_copy(text: str, fmt: str, html: str, expected: dict[str, str], eng: dict[str, str],
               path: str) -> RenderedCopy:
    """The copy of an HTML view, judged by the visibility analysis."""
    from l10n.errors import L10nError
    from l10n.pages.visibility import page_text, parse_page

    try:
        page = page_text(parse_page(html))
    except L10nError as exc:  # markup nested too deep to parse in bounded time
        exc.path = exc.path or path or None
        raise
    chunks = page.chunks
    return RenderedCopy(
        text, fmt, squash(page.visible), squash(page.hidden), page.lang, expected, eng,
        hidden_why=_Squashed.of([(c.text, c.hidden) for c in chunks if c.hidden]),
        shown=_Squashed.of([(c.text, c.struck) for c in chunks if not c.hidden]),
        full=_Squashed.of([(c.text, c.hidden or c.struck) for c in chunks]))


def _run_checks(copy: RenderedCopy, ctx: CatalogContext) -> list[Finding]:
    """The findings of every rendered-scope check on ``copy`` (a check that crashes is a finding too)."""
    from l10n.checks.registry import crash_finding as _crash, to_finding as _finding

    findings: list[Finding] = []
    for spec in all_checks():
        if spec.scope != "rendered":
            continue
        try:
            for issue in spec.func(copy, ctx):
                findings.append(_finding(spec, issue, ctx, None))
        except Exception as exc:
            findings.append(_crash(spec, exc, ctx, None))
    return findings


def check_rendered(text: str | bytes, fmt: str, *, locale: str, glossary: Any | None, expected: Mapping[str, str],
                   path: str = "", english: Mapping[str, str] | None = None) -> list[Finding]:
    """Check a rendered copy (``fmt``: its suffix, "html", "md", "txt" or "docx") for its disclaimers.

    ``text`` is the copy's text, or its bytes (a binary copy, a Word document, is checked on the view
    its format gives, :attr:`l10n.formats.documents.DocFormat.view`).

    A plain-text copy (``txt``) cannot hide anything: all of it is visible
    text, read as is (no markup, no ``lang``).

    ``expected`` maps a disclaimer id to the text that must be visible (the
    approved or published translation); ``english`` (default: from the
    glossary) maps it to the English text that must not stand in for it.
    """
    from l10n.errors import L10nError
    from l10n.formats.documents import copy_format

    kind = copy_format(fmt)
    if kind is None:
        raise L10nError(f"unknown rendered format {fmt!r} (the suffix of a published copy: html, md, txt, docx…)",
                        path=path or None)
    html, text = _view(text, fmt, kind, path)
    eng = dict(english) if english is not None else _english_texts(glossary, expected)
    if kind.view is None:  # a plain-text copy: all of it is visible
        copy = RenderedCopy(text, fmt, squash(text), "", "", dict(expected), eng,
                            shown=_Squashed.of([(text, None)]), full=_Squashed.of([(text, None)]))
    elif not html.strip():
        copy = RenderedCopy(text, fmt, "", "", "", dict(expected), eng)
    else:
        copy = _page_copy(text, fmt, html, dict(expected), eng, path)
    return _run_checks(copy, CatalogContext(locale=locale, glossary=glossary, path=path))
