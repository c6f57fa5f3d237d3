"""The tamper corpus: every injected defect caught, no control flagged."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
import yaml

from l10n.checks import check_catalog
from tests.support.checks import DID, DISCLAIMER_EN, DISCLAIMER_ES, make_po, standin_glossary
from tests.support.checks_tamper import (  # noqa: F401  (shared with other test modules)
    CORPUS,
    DEFECTS,
    DISCLAIMER_CASES,
    GLOSSARY,
    SEGMENTS,
    _disclaimer,
    _entry,
    _run,
    _template,
)


@pytest.mark.parametrize("seg", SEGMENTS, ids=lambda s: s["source"][:40])
def test_control_is_clean(seg):
    findings = _run([_entry(seg["source"], seg["control"])])
    assert findings == [], [f"{f.code} {f.message}" for f in findings]


@pytest.mark.parametrize("seg,defect", DEFECTS, ids=[d["name"] for _, d in DEFECTS])
def test_defect_is_caught(seg, defect):
    findings = _run([_entry(seg["source"], defect["target"])])
    assert defect["code"] in {f.code for f in findings}, [f"{f.code} {f.message}" for f in findings]


def test_whole_corpus_as_one_catalog_is_clean():
    assert _run([_entry(s["source"], s["control"]) for s in SEGMENTS]) == []


def test_disclaimer_control_is_clean():
    # whitespace and Unicode normalisation: NFD and a line break still equal the approved text
    import unicodedata

    text = unicodedata.normalize("NFD", DISCLAIMER_ES).replace(" para ", "\n para ")
    po = [_entry("Warning signs", "Señales de alarma"), _disclaimer(text)]
    assert _run(po, template=_template()) == []


@pytest.mark.parametrize("name", list(DISCLAIMER_CASES))
def test_disclaimer_defect(name):
    entries, kw, code = DISCLAIMER_CASES[name]
    findings = _run(entries, template=_template(**kw))
    assert code in {f.code for f in findings}, [f"{f.code} {f.message}" for f in findings]
    assert all(not f.suppressible for f in findings if f.code.startswith("L10N7"))


def test_disclaimer_without_approved_translation_needs_required_wording():
    g = standin_glossary(approved=False, required=("es fundamental consultar",))
    ok = _run([_disclaimer()], glossary=g, template=make_po([_disclaimer("")]))
    assert ok == []
    bad = _run([_disclaimer(DISCLAIMER_ES.replace("es fundamental", "conviene"))], glossary=g,
               template=make_po([_disclaimer("")]))
    assert {f.code for f in bad} == {"L10N705"}


def test_stale_disclaimer_approval():
    g = standin_glossary(stale=True)
    codes = {f.code for f in _run([_disclaimer()], glossary=g)}
    assert "L10N706" in codes


def test_disclaimer_negation_kept_without_glossary_translation():
    src = "This leaflet is not medical advice and does not replace a doctor."
    e = polib.POEntry(msgctxt="disclaimer:not-advice", msgid=src,
                      msgstr="Este folleto es consejo médico y sustituye a un médico.")
    codes = {f.code for f in _run([e], glossary=None)}
    assert "L10N705" in codes and "L10N311" in codes
    e.msgstr = "Este folleto no es consejo médico y no sustituye a un médico."
    assert _run([e], glossary=None) == []
