"""The PO reader's line shortcuts read what its tokenizer (GNU gettext's lexer) reads, and refuse the same."""

from __future__ import annotations

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalogs import pofile
from l10n.errors import CatalogError

LINES = [
    'msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', 'msgid "a"', 'msgid "b"', 'msgstr "x"',
    'msgstr "y\\n"', '"more"', '"with \\"quotes\\" and \\\\"', '"bad \\q"', '"unterminated', 'msgctxt "c"',
    'msgid_plural "as"', 'msgstr[0] "p0"', 'msgstr[1] "p1"', 'msgstr[2] "p2"', "# comment", "#comment", "#. x",
    "#.x", "#: f.c:1", "#:f.c:2 g.c", "#, fuzzy", "#,fuzzy, c-format", "#| msgid \"old\"", "#|msgid \"old\"",
    '#| "old more"', "#~ msgid \"z\"", "#~ msgstr \"zz\"", '#~ "z more"', "#~| msgid \"zo\"", "#~ # c", "",
    "   ", 'msgid  "two spaces"', 'msgstr\t"tab"', '  msgid "indented"', 'msgid "a" msgstr "b"',
    'msgstr "s" # trailing', 'domain "d"', "msgidx \"k\"", "msgid", '"a\vb\fc\u2028d"', "msgstr \"\\x41\\101\"",
    '"\\x4"', "#~", "#|", 'msgid "a"\r', "# c\r", "[0]", "msgstr [1] \"q\"", "\ufeff", "#!, c-format",
]


def _read(text: str, line_mode: bool):
    pofile._LINE_MODE = line_mode
    try:
        po = pofile.parse_po_text(text, "t.po")
        return ([{k: v for k, v in vars(e).items()} for e in po], po.metadata, po.header)
    except CatalogError as exc:
        return ("error", exc.line, exc.message)
    finally:
        pofile._LINE_MODE = True


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14))
def test_line_shortcuts_read_what_the_tokenizer_reads(lines):
    text = "\n".join(lines) + "\n"
    assert _read(text, True) == _read(text, False)


COMMENTS = ["# comment", "#comment", "#. x", "#.x", "#: f.c:1", "#:f.c:2 g.c", "#, fuzzy", "#,fuzzy, c-format", "#",
            "## double", "# c\r"]
STRINGS = ['"more"', '"with \\"quotes\\" and \\\\"', '"a\vb\fc\u2028d"', '"\\x41\\101"', '""', '"tail"  ']


@st.composite
def _entry(draw) -> list[str]:
    obsolete = draw(st.integers(0, 4)) == 0
    pre = "#~ " if obsolete else ""
    lines = draw(st.lists(st.sampled_from(COMMENTS), max_size=3))
    if draw(st.booleans()):
        lines += [("#~| " if obsolete else "#| ") + 'msgid "old"'] + [("#~| " if obsolete else "#| ") + s for s in
                                                                     draw(st.lists(st.sampled_from(STRINGS), max_size=2))]
    if draw(st.booleans()):
        lines += [pre + 'msgctxt "ctx"']
    lines += [pre + f'msgid "{draw(st.sampled_from(["a", "b", "c", ""]))}"']
    lines += [pre + s for s in draw(st.lists(st.sampled_from(STRINGS), max_size=2))]
    if draw(st.booleans()):
        lines += [pre + 'msgid_plural "p"', pre + 'msgstr[0] "x"'] + [pre + 'msgstr[1] "y"'] * draw(st.integers(0, 1))
    else:
        lines += [pre + 'msgstr "x"'] + [pre + s for s in draw(st.lists(st.sampled_from(STRINGS), max_size=2))]
    return lines + [""] * draw(st.integers(0, 2))


@settings(max_examples=1500, deadline=None)
@given(st.lists(_entry(), max_size=5), st.lists(st.tuples(st.integers(0, 60), st.sampled_from(LINES)), max_size=1))
def test_line_shortcuts_read_what_the_tokenizer_reads_in_real_catalogs(entries, strays):
    lines = [line for e in entries for line in e]
    for at, stray in strays:
        lines.insert(min(at, len(lines)), stray)
    text = "\n".join(lines) + "\n"
    assert _read(text, True) == _read(text, False)


