"""A minus sign is part of the number (L10N301): "-20 °C" is not "20 °C"; a hyphen is not a minus."""

from __future__ import annotations

import pytest

from tests.support.checks import pair_findings

CASES = [
    ("es", "Store it at -20 °C.", "Guárdelo a 20 °C.", ("L10N301",)),          # the minus dropped
    ("fr", "Store it at −20 °C.", "Conservez-le à 20 °C.", ("L10N301",)),       # U+2212 dropped
    ("es", "Store it at 4 °C.", "Guárdelo a -4 °C.", ("L10N301",)),             # a minus added
    ("es", "Take ½ mg.", "Tome ½ g.", ("L10N302",)),  # a number that is only a fraction sign is a number
    ("es", "Take 2.500 mg.", "Tome 2.500 mg.", ("L10N301",)),  # copied: 2.5 mg to English readers, 2500 to Spanish
    ("es", "Store it below –20 °C.", "Guárdelo por debajo de 20 °C.", ("L10N301",)),  # en dash as minus
    ("es", "A change of -2.5 points.", "Un cambio de 2,5 puntos.", ("L10N301",)),
    # controls: the same sign, either character, and hyphens that are not signs
    ("es", "Store it at -20 °C.", "Guárdelo a −20 °C.", ()),
    ("es", "A change of -2.5 points.", "Un cambio de -2,5 puntos.", ()),
    ("es", "Effects last 12-48 hours.", "Los efectos duran 12-48 horas.", ()),
    ("es", "Effects last 12-48 hours.", "Los efectos duran de 12 a 48 horas.", ()),
    ("es", "Ages 5 -10 years.", "Edades de 5 a 10 años.", ()),
    ("fr", "Since COVID-19, fewer visits.", "Depuis la COVID-19, moins de visites.", ()),
    ("es", "Store it below -20 °C.", "Guárdelo a 20 grados bajo cero.", ()),     # the minus in words
    ("fr", "Store it below -20 °C.", "Conservez-le à moins 20 °C.", ()),
    ("es", "It contains (-)-7-hydroxymitragynine.", "Contiene 7-hidroximitraginina.", ()),
    ("es", "Keep it at 15 °C -25 °C.", "Manténgalo entre 15 °C y 25 °C.", ()),
    ("es", "Take 5 mg +/-1 mg.", "Tome 5 mg ± 1 mg.", ()),
    # "at least", "less": not minus signs
    ("es", "Wait at least 20 minutes.", "Espere al menos 20 minutos.", ()),
    ("es", "Wait at least 20 minutes.", "Espere por lo menos 20 minutos.", ()),
    ("fr", "Wait at least 20 minutes.", "Attendez au moins 20 minutes.", ()),
    ("pt_BR", "Wait at least 20 minutes.", "Espere pelo menos 20 minutos.", ()),
    ("es", "It costs 20 euros less.", "Cuesta menos 20 euros.", ()),
    ("es", "Of 10 tests, 3 negative and 7 positive.", "De 10 pruebas, 3 negativos y 7 positivos.", ()),
    ("es", "Start low (2 g) and wait.", "Empiece con poco –2 g– y espere.", ()),
    ("pt_BR", "Keep it at least at 20 °C.", "Mantenha ao menos 20 °C.", ()),
    ("es", "Take 2 tablets in the morning.", "–2 comprimidos por la mañana.", ()),  # a dash as a bullet
]


@pytest.mark.parametrize("locale,source,translation,codes", CASES)
def test_minus_signs(locale, source, translation, codes):
    got, messages = pair_findings(locale, source, translation, "L10N30")
    assert got == codes, messages
