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
from tests.support.checks import make_po, pair_findings

CASES = [
    # a dose written in words that the source does not give, or gives differently
    ("es", "Take it with water.", "Tómelo con tres gramos de agua.", ("L10N303",)),
    ("es", "Take the tablets with water.", "Tome tres comprimidos con agua.", ("L10N303",)),
    ("es", "Take two tablets.", "Tome cuatro comprimidos.", ("L10N301",)),
    ("fr", "Take two tablets.", "Prenez trois comprimés.", ("L10N301",)),
    ("pt_BR", "Take two tablets.", "Tome três comprimidos.", ("L10N301",)),
    ("ca", "Take two tablets.", "Preneu tres comprimits.", ("L10N301",)),
    ("es", "Do not take more than two doses a day.", "No tome más de tres dosis al día.", ("L10N301",)),
    ("es", "Drink two liters of water a day.", "Beba tres litros de agua al día.", ("L10N301",)),
    ("es", "Take it twice a day.", "Tómelo tres veces al día.", ("L10N301",)),
    ("fr", "Take it twice a day.", "Prenez-le une fois par jour.", ("L10N301",)),
    ("es", "Take one dose every four hours.", "Tome una dosis cada ocho horas.", ("L10N301",)),
    ("es", "Take 2 tablets 3 times a day.", "Tome 3 comprimidos 2 veces al día.", ("L10N302",)),  # swapped
    ("es", "Take a tablet.", "Tome tres tabletas.", ("L10N303",)),
    # QA round 3: a weak word of the translation does not stand in for a dropped number of another unit
    ("es", "Wait at least 1 hour between doses.", "Espere un tiempo entre dosis.", ("L10N301",)),
    ("es", "Take 1 tablet with a glass of water.", "Tome comprimidos con un vaso de agua.", ("L10N301",)),
    ("es", "Do not take it for 2 days; both are risky.", "No lo tome durante días; ambos son arriesgados.",
     ("L10N301",)),
    # ... and weak words or multipliers left alone on each side with the same unit are a change
    ("es", "Take half a tablet.", "Tome un comprimido.", ("L10N301",)),
    ("es", "Take one tablet.", "Tome los dos comprimidos.", ("L10N301",)),
    ("es", "The risk is three times higher.", "El riesgo es cuatro veces mayor.", ("L10N301",)),
    ("es", "Repeat the dose two more times.", "Repita la dosis tres veces más.", ("L10N303",)),
    ("es", "Take one tablet.", "Tome dos comprimidos.", ("L10N303",)),
    ("es", "Two hundred fifty milligrams.", "Cincuenta miligramos.", ("L10N301",)),
    # a number changed into different words
    ("es", "Take 5 g a day.", "Tome seis gramos al día.", ("L10N301",)),
    ("fr", "Do not take more than 4 mg.", "Ne prenez pas plus de quarante mg.", ("L10N301",)),
    ("es", "Take five grams a day.", "Tome seis gramos al día.", ("L10N301",)),
    ("es", "Take 5 mg a day.", "Tome cinco al día.", ("L10N302",)),  # the unit dropped
    ("es", "Wait 25 minutes.", "Espere veinticinco horas.", ("L10N302",)),
    ("es", "Take 2 capsules every 4 hours.", "Tome 4 cápsulas cada 2 horas.", ("L10N302",)),  # swapped
    ("es", "It lasts 2 days.", "Dura 2 semanas.", ("L10N302",)),  # the unit, not the quantity
    ("es", "It lasts 2 days.", "Dura 49 horas.", ("L10N301",)),
    ("es", "Take 2 g.", "Tome 200 mg.", ("L10N301",)),
    ("es", "Take 1 tablet.", "Tome un comprimido y medio.", ("L10N301",)),
    # controls: the same number in words or digits, either way round, compounds and other forms
    ("es", "Take 5 g a day.", "Tome cinco gramos al día.", ()),
    ("es", "Take five grams a day.", "Tome 5 g al día.", ()),
    ("es", "Wait 35 minutes.", "Espere treinta y cinco minutos.", ()),
    ("fr", "Wait 25 minutes.", "Attendez vingt-cinq minutes.", ()),
    ("ca", "Wait 25 minutes.", "Espereu vint-i-cinc minuts.", ()),
    ("pt_BR", "Wait 2 hours.", "Espere duas horas.", ()),
    ("es", "Wait 21 days.", "Espere veintiún días.", ()),
    ("pt_BR", "Wait 22 hours.", "Espere vinte e duas horas.", ()),
    ("es", "Take 250 mg.", "Tome doscientos cincuenta miligramos.", ()),
    ("es", "It takes 24 hours.", "Tarda veinticuatro horas.", ()),
    ("fr", "It takes 24 hours.", "Cela prend vingt quatre heures.", ()),
    ("es", "Take 1 g.", "Tome un gramo.", ()),
    ("ca", "Wait 7 days.", "Espereu set dies.", ()),  # "set" is 7 before a unit
    ("fr", "Wait 9 days.", "Attendez neuf jours.", ()),
    ("es", "It is not 100% safe.", "No es cien por cien seguro.", ()),
    ("fr", "5% of 100 patients.", "Cinq pour cent des 100 patients.", ()),
    # controls: idioms with number words that are not the source's numbers
    ("es", "Take 2.5 mg twice.", "Tome 2,5 mg dos veces.", ()),
    ("es", "Take 2 capsules twice a day.", "Dos veces al día, tome 2 cápsulas.", ()),
    ("es", "Withdrawal lasts two weeks.", "La abstinencia dura quince días.", ()),
    ("fr", "Withdrawal lasts two weeks.", "Le sevrage dure quinze jours.", ()),
    ("es", "Take it every other day.", "Tómelo cada dos días.", ()),
    ("fr", "Take it every other day.", "Prenez-le tous les deux jours.", ()),
    ("es", "A two-week taper.", "Una reducción de dos semanas.", ()),
    ("es", "The helpline is open around the clock.", "La línea está abierta las veinticuatro horas.", ()),
    ("es", "Wait two days.", "Espere un par de días.", ()),
    ("es", "Take a tablet.", "Tome un comprimido.", ()),
    ("fr", "Both substances are risky.", "Les deux substances sont risquées.", ()),
    ("fr", "Both reported it.", "Les deux l'ont signalé.", ()),
    ("fr", "Both studies included 2 cohorts.", "Les deux études incluaient 2 cohortes.", ()),
    ("es", "Both are risky.", "Los dos son arriesgados.", ()),
    ("fr", "A new treatment.", "Un traitement neuf.", ()),
    ("ca", "A new treatment must be tested.", "Un tractament nou s'ha de provar; es deu provar.", ()),
    ("ca", "Thirst is a symptom.", "La set és un símptoma.", ()),
    ("es", "One study found it.", "Un estudio lo encontró.", ()),
    ("fr", "Two or three times a day.", "Deux ou trois fois par jour.", ()),
    # QA round 2: ranges with 1 and weak words, definite articles, multipliers, Catalan units, fractions
    ("es", "Take 1 to 2 tablets.", "Tome de uno a dos comprimidos.", ()),
    ("es", "Take one to two tablets.", "Tome 1-2 comprimidos.", ()),
    ("fr", "Take 1 or 2 tablets.", "Prenez un ou deux comprimés.", ()),
    ("es", "1 in 10 people.", "Una de cada diez personas.", ()),
    ("es", "Take 1 tablet.", "Tome una tableta.", ()),
    ("ca", "Wait 10 or 15 minutes.", "Espereu deu o quinze minuts.", ()),
    ("fr", "Wait 9 or 10 days.", "Attendez neuf ou dix jours.", ()),
    ("es", "Take two 500 mg tablets.", "Tome dos comprimidos de 500 mg.", ()),
    ("es", "Take 2 x 500 mg tablets.", "Tome 2 comprimidos de 500 mg.", ()),
    ("ca", "Take 5 mg.", "Preneu cinc mil·ligrams.", ()),
    ("ca", "Take 150 mg.", "Preneu 150 mil·ligrams.", ()),
    ("es", "Take both tablets.", "Tome los dos comprimidos.", ()),
    ("fr", "Take both doses.", "Prenez les deux doses.", ()),
    ("es", "The risk is two times higher.", "El riesgo es el doble.", ()),
    ("es", "Twice as likely.", "El doble de probable.", ()),
    ("es", "Take 150 mg.", "Tome ciento cincuenta miligramos.", ()),
    ("pt_BR", "Wait 120 minutes.", "Espere cento e vinte minutos.", ()),
    ("es", "Take half a tablet.", "Tome ½ comprimido.", ()),
    ("es", "Take 1.5 tablets.", "Tome 1½ comprimidos.", ()),
    ("es", "Take two tablets.", "Tome un par de comprimidos.", ()),
    ("es", "Withdrawal lasts two weeks.", "La abstinencia dura dos semanas.", ()),
    # QA round 3, controls: doses and times traded, spoons, fractions with a slash or in words, elisions
    ("fr", "Take it 3 times a day.", "À prendre en 3 prises par jour.", ()),
    ("fr", "Take 2 doses per day.", "Prenez-le 2 fois par jour.", ()),
    ("es", "Take 1 dose a day.", "Tómelo una vez al día.", ()),
    ("fr", "Take 2 spoons twice a day.", "Prenez deux cuillères 2 fois par jour.", ()),
    ("es", "Take two spoons twice a day.", "Tome dos veces al día dos cucharadas.", ()),
    ("es", "Take ½ tablet.", "Tome 1/2 comprimido.", ()),
    ("es", "Take ¼ teaspoon.", "Tome un cuarto de cucharadita.", ()),
    ("fr", "Use less than 1 gram.", "Utilisez moins d'un gramme.", ()),
    ("ca", "Wait more than 1 hour.", "Espereu més d'una hora.", ()),
    ("es", "Take it once or twice a day.", "Tómelo 1 o 2 veces al día.", ()),
    ("es", "The risk is two times higher.", "El riesgo es dos veces mayor.", ()),
    # the same quantity in another unit of its kind (time, mass, volume)
    ("es", "Withdrawal lasts 14 days.", "La abstinencia dura dos semanas.", ()),
    ("es", "Wait 30 minutes.", "Espere media hora.", ()),
    ("fr", "Wait 30 minutes.", "Attendez une demi-heure.", ()),
    ("pt_BR", "Wait 30 minutes.", "Espere meia hora.", ()),
    ("fr", "Wait 7 days.", "Attendez une semaine.", ()),
    ("es", "It lasts 2 days.", "Dura 48 horas.", ()),
    ("es", "Take 2 g.", "Tome 2000 mg.", ()),
    # "y medio", "et demie": the number and a half
    ("es", "Take 1.5 tablets.", "Tome un comprimido y medio.", ()),
    ("fr", "Wait 1.5 hours.", "Attendez une heure et demie.", ()),
    ("pt_BR", "Wait 1.5 hours.", "Espere uma hora e meia.", ()),
    ("es", "Wait 90 minutes.", "Espere una hora y media.", ()),
    ("es", "Take 2.5 tablets.", "Tome 2 comprimidos y medio.", ()),
]


