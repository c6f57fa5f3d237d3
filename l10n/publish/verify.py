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
  ``visibility:hidden``, ``aria-hidden``) or inside an HTML comment;
* ``L10N807`` the page's markup no longer parses cleanly;
* ``L10N808`` (warning) the catalog changed since the build: rebuild.

Markdown copies are rendered with markdown-it-py and checked like pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from l10n.model import Finding, Severity
from l10n.publish.build import _md, page_problems, sha256_text

__all__ = ["verify_files"]

_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![\w-])opacity\s*:\s*0(\.0*)?\s*(;|$)"
                           r"|font-size\s*:\s*0", re.I)


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


def _fold(text: str) -> str:
    return " ".join(text.split())


def _check_page(data: bytes, name: str, locale: str, disclaimers: Mapping[str, Any],
                out: list[Finding]) -> None:
    errors, root = page_problems(data, name)
    for e in errors:
        out.append(_finding("L10N807", e, name, locale))
    if root is None:
        return
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
            why = _hidden(el)
            if why:
                out.append(_finding("L10N806", f"disclaimer {did!r} is hidden: {why}", name, locale, did=did))


def _as_page(name: str, data: bytes) -> bytes | None:
    """The HTML to inspect for a copy: the page itself, or a Markdown copy rendered."""
    if name.endswith(".html"):
        return data
    if name.endswith(".md"):
        body = _md().render(data.decode("utf-8", errors="replace"))
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + body +
                "</body></html>").encode("utf-8")
    return None


def verify_files(manifest: Mapping[str, Any], files: Mapping[str, bytes | None], *,
                 catalogs: Mapping[str, str] | None = None) -> list[Finding]:
    """Check published ``files`` (name relative to the folder → bytes, None when missing).

    ``catalogs`` optionally maps a catalog path to its current SHA-256, to warn
    when a catalog changed after the build.
    """
    out: list[Finding] = []
    for locale, loc in sorted(manifest.get("locales", {}).items()):
        for name, digest in sorted(loc.get("files", {}).items()):
            data = files.get(name)
            if data is None:
                out.append(_finding("L10N801", "file listed in the manifest is missing", name, locale))
            elif hashlib.sha256(data).hexdigest() != digest:
                out.append(_finding("L10N802", "file differs from the published build (tampered)", name, locale))
        for doc, entry in sorted(loc.get("documents", {}).items()):
            disclaimers = entry.get("disclaimers", {})
            for name, digest in sorted(entry.get("files", {}).items()):
                data = files.get(name)
                if data is None:
                    out.append(_finding("L10N801", f"copy of {doc} listed in the manifest is missing", name, locale))
                    continue
                if hashlib.sha256(data).hexdigest() != digest:
                    out.append(_finding("L10N802", f"copy of {doc} differs from the published build (tampered)",
                                        name, locale))
                page = _as_page(name, data)
                if page is not None and disclaimers:
                    _check_page(page, name, locale, disclaimers, out)
            cat = entry.get("catalog", {})
            if catalogs is not None and cat.get("path") in catalogs and catalogs[cat["path"]] != cat.get("sha256"):
                out.append(_finding("L10N808", f"{cat['path']} changed since the build; run `l10n build`",
                                    cat["path"], locale, Severity.WARNING))
    return out
