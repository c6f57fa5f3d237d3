"""Tests of `l10n run`, end to end with the offline pseudo provider."""

from __future__ import annotations

import json

import pytest

from tests.test_publish import DOC_HTML, DOC_MD, translate

pytest.importorskip("l10n.translate")

CONFIG = """
[tool.l10n.engines]
en_XA = "pseudo"

[tool.l10n.publish]
allow_machine_translation = ["en_XA"]
"""


def test_run_pseudo_locale_end_to_end(make_project, cli):
    root = make_project({"water.md": DOC_MD, "sleep.html": DOC_HTML}, locales=("es",))
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(CONFIG)
    r = cli(root, "run")
    # the disclaimer is never machine-translated: en_XA cannot be published until it is reviewed
    assert r.exit_code == 1, r.output
    assert "en_XA" in r.stdout and "not built" in r.stdout and "dashboard:" in r.stdout
    assert "no machine-translation engine" in r.stdout  # es: needs human translation
    assert (root / "dist" / "report.html").is_file()
    assert not (root / "dist" / "en_XA").exists()

    translate(root, "en_XA", {"This is not medical advice.": "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé."})
    r = cli(root, "run")
    assert r.exit_code == 0, r.output  # es is simply untranslated: reported, not an error
    page = (root / "dist" / "en_XA" / "water.html").read_text(encoding="utf-8")
    assert 'lang="en-XA"' in page and 'data-l10n-notice="machine-translation"' in page
    assert "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé." in page and "Drink water." not in page
    manifest = json.loads((root / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["locales"]) == {"en_XA"}
    assert manifest["locales"]["en_XA"]["documents"]["water.md"]["machine_translation"] > 0.5
    assert cli(root, "verify").exit_code == 0
