"""The writer writes back what it read, except what a command changed (issue 13), and ``update`` refuses an
entry without msgstr on the line msgfmt names (issue 12)."""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from l10n.catalogs import generate_mo, generate_po, mo_messages, read_po
from l10n.catalogs.pofile import encode_po
from l10n.errors import CatalogError

DOC = "# Water\n\nDrink water. Do not drink seawater.\n\nRest for 30 minutes.\n"
HAVE_GETTEXT = shutil.which("msgfmt") is not None and shutil.which("msgcat") is not None
gettext = pytest.mark.skipif(not HAVE_GETTEXT, reason="GNU gettext not installed")


def _project(make_project, cli):
    root = make_project({"water.md": DOC}, locales=("es",))
    for command in ("extract", "update"):
        r = cli(root, command)
        assert r.exit_code == 0, r.output
    return root, root / "locales" / "es" / "LC_MESSAGES" / "water.po"


#: a translator's catalog: header fields in their own order with their own spacing, no header comment, a
#: `##` comment, translations, a long no-wrap string, obsolete entries carrying everything
def _translators_catalog(text: str) -> str:
    head, _, body = text.partition('\n\n#.')
    fields = [ln for ln in head.split("\n") if ln.startswith('"')]
    plural = next(f for f in fields if f.startswith('"Plural-Forms'))
    fields.remove(plural)
    header = 'msgid ""\nmsgstr ""\n' + plural.replace(": ", ":  ") + "\n" + "\n".join(fields) + "\n"
    body = "#." + body
    body = body.replace('msgid "Water"\nmsgstr ""', '## a note the translator keeps\nmsgid "Water"\nmsgstr "Agua"')
    body = body.replace('msgid "Drink water."\nmsgstr ""', 'msgid "Drink water."\nmsgstr "Beba agua."')
    long = " ".join(["agua"] * 30)
    body += (f'\n# translator note\n#. block: paragraph\n#: water.md#water/p9\n#, fuzzy, no-wrap\n'
             f'#~| msgid "Drink some water."\n#~ msgid "Drink the water."\n#~ msgstr "{long}"\n')
    return header + "\n" + body


@gettext
def test_update_with_an_unchanged_template_writes_the_catalog_back_byte_for_byte(make_project, cli):
    root, po = _project(make_project, cli)
    text = _translators_catalog(po.read_text(encoding="utf-8"))
    po.write_text(text, encoding="utf-8")
    canonical = subprocess.run(["msgcat", "-o", "-", str(po)], capture_output=True, check=True).stdout
    po.write_bytes(canonical)  # msgcat's canonical form of the translator's file
    r = cli(root, "update", "-l", "es")
    assert r.exit_code == 0, r.output
    assert po.read_bytes() == canonical
    written = po.read_text(encoding="utf-8")
    assert written.startswith('msgid ""\nmsgstr ""\n"Plural-Forms:  nplurals')  # no '#' line, field order kept
    assert "## a note the translator keeps" not in written or "# # a note" in written
    assert '#~| msgid "Drink some water."' in written and "#: water.md#water/p9" in written


@gettext
def test_update_with_an_unchanged_template_is_gettext_equivalent_to_a_non_canonical_catalog(make_project, cli):
    root, po = _project(make_project, cli)
    text = _translators_catalog(po.read_text(encoding="utf-8")).replace("#. block", "#.block")
    po.write_text(text, encoding="utf-8")
    r = cli(root, "update", "-l", "es")
    assert r.exit_code == 0, r.output
    assert po.read_text(encoding="utf-8") == text  # not even msgcat's layout: what was there


