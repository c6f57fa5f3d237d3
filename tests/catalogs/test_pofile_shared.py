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
