"""Verify a published folder: is every copy still what ``l10n build`` vouched for?

Pure: :func:`verify_files` takes the manifest and a mapping of file names to
bytes (plus, optionally, the current catalogs' hashes) and returns
:class:`~l10n.model.Finding` values. For every copy it reports:

* ``L10N801`` a file listed in the manifest is missing;
* ``L10N802`` a file's bytes differ from the manifest (tampered);
* ``L10N803`` a disclaimer was removed (no ``data-disclaimer`` element);
* ``L10N804`` a disclaimer's text was edited;
* ``L10N805`` a disclaimer was replaced by the English source;
* ``L10N806`` a disclaimer is hidden (``hidden``, ``display:none``,
  ``visibility:hidden``, ``aria-hidden``, ``opacity:0``, ``font-size:0`` on it
  or an ancestor, inline or by a ``<style>`` rule whose selector can match it)
  or inside an HTML comment;
* ``L10N807`` the page's markup no longer parses cleanly;
* ``L10N808`` (warning) the catalog changed since the build: rebuild;
* ``L10N809`` the machine-translation notice was removed, edited or hidden
  from a copy the manifest says shows unreviewed machine translation;
* ``L10N810`` a file in the folder is not listed in the manifest;
* ``L10N811`` a page loads an external stylesheet it did not load when built.

The content checks (803-807, 809, 811) read the pages themselves, so they
hold even when an attacker recomputed the manifest's hashes.

``<style>`` rules are matched conservatively: a rule that hides content
counts against a disclaimer when its subject (last compound selector) can
match the disclaimer element or one of its ancestors by tag, id, classes and
attribute *names* (values, combinators and pseudo-classes are not used to
rule a match out). Such a checker may over-report; it must not miss.

Markdown copies are rendered with markdown-it-py and checked like pages.

:func:`verify_rendered` adds what only a browser sees (``l10n verify
--browser``): each page loaded in headless Chromium by
:mod:`l10n.publish.render_check`, a disclaimer or notice whose *rendered*
text differs from the published one (near-background colour, covered,
off-page, ``var()`` tricks…) is ``L10N806`` / ``L10N809`` "in Chromium".
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from l10n.model import Finding, Severity
from l10n.publish.build import inspectable_page, mt_notice, page_problems, sha256_text, strip_css_comments
from l10n.publish.build import external_stylesheets

if TYPE_CHECKING:
    from l10n.publish.render_check import Browser

__all__ = ["verify_files", "verify_rendered"]

_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
                           r"|(?<![\w-])opacity\s*:\s*(?:0[0.]*|\.0+)%?\s*(?:;|!|$)"
                           r"|font-size\s*:\s*(?:0[0.]*|\.0+)(?:[a-z]+|%)?\s*(?:;|!|$)"
                           r"|content-visibility\s*:\s*hidden", re.I)
#: Files of a published folder that no manifest lists.
UNLISTED_OK = frozenset({"manifest.json", "report.html"})


def _finding(code: str, message: str, path: str, locale: str, severity: Severity = Severity.ERROR,
             did: str | None = None) -> Finding:
    return Finding(code=code, check="published-copy", severity=severity, message=message, path=path,
                   locale=locale, msgctxt=f"disclaimer:{did}" if did else None, suppressible=False)


_LENGTH = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+))([a-z%]*)$")
_ZERO_FUNC = re.compile(r"^(?:calc|min|max|clamp)\(\s*[+-]?(?:0+\.?0*|\.0+)(?:[a-z%]*)\s*[-+*/,)]")
_NAMED = {"white": "#ffffff", "black": "#000000", "red": "#ff0000", "transparent": "transparent"}


def _px(value: str) -> float | None:
    """A CSS length in (approximate) pixels, or None when it is not a plain length."""
    m = _LENGTH.match(value.strip())
    if not m:
        return None
    n, unit = float(m.group(1)), m.group(2)
    return n * {"": 1, "px": 1, "em": 16, "rem": 16, "ch": 8, "ex": 8, "vw": 10, "vh": 10, "%": 10,
                "pt": 1.33, "cm": 38, "mm": 3.8, "in": 96}.get(unit, 1)


def _zeroish(value: str, tiny: float = 0.0) -> bool:
    """A length that is zero (or at most ``tiny`` px), including ``calc(0 …)``."""
    value = value.strip()
    if _ZERO_FUNC.match(value):
        return True
    px = _px(value)
    return px is not None and px <= tiny


def _color(value: str) -> str:
    v = re.sub(r"\s+", "", value.strip().lower())
    v = _NAMED.get(v, v)
    if re.fullmatch(r"#[0-9a-f]{3}", v):
        v = "#" + "".join(c * 2 for c in v[1:])
    m = re.fullmatch(r"rgba?\((\d+),(\d+),(\d+)(?:,1(?:\.0*)?)?\)", v)
    if m:
        v = "#" + "".join(f"{int(x):02x}" for x in m.groups())
    return v


def _transparent(value: str) -> bool:
    v = re.sub(r"\s+", "", value.strip().lower())
    if v == "transparent" or re.fullmatch(r"#[0-9a-f]{6}00|#[0-9a-f]{3}0", v):
        return True
    m = re.fullmatch(r"(?:rgba?|hsla?)\(.*[,/]([\d.]+)(%?)\)", v)
    return bool(m) and float(m.group(1) or 0) / (100 if m.group(2) else 1) <= 0.1


def _alpha(value: str) -> float | None:
    v = value.strip().lower()
    m = re.fullmatch(r"([\d.]+)(%?)", v)
    if not m:
        return None
    try:
        return float(m.group(1)) / (100 if m.group(2) else 1)
    except ValueError:
        return None


def declarations(css: str) -> dict[str, str]:
    """The declarations of a block (comments stripped, escapes decoded): property → value (last wins)."""
    css = strip_css_comments(_unescape(strip_css_comments(css)))
    out: dict[str, str] = {}
    for part in _split_top(css, ";"):
        if ":" in part:
            key, value = part.split(":", 1)
            out[key.strip().lower()] = re.sub(r"\s*!\s*important\s*$", "", value.strip().lower())
    return out


_OFFSETS = ("left", "right", "top", "bottom", "inset", "inset-inline-start", "inset-inline-end",
            "inset-block-start", "inset-block-end", "margin-left", "margin-top", "margin-inline-start",
            "text-indent")


def hiding_declaration(css: str) -> str | None:
    """The declaration(s) of a CSS block that hide what it applies to, or None.

    Deliberately conservative (over-reports rather than misses): ``display:none``,
    ``visibility:hidden``, ``opacity`` ≤ 0.1, a zero or tiny font size (also in
    the ``font`` shorthand and ``calc(0…)``), transparent text or text the
    colour of its background, clipping (``clip``, ``clip-path``), moving far
    off-screen (offsets, ``text-indent``, ``translate``), scaling to nothing
    (``transform:scale(0)``, ``zoom``), ``filter:opacity()`` and a zero
    height or width with overflow hidden.
    """
    flat = strip_css_comments(_unescape(strip_css_comments(css)))
    m = _HIDING_STYLE.search(flat)
    if m:
        return m.group(0).strip().rstrip(";!").strip()
    d = declarations(css)
    if d.get("display") == "none" or d.get("visibility") in ("hidden", "collapse"):
        return f"display:{d.get('display')}" if d.get("display") == "none" else f"visibility:{d['visibility']}"
    if (a := _alpha(d.get("opacity", "1"))) is not None and a <= 0.1:
        return f"opacity:{d['opacity']}"
    if "font-size" in d and _zeroish(d["font-size"], tiny=1.0):
        return f"font-size:{d['font-size']}"
    if "font" in d:
        size = d["font"].split("/")[0].split()
        if any(_zeroish(token, tiny=1.0) for token in size):
            return f"font:{d['font']}"
    for key in ("color", "-webkit-text-fill-color"):
        if key in d and _transparent(d[key]):
            return f"{key}:{d[key]}"
    bg = d.get("background-color") or d.get("background", "")
    if "color" in d and bg and _color(d["color"]) == _color(bg.split()[0] if bg.split() else bg):
        return f"color:{d['color']} on background {bg}"
    if "clip" in d and d["clip"].startswith("rect("):
        return f"clip:{d['clip']}"
    cp = d.get("clip-path", "")
    if re.match(r"(?:circle|ellipse)\(\s*0", cp) or re.match(r"inset\(\s*(?:[5-9]\d|\d{3,})(?:\.\d+)?%", cp) \
            or re.match(r"polygon\(\s*0\s+0\s*\)", cp):
        return f"clip-path:{cp}"
    for key in _OFFSETS:
        for token in d.get(key, "").split():
            px = _px(token)
            if px is not None and abs(px) >= 999:
                return f"{key}:{d[key]}"
    for key in ("transform", "scale", "translate"):
        v = d.get(key, "")
        if re.search(r"scale[xyz3d]*\(\s*[+-]?(?:0+\.?0*|0?\.0\d*)\s*[,)]", v) or \
                (key == "scale" and v.split() and (_alpha(v.split()[0]) or 0) <= 0.05 and _alpha(v.split()[0]) is not None):
            return f"{key}:{v}"
        for length in re.findall(r"translate[xyz3d]*\(([^)]*)\)", v) + ([v] if key == "translate" else []):
            for token in re.split(r"[\s,]+", length):
                px = _px(token)
                if px is not None and abs(px) >= 999:
                    return f"{key}:{v}"
    if (z := _alpha(d.get("zoom", "1"))) is not None and z <= 0.1:
        return f"zoom:{d['zoom']}"
    fm = re.search(r"opacity\(\s*([\d.]+%?)\s*\)", d.get("filter", ""))
    if fm and (_alpha(fm.group(1)) or 0) <= 0.1:
        return f"filter:{d['filter']}"
    if any(d.get(k, "") in ("hidden", "clip") for k in ("overflow", "overflow-x", "overflow-y")):
        for key in ("height", "max-height", "width", "max-width"):
            if key in d and _zeroish(d[key], tiny=1.0):
                return f"{key}:{d[key]} with overflow hidden"
    return None


def _self_hidden(node: etree._Element, via: etree._Element | None = None) -> str | None:
    """Why ``node`` itself hides its content (``via``: the child the content is in), or None."""
    tag = str(node.tag).lower()
    if node.get("hidden") is not None:
        return f"<{node.tag}> has the hidden attribute"
    if (node.get("aria-hidden") or "").strip().lower() == "true":
        return f"<{node.tag}> has aria-hidden=true"
    if node.get("popover") is not None:
        return f"<{node.tag}> is a popover (hidden until opened)"
    why = hiding_declaration(node.get("style") or "")
    if why:
        return f"<{node.tag}> has style {why!r}"
    if tag in ("template", "noscript", "head", "script", "style", "rp", "title"):
        return f"inside <{tag}>"
    if tag == "dialog" and node.get("open") is None:
        return "inside a <dialog> that is not open"
    if tag == "details" and node.get("open") is None and not (
            via is not None and str(via.tag).lower() == "summary"):
        return "inside a closed <details>"
    return None


def _hidden(el: etree._Element) -> str | None:
    """Why an element (or an ancestor) is hidden, or None."""
    node, via = el, None
    while node is not None and isinstance(node.tag, str):
        why = _self_hidden(node, via)
        if why:
            return why
        node, via = node.getparent(), node
    return None


_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_COMPOUND_PART = re.compile(r"""(?P<tag>^(?:[\w-]+|\*)(?:\|(?:[\w-]+|\*))?)|\#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)
    |\[\s*(?:[\w-]*\|)?(?P<attr>[\w-]+)[^\]]*\]|::?[\w-]+(?:\([^)]*\))?|&""", re.X)


def _unescape(css: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return m.group(2)
    return _ESCAPE.sub(one, css)


def _split_top(text: str, seps: str) -> list[str]:
    """Split at any character of ``seps`` outside brackets and parentheses."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _compound_can_match(compound: str, el: etree._Element) -> bool:
    """Whether a compound selector can match ``el`` (attribute values and pseudo-classes are ignored)."""
    compound = compound.strip()
    if not compound:
        return False
    pos = 0
    classes = set((el.get("class") or "").split())
    while pos < len(compound):
        m = _COMPOUND_PART.match(compound, pos)
        if m is None or m.end() == pos:
            return True  # not understood: assume it can match
        if m.group("tag"):
            tag = m.group("tag").split("|")[-1]
            if tag != "*" and tag.lower() != str(el.tag).lower():
                return False
        elif m.group("id") and m.group("id") != el.get("id"):
            return False
        elif m.group("cls") and m.group("cls") not in classes:
            return False
        elif m.group("attr") and m.group("attr").lower() not in {k.lower() for k in el.attrib}:
            return False
        pos = m.end()
    return True


