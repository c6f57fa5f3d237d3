"""L10N503 (forbidden translation) with the REAL glossary.yaml.

"opiáceos" is forbidden for "opioid" but approved for "opiate": it is fine where
the source has "opiate", and only as many times as the source has it.
"""

from __future__ import annotations


import pytest

from l10n.checks import check_catalog
from l10n.config import parse_settings
from l10n.glossary import load_glossary
from tests.support.checks import make_po
from tests.support.paths import ROOT

SETTINGS = parse_settings({"locales": ["es", "ca", "fr", "pt_BR", "ar"]}, ROOT)
GLOSSARY = load_glossary(ROOT / "glossary.yaml", SETTINGS)

SOURCE = ("The active compounds within kratom interact with the body’s opioid receptors, "
          "providing effects similar to opiate drugs but with less severe side effects.")
GOOD_ES = ("Los compuestos activos del kratom interactúan con los receptores opioides del cuerpo, "
           "proporcionando efectos similares a los fármacos opiáceos pero con efectos secundarios menos graves.")


def _codes(msgid: str, msgstr: str, locale: str = "es") -> list[str]:
    po = make_po([(msgid, msgstr)])
    return [f.code for f in check_catalog(po, locale=locale, glossary=GLOSSARY, select={"L10N503"})]


def test_word_approved_for_another_source_term_is_not_forbidden() -> None:
    assert _codes(SOURCE, GOOD_ES) == []


@pytest.mark.parametrize("msgid, msgstr", [
    # no "opiate" in the source: the forbidden rendering of "opioid receptors"
    ("Kratom binds to opioid receptors.", "El kratom se une a los receptores opiáceos."),
    # "opioid" rendered with the word for "opiate"
    ("Kratom is not an opioid.", "El kratom no es un opiáceo."),
    # one "opiate" in the source excuses one "opiáceos", not the wrong rendering of "opioids" as well
    ("Unlike opiate drugs, kratom is not like other opioids.",
     "A diferencia de los fármacos opiáceos, el kratom no es como otros opiáceos."),
])
def test_forbidden_word_still_flagged(msgid: str, msgstr: str) -> None:
    assert _codes(msgid, msgstr) == ["L10N503"]


def test_excuse_does_not_apply_to_the_term_itself() -> None:
    # the source has only "opioid"; its own forbidden word is never excused by itself
    assert _codes("Kratom is an opioid receptor agonist, like an opioid.",
                  "El kratom es un agonista del receptor opiáceo, como un opiáceo.") == ["L10N503", "L10N503"]
