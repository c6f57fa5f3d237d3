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
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from l10n.model import Finding, Severity
from l10n.publish.build import inspectable_page, mt_notice, page_problems, sha256_text, strip_css_comments
from l10n.publish.build import external_stylesheets

__all__ = ["verify_files"]

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


def _hidden(el: etree._Element) -> str | None:
    """Why an element (or an ancestor) is hidden, or None."""
    node = el
    while node is not None and isinstance(node.tag, str):
        if node.get("hidden") is not None:
            return f"<{node.tag}> has the hidden attribute"
        if (node.get("aria-hidden") or "").strip().lower() == "true":
            return f"<{node.tag}> has aria-hidden=true"
        style = node.get("style") or ""
        m = _HIDING_STYLE.search(style)
        if m:
            return f"<{node.tag}> has style {m.group(0).strip()!r}"
        if node.tag in ("template", "noscript", "head", "script", "style"):
            return f"inside <{node.tag}>"
        node = node.getparent()
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
                m = _HIDING_STYLE.search(decls)
                if m:
                    out.append((selectors, m.group(0).strip().rstrip(";!").strip()))
    return out


def _hidden_by_rule(el: etree._Element, rules: list[tuple[str, str]]) -> str | None:
    """Why a ``<style>`` rule may hide ``el`` (through it or an ancestor), or None."""
    if not rules:
        return None
    chain = [n for n in [el, *el.iterancestors()] if isinstance(n.tag, str)]
    for selectors, decl in rules:
        for sel in _split_top(selectors, ","):
            for node in chain:
                if _selector_can_match(sel, node):
                    return f"the style rule {sel.strip()!r} {{{decl}}} can match <{node.tag}>"
    return None


def _fold(text: str) -> str:
    return " ".join(text.split())


def _check_page(data: bytes, name: str, locale: str, disclaimers: Mapping[str, Any],
                out: list[Finding], *, machine: bool = False, sheets: tuple[str, ...] = ()) -> None:
    errors, root = page_problems(data, name)
    for e in errors:
        out.append(_finding("L10N807", e, name, locale))
    if root is None:
        return
    rules = hiding_rules(root)
    for href in external_stylesheets(root):
        if href not in sheets:
            out.append(_finding("L10N811", f"the page loads an external stylesheet {href!r} it did not load "
                                "when built (it could hide the disclaimers)", name, locale))
    if machine:
        _check_notice(root, name, locale, rules, out)
    found: dict[str, list[etree._Element]] = {}
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("data-disclaimer"):
            found.setdefault(el.get("data-disclaimer"), []).append(el)
    commented = {did for c in root.iter(etree.Comment) for did in disclaimers
                 if f'data-disclaimer="{did}"' in (c.text or "")}
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
            text = _fold(el.text_content())
            digest = sha256_text(text)
            if digest == info.get("sha256"):
                pass
            elif digest == info.get("source_sha256"):
                out.append(_finding("L10N805", f"disclaimer {did!r} was replaced by the English source text",
                                    name, locale, did=did))
                continue
            else:
                out.append(_finding("L10N804", f"disclaimer {did!r} was edited: now {text[:60]!r}",
                                    name, locale, did=did))
                continue
            why = _hidden(el) or _hidden_by_rule(el, rules)
            if why:
                out.append(_finding("L10N806", f"disclaimer {did!r} is hidden: {why}", name, locale, did=did))


def _check_notice(root: etree._Element, name: str, locale: str, rules: list[tuple[str, str]],
                  out: list[Finding]) -> None:
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
        if _fold(el.text_content()) != notice:
            out.append(_finding("L10N809", f"the machine-translation notice was edited: now "
                                f"{_fold(el.text_content())[:60]!r}", name, locale))
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
                                sheets=tuple(sheets.get(name, ())))
                elif machine and name.endswith(".txt"):
                    _check_text_copy(data, name, locale, out)
            cat = entry.get("catalog", {})
            if catalogs is not None and cat.get("path") in catalogs and catalogs[cat["path"]] != cat.get("sha256"):
                out.append(_finding("L10N808", f"{cat['path']} changed since the build; run `l10n build`",
                                    cat["path"], locale, Severity.WARNING))
    return out