def _selector_can_match(selector: str, el: etree._Element) -> bool:
    """Whether a complex selector's subject (its last compound) can match ``el``."""
    parts = [p for p in re.split(r"\s+", " ".join(_split_top(selector, ">+~")).strip()) if p]
    return bool(parts) and _compound_can_match(parts[-1], el)


def _css_rules(css: str) -> list[tuple[str, str]]:
    """``(selector list, declarations)`` of every style rule, inside @media/@supports/… and nested rules."""
    out: list[tuple[str, str]] = []
    css = strip_css_comments(css)
    pos, n = 0, len(css)
    while pos < n:
        brace = css.find("{", pos)
        semi = css.find(";", pos)
        if brace < 0:
            break
        if 0 <= semi < brace:  # an at-statement (@import, @charset) or a stray declaration
            pos = semi + 1
            continue
        prelude = css[pos:brace].strip()
        depth, end = 1, brace + 1
        while end < n and depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        block = css[brace + 1:end - 1 if depth == 0 else end]
        if prelude.startswith("@"):
            if re.match(r"@(?:media|supports|layer|container|document|scope|-moz-document)\b", prelude, re.I):
                out.extend(_css_rules(block))
        else:
            decls = block
            while "{" in decls and (flat := re.sub(r"\{[^{}]*\}", " ", decls)) != decls:
                decls = flat  # nested rules keep their own declarations
            out.append((prelude, decls))
            if "{" in block:
                out.extend(_css_rules(block))
        pos = end
    return out


