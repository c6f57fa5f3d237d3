"""Coverage declared: a locale whose meaning checks cannot all run publishes no unreviewed machine translation."""

from __future__ import annotations

import json

import polib

DOC = "# Water\n\nDrink water every day.\n\nRest when you are tired.\n"
CONFIG = '\n[tool.l10n.publish]\nallow_machine_translation = ["es", "ja"]\ncompleteness_threshold = 0.5\n'
MT = {"es": {"Water": "Agua", "Drink water every day.": "Beba agua todos los días.",
             "Rest when you are tired.": "Descanse cuando esté cansado."},
      "ja": {"Water": "水", "Drink water every day.": "毎日水を飲んでください。",
             "Rest when you are tired.": "疲れたら休んでください。"}}


def _machine_translated(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es", "ja"])
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(CONFIG)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    for loc, table in MT.items():
        path = root / "locales" / loc / "LC_MESSAGES" / "a.po"
        cat = polib.pofile(str(path))
        for e in cat:
            e.msgstr = table[e.msgid]
            e.flags = ["fuzzy"]
            e.tcomment = "machine translation: test-engine, 2026-12-04"
        cat.save()
    return root


def test_unverified_locale_publishes_no_machine_translation(make_project, cli):
    root = _machine_translated(make_project, cli)
    res = cli(root, "build")
    assert res.exit_code == 0, res.output  # not ready is not an error
    assert (root / "dist" / "es" / "a.md").is_file()          # es: every meaning check runs
    assert "Beba agua" in (root / "dist" / "es" / "a.md").read_text(encoding="utf-8")
    assert not (root / "dist" / "ja").exists()                  # ja: meaning unverified, machine output held
    manifest = json.loads((root / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["locales"]["es"]["meaning"] == {"status": "meaning verified", "not_checked": []}
    assert manifest["articles"]["ja"]["a.md"]["status"] == "not ready"


def test_status_and_dashboard_say_which_checks_run(make_project, cli):
    root = _machine_translated(make_project, cli)
    rows = json.loads(cli(root, "status", "--format", "json").stdout)
    assert {r["locale"]: r["meaning"] for r in rows} == {"es": "meaning verified", "ja": "meaning unverified"}
    assert cli(root, "report", "-o", "report.html").exit_code == 0
    page = (root / "report.html").read_text(encoding="utf-8")
    assert "unverified: " in page and "negation" in page and "verified</span>" in page


def test_reviewed_translation_of_an_unverified_locale_is_published(make_project, cli):
    root = _machine_translated(make_project, cli)
    path = root / "locales" / "ja" / "LC_MESSAGES" / "a.po"
    cat = polib.pofile(str(path))
    for e in cat:  # a translator reviewed it
        e.flags, e.tcomment = [], ""
    cat.save()
    assert cli(root, "build").exit_code == 0
    assert "毎日水を飲んでください。" in (root / "dist" / "ja" / "a.md").read_text(encoding="utf-8")
