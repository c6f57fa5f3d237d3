"""Phrases built on a negation word that say something positive are not negations (L10N311).

"Do not mix" translated "No dude en mezclar" (do not hesitate to mix) keeps one
"no" and reverses the instruction; counting words alone let it through.
"""

from __future__ import annotations

import pytest

from l10n.checks.context import PhraseCounter
from tests.support.checks import pair_findings

CASES = [
    # the prohibition turned into an encouragement
    ("es", "Do not mix kratom with alcohol.", "No dude en mezclar kratom con alcohol.", ("L10N311",)),
    ("es", "Do not mix kratom with alcohol.", "No olvide mezclar kratom con alcohol.", ("L10N311",)),
    ("fr", "Do not mix kratom with alcohol.", "N'oubliez pas de mélanger le kratom avec de l'alcool.", ("L10N311",)),
    ("fr", "Do not mix kratom with alcohol.", "N'hésitez pas à mélanger le kratom avec de l'alcool.", ("L10N311",)),
    ("ca", "Do not mix kratom with alcohol.", "No dubteu a barrejar el kratom amb alcohol.", ("L10N311",)),
    ("pt_BR", "Do not mix kratom with alcohol.", "Não hesite em misturar kratom com álcool.", ("L10N311",)),
    ("fr", "Do not mix kratom with alcohol.", "Ne manquez pas de mélanger le kratom avec de l'alcool.", ("L10N311",)),
    ("es", "Do not mix kratom with alcohol.", "No vacile en mezclar kratom con alcohol.", ("L10N311",)),
    ("pt_BR", "Do not mix kratom with alcohol.", "Não tenha medo de misturar kratom com álcool.", ("L10N311",)),
    # French "ne … pas" is one negation: the second prohibition dropped is seen
    ("fr", "Do not mix kratom with alcohol and do not drive.",
     "Ne mélangez pas le kratom avec l'alcool et conduisez.", ("L10N311",)),
    ("fr", "Never use alone and never drive.", "Ne consommez jamais seul et conduisez ensuite.", ("L10N311",)),
    # QA round 3: words that look like a negation but are not ("sin embargo", "n'importe", "ne … que",
    # an expletive "ne"), so a dropped prohibition beside them is seen
    ("es", "However, do not mix it with alcohol.", "Sin embargo, mézclelo con alcohol.", ("L10N311",)),
    ("es", "However, do not mix it with alcohol.", "No obstante, mézclelo con alcohol.", ("L10N311",)),
    ("ca", "However, do not mix it with alcohol.", "No obstant això, barregeu-lo amb alcohol.", ("L10N311",)),
    ("fr", "Do not buy it from just any shop.", "Achetez-le dans n'importe quelle boutique.", ("L10N311",)),
    ("fr", "Take only one capsule and do not drive.", "Ne prenez qu'une gélule et conduisez.", ("L10N311",)),
    ("fr", "Do not drive until it wears off.", "Conduisez avant que l'effet ne disparaisse.", ("L10N311",)),
    # controls: the idiom on both sides, or beside a real negation, or a phrase that is also a prohibition
    ("es", "Don't hesitate to call your doctor.", "No dude en llamar a su médico.", ()),
    ("fr", "Do not hesitate to call your doctor.", "N'hésitez pas à appeler votre médecin.", ()),
    ("es", "Remember to drink water.", "No olvide beber agua.", ()),
    ("es", "Do not forget to drink water.", "No olvide beber agua.", ()),
    ("es", "Do not hesitate to call, and do not mix.", "No dude en llamar y no mezcle.", ()),
    ("es", "Not only kratom but also alcohol.", "No solo el kratom sino también el alcohol.", ()),
    ("es", "Do not stop taking it suddenly.", "No deje de tomarlo de golpe.", ()),
    ("fr", "Do not mix kratom with alcohol.", "Ne mélangez pas le kratom avec de l'alcool.", ()),
    ("fr", "Do not mix kratom with alcohol and do not drive.",
     "Ne mélangez pas le kratom avec l'alcool et ne conduisez pas.", ()),
    ("fr", "No alcohol.", "Pas d'alcool.", ()),
    ("es", "Never forget: do not mix.", "Recuerde siempre: no mezcle.", ()),
    # an idiom's words across punctuation are not the idiom ("Si no, olvide": "if not, forget")
    ("es", "Did you take it? If not, forget the missed dose.", "¿La tomó? Si no, olvide la dosis omitida.", ()),
    ("pt_BR", "If not, forget the missed dose.", "Se não, esqueça a dose perdida.", ()),
    ("es", "Is it safe alone? No, only with someone present.", "¿Es seguro solo? No, solo con alguien presente.", ()),
    ("fr", "Is it safe alone? No, only under supervision.", "Est-ce sûr seul ? Non, seulement sous surveillance.", ()),
    # QA round 3: "ne … pas" pairs only within a clause; "ne … plus/rien" end a pair; idioms that need a word after
    ("fr", "Don't take any more. No alcohol.", "N'en prenez plus. Pas d'alcool.", ()),
    ("fr", "Do not mix it with anything, not even coffee.", "Ne le mélangez avec rien, pas même avec du café.", ()),
    ("fr", "Nobody should use it alone. Not even once.",
     "Personne ne devrait le consommer seul. Pas même une fois.", ()),
    ("fr", "Do not drive anymore; not tonight.", "Ne conduisez plus ; pas ce soir.", ()),
    ("es", "Do not delay seeking help.", "No tarde en pedir ayuda.", ()),
    ("fr", "Do not delay seeking help.", "Ne tardez pas à demander de l'aide.", ()),
    ("pt_BR", "Do not delay seeking help.", "Não demore a pedir ajuda.", ()),
    ("fr", "Do not deprive yourself of sleep.", "Ne vous privez pas de sommeil.", ()),
    ("es", "Use it with others, not alone.", "Consúmalo acompañado, no solo.", ()),
    ("es", "Not alone.", "No solo.", ()),
    ("fr", "Take only one capsule.", "Ne prenez qu'une gélule.", ()),
]


@pytest.mark.parametrize("locale,source,translation,codes", CASES)
def test_negation_idioms(locale, source, translation, codes):
    got, messages = pair_findings(locale, source, translation, "L10N311")
    assert got == codes, messages


def test_neutral_phrases_are_matched_whole_and_not_counted():
    counter = PhraseCounter(["no", "not"], neutral=["no dude en", "don't hesitate"])
    assert counter.find("No dude en llamar, pero no mezcle.") == ["no"]
    assert counter.find("No dude: no.") == ["no", "no"]  # not the whole idiom: both count
