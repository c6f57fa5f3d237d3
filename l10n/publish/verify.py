"""Verify a published folder: is every copy still what ``l10n build`` vouched for?

Pure: :func:`verify_files` takes the manifest and a mapping of file names to
bytes (plus, optionally, the current catalogs' hashes) and returns
:class:`~l10n.model.Finding` values. For every copy it reports:

* ``L10N801`` a file listed in the manifest is missing;
* ``L10N802`` a file's bytes differ from the manifest (tampered);
* ``L10N803`` a disclaimer was removed (no ``data-disclaimer`` element);
* ``L10N804`` a disclaimer's text was edited, or it is struck through
  (``<s>``, ``<del>``, ``<strike>``, ``line-through``) inside or around it;
* ``L10N805`` a disclaimer was replaced by the English source;
* ``L10N806`` a disclaimer (or part of it) is hidden from readers, as
  :mod:`l10n.pages.visibility` judges it: hiding attributes and styles on
  it or an ancestor, inline or by a ``<style>`` rule whose selector can match
  it; inside an element that does not render it (``<template>``, a closed
  ``<details>``, ``<canvas>``, ``<video>``, ``<select>``…); under 3:1
  contrast with its background; inside an HTML comment;
* ``L10N807`` the page's markup no longer parses cleanly;
* ``L10N808`` (warning) the catalog changed since the build: rebuild;
* ``L10N809`` the machine-translation notice was removed, edited or hidden
  from a copy the manifest says shows unreviewed machine translation;
* ``L10N810`` a file in the folder is not listed in the manifest;
* ``L10N811`` a page loads an external stylesheet it did not load when built;
* ``L10N812`` active content the build never produces (it sanitises every
  page): ``<script>``, an event handler, a ``javascript:`` URL, a frame or
  object, a meta refresh — in libxml2's tree or in the browser's; also in a
  published SVG image (scripts run when it is opened on its own).

The content checks (803-807, 809, 811) read the pages themselves, so they
hold even when an attacker recomputed the manifest's hashes. What readers
see is judged on the tree a browser builds from the page
(:mod:`l10n.formats.html5`), with the one static visibility analysis that
the rendered-copy checks of ``l10n build`` and ``l10n check`` use too
(:mod:`l10n.pages.visibility`, whose names this module re-exports).
It may over-report; it must not miss.

Markdown copies are rendered with markdown-it-py and checked like pages.

:func:`verify_rendered` adds what only a browser sees (``l10n verify
--browser``): each page loaded in headless Chromium by
:mod:`l10n.publish.render_check`, a disclaimer or notice whose *rendered*
text differs from the published one (covered, off-page, ``var()`` tricks…)
is ``L10N806`` / ``L10N809`` "in Chromium"."""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from l10n.model import Finding, Severity, disclaimer_context
from l10n.publish.manifest import CatalogRecord, DisclaimerRecord, DocumentRecord, LocaleRecord, Manifest
from l10n.publish.build import external_stylesheets, inspectable_page, mt_notice, page_problems, sha256_text
from l10n.pages.sanitize import active_content, active_file_content, is_scriptable_file
from l10n.pages.visibility import (PaintRules, content_rules, hiding_rules, paint_rules, parse_page, struck_by,
                                     visible_parts)
# the static visibility analysis lives in l10n.pages.visibility (shared with the rendered-copy checks);
# these names stay importable from here
from l10n.pages.visibility import declarations, hiding_declaration, visible_disclaimer_text  # noqa: F401
from l10n.pages.visibility import _selector_can_match, _split_top  # noqa: F401
from l10n.pages.visibility import fold as _fold
from l10n.pages.visibility import hidden as _hidden
from l10n.pages.visibility import hidden_by_rule as _hidden_by_rule
from l10n.pages.visibility import self_hidden as _self_hidden  # noqa: F401

if TYPE_CHECKING:
    from l10n.publish.render_check import Browser

__all__ = ["Verification", "catalog_hashes", "verify_files", "verify_folder", "verify_rendered"]

#: Files of a published folder that no manifest lists.
UNLISTED_OK = frozenset({"manifest.json", "report.html"})


def _finding(code: str, message: str, path: str, locale: str, severity: Severity = Severity.ERROR,
             did: str | None = None) -> Finding:
    return Finding(code=code, check="published-copy", severity=severity, message=message, path=path,
                   locale=locale, msgctxt=disclaimer_context(did) if did else None, suppressible=False)


_ACTIVE_TAGS = ("script", "iframe", "object", "embed", "frame", "frameset", "applet", "portal")
_URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc")


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


