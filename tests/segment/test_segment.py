"""Segmentation: formats, markup kept in msgids, skeleton round trip."""

from __future__ import annotations


import pytest

from l10n.errors import SourceError
from l10n.render import render_document
from l10n.segment import decode_source, segment_text
from tests.support.paths import ROOT



def sources(doc):
    return [s.source for s in doc.segments]


@pytest.mark.parametrize("name", ["kratom-addiction-treatment.md", "kratom-harm-reduction.html"])
@pytest.mark.parametrize("unit", ["sentence", "block"])
def test_bundled_articles_round_trip(name, unit):
    text = (ROOT / "source_docs" / name).read_text(encoding="utf-8")
    doc = segment_text(text, name, unit=unit)
    assert render_document(doc) == text
    assert len(doc.segments) > 10


def test_markdown_blocks_and_inline_markup_kept():
    text = (
        "---\ntitle: Front matter is not translated\n---\n\n"
        "# Kratom\n\n"
        "Made from *Mitragyna speciosa*. See [the guide](https://example.org/a.b \"A title\").\n\n"
        "- First **item**\n- Second item\n\n"
        "> Quoted text.\n\n"
        "```\ncode is not translated\n```\n\n"
        "| Sign | Action |\n|---|---|\n| Seizures | Call now |\n\n"
        "![Green leaves](leaves.png \"Leaves\")\n"
    )
    doc = segment_text(text, "a.md")
    assert sources(doc) == [
        "Kratom", "Made from *Mitragyna speciosa*.", 'See [the guide](https://example.org/a.b "A title").',
        "First **item**", "Second item", "Quoted text.", "Sign", "Action", "Seizures", "Call now",
        "Green leaves", "Leaves",
    ]
    kinds = {s.source: s.kind for s in doc.segments}
    assert kinds["Sign"] == "table_header" and kinds["Seizures"] == "table_cell"
    assert kinds["Green leaves"] == "alt" and kinds["Quoted text."] == "blockquote"
    assert render_document(doc) == text


def test_block_unit_keeps_paragraphs_whole():
    doc = segment_text("One sentence. Another one.\n", "a.md", unit="block")
    assert sources(doc) == ["One sentence. Another one."]


def test_multiline_paragraph_in_blockquote_folds_prefixes():
    text = "> First line of a\n> quoted paragraph.\n"
    doc = segment_text(text, "q.md", unit="block")
    assert sources(doc) == ["First line of a quoted paragraph."]
    assert render_document(doc, {(None, "First line of a quoted paragraph."): "Traducido."}) == "> Traducido.\n"


def test_html_inline_markup_attributes_and_translate_no():
    text = (
        "<html><head><title>Leaflet</title></head><body>\n"
        "<p>Made from <i>Mitragyna speciosa</i>. Read <a href=\"https://x.org/a.b\" title=\"T\">this</a>.</p>\n"
        "<img src=\"a.png\" alt=\"Leaves of kratom\">\n"
        "<p translate=\"no\">Do not translate me</p>\n"
        "<script>var s = 'not text';</script>\n"
        "<table><tr><th>Sign</th><td>Call now</td></tr></table>\n"
        "</body></html>\n"
    )
    doc = segment_text(text, "a.html")
    assert sources(doc) == [
        "Leaflet", "Made from <i>Mitragyna speciosa</i>.", 'Read <a href="https://x.org/a.b" title="T">this</a>.',
        "Leaves of kratom", "Sign", "Call now",
    ]
    assert render_document(doc) == text


def test_html_alt_translation_is_attribute_escaped():
    doc = segment_text('<p><img src="a.png" alt="Leaves"></p>\n', "a.html")
    out = render_document(doc, {(None, "Leaves"): 'Hojas "verdes"'})
    assert out == '<p><img src="a.png" alt="Hojas &quot;verdes&quot;"></p>\n'


def test_directives_mark_disclaimer_and_skip():
    text = ("<!-- l10n: disclaimer not-advice -->\nThis is not medical advice. Ask a doctor.\n\n"
            "<!-- l10n: skip -->\nSkipped paragraph.\n\nKept.\n")
    doc = segment_text(text, "a.md")
    segs = doc.segments
    assert [s.source for s in segs] == ["This is not medical advice. Ask a doctor.", "Kept."]
    assert segs[0].msgctxt == "disclaimer:not-advice"


def test_unknown_directive_is_a_clear_error():
    with pytest.raises(SourceError, match=r"a.md:1: unknown l10n directive 'frobnicate'"):
        segment_text("<!-- l10n: frobnicate -->\n\nText.\n", "a.md")


def test_plain_text_blocks():
    text = "First block\nsecond line.\n\n\nSecond block. Two sentences.\n"
    doc = segment_text(text, "a.txt")
    assert sources(doc) == ["First block second line.", "Second block.", "Two sentences."]
    assert render_document(doc) == text


def test_refs_are_structural_and_stable_under_insertion():
    base = "# A\n\nPara one.\n\n## B\n\nPara two.\n"
    edited = "# A\n\nNew para at the top.\n\nPara one.\n\n## B\n\nPara two.\n"
    ref = {s.source: s.ref for s in segment_text(base, "a.md").segments}
    ref2 = {s.source: s.ref for s in segment_text(edited, "a.md").segments}
    assert ref["Para two."] == ref2["Para two."] == "b/p1"


def test_sentence_split_never_breaks_markup():
    doc = segment_text("A **bold. claim** here. And [a link. with](https://a.b/c.d) dot. End.\n", "a.md")
    assert sources(doc) == ["A **bold. claim** here.", "And [a link. with](https://a.b/c.d) dot.", "End."]


def test_non_utf8_source_names_the_line():
    with pytest.raises(SourceError, match=r"a.md:2: not valid UTF-8"):
        decode_source("ok\nbad \xe9".encode("latin-1"), "a.md")


def test_unsupported_format():
    with pytest.raises(SourceError, match="unsupported source format"):
        segment_text("x", "a.docx")
