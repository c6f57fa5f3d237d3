"""L10N202 and L10N312 where the check cannot call it a defect: literals, bound forms, permission 'may'."""

from __future__ import annotations

import polib
import pytest

from l10n.checks import check_catalog


def _codes(locale: str, source: str, translation: str) -> set[str]:
    po = polib.POFile()
    po.metadata = {"Language": locale, "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=source, msgstr=translation, occurrences=[("a.py", "1")]))
    return {f.code for f in check_catalog(polib.pofile(po.__unicode__()), locale=locale, glossary=None)
            if f.severity >= 40}


@pytest.mark.parametrize("locale,source,translation", [
    ("sw", "th", " "),          # Swahili has no ordinal suffix
    ("ja", "nd", " "),
    ("de", "None", "-"),        # the literal None shown as a dash
])
def test_blank_for_a_bound_form_or_a_literal_is_not_an_empty_translation(locale, source, translation):
    assert "L10N202" not in _codes(locale, source, translation)


@pytest.mark.parametrize("locale,source,translation", [
    ("sw", "Third", " "),
    ("de", "Nothing to show", "-"),
    ("fr", "th day", " "),
])
def test_a_blank_translation_of_words_is_still_an_error(locale, source, translation):
    assert "L10N202" in _codes(locale, source, translation)


@pytest.mark.parametrize("locale,source,translation", [
    ("de", "This is the list of files. You may choose some by selecting them below.",
     "Dies ist die Liste der Dateien. Einfach unten markieren."),
    ("es", "You may remove an item by clicking on it.", "Para quitar un elemento, haga clic en él."),
])
def test_permission_may_is_not_a_hedge(locale, source, translation):
    assert "L10N312" not in _codes(locale, source, translation)


@pytest.mark.parametrize("locale,source,translation", [
    ("es", "You may feel dizzy after the first dose.", "Sentirá mareos después de la primera dosis."),
    ("de", "Kratom may cause dependence.", "Kratom verursacht Abhängigkeit."),
])
def test_a_hedge_of_possibility_is_still_kept(locale, source, translation):
    assert "L10N312" in _codes(locale, source, translation)
