"""update_catalog tells messages apart by msgid and msgctxt (a message without context is not one with an
empty context), and the old catalog's lines go back to the entry they were read for."""

from __future__ import annotations

from l10n.catalogs import NullAnnotator, update_catalog
from l10n.catalogs.pofile import carry_layout, encode_po, read_po

_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'
POT = (_HEAD + 'msgid "Rest"\nmsgstr ""\n\nmsgctxt "a"\nmsgid "Rest"\nmsgstr ""\n\nmsgctxt ""\nmsgid "Rest"\n'
       'msgstr ""\n').encode("utf-8")
OLD = (_HEAD + 'msgctxt "a"\nmsgid "Rest"\nmsgstr "Descanso A"\n\nmsgid "Rest"\nmsgstr ""\n"Descanse"\n\n'
       'msgctxt ""\nmsgid "Rest"\nmsgstr "Vacío"\n\n#~ msgctxt "b"\n#~ msgid "Rest"\n#~ msgstr "Resto B"\n\n'
       '#~ msgid "Gone"\n#~ msgstr "Ido"\n').encode("utf-8")


def test_messages_with_and_without_context_keep_their_own_translations():
    po, stats = update_catalog(read_po(POT, "t.pot"), read_po(OLD, "es.po"), "es")
    assert [(e.msgctxt, e.msgid, e.msgstr, e.obsolete) for e in po] == [
        (None, "Rest", "Descanse", False), ("a", "Rest", "Descanso A", False), ("", "Rest", "Vacío", False),
        ("b", "Rest", "Resto B", True), (None, "Gone", "Ido", True)]
    assert (stats.kept, stats.obsolete) == (3, 2)


def test_each_entry_gets_back_the_lines_it_was_read_from():
    old = read_po(OLD, "es.po")
    po, _ = update_catalog(read_po(POT, "t.pot"), old, "es")
    carry_layout(po, old)
    text = encode_po(po).decode("utf-8")
    assert 'msgid "Rest"\nmsgstr ""\n"Descanse"\n' in text  # its own lines (the writer writes it on one line)
    assert text.count('msgstr ""\n"Descanse"') == 1


def test_a_merge_of_lean_catalogs_writes_what_a_merge_of_polib_catalogs_writes():
    """update reads the template and the old catalog with lean entries (read, never changed nor written)."""
    from l10n.stages import merge_catalog

    def merged(lean: bool) -> bytes:
        pot = read_po(POT, "t.pot", layout=False, lean=lean)
        old = read_po(OLD.replace(b'msgid "Rest"\nmsgstr ""\n"Descanse"', b'#, fuzzy\n#| msgid "Rst"\nmsgid "Rest"\n'
                                  b'msgstr "Descanse"'), "es.po", lean=lean)
        po, _ = merge_catalog(pot, old, "es", annotator=NullAnnotator())
        return encode_po(po)

    assert merged(True) == merged(False)
    assert b'#, fuzzy\n#| msgid "Rst"\nmsgid "Rest"\nmsgstr "Descanse"' in merged(True)
