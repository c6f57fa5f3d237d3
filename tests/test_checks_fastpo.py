"""The compact PO reader builds exactly what polib builds, or hands over to polib."""

from __future__ import annotations

import polib
import pytest

from l10n.checks.fastpo import read_po_fast

ATTRS = ("msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural", "flags", "occurrences", "comment",
         "tcomment", "previous_msgid", "previous_msgctxt", "previous_msgid_plural", "obsolete", "linenum")

CATALOG = r'''# Spanish translation.
# Copyright (C) 2026
#
msgid ""
msgstr ""
"Project-Id-Version: test\n"
"Language: es\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. block: paragraph
#: doc.md:3 doc.md:9 kratom-harm-reduction.html
#, fuzzy, python-format
#| msgid "Old %(n)s"
msgid "New %(n)s"
msgstr "Nuevo %(n)s"

# l10n-waive: L10N204 brand
#  indented note
msgctxt "disclaimer:x"
msgid ""
"Line one\n"
"with \"quotes\" and \\ backslash\ttab"
msgstr ""
"Línea uno\n"
"con \"comillas\""

msgid "%d dose"
msgid_plural "%d doses"
msgstr[0] "%d dosis"
msgstr[1] ""
"%d dosis"
'''


def _same(text: str) -> None:
    ref = polib.pofile(text, check_for_duplicates=False, wrapwidth=79)
    got = read_po_fast(text)
    assert got is not None
    assert (got.header, got.metadata, got.metadata_is_fuzzy) == (ref.header, ref.metadata, ref.metadata_is_fuzzy)
    assert len(got) == len(ref)
    for a, b in zip(ref, got):
        assert {k: getattr(b, k) for k in ATTRS} == {k: getattr(a, k) for k in ATTRS}


def test_same_entries_as_polib():
    _same(CATALOG)


def test_same_on_generated_catalog():
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"}
    for i in range(50):
        po.append(polib.POEntry(msgid=f"Take {i} mg " * (i % 9 + 1), msgstr=f"Tome {i} mg " * (i % 9 + 1),
                                occurrences=[("a.md", str(i))], tcomment="note" if i % 3 else ""))
    _same(po.__unicode__())


@pytest.mark.parametrize("text", [
    'msgid "a"\nmsgstr "b"\n\n#~ msgid "old"\n#~ msgstr "viejo"\n',   # obsolete entries
    'msgid "a"\nmsgstr "b" junk\n',                                   # malformed line
    'msgid "a"\nmsgstr "un "quoted" word"\n',                         # unescaped quote
    'msgid "a"\n',                                                    # unfinished entry
    'msgid "a"\nmsgid "b"\nmsgstr ""\n',                              # msgid twice
])
def test_unusual_input_goes_to_polib(text):
    assert read_po_fast(text) is None
