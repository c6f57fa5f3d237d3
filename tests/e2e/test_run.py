"""Tests of `l10n run`, end to end with the offline pseudo provider."""

from __future__ import annotations

import json

import pytest

from tests.support.publish import DOC_HTML, DOC_MD, translate

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
    # the disclaimer is never machine-translated: the en_XA preview cannot be built until it is reviewed;
    # a pseudo-locale is a preview, never published, so that is reported but not an error (es is simply
    # untranslated: reported, not an error either)
    assert r.exit_code == 0, r.output
    assert "en_XA" in r.stdout and "not built" in r.stdout and "dashboard:" in r.stdout
    assert "no machine-translation engine" in r.stdout  # es: needs human translation
    assert (root / "dist" / "report.html").is_file()
    assert not (root / "dist" / "en_XA").exists() and not (root / "dist-preview" / "en_XA").exists()
    assert cli(root, "run", "-l", "en_XA").exit_code == 1  # asked for by name and not built: an error

    translate(root, "en_XA", {"This is not medical advice.": "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé."})
    r = cli(root, "run")
    assert r.exit_code == 0, r.output
    # built for preview, in its own folder with its own manifest: never in dist/ nor its manifest
    page = (root / "dist-preview" / "en_XA" / "water.html").read_text(encoding="utf-8")
    assert 'lang="en-XA"' in page and 'data-l10n-notice="machine-translation"' in page
    assert "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé." in page and "Drink water." not in page
    assert not (root / "dist" / "en_XA").exists()
    manifest = json.loads((root / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert "en_XA" not in manifest["locales"] and "en_XA" not in manifest.get("articles", {})
    preview = json.loads((root / "dist-preview" / "manifest.json").read_text(encoding="utf-8"))
    assert preview["preview"] is True
    assert preview["locales"]["en_XA"]["documents"]["water.md"]["machine_translation"] > 0.5
    assert cli(root, "verify").exit_code == 0
    assert cli(root, "verify", str(root / "dist-preview")).exit_code == 0
