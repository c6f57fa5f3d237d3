"""A catalog's repeated comments and reference files are one string in memory, not one per entry."""

from __future__ import annotations

from l10n.catalogs.pofile import read_po

_PO = "".join(f'#. block: paragraph\n#: article.md:{i} article.md#s{i}\nmsgid "m{i}"\nmsgstr ""\n\n'
              for i in range(3)).encode("utf-8")


def test_entries_share_their_extracted_comment_and_reference_files() -> None:
    a, b, c = read_po(_PO, "t.pot")
    assert a.comment == b.comment == "block: paragraph" and a.comment is b.comment is c.comment
    assert a.occurrences == [("article.md", "0"), ("article.md#s0", "")]
    assert a.occurrences[0][0] is b.occurrences[0][0] is c.occurrences[0][0]


def test_a_catalog_read_with_a_seed_shares_the_seed_catalogs_msgids_and_references() -> None:
    from l10n.catalogs.pofile import shared_values

    pot = read_po(_PO, "t.pot", layout=False, lean=True)
    data = _PO.replace(b'msgstr ""', b'msgstr "x"').replace(b'"m2"', b'""\n"m2"')  # m2 over two lines
    old = read_po(data, "es.po", lean=True, seed=shared_values(pot))
    plain = read_po(data, "es.po", lean=True)
    fields = ("msgid", "msgstr", "occurrences", "comment", "linenum")
    assert [[getattr(e, f) for f in fields] for e in old] == [[getattr(e, f) for f in fields] for e in plain]
    for t, e, p in zip(pot, old, plain):
        assert e.msgid is t.msgid and p.msgid is not t.msgid
        assert e.occurrences[1] is t.occurrences[1] and e.occurrences[0] is t.occurrences[0]
    assert shared_values(pot)[("article.md", "1")] == ("article.md", "1")
