"""Word documents: segments, rendering back, the bundled sample, and the bounds on what is read."""

from __future__ import annotations

import importlib.util
import io
import zipfile

import pytest

from l10n.formats.documents import format_for_file, load
from l10n.formats.documents.docx import MAX_MEMBERS, parse_markup, read_package, render_docx, rewrite_all, view
from l10n.errors import SourceError
from l10n.render import render_document
from tests.support.paths import ROOT

SAMPLE = ROOT / "source_docs" / "kratom-leaflet.docx"
DISCLAIMER = ("As with any treatment approach, individual responses to kratom vary, and it’s essential to consult "
              "healthcare professionals who specialize in addiction medicine for personalized guidance and "
              "oversight during treatment and recovery journeys.")


def _python_docx():
    """python-docx, an independent reader of Word files (a dependency; skipped where the lock predates it)."""
    return pytest.importorskip("docx")


def _script():
    _python_docx()
    spec = importlib.util.spec_from_file_location("make_sample_docx", ROOT / "scripts" / "make_sample_docx.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _doc():
    return load(SAMPLE.read_bytes(), "kratom-leaflet.docx")


def _shape(data: bytes) -> list[tuple[str, list[tuple[str, bool, bool]], list[str]]]:
    """Every paragraph (body and table cells) as python-docx reads it: its style, its text in runs of equal
    formatting (bold, italic; adjacent equal runs merged), the addresses of its links."""
    d = _python_docx().Document(io.BytesIO(data))
    paras = list(d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                paras.extend(cell.paragraphs)
    out = []
    for p in paras:
        runs: list[tuple[str, bool, bool]] = []
        for item in p.iter_inner_content():
            for r in (item.runs if hasattr(item, "address") else [item]):
                key = (bool(r.bold), bool(r.italic))
                if runs and runs[-1][1:] == key:
                    runs[-1] = (runs[-1][0] + r.text, *key)
                elif r.text:
                    runs.append((r.text, *key))
        links = [h.address for h in p.hyperlinks]
        out.append((p.style.name, runs, links))
    return out


def test_the_sample_is_reproducible_from_its_script():
    assert _script().build() == SAMPLE.read_bytes()


def test_segments_are_blocks_with_inline_markup():
    doc = _doc()
    assert doc.fmt == "docx" and format_for_file("X.DOCX").name == "docx"
    by_source = {s.source: s for s in doc.segments}
    assert by_source["Kratom: what you should know"].kind == "heading"
    assert by_source["<b>Kratom</b> (<i>Mitragyna speciosa</i>) is a tropical tree."].kind == "paragraph"
    assert by_source["Do <b>not</b> combine kratom with alcohol, opioids or sedatives."].kind == "list_item"
    assert by_source["Nausea or vomiting"].kind == "table_cell"
    assert by_source["Call the emergency services."].ref == "warning-signs/td6"
    assert any('<a href="https://www.fda.gov/' in s for s in by_source)
    assert DISCLAIMER in by_source  # one segment: the glossary recognises it by its text


def test_identity_round_trip_gives_the_same_text_and_formatting():
    doc = _doc()
    source = render_document(doc, None)
    again = rewrite_all(doc, source)  # every paragraph rebuilt from its markup
    assert _shape(again) == _shape(SAMPLE.read_bytes())
    assert render_document(load(again, doc.name), None) == source
    # and rendering without translations leaves every paragraph as it was
    untouched = render_docx(doc, source)
    assert read_package(untouched, "x")["word/document.xml"] == read_package(SAMPLE.read_bytes(), "x")[
        "word/document.xml"]


def test_translations_become_runs_links_and_locked_disclaimers():
    doc = _doc()
    table = {
        "Do <b>not</b> combine kratom with alcohol, opioids or sedatives.":
            "<b>No</b> combine el kratom con alcohol, opioides o sedantes.",
        "<b>Kratom</b> (<i>Mitragyna speciosa</i>) is a tropical tree.":
            "El <b>kratom</b> (<i>Mitragyna speciosa</i>) es un árbol &amp; tropical.",
        DISCLAIMER: '<span data-disclaimer="consult-addiction-specialist">Consulte a un especialista.</span>',
    }
    link = next(s.source for s in doc.segments if "<a " in s.source)
    table[link] = link.replace("More information", "Más información").replace("the FDA page on kratom",
                                                                               "la página de la FDA")
    data = render_docx(doc, render_document(doc, lambda s: table.get(s.source)))
    shape = {tuple(r[0] for r in runs): (runs, links) for _, runs, links in _shape(data)}
    assert (("No", True, False), (" combine el kratom con alcohol, opioides o sedantes.", False, False)) in \
        [tuple(runs) for runs, _ in shape.values()]
    assert any(runs and runs[0][0] == "El " and ("kratom", True, False) in runs and
               ("Mitragyna speciosa", False, True) in runs and
               "árbol & tropical. Its leaves contain" in "".join(r[0] for r in runs)
               for runs, _ in shape.values())
    assert any(links == ["https://www.fda.gov/news-events/public-health-focus/fda-and-kratom"] and
               "la página de la FDA" in "".join(r[0] for r in runs) for runs, links in shape.values())
    xml = read_package(data, "x")["word/document.xml"].decode("utf-8")
    assert 'w:val="l10n-disclaimer:consult-addiction-specialist"' in xml and "sdtContentLocked" in xml
    page = view(data, "x.docx").decode("utf-8")
    assert '<span data-disclaimer="consult-addiction-specialist"><span style="font-size:11pt">Consulte a un especialista.</span></span>' \
        in page
    assert render_docx(doc, render_document(doc, lambda s: table.get(s.source))) == data  # deterministic


def test_markup_a_translator_crossed_or_invented_still_renders():
    pieces = parse_markup("a <b>b <i>c</b> d</i> <u>e</u> <br/>f &lt;g&gt;")
    assert "".join(p.text for p in pieces) == "a b c d e \nf <g>"
    assert [p.bold for p in pieces if p.text == "c"] == [True]
    assert [p.bold for p in pieces if p.text == " d"] == [False]


def test_a_line_break_in_a_translation_is_refused_not_misplaced():
    doc = _doc()
    source = render_document(doc, None)
    with pytest.raises(SourceError, match="broke the document's paragraphs"):
        render_docx(doc, source.replace("Risks", "Ris\nques", 1))


# -- bounds and safe parsing --------------------------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_a_zip_bomb_is_refused():
    bomb = _zip({"word/document.xml": b"<" + b" " * (60 * 1024 * 1024)})
    assert len(bomb) < 200_000
    with pytest.raises(SourceError, match="zip bomb") as exc:
        load(bomb, "bomb.docx")
    assert exc.value.path == "bomb.docx"


def test_too_many_members_and_not_a_zip_are_refused():
    with pytest.raises(SourceError, match="zip members"):
        load(_zip({f"m{i}": b"" for i in range(MAX_MEMBERS + 1)}), "many.docx")
    with pytest.raises(SourceError, match="not a valid zip"):
        load(b"PK\x03\x04 not really", "fake.docx")
    with pytest.raises(SourceError, match="no word/document.xml"):
        load(_zip({"a.txt": b"x"}), "empty.docx")


def test_entities_in_the_document_part_are_refused():
    evil = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x "boom">]><w:document xmlns:w="'
            b'http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t>'
            b'</w:r></w:p></w:body></w:document>')
    with pytest.raises(Exception) as exc:
        load(_zip({"word/document.xml": evil}), "evil.docx")
    assert "evil.docx" in str(exc.value)