@dataclass(frozen=True, slots=True)
class _Page:
    """One published page being judged: where it is, and the style rules that decide what readers see."""

    name: str
    locale: str
    #: hiding rules, ``::before``/``::after`` content rules and paint rules of the page's ``<style>``
    rules: list[tuple[str, str]]
    added: list[tuple[str, str]]
    paint: PaintRules | None

    def finding(self, code: str, message: str, did: str | None = None) -> Finding:
        return _finding(code, message, self.name, self.locale, did=did)


def _check_page(data: bytes, name: str, locale: str, disclaimers: Mapping[str, DisclaimerRecord],
                out: list[Finding], *, machine: bool = False, sheets: tuple[str, ...] = (),
                lang: str | None = None, direction: str | None = None) -> None:
    errors, root = page_problems(data, name)
    for e in errors:
        out.append(_finding("L10N807", e, name, locale))
    if root is None:
        return
    out.extend(_markup_findings(root, name, locale, sheets))
    if name.endswith(".html"):
        out.extend(_root_attribute_findings(root, name, locale, lang=lang, direction=direction))
    # what readers see is judged on the tree a browser builds (libxml2 repairs broken markup otherwise)
    tree = parse_page(data)
    out.extend(_browser_active_content(root, tree, name, locale))
    page = _Page(name, locale, hiding_rules(tree), content_rules(tree), paint_rules(tree))
    if machine:
        _check_notice(tree, name, locale, page.rules, out, page.added, page.paint)
    found = _disclaimer_elements(tree)
    commented = {did for c in tree.iter(etree.Comment) for did in disclaimers
                 if f'data-disclaimer="{did}"' in (c.text or "")}
    standard = {did for did, info in disclaimers.items() if info.standard}
    for did, info in sorted(disclaimers.items()):
        els = found.get(did, [])
        if not els:
            out.append(page.finding("L10N806", f"disclaimer {did!r} is hidden inside an HTML comment", did)
                       if did in commented else page.finding("L10N803", f"disclaimer {did!r} was removed", did))
        for el in els:
            out.extend(_disclaimer_findings(page, el, did, info, standard))


def _markup_findings(root: etree._Element, name: str, locale: str, sheets: tuple[str, ...]) -> list[Finding]:
    """External stylesheets the page did not load when built, and active content (as libxml2 parses it)."""
    out = [_finding("L10N811", f"the page loads an external stylesheet {href!r} it did not load "
                    "when built (it could hide the disclaimers)", name, locale)
           for href in external_stylesheets(root) if href not in sheets]
    out.extend(_finding("L10N812", f"active content the build never produces: {what}", name, locale)
               for what in _active_content(root))
    return out


def _root_attribute_findings(root: etree._Element, name: str, locale: str, *, lang: str | None,
                             direction: str | None) -> list[Finding]:
    """``<html lang>`` and ``<html dir>`` as the manifest recorded them."""
    html_el = root if str(root.tag).lower() == "html" else root.getroottree().getroot()
    out = []
    for attr, want in (("lang", lang), ("dir", direction)):
        have = html_el.get(attr) if html_el is not None else None
        if want and have != want:
            out.append(_finding("L10N813", f"<html {attr}> is {have!r}, the manifest says {want!r}", name, locale))
    return out


def _browser_active_content(root: etree._Element, tree: etree._Element, name: str, locale: str) -> list[Finding]:
    """Active content only a browser's parse shows (e.g. ``<svg><style><img onerror>``: raw text to libxml2)."""
    seen = {re.sub(r" \(line \d+\)$", "", w) for w in _active_content(root)}
    out = []
    for what in _active_content(tree):
        if what not in seen:
            seen.add(what)
            out.append(_finding("L10N812", f"active content the build never produces: {what} (as a browser "
                                "parses the page)", name, locale))
    return out


def _disclaimer_elements(tree: etree._Element) -> dict[str, list[etree._Element]]:
    """The ``data-disclaimer`` elements of a page, by disclaimer id, in document order."""
    found: dict[str, list[etree._Element]] = {}
    for el in tree.iter():
        if isinstance(el.tag, str) and el.get("data-disclaimer"):
            found.setdefault(el.get("data-disclaimer"), []).append(el)
    return found


