"""The extract/update/compile commands as a user meets them: help, options, messages."""

from __future__ import annotations

import polib
import pytest

from tests.support.catalogs import DOC, ok, snapshot


@pytest.mark.parametrize("command", ["extract", "update", "compile"])
def test_help_has_examples(make_project, cli, command):
    r = cli(make_project({"a.md": DOC}), command, "--help")
    ok(r)
    assert "Examples:" in r.stdout and f"l10n {command}" in r.stdout


def test_unit_block_keeps_paragraphs_whole(make_project, cli):
    root = make_project({"a.md": DOC})
    ok(cli(root, "extract", "--unit", "block"))
    ids = [e.msgid for e in polib.pofile(str(root / "locales" / "a.pot"))]
    assert "Kratom may cause dependence. Stop slowly." in ids


def test_bad_unit_is_a_usage_error(make_project, cli):
    root = make_project({"a.md": DOC})
    r = cli(root, "extract", "--unit", "word")
    assert r.exit_code == 2 and "Traceback" not in r.output and "--unit" in r.output
    assert not (root / "locales").exists()


def test_project_option_from_elsewhere(make_project, cli, tmp_path):
    root = make_project({"a.md": DOC}, locales=["fr"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ok(cli(elsewhere, "extract", "-C", str(root)))
    ok(cli(elsewhere, "update", "--project", str(root)))
    r = cli(elsewhere, "compile", "-C", str(root))
    ok(r)
    assert "locales/fr/LC_MESSAGES/a.mo" in r.stdout
    assert (root / "locales" / "fr" / "LC_MESSAGES" / "a.mo").is_file()


def test_reports_name_each_file_and_what_happened(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"])
    r = cli(root, "extract")
    assert r.stdout.strip() == "locales/a.pot: 8 messages (written)"
    r = cli(root, "update")
    assert r.stdout.strip() == ("locales/es/LC_MESSAGES/a.po: 8 messages: 0 kept, 0 fuzzy-matched, 8 new, 0 obsolete "
                                "(written)")
    r = cli(root, "compile")
    assert r.stdout.strip() == "locales/es/LC_MESSAGES/a.mo: 0 translations (written)"


def test_update_only_the_requested_locale(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es", "ca"])
    ok(cli(root, "extract"))
    ok(cli(root, "update", "-l", "ca"))
    files = snapshot(root)
    assert "locales/ca/LC_MESSAGES/a.po" in files and "locales/es/LC_MESSAGES/a.po" not in files


def test_no_fuzzy_matching_flag(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"])
    ok(cli(root, "extract"))
    ok(cli(root, "update"))
    path = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
    cat = polib.pofile(str(path))
    for e in cat:
        e.msgstr = "ES " + e.msgid
    cat.save(str(path))
    (root / "source_docs" / "a.md").write_text(DOC.replace("Stop slowly.", "Stop very slowly."), encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update", "--no-fuzzy-matching"))
    e = polib.pofile(str(path)).find("Stop very slowly.")
    assert e.msgstr == "" and not e.fuzzy
