"""What the checks read (l10n.checks.context.plain_text) must be what readers see (the fifth QA pass)."""

from __future__ import annotations

import pytest

from l10n.checks import check_catalog
from l10n.checks.context import plain_text
from tests.support.checks import make_po, standin_glossary

WAIT_SRC = "Effects may take 30 minutes to appear."


@pytest.mark.parametrize("source,target,code", [
    # a character reference is the character a browser shows: &#30; is an invisible control, not "30"
    (WAIT_SRC, "Los efectos pueden tardar trescientos&#30; minutos en aparecer.", "L10N301"),
    # &ni; is "∋", not the Spanish/French word "ni": the negation is gone
    ("Do not mix kratom with alcohol.", "Mezcle kratom con alcohol &ni; benzodiacepinas.", "L10N311"),
    # "< 5 minutes ->" is text to a browser, not a tag: the added number is seen
    (WAIT_SRC, "Los efectos pueden tardar 30 minutos (si nada tras < 5 minutos -> repita).", "L10N303"),
    # superscript and fraction digits are numbers to a reader
    (WAIT_SRC, "Los efectos pueden tardar 30 minutos en aparecer; luego tome ¹⁰⁰ g.", "L10N303"),
    (WAIT_SRC, "Los efectos pueden tardar 30 minutos en aparecer; luego tome ½ sobre.", "L10N303"),
    # a Markdown image's alt text is not read in the sentence: the hedge is gone
    ("Research suggests that kratom may help.", "La investigación sugiere que el kratom ![podría](k.svg) ayuda.",
     "L10N312"),
])
def test_checks_read_what_readers_see(source, target, code):
    found = check_catalog(make_po([(source, target)]), locale="es", glossary=standin_glossary())
    assert code in {f.code for f in found}, [f"{f.code} {f.message}" for f in found]


def test_plain_text_decodes_every_reference_and_keeps_lone_angle_brackets():
    assert plain_text("a &#51;0 b &eacute; &ni; c") == "a 30 b é ∋ c"
    assert plain_text("x&#30;y") == "xy"
    assert plain_text("if < 5 min -> again, <b>now</b>") == "if < 5 min -> again, now"
    assert plain_text("the ![leaf](k.svg) and [link](#a)") == "the   and link"
