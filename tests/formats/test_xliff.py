"""XLIFF 1.2: schema-valid export, inline markup, states, locks, exact round trip, hostile files refused."""

from __future__ import annotations

import socket

import polib
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from l10n.catalogs import generate_po, read_po
from l10n.errors import CatalogError, XMLSecurityError
from l10n.formats.inline import flatten, parse_inline
from l10n.formats.xliff import NS, catalog_to_xliff, merge_xliff, read_xliff, unit_id
from tests.support import paths

SCHEMAS = paths.SHARED_SCHEMAS
CASES = paths.CASES / "xml"
X = f"{{{NS}}}"


@pytest.fixture(scope="module")
def schema():
    xsd = SCHEMAS / "xliff-core-1.2-strict.xsd"
    if not xsd.is_file():
        pytest.skip("../shared/schemas not present")
    return etree.XMLSchema(etree.parse(str(xsd)))


_CACHE: list = []


def _shared_schema() -> etree.XMLSchema:
    if not _CACHE:
        _CACHE.append(etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"))))
    return _CACHE[0]


def assert_valid(schema, data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    schema.assertValid(root.getroottree())
    return root


def po_of(entries: list[dict], doc: str = "a.md") -> polib.POFile:
    po = polib.POFile(wrapwidth=79, check_for_duplicates=False)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    for i, kw in enumerate(entries, 1):
        e = polib.POEntry(occurrences=[(f"{doc}#s/p{i}", "")], **kw)
        po.append(e)
    return read_po(generate_po(po).encode("utf-8"), "t.po")


DISC = "disclaimer:not-medical-advice"
APPROVED = {"not-medical-advice": "Esto no es consejo médico."}


def sample() -> polib.POFile:
    return po_of([
        dict(msgid="Take **one** dose with *food*.", msgstr=""),
        dict(msgid="See [the guide](https://example.org/guide) now.", msgstr="Mira [la guía](https://example.org/guide) ya."),
        dict(msgid="Use `kratom --help` carefully.", msgstr="Usa `kratom --help` con cuidado.", flags=["fuzzy"]),
        dict(msgid="This is not medical advice.", msgstr="Esto no es consejo médico.", msgctxt=DISC,
             comment="SAFETY DISCLAIMER: translate completely [not-medical-advice]\nblock: paragraph"),
        dict(msgid="Plain text.", msgstr="Texto plano."),
    ])


def test_unit_id_is_stable_and_context_sensitive():
    assert unit_id(None, "Hello") == unit_id(None, "Hello")
    assert unit_id("ctx", "Hello") != unit_id(None, "Hello")
    assert unit_id(None, "Hello") != unit_id(None, "Hello!")


def test_export_is_schema_valid_with_inline_elements_states_notes_and_lock(schema):
    data = catalog_to_xliff(sample(), locale="es", approved=APPROVED)
    root = assert_valid(schema, data)
    units = root.findall(f".//{X}trans-unit")
    assert len(units) == 5
    src = units[0].find(f"{X}source")
    assert [g.get("ctype") for g in src.iter(f"{X}g")] == ["bold", "italic"]
    assert "**" not in etree.tostring(src, encoding="unicode")  # markup is elements, not escaped text
    assert units[0].find(f"{X}target").get("state") == "needs-translation"
    link = units[1].find(f"{X}source/{X}g")
    assert link.get("ctype") == "link" and link.text == "the guide"
    assert units[1].find(f"{X}target/{X}g").get("id") == link.get("id")
    assert units[1].find(f"{X}target").get("state") == "translated"
    assert units[2].find(f"{X}source/{X}x").get("ctype") == "x-code"
    fuzzy = units[2].find(f"{X}target")
    assert (fuzzy.get("state"), fuzzy.get("state-qualifier")) == ("needs-review-translation", "fuzzy-match")
    disc = units[3]
    assert disc.get("translate") == "no" and disc.get("approved") == "yes"
    assert disc.find(f"{X}target").get("state") == "final"
    assert disc.get("resname") == DISC
    notes = [n.text for n in disc.findall(f"{X}note")]
    assert any(n.startswith("SAFETY DISCLAIMER") for n in notes)
    assert units[0].get("id") == unit_id(None, "Take **one** dose with *food*.")


def test_machine_translation_is_marked_distinctly(schema):
    po = sample()
    data = catalog_to_xliff(po, locale="es", machine=lambda e: e.msgid == "Plain text.")
    root = assert_valid(schema, data)
    t = root.find(f".//{X}trans-unit[@id='{unit_id(None, 'Plain text.')}']/{X}target")
    assert (t.get("state"), t.get("state-qualifier")) == ("needs-review-translation", "mt-suggestion")


def test_disclaimer_without_approval_is_not_locked():
    root = etree.fromstring(catalog_to_xliff(sample(), locale="es", approved={}))
    disc = root.find(f".//{X}trans-unit[@resname='{DISC}']")
    assert disc.get("translate") is None and disc.find(f"{X}target").get("state") == "translated"


def test_untouched_export_merges_back_byte_identical():
    po = sample()
    files = read_xliff(catalog_to_xliff(po, locale="es", approved=APPROVED), "a.xlf")
    result = merge_xliff(po, files[0], approved=APPROVED)
    assert result.changed == 0 and not result.problems
    assert generate_po(result.po) == generate_po(po)


def edit(data: bytes, unit: str, build) -> bytes:
    root = etree.fromstring(data)
    u = root.find(f".//{X}trans-unit[@id='{unit}']")
    build(u)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_translated_target_with_markup_comes_back_in_source_syntax():
    po = sample()
    uid = unit_id(None, "Take **one** dose with *food*.")

    def translate(u):
        t = u.find(f"{X}target")
        t.set("state", "translated")
        t.text = "Toma "
        g1 = etree.SubElement(t, X + "g", id="1")
        g1.text = "una"
        g1.tail = " dosis con "
        g2 = etree.SubElement(t, X + "g", id="2")
        g2.text = "comida"
        g2.tail = "."

    files = read_xliff(edit(catalog_to_xliff(po, locale="es"), uid, translate), "a.xlf")
    result = merge_xliff(po, files[0])
    assert result.changed == 1
    e = result.po.find("Take **one** dose with *food*.")
    assert e.msgstr == "Toma **una** dosis con *comida*." and not e.fuzzy


def test_review_states_make_fuzzy_and_confirming_removes_fuzzy():
    po = sample()
    uid_plain = unit_id(None, "Plain text.")
    uid_fuzzy = unit_id(None, "Use `kratom --help` carefully.")

    def review(u):
        t = u.find(f"{X}target")
        t.text, t.attrib["state"] = "Texto llano.", "needs-review-translation"

    def confirm(u):
        u.find(f"{X}target").set("state", "translated")

    data = edit(edit(catalog_to_xliff(po, locale="es"), uid_plain, review), uid_fuzzy, confirm)
    result = merge_xliff(po, read_xliff(data, "a.xlf")[0])
    assert result.changed == 2
    assert result.po.find("Plain text.").fuzzy and result.po.find("Plain text.").msgstr == "Texto llano."
    assert not result.po.find("Use `kratom --help` carefully.").fuzzy


def test_locked_disclaimer_edit_is_rejected():
    po = sample()
    uid = unit_id(DISC, "This is not medical advice.")

    def tamper(u):
        u.find(f"{X}target").text = "Esto es consejo médico."

    data = edit(catalog_to_xliff(po, locale="es", approved=APPROVED), uid, tamper)
    result = merge_xliff(po, read_xliff(data, "a.xlf")[0], approved=APPROVED)
    assert [p.kind for p in result.problems] == ["locked"]
    assert result.po.find("This is not medical advice.", msgctxt=DISC).msgstr == "Esto no es consejo médico."


def test_stale_source_is_reported_not_merged():
    po = sample()
    uid = unit_id(None, "Plain text.")

    def change_source(u):
        u.find(f"{X}source").text = "Plain text, edited."
        u.find(f"{X}target").text = "Otro."

    data = edit(catalog_to_xliff(po, locale="es"), uid, change_source)
    newer = po_of([dict(msgid="Plain text, edited.", msgstr="")])
    result = merge_xliff(po, read_xliff(data, "a.xlf")[0])
    assert [p.kind for p in result.problems] == ["stale"]
    assert result.po.find("Plain text.").msgstr == "Texto plano."
    gone = merge_xliff(newer, read_xliff(catalog_to_xliff(po, locale="es"), "a.xlf")[0])
    assert {p.kind for p in gone.problems} == {"stale"}


def test_unknown_inline_id_is_reported():
    po = sample()
    uid = unit_id(None, "Plain text.")

    def bad(u):
        t = u.find(f"{X}target")
        t.text = "x"
        etree.SubElement(t, X + "g", id="7").text = "y"

    result = merge_xliff(po, read_xliff(edit(catalog_to_xliff(po, locale="es"), uid, bad), "a.xlf")[0])
    assert [p.kind for p in result.problems] == ["markup"]


def test_schema_invalid_file_is_an_error_with_line():
    data = b'<?xml version="1.0"?>\n<xliff version="1.2" xmlns="%s">\n<file original="a"><body/></file></xliff>' % NS.encode()
    with pytest.raises(CatalogError) as info:
        read_xliff(data, "bad.xlf")
    assert info.value.path == "bad.xlf" and info.value.line == 3


@pytest.mark.parametrize("name", ["xxe-passwd.xlf", "billion-laughs.xlf", "xxe-utf16.xlf"])
def test_hostile_xliff_is_refused(name):
    with pytest.raises(XMLSecurityError):
        read_xliff((CASES / name).read_bytes(), name)


def test_network_dtd_in_xliff_is_refused_without_connection():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        sock.setblocking(False)
        data = (CASES / "network-dtd.xlf.in").read_text().replace("{port}", str(sock.getsockname()[1])).encode()
        with pytest.raises(XMLSecurityError):
            read_xliff(data, "net.xlf")
        with pytest.raises(BlockingIOError):
            sock.accept()


def _target_of(data: bytes, uid: str) -> etree._Element:
    return etree.fromstring(data).find(f".//{X}trans-unit[@id='{uid}']/{X}target")


def _type_target(text: str):
    def build(u):
        t = u.find(f"{X}target")
        for child in list(t):
            t.remove(child)
        t.text, t.attrib["state"] = text, "translated"
    return build


def test_html_text_typed_in_cat_tool_is_escaped_on_import():
    msgid = "Type <i>help</i> &amp; more."
    po = po_of([dict(msgid=msgid, msgstr="")], doc="a.html")
    data = edit(catalog_to_xliff(po, locale="es"), unit_id(None, msgid),
                _type_target("escriba <i>ayuda</i> &copy;"))
    assert b"&amp;lt;" not in data and b"escriba &lt;i&gt;ayuda&lt;/i&gt; &amp;copy;" in data
    result = merge_xliff(po, read_xliff(data, "a.xlf")[0])
    assert result.po.find(msgid).msgstr == "escriba &lt;i&gt;ayuda&lt;/i&gt; &amp;copy;"


def test_html_entities_become_plain_text_in_export_and_keep_their_spelling_on_edit():
    msgid = "Fish &amp; chips &copy; <b>Tom&#39;s</b>"
    po = po_of([dict(msgid=msgid, msgstr="Pescado &amp; patatas &copy; <b>de Tom</b>")], doc="a.html")
    data = catalog_to_xliff(po, locale="es")
    unit = etree.fromstring(data).find(f".//{X}trans-unit")
    assert unit.find(f"{X}source").text == "Fish & chips © "
    assert unit.find(f"{X}source/{X}g").text == "Tom's"
    assert unit.find(f"{X}target").text == "Pescado & patatas © "

    def retype(u):
        u.find(f"{X}target").text = "Pez & patatas © "
    result = merge_xliff(po, read_xliff(edit(data, unit_id(None, msgid), retype), "a.xlf")[0])
    assert result.po.find(msgid).msgstr == "Pez &amp; patatas &copy; <b>de Tom</b>"


def test_plaintext_msgid_with_html_entities_is_treated_as_html():
    msgid = "Tom &amp; Jerry"
    po = po_of([dict(msgid=msgid, msgstr="")], doc="a.txt")
    data = catalog_to_xliff(po, locale="es")
    assert _target_of(data, unit_id(None, msgid)) is not None
    assert etree.fromstring(data).find(f".//{X}source").text == "Tom & Jerry"
    data = edit(data, unit_id(None, msgid), _type_target("Tom & Jerry <3"))
    assert merge_xliff(po, read_xliff(data, "a.xlf")[0]).po.find(msgid).msgstr == "Tom &amp; Jerry &lt;3"


def test_markdown_text_is_not_escaped():
    msgid = "Type *help* & more."
    po = po_of([dict(msgid=msgid, msgstr="")], doc="a.md")
    data = edit(catalog_to_xliff(po, locale="es"), unit_id(None, msgid), _type_target("escriba <i>ayuda</i> &copy;"))
    assert merge_xliff(po, read_xliff(data, "a.xlf")[0]).po.find(msgid).msgstr == "escriba <i>ayuda</i> &copy;"


def test_target_inline_ids_follow_the_source_codes_and_are_unique():
    msgid = "Take <b>one</b> dose, <b>not two</b>."
    po = po_of([dict(msgid=msgid, msgstr="Toma <b>una</b> dosis, <b>no dos</b>, <b>nunca</b>.")], doc="a.html")
    data = catalog_to_xliff(po, locale="es")
    target = _target_of(data, unit_id(None, msgid))
    assert [g.get("id") for g in target.iter(f"{X}g")] == ["1", "2"]
    ids = [el.get("id") for el in target.iter() if el is not target]
    assert [el.tag.split("}")[1] for el in target.iter() if el is not target] == ["g", "g", "bpt", "ept"]
    assert ids[2] == ids[3] and ids[2] not in ("1", "2")
    result = merge_xliff(po, read_xliff(data, "a.xlf")[0])
    assert result.changed == 0 and not result.problems


def test_target_ids_match_by_code_text_in_order():
    msgid = 'See <a href="/a">A</a> and <b>B</b>.'
    po = po_of([dict(msgid=msgid, msgstr='<b>B</b> y <a href="/a">A</a>.')], doc="a.html")
    target = _target_of(catalog_to_xliff(po, locale="es"), unit_id(None, msgid))
    assert [(g.get("id"), g.text) for g in target.iter(f"{X}g")] == [("2", "B"), ("1", "A")]


# -- property: generated catalogs with markup survive export + import unchanged -------------------------------------

_WORD = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" .,'&<>\"é"),
                min_size=1, max_size=8)
