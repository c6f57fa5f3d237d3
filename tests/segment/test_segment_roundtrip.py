"""Property tests (hypothesis): documents and catalogs survive round trips.

* Rendering a segmented document with no translations gives the source back
  byte for byte, for generated Markdown and HTML.
* Rendering with every segment "translated" to itself also gives the source
  back (the translation path, not just the identity shortcut).
* ``generate_po(read_po(generate_po(x))) == generate_po(x)`` for generated
  catalogs with context, plurals, obsolete entries, previous msgids, odd
  comments and long lines.

Generated inputs stay realistic: text is words, punctuation and inline
markup separated by single spaces. Left out on purpose (documented CommonMark
corner cases, not article content): tabs, lazy continuation lines, setext
headings, indented code blocks inside lists, and raw ``<``/``&`` in Markdown
text.
"""

from __future__ import annotations

import os

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.catalogs import generate_po, read_po
from l10n.render import render_document
from l10n.segment import segment_text

SETTINGS = settings(max_examples=int(os.environ.get("L10N_HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    "kratom leaves tea dose may cause dependence call doctor now safe slowly Mitragyna speciosa "
    "café naïve señal إدمان 30 mg 7-hydroxymitragynine e.g. Dr. U.S. approx. 100% it’s “quoted”".split()
)
PUNCT = st.sampled_from([".", "!", "?", ",", ";", ":", ""])


@st.composite
def md_inline(draw) -> str:
    word = draw(WORDS)
    kind = draw(st.integers(0, 6))
    if kind == 1:
        return f"*{word}*"
    if kind == 2:
        return f"**{word}**"
    if kind == 3:
        return f"`{word} {draw(WORDS)}`"
    if kind == 4:
        return f"[{word} {draw(WORDS)}](https://example.org/{draw(st.sampled_from(['a', 'b.c', 'x?y=1']))})"
    return word


@st.composite
def md_sentence(draw) -> str:
    parts = draw(st.lists(md_inline(), min_size=1, max_size=8))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + draw(PUNCT) if text[0].isalpha() else text + draw(PUNCT)


@st.composite
def md_paragraph(draw) -> str:
    sentences = draw(st.lists(md_sentence(), min_size=1, max_size=4))
    sep = draw(st.sampled_from([" ", "\n"]))
    return sep.join(sentences)


@st.composite
def md_list(draw, depth: int = 0) -> str:
    marker = draw(st.sampled_from(["-", "*", "1."]))
    items = []
    for n in range(draw(st.integers(1, 4))):
        m = marker if marker != "1." else f"{n + 1}."
        item = f"{m} {draw(md_sentence())}"
        if depth < 1 and draw(st.booleans()):
            nested = draw(md_list(depth + 1))
            indent = " " * (len(m) + 1)
            item += "\n" + "\n".join(indent + line for line in nested.split("\n"))
        items.append(item)
    return "\n".join(items)


@st.composite
def md_table(draw) -> str:
    cols = draw(st.integers(1, 3))
    header = [draw(md_sentence()).replace("|", "") for _ in range(cols)]
    rows = [[draw(st.one_of(md_sentence(), st.just(""))).replace("|", "") for _ in range(cols)]
            for _ in range(draw(st.integers(1, 3)))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in range(cols)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


@st.composite
def md_block(draw) -> str:
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return "#" * draw(st.integers(1, 4)) + " " + draw(md_sentence())
    if kind == 1:
        return draw(md_list())
    if kind == 2:
        return "\n".join("> " + line for line in draw(md_paragraph()).split("\n"))
    if kind == 3:
        return draw(md_table())
    if kind == 4:
        fence = draw(st.sampled_from(["```", "~~~"]))
        return f"{fence}python\nprint('{draw(WORDS)}.')  # not. translated.\n{fence}"
    if kind == 5:
        return f"![{draw(md_sentence())}](img/{draw(WORDS).strip('.')}.png \"{draw(WORDS)}\")"
    return draw(md_paragraph())


@st.composite
def markdown_doc(draw) -> str:
    blocks = draw(st.lists(md_block(), min_size=1, max_size=8))
    front = ""
    if draw(st.booleans()):
        front = f"---\ntitle: {draw(WORDS)}\ntags: [a, b]\n---\n\n"
    end = draw(st.sampled_from(["\n", "", "\n\n"]))
    sep = draw(st.sampled_from(["\n\n", "\n\n\n"]))
    text = front + sep.join(blocks) + end
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


# --- HTML --------------------------------------------------------------------------

HTML_WORDS = WORDS.map(lambda w: w.replace("&", "&amp;"))


@st.composite
def html_inline(draw) -> str:
    word = draw(HTML_WORDS)
    kind = draw(st.integers(0, 8))
    if kind == 1:
        return f"<b>{word}</b>"
    if kind == 2:
        return f"<i class=\"latin\">{word} {draw(HTML_WORDS)}</i>"
    if kind == 3:
        return f"<a href=\"https://example.org/{draw(st.sampled_from(['a', 'b.c', 'x?y=1&amp;z=2']))}\" " \
               f"title=\"{draw(HTML_WORDS)}\">{word}</a>"
    if kind == 4:
        return draw(st.sampled_from(["&amp;", "&lt;", "&#169;", "&nbsp;", "&eacute;", "&#x2014;"])) + word
    if kind == 5:
        return f"<span translate=\"no\">{word}</span>"
    if kind == 6:
        return f"<code>{word}</code>"
    if kind == 7:
        return f"{word}<br>"
    return word


@st.composite
def html_text(draw) -> str:
    parts = draw(st.lists(html_inline(), min_size=1, max_size=10))
    return " ".join(parts) + draw(PUNCT)


@st.composite
def html_block(draw, depth: int = 0) -> str:
    kind = draw(st.integers(0, 10))
    if kind == 0:
        return f"<h{draw(st.integers(1, 4))}>{draw(html_text())}</h1>".replace("</h1>", "") + "</h9>"
    if kind == 1:
        items = "\n".join(f"  <li>{draw(html_text())}</li>" for _ in range(draw(st.integers(1, 3))))
        return f"<ul>\n{items}\n</ul>"
    if kind == 2:
        rows = "".join(f"<tr><td>{draw(html_text())}</td><td>{draw(html_text())}</td></tr>\n"
                       for _ in range(draw(st.integers(1, 3))))
        return f"<table>\n<tr><th>{draw(html_text())}</th><th>x</th></tr>\n{rows}</table>"
    if kind == 3:
        return f"<!-- a comment: {draw(HTML_WORDS)} -->"
    if kind == 4:
        return f"<p translate=\"no\">{draw(html_text())}</p>"
    if kind == 5:
        return f"<img src=\"a.png\" alt=\"{draw(HTML_WORDS)} {draw(HTML_WORDS)}\">"
    if kind == 6:
        return f"<pre><code>x = 1. y = 2.\n</code></pre>"
    if kind == 7 and depth < 2:
        inner = "\n".join(draw(html_block(depth + 1)) for _ in range(draw(st.integers(1, 3))))
        return f"<div class=\"box\" title=\"{draw(HTML_WORDS)}\">\n{inner}\n</div>"
    if kind == 8:
        return f"<blockquote><p>{draw(html_text())}</p></blockquote>"
    if kind == 9:
        return f"<script>var s = 'Not. Translated.';</script>"
    return f"<p>{draw(html_text())}</p>"


def _fix_heading(block: str) -> str:
    # "<hN>...</h9>" -> "<hN>...</hN>"
    if block.startswith("<h") and block.endswith("</h9>"):
        return block[:-5] + f"</h{block[2]}>"
    return block


@st.composite
def html_doc(draw) -> str:
    blocks = [_fix_heading(b) for b in draw(st.lists(html_block(), min_size=1, max_size=8))]
    body = "\n".join(blocks)
    if draw(st.booleans()):
        return body + "\n"
    title = draw(html_text())
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


# --- properties ---------------------------------------------------------------------


def _check_render(text: str, name: str, unit: str) -> None:
    doc = segment_text(text, name, unit=unit)
    assert render_document(doc) == text
    # the translation path: every segment translated to its own msgid
    assert render_document(doc, lambda seg: seg.source) == text
    for seg in doc.segments:
        assert seg.source == seg.source.strip() and seg.source
        assert "\n" not in seg.source


@SETTINGS
@given(markdown_doc(), st.sampled_from(["sentence", "block"]))
def test_markdown_identity_round_trip(text, unit):
    _check_render(text, "gen.md", unit)


@SETTINGS
@given(html_doc(), st.sampled_from(["sentence", "block"]))
def test_html_identity_round_trip(text, unit):
    _check_render(text, "gen.html", unit)


@SETTINGS
@given(st.lists(md_paragraph(), min_size=1, max_size=5), st.sampled_from(["sentence", "block"]))
def test_plaintext_identity_round_trip(paragraphs, unit):
    _check_render("\n\n".join(p.replace("`", "") for p in paragraphs) + "\n", "gen.txt", unit)


def test_translate_no_is_not_extracted():
    doc = segment_text('<p>Keep <span translate="no">Kratom®</span> here.</p>\n<p translate="no">Never.</p>\n',
                       "a.html")
    assert [s.source for s in doc.segments] == ['Keep <span translate="no">Kratom®</span> here.']


# --- PO round trip ---------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from(['"', "\\", "\t", "\n", " ", "%", "#", "~", "|"]),
    min_size=1, max_size=200,
)
COMMENT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
                  | st.sampled_from(['"', "\\", " ", "%", "#", "~", "|", ":"]), max_size=120).map(str.strip)
LONG = st.lists(st.sampled_from("word a kratom-dependence https://example.org/very/long/path?with=query".split()),
                min_size=20, max_size=60).map(" ".join)


@st.composite
def po_entry(draw) -> polib.POEntry:
    msgid = draw(st.one_of(TEXT, LONG))
    e = polib.POEntry(msgid=msgid, msgstr="")
    if draw(st.booleans()):
        e.msgctxt = draw(st.one_of(st.just("disclaimer:not-medical-advice"), TEXT))
    if draw(st.integers(0, 4)) == 0:
        e.msgid_plural = msgid + " (plural)"
        e.msgstr_plural = {i: draw(st.one_of(st.just(""), TEXT)) for i in range(draw(st.integers(1, 6)))}
    else:
        e.msgstr = draw(st.one_of(st.just(""), TEXT, LONG))
    if draw(st.booleans()):
        e.comment = "\n".join(draw(st.lists(COMMENT.filter(bool), min_size=1, max_size=3)))
    if draw(st.booleans()):
        e.tcomment = "\n".join(draw(st.lists(COMMENT.filter(bool), min_size=1, max_size=3)))
    if draw(st.booleans()):
        e.occurrences = [(f"doc.md#sec-{draw(st.integers(1, 99))}/p{draw(st.integers(1, 9))}", "")
                         for _ in range(draw(st.integers(1, 4)))]
    if draw(st.booleans()):
        e.flags = ["fuzzy"]
        e.previous_msgid = draw(TEXT)
        if draw(st.booleans()):
            e.previous_msgctxt = draw(TEXT)
    elif draw(st.booleans()):
        e.flags = draw(st.lists(st.sampled_from(["no-wrap", "c-format", "no-python-format"]), max_size=2,
                                unique=True))
    if draw(st.integers(0, 5)) == 0:
        e.obsolete = True
        e.occurrences = []
        e.previous_msgid = e.previous_msgctxt = None
        e.comment = ""
    return e


@st.composite
def po_catalog(draw) -> polib.POFile:
    po = polib.POFile(wrapwidth=79, check_for_duplicates=False)
    po.metadata = {"Project-Id-Version": draw(COMMENT), "Language": "ar",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                   "Plural-Forms": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
                                   "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"}
    # a header comment line starting with "," or ":" is read back as flags by
    # polib (and gettext); l10n never writes one
    po.header = draw(COMMENT).lstrip(",:")
    seen = set()
    entries = []
    for e in draw(st.lists(po_entry(), max_size=12)):
        key = (e.msgctxt, e.msgid)
        if key in seen:
            continue
        seen.add(key)
        entries.append(e)
    # obsolete entries go last, as update_catalog (and msgmerge) write them
    for e in sorted(entries, key=lambda e: bool(e.obsolete)):
        po.append(e)
    return po


@SETTINGS
@given(po_catalog())
def test_po_write_read_write_is_stable(po):
    first = generate_po(po)
    again = read_po(first.encode("utf-8"), "gen.po")
    assert generate_po(again) == first
    assert [(e.msgctxt, e.msgid, e.msgstr, e.msgstr_plural, e.obsolete, e.fuzzy, e.previous_msgid)
            for e in again] == [(e.msgctxt, e.msgid, e.msgstr, e.msgstr_plural, e.obsolete, e.fuzzy,
                                 e.previous_msgid) for e in po]


# --- regressions found while writing these properties ------------------------------------


def test_plain_comment_inside_a_paragraph_stays_inline():
    doc = segment_text("<p>Take <!-- reviewed -->one dose. Wait.</p>\n", "a.html")
    assert [s.source for s in doc.segments] == ["Take <!-- reviewed -->one dose.", "Wait."]


@given(st.sampled_from(["<img alt=Leaves src=a.png>", "<img alt='Leaves' src=a.png>", '<img alt="Leaves">',
                        '<p title="A tip">Tip.</p>']),
       st.text(alphabet="ab \"'<>&]", min_size=1, max_size=12).filter(lambda s: any(c.isalpha() for c in s)))
def test_translated_html_attribute_stays_one_attribute(text, translation):
    doc = segment_text(text, "a.html")
    out = render_document(doc, lambda seg: translation.strip() if seg.kind in ("alt", "title") else None)
    again = segment_text(out, "a.html")
    assert len(again.segments) == len(doc.segments)
    import html as _html
    first = again.segments[0]
    assert fold(_html.unescape(first.source)) == fold(translation)


def fold(s: str) -> str:
    return " ".join(s.split())


@given(st.text(alphabet="ab \"]['", min_size=1, max_size=12).filter(lambda s: any(c.isalpha() for c in s)),
       st.text(alphabet="ab \"]['", min_size=1, max_size=12).filter(lambda s: any(c.isalpha() for c in s)))
def test_translated_markdown_image_stays_an_image(alt, title):
    doc = segment_text('![Green leaves](leaves.png "Leaves")\n', "a.md")
    table = {"Green leaves": alt.strip(), "Leaves": title.strip()}
    out = render_document(doc, lambda seg: table[seg.source])
    again = segment_text(out, "a.md")
    assert [s.kind for s in again.segments] == ["alt", "title"]
    assert out.endswith('(leaves.png "' + title.strip().replace('"', '\\"') + '")\n')


def _abbreviations() -> list[str]:
    from pysbd.lang.english import English

    return sorted(English.Abbreviation.ABBREVIATIONS)[::7]


ABBR_TEXT = st.lists(
    st.one_of(WORDS, st.sampled_from(_abbreviations()).map(lambda a: a + "."),
              st.sampled_from(["A.", "b.", "I.", "1.", "(a)", "ii.", "Mr.", "St.", "a.m.", "p.m.", "No. 5", "i.v."]),
              PUNCT.map(lambda p: "word" + p)),
    min_size=1, max_size=25,
).map(" ".join)


@SETTINGS
@given(st.one_of(st.lists(md_sentence(), min_size=1, max_size=5).map(" ".join), ABBR_TEXT))
def test_fast_pysbd_equals_stock_pysbd(text):
    """The faster abbreviation scan and str.find spans give exactly stock pysbd's segments."""
    import pysbd

    from l10n.segment.sentences import _pieces, _segmenter

    stock = pysbd.Segmenter(language="en", clean=False)
    assert _pieces(_segmenter("en"), text) == stock.segment(text)


@SETTINGS
@given(po_catalog())
def test_fast_po_reader_equals_polib(po):
    """read_po's reader builds exactly the entries polib's parser builds (on what polib reads as gettext does)."""
    from l10n.catalogs.pofile import parse_po_text

    text = generate_po(po)
    fast, slow = parse_po_text(text), polib.pofile(text, wrapwidth=79)
    assert generate_po(fast) == generate_po(slow) == text
    assert fast.header == slow.header and fast.metadata == slow.metadata
    assert fast.metadata_is_fuzzy == slow.metadata_is_fuzzy
    attrs = ("msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "obsolete", "flags", "comment",
             "tcomment", "occurrences", "previous_msgid", "previous_msgctxt", "previous_msgid_plural", "linenum")
    assert [[getattr(e, a) for a in attrs] for e in fast] == [[getattr(e, a) for a in attrs] for e in slow]


@SETTINGS
@given(st.lists(st.binary(max_size=300), max_size=60))
def test_vectorised_hash_equals_hashpjw(keys):
    from l10n.catalogs.mofile import hashpjw, hashpjw_many

    assert hashpjw_many(keys) == [hashpjw(k) for k in keys]


@SETTINGS
@given(po_catalog())
def test_fast_po_writer_equals_polib(po):
    """generate_po writes byte for byte what polib writes (comments short enough that polib does not wrap them;
    no ``no-wrap`` flag, which polib ignores and generate_po honours, as GNU gettext does)."""
    for e in po:
        e.flags = [f for f in e.flags if f != "no-wrap"]
        e.comment = "\n".join(line[:60] for line in e.comment.split("\n")) if e.comment else e.comment
        e.tcomment = "\n".join(line[:60] for line in e.tcomment.split("\n")) if e.tcomment else e.tcomment
    po.wrapwidth = 79
    expected = po.__unicode__()
    assert generate_po(po) == (expected if expected.endswith("\n") else expected + "\n")


@SETTINGS
@given(st.lists(st.sampled_from(list("ab-— /\\\"é'.,") + ["word", "x-y-z", "--", "http://a.b/c-d", "  "]),
                max_size=120).map("".join))
def test_fast_wrap_equals_textwrap(text):
    import textwrap

    from l10n.catalogs.pofile import _wrap

    for width in (10, 77):
        assert _wrap(text, width) == textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)


@SETTINGS
@given(st.lists(st.sampled_from(["a", "word", "longerwordhere", " ", "  ", "   ", "é", ".", "x" * 12]),
                max_size=80).map("".join), st.sampled_from([5, 10, 77]))
def test_wrap_at_spaces_equals_textwrap(text, width):
    import textwrap

    from l10n.catalogs.pofile import _wrap

    assert _wrap(text, width) == textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)