def _fields(e) -> dict:
    return {k: v for k, v in vars(e).items() if k != "_l10n_raw"}


def _read_po(data: bytes, layout: bool):
    try:
        po = pofile.read_po(data, "t.po", layout=layout)
    except CatalogError as exc:
        return ("error", exc.line, exc.message)
    lines = [(pofile.msgid_line(e), pofile.msgstr_line(e), e.linenum) for e in po]
    return [_fields(e) for e in po], lines, po.metadata, po.header, po.metadata_is_fuzzy


@settings(max_examples=500, deadline=None)
@given(st.lists(_entry(), max_size=5))
def test_a_catalog_read_without_layout_has_the_same_entries_lines_and_errors(entries):
    data = ("\n".join(line for e in entries for line in e) + "\n").encode("utf-8")
    assert _read_po(data, False) == _read_po(data, True)


def test_a_catalog_read_without_layout_keeps_no_lines_and_is_written_as_built_in_memory():
    data = b'# translator\n#.note\n#: a.md:1\nmsgid "long one"\nmsgstr ""\n"x"\n'
    po = pofile.read_po(data, "t.po", layout=False)
    raw = po[0]._l10n_raw
    assert (raw.comment, raw.body, raw.comment_key, raw.body_key) == (None, None, None, None)
    assert raw.msgid_line == 4 and raw.msgstr_line == 5
    kept = pofile.read_po(data, "t.po")[0]._l10n_raw
    assert kept.body == 'msgid "long one"\nmsgstr ""\n"x"' and kept.comment == "# translator\n#.note\n#: a.md:1"


def _chunked(data: bytes, chunk: int):
    pofile._CHUNK = chunk
    try:
        reader = pofile._Reader.of_utf8(data, "t.po")
        entries = reader.run()
        return [vars(e) for e in entries], reader.trailing, reader.data is not None
    except CatalogError as exc:
        return ("error", exc.line, exc.message)
    finally:
        pofile._CHUNK = 1 << 20


def _whole(text: str):
    try:
        reader = pofile._Reader(text, "t.po")
        entries = reader.run()
        return [vars(e) for e in entries], reader.trailing
    except CatalogError as exc:
        return ("error", exc.line, exc.message)


@settings(max_examples=800, deadline=None)
@given(st.lists(_entry(), max_size=5), st.lists(st.tuples(st.integers(0, 60), st.sampled_from(LINES)), max_size=1),
       st.integers(1, 120))
def test_utf8_read_a_chunk_of_lines_at_a_time_reads_what_the_whole_text_reads(entries, strays, chunk):
    """Entries, their lines as read (for the writer), trailing comments and errors do not depend on where the
    chunks of the file end."""
    lines = [line for e in entries for line in e]
    for at, stray in strays:
        lines.insert(min(at, len(lines)), stray)
    text = "\n".join(lines) + "\n"
    got = _chunked(text.encode("utf-8"), chunk)
    want = _whole(text)
    assert got[:2] == want if got[0] != "error" else got == want


def test_the_lines_of_entries_already_read_are_let_go_of():
    data = "".join(f'#.n\nmsgid "m{i}"\nmsgstr ""\n"x"\n\n' for i in range(1000)).encode("utf-8")
    pofile._CHUNK = 100
    try:
        reader = pofile._Reader.of_utf8(data, "t.po")
        entries = reader.run()
    finally:
        pofile._CHUNK = 1 << 20
    assert len(entries) == 1000 and entries[-1]._l10n_raw.body == 'msgid "m999"\nmsgstr ""\n"x"'
    assert reader.base > 4900 and len(reader.lines) < 100