_MD = st.recursive(_WORD, lambda inner: st.one_of(
    st.tuples(inner, inner).map(lambda t: t[0] + t[1]),
    inner.map(lambda s: f"**{s.strip() or 'b'}**"),
    inner.map(lambda s: f"*{s.strip() or 'i'}*"),
    st.tuples(inner, st.sampled_from(["https://x.org/a", "#anchor"])).map(lambda t: f"[{t[0]}]({t[1]})"),
    inner.map(lambda s: f"<b>{s}</b>"),
    st.sampled_from(["`code`", "<br>", "![img](p.png)", "*", "[", "](x)", "</i>", "\\*",
                     "&amp;", "&lt;", "&#39;", "&copy;", "a &amp; b", "&lt;i&gt;"]),
), max_leaves=6)
_TEXT = _MD.filter(lambda s: s.strip() == s and s)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TEXT, st.one_of(st.just(""), _TEXT), st.booleans()), min_size=1, max_size=5,
                unique_by=lambda t: t[0]),
       st.sampled_from(["a.md", "a.html"]))
def test_property_round_trip_is_byte_identical(rows, doc):
    po = po_of([dict(msgid=m, msgstr=s, flags=["fuzzy"] if f and s else []) for m, s, f in rows], doc=doc)
    data = catalog_to_xliff(po, locale="es")
    if (SCHEMAS / "xliff-core-1.2-strict.xsd").is_file():
        _shared_schema().assertValid(etree.fromstring(data).getroottree())
    result = merge_xliff(po, read_xliff(data, "p.xlf")[0])
    assert not result.problems and result.changed == 0
    assert generate_po(result.po) == generate_po(po)
    # and a CAT tool that re-serialises the file changes nothing either
    again = etree.tostring(etree.fromstring(data), encoding="UTF-8")
    assert generate_po(merge_xliff(po, read_xliff(again, "p.xlf")[0]).po) == generate_po(po)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["markdown", "html", "plaintext"]))
def test_property_inline_parse_flattens_back_exactly(text, fmt):
    assert flatten(parse_inline(text, fmt)) == text
