"""Shared by the tests: what checks/test_checks_realglossary.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import copy

import polib
import pytest

from l10n.checks import check_catalog
from l10n.config import load_settings
from l10n.glossary import load_glossary, parse_glossary
from l10n.glossary.yamlio import read_yaml
from tests.support.checks import make_po
from tests.support.paths import ROOT

SETTINGS = load_settings(ROOT)
GLOSSARY = load_glossary(ROOT / "glossary.yaml", SETTINGS)
LOCALES = list(SETTINGS.locales)
PAIRS = [(d.id, loc) for d in GLOSSARY.disclaimers for loc in LOCALES if d.approved_for(loc) is not None]
#: a negation word of each locale that the not-medical-advice translation carries
NEGATION = {"es": "no ", "ca": "no ", "fr": "ne ", "pt_BR": "não ", "ar": "لا "}


def _header(locale: str) -> dict[str, str]:
    from tests.support.checks import HEADER
    from l10n.catalogs.plurals import plural_forms

    return {**HEADER, "Language": locale, "Language-Team": locale, "Plural-Forms": plural_forms(locale)}


def _entry(did: str, msgstr: str, flags=(), ctxt: str | None = "") -> polib.POEntry:
    d = GLOSSARY.disclaimer(did)
    return polib.POEntry(msgctxt=f"disclaimer:{did}" if ctxt == "" else ctxt, msgid=d.text, msgstr=msgstr,
                         flags=list(flags), occurrences=[("doc.md", "1")])


def _run(did: str, locale: str, entries, glossary=GLOSSARY):
    template = make_po([_entry(did, "")], header=_header(locale))
    return check_catalog(make_po(entries, header=_header(locale)), locale=locale, glossary=glossary,
                         template=template)


def _codes(findings):
    return {f.code for f in findings}


def _approved(did: str, locale: str) -> str:
    return GLOSSARY.disclaimer(did).approved_for(locale).text


def _edited(text: str) -> str:
    words = text.split()
    i = len(words) // 2
    return " ".join(words[:i] + words[i + 1:])


DEFECTS = {
    "edited": (lambda did, loc: [_entry(did, _edited(_approved(did, loc)))], "L10N704"),
    "missing": (lambda did, loc: [], "L10N701"),
    "context lost": (lambda did, loc: [_entry(did, _approved(did, loc), ctxt=None)], "L10N701"),
    "untranslated": (lambda did, loc: [_entry(did, "")], "L10N702"),
    "English": (lambda did, loc: [_entry(did, GLOSSARY.disclaimer(did).text)], "L10N702"),
    "fuzzy": (lambda did, loc: [_entry(did, _approved(did, loc), flags=["fuzzy"])], "L10N703"),
}


def _without_translation(locale: str):
    """The real glossary with the approved ``locale`` translation of not-medical-advice made stale."""
    data, lines = read_yaml((ROOT / "glossary.yaml").read_text(encoding="utf-8"), "glossary.yaml")
    data = copy.deepcopy(data)
    for d in data["disclaimers"]:
        if d["id"] == "not-medical-advice":
            d["translations"][locale]["source_sha256"] = "0" * 64
    return parse_glossary(data, locales=SETTINGS.locales, source_language="en", lines=lines)


# -- the tamper corpus with the real glossary ------------------------------------------------------------------

def _corpus():
    from tests.support import checks_tamper as T

    return T


def _corpus_run(source: str, target: str):
    T = _corpus()
    return T._run([T._entry(source, target)], glossary=GLOSSARY)