def _disclaimer_findings(page: _Page, el: etree._Element, did: str, info: DisclaimerRecord,
                         standard: set[str]) -> list[Finding]:
    """One disclaimer element: its visible text against the manifest's hashes, then how it is shown."""
    text, problems, reasons = visible_parts(el, page.rules, page.paint)
    digest = sha256_text(text)
    if digest == info.sha256:
        return _tampering_findings(page, el, did, problems, standard)
    if digest == info.source_sha256:
        return [page.finding("L10N805", f"disclaimer {did!r} was replaced by the English source text", did)]
    if sha256_text(_fold(el.text_content())) == info.sha256:  # the text is there, readers do not see all of it
        why = f" ({reasons[0]})" if reasons else ""
        if text:
            msg = f"part of disclaimer {did!r} is hidden{why}: readers see {text[:60]!r}"
        else:
            msg = f"disclaimer {did!r} is hidden: {reasons[0] if reasons else 'readers see nothing of it'}"
        return [page.finding("L10N806", msg, did)]
    return [page.finding("L10N804", f"disclaimer {did!r} was edited: now {text[:60]!r}", did)]


def _tampering_findings(page: _Page, el: etree._Element, did: str, problems: list[str],
                        standard: set[str]) -> list[Finding]:
    """A disclaimer whose text is intact: struck through, added to, hidden, or moved (a standard notice)."""
    out = [page.finding("L10N804", f"disclaimer {did!r} was tampered with: {p}", did) for p in problems]
    if why := _added_content(el, page.added):
        out.append(page.finding("L10N804", f"disclaimer {did!r} was tampered with: {why}", did))
    if why := struck_by(el, page.paint):
        out.append(page.finding("L10N804", f"disclaimer {did!r} was tampered with: it is struck through "
                                f"by {why} around it", did))
    why = _hidden(el) or _hidden_by_rule(el, page.rules)
    if why:
        out.append(page.finding("L10N806", f"disclaimer {did!r} is hidden: {why}", did))
    elif did in standard and page.name.endswith(".html") and _text_after(el, standard):
        out.append(page.finding("L10N813", f"the standard notice {did!r} is no longer at the end of the page", did))
    return out


def _added_content(el: etree._Element, added: list[tuple[str, str]]) -> str | None:
    """Why a ``::before``/``::after`` rule may add text inside ``el`` (on it or a descendant), or None."""
    for sel, content in added:
        for node in el.iter():
            if isinstance(node.tag, str) and _selector_can_match(sel, node):
                return f"the style rule {sel!r} {{content:{content}}} can add text to <{node.tag}>"
    return None


_NOTICE_REMOVED = ("the machine-translation notice was removed (the manifest says this copy "
                   "shows unreviewed machine translation)")


def _check_notice(root: etree._Element, name: str, locale: str, rules: list[tuple[str, str]],
                  out: list[Finding], added: list[tuple[str, str]] = (), paint: PaintRules | None = None) -> None:
    """The machine-translation notice must be on the page, unedited and visible."""
    notice = _fold(mt_notice(locale))
    marked = _notice_elements(root, name, notice)
    if not marked:
        out.append(_finding("L10N809", _NOTICE_REMOVED, name, locale))
        return
    page = _Page(name, locale, rules, list(added), paint)
    for el in marked:
        if msg := _notice_problem(page, el, notice):
            out.append(page.finding("L10N809", msg))


def _notice_elements(root: etree._Element, name: str, notice: str) -> list[etree._Element]:
    """The elements marked as the notice or, in a format that carries it unmarked, the ones that say it."""
    marked = [el for el in root.iter() if isinstance(el.tag, str)
              and el.get("data-l10n-notice") == "machine-translation"]
    carrier = _notice_element(name)
    if carrier and not marked:  # e.g. a Markdown copy opens with the notice in italics
        marked = [el for el in root.iter(carrier) if _fold(el.text_content()) == notice]
    return marked


def _notice_problem(page: _Page, el: etree._Element, notice: str) -> str | None:
    """What is wrong with one notice element (hidden, edited, tampered with), or None."""
    text, problems, reasons = visible_parts(el, page.rules, page.paint)
    if _fold(el.text_content()) == notice and text != notice:
        why = f" ({reasons[0]})" if reasons else ""
        return f"part of the machine-translation notice is hidden{why}: readers see {text[:60]!r}" if text \
            else f"the machine-translation notice is hidden: {reasons[0] if reasons else 'readers see nothing'}"
    if text != notice:
        return f"the machine-translation notice was edited: now {text[:60]!r}"
    if problems or (why := _added_content(el, page.added)) or (why := struck_by(el, page.paint)):
        what = problems[0] if problems else why if why.startswith("the style rule") else \
            f"it is struck through by {why} around it"
        return f"the machine-translation notice was tampered with: {what}"
    if why := (_hidden(el) or _hidden_by_rule(el, page.rules)):
        return f"the machine-translation notice is hidden: {why}"
    return None


