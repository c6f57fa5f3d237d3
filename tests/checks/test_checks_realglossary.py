"""The checks with the project's REAL glossary.yaml (not the stand-in of test_checks_support).

Approved disclaimer translations pass; edited, missing, fuzzy, English, stale
and negation-dropped disclaimers fail, for every disclaimer and locale the
glossary defines; ``l10n extract && l10n update && l10n check`` on the bundled
articles reports no error.
"""

from __future__ import annotations

import copy
from pathlib import Path

import polib
import pytest

from l10n.checks import check_catalog
from l10n.config import load_settings
from l10n.glossary import load_glossary, parse_glossary
from l10n.glossary.yamlio import read_yaml
from tests.support.checks import make_po
from tests.support.checks_realglossary import (  # noqa: F401  (shared with other test modules)
    DEFECTS,
    GLOSSARY,
    LOCALES,
    NEGATION,
    PAIRS,
    ROOT,
    SETTINGS,
    _approved,
    _codes,
    _corpus,
    _corpus_run,
    _edited,
    _entry,
    _header,
    _run,
    _without_translation,
)


def test_real_glossary_has_disclaimers_for_every_locale():
    assert {loc for _, loc in PAIRS} == set(LOCALES)
    assert "not-medical-advice" in {d for d, _ in PAIRS}


@pytest.mark.parametrize("did,locale", PAIRS)
def test_approved_translation_passes(did, locale):
    findings = _run(did, locale, [_entry(did, _approved(did, locale))])
    assert findings == [], [f"{f.code} {f.message}" for f in findings]


@pytest.mark.parametrize("did,locale", PAIRS)
def test_approved_translation_rewrapped_passes(did, locale):
    import unicodedata

    text = unicodedata.normalize("NFD", _approved(did, locale)).replace(" ", "\n", 3)
    assert _run(did, locale, [_entry(did, text)]) == []


@pytest.mark.parametrize("did,locale", PAIRS)
@pytest.mark.parametrize("defect", list(DEFECTS))
def test_defect_is_critical(defect, did, locale):
    make, code = DEFECTS[defect]
    findings = _run(did, locale, make(did, locale))
    assert code in _codes(findings), [f"{f.code} {f.message}" for f in findings]
    assert all(not f.suppressible for f in findings if f.code.startswith("L10N7"))


@pytest.mark.parametrize("locale", LOCALES)
def test_dropped_negation_is_caught(locale):
    text = _approved("not-medical-advice", locale)
    neg = NEGATION[locale]
    assert neg in text
    findings = _run("not-medical-advice", locale, [_entry("not-medical-advice", text.replace(neg, "", 1))])
    assert "L10N704" in _codes(findings)


@pytest.mark.parametrize("locale", LOCALES)
def test_stale_approval_falls_back_to_required_wording_and_negations(locale):
    g = _without_translation(locale)
    text = _approved("not-medical-advice", locale)
    ok = _run("not-medical-advice", locale, [_entry("not-medical-advice", text)], glossary=g)
    assert _codes(ok) == {"L10N706"}, [f"{f.code} {f.message}" for f in ok]
    bad = _run("not-medical-advice", locale,
               [_entry("not-medical-advice", text.replace(NEGATION[locale], "", 1))], glossary=g)
    assert "L10N705" in _codes(bad), [f"{f.code} {f.message}" for f in bad]


def test_bundled_articles_check_clean_after_update(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    r = cli(root, "check", "--format", "json")
    assert r.exit_code == 0, r.output
    import json

    report = json.loads(r.stdout)
    codes = {f["code"] for f in report["findings"]}
    assert codes <= {"L10N201"}, sorted(codes - {"L10N201"})
    assert all(f["severity"] == "warning" for f in report["findings"])
    # untranslated entries are reported, disclaimers filled from the glossary are not
    assert not any(f["msgctxt"] and f["msgctxt"].startswith("disclaimer:") for f in report["findings"])

    # tamper with one approved disclaimer: critical, exit 1
    po_path = root / "locales" / "es" / "LC_MESSAGES" / "kratom-addiction-treatment.po"
    po = polib.pofile(str(po_path))
    e = next(x for x in po if x.msgctxt == "disclaimer:further-study-dosage")
    e.msgstr = e.msgstr.replace("Se necesitan más estudios para optimizar", "Hay que optimizar")
    po.save(str(po_path))
    r = cli(root, "check", "-l", "es", "--format", "json")
    assert r.exit_code == 1
    bad = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "L10N704"]
    assert bad and bad[0]["severity"] == "critical" and bad[0]["msgctxt"] == "disclaimer:further-study-dosage"


@pytest.mark.parametrize("seg", _corpus().SEGMENTS, ids=lambda s: s["source"][:40])
def test_corpus_control_is_clean_with_real_glossary(seg):
    findings = _corpus_run(seg["source"], seg["control"])
    assert findings == [], [f"{f.code} {f.message}" for f in findings]


@pytest.mark.parametrize("seg,defect", _corpus().DEFECTS, ids=[d["name"] for _, d in _corpus().DEFECTS])
def test_corpus_defect_is_caught_with_real_glossary(seg, defect):
    findings = _corpus_run(seg["source"], defect["target"])
    assert defect["code"] in _codes(findings), [f"{f.code} {f.message}" for f in findings]


def test_hedge_moved_to_another_sentence_is_caught():
    # "varía" (a hedge in the real glossary's es rules) in sentence 1 must not hide the dropped
    # "further study is needed" of sentence 2.
    src = ("However, legal statuses differ worldwide, creating skepticism despite its promising outcomes in some "
           "cases. Further study is needed to optimize dosage and efficacy while minimizing adverse effects.")
    tgt = ("Sin embargo, su situación legal varía en todo el mundo, lo que genera escepticismo pese a sus resultados "
           "prometedores en algunos casos. Hay que optimizar la dosis y la eficacia y reducir al mínimo los efectos "
           "adversos.")
    findings = _corpus_run(src, tgt)
    assert [f.message for f in findings if f.code == "L10N312"][0].startswith("sentence 2")
