"""Tests of `l10n verify`: tampering with a published folder is caught."""

from __future__ import annotations

import pytest

from tests.support.publish import AR, ES, translate  # noqa: F401  (fixtures reuse)
from tests.support.publish import project  # noqa: F401
from tests.support.verify import (  # noqa: F401  (shared with other test modules)
    DISC_ES,
    _edit,
    published,
)


def test_clean_folder_verifies(published, cli):
    r = cli(published, "verify")
    assert r.exit_code == 0 and "0 problem(s)" in r.stdout


@pytest.mark.parametrize("name,old,new,code", [
    ("es/water.html", DISC_ES, "", "L10N803"),
    ("es/water.html", "Esto no es un consejo médico.", "Esto es un consejo médico.", "L10N804"),
    ("es/water.html", "Esto no es un consejo médico.", "This is not medical advice.", "L10N805"),
    ("es/water.html", '<span data-disclaimer="not-advice">', '<span hidden data-disclaimer="not-advice">', "L10N806"),
    ("es/water.html", '<span data-disclaimer="not-advice">',
     '<span style="display: none" data-disclaimer="not-advice">', "L10N806"),
    ("es/water.html", DISC_ES, f"<!-- {DISC_ES} -->", "L10N806"),
    ("es/sleep.html", '<p><span data-disclaimer', '<p style="color:red;display:none"><span data-disclaimer', "L10N806"),
    ("es/water.md", "Esto no es un consejo médico.", "This is not medical advice.", "L10N805"),
])
def test_tampered_disclaimer_is_reported(published, cli, name, old, new, code):
    _edit(published, name, old, new)
    r = cli(published, "verify")
    assert r.exit_code == 1
    assert code in r.stderr and "L10N802" in r.stderr and name in r.stderr


def test_tampered_file_and_missing_file(published, cli):
    (published / "dist" / "ar" / "images" / "moon.svg").write_text("<svg/>", encoding="utf-8")
    (published / "dist" / "es" / "LC_MESSAGES" / "sleep.mo").unlink()
    r = cli(published, "verify")
    assert r.exit_code == 1 and "L10N802" in r.stderr and "L10N801" in r.stderr


def test_verify_outside_a_project_uses_the_manifest_only(published, cli, tmp_path):
    import shutil

    public = tmp_path / "public"
    shutil.copytree(published / "dist", public)
    assert cli(tmp_path, "verify", str(public)).exit_code == 0
    page = public / "es" / "water.html"
    page.write_text(page.read_text(encoding="utf-8").replace(DISC_ES, ""), encoding="utf-8")
    assert cli(tmp_path, "verify", str(public)).exit_code == 1


def test_catalog_changed_since_build_is_a_warning(published, cli):
    translate(published, "es", {"Drink water.": "Tome agua."})
    r = cli(published, "verify")
    assert r.exit_code == 0 and "L10N808" in r.stdout


def test_not_a_published_folder(published, cli, tmp_path):
    r = cli(published, "verify", str(tmp_path))
    assert r.exit_code == 2 and "manifest" in r.stderr
    (tmp_path / "manifest.json").write_text("{oops", encoding="utf-8")
    r = cli(published, "verify", str(tmp_path))
    assert r.exit_code == 2 and "manifest.json:1" in r.stderr
