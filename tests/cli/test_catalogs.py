"""Catalog behaviour through the real CLI in tmp projects: extract, update, compile."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib
import pytest
from l10n.catalogs.plurals import plural_forms
from tests.support.catalogs import (  # noqa: F401  (shared with other test modules)
    DOC,
    ok,
    po,
    po_path,
    pot,
    snapshot,
    translate_all,
)


# --- extract ---------------------------------------------------------------


def test_extract_one_template_per_document(make_project, cli):
    root = make_project({"a.md": DOC, "b.html": "<p>Hello there.</p>\n", "sub/c.txt": "Plain text.\n"})
    ok(cli(root, "extract"))
    assert sorted(p.name for p in (root / "locales").glob("*.pot")) == ["a.pot", "b.pot", "c.pot"]
    assert [e.msgid for e in pot(root, "c")] == ["Plain text."]


def test_extract_entries_in_source_order_and_merged(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    entries = pot(root)
    assert [e.msgid for e in entries] == [
        "Kratom basics", "Kratom comes from *Mitragyna speciosa*.", "It is sold as powder.", "Risks",
        "Kratom may cause dependence.", "Stop slowly.", "Call a doctor if you feel unwell.", "Help",
    ]
    merged = entries.find("Kratom comes from *Mitragyna speciosa*.")
    assert [r for r, _ in merged.occurrences] == ["a.md#kratom-basics/p1.s1", "a.md#help/p1"]


def test_extract_notes_give_block_and_heading(make_project, cli):
    root = make_project({"a.md": DOC + "\n- A listed item.\n"})
    ok(cli(root, "extract"))
    entries = pot(root)
    assert entries.find("Risks").comment == "block: heading | section: Risks"
    assert entries.find("Stop slowly.").comment == "block: paragraph | section: Risks"
    assert entries.find("A listed item.").comment == "block: list item | section: Help"


def test_references_unchanged_when_unrelated_lines_move(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    before = {e.msgid: e.occurrences for e in pot(root)}
    # extra blank lines and a new paragraph in another section move every later line
    moved = DOC.replace("## Risks\n", "\n\n\n## Risks\n").replace(
        "Call a doctor", "A new paragraph in the risks section.\n\nCall a doctor")
    (root / "source_docs" / "a.md").write_text(moved, encoding="utf-8")
    ok(cli(root, "extract"))
    after = {e.msgid: e.occurrences for e in pot(root)}
    for msgid in ("Kratom basics", "Risks", "Kratom may cause dependence.", "Help"):
        assert after[msgid] == before[msgid]


# --- update ------------------------------------------------------------------


@pytest.mark.parametrize("locale,plural", [
    ("es", "nplurals=2; plural=(n != 1);"),
    ("ca", "nplurals=2; plural=(n != 1);"),
    ("fr", "nplurals=2; plural=(n > 1);"),
    ("pt_BR", "nplurals=2; plural=(n > 1);"),
    ("ar", None),  # the project's data (see below)
])
def test_update_full_header(make_project, cli, locale, plural):
    root = make_project({"a.md": DOC}, locales=[locale])
    ok(cli(root, "extract"))
    ok(cli(root, "update"))
    text = po_path(root, locale).read_text(encoding="utf-8")
    cat = po(root, locale)
    assert cat.metadata["Language"] == locale
    if plural is None:
        plural = plural_forms(locale)
        assert plural.startswith("nplurals=6;")
    assert cat.metadata["Plural-Forms"] == plural
    assert cat.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert cat.metadata["Content-Transfer-Encoding"] == "8bit"
    header_block = text.split('msgid ""', 1)[0]
    assert "fuzzy" not in header_block
    assert not cat.metadata_is_fuzzy
    assert len(cat) == len(pot(root))


def test_edited_segment_becomes_fuzzy_with_previous_msgid(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    translate_all(root)
    src = root / "source_docs" / "a.md"
    src.write_text(DOC.replace("may cause dependence", "can cause dependence"), encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    e = po(root).find("Kratom can cause dependence.")
    assert e.fuzzy
    assert e.previous_msgid == "Kratom may cause dependence."
    assert e.msgstr == "ES: Kratom may cause dependence."
    assert "#| msgid \"Kratom may cause dependence.\"" in po_path(root).read_text(encoding="utf-8")
    # a new, unrelated sentence gets no false suggestion
    src.write_text(DOC + "\nPregnant women should avoid every herbal product.\n", encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    new = po(root).find("Pregnant women should avoid every herbal product.")
    assert new.msgstr == "" and not new.fuzzy


def test_removed_segment_becomes_obsolete_never_deleted(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    translate_all(root)
    (root / "source_docs" / "a.md").write_text(DOC.replace("Call a doctor if you feel unwell.\n\n", ""),
                                                encoding="utf-8")
    ok(cli(root, "extract"))
    for _ in range(2):  # and it stays obsolete on the next run
        ok(cli(root, "update", "-l", "es"))
        gone = [e for e in po(root) if e.obsolete]
        assert [(e.msgid, e.msgstr) for e in gone] == [
            ("Call a doctor if you feel unwell.", "ES: Call a doctor if you feel unwell.")]
    assert '#~ msgid "Call a doctor if you feel unwell."' in po_path(root).read_text(encoding="utf-8")
    # the segment comes back: its translation is restored
    (root / "source_docs" / "a.md").write_text(DOC, encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    back = po(root).find("Call a doctor if you feel unwell.")
    assert back.msgstr == "ES: Call a doctor if you feel unwell." and not back.fuzzy and not back.obsolete


def test_translator_comments_and_flags_survive(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    translate_all(root)
    (root / "source_docs" / "a.md").write_text("Intro paragraph.\n\n" + DOC, encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    e = po(root).find("Kratom basics")
    assert e.tcomment == "checked by Ana; keep *italics*"
    assert "no-wrap" in e.flags and not e.fuzzy
    assert e.msgstr == "ES: Kratom basics"


def test_inserting_paragraph_at_top_makes_nothing_fuzzy(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    translate_all(root)
    (root / "source_docs" / "a.md").write_text(
        "A brand new opening paragraph about safety.\n\n" + DOC, encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    cat = po(root)
    assert [e.msgid for e in cat if e.fuzzy] == []
    assert [e.msgid for e in cat if e.obsolete] == []
    assert all(e.msgstr == "ES: " + e.msgid for e in cat if e.msgid != "A brand new opening paragraph about safety.")


def test_moving_paragraph_keeps_translation(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    translate_all(root)
    moved = DOC.replace("Call a doctor if you feel unwell.\n\n", "").replace(
        "# Kratom basics\n\n", "# Kratom basics\n\nCall a doctor if you feel unwell.\n\n")
    (root / "source_docs" / "a.md").write_text(moved, encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    cat = po(root)
    e = cat.find("Call a doctor if you feel unwell.")
    assert e.msgstr == "ES: Call a doctor if you feel unwell." and not e.fuzzy
    assert e.occurrences == [("a.md#kratom-basics/p1", "")]
    assert [x.msgid for x in cat if x.fuzzy or x.obsolete] == []


@pytest.mark.parametrize("env", [{}, {"SOURCE_DATE_EPOCH": "1700000000"}])
def test_extract_update_twice_is_byte_identical(make_project, cli, env):
    root = make_project({"a.md": DOC, "b.html": "<h1>T</h1><p>Hello <b>you</b>. Bye.</p>\n"})
    ok(cli(root, "extract", env=env))
    ok(cli(root, "update", env=env))
    ok(cli(root, "compile", env=env))
    first = snapshot(root)
    ok(cli(root, "extract", env=env))
    ok(cli(root, "update", env=env))
    ok(cli(root, "compile", env=env))
    assert snapshot(root) == first
    if env:
        assert "POT-Creation-Date: 2023-11-14 22:13+0000" in (root / "locales" / "a.pot").read_text()


def test_second_run_reports_unchanged(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"])
    ok(cli(root, "extract"))
    ok(cli(root, "update"))
    r = cli(root, "update")
    ok(r)
    assert "(unchanged)" in r.stdout and "(written)" not in r.stdout


# --- compile -------------------------------------------------------------------


def test_compile_mo_readable_by_gettext_and_fuzzy_excluded(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    translate_all(root)
    (root / "source_docs" / "a.md").write_text(DOC.replace("Stop slowly.", "Stop very slowly."), encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "es"))
    assert po(root).find("Stop very slowly.").fuzzy
    ok(cli(root, "compile", "-l", "es"))
    mo = root / "locales" / "es" / "LC_MESSAGES" / "a.mo"
    with mo.open("rb") as fh:
        t = gettext.GNUTranslations(fh)
    assert t.gettext("Risks") == "ES: Risks"
    assert t.gettext("Kratom comes from *Mitragyna speciosa*.") == "ES: Kratom comes from *Mitragyna speciosa*."
    assert t.gettext("Stop very slowly.") == "Stop very slowly."  # fuzzy: not compiled
    assert t.info()["language"] == "es"
    tr = gettext.translation("a", localedir=str(root / "locales"), languages=["es"])
    assert tr.gettext("Help") == "ES: Help"


# --- locale codes ----------------------------------------------------------------


def test_locale_pt_dash_br_is_pt_br(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"])
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "pt-BR"))
    first = snapshot(root)
    assert "locales/pt_BR/LC_MESSAGES/a.po" in first
    ok(cli(root, "update", "-l", "pt_BR"))
    ok(cli(root, "update", "-l", "pt_br"))
    assert snapshot(root) == first
    assert po(root, "pt_BR").metadata["Language"] == "pt_BR"


@pytest.mark.parametrize("code", ["xx_YY", "es/../..", "", "  "])
def test_bad_locale_is_one_line_error(make_project, cli, code):
    root = make_project({"a.md": DOC}, locales=["es"])
    ok(cli(root, "extract"))
    before = snapshot(root)
    r = cli(root, "update", "-l", code)
    assert r.exit_code == 2
    assert "Traceback" not in r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "locale" in lines[0]
    assert snapshot(root) == before


def test_update_without_templates_is_an_error(make_project, cli):
    root = make_project({"a.md": DOC})
    r = cli(root, "update")
    assert r.exit_code == 2 and "l10n extract" in r.stderr


def test_dates_refresh_only_when_content_changes(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"])
    ok(cli(root, "extract", env={"SOURCE_DATE_EPOCH": "1700000000"}))   # 2023-11-14 22:13
    ok(cli(root, "update", env={"SOURCE_DATE_EPOCH": "1700000000"}))
    (root / "source_docs" / "a.md").write_text(DOC + "\nOne more sentence.\n", encoding="utf-8")
    ok(cli(root, "extract", env={"SOURCE_DATE_EPOCH": "1800000000"}))   # 2027-01-15 08:00
    ok(cli(root, "update", env={"SOURCE_DATE_EPOCH": "1800000000"}))
    ok(cli(root, "extract", env={"SOURCE_DATE_EPOCH": "1900000000"}))   # no change: dates stay
    ok(cli(root, "update", env={"SOURCE_DATE_EPOCH": "1900000000"}))
    assert pot(root).metadata["POT-Creation-Date"] == "2027-01-15 08:00+0000"
    cat = po(root)
    # PO-Revision-Date belongs to the translator: update keeps it, as msgmerge does
    assert cat.metadata["PO-Revision-Date"] == "2023-11-14 22:13+0000"
    assert cat.metadata["POT-Creation-Date"] == "2027-01-15 08:00+0000"
    assert cat.find("One more sentence.") is not None