def hiding_rules(root: etree._Element) -> list[tuple[str, str]]:
    """``(selector list, hiding declaration)`` of every ``<style>`` rule that hides what it matches."""
    out = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() == "style":
            for selectors, decls in _css_rules(_unescape(el.text or "")):
                why = hiding_declaration(decls)
                if why:
                    out.append((selectors, why))
    return out


def content_rules(root: etree._Element) -> list[tuple[str, str]]:
    """``(selector, content)`` of every ``<style>`` rule adding text with ``::before``/``::after``."""
    out = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() == "style":
            for selectors, decls in _css_rules(_unescape(el.text or "")):
                content = declarations(decls).get("content", "")
                if content and content not in ("none", "normal", '""', "''"):
                    out.extend((sel.strip(), content) for sel in _split_top(selectors, ",")
                               if re.search(r":(?:before|after|marker)\b", sel, re.I))
    return out


def _hidden_by_rule(el: etree._Element, rules: list[tuple[str, str]],
                    stop: etree._Element | None = None) -> str | None:
    """Why a ``<style>`` rule may hide ``el`` (through it or an ancestor), or None.

    With ``stop``, only ``el`` itself is considered (its ancestors up to
    ``stop`` were checked already).
    """
    if not rules:
        return None
    chain = [el] if stop is not None else [n for n in [el, *el.iterancestors()] if isinstance(n.tag, str)]
    for selectors, decl in rules:
        for sel in _split_top(selectors, ","):
            for node in chain:
                if _selector_can_match(sel, node):
                    return f"the style rule {sel.strip()!r} {{{decl}}} can match <{node.tag}>"
    return None


