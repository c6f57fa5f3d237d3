"""Shared by the tests: what checks/test_checks_tamper.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations


import polib
import pytest
import yaml

from l10n.checks import check_catalog
from tests.support.checks import DID, DISCLAIMER_EN, DISCLAIMER_ES, make_po, standin_glossary
from tests.support import paths

CORPUS = yaml.safe_load((paths.CASES / "checks" / "tamper.yaml").read_text(encoding="utf-8"))
SEGMENTS = CORPUS["segments"]
DEFECTS = [(seg, d) for seg in SEGMENTS for d in seg["defects"]]
GLOSSARY = standin_glossary()


def _entry(source: str, target: str) -> polib.POEntry:
    flags = ["python-format"] if "%(" in source else []
    return polib.POEntry(msgid=source, msgstr=target, flags=flags, occurrences=[("doc.md", "1")])


def _run(entries, **kw):
    return check_catalog(make_po(entries), locale="es", glossary=kw.pop("glossary", GLOSSARY), **kw)


# -- disclaimers -------------------------------------------------------------------------------------------------

def _disclaimer(msgstr=DISCLAIMER_ES, flags=(), n_refs=1, ctxt=f"disclaimer:{DID}"):
    return polib.POEntry(msgctxt=ctxt, msgid=DISCLAIMER_EN, msgstr=msgstr, flags=list(flags),
                         occurrences=[("kratom-harm-reduction.html", f"p{i}") for i in range(n_refs)])


def _template(n_refs=1):
    pot = make_po([_disclaimer("", n_refs=n_refs), _entry("Warning signs", "")])
    return pot


DISCLAIMER_CASES = {
    "missing": ([_entry("Warning signs", "Señales de alarma")], {}, "L10N701"),
    "lost its context": ([_entry("Warning signs", "Señales de alarma"), _disclaimer(ctxt=None)], {}, "L10N701"),
    "fewer occurrences": ([_entry("Warning signs", "Señales de alarma"), _disclaimer()], {"n_refs": 2}, "L10N701"),
    "untranslated": ([_entry("Warning signs", "Señales de alarma"), _disclaimer("")], {}, "L10N702"),
    "English copy": ([_entry("Warning signs", "Señales de alarma"), _disclaimer(DISCLAIMER_EN)], {}, "L10N702"),
    "fuzzy": ([_entry("Warning signs", "Señales de alarma"), _disclaimer(flags=["fuzzy"])], {}, "L10N703"),
    "edited": ([_entry("Warning signs", "Señales de alarma"),
                _disclaimer(DISCLAIMER_ES.replace("es fundamental", "puede ser útil"))], {}, "L10N704"),
    "word dropped": ([_entry("Warning signs", "Señales de alarma"),
                      _disclaimer(DISCLAIMER_ES.replace(" especializados", ""))], {}, "L10N704"),
}
