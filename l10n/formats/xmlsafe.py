"""The one safe way to parse XML and HTML in l10n.

Every XML or HTML file l10n reads from outside (XLIFF, TMX, HTML articles)
goes through :func:`parse_xml` or :func:`parse_html`. The lxml parsers here
never resolve entities, never load a DTD, never touch the network and refuse
huge trees. On top of that, a document type declaration that could do harm
(an internal subset, entity declarations, an external DTD reference) is
refused outright with :class:`~l10n.errors.XMLSecurityError` naming the file
and line, so that XXE, "billion laughs" and DTDs fetched from the network
have no effect at all.

A plain ``<!DOCTYPE html>`` (no subset, no identifiers) is accepted.

>>> parse_xml(b"<a><b>x</b></a>", "t.xml").findtext("b")
'x'
>>> parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "t.xml")
Traceback (most recent call last):
...
l10n.errors.XMLSecurityError: t.xml:1: refused: the DOCTYPE declares an internal subset (entities or a DTD); l10n never processes DTDs
"""

from __future__ import annotations

import codecs
import re

from lxml import etree
from lxml import html as lxml_html

from l10n.errors import XMLSecurityError

__all__ = ["html_parser", "parse_html", "parse_xml", "xml_parser"]

_DOCTYPE = re.compile(r"<!DOCTYPE\b(?P<body>(?:[^\[>\"']|\"[^\"]*\"|'[^']*')*)(?P<subset>\[)?", re.I)
_ENTITY = re.compile(r"<!ENTITY\b", re.I)
_PUBLIC_SYSTEM = re.compile(r"\b(PUBLIC|SYSTEM)\b", re.I)


def xml_parser() -> etree.XMLParser:
    """A new lxml XML parser with every dangerous feature off.

    Entities are not resolved, no DTD is loaded or validated, the network is
    never used, and trees above libxml2's default limits are refused.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False, collect_ids=False)


def html_parser() -> lxml_html.HTMLParser:
    """A new lxml HTML parser that never touches the network and refuses huge trees."""
    return lxml_html.HTMLParser(no_network=True, huge_tree=False, remove_blank_text=False)


def _decode_for_scan(data: bytes) -> str:
    """The document as text, good enough to find a DOCTYPE (any common encoding)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
                     (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if data[:4] == b"<\x00?\x00" or data[:2] == b"<\x00":
        return data.decode("utf-16-le", errors="replace")
    if data[:4] == b"\x00<\x00?" or data[:2] == b"\x00<":
        return data.decode("utf-16-be", errors="replace")
    return data.decode("utf-8", errors="replace")


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _refuse_doctype(text: str, name: str, *, allow_external_id: bool) -> None:
    """Raise when the document's DOCTYPE (or any entity declaration) could do harm."""
    m = _DOCTYPE.search(text)
    if m is not None:
        line = _line_of(text, m.start())
        if m.group("subset"):
            raise XMLSecurityError("refused: the DOCTYPE declares an internal subset (entities or a DTD); "
                                   "l10n never processes DTDs", path=name, line=line)
        ident = _PUBLIC_SYSTEM.search(m.group("body"))
        if ident and not allow_external_id:
            url = re.search(r"[\"']([^\"']*)[\"']\s*$", m.group("body").strip())
            target = f" ({url.group(1)})" if url else ""
            raise XMLSecurityError(f"refused: the DOCTYPE points at an external DTD{target}; "
                                   "l10n never loads DTDs", path=name, line=line)
    e = _ENTITY.search(text)
    if e is not None:
        raise XMLSecurityError("refused: entity declaration; l10n never expands entities",
                               path=name, line=_line_of(text, e.start()))


def _check_docinfo(tree: etree._ElementTree, name: str, *, allow_external_id: bool) -> None:
    """Second line of defence, on what libxml2 actually saw."""
    info = tree.docinfo
    line = 1
    if info.internalDTD is not None:
        raise XMLSecurityError("refused: the DOCTYPE declares an internal subset", path=name, line=line)
    if not allow_external_id and (info.system_url or info.public_id):
        raise XMLSecurityError(f"refused: the DOCTYPE points at an external DTD ({info.system_url or info.public_id})",
                               path=name, line=line)
    for node in tree.iter(etree.Entity):
        raise XMLSecurityError(f"refused: entity reference {node.text}", path=name, line=node.sourceline)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse an XML document safely and return its root element.

    :param data: the file's bytes (the XML declaration decides the encoding).
    :param name: the file name used in error messages.
    :raises XMLSecurityError: a DOCTYPE with an internal subset or an external
        DTD, or any entity declaration or reference.
    :raises CatalogError: the bytes are not well-formed XML (with the line).
    """
    from l10n.errors import CatalogError

    if not isinstance(data, bytes):
        raise TypeError("parse_xml takes bytes")
    _refuse_doctype(_decode_for_scan(data), name, allow_external_id=False)
    try:
        root = etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        msg = exc.msg or "not well-formed XML"
        msg = re.sub(r",\s*line \d+, column \d+$", "", msg)
        raise CatalogError(f"not well-formed XML: {msg}", path=name, line=line) from None
    if root is None:
        raise CatalogError("empty XML document", path=name, line=1)
    _check_docinfo(root.getroottree(), name, allow_external_id=False)
    return root


def parse_html(data: bytes, name: str) -> etree._Element:
    """Parse an HTML document safely and return its root element.

    Public and system identifiers in an HTML DOCTYPE are tolerated (the HTML
    parser never loads them); an internal subset or entity declarations are
    refused with :class:`XMLSecurityError`.
    """
    if not isinstance(data, bytes):
        raise TypeError("parse_html takes bytes")
    _refuse_doctype(_decode_for_scan(data), name, allow_external_id=True)
    try:
        root = lxml_html.document_fromstring(data, parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        from l10n.errors import SourceError

        raise SourceError(f"cannot parse HTML: {exc}", path=name) from None
    return root