@pytest.mark.parametrize("name,data,needle", [
    ("bomb.docx", _zip({"word/document.xml": b"<" + b" " * (60 * 1024 * 1024)}), "zip bomb"),
    ("fake.docx", b"not a zip", "not a valid zip"),
    ("evil.docx", _zip({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x "y">]><w/>'}),
     "evil.docx"),
])
def test_cli_bad_word_document_is_exit_2_one_line(make_project, cli, name, data, needle):
    root = make_project()
    (root / "source_docs" / name).write_bytes(data)
    r = cli(root, "extract")
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and name in lines[0] and needle in lines[0] and "Traceback" not in r.output


# -- golden: a richer document ------------------------------------------------------------------------------

CASES = ROOT / "tests" / "cases" / "docx"


def test_golden_segments_of_a_rich_document():
    import json

    doc = load((CASES / "rich.docx").read_bytes(), "rich.docx")
    got = [dict(ref=s.ref, kind=s.kind, line=s.line, source=s.source) for s in doc.segments]
    assert got == json.loads((CASES / "rich.segments.json").read_text(encoding="utf-8"))


def test_rich_document_round_trips_text_and_formatting():
    """Tabs, line breaks, bold inside italic, links with query strings, header rows; a run hidden in the
    source (an editor's note) stays hidden (it moves to the end of a paragraph that is rewritten)."""
    data = (CASES / "rich.docx").read_bytes()
    doc = load(data, "rich.docx")
    again = rewrite_all(doc, render_document(doc, None))

    def visible(blob):
        out = []
        d = _python_docx().Document(io.BytesIO(blob))
        for p in d.paragraphs + [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]:
            runs = []
            for item in p.iter_inner_content():
                for r in (item.runs if hasattr(item, "address") else [item]):
                    if r.font.hidden or not r.text:
                        continue
                    key = (bool(r.bold), bool(r.italic))
                    if runs and runs[-1][1:] == key:
                        runs[-1] = (runs[-1][0] + r.text, *key)
                    else:
                        runs.append((r.text, *key))
            out.append((p.style.name, runs, [h.address for h in p.hyperlinks],
                        [r.text for r in p.runs if r.font.hidden]))
        return out
    assert visible(again) == visible(data)
    assert "\t" in visible(again)[1][1][2][0]  # ",\tgo slow." keeps its tab


def test_a_translated_link_to_a_script_is_not_a_link():
    doc = _doc()
    link = next(s for s in doc.segments if "<a " in s.source)
    evil = 'Voir <a href="javascript:alert(1)">ici</a>.'
    data = render_docx(doc, render_document(doc, lambda s: evil if s is link else None))
    xml = read_package(data, "x")["word/document.xml"].decode("utf-8")
    assert "javascript" not in xml and "ici" in xml
    rels = read_package(data, "x")["word/_rels/document.xml.rels"].decode("utf-8")
    assert "javascript" not in rels
