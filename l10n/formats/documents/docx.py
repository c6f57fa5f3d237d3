"""Word documents (``.docx``): read, localised and published as Word documents.

A ``.docx`` is a zip of XML parts. It is opened within bounds (size, number
of members, uncompressed size and compression ratio: a zip bomb is refused
with a :class:`~l10n.errors.SourceError`) and its parts are parsed with the
project's safe XML parser (:mod:`l10n.formats.xmlsafe`: no DTD, no entity).

Segments: every paragraph of the body (headings, paragraphs, list items,
table cells), in document order, is one line of the document's text; its
runs become inline markup a translator sees as in HTML: ``<b>``, ``<i>``,
``<a href="…">`` and ``<br/>`` (:mod:`l10n.formats.inline` reads them the
same way). Text in runs hidden in the source (``w:vanish``) is kept as it is.

Rendering puts the translated markup back as runs: the paragraph keeps its
properties, the runs take the properties of the paragraph's first text run
(bold and italic as the markup says), links become hyperlinks. A disclaimer
is wrapped in a locked content control tagged ``l10n-disclaimer:<id>``; the
machine-translation notice opens the document in one tagged
``l10n-notice:machine-translation``; the standard notices end it.

The view :func:`view` gives ``verify`` and the rendered-copy checks is an
HTML page of the document as Word shows it: run properties resolved through
the styles (document defaults, paragraph style, character style, direct
formatting), hidden text (``w:vanish``) as ``display:none``, colours, text
under :data:`MIN_READABLE_PT` as ``font-size:0``, characters squeezed under
:data:`MIN_READABLE_WIDTH` percent as ``transform:scaleX(…)``, highlight and shading as
backgrounds, strike-through as ``line-through``; content controls tagged by
the build as ``data-disclaimer`` / ``data-l10n-notice`` elements.
"""

from __future__ import annotations

import copy
import html
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby

from lxml import etree

from l10n.formats.documents import DocFormat, Published, PublishInput, register
from l10n.errors import SourceError
from l10n.formats.xmlsafe import parse_xml
from l10n.model import Document
from l10n.segment.base import DocumentBuilder, fold_ws

