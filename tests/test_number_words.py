"""Numbers written in words are numbers (L10N30x): "cinco gramos" is 5 g, "trois heures" is 3 hours.

Each row is (locale, source, translation, expected number codes). Rows with
``()`` are controls: correct translations that must stay clean, including
the words that look like numbers but are not ("both" -> "les deux",
"twice" -> "dos veces", Catalan "nou" = new, "deu" = must, "set" = thirst).
"""

from __future__ import annotations

import pytest

from l10n.checks import check_catalog
from l10n.checks.numwords import lexicon, word_numbers
from test_checks_support import make_po

CASES = [
    # a dose or time written in words that the source does not give
    ("es", "Take it with water.", "Tómelo con tres gramos de agua.", ("L10N303",)),
    ("fr", "Effects appear within hours.", "Les effets apparaissent en trois heures.", ("L10N303",)),
    ("pt_BR", "Wait before the next dose.", "Espere duas horas antes da próxima dose.", ("L10N303",)),
    ("ca", "Wait before the next dose.", "Espereu dues hores abans de la dosi següent.", ("L10N303",)),
    # a number changed into different words
    ("es", "Take 5 g a day.", "Tome seis gramos al día.", ("L10N301",)),
    ("fr", "Do not take more than 4 mg.", "Ne prenez pas plus de quarante mg.", ("L10N301",)),
    ("es", "Take five grams a day.", "Tome seis gramos al día.", ("L10N301",)),
    ("es", "Take 5 mg a day.", "Tome cinco al día.", ("L10N302",)),  # the unit dropped
    ("es", "Wait 25 minutes.", "Espere veinticinco horas.", ("L10N302",)),
    # controls: the same number in words or digits, either way round
    ("es", "Take 5 g a day.", "Tome cinco gramos al día.", ()),
    ("es", "Take five grams a day.", "Tome 5 g al día.", ()),
    ("es", "Wait 35 minutes.", "Espere treinta y cinco minutos.", ()),
    ("fr", "Wait 25 minutes.", "Attendez vingt-cinq minutes.", ()),
    ("ca", "Wait 25 minutes.", "Espereu vint-i-cinc minuts.", ()),
    ("pt_BR", "Wait 2 hours.", "Espere duas horas.", ()),
    ("es", "Take 2.5 mg twice.", "Tome 2,5 mg dos veces.", ()),
    ("fr", "Both substances are risky.", "Les deux substances sont risquées.", ()),
    ("es", "Both are risky.", "Los dos son arriesgados.", ()),
    ("fr", "A new treatment.", "Un traitement neuf.", ()),
    ("ca", "A new treatment must be tested.", "Un tractament nou s'ha de provar; es deu provar.", ()),
    ("ca", "Thirst is a symptom.", "La set és un símptoma.", ()),
    ("es", "One study found it.", "Un estudio lo encontró.", ()),
    ("fr", "Two or three times a day.", "Deux ou trois fois par jour.", ()),
]


@pytest.mark.parametrize("locale,source,translation,codes", CASES)
def test_numbers_in_words(locale, source, translation, codes):
    found = check_catalog(make_po([(source, translation)]), locale=locale, glossary=None)
    got = tuple(sorted({f.code for f in found if f.code.startswith("L10N30")}))
    assert got == codes, [f.message for f in found]


def test_word_numbers_read_phrases_longest_first_with_offsets():
    text = "Tome treinta y cinco gotas, dos veces al día."
    got = [(text[s:e], v) for s, e, v in word_numbers(text, "es")]
    assert got == [("treinta y cinco", 35), ("dos", 2)]
    assert [v for _s, _e, v in word_numbers("Twenty-Five or two hundred", "en")] == [25, 200]
    # between the hundreds, a number is read as its parts: an added "doscientos cincuenta mg" is still seen
    assert [v for _s, _e, v in word_numbers("doscientos cincuenta mg", "es")] == [200, 50]
    assert list(word_numbers("un comprimido, una vez", "es")) == []  # 1 is an article first


def test_a_language_num2words_does_not_know_has_no_number_words():
    assert lexicon("xx") is None
    assert list(word_numbers("dos tres", "xx")) == []


def test_the_whole_catalog_pass_finds_every_entry_with_number_words():
    # an entry without digits is checked only when the trigger pass finds a number word in it
    po = make_po([("Take it with water.", "Tómelo con agua."),
                  ("Take it with water!", "Tómelo con ｔｒｅｓ gramos de agua."),  # full-width: NFKC
                  ("Take it slowly.", "Tómelo despacio.")])
    found = check_catalog(po, locale="es", glossary=None)
    assert [(f.msgid, f.code) for f in found if f.code.startswith("L10N30")] == [
        ("Take it with water!", "L10N303")]


def test_messages_give_the_value_of_a_number_in_words():
    found = check_catalog(make_po([("Take 5 g a day.", "Tome seis gramos al día.")]), locale="es", glossary=None)
    assert [f.message for f in found if f.code == "L10N301"] == ["number 5 g became seis (6) g"]
