"""Locale identifiers, validated and normalised with Babel's CLDR data.

``pt-BR``, ``pt_BR`` and ``pt_br`` are the same locale; ``xx_YY``,
``es/../..`` or an empty code is a :class:`~l10n.errors.LocaleError`.

The pseudo-locale ``en_XA`` (Android's convention for accented, lengthened
pseudo-translation) is accepted too; it borrows English locale data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from l10n.errors import LocaleError

__all__ = ["PSEUDO_LOCALES", "direction", "display_name", "normalize_locale", "to_bcp47"]

#: Pseudo-locales and the real locale whose data they borrow.
PSEUDO_LOCALES = {"en_XA": "en"}

_SHAPE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*(@[A-Za-z0-9]+)?$")


@lru_cache(maxsize=256)
def normalize_locale(code: str) -> str:
    """Return Babel's canonical identifier for ``code``.

    >>> normalize_locale("pt-BR"), normalize_locale("pt_br"), normalize_locale(" ES ")
    ('pt_BR', 'pt_BR', 'es')
    >>> normalize_locale("xx_YY")
    Traceback (most recent call last):
    ...
    l10n.errors.LocaleError: unknown locale 'xx_YY' (not in Babel's CLDR data)
    """
    if not isinstance(code, str) or not code.strip():
        raise LocaleError("empty locale code")
    text = code.strip()
    if not _SHAPE.match(text):
        raise LocaleError(f"invalid locale code {code!r} (expected e.g. 'es', 'pt_BR')")
    for pseudo in PSEUDO_LOCALES:
        if text.replace("-", "_").lower() == pseudo.lower():
            return pseudo
    sep = "-" if "-" in text and "_" not in text else "_"
    try:
        return str(Locale.parse(text, sep=sep))
    except (UnknownLocaleError, ValueError, TypeError):
        raise LocaleError(f"unknown locale {code!r} (not in Babel's CLDR data)") from None


def _babel_locale(code: str) -> Locale:
    code = normalize_locale(code)
    return Locale.parse(PSEUDO_LOCALES.get(code, code))


def direction(code: str) -> str:
    """``"rtl"`` or ``"ltr"``, from CLDR.

    >>> direction("ar"), direction("es")
    ('rtl', 'ltr')
    """
    return _babel_locale(code).text_direction


def display_name(code: str) -> str:
    """The locale's own name for itself (``español``), for page labels."""
    if normalize_locale(code) in PSEUDO_LOCALES:
        return "Pseudo (" + code + ")"
    return _babel_locale(code).get_display_name() or code


def to_bcp47(code: str) -> str:
    """The BCP 47 tag for HTML ``lang`` attributes.

    >>> to_bcp47("pt_BR")
    'pt-BR'
    """
    return normalize_locale(code).replace("_", "-")
