"""encode_po writes a UTF-8 catalog a part at a time: the same bytes as generate_po's text, encoded."""

from __future__ import annotations

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalogs.pofile import _utf8_bytes, encode_po, generate_po, read_po
from l10n.errors import CatalogError

_PO = '''# Spanish
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

#. block: paragraph
#: a.md#s1/p1
msgid "Take “two” tablets."
msgstr "Tome “dos” comprimidos."

#~ msgid "Old"
#~ msgstr "Viejo"

# a comment after the last entry
'''


@pytest.mark.parametrize("text", [_PO, _PO.rsplit("\n# a comment", 1)[0] + "\n", ""])
def test_utf8_bytes_are_generate_po_encoded(text: str) -> None:
    po = read_po(text.encode("utf-8"), "es.po")
    if len(po):
        po[0].msgstr = "Tome dos comprimidos."  # one entry written anew
    assert _utf8_bytes(po) == generate_po(po).encode("utf-8") == encode_po(po)


def test_a_lone_surrogate_is_still_reported_with_its_line() -> None:
    po = read_po(_PO.encode("utf-8"), "es.po")
    po[0].msgstr = "bad \udc80"
    with pytest.raises(CatalogError) as err:
        encode_po(po, name="es.po")
    assert err.value.line == 10


def test_a_catalog_built_in_memory() -> None:
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="a", msgstr="á"))
    assert encode_po(po) == generate_po(po).encode("utf-8")


_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


@settings(max_examples=300, deadline=None)
@given(st.lists(st.booleans(), max_size=6), st.integers(0, 7), st.booleans(), st.booleans())
def test_a_catalog_comes_back_as_read_wherever_its_header_and_obsolete_entries_were(obsolete, at, header, trailing):
    """The parts are written one at a time: live entries, the header where it was read (msgcat keeps it after
    entries), obsolete entries last (where GNU gettext writes them), comments after the last entry."""
    live = [f'#. n{i}\nmsgid "m{i}"\nmsgstr "ü{i}"\n' for i, dead in enumerate(obsolete) if not dead]
    dead = [f'#~ msgid "o{i}"\n#~ msgstr "ö{i}"\n' for i, dead in enumerate(obsolete) if dead]
    parts = live + dead
    if header:
        parts.insert(min(at, len(parts)), _HEADER)
    if trailing:
        parts.append("# after the last entry\n")
    text = "\n".join(parts).encode("utf-8")
    po = read_po(text, "es.po")
    assert encode_po(po) == _utf8_bytes(po) == generate_po(po).encode("utf-8") == text


@pytest.mark.parametrize("text", [_PO, _PO.rsplit("\n# a comment", 1)[0] + "\n", "", 'msgid "a"\nmsgstr "b"'])
def test_encoded_parts_make_the_encoded_file(text: str) -> None:
    from l10n.catalogs.pofile import encode_po_parts

    po = read_po(text.encode("utf-8"), "es.po")
    parts = encode_po_parts(po)
    assert b"".join(parts) == encode_po(po) and len(parts) == len(po) + (1 if po.metadata else 0) + (
        1 if "after the last" in text else 0)
    if "charset=UTF-8" in text:
        latin1 = read_po(text.replace("UTF-8", "ISO-8859-1").encode("latin-1", "replace"), "es.po")
        assert encode_po_parts(latin1) == [encode_po(latin1)]  # another charset: one part


@pytest.mark.parametrize("text", [_PO, _PO.rsplit("\n# a comment", 1)[0] + "\n", ""])
def test_a_catalog_encoded_to_be_dropped_gives_the_same_parts_and_lets_go_of_its_entries(text: str) -> None:
    from l10n.catalogs.pofile import encode_po_parts

    want = encode_po_parts(read_po(text.encode("utf-8"), "es.po"))
    po = read_po(text.encode("utf-8"), "es.po")
    n = len(po)
    assert encode_po_parts(po, consume=True) == want
    assert b"".join(want) == encode_po(read_po(text.encode("utf-8"), "es.po"))
    assert len(po) == n and all(e is None for e in po)


def test_a_lone_surrogate_in_a_consumed_catalog_is_reported_on_its_line() -> None:
    from l10n.catalogs.pofile import encode_po_parts

    for consume in (False, True):
        po = read_po(_PO.encode("utf-8"), "es.po")
        po[0].msgstr = "bad \udc80"
        with pytest.raises(CatalogError) as err:
            encode_po_parts(po, name="es.po", consume=consume)
        assert (err.value.line, err.value.path) == (10, "es.po")
        assert err.value.message == "'\\udc80' cannot be written in the catalog's charset utf-8"