@pytest.mark.parametrize("locale,source,translation,codes", CASES)
def test_numbers_in_words(locale, source, translation, codes):
    got, messages = pair_findings(locale, source, translation, "L10N30")
    assert got == codes, messages


def test_word_numbers_read_phrases_longest_first_with_offsets():
    text = "Tome treinta y cinco gotas, dos veces al día."
    got = [(text[s:e], v) for s, e, v, _w, _u in word_numbers(text, "es")]
    assert got == [("treinta y cinco", 35), ("dos", 2)]
    assert [v for _s, _e, v, _w, _u in word_numbers("Twenty-Five or two hundred", "en")] == [25, 200]
    # adjacent words make one number
    for lang, text, values in [("es", "doscientos cincuenta mg", [250]), ("es", "mil quinientos", [1500]),
                               ("en", "twenty four hours", [24]), ("fr", "deux cent cinquante", [250]),
                               ("fr", "vingt-et-un ou vingt et une", [21, 21]), ("ca", "vint-i-una, trenta-dues", [21, 32]),
                               ("es", "dos, tres", [2, 3])]:
        assert [v for _s, _e, v, _w, _u in word_numbers(text, lang)] == values, text
    assert [v for _s, _e, v, _w, _u in word_numbers("cinq pour cent", "fr")] == [5]
    # 1 is an article first: read, but weak (it pairs, it is never reported alone)
    assert [(v, w) for _s, _e, v, w, _u in word_numbers("un comprimido", "es")] == [(1, True)]


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
