"""The real Apertium on both bundled articles, into Spanish and Catalan."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from l10n.project import read_catalog
from l10n.translate import is_machine_translation
from tests.support.paths import ROOT

pytestmark = [pytest.mark.apertium, pytest.mark.skipif(shutil.which("apertium") is None,
                                                       reason="apertium not installed")]

SMALL_GLOSSARY = """\
terms:
  - {source: Mitragyna speciosa, kind: botanical, keep: true}
  - {source: mitragynine, kind: compound, keep: true}
  - {source: 7-hydroxymitragynine, kind: compound, keep: true}
  - source: opioid receptor
    kind: pharmacology
    variants: [opioid receptors]
    targets:
      es: {text: receptor opioide, forms: [receptor opioide, receptores opioides]}
      ca: {text: receptor opioide, forms: [receptor opioide, receptors opioides]}
  - source: withdrawal symptoms
    kind: medical
    targets: {es: síntomas de abstinencia, ca: símptomes d'abstinència}
"""


def _has_pair(pair: str) -> bool:
    r = subprocess.run(["apertium", "-u", pair], input=b"dog\n", capture_output=True)
    return r.returncode == 0


@pytest.mark.parametrize("locale", ["es", "ca"])
def test_bundled_articles_through_apertium(make_project, cli, locale):
    pair = {"es": "eng-spa", "ca": "eng-cat"}[locale]
    if not _has_pair(pair):
        pytest.skip(f"apertium pair {pair} not installed")
    real = (ROOT / "glossary.yaml").is_file()
    locales = ("es", "ca", "fr", "pt_BR", "ar") if real else (locale,)  # the real glossary needs them all
    root = make_project(bundled=True, locales=locales, glossary=True if real else SMALL_GLOSSARY)
    r = cli(root, "extract")
    assert r.exit_code == 0, r.output
    assert cli(root, "update", "-l", locale).exit_code == 0
    folder = root / "locales" / locale / "LC_MESSAGES"
    before = {p.name: {(e.msgctxt, e.msgid): e.msgstr for e in read_catalog(p)} for p in folder.glob("*.po")}
    r = cli(root, "translate", "-l", locale, "-p", "apertium")
    assert r.exit_code == 0, r.output
    from l10n.config import load_settings
    from l10n.glossary import load_glossary

    settings = load_settings(root)
    glossary = load_glossary(settings.glossary, settings)
    translated = 0
    for path in folder.glob("*.po"):
        for e in read_catalog(path):
            key = (e.msgctxt, e.msgid)
            if (e.msgctxt or "").startswith("disclaimer:"):
                assert e.msgstr == before[path.name][key] and not is_machine_translation(e)  # untouched
                continue
            assert e.msgstr, f"untranslated: {e.msgid}"
            translated += is_machine_translation(e)
            assert e.msgid.count("Mitragyna speciosa") == e.msgstr.count("Mitragyna speciosa"), e.msgstr
            for mark in ("*", "<i>", "</i>", "<b>", "https://www.samhsa.gov/find-help"):
                assert e.msgid.count(mark) == e.msgstr.count(mark), (mark, e.msgstr)
            for hit in glossary.find_terms(e.msgid):
                target = hit.term.target(locale)
                if hit.term.keeps(locale):
                    assert hit.matched in e.msgstr, (hit.matched, e.msgstr)  # never translated
                elif target is not None:  # the approved translation, in one of its accepted forms
                    forms = {f.lower() for f in (target.text, *target.forms)}
                    assert any(f in e.msgstr.lower() for f in forms), (hit.matched, forms, e.msgstr)
    assert translated > 50
    # a second run sends nothing
    r = cli(root, "translate", "-l", locale, "-p", "apertium", "--dry-run")
    assert "would send 0 segments, 0 characters" in r.stdout