def test_bytes_that_are_not_utf8_after_a_syntax_error_are_reported_as_before():
    """The first chunks are valid UTF-8 and have a syntax error; the file is not UTF-8 further on: it is read
    as it always was (the whole file in its declared charset), and the error is the one that reading names."""
    def data(charset: bytes) -> bytes:
        head = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=' + charset + b'\\n"\n\n'
        return head + b'msgid "a"\n\n' + b"".join(b'msgid "m%d"\nmsgstr "\xe9"\n\n' % i for i in range(50))

    pofile._CHUNK = 16
    try:
        with pytest.raises(CatalogError) as utf8:
            pofile.read_po(data(b"UTF-8"), "t.po")
        with pytest.raises(CatalogError) as latin1:
            pofile.read_po(data(b"ISO-8859-1"), "t.po")
    finally:
        pofile._CHUNK = 1 << 20
    assert (utf8.value.line, utf8.value.message) == (7, "not valid UTF-8 (byte 0xe9)")
    assert latin1.value.line == 4 and "msgstr" in latin1.value.message


_FIELDS = (*pofile._PROTO, "_l10n_raw")


def _read_fields(data: bytes, lean: bool, layout: bool):
    try:
        po = pofile.read_po(data, "t.po", lean=lean, layout=layout)
    except CatalogError as exc:
        return ("error", exc.line, exc.message)
    assert all(type(e) is (pofile.ReadEntry if lean else polib.POEntry) for e in po)
    return ([{f: getattr(e, f) for f in _FIELDS} | {"fuzzy": e.fuzzy} for e in po], po.metadata, po.header,
            po.metadata_is_fuzzy, pofile.po_charset(po))


@settings(max_examples=500, deadline=None)
@given(st.lists(_entry(), max_size=5), st.booleans())
def test_lean_entries_have_the_fields_polib_entries_have_as_read(entries, layout):
    data = ("\n".join(line for e in entries for line in e) + "\n").encode("utf-8")
    assert _read_fields(data, True, layout) == _read_fields(data, False, layout)


def test_a_lean_entry_has_slots_not_a_dict():
    e = pofile.read_po(b'#, fuzzy\nmsgid "a"\nmsgstr "b"\n', "t.po", lean=True)[0]
    assert not hasattr(e, "__dict__") and e.fuzzy and (e.msgid, e.msgstr, e.flags) == ("a", "b", ["fuzzy"])
    latin1 = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "\xe9"\nmsgstr "\\351"\n'
    assert _read_fields(latin1, True, True) == _read_fields(latin1, False, True)
    assert pofile.read_po(latin1, "t.po", lean=True)[0].msgstr == "é"


def test_an_entry_keeps_its_line_numbers_as_its_first_line_and_small_offsets():
    data = ("\n" * 300 + '# c\n#. n\nmsgid ""\n"long"\nmsgstr "x"\n').encode("utf-8")
    for layout in (True, False):
        e = pofile.read_po(data, "t.po", layout=layout)[0]
        raw = e._l10n_raw
        assert (e.linenum, pofile.msgid_line(e), pofile.msgstr_line(e)) == (301, 303, 305)
        assert raw.first is e.linenum and (raw.msgid_after, raw.msgstr_after) == (2, 4)


def test_lean_entries_share_their_empty_containers_and_refuse_to_change_them():
    a, b = pofile.read_po(b'msgid "a"\nmsgstr ""\n\n#: f.md\nmsgid "b"\nmsgstr "y"\n', "t.po", lean=True)
    assert a.flags == a.occurrences == [] and a.msgstr_plural == {} and b.occurrences == [("f.md", "")]
    assert a.flags is b.flags is a.occurrences and a.msgstr_plural is b.msgstr_plural
    for change in (lambda: a.flags.append("fuzzy"), lambda: a.occurrences.extend([("x", "")]),
                   lambda: a.msgstr_plural.update({0: "x"})):
        with pytest.raises(TypeError):
            change()
    assert a.flags == [] and a.msgstr_plural == {}
    assert list(a.flags) == [] and dict(a.msgstr_plural) == {} and type(list(a.flags)) is list
    e = pofile.read_po(b'msgid "a"\nmsgstr ""\n', "t.po")[0]  # polib's entries: their own
    assert type(e.flags) is list and type(e.msgstr_plural) is dict
