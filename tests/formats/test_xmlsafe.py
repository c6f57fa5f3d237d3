"""The safe parser refuses hostile XML: XXE, entity bombs, DTDs on the network."""

from __future__ import annotations

import socket

import pytest
from lxml import etree

from l10n.errors import CatalogError, XMLSecurityError
from l10n.formats.xmlsafe import parse_html, parse_xml, xml_parser
from tests.support import paths

CASES = paths.CASES / "xml"


@pytest.fixture
def listener():
    """A listening socket on 127.0.0.1; ``connected()`` says whether anyone connected."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)

    class L:
        port = sock.getsockname()[1]

        @staticmethod
        def connected() -> bool:
            try:
                conn, _ = sock.accept()
            except BlockingIOError:
                return False
            conn.close()
            return True

    yield L
    sock.close()


def hostile(name: str, port: int = 0) -> bytes:
    path = CASES / name
    if path.suffix == ".in":
        return path.read_text(encoding="utf-8").replace("{port}", str(port)).encode("utf-8")
    return path.read_bytes()


@pytest.mark.parametrize("name", ["xxe-passwd.xlf", "billion-laughs.xlf", "xxe-passwd.tmx", "billion-laughs.tmx",
                                  "xxe-utf16.xlf"])
def test_entities_are_refused_naming_file_and_line(name):
    with pytest.raises(XMLSecurityError) as info:
        parse_xml(hostile(name), name)
    assert info.value.path == name
    assert info.value.line == 2
    assert "refused" in str(info.value)
    assert "root:" not in str(info.value)  # nothing of /etc/passwd leaks into the message


@pytest.mark.parametrize("name", ["network-dtd.xlf.in", "network-param-entity.xlf.in", "network-dtd.tmx.in"])
def test_network_dtd_is_refused_without_any_connection(name, listener):
    with pytest.raises(XMLSecurityError) as info:
        parse_xml(hostile(name, listener.port), name)
    assert info.value.line == 2
    assert not listener.connected()


def test_the_parser_itself_never_fetches_or_expands(listener):
    """Defence in depth: even without the DOCTYPE refusal, lxml fetches and expands nothing."""
    data = hostile("network-dtd.xlf.in", listener.port)
    root = etree.fromstring(data, parser=xml_parser())
    assert not listener.connected()
    assert "root:" not in etree.tostring(root, encoding="unicode")
    try:
        bomb = etree.fromstring(hostile("billion-laughs.xlf"), parser=xml_parser())
    except etree.XMLSyntaxError as exc:  # libxml2's amplification guard may stop it first
        assert "amplification" in str(exc)
    else:
        assert len(etree.tostring(bomb)) < 10_000
    xxe = etree.fromstring(hostile("xxe-passwd.xlf"), parser=xml_parser())
    assert "root:" not in etree.tostring(xxe, encoding="unicode")


def test_plain_documents_parse():
    root = parse_xml(b'<?xml version="1.0"?>\n<a x="1"><b>&amp;&lt;</b></a>', "ok.xml")
    assert root.findtext("b") == "&<"


def test_malformed_xml_is_a_catalog_error_with_line():
    with pytest.raises(CatalogError) as info:
        parse_xml(b"<a>\n<b>\n</a>", "bad.xml")
    assert info.value.path == "bad.xml" and info.value.line == 3


def test_html_accepts_ordinary_doctypes_but_not_subsets():
    root = parse_html(b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "a.html")
    assert root.findtext(".//p") == "Hi"
    xhtml = (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
             b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>Hi</p></body></html>')
    assert parse_html(xhtml, "x.html").findtext(".//p") == "Hi"
    with pytest.raises(XMLSecurityError):
        parse_html(b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<p>&x;</p>', "h.html")
