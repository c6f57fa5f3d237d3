"""Plain-text articles: `l10n build` publishes and checks the .txt copy and its .html page."""

from __future__ import annotations

import polib

from l10n.checks.rendered import check_rendered

DOC_TXT = """\
Drink water every day.

Rest when you are tired.
"""

DE = {"Drink water every day.": "Trinken Sie jeden Tag Wasser.",
      "Rest when you are tired.": "Ruhen Sie sich aus, wenn Sie müde sind."}


def _translate(root, table):
    for path in sorted((root / "locales" / "de" / "LC_MESSAGES").glob("*.po")):
        po = polib.pofile(str(path))
        for e in po:
            if e.msgid in table:
                e.msgstr = table[e.msgid]
        po.save(str(path))


def test_plain_text_article_is_built_and_checked(make_project, cli):
    root = make_project({"plain.txt": DOC_TXT}, locales=("de",))
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "de").exit_code == 0
    _translate(root, DE)
    r = cli(root, "build", "-l", "de")
    assert r.exit_code == 0, r.output
    txt = (root / "dist" / "de" / "plain.txt").read_text(encoding="utf-8")
    assert "Ruhen Sie sich aus, wenn Sie müde sind." in txt
    page = (root / "dist" / "de" / "plain.html").read_text(encoding="utf-8")
    assert "Trinken Sie jeden Tag Wasser." in page and 'lang="de"' in page
    assert cli(root, "verify").exit_code == 0


def test_check_rendered_plain_text():
    expected = {"d": "Dies ist keine medizinische Beratung."}
    english = {"d": "This is not medical advice."}
    ok = check_rendered("Hallo.\n\nDies ist keine\nmedizinische Beratung.\n", "txt", locale="de", glossary=None,
                        expected=expected, english=english)
    assert ok == []
    eng = check_rendered("Hallo.\n\nThis is not medical advice.\n", "txt", locale="de", glossary=None,
                         expected=expected, english=english)
    assert [f.code for f in eng] == ["L10N713"]
    gone = check_rendered("Hallo.\n", "txt", locale="de", glossary=None, expected=expected, english=english)
    assert [f.code for f in gone] == ["L10N711"]