def _check_text_copy(data: bytes, name: str, locale: str, out: list[Finding]) -> None:
    """A plain-text copy with machine translation must still carry the notice."""
    if _fold(mt_notice(locale)) not in _fold(data.decode("utf-8", errors="replace")):
        out.append(_finding("L10N809", _NOTICE_REMOVED, name, locale))


_as_page = inspectable_page


def _notice_element(name: str) -> str:
    """The element of a copy's view that carries the machine-translation notice unmarked (its format says)."""
    from l10n.formats.documents import copy_format

    fmt = copy_format(name.rsplit(".", 1)[-1]) if "." in name else None
    return fmt.notice_element if fmt is not None else ""


def _plain_copy(name: str) -> bool:
    """A copy whose format has no markup to inspect (plain text): the notice must be in its text."""
    from l10n.formats.documents import copy_format

    fmt = copy_format(name.rsplit(".", 1)[-1]) if "." in name else None
    return fmt is not None and fmt.view is None


def _as_manifest(manifest: Manifest | Mapping[str, Any]) -> Manifest:
    """A :class:`Manifest`; its parsed JSON is read as one (malformed: :class:`~l10n.errors.PublishError`)."""
    return manifest if isinstance(manifest, Manifest) else Manifest.from_json(manifest)


def verify_files(manifest: Manifest | Mapping[str, Any], files: Mapping[str, bytes | None], *,
                 catalogs: Mapping[str, str] | None = None) -> list[Finding]:
    """Check published ``files`` (name relative to the folder → bytes, None when missing).

    ``manifest`` is a :class:`~l10n.publish.manifest.Manifest` (or its parsed
    JSON). ``catalogs`` optionally maps a catalog path to its current SHA-256,
    to warn when a catalog changed after the build.
    """
    manifest = _as_manifest(manifest)
    listed = set(UNLISTED_OK) | manifest.listed_files()
    out = [_finding("L10N810", "file is not listed in the manifest (not published by `l10n build`)", name,
                    name.split("/", 1)[0] if "/" in name else "")
           for name in sorted(n for n, data in files.items() if data is not None and n not in listed)]
    for locale, loc in sorted(manifest.locales.items()):
        for name, digest in sorted(loc.files.items()):
            out.extend(_shared_file_findings(name, digest, files.get(name), locale))
        for doc, entry in sorted(loc.documents.items()):
            for name, digest in sorted(entry.files.items()):
                out.extend(_copy_findings(name, digest, files.get(name), doc, entry, loc, locale))
            out.extend(_catalog_findings(entry.catalog, catalogs, locale))
    return out


def _shared_file_findings(name: str, digest: str, data: bytes | None, locale: str) -> list[Finding]:
    """A locale's shared file (an image): missing, changed, or an SVG with active content."""
    if data is None:
        return [_finding("L10N801", "file listed in the manifest is missing", name, locale)]
    out = []
    if hashlib.sha256(data).hexdigest() != digest:
        out.append(_finding("L10N802", "file differs from the published build (tampered)", name, locale))
    if is_scriptable_file(name):  # an image, but a document when opened
        out.extend(_finding("L10N812", f"active content in an image: {what}", name, locale)
                   for what in active_file_content(name, data))
    return out


def _copy_findings(name: str, digest: str, data: bytes | None, doc: str, entry: DocumentRecord,
                   loc: LocaleRecord, locale: str) -> list[Finding]:
    """One file of a published copy: missing, changed, and what its page (or text) shows readers."""
    if data is None:
        return [_finding("L10N801", f"copy of {doc} listed in the manifest is missing", name, locale)]
    out: list[Finding] = []
    if hashlib.sha256(data).hexdigest() != digest:
        out.append(_finding("L10N802", f"copy of {doc} differs from the published build (tampered)", name, locale))
    page = _as_page(name, data)
    if page is not None:
        _check_page(page, name, locale, entry.disclaimers, out, machine=entry.machine,
                    sheets=tuple(entry.stylesheets.get(name, ())), lang=loc.lang, direction=loc.direction)
    elif entry.machine and _plain_copy(name):
        _check_text_copy(data, name, locale, out)
    return out


