"""`l10n verify` against an attacker who also recomputed the manifest's hashes."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.support.publish import AR, ES, translate  # noqa: F401
from tests.support.publish import DOC_HTML, DOC_MD
from tests.support.publish import project  # noqa: F401
from tests.support.verify import DISC_ES, published  # noqa: F401
from tests.support.verify_tamper import (  # noqa: F401  (shared with other test modules)
    _edit,
    _rehash,
    machine,
)


def test_unlisted_file_is_reported(published, cli):  # noqa: F811
    (published / "dist" / "es" / "evil.html").write_text("<p>buy now</p>", encoding="utf-8")
    (published / "dist" / "de").mkdir()
    (published / "dist" / "de" / "x.md").write_text("x", encoding="utf-8")
    r = cli(published, "verify")
    assert r.exit_code == 1
    assert "es/evil.html: L10N810" in r.stderr and "de/x.md: L10N810" in r.stderr


def test_report_html_and_manifest_are_not_unlisted(published, cli):  # noqa: F811
    assert cli(published, "report").exit_code == 0
    r = cli(published, "verify")
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("css", [
    "[data-disclaimer]{display:none}",
    "span[data-disclaimer=\"not-advice\"] { visibility: hidden }",
    "@media screen { main p { opacity: 0 } }",
    "* { font-size: 0 }",
    "p{color:red}/* x */ span { font-size:0px; }",
    "[\\64 ata-disclaimer]{display:none}",
    "main > p:first-of-type ~ p span, .nothing {display : none !important}",
])
def test_style_rule_hiding_a_disclaimer_is_reported(published, cli, css):  # noqa: F811
    _edit(published, "es/water.html", "</head>", f"<style>{css}</style></head>")
    r = cli(published, "verify")
    assert r.exit_code == 1, r.output
    assert "L10N806" in r.stderr and "es/water.html" in r.stderr and "L10N802" not in r.stderr


def test_style_rule_not_matching_the_disclaimer_is_fine(published, cli):  # noqa: F811
    _edit(published, "es/water.html", "</head>", "<style>.ad, #promo, h3 {display:none} p{opacity:0.9}</style></head>")
    r = cli(published, "verify")
    assert r.exit_code == 0, r.output


def test_added_external_stylesheet_is_reported(published, cli):  # noqa: F811
    _edit(published, "es/water.html", "</head>", '<link rel="stylesheet" href="https://evil.example/x.css"></head>')
    _edit(published, "es/sleep.html", "</head>", "<style>@import url(x.css);</style></head>")
    r = cli(published, "verify")
    assert r.exit_code == 1
    assert "es/water.html: L10N811" in r.stderr and "es/sleep.html: L10N811" in r.stderr


def test_stylesheet_present_at_build_is_not_reported(project, cli):  # noqa: F811
    page = DOC_HTML.replace("</head>", '<link rel="stylesheet" href="site.css">\n</head>')
    root = project(locales=("es",), docs={"water.md": DOC_MD, "sleep.html": page})
    translate(root, "es", ES)
    assert cli(root, "build").exit_code == 0
    manifest = json.loads((root / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["locales"]["es"]["documents"]["sleep.html"]["stylesheets"] == {"es/sleep.html": ["site.css"]}
    assert cli(root, "verify").exit_code == 0


@pytest.mark.parametrize("name,how", [("water.html", "remove"), ("sleep.html", "remove"), ("water.md", "remove"),
                                      ("water.html", "hide"), ("water.html", "edit")])
def test_machine_translation_notice_tampering_is_reported(machine, cli, name, how):
    from l10n.publish.build import mt_notice

    notice = mt_notice("es")
    path = f"es/{name}"
    text = (machine / "dist" / path).read_text(encoding="utf-8")
    if how == "remove":
        start = text.index("<p data-l10n-notice") if name.endswith(".html") else text.index("*" + notice)
        end = text.index("</p>", start) + 4 if name.endswith(".html") else text.index(notice) + len(notice) + 1
        _edit(machine, path, text[start:end], "")
    elif how == "hide":
        _edit(machine, path, "<p data-l10n-notice", '<p style="display:none" data-l10n-notice')
    else:
        _edit(machine, path, notice, "Reviewed by a doctor.")
    r = cli(machine, "verify")
    assert r.exit_code == 1, r.output
    assert f"{path}: L10N809" in r.stderr and "L10N802" not in r.stderr
