"""Whole-article QA (round 8): correct human translations of the bundled articles that were blocked.

A translator translated every entry of both articles into fr, pt_BR, es and ca;
these are the sentences the checks wrongly stopped, checked with the project's
real glossary (its hedge and claim lists), plus the reversals found beside them.
"""

from __future__ import annotations

import pytest

from l10n.checks import check_catalog
from test_checks_realglossary import GLOSSARY
from test_checks_support import make_po

STILL = "The antidepressant and analgesic effects of kratom are still being studied."
POTENTIAL = "Learn about its potential risks."
VARY = "Although the response may vary, effects can take 30 minutes to appear."

CASES = [
    # hedges as translators write them: plurals, subjunctives, "à l'étude" with an adverb in it
    ("fr", STILL, "Les effets antidépresseurs et analgésiques du kratom sont toutefois encore à l'étude.", ()),
    ("fr", STILL, "Les effets antidépresseurs et analgésiques du kratom sont toujours à l'étude.", ()),
    ("fr", STILL, "Les effets antidépresseurs et analgésiques du kratom font encore l'objet d'études.", ()),
    ("pt_BR", STILL, "Os efeitos antidepressivos e analgésicos do kratom continuam em estudo.", ()),
    ("es", STILL, "Los efectos antidepresivos y analgésicos del kratom aún se investigan.", ()),
    ("ca", STILL, "Els efectes antidepressius i analgèsics del kratom encara s'estudien.", ()),
    ("es", POTENTIAL, "Infórmese sobre sus posibles riesgos.", ()),
    ("pt_BR", POTENTIAL, "Informe-se sobre os seus possíveis riscos.", ()),
    ("fr", POTENTIAL, "Renseignez-vous sur ses risques possibles.", ()),
    ("pt_BR", VARY, "Embora a resposta varie, os efeitos podem levar 30 minutos para aparecer.", ()),
    ("es", VARY, "Aunque la respuesta varíe, los efectos pueden tardar 30 minutos en aparecer.", ()),
    # a claim word that claims nothing
    ("fr", "Talk to a health professional, of course.", "Parlez-en, bien sûr, à un professionnel de santé.", ()),
    # the time as readers say it
    ("fr", "Effects can take 30 minutes to appear.", "Les effets peuvent mettre une demi-heure à apparaître.", ()),
    ("pt_BR", "Effects can take 30 minutes to appear.", "Os efeitos podem levar meia hora para aparecer.", ()),
    ("es", "Effects can take 15 minutes to appear.", "Los efectos pueden tardar un cuarto de hora en aparecer.", ()),
    # reversals next to them are still caught
    ("fr", "Do not mix kratom with alcohol.", "Rien ne vous empêche de mélanger le kratom avec de l'alcool.",
     ("L10N311",)),
    ("es", "Do not mix kratom with alcohol.", "Nada le impide mezclar el kratom con alcohol.", ("L10N311",)),
    ("fr", STILL, "Les effets antidépresseurs et analgésiques du kratom sont toujours prouvés.",
     ("L10N312", "L10N313")),
]


@pytest.mark.parametrize("locale,source,translation,codes", CASES)
def test_whole_article_round(locale, source, translation, codes):
    found = check_catalog(make_po([(source, translation)]), locale=locale, glossary=GLOSSARY)
    got = tuple(sorted({f.code for f in found if f.code.startswith("L10N3")}))
    assert got == codes, [f.message for f in found]
