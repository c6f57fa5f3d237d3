"""CLI details of status / report / run / build / verify found in review."""

from __future__ import annotations

import pytest

from tests.support.publish import ES, translate
from tests.support.publish import project  # noqa: F401


def test_status_table_headers_are_not_broken_when_piped(project, cli):  # noqa: F811
    root = project()
    translate(root, "es", ES)
    r = cli(root, "status")
    assert r.exit_code == 0
    header = next(line for line in r.stdout.splitlines() if "locale" in line)
    for word in ("reviewed", "untranslated", "published", "disclaimers", "status"):
        assert word in header


def test_status_unknown_locale_without_catalogs(project, cli):  # noqa: F811
    root = project()
    r = cli(root, "status", "-l", "de")
    assert r.exit_code == 2 and "not configured and has no catalogs" in r.stderr


def test_status_configured_locale_without_catalogs(project, cli):  # noqa: F811
    root = project(locales=("es", "ar", "fr"))
    for po in (root / "locales" / "fr").rglob("*.po"):
        po.unlink()
    r = cli(root, "status", "-l", "fr")
    assert r.exit_code == 0 and "fr: no catalogs yet" in r.stderr


def test_build_names_only_built_locales(project, cli):  # noqa: F811
    root = project()
    translate(root, "es", ES)
    r = cli(root, "build", "-l", "ar")
    assert r.exit_code == 1 and "no locale built" in r.stdout and "file(s) written" not in r.stdout
    r = cli(root, "build")
    assert "es: " in r.stdout and "file(s) written" in r.stdout
    assert "ar: NOT BUILT" in r.stderr
    assert "more reasons)" in r.stderr or "more reason)" in r.stderr
    assert "1 more reasons" not in r.stderr
    # every failing document is named, with its own completeness
    assert "water.md (" in r.stderr and "sleep.html (" in r.stderr


def test_verify_missing_folder(project, cli, tmp_path):  # noqa: F811
    root = project()
    r = cli(root, "verify", str(tmp_path / "nonexist"))
    assert r.exit_code == 2 and "does not exist" in r.stderr


def test_report_without_l_matches_run(make_project, cli):
    pytest.importorskip("l10n.translate")
    from tests.support.publish import DOC_HTML, DOC_MD

    root = make_project({"water.md": DOC_MD, "sleep.html": DOC_HTML}, locales=("es",))
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[tool.l10n.engines]\nen_XA = "pseudo"\n\n[tool.l10n.publish]\n'
                 'allow_machine_translation = ["en_XA"]\n')
    cli(root, "run")
    translate(root, "en_XA", {"This is not medical advice.": "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé."})
    r = cli(root, "run")
    assert r.exit_code == 0, r.output
    assert "· check" in r.stderr and "catalog(s) checked" in r.stderr
    after_run = (root / "dist" / "report.html").read_bytes()
    assert b'data-locale="en_XA"' in after_run and b"(en_XA) (en_XA)" not in after_run
    assert cli(root, "report").exit_code == 0
    assert (root / "dist" / "report.html").read_bytes() == after_run
