"""'not more than N' said as 'N or less' / 'less than or equal to N' carries the negation lexically."""

from __future__ import annotations

import polib
import pytest

from l10n.checks import check_catalog


def _negation_errors(locale: str, source: str, translation: str) -> bool:
    po = polib.POFile()
    po.metadata = {"Language": locale, "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=source, msgstr=translation, occurrences=[("a.md", "1")]))
    return any(f.code == "L10N311" for f in check_catalog(polib.pofile(po.__unicode__()), locale=locale,
                                                          glossary=None))


@pytest.mark.parametrize("locale,source,translation", [
    ("ar", "The value must not be greater than 10.", "يجب أن تكون القيمة أقل من أو تساوي 10."),
    ("ar", "Ensure this value is not less than 3.", "تأكد من أن هذه القيمة أكبر من أو يساوي 3."),
    ("es", "The dose must not be less than 2 mg.", "La dosis debe ser mayor o igual que 2 mg."),
    ("fr", "The value must not exceed 5 and must not be less than 1.",
     "La valeur doit être inférieure ou égale à 5 et supérieure ou égale à 1."),
    ("pt_BR", "The value must not be greater than 10.", "O valor deve ser menor ou igual a 10."),
    ("de", "Take no more than 2 tablets a day.", "Nehmen Sie höchstens 2 Tabletten pro Tag."),
    ("ca", "The value must not be greater than 10.", "El valor ha de ser menor o igual que 10."),
])
def test_a_comparison_that_says_the_negation_is_not_a_lost_one(locale, source, translation):
    assert not _negation_errors(locale, source, translation)


@pytest.mark.parametrize("locale,source,translation", [
    ("es", "Do not take more than 3 doses.", "Tome 3 dosis o más."),
    ("de", "Do not drive.", "Fahren Sie Auto."),
    ("ar", "Do not mix kratom with alcohol.", "اخلط الكراتوم مع الكحول."),
])
def test_a_lost_negation_is_still_seen(locale, source, translation):
    assert _negation_errors(locale, source, translation)
