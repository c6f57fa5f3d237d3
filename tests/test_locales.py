"""Locale codes: validated and normalised with Babel's CLDR data."""

from __future__ import annotations

import pytest
from babel.messages.plurals import get_plural

from l10n.errors import LocaleError
from l10n.locales import direction, display_name, normalize_locale, nplurals, plural_forms, to_bcp47


@pytest.mark.parametrize("code,expected", [
    ("es", "es"), (" ES ", "es"), ("pt-BR", "pt_BR"), ("pt_BR", "pt_BR"), ("pt_br", "pt_BR"), ("PT-br", "pt_BR"),
    ("ca", "ca"), ("fr", "fr"), ("ar", "ar"), ("zh-Hant-TW", "zh_Hant_TW"), ("en_XA", "en_XA"), ("en-xa", "en_XA"),
])
def test_normalize(code, expected):
    assert normalize_locale(code) == expected


@pytest.mark.parametrize("code", ["", "   ", "xx_YY", "es/../..", "../es", "es_ES/..", "e", "español", "es ES",
                                  "zz", None, 42])
def test_invalid_codes_raise_locale_error(code):
    with pytest.raises(LocaleError) as exc:
        normalize_locale(code)
    assert isinstance(exc.value, ValueError)
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("code", ["es", "ca", "fr", "pt_BR", "ar"])
def test_plural_forms_come_from_babel(code):
    assert plural_forms(code) == str(get_plural(code)).strip()
    assert nplurals(code) == get_plural(code).num_plurals
    assert plural_forms(code).startswith(f"nplurals={nplurals(code)};")


def test_directions_and_names():
    assert direction("ar") == "rtl" and direction("pt-BR") == "ltr"
    assert display_name("es") == "español" and display_name("pt_BR").startswith("português")
    assert to_bcp47("pt_br") == "pt-BR"