def _fold(text: str) -> str:
    return " ".join(text.split())


_STRIKE = ("s", "del", "strike")
_ACTIVE_TAGS = ("script", "iframe", "object", "embed", "frame", "frameset", "applet", "portal")
_URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc")


def visible_disclaimer_text(el: etree._Element, rules: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """(visible text of ``el`` with whitespace folded, problems): hidden descendants are dropped.

    A descendant is dropped when it hides itself (hidden, aria-hidden,
    popover, hiding inline style, ``<rp>``, ``<template>``, a closed
    ``<details>`` but its ``<summary>``) or a ``<style>`` rule can hide it.
    Strike-through (``<s>``, ``<del>``, ``<strike>``) stays visible but
    negates the text: it is returned as a problem.
    """
    parts: list[str] = []
    problems: list[str] = []

    def walk(node: etree._Element) -> None:
        parts.append(node.text or "")
        closed = str(node.tag).lower() == "details" and node.get("open") is None
        for child in node:
            if isinstance(child.tag, str):
                tag = child.tag.lower()
                hidden = _self_hidden(child) or _hidden_by_rule(child, rules, stop=el) or (
                    closed and tag != "summary")
                if tag in _STRIKE and not hidden:
                    problems.append(f"part of it is struck through with <{tag}>")
                if not hidden:
                    walk(child)
            parts.append(child.tail or "")
    walk(el)
    return _fold("".join(parts)), problems


def _active_content(root: etree._Element) -> list[str]:
    """Scripts, event handlers, refreshes, ``javascript:`` URLs and embedded frames/objects on a page."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        line = f" (line {el.sourceline})" if el.sourceline else ""
        if tag in _ACTIVE_TAGS:
            out.append(f"<{tag}>{line}")
        if tag == "meta" and (el.get("http-equiv") or "").strip().lower() == "refresh":
            out.append(f"<meta http-equiv=refresh>{line}")
        for key, value in el.attrib.items():
            k = str(key).lower()
            if k.startswith("on"):
                out.append(f"<{tag} {k}=…> event handler{line}")
            elif k in _URL_ATTRS or k.endswith("href"):
                v = re.sub(r"[\x00-\x20]+", "", value).lower()
                if v.startswith(("javascript:", "vbscript:", "data:text/html")):
                    out.append(f"<{tag} {k}={v.split(':', 1)[0]}:…> URL{line}")
    return out


def _text_after(el: etree._Element, standard: set[str]) -> str:
    """Text that follows ``el`` in the page body, other standard notices excepted."""
    def text_of(node: etree._Element) -> str:
        if not isinstance(node.tag, str) or node.tag.lower() in ("script", "style", "template"):
            return ""
        if node.get("data-disclaimer") in standard:
            return ""
        return (node.text or "") + "".join(text_of(c) + (c.tail or "") for c in node)

    out = []
    node = el
    while node is not None and isinstance(node.tag, str) and node.tag.lower() not in ("body", "html"):
        out.append(node.tail or "")
        for sib in node.itersiblings():
            out.append(text_of(sib) + (sib.tail or ""))
        node = node.getparent()
    return _fold("".join(out))


def _check_page(data: bytes, name: str, locale: str, disclaimers: Mapping[str, Any],
                out: list[Finding], *, machine: bool = False, sheets: tuple[str, ...] = (),
                lang: str | None = None, direction: str | None = None) -> None:
    errors, root = page_problems(data, name)
    for e in errors:
        out.append(_finding("L10N807", e, name, locale))
    if root is None:
        return
    rules = hiding_rules(root)
    added = content_rules(root)
    for href in external_stylesheets(root):
        if href not in sheets:
            out.append(_finding("L10N811", f"the page loads an external stylesheet {href!r} it did not load "
                                "when built (it could hide the disclaimers)", name, locale))
    for what in _active_content(root):
        out.append(_finding("L10N812", f"active content the build never produces: {what}", name, locale))
    if name.endswith(".html"):
        html_el = root if str(root.tag).lower() == "html" else root.getroottree().getroot()
        for attr, want in (("lang", lang), ("dir", direction)):
            have = html_el.get(attr) if html_el is not None else None
            if want and have != want:
                out.append(_finding("L10N813", f"<html {attr}> is {have!r}, the manifest says {want!r}", name,
                                    locale))
    if machine:
        _check_notice(root, name, locale, rules, out, added)
    found: dict[str, list[etree._Element]] = {}
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("data-disclaimer"):
            found.setdefault(el.get("data-disclaimer"), []).append(el)
    commented = {did for c in root.iter(etree.Comment) for did in disclaimers
                 if f'data-disclaimer="{did}"' in (c.text or "")}
    standard = {did for did, info in disclaimers.items() if info.get("standard")}
    for did, info in sorted(disclaimers.items()):
        els = found.get(did, [])
        if not els:
            if did in commented:
                out.append(_finding("L10N806", f"disclaimer {did!r} is hidden inside an HTML comment",
                                    name, locale, did=did))
            else:
                out.append(_finding("L10N803", f"disclaimer {did!r} was removed", name, locale, did=did))
            continue
        for el in els:
            text, problems = visible_disclaimer_text(el, rules)
            digest = sha256_text(text)
            if digest == info.get("sha256"):
                pass
            elif digest == info.get("source_sha256"):
                out.append(_finding("L10N805", f"disclaimer {did!r} was replaced by the English source text",
                                    name, locale, did=did))
                continue
            elif sha256_text(_fold(el.text_content())) == info.get("sha256"):
                out.append(_finding("L10N806", f"part of disclaimer {did!r} is hidden: readers see {text[:60]!r}",
                                    name, locale, did=did))
                continue
            else:
                out.append(_finding("L10N804", f"disclaimer {did!r} was edited: now {text[:60]!r}",
                                    name, locale, did=did))
                continue
            for p in problems:
                out.append(_finding("L10N804", f"disclaimer {did!r} was tampered with: {p}", name, locale, did=did))
            if why := _added_content(el, added):
                out.append(_finding("L10N804", f"disclaimer {did!r} was tampered with: {why}", name, locale,
                                    did=did))
            why = _hidden(el) or _hidden_by_rule(el, rules)
            if why:
                out.append(_finding("L10N806", f"disclaimer {did!r} is hidden: {why}", name, locale, did=did))
            elif did in standard and name.endswith(".html") and _text_after(el, standard):
                out.append(_finding("L10N813", f"the standard notice {did!r} is no longer at the end of the page",
                                    name, locale, did=did))


def _added_content(el: etree._Element, added: list[tuple[str, str]]) -> str | None:
    """Why a ``::before``/``::after`` rule may add text inside ``el`` (on it or a descendant), or None."""
    for sel, content in added:
        for node in el.iter():
            if isinstance(node.tag, str) and _selector_can_match(sel, node):
                return f"the style rule {sel!r} {{content:{content}}} can add text to <{node.tag}>"
    return None


def _check_notice(root: etree._Element, name: str, locale: str, rules: list[tuple[str, str]],
                  out: list[Finding], added: list[tuple[str, str]] = ()) -> None:
    """The machine-translation notice must be on the page, unedited and visible."""
    notice = _fold(mt_notice(locale))
    marked = [el for el in root.iter() if isinstance(el.tag, str)
              and el.get("data-l10n-notice") == "machine-translation"]
    if name.endswith(".md") and not marked:  # a Markdown copy opens with the notice in italics
        marked = [el for el in root.iter("em") if _fold(el.text_content()) == notice]
    if not marked:
        out.append(_finding("L10N809", "the machine-translation notice was removed (the manifest says this copy "
                            "shows unreviewed machine translation)", name, locale))
        return
    for el in marked:
        text, problems = visible_disclaimer_text(el, rules)
        if _fold(el.text_content()) == notice and text != notice:
            out.append(_finding("L10N809", f"part of the machine-translation notice is hidden: readers see "
                                f"{text[:60]!r}", name, locale))
        elif text != notice:
            out.append(_finding("L10N809", f"the machine-translation notice was edited: now "
                                f"{text[:60]!r}", name, locale))
        elif problems or (why := _added_content(el, list(added))):
            out.append(_finding("L10N809", f"the machine-translation notice was tampered with: "
                                f"{problems[0] if problems else why}", name, locale))
        elif why := (_hidden(el) or _hidden_by_rule(el, rules)):
            out.append(_finding("L10N809", f"the machine-translation notice is hidden: {why}", name, locale))


def _check_text_copy(data: bytes, name: str, locale: str, out: list[Finding]) -> None:
    """A plain-text copy with machine translation must still carry the notice."""
    if _fold(mt_notice(locale)) not in _fold(data.decode("utf-8", errors="replace")):
        out.append(_finding("L10N809", "the machine-translation notice was removed (the manifest says this copy "
                            "shows unreviewed machine translation)", name, locale))


_as_page = inspectable_page


def verify_files(manifest: Mapping[str, Any], files: Mapping[str, bytes | None], *,
                 catalogs: Mapping[str, str] | None = None) -> list[Finding]:
    """Check published ``files`` (name relative to the folder → bytes, None when missing).

    ``catalogs`` optionally maps a catalog path to its current SHA-256, to warn
    when a catalog changed after the build.
    """
    out: list[Finding] = []
    listed: set[str] = set(UNLISTED_OK)
    for locale, loc in sorted(manifest.get("locales", {}).items()):
        listed.update(loc.get("files", {}))
        for entry in loc.get("documents", {}).values():
            listed.update(entry.get("files", {}))
    for name in sorted(n for n, data in files.items() if data is not None and n not in listed):
        locale = name.split("/", 1)[0] if "/" in name else ""
        out.append(_finding("L10N810", "file is not listed in the manifest (not published by `l10n build`)",
                            name, locale))
    for locale, loc in sorted(manifest.get("locales", {}).items()):
        for name, digest in sorted(loc.get("files", {}).items()):
            data = files.get(name)
            if data is None:
                out.append(_finding("L10N801", "file listed in the manifest is missing", name, locale))
            elif hashlib.sha256(data).hexdigest() != digest:
                out.append(_finding("L10N802", "file differs from the published build (tampered)", name, locale))
        for doc, entry in sorted(loc.get("documents", {}).items()):
            disclaimers = entry.get("disclaimers", {})
            machine = (entry.get("machine_translation") or 0) > 0
            sheets = entry.get("stylesheets", {})
            for name, digest in sorted(entry.get("files", {}).items()):
                data = files.get(name)
                if data is None:
                    out.append(_finding("L10N801", f"copy of {doc} listed in the manifest is missing", name, locale))
                    continue
                if hashlib.sha256(data).hexdigest() != digest:
                    out.append(_finding("L10N802", f"copy of {doc} differs from the published build (tampered)",
                                        name, locale))
                page = _as_page(name, data)
                if page is not None:
                    _check_page(page, name, locale, disclaimers, out, machine=machine,
                                sheets=tuple(sheets.get(name, ())), lang=loc.get("lang"),
                                direction=loc.get("dir"))
                elif machine and name.endswith(".txt"):
                    _check_text_copy(data, name, locale, out)
            cat = entry.get("catalog", {})
            if catalogs is not None and cat.get("path") in catalogs and catalogs[cat["path"]] != cat.get("sha256"):
                out.append(_finding("L10N808", f"{cat['path']} changed since the build; run `l10n build`",
                                    cat["path"], locale, Severity.WARNING))
    return out


#: Static findings after which the browser has nothing to add about the same disclaimer or notice.
_DISCLAIMER_CODES = frozenset({"L10N803", "L10N804", "L10N805", "L10N806"})


def verify_rendered(folder: Path, manifest: Mapping[str, Any], browser: Browser, *,
                    reported: Iterable[Finding] = ()) -> list[Finding]:
    """Judge every published page's disclaimers and notice as rendered by ``browser`` (headless Chromium).

    Pages (``.html``, and ``.md`` copies rendered with markdown-it-py into a
    temporary file) of documents with disclaimers or machine translation are
    loaded one by one. A disclaimer whose rendered visible text is not its
    published text is ``L10N806``, the notice ``L10N809``, with the reason
    Chromium gave ("contrast 1.0:1", "covered by <div …>"). Disclaimers and
    notices already in ``reported`` (static findings: removed, edited,
    hidden) are not reported twice.
    """
    folder = Path(folder)
    seen = {(f.path, f.msgctxt) for f in reported if f.code in _DISCLAIMER_CODES}
    seen |= {(f.path, "notice") for f in reported if f.code == "L10N809"}
    out: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="l10n-verify-") as tmp:
        for locale, loc in sorted(manifest.get("locales", {}).items()):
            for _doc, entry in sorted(loc.get("documents", {}).items()):
                disclaimers = entry.get("disclaimers", {})
                machine = (entry.get("machine_translation") or 0) > 0
                if not disclaimers and not machine:
                    continue
                for name in sorted(entry.get("files", {})):
                    path = folder / name
                    if not name.endswith((".html", ".md")) or not path.is_file():
                        continue
                    if name.endswith(".md"):
                        page = inspectable_page(name, path.read_bytes())
                        path = Path(tmp) / (name.replace("/", "__") + ".html")
                        path.write_bytes(page or b"")
                    notice = _fold(mt_notice(locale)) if machine else None
                    for target in browser.inspect(path, disclaimers=disclaimers, notice=notice):
                        _judge_rendered(target, name, locale, disclaimers, notice, seen, out)
    return out


def _judge_rendered(target: Any, name: str, locale: str, disclaimers: Mapping[str, Any], notice: str | None,
                    seen: set[tuple[str, str | None]], out: list[Finding]) -> None:
    visible = _fold(target.visible_text)
    problems = target.problems
    if target.kind == "notice":
        if visible == notice or not problems or (name, "notice") in seen:
            return
        seen.add((name, "notice"))
        out.append(_finding("L10N809", f"the machine-translation notice is hidden in Chromium: {problems[0]}"
                            f"{_and_more(problems)}", name, locale))
        return
    did = target.key
    info = disclaimers.get(did, {})
    if sha256_text(visible) == info.get("sha256") or not problems or (name, f"disclaimer:{did}") in seen:
        return
    seen.add((name, f"disclaimer:{did}"))
    part = "part of " if visible else ""
    out.append(_finding("L10N806", f"{part}disclaimer {did!r} is hidden in Chromium: {problems[0]}"
                        f"{_and_more(problems)}" + (f"; readers see {visible[:60]!r}" if part else ""),
                        name, locale, did=did))


def _and_more(problems: list[str]) -> str:
    n = len(problems) - 1
    return f" (and {n} more reason{'' if n == 1 else 's'})" if n > 0 else ""
