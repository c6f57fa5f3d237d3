"""Tests of `l10n build`: copies, policy, manifest, determinism (mini projects)."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.model import Document, Segment
from l10n.publish.build import build_document, mt_notice, page_problems
from l10n.publish.policy import PublishPolicy, parse_policy
from l10n.errors import ConfigError
from tests.support.publish import (  # noqa: F401  (shared with other test modules)
    AR,
    DOC_HTML,
    DOC_MD,
    ES,
    SVG,
    _mini_doc,
    _seg,
    project,
    translate,
)


def test_build_writes_copies_pages_mo_and_manifest(project, cli):
    root = project()
    translate(root, "es", ES)
    translate(root, "ar", AR)
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    dist = root / "dist"
    md = (dist / "es" / "water.md").read_text(encoding="utf-8")
    assert md.startswith("# Agua\n")
    assert '<span data-disclaimer="not-advice">Esto no es un consejo médico.</span>' in md
    page = (dist / "es" / "water.html").read_text(encoding="utf-8")
    assert '<html lang="es" dir="ltr">' in page and '<meta charset="utf-8">' in page
    # heading ids are the source slugs, so the contents link keeps working
    assert '<h2 id="rest-well">Descanse bien</h2>' in page and 'href="#rest-well"' in page
    sleep_ar = (dist / "ar" / "sleep.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in sleep_ar and '<meta charset="utf-8">' in sleep_ar
    assert '<p><span data-disclaimer="not-advice">هذه ليست نصيحة طبية.</span></p>' in sleep_ar
    assert 'alt="قمر"' in sleep_ar
    assert (dist / "ar" / "images" / "moon.svg").read_text(encoding="utf-8") == SVG
    assert (dist / "es" / "LC_MESSAGES" / "water.mo").is_file()
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    doc = manifest["locales"]["es"]["documents"]["water.md"]
    assert doc["completeness"] == 1.0 and doc["machine_translation"] == 0.0
    assert set(doc["files"]) == {"es/water.md", "es/water.html", "es/LC_MESSAGES/water.mo"}
    assert doc["catalog"]["path"] == "locales/es/LC_MESSAGES/water.po" and doc["catalog"]["revision"]
    assert len(doc["disclaimers"]["not-advice"]["sha256"]) == 64
    assert manifest["version"] and manifest["locales"]["ar"]["dir"] == "rtl"


def test_every_page_reparses_cleanly_and_mo_has_only_published(project, cli):
    root = project()
    translate(root, "es", ES, stale={"Drink water."})
    (root / "pyproject.toml").open("a").write("\n[tool.l10n.publish]\ncompleteness_threshold = 0.5\n")
    assert cli(root, "build", "-l", "es").exit_code == 0
    for page in (root / "dist").rglob("*.html"):
        problems, tree = page_problems(page.read_bytes(), page.name)
        assert problems == [] and tree is not None
    mo = polib.mofile(str(root / "dist" / "es" / "LC_MESSAGES" / "water.mo"))
    assert {e.msgid for e in mo} >= {"Water"} and "Drink water." not in {e.msgid for e in mo}


def test_build_is_deterministic(project, cli):
    root = project()
    translate(root, "es", ES)
    translate(root, "ar", AR)
    assert cli(root, "build").exit_code == 0
    first = {p: p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()}
    r = cli(root, "build")
    assert r.exit_code == 0 and "0 file(s) written" in r.stdout
    assert {p: p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()} == first


def test_stale_translation_is_never_published(project, cli):
    root = project(publish="completeness_threshold = 0.5\nallow_machine_translation = true")
    translate(root, "es", ES, stale={"Drink water."})
    assert cli(root, "build", "-l", "es").exit_code == 0
    md = (root / "dist" / "es" / "water.md").read_text(encoding="utf-8")
    assert "Drink water." in md and "Beba agua." not in md


def test_below_threshold_locale_not_built_others_are(project, cli):
    root = project()
    translate(root, "es", ES, skip={"Drink water.", "Sleep at night."})
    translate(root, "ar", AR)
    r = cli(root, "build")
    assert r.exit_code == 0  # not translated enough yet: reported, not an error (issue 12.9)
    assert "es: NOT BUILT" in r.stderr and "completeness threshold" in r.stderr
    assert not (root / "dist" / "es").exists() and (root / "dist" / "ar" / "water.html").is_file()
    assert set(json.loads((root / "dist" / "manifest.json").read_text())["locales"]) == {"ar"}
    assert cli(root, "build", "-l", "es").exit_code == 1  # but a locale asked for by name that has nothing built is


def test_untranslated_segment_falls_back_above_threshold(project, cli):
    root = project(publish="completeness_threshold = 0.7")
    translate(root, "es", ES, skip={"Sleep at night."})
    assert cli(root, "build", "-l", "es").exit_code == 0
    assert "<p>Sleep at night.</p>" in (root / "dist" / "es" / "sleep.html").read_text(encoding="utf-8")


def test_broken_disclaimer_locale_not_built_and_old_output_removed(project, cli):
    root = project()
    translate(root, "es", ES)
    translate(root, "ar", AR)
    assert cli(root, "build").exit_code == 0
    assert (root / "dist" / "es" / "water.html").is_file()
    translate(root, "es", {"This is not medical advice.": ""}, fuzzy=())  # translator blanked it
    r = cli(root, "build")
    assert r.exit_code == 1
    assert "es: NOT BUILT" in r.stderr and "not-advice" in r.stderr
    assert not (root / "dist" / "es").exists()
    assert (root / "dist" / "ar" / "water.html").is_file()


def test_disclaimer_with_broken_markup_is_an_error_not_a_page(project, cli):
    root = project(locales=("es",))
    translate(root, "es", ES | {"Sleep at night.": "Duerma <b>de noche.</i>"})
    r = cli(root, "build")
    assert r.exit_code == 1 and ("markup" in r.stderr or "tags differ" in r.stderr), r.stderr
    # per article: the broken one is held back, the other article of the locale stays published
    assert not (root / "dist" / "es" / "sleep.html").exists()
    assert (root / "dist" / "es" / "water.html").is_file()


def test_machine_translation_published_only_when_allowed_with_banner():
    doc, po = _mini_doc()
    allowed = build_document(doc, po, locale="es", policy=PublishPolicy(True, 0.5), is_mt=lambda e: True)
    md = allowed.files["a.md"].decode()
    assert md.startswith(f"*{mt_notice('es')}*\n\n# Hola") and "Cuídese." in md
    assert 'data-l10n-notice="machine-translation"' in allowed.files["a.html"].decode()
    assert allowed.machine_share == 0.5
    denied = build_document(doc, po, locale="es", policy=PublishPolicy(False, 0.5), is_mt=lambda e: True)
    assert "Take care." in denied.files["a.md"].decode() and mt_notice("es") not in denied.files["a.md"].decode()
    only_fr = build_document(doc, po, locale="es", policy=PublishPolicy(frozenset({"fr"}), 0.5),
                             is_mt=lambda e: True)
    assert "Cuídese." not in only_fr.files["a.md"].decode()
    plain_fuzzy = build_document(doc, po, locale="es", policy=PublishPolicy(True, 0.5), is_mt=lambda e: False)
    assert "Cuídese." not in plain_fuzzy.files["a.md"].decode()


def test_machine_notice_in_each_language():
    assert mt_notice("ar") != mt_notice("en") and mt_notice("fr").startswith("Cette page")
    assert mt_notice("ca") != mt_notice("es") and mt_notice("en_XA") != mt_notice("en")
    assert mt_notice("de") == mt_notice("en")


def test_standard_notice_ends_every_copy():
    from l10n.publish.build import Notice

    doc, po = _mini_doc()
    po[1].flags = []
    copy = build_document(doc, po, locale="es", policy=PublishPolicy(),
                          notices=(Notice("not-medical-advice", "Not advice.", "No es consejo."),))
    page = copy.files["a.html"].decode()
    assert page.rstrip().endswith('<aside data-disclaimer="not-medical-advice" role="note">No es consejo.</aside>\n'
                                  '</body>\n</html>')
    assert copy.files["a.md"].decode().endswith('<span data-disclaimer="not-medical-advice">No es consejo.</span>\n')
    missing = build_document(doc, po, locale="es", policy=PublishPolicy(),
                             notices=(Notice("not-medical-advice", "Not advice.", None),))
    assert not missing.ok and "no approved translation" in missing.problems[0]


def test_policy_config_errors():
    with pytest.raises(ConfigError, match="unknown key"):
        parse_policy({"allow_mt": True})
    with pytest.raises(ConfigError, match="allow_machine_translation"):
        parse_policy({"allow_machine_translation": "yes"})
    assert parse_policy({}).completeness_threshold == 0.9


def test_bad_policy_is_one_line_error(project, cli):
    root = project(publish="completeness_threshold = 7")
    r = cli(root, "build")
    assert r.exit_code == 2 and "completeness_threshold" in r.stderr and "Traceback" not in r.output