def test_an_entry_without_msgstr_is_exit_2_on_msgfmts_line(make_project, cli):
    root, po = _project(make_project, cli)
    lines = po.read_text(encoding="utf-8").split("\n")
    i = lines.index('msgid "Drink water."')
    del lines[i + 1]  # its msgstr
    po.write_text("\n".join(lines), encoding="utf-8")
    before = po.read_bytes()
    for command in ("update", "compile", "check"):
        r = cli(root, command, "-l", "es")
        assert r.exit_code == 2, (command, r.output)
        assert f"water.po:{i + 1}:" in r.output and "missing 'msgstr' section" in r.output
        assert "Traceback" not in r.output
    assert po.read_bytes() == before
    if shutil.which("msgfmt"):
        gnu = subprocess.run(["msgfmt", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert f":{i + 1}: missing 'msgstr' section" in gnu.stderr


HEADER = ('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"Language:  es\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n"X-Note: first\\n"\n"second line\\n"\n"PO-Revision-Date: old\\n"\n')


def test_a_header_field_a_command_changes_is_written_in_place():
    po = read_po((HEADER + '\nmsgid "a"\nmsgstr "b"\n').encode())
    assert list(po.metadata) == ["Plural-Forms", "Language", "Content-Type", "X-Note", "PO-Revision-Date"]
    po.metadata["Language"] = "es_MX"
    po.metadata["X-New"] = "added"
    del po.metadata["PO-Revision-Date"]
    text = generate_po(po)
    assert text.startswith('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
                           '"Language: es_MX\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                           '"X-Note: first\\n"\n"second line\\n"\n"X-New: added\\n"\n\nmsgid "a"')


def test_a_file_without_header_gets_none_and_keeps_its_first_comment():
    text = '# about the first entry\nmsgid "a"\nmsgstr "b"\n\n#, fuzzy\nmsgid "c"\nmsgstr "d"\n'
    po = read_po(text.encode())
    assert po.header == "" and not po.metadata
    assert po[0].tcomment == "about the first entry"  # gettext's reading: the comment is the entry's
    assert generate_po(po) == text
    po[1].msgstr = "e"
    assert generate_po(po) == text.replace('"d"', '"e"')
    assert mo_messages(po)[0] == (b"a", b"b")  # no header invented in the MO either


def test_a_changed_no_wrap_entry_is_not_wrapped_and_obsolete_entries_keep_everything():
    long = " ".join(["word"] * 40)
    e = polib.POEntry(msgid=long, msgstr=long, flags=["no-wrap"])
    o = polib.POEntry(msgid="gone", msgstr="ido", obsolete=True, comment="extracted", tcomment="mine",
                      occurrences=[("a.md", "3")], flags=["fuzzy"], previous_msgid="went")
    po = polib.POFile(check_for_duplicates=False)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po += [e, o]
    text = generate_po(po)
    assert f'msgid "{long}"\nmsgstr "{long}"\n' in text
    assert '# mine\n#. extracted\n#: a.md:3\n#, fuzzy\n#~| msgid "went"\n#~ msgid "gone"\n#~ msgstr "ido"\n' in text
    again = read_po(text.encode())
    assert generate_po(again) == text
    again[0].msgstr = long + " more"
    assert f'msgstr "{long} more"\n' in generate_po(again)


def test_comment_markers_without_a_space_and_raw_line_breaking_characters_are_read_as_gettext_does():
    text = ('#,fuzzy\n#:f.c:1\n#.x\n#comment\n#|msgid "o"\nmsgid "a\vb\fc\u2028d\u0085e"\nmsgstr "z" # trailing\n'
            '\ndomain "d"\nmsgid "y"\r\nmsgstr "w"\n')
    po = read_po(text.encode())
    a, y = po
    assert (a.flags, a.occurrences, a.comment, a.tcomment, a.previous_msgid) == (
        ["fuzzy"], [("f.c", "1")], "x", "comment", "o")
    assert a.msgid == "a\vb\fc\u2028d\u0085e" and a.msgstr == "z"
    assert y.tcomment == "trailing" and y.msgstr == "w"
    # the line shared by two entries is written as gettext would write them (a\vb escaped); the rest as it was
    again = read_po(encode_po(po))
    assert [(e.msgid, e.msgstr, e.tcomment, e.flags) for e in again] == [
        (e.msgid, e.msgstr, e.tcomment, e.flags) for e in po]
    alone = text.replace(" # trailing", "")
    assert encode_po(read_po(alone.encode())) == alone.encode()


@pytest.mark.parametrize("text,line,message", [
    ('msgid "a"\nmsgstr "b"\n\n# c\nmsgid "x"\n', 5, "missing 'msgstr' section"),
    ('msgid "x"\n\nmsgid "a"\nmsgstr "b"\n', 1, "missing 'msgstr' section"),
    ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 4, "duplicate message definition"),
    ('msgid ""\nmsgstr "Language: de\\n"\n\nmsgid ""\nmsgstr "x"\n', 4, "duplicate message definition"),
    ('msgid "a"\nmsgstr[0] "b"\n', 1, "missing 'msgid_plural' section"),
    ('msgid "a"\nmsgid_plural "b"\nmsgstr[1] "c"\n', 3, "first plural form has nonzero index"),
    ('#~ msgid "a"\nmsgstr "b"\n', 2, "inconsistent use of #~"),
    ('msgid "a"\n# c\nmsgstr "b"\n', 1, "missing 'msgstr' section"),
    ('msgidx "a"\nmsgstr "b"\n', 1, 'keyword "msgidx" unknown'),
    ('\ufeffmsgid "a"\nmsgstr "b"\n', 1, "invalid character"),
])
def test_what_msgfmt_refuses_is_refused_on_its_line(text, line, message, tmp_path):
    with pytest.raises(CatalogError) as exc:
        read_po(text.encode(), "x.po")
    assert exc.value.line == line and message in exc.value.message
    if shutil.which("msgfmt"):
        (tmp_path / "x.po").write_text(text, encoding="utf-8")
        gnu = subprocess.run(["msgfmt", "-o", "/dev/null", "x.po"], cwd=tmp_path, capture_output=True, text=True)
        assert gnu.returncode != 0 and f"x.po:{line}:" in gnu.stderr


@pytest.mark.parametrize("charset,raw", [("ISO-8859-1", "café ñ".encode("latin-1")),
                                         ("BIG5", b"\xa5\x5c"),  # a trail byte that is a backslash in ASCII
                                         ("EUC-JP", "日本語".encode("euc-jp"))])
def test_legacy_charsets_are_read_in_their_charset_and_written_back_in_it(charset, raw, tmp_path):
    data = (f'msgid ""\nmsgstr "Content-Type: text/plain; charset={charset}\\n"\n\nmsgid "a"\nmsgstr "'.encode()
            + raw + b'"\n')
    po = read_po(data)
    assert po[0].msgstr == raw.decode(charset)
    assert encode_po(po) == data
    po[0].msgstr += "!"
    assert encode_po(po) == data[:-2] + b'!"\n'
    if shutil.which("msgfmt"):
        (tmp_path / "x.po").write_bytes(data)
        gnu = subprocess.run(["msgfmt", "-o", "-", str(tmp_path / "x.po")], capture_output=True, check=True).stdout
        assert generate_mo(mo_messages(read_po(data))) == gnu


def test_a_system_dependent_c_format_string_is_refused_by_the_mo_writer():
    po = read_po(b'#, c-format\nmsgid "%<PRIu32> files"\nmsgstr "%<PRIu32> fichiers"\n', "x.po")
    with pytest.raises(CatalogError) as exc:
        mo_messages(po, name="x.po")
    assert exc.value.line == 1 and "system-dependent" in exc.value.message
    plain = read_po(b'msgid "%<PRIu32> files"\nmsgstr "%<PRIu32> fichiers"\n')  # not c-format: ordinary
    assert mo_messages(plain)


@pytest.mark.parametrize("n,size", [(1, 3), (2, 5), (3, 5), (4, 5), (7, 11), (12, 17)])
def test_the_mo_hash_table_is_sized_as_msgfmt_sizes_it(n, size, tmp_path):
    from l10n.catalogs.mofile import hash_table_size

    assert hash_table_size(n) == size
    text = "".join(f'msgid "m{i}"\nmsgstr "t{i}"\n\n' for i in range(n))
    mo = generate_mo(mo_messages(read_po(text.encode())))
    assert int.from_bytes(mo[20:24], "little") == size
    if shutil.which("msgfmt"):
        (tmp_path / "x.po").write_text(text, encoding="utf-8")
        gnu = subprocess.run(["msgfmt", "-o", "-", str(tmp_path / "x.po")], capture_output=True, check=True).stdout
        assert mo == gnu


def test_text_a_legacy_charset_cannot_hold_is_refused_or_the_catalog_becomes_utf8():
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "a"\nmsgstr "caf\xe9"\n'
    po = read_po(data, "x.po")
    po[0].msgstr = "日本"
    with pytest.raises(CatalogError) as exc:
        encode_po(po, name="x.po")
    assert exc.value.line == 5 and "iso8859-1" in str(exc.value)
    out = encode_po(po, or_utf8=True)  # what machine translation and XLIFF import do
    assert out == ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "日本"\n'
                   ).encode("utf-8")
    assert read_po(out)[0].msgstr == "日本"


def test_check_reports_an_obsolete_entry_duplicating_another_on_msgfmts_line():
    from l10n.checks.catalog import parse_catalog

    data = b'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n'
    po, findings = parse_catalog(data, "x.po")
    assert po is not None and [(f.code, f.line) for f in findings] == [("L10N101", 4)]
    assert parse_catalog(b'msgid "a"\nmsgstr "b"\n\n#~ msgid "z"\n#~ msgstr "c"\n', "x.po")[1] == []


def test_compile_refuses_what_msgfmt_refuses_to_compile_naming_the_line(make_project, cli):
    root, po = _project(make_project, cli)
    lines = po.read_text(encoding="utf-8").split("\n")
    i = lines.index('msgid "Drink water."')
    lines[i + 1] = 'msgstr "Beba agua.\\n"'  # a newline its msgid does not end with
    po.write_text("\n".join(lines), encoding="utf-8")
    r = cli(root, "compile", "-l", "es")
    assert r.exit_code == 2 and f"water.po:{i + 2}:" in r.stderr and "do not both end with" in r.stderr
    assert not po.with_suffix(".mo").exists()
    if shutil.which("msgfmt"):
        gnu = subprocess.run(["msgfmt", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert gnu.returncode != 0 and f":{i + 2}: 'msgid' and 'msgstr' entries do not both end with" in gnu.stderr


_TEXTS = st.lists(st.sampled_from(list("ab -é\\\"\n\t") + ["well-being", "--", "x" * 30, "  "]),
                  max_size=40).map("".join)


def _polib_str_field(fieldname: str, plural_index: str, field: str, width: int) -> list[str]:
    """polib's ``_str_field`` as the writer follows it (lines break after \\n only; width 0: no wrap)."""
    from l10n.catalogs.pofile import _NL_CHUNK, _escape, _wrap

    lines = _NL_CHUNK.findall(field) if "\n" in field else [field]
    if len(lines) > 1:
        lines = [""] + lines
    else:
        specials = sum(field.count(c) for c in '\\\n\r\t\v\b\f"') if field else 0
        real = width - (len(fieldname) + 3 + len(plural_index)) + specials
        if width > 0 and len(field) > real:
            lines = [""] + [polib.unescape(item) for item in _wrap(_escape(field), width - 2)]
    return [f'{fieldname}{plural_index} "{_escape(lines[0])}"'] + [f'"{_escape(line)}"' for line in lines[1:]]


@hyp_settings(max_examples=1000, deadline=None)
@given(_TEXTS, st.sampled_from(["msgid", "msgstr", "msgid_plural", "msgctxt"]), st.sampled_from(["", "[1]"]),
       st.sampled_from([79, 0, 20]))
def test_a_field_is_written_as_polib_writes_it(field, fieldname, plural_index, width):
    from l10n.catalogs.pofile import _str_field

    out: list[str] = []
    _str_field(out, fieldname, "", plural_index, field, width)
    assert out == _polib_str_field(fieldname, plural_index, field, width)


def test_lines_the_writer_would_write_are_not_kept_and_other_lines_are():
    """An entry written as the writer writes it keeps no lines in memory (it is written anew, the same);
    one written otherwise keeps the lines of the part that differs, and both come back as read."""
    written = ('#. note\n#: a.md:1\nmsgid ""\n"A sentence long enough to be wrapped by the writer at seventy-nine '
               'columns, "\n"surely."\nmsgstr "x"\n')
    own = '#:a.md:1\nmsgid "short"\nmsgstr ""\n"x"\n'
    data = (written + "\n" + own).encode("utf-8")
    a, b = read_po(data, "t.po")
    assert (a._l10n_raw.comment, a._l10n_raw.body, a._l10n_raw.comment_key, a._l10n_raw.body_key) == (None,) * 4
    assert b._l10n_raw.comment == "#:a.md:1" and b._l10n_raw.body == 'msgid "short"\nmsgstr ""\n"x"'
    assert encode_po(read_po(data, "t.po")) == data
