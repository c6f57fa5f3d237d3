"""Numbers and units (L10N301-L10N303) as readers read them: units behind punctuation, ranges, local numbers.

From the fifth to eighth QA passes (the tests were in test_qa_round5.py and test_qa_round8.py).
"""

from __future__ import annotations

import pytest

from l10n.checks import check_catalog
from tests.support.checks import make_po, pair_findings, standin_glossary
from tests.support.checks_realglossary import GLOSSARY

WAIT_SRC = "Effects may take 30 minutes to appear."

FR_HEADER = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n > 1);"}
WAIT_FR = "Effects may take 30 minutes to appear."
RANGE = "Withdrawal symptoms may start within 12 to 48 hours."


@pytest.mark.parametrize("source,target,bad", [
    (WAIT_FR, "Les effets peuvent mettre 30 « heures » à apparaître.", True),
    (WAIT_FR, "Les effets peuvent mettre 30 (heures) à apparaître.", True),
    (WAIT_FR, "Les effets peuvent mettre 30 minutes à apparaître.", False),
    (RANGE, "Les symptômes de sevrage peuvent apparaître dans les 12 jours à 48 heures.", True),
    (RANGE, "Les symptômes de sevrage peuvent apparaître dans les 12 à 48 heures.", False),
    (RANGE, "Les symptômes de sevrage peuvent apparaître entre 12 heures et 48 heures.", False),
])
def test_units_behind_punctuation_and_at_the_start_of_a_range(source, target, bad):
    po = make_po([(source, target)], header=FR_HEADER)
    codes = {f.code for f in check_catalog(po, locale="fr", glossary=standin_glossary())}
    assert ("L10N302" in codes) is bad, codes


@pytest.mark.parametrize("source,target,code", [
    (WAIT_SRC, "Los efectos pueden tardar 30.000 minutos en aparecer.", "L10N301"),
    (WAIT_SRC, "Los efectos pueden tardar 30 seg en aparecer.", "L10N302"),
])
def test_qa_round7_spanish(source, target, code):
    found = check_catalog(make_po([(source, target)]), locale="es", glossary=standin_glossary())
    assert code in {f.code for f in found}, [f"{f.code} {f.message}" for f in found]


@pytest.mark.parametrize("source,target", [
    ("Take 2.5 g.", "Tome 2,5 g."),
    ("Take 2.5 g.", "Tome 2.5 g."),           # the source's spelling kept: the locale cannot read it otherwise
    ("Do not drive.", "No conduzca."),
    ("Never mix them.", "No los mezcle nunca."),
])
def test_qa_round7_controls(source, target):
    found = check_catalog(make_po([(source, target)]), locale="es", glossary=standin_glossary())
    assert not {f.code for f in found} & {"L10N301", "L10N302", "L10N303"}, \
        [f"{f.code} {f.message}" for f in found]


LOCAL = [
    # an emergency number put in place of the source's, or added (local numbers of the glossary's rules)
    ("pt_BR", "Call emergency services now.", "Ligue já para o serviço de emergência (SAMU 192).", ()),
    ("es", "Call 911 now.", "Llame al 112 ahora.", ()),
    ("fr", "Call 911 now.", "Appelez le 15 maintenant.", ()),
    # a local number with a unit is a number like any other
    ("fr", "Take 16 drops.", "Prenez 15 gouttes.", ("L10N301",)),
    ("es", "Call 911 now.", "Llame al 113 ahora.", ("L10N303",)),  # not a local number of es
]


@pytest.mark.parametrize("locale,source,translation,codes", LOCAL)
def test_local_numbers(locale, source, translation, codes):
    got, messages = pair_findings(locale, source, translation, "L10N30", GLOSSARY)
    assert got == codes, messages
