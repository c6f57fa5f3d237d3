"""Locale codes: validated and normalised with Babel's CLDR data."""

from __future__ import annotations

import pytest

from l10n.errors import LocaleError
from l10n.catalogs.plurals import nplurals, plural_forms
from l10n.locales import direction, display_name, normalize_locale, to_bcp47


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


# What GNU msginit writes (gettext 0.21's table), where it knows the language; Weblate's and
# translate-toolkit's rule where it does not (ca, ar). Never what the installed Babel ships that day.
@pytest.mark.parametrize("code,expected", [
    ("es", "nplurals=2; plural=(n != 1);"), ("ca", "nplurals=2; plural=(n != 1);"),
    ("fr", "nplurals=2; plural=(n > 1);"), ("pt_BR", "nplurals=2; plural=(n > 1);"),
    ("pt", "nplurals=2; plural=(n != 1);"), ("de", "nplurals=2; plural=(n != 1);"),
    ("ja", "nplurals=1; plural=0;"), ("cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"),
    ("ar", "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"),
])
def test_plural_forms_of_new_catalogs_come_from_the_project_data(code, expected):
    assert plural_forms(code) == expected
    assert plural_forms(code).startswith(f"nplurals={nplurals(code)};")


def test_plural_forms_do_not_follow_the_installed_babel(monkeypatch):
    import babel.messages.plurals as bp

    monkeypatch.setattr(bp, "get_plural", lambda *a, **k: (_ for _ in ()).throw(AssertionError("Babel asked")))
    plural_forms.cache_clear()
    nplurals.cache_clear()
    try:
        assert plural_forms("es") == "nplurals=2; plural=(n != 1);"
    finally:
        plural_forms.cache_clear()
        nplurals.cache_clear()


def test_directions_and_names():
    assert direction("ar") == "rtl" and direction("pt-BR") == "ltr"
    assert display_name("es") == "español" and display_name("pt_BR").startswith("português")
    assert to_bcp47("pt_br") == "pt-BR"
