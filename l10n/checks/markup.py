"""Markup and links (L10N60x): tags, nesting, URLs, placeholders, unsafe HTML.

The translation must have the same inline HTML tags and Markdown markup as
the source, nested the same way (order may change with word order); every
link URL unchanged; the same printf, Python and brace placeholders; and no
script, event-handler attribute, ``javascript:`` URL or iframe that the
source does not have (an injection into the published page).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

import polib

from l10n.checks.registry import check
from l10n.model import Severity

__all__ = ["placeholders", "tag_events", "unsafe_html", "urls"]

_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s[^<>]*?)?)\s*(/?)>")
_VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "source", "area", "col", "embed", "param", "track"}
_ATTR_URL = re.compile(r"""\b(?:href|src|action|formaction|poster|cite|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                       re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_BARE_URL = re.compile(r"(?<![\"'(=])\b(?:https?|ftp)://[^\s<>()\"']+[^\s<>()\"'.,;:!?]")
_MD_TOKENS = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])|`+|!\[|\]\(")
_PRINTF = re.compile(r"%(?:\((\w+)\))?(\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
                     r"([diouxXeEfFgGcrsa%])")
_PRINTF_SAFE = re.compile(r"%\((\w+)\)[-+#0]*\d*(?:\.\d+)?[sdifr]|%(\d+\$)?[sdif](?![a-zA-Z])")
_BRACE = re.compile(r"(?<!\{)\{(\w*(?:\.\w+)*(?:![rsa])?(?::[^{}]*)?)\}(?!\})")
_UNSAFE = {
    "<script>": re.compile(r"<\s*script\b", re.IGNORECASE),
    "<iframe>": re.compile(r"<\s*(?:iframe|frame|object|embed|applet)\b", re.IGNORECASE),
    "event-handler attribute": re.compile(r"<[^<>]*\s(on[a-z]+)\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"(?:java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE),
    "<style>/<form>/<meta>": re.compile(r"<\s*(?:style|form|meta|base|link)\b", re.IGNORECASE),
}


def tag_events(text: str) -> list[tuple[str, str]]:
    """``("open"|"close"|"void", name)`` for each HTML tag of ``text``."""
    return list(_tag_events(text))


@lru_cache(maxsize=16384)
def _tag_events(text: str) -> tuple[tuple[str, str], ...]:
    if "<" not in text:
        return ()
    out = []
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if name in _VOID or m.group(4):
            out.append(("void", name))
        else:
            out.append(("close" if m.group(1) else "open", name))
    return tuple(out)


def _structure(events: list[tuple[str, str]]) -> tuple[Counter, bool]:
    """(multiset of tag paths, well-formed?)."""
    stack: list[str] = []
    paths: Counter = Counter()
    ok = True
    for kind, name in events:
        if kind == "open":
            stack.append(name)
            paths["/".join(stack)] += 1
        elif kind == "void":
            paths["/".join([*stack, name])] += 1
        elif stack and stack[-1] == name:
            stack.pop()
        else:
            ok = False
            if name in stack:
                while stack and stack.pop() != name:
                    pass
    return paths, ok and not stack


def urls(text: str) -> Counter:
    """Every URL of ``text``: attributes, Markdown link targets, bare URLs."""
    found: Counter = Counter()
    if "<" in text:
        for m in _TAG.finditer(text):
            for a in _ATTR_URL.finditer(m.group(3)):
                found[next(g for g in a.groups() if g is not None)] += 1
    if "](" in text:
        for m in _MD_LINK.finditer(text):
            found[m.group(1)] += 1
    if "://" in text:
        stripped = _MD_LINK.sub(" ", _TAG.sub(" ", text))
        for m in _BARE_URL.finditer(stripped):
            found[m.group(0)] += 1
    return found


def placeholders(text: str, flags: list[str]) -> tuple[list[str], Counter]:
    """(ordered unnamed printf placeholders, multiset of the named/positional/brace ones)."""
    ordered: list[str] = []
    named: Counter = Counter()
    formatted = any(f in flags for f in ("c-format", "python-format", "python-brace-format", "perl-format",
                                         "php-format", "sh-format"))
    if "%" in text:
        rx = _PRINTF if formatted else _PRINTF_SAFE
        for m in rx.finditer(text):
            tok = m.group(0)
            if tok == "%%":
                continue
            if formatted and (m.group(1) or m.group(2)):
                named[tok] += 1
            elif not formatted and (m.group(1) or m.group(2)):
                named[tok] += 1
            else:
                ordered.append(tok)
    if "{" in text and "no-python-brace-format" not in flags:
        for m in _BRACE.finditer(text):
            named["{" + m.group(1) + "}"] += 1
    return ordered, named


def unsafe_html(text: str) -> Counter:
    """How many times each kind of unsafe HTML occurs in ``text``."""
    c: Counter = Counter()
    if "<" in text or ":" in text:
        for kind, rx in _UNSAFE.items():
            n = len(rx.findall(text))
            if n:
                c[kind] = n
    return c


def _diff(src: Counter, tgt: Counter) -> tuple[list[str], list[str]]:
    return sorted((src - tgt).elements()), sorted((tgt - src).elements())


def _forms(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs: plural form 0 against msgid, others against msgid_plural."""
    if entry.msgid_plural:
        return [(entry.msgid if k == 0 else entry.msgid_plural, v) for k, v in sorted(entry.msgstr_plural.items())]
    return [(entry.msgid, entry.msgstr)]


@check("L10N601", "markup", Severity.ERROR, when=("markup",))
def markup(entry: polib.POEntry, ctx: Any):
    """The translation does not have the same inline tags and Markdown markup as the source."""
    for src, tgt in _forms(entry):
        if "<" in src or "<" in tgt:
            s, t = Counter(_tag_events(src)), Counter(_tag_events(tgt))
            if s != t:
                miss, extra = _diff(s, t)
                parts = []
                if miss:
                    parts.append("missing " + " ".join(f"<{'/' if k == 'close' else ''}{n}>" for k, n in miss))
                if extra:
                    parts.append("extra " + " ".join(f"<{'/' if k == 'close' else ''}{n}>" for k, n in extra))
                yield "tags differ from the source: " + "; ".join(parts)
        if any(c in src or c in tgt for c in "*_`["):
            s2 = Counter(_MD_TOKENS.findall(_TAG.sub("", src)))
            t2 = Counter(_MD_TOKENS.findall(_TAG.sub("", tgt)))
            if s2 != t2:
                miss, extra = _diff(s2, t2)
                yield ("Markdown markup differs from the source:" + (f" missing {' '.join(miss)}" if miss else "")
                       + (f" extra {' '.join(extra)}" if extra else ""))


@check("L10N602", "nesting", Severity.ERROR, when=("target-tag",))
def nesting(entry: polib.POEntry, ctx: Any):
    """The translation's tags are not nested as in the source (or not closed)."""
    for src, tgt in _forms(entry):
        if "<" not in tgt:
            continue
        s_paths, s_ok = _structure(_tag_events(src))
        t_events = _tag_events(tgt)
        t_paths, t_ok = _structure(t_events)
        if s_ok and not t_ok:
            yield "tags are not properly nested or closed"
        elif s_ok and Counter(t_events) == Counter(_tag_events(src)) and s_paths != t_paths:
            yield "tags are nested differently from the source"


@check("L10N603", "url-changed", Severity.ERROR, when=("url",))
def url_changed(entry: polib.POEntry, ctx: Any):
    """A link URL differs from the source (changed, dropped or added)."""
    for src, tgt in _forms(entry):
        if not any(k in src or k in tgt for k in ("href", "src", "](", "://")):
            continue
        s, t = urls(src), urls(tgt)
        if s != t:
            miss, extra = _diff(s, t)
            if miss and extra:
                yield f"URL {miss[0]!r} changed to {extra[0]!r}"
            elif miss:
                yield f"URL {miss[0]!r} missing"
            else:
                yield f"URL {extra[0]!r} added"


@check("L10N604", "placeholders", Severity.ERROR, suppressible=False, when=("placeholder",))
def placeholder_mismatch(entry: polib.POEntry, ctx: Any):
    """Printf, Python or brace placeholders differ from the source (the program would crash)."""
    for src, tgt in _forms(entry):
        if "%" not in src and "{" not in src and "%" not in tgt and "{" not in tgt:
            continue
        so, sn = placeholders(src, entry.flags)
        to, tn = placeholders(tgt, entry.flags)
        if sn != tn:
            miss, extra = _diff(sn, tn)
            yield ("placeholders differ:" + (f" missing {' '.join(miss)}" if miss else "")
                   + (f" extra {' '.join(extra)}" if extra else ""))
        if so != to and not (entry.msgid_plural and not to):
            yield f"unnamed placeholders differ: source {' '.join(so) or 'none'}, translation {' '.join(to) or 'none'}"


@check("L10N605", "unsafe-html", Severity.CRITICAL, suppressible=False, when=("target-html",))
def unsafe(entry: polib.POEntry, ctx: Any):
    """The translation contains unsafe HTML: script, event handler, javascript: URL, iframe."""
    for src, tgt in _forms(entry):
        t = unsafe_html(tgt)
        if not t:
            continue
        extra = t - unsafe_html(src)
        for kind in sorted(extra):
            yield f"unsafe HTML in the translation: {kind}"