__all__ = ["DOCX", "MAX_DOCX_BYTES", "MAX_MEMBERS", "MAX_RATIO", "MAX_UNCOMPRESSED", "MIN_READABLE_PT",
           "read_package", "render_docx", "view"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
W = f"{{{W_NS}}}"
R_ID = f"{{{R_NS}}}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: A .docx larger than this is refused.
MAX_DOCX_BYTES = 20 * 1024 * 1024
#: At most this many members in the zip.
MAX_MEMBERS = 1000
#: At most this many bytes once every member is uncompressed.
MAX_UNCOMPRESSED = 100 * 1024 * 1024
#: A member that expands more than this many times (and above 1 MiB) is a zip bomb.
MAX_RATIO = 100
#: Text smaller than this (in points) cannot be read: the view shows it as ``font-size:0``.
MIN_READABLE_PT = 4.0

DOCUMENT_PART = "word/document.xml"
RELS_PART = "word/_rels/document.xml.rels"
STYLES_PART = "word/styles.xml"
DISCLAIMER_TAG = "l10n-disclaimer:"
NOTICE_TAG = "l10n-notice:machine-translation"


# -- the package ------------------------------------------------------------------------------------------

def read_package(data: bytes, name: str) -> dict[str, bytes]:
    """The members of a .docx (name → bytes, in archive order), read within bounds.

    :raises SourceError: not a zip, too large, too many members, a member that expands too much (a
        zip bomb), or no ``word/document.xml``.
    """
    if len(data) > MAX_DOCX_BYTES:
        raise SourceError(f"Word document of {len(data)} bytes is larger than the limit of {MAX_DOCX_BYTES}",
                          path=name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise SourceError("not a Word document (not a valid zip archive)", path=name) from None
    if len(infos) > MAX_MEMBERS:
        raise SourceError(f"Word document has {len(infos)} zip members, more than the limit of {MAX_MEMBERS}",
                          path=name)
    total = 0
    out: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        declared = info.file_size
        if declared > 1024 * 1024 and declared > MAX_RATIO * max(info.compress_size, 1):
            raise SourceError(f"zip member {info.filename} expands {declared // max(info.compress_size, 1)} "
                              f"times (a zip bomb?); the limit is {MAX_RATIO}", path=name)
        left = MAX_UNCOMPRESSED - total
        try:
            with zf.open(info) as fh:  # the declared size may lie: read no more than the budget allows
                body = fh.read(left + 1)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, ValueError) as exc:
            raise SourceError(f"cannot read zip member {info.filename}: {exc}", path=name) from None
        total += len(body)
        if total > MAX_UNCOMPRESSED:
            raise SourceError(f"Word document expands to more than {MAX_UNCOMPRESSED} bytes (a zip bomb?)",
                              path=name)
        if len(body) > MAX_RATIO * max(info.compress_size, 1) and len(body) > 1024 * 1024:
            raise SourceError(f"zip member {info.filename} expands {len(body) // max(info.compress_size, 1)} "
                              f"times (a zip bomb?); the limit is {MAX_RATIO}", path=name)
        out[info.filename] = body
    if DOCUMENT_PART not in out:
        raise SourceError(f"not a Word document (no {DOCUMENT_PART} in the archive)", path=name)
    return out


def _write_package(parts: Mapping[str, bytes]) -> bytes:
    """A zip of ``parts`` in order, with fixed dates and attributes: the same parts give the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, body)
    return buf.getvalue()


def _parse(parts: Mapping[str, bytes], part: str, name: str) -> etree._Element | None:
    if part not in parts:
        return None
    try:
        return parse_xml(parts[part], f"{name}:{part}")
    except SourceError:
        raise
    except Exception as exc:  # CatalogError / XMLSecurityError from the safe parser: a bad source
        from l10n.errors import L10nError

        if isinstance(exc, L10nError):
            raise SourceError(exc.message, path=f"{name}:{part}", line=exc.line) from None
        raise


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- reading paragraphs -----------------------------------------------------------------------------------

def _on(el: etree._Element | None) -> bool:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) is on."""
    return el is not None and el.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


def _paragraphs(root: etree._Element) -> list[etree._Element]:
    """Every paragraph of the body, in document order (table cells included, text boxes too)."""
    body = root.find(f"{W}body")
    if body is None:
        return []
    return [p for p in body.iter(f"{W}p")]


def _kind(p: etree._Element) -> str:
    ppr = p.find(f"{W}pPr")
    style = ""
    if ppr is not None:
        st = ppr.find(f"{W}pStyle")
        style = (st.get(f"{W}val") or "") if st is not None else ""
        if ppr.find(f"{W}outlineLvl") is not None:
            return "heading"
    if re.match(r"(?i)(heading|title|subtitle)", style):
        return "heading"
    for anc in p.iterancestors():
        if anc.tag == f"{W}tc":
            tr = anc.getparent()
            trpr = tr.find(f"{W}trPr") if tr is not None else None
            if trpr is not None and trpr.find(f"{W}tblHeader") is not None:
                return "table_header"
            return "table_cell"
    if (ppr is not None and ppr.find(f"{W}numPr") is not None) or re.match(r"(?i)list", style):
        return "list_item"
    return "paragraph"


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str          # plain text; "\n" for a line break
    bold: bool = False
    italic: bool = False
    href: str = ""
    did: str = ""


def _text_run(r: etree._Element) -> bool:
    """A run that carries only text (a run with a drawing, a field or a hidden run is kept as it is)."""
    rpr = r.find(f"{W}rPr")
    if rpr is not None and (_on(rpr.find(f"{W}vanish")) or _on(rpr.find(f"{W}specVanish"))):
        return False
    children = [c for c in r if c.tag != f"{W}rPr"]
    return bool(children) and all(c.tag in (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen",
                                            f"{W}softHyphen") for c in children)


def _run_pieces(r: etree._Element, href: str = "") -> list[_Piece]:
    rpr = r.find(f"{W}rPr")
    bold = italic = False
    if rpr is not None:
        bold, italic = _on(rpr.find(f"{W}b")), _on(rpr.find(f"{W}i"))
    out = []
    for c in r:
        if c.tag == f"{W}t":
            out.append(_Piece(c.text or "", bold, italic, href))
        elif c.tag == f"{W}tab":
            out.append(_Piece("\t", bold, italic, href))
        elif c.tag in (f"{W}br", f"{W}cr"):
            out.append(_Piece("\n", bold, italic, href))
        elif c.tag == f"{W}noBreakHyphen":
            out.append(_Piece("\u2011", bold, italic, href))
    return out


def _text_items(p: etree._Element, rels: Mapping[str, str]) -> Iterator[tuple[etree._Element, str]]:
    """(text run, link target) of the paragraph's own text runs, in order."""
    for child in p:
        if child.tag == f"{W}r" and _text_run(child):
            yield child, ""
        elif child.tag == f"{W}hyperlink":
            href = rels.get(child.get(R_ID) or "", "") or ("#" + child.get(f"{W}anchor") if child.get(
                f"{W}anchor") else "")
            for r in child:
                if r.tag == f"{W}r" and _text_run(r):
                    yield r, href
        elif child.tag in (f"{W}ins", f"{W}smartTag", f"{W}customXml"):
            for r in child:
                if r.tag == f"{W}r" and _text_run(r):
                    yield r, ""


def _markup(pieces: list[_Piece]) -> str:
    """The inline markup a translator sees (HTML conventions of :mod:`l10n.formats.inline`)."""
    merged: list[_Piece] = []
    for pc in pieces:
        if merged and pc.text != "\n" and merged[-1].text != "\n" and \
                (merged[-1].bold, merged[-1].italic, merged[-1].href) == (pc.bold, pc.italic, pc.href):
            merged[-1] = _Piece(merged[-1].text + pc.text, pc.bold, pc.italic, pc.href)
        elif pc.text:
            merged.append(pc)
    out: list[str] = []
    i = 0
    while i < len(merged):
        href = merged[i].href
        j = i
        while j < len(merged) and merged[j].href == href:
            j += 1
        inner = []
        for pc in merged[i:j]:
            if pc.text == "\n":
                inner.append("<br/>")
                continue
            t = html.escape(pc.text, quote=False)
            if pc.italic:
                t = f"<i>{t}</i>"
            if pc.bold:
                t = f"<b>{t}</b>"
            inner.append(t)
        text = "".join(inner)
        out.append(f'<a href="{html.escape(href)}">{text}</a>' if href else text)
        i = j
    return "".join(out)


def _rels(parts: Mapping[str, bytes], name: str) -> tuple[etree._Element | None, dict[str, str]]:
    root = _parse(parts, RELS_PART, name)
    links: dict[str, str] = {}
    if root is not None:
        for rel in root:
            if rel.get("Type") == HYPERLINK and rel.get("Id"):
                links[rel.get("Id")] = rel.get("Target") or ""
    return root, links


def _lines(root: etree._Element, links: Mapping[str, str]) -> list[tuple[str, str]]:
    """(markup, kind) of every paragraph, in document order."""
    out = []
    for p in _paragraphs(root):
        pieces = [pc for r, href in _text_items(p, links) for pc in _run_pieces(r, href)]
        out.append((_markup(pieces).replace("\r", " "), _kind(p)))
    return out


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def load_docx(data: bytes, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Segment a Word document: one line of markup per paragraph (see the module's docstring)."""
    parts = read_package(data, name)
    root = _parse(parts, DOCUMENT_PART, name)
    _, links = _rels(parts, name)
    lines = _lines(root, links)
    text = "".join(m + "\n" for m, _ in lines)
    builder = DocumentBuilder(text, name, "docx", unit=unit, lang=lang)
    pos = 0
    for markup, kind in lines:
        if kind == "heading" and fold_ws(_plain(markup)):
            builder.enter_section(_plain(markup))
        if markup.strip():
            builder.add_block(pos, pos + len(markup), kind=kind)
        pos += len(markup) + 1
    doc = builder.finish()
    return Document(doc.name, doc.fmt, doc.parts, data)


# -- writing paragraphs -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)?)\s*(/?)>")
_ATTR = re.compile(r"([A-Za-z-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


class _MarkupState:
    """The formatting open at a point of a translated paragraph's markup."""

    def __init__(self) -> None:
        self.bold = self.italic = 0
        self.hrefs: list[str] = []
        self.dids: list[str] = []
        self.stack: list[str] = []

    def piece(self, text: str) -> _Piece:
        return _Piece(text, self.bold > 0, self.italic > 0, self.hrefs[-1] if self.hrefs else "",
                      self.dids[-1] if self.dids else "")

    def open(self, tag: str, attrs: str) -> None:
        values = {k.lower(): html.unescape(a if a is not None else b) for k, a, b in _ATTR.findall(attrs)}
        if tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag == "a":
            self.hrefs.append(values.get("href", ""))
        elif tag == "span" and values.get("data-disclaimer"):
            self.dids.append(values["data-disclaimer"])
        else:
            tag = "?"
        self.stack.append(tag)

    def close(self, tag: str) -> None:
        """Close the innermost open element of that name (a translator's crossed tags still close)."""
        for k in range(len(self.stack) - 1, -1, -1):
            if _closes(tag, self.stack[k]):
                self._closed(self.stack.pop(k))
                return

    def _closed(self, opened: str) -> None:
        if opened in ("b", "strong"):
            self.bold -= 1
        elif opened in ("i", "em"):
            self.italic -= 1
        elif opened == "a" and self.hrefs:
            self.hrefs.pop()
        elif opened == "span" and self.dids:
            self.dids.pop()


def _closes(tag: str, opened: str) -> bool:
    """Whether the end tag ``tag`` closes the open element ``opened``."""
    return opened == tag or (tag in ("strong", "em") and opened in ("b", "i"))


def parse_markup(markup: str) -> list[_Piece]:
    """Pieces of a translated paragraph's markup; unknown tags are dropped, their text kept."""
    out: list[_Piece] = []
    state = _MarkupState()
    pos = 0
    for m in _TOKEN.finditer(markup):
        if m.start() > pos:
            out.append(state.piece(html.unescape(markup[pos:m.start()])))
        pos = m.end()
        closing, tag, attrs, selfclose = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        if tag == "br":
            out.append(state.piece("\n"))
        elif selfclose:
            continue
        elif not closing:
            state.open(tag, attrs)
        else:
            state.close(tag)
    if markup[pos:]:
        out.append(state.piece(html.unescape(markup[pos:])))
    return out


_SAFE_HREF = re.compile(r"(?i)^(https?:|mailto:|#)")
# the order of w:rPr children the schema requires, for the few we insert
_RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs"]


def _set_toggle(rpr: etree._Element, prop: str, on: bool) -> None:
    for old in rpr.findall(f"{W}{prop}"):
        rpr.remove(old)
    if not on:
        return
    pos = 0
    for k, child in enumerate(rpr):
        local = etree.QName(child).localname
        if local in _RPR_ORDER and _RPR_ORDER.index(local) < _RPR_ORDER.index(prop):
            pos = k + 1
    rpr.insert(pos, etree.Element(f"{W}{prop}"))


def _make_runs(pc: _Piece, base: etree._Element | None) -> list[etree._Element]:
    r = etree.Element(f"{W}r")
    rpr = copy.deepcopy(base) if base is not None else etree.Element(f"{W}rPr")
    for prop in ("vanish", "specVanish", "webHidden"):
        for old in rpr.findall(f"{W}{prop}"):
            rpr.remove(old)
    _set_toggle(rpr, "b", pc.bold)
    _set_toggle(rpr, "bCs", False)
    _set_toggle(rpr, "i", pc.italic)
    _set_toggle(rpr, "iCs", False)
    if len(rpr):
        r.append(rpr)
    if pc.text == "\n":
        etree.SubElement(r, f"{W}br")
        return [r]
    for k, chunk in enumerate(pc.text.split("\t")):
        if k:
            etree.SubElement(r, f"{W}tab")
        if chunk:
            t = etree.SubElement(r, f"{W}t")
            t.text = chunk
            if chunk != chunk.strip():
                t.set(XML_SPACE, "preserve")
    return [r]


def _content_control(tag: str, children: list[etree._Element]) -> etree._Element:
    sdt = etree.Element(f"{W}sdt")
    pr = etree.SubElement(sdt, f"{W}sdtPr")
    etree.SubElement(pr, f"{W}tag").set(f"{W}val", tag)
    etree.SubElement(pr, f"{W}lock").set(f"{W}val", "sdtContentLocked")
    content = etree.SubElement(sdt, f"{W}sdtContent")
    content.extend(children)
    return sdt


class _Links:
    """Hyperlink relationships: existing ones reused by target, new ones added."""

    def __init__(self, rels_root: etree._Element | None, links: Mapping[str, str]) -> None:
        self.root = rels_root
        self.by_target = {t: i for i, t in sorted(links.items(), reverse=True)}
        self.n = 0

    def rid(self, href: str) -> str | None:
        if href in self.by_target:
            return self.by_target[href]
        if self.root is None:
            return None
        taken = {rel.get("Id") for rel in self.root}
        self.n += 1
        while f"rIdL10n{self.n}" in taken:
            self.n += 1
        rid = f"rIdL10n{self.n}"
        rel = etree.SubElement(self.root, f"{{{PKG_NS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", HYPERLINK)
        rel.set("Target", href)
        rel.set("TargetMode", "External")
        self.by_target[href] = rid
        return rid


_WRAPPERS = (f"{W}hyperlink", f"{W}ins", f"{W}smartTag", f"{W}customXml")


def _base_props(items: list[tuple[etree._Element, str]]
                ) -> tuple[etree._Element | None, dict[str, etree._Element | None]]:
    """The run properties new runs take: the first plain text run's, and each link's first run's."""
    base = None
    link_base: dict[str, etree._Element | None] = {}
    for r, href in items:
        rpr = r.find(f"{W}rPr")
        if href:
            link_base.setdefault(href, rpr)
        elif base is None:
            base = rpr
    if base is None and items:
        base = items[0][0].find(f"{W}rPr")
    return base, link_base


def _owns_text(child: etree._Element) -> bool:
    """A text run, or a wrapper (hyperlink, insertion, ...) around one."""
    if child.tag == f"{W}r":
        return _text_run(child)
    return child.tag in _WRAPPERS and any(r.tag == f"{W}r" and _text_run(r) for r in child)


def _remove_text_runs(p: etree._Element) -> int:
    """Remove the paragraph's text runs; the index where the new ones go (where the first text was)."""
    anchor_index = None
    for child in list(p):
        if not _owns_text(child):
            continue
        if anchor_index is None:
            anchor_index = p.index(child)
        if child.tag == f"{W}r" or not any(c.tag != f"{W}r" or not _text_run(c) for c in child):
            p.remove(child)
        else:
            for r in [c for c in child if c.tag == f"{W}r" and _text_run(c)]:
                child.remove(r)
    if anchor_index is None:
        return 1 if p.find(f"{W}pPr") is not None else 0
    return anchor_index


def _linked(href: str, runs: list[etree._Element], newlinks: _Links) -> list[etree._Element]:
    """The runs of one link target: inside a hyperlink (external or to an anchor), or as they are."""
    rid = newlinks.rid(href) if href and _SAFE_HREF.match(href) and not href.startswith("#") else None
    if rid:
        link = etree.Element(f"{W}hyperlink")
        link.set(R_ID, rid)
    elif href.startswith("#") and len(href) > 1:
        link = etree.Element(f"{W}hyperlink")
        link.set(f"{W}anchor", href[1:])
    else:
        return runs
    link.extend(runs)
    return [link]


def _new_content(markup: str, base: etree._Element | None, link_base: Mapping[str, etree._Element | None],
                 newlinks: _Links) -> list[etree._Element]:
    """The runs of ``markup``: grouped by link, and each disclaimer in a content control."""
    new: list[etree._Element] = []
    for did, same_did in groupby(parse_markup(markup), key=lambda piece: piece.did):
        group: list[etree._Element] = []
        for href, same_href in groupby(same_did, key=lambda piece: piece.href):
            props = link_base.get(href, base) if href else base
            runs = [run for piece in same_href for run in _make_runs(piece, props)]
            group.extend(_linked(href, runs, newlinks))
        new.extend([_content_control(DISCLAIMER_TAG + did, group)] if did else group)
    return new


def _rewrite(p: etree._Element, markup: str, links: Mapping[str, str], newlinks: _Links) -> None:
    """Replace the paragraph's text runs by the runs of ``markup``."""
    base, link_base = _base_props(list(_text_items(p, links)))
    anchor_index = _remove_text_runs(p)
    for offset, el in enumerate(_new_content(markup, base, link_base, newlinks)):
        p.insert(anchor_index + offset, el)


def _extra_paragraph(text: str, tag: str, *, italic: bool = False) -> etree._Element:
    p = etree.Element(f"{W}p")
    runs = _make_runs(_Piece(text, False, italic), None)
    p.append(_content_control(tag, runs))
    return p


def render_docx(doc: Document, localised: str, *, notice: str = "",
                notices: tuple[tuple[str, str], ...] = (), rewrite_all: bool = False) -> bytes:
    """The localised Word document: each paragraph whose line of ``localised`` differs is rewritten.

    ``notice`` (the machine-translation notice, if any) opens the document; ``notices`` (id, text)
    end it, each a disclaimer. ``rewrite_all`` rewrites every paragraph with segments, changed or not
    (the identity round trip of the tests).
    """
    if not doc.data:
        raise SourceError("the Word document's bytes are not in its Document", path=doc.name)
    parts = dict(read_package(doc.data, doc.name))
    root = _parse(parts, DOCUMENT_PART, doc.name)
    rels_root, links = _rels(parts, doc.name)
    source_lines = "".join(p if isinstance(p, str) else p.raw for p in doc.parts).split("\n")
    new_lines = localised.split("\n")
    paragraphs = _paragraphs(root)
    if len(new_lines) != len(source_lines) or len(paragraphs) + 1 != len(source_lines):
        raise SourceError("a translation broke the document's paragraphs (a line break in a translation?)",
                          path=doc.name)
    newlinks = _Links(rels_root, links)
    translated = {s.line for s in doc.segments}
    for i, (p, old, new) in enumerate(zip(paragraphs, source_lines, new_lines), start=1):
        if i in translated and (new != old or "data-disclaimer" in new or rewrite_all):
            _rewrite(p, new, links, newlinks)
    body = root.find(f"{W}body")
    if notice:
        body.insert(0, _extra_paragraph(notice, NOTICE_TAG, italic=True))
    sect = body.find(f"{W}sectPr")
    for did, text in notices:
        para = _extra_paragraph(text, DISCLAIMER_TAG + did)
        if sect is not None:
            sect.addprevious(para)
        else:
            body.append(para)
    parts[DOCUMENT_PART] = _serialize(root)
    if rels_root is not None and newlinks.n:
        parts[RELS_PART] = _serialize(rels_root)
    return _write_package(parts)


def rewrite_all(doc: Document, localised: str) -> bytes:
    """:func:`render_docx` rewriting every paragraph, even where the text is unchanged (for tests)."""
    return render_docx(doc, localised, rewrite_all=True)


# -- the view ---------------------------------------------------------------------------------------------

_HIGHLIGHT = {"black": "#000000", "blue": "#0000ff", "cyan": "#00ffff", "green": "#00ff00", "magenta": "#ff00ff",
              "red": "#ff0000", "yellow": "#ffff00", "white": "#ffffff", "darkBlue": "#000080",
              "darkCyan": "#008080", "darkGreen": "#008000", "darkMagenta": "#800080", "darkRed": "#800000",
              "darkYellow": "#808000", "darkGray": "#808080", "lightGray": "#c0c0c0"}
_PROPS = ("vanish", "specVanish", "color", "sz", "highlight", "shd", "strike", "dstrike", "w")
#: characters squeezed to under this width (``w:w``, percent) cannot be read: the view scales them to nothing
MIN_READABLE_WIDTH = 10


class _Styles:
    """Run properties through the styles: defaults, paragraph style chain, character style chain."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.defaults: dict[str, etree._Element] = {}
        if root is None:
            return
        for st in root.iter(f"{W}style"):
            if st.get(f"{W}styleId"):
                self.styles[st.get(f"{W}styleId")] = st
        rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr is not None:
            self.defaults = _props(rpr)

    def chain(self, style_id: str | None) -> dict[str, etree._Element]:
        out: dict[str, etree._Element] = {}
        seen = set()
        order = []
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            st = self.styles[style_id]
            order.append(st)
            based = st.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        for st in reversed(order):
            rpr = st.find(f"{W}rPr")
            if rpr is not None:
                out.update(_props(rpr))
        return out


def _props(rpr: etree._Element) -> dict[str, etree._Element]:
    return {etree.QName(c).localname: c for c in rpr if etree.QName(c).localname in _PROPS}


def _css(props: Mapping[str, etree._Element]) -> str:
    out = []
    if _on(props.get("vanish")) or _on(props.get("specVanish")):
        out.append("display:none")
    color = props.get("color")
    if color is not None and re.fullmatch(r"[0-9A-Fa-f]{6}", color.get(f"{W}val") or ""):
        out.append(f"color:#{color.get(f'{W}val').lower()}")
    sz = props.get("sz")
    if sz is not None and (sz.get(f"{W}val") or "").isdigit():
        pt = int(sz.get(f"{W}val")) / 2
        out.append("font-size:0" if pt < MIN_READABLE_PT else f"font-size:{pt:g}pt")
    width = props.get("w")
    if width is not None and (width.get(f"{W}val") or "").rstrip("%").isdigit() and \
            int(width.get(f"{W}val").rstrip("%")) < MIN_READABLE_WIDTH:
        out.append(f"transform:scaleX({int(width.get(f'{W}val').rstrip('%')) / 100:.2f})")
    bg = _background(props)
    if bg:
        out.append(f"background-color:{bg}")
    if _on(props.get("strike")) or _on(props.get("dstrike")):
        out.append("text-decoration:line-through")
    return ";".join(out)


def _background(props: Mapping[str, etree._Element]) -> str:
    hl = props.get("highlight")
    if hl is not None and hl.get(f"{W}val") in _HIGHLIGHT:
        return _HIGHLIGHT[hl.get(f"{W}val")]
    shd = props.get("shd")
    fill = shd.get(f"{W}fill") if shd is not None else None
    if fill and re.fullmatch(r"[0-9A-Fa-f]{6}", fill):
        return f"#{fill.lower()}"
    return ""


def _shading(el: etree._Element | None) -> str:
    shd = el.find(f"{W}shd") if el is not None else None
    fill = shd.get(f"{W}fill") if shd is not None else None
    return f"#{fill.lower()}" if fill and re.fullmatch(r"[0-9A-Fa-f]{6}", fill) else ""


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _run_props(run: etree._Element, styles: _Styles, para: Mapping[str, etree._Element]) -> dict[str, etree._Element]:
    """A run's effective properties: document defaults, then the paragraph's style, its character style, its own."""
    rpr = run.find(f"{W}rPr")
    props = dict(styles.defaults)
    props.update(para)
    if rpr is not None:
        rs = rpr.find(f"{W}rStyle")
        if rs is not None:
            props.update(styles.chain(rs.get(f"{W}val")))
        props.update(_props(rpr))
    return props


_RUN_TEXT = {"t": None, "delText": None, "tab": "\t", "br": "<br>", "cr": "<br>"}


def _view_run(run: etree._Element, styles: _Styles, para: Mapping[str, etree._Element]) -> str:
    text = []
    for c in run:
        ctag = _local(c)
        if ctag in _RUN_TEXT:
            text.append(_RUN_TEXT[ctag] or html.escape(c.text or "", quote=False))
    style = _css(_run_props(run, styles, para))
    body = "".join(text)
    return f'<span style="{style}">{body}</span>' if style else f"<span>{body}</span>"


def _view_sdt(sdt: etree._Element, styles: _Styles, para: Mapping[str, etree._Element]) -> list[str]:
    """A content control: a disclaimer or the notice as a marked span, any other as its content."""
    tagel = sdt.find(f"{W}sdtPr/{W}tag")
    value = tagel.get(f"{W}val") if tagel is not None else ""
    content = sdt.find(f"{W}sdtContent")
    inner: list[str] = []
    if content is not None:
        _view_runs(content, styles, para, inner)
    if value and value.startswith(DISCLAIMER_TAG):
        return [f'<span data-disclaimer="{html.escape(value[len(DISCLAIMER_TAG):])}">' + "".join(inner) + "</span>"]
    if value == NOTICE_TAG:
        return ['<span data-l10n-notice="machine-translation">' + "".join(inner) + "</span>"]
    return inner


# containers whose runs are shown in place (a tracked deletion, w:del, is not shown in the final text)
_RUN_CONTAINERS = ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo")


def _view_runs(node: etree._Element, styles: _Styles, para: Mapping[str, etree._Element], out: list[str]) -> None:
    for child in node:
        tag = _local(child)
        if tag == "r":
            out.append(_view_run(child, styles, para))
        elif tag == "sdt":
            out.extend(_view_sdt(child, styles, para))
        elif tag in _RUN_CONTAINERS:
            _view_runs(child, styles, para, out)


def _view_block(node: etree._Element, styles: _Styles, out: list[str]) -> None:
    for child in node:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "p":
            ppr = child.find(f"{W}pPr")
            para: dict[str, etree._Element] = {}
            st = ppr.find(f"{W}pStyle") if ppr is not None else None
            para.update(styles.chain(st.get(f"{W}val") if st is not None else "Normal"))
            inner: list[str] = []
            _view_runs(child, styles, para, inner)
            html_tag = "h2" if _kind(child) == "heading" else "p"
            bg = _shading(ppr)
            style = f' style="background-color:{bg}"' if bg else ""
            out.append(f"<{html_tag}{style}>{''.join(inner)}</{html_tag}>")
        elif tag == "tbl":
            out.append("<table>")
            for tr in child.findall(f"{W}tr"):
                out.append("<tr>")
                for tc in tr.findall(f"{W}tc"):
                    bg = _shading(tc.find(f"{W}tcPr"))
                    out.append(f'<td style="background-color:{bg}">' if bg else "<td>")
                    _view_block(tc, styles, out)
                    out.append("</td>")
                out.append("</tr>")
            out.append("</table>")
        elif tag == "sdt":
            content = child.find(f"{W}sdtContent")
            tagel = child.find(f"{W}sdtPr/{W}tag")
            value = tagel.get(f"{W}val") if tagel is not None else ""
            inner = []
            if content is not None:
                _view_block(content, styles, inner)
            if value and value.startswith(DISCLAIMER_TAG):
                out.append(f'<div data-disclaimer="{html.escape(value[len(DISCLAIMER_TAG):])}">'
                           + "".join(inner) + "</div>")
            else:
                out.extend(inner)


def _body_view(root: etree._Element, styles: _Styles) -> str:
    out: list[str] = []
    body = root.find(f"{W}body")
    if body is not None:
        _view_block(body, styles, out)
    return "\n".join(out)


def _page_background(root: etree._Element) -> str:
    bg = root.find(f"{W}background")
    color = bg.get(f"{W}color") if bg is not None else None
    return f"#{color.lower()}" if color and re.fullmatch(r"[0-9A-Fa-f]{6}", color) else "#ffffff"


def view(data: bytes, name: str) -> bytes:
    """The HTML page of a Word document as Word shows it (see the module's docstring)."""
    parts = read_package(data, name)
    root = _parse(parts, DOCUMENT_PART, name)
    styles = _Styles(_parse(parts, STYLES_PART, name))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
            f"<body style=\"background-color:{_page_background(root)};color:#000000\">"
            + _body_view(root, styles) + "</body></html>").encode("utf-8")


def _publish(job: PublishInput) -> Published:
    kit, locale, doc = job.kit, job.locale, job.doc
    stem = doc.name.rsplit(".", 1)[0]
    body_doc = render_docx(doc, job.localised)
    parts = read_package(body_doc, doc.name)
    root = _parse(parts, DOCUMENT_PART, doc.name)
    body_html = kit.sanitize_fragment(_body_view(root, _Styles(_parse(parts, STYLES_PART, doc.name))))
    title = next((_plain(m) for m, k in _lines(root, _rels(parts, doc.name)[1]) if k == "heading" and m), "")
    data = render_docx(doc, job.localised, notice=kit.mt_notice(locale) if job.mt_used else "",
                       notices=tuple((n.id, n.text or "") for n in job.notices))
    page = kit.page(locale, fold_ws(title) or doc.domain, body_html,
                    banner=kit.banner(locale) if job.mt_used else "", notices=list(job.notices))
    return Published({f"{stem}.docx": data}, page)


DOCX = register(DocFormat(name="docx", suffixes=(".docx",), inline="html", load=load_docx, publish=_publish,
                          view=view, copy_suffix=".docx", binary=True))
