"""A disclaimer lightly edited in the source keeps its protection.

The segment keeps its ``disclaimer:<id>`` context, the approved translation
comes back fuzzy (stale) with the previous msgid, it is never sent to machine
translation, and the locale is not built until someone reviews it.
"""

from __future__ import annotations

import polib

ARTICLE = "source_docs/kratom-addiction-treatment.md"
OLD = "guidance are paramount"
NEW = "guidance are important"
ALL = ("es", "ca", "fr", "pt_BR", "ar")


def _entry(root, locale="es"):
    po = polib.pofile(str(root / "locales" / locale / "LC_MESSAGES" / "kratom-addiction-treatment.po"))
    return next(e for e in po if "responsible use and professional" in e.msgid and not e.obsolete)


def test_edited_disclaimer_stays_a_disclaimer_and_goes_stale(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=ALL)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "es").exit_code == 0
    before = _entry(root)
    assert before.msgctxt == "disclaimer:responsible-use" and before.msgstr and not before.fuzzy

    path = root / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "es").exit_code == 0
    after = _entry(root)
    assert after.msgctxt == "disclaimer:responsible-use"
    assert NEW in after.msgid
    assert after.fuzzy and OLD in (after.previous_msgid or "")
    assert after.msgstr == before.msgstr  # offered for review, not lost
    assert "STALE" in after.comment


def test_unrelated_sentence_is_not_taken_for_a_disclaimer():
    from l10n.glossary import load_glossary
    from l10n.config import parse_settings
    from l10n.model import Segment
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    g = load_glossary(root / "glossary.yaml", parse_settings({"locales": list(ALL)}, root))
    seg = Segment("Remember to drink water when it is hot.", "x", ref="a/p1", line=1)
    assert g.disclaimer_id(seg) is None
