"""Negations, hedges and claims (L10N311-L10N313) as the fifth and sixth QA passes found them (test_qa_round5.py)."""

from __future__ import annotations

from l10n.checks import check_catalog
from tests.support.checks import make_po, standin_glossary

FR_HEADER = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n > 1);"}


def test_french_person_is_not_a_negation():
    # "Toute personne peut mélanger…" (anyone may mix) reverses "Do not mix"
    po = make_po([("Do not mix kratom with alcohol.", "Toute personne peut mélanger le kratom avec de l'alcool.")],
                 header={"Language": "fr", "Content-Type": "text/plain; charset=UTF-8",
                         "Plural-Forms": "nplurals=2; plural=(n > 1);"})
    found = check_catalog(po, locale="fr", glossary=standin_glossary())
    assert "L10N311" in {f.code for f in found}
    ok = make_po([("No one should mix it.", "Personne ne devrait le mélanger.")],
                 header={"Language": "fr", "Content-Type": "text/plain; charset=UTF-8",
                         "Plural-Forms": "nplurals=2; plural=(n > 1);"})
    assert "L10N311" not in {f.code for f in check_catalog(ok, locale="fr", glossary=standin_glossary())}


def test_may_turned_into_a_certainty_is_an_inflated_claim():
    # QA round 6: the hedge count survives ("peut" for "can"), but "may lead" became "always leads"
    source = "Kratom can cause dependence: daily use may lead to tolerance and withdrawal symptoms."
    target = ("Le kratom peut entraîner une dépendance : l'usage quotidien entraîne forcément une tolérance et des "
              "symptômes de sevrage.")
    po = make_po([(source, target)], header=FR_HEADER)
    codes = {f.code for f in check_catalog(po, locale="fr", glossary=standin_glossary())}
    assert "L10N313" in codes, codes