def _catalog_findings(cat: CatalogRecord | None, catalogs: Mapping[str, str] | None, locale: str) -> list[Finding]:
    """A warning when the copy's catalog changed since the build (``catalogs``: path -> current SHA-256)."""
    if catalogs is None or cat is None or cat.path not in catalogs or catalogs[cat.path] == cat.sha256:
        return []
    return [_finding("L10N808", f"{cat.path} changed since the build; run `l10n build`", cat.path, locale,
                     Severity.WARNING)]


#: Static findings after which the browser has nothing to add about the same disclaimer or notice.
_DISCLAIMER_CODES = frozenset({"L10N803", "L10N804", "L10N805", "L10N806"})


def verify_rendered(folder: Path, manifest: Manifest | Mapping[str, Any], browser: Browser, *,
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
    manifest = _as_manifest(manifest)
    seen = {(f.path, f.msgctxt) for f in reported if f.code in _DISCLAIMER_CODES}
    seen |= {(f.path, "notice") for f in reported if f.code == "L10N809"}
    out: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="l10n-verify-") as tmp:
        for locale, loc in sorted(manifest.locales.items()):
            for _doc, entry in sorted(loc.documents.items()):
                disclaimers = entry.disclaimers
                machine = entry.machine
                if not disclaimers and not machine:
                    continue
                for name in sorted(entry.files):
                    path = folder / name
                    if not path.is_file():
                        continue
                    data = path.read_bytes()
                    page = inspectable_page(name, data)  # each format's view (the page itself for HTML)
                    if page is None:
                        continue
                    if page is not data:
                        path = Path(tmp) / (name.replace("/", "__") + ".html")
                        path.write_bytes(page)
                    notice = _fold(mt_notice(locale)) if machine else None
                    for target in browser.inspect(path, disclaimers=disclaimers, notice=notice):
                        _judge_rendered(target, name, locale, disclaimers, notice, seen, out)
    return out


def _judge_rendered(target: Any, name: str, locale: str, disclaimers: Mapping[str, DisclaimerRecord],
                    notice: str | None,
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
    info = disclaimers.get(did)
    if (info is not None and sha256_text(visible) == info.sha256) or not problems or (name, disclaimer_context(did)) in seen:
        return
    seen.add((name, disclaimer_context(did)))
    part = "part of " if visible else ""
    out.append(_finding("L10N806", f"{part}disclaimer {did!r} is hidden in Chromium: {problems[0]}"
                        f"{_and_more(problems)}" + (f"; readers see {visible[:60]!r}" if part else ""),
                        name, locale, did=did))


def _and_more(problems: list[str]) -> str:
    n = len(problems) - 1
    return f" (and {n} more reason{'' if n == 1 else 's'})" if n > 0 else ""


@dataclass(frozen=True, slots=True)
class Verification:
    """What :func:`verify_folder` found, and how much it verified."""

    findings: list[Finding]
    #: files of copies the manifest lists, and its locales
    copies: int
    locales: int

    @property
    def errors(self) -> list[Finding]:
        """The findings at error severity (``l10n verify`` exits 1 on any)."""
        return [f for f in self.findings if f.severity >= Severity.ERROR]


def verify_folder(folder: Path, *, project_root: Path | None = None, browser: bool = False) -> Verification:
    """``l10n verify``: every file of a published folder against its manifest.

    With ``project_root`` (in a project) the catalogs the manifest names are
    hashed too, to warn about one changed since the build; with ``browser``
    each page is also judged in headless Chromium (:func:`verify_rendered`).
    A folder that does not exist or has no manifest is a
    :class:`~l10n.errors.PublishError`.
    """
    from l10n.errors import PublishError
    from l10n.publish.pipeline import load_published_manifest

    if not folder.is_dir():
        raise PublishError("folder does not exist" if not folder.exists() else "not a folder", path=str(folder))
    manifest = load_published_manifest(folder)
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    catalogs = catalog_hashes(manifest, project_root) if project_root is not None else None
    findings = verify_files(manifest, files, catalogs=catalogs)
    if browser:
        from l10n.publish.render_check import open_browser

        with open_browser() as chromium:
            findings += verify_rendered(folder, manifest, chromium, reported=findings)
    copies = sum(len(d.files) for loc in manifest.locales.values() for d in loc.documents.values())
    return Verification(findings, copies, len(manifest.locales))


def catalog_hashes(manifest: Manifest, root: Path) -> dict[str, str]:
    """The current SHA-256 of each catalog the manifest's copies were built from (those that exist under ``root``)."""
    out = {}
    for loc in manifest.locales.values():
        for doc in loc.documents.values():
            if doc.catalog is not None and (path := root / doc.catalog.path).is_file():
                out[doc.catalog.path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
