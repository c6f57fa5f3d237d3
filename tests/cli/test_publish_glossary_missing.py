"""A glossary configured in pyproject but absent stops every publishing command (exit 2)."""

from __future__ import annotations

import pytest

from tests.support.publish import ES, translate
from tests.support.publish import project  # noqa: F401


@pytest.fixture
def built(project, cli):  # noqa: F811
    root = project(locales=("es", "ca"))
    translate(root, "es", ES)
    translate(root, "ca", ES)  # any text will do: the point is that ca is published
    assert cli(root, "build").exit_code == 0
    return root


@pytest.mark.parametrize("command", [("build",), ("status",), ("report",), ("run",), ("verify",)])
def test_configured_missing_glossary_is_exit_2(built, cli, command):
    text = (built / "pyproject.toml").read_text(encoding="utf-8")
    (built / "pyproject.toml").write_text(text.replace("[tool.l10n]\n", '[tool.l10n]\nglossary = "glossary.yaml"\n', 1),
                                          encoding="utf-8")
    r = cli(built, *command)
    assert r.exit_code == 2, r.output
    assert "glossary not found" in r.stderr
    assert (built / "dist" / "es" / "water.html").is_file() and (built / "dist" / "ca" / "water.html").is_file()


def test_build_one_locale_says_what_it_did(built, cli):
    translate(built, "es", {"This is not medical advice.": "Esto no es un consejo médico."},
              fuzzy=("This is not medical advice.",))
    r = cli(built, "build", "-l", "es")
    assert r.exit_code == 1
    assert "nothing published" not in r.stdout
    assert "es: not built" in r.stdout and "no locale built" in r.stdout and "still publishes ca" in r.stdout
    assert (built / "dist" / "ca" / "water.html").is_file() and not (built / "dist" / "es").exists()
