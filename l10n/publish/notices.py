"""The machine-translation notice, per language, as data (``data/mt-notices.json``).

A machine-translated copy says so at its top, in its language; ``l10n verify``
checks the notice is there, unedited and visible (L10N809). Adding a language's
notice is adding a line to the data file, not code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from l10n.errors import ConfigError

__all__ = ["MT_NOTICE", "load_notices", "mt_notice"]

_DATA = "data/mt-notices.json"


def load_notices(data: bytes, where: str) -> Mapping[str, str]:
    """The notices of a notices file (``{"notices": {locale: text}}``), read-only; English is required.

    Bad data is a :class:`~l10n.errors.ConfigError` naming ``where`` (and the line, for broken JSON).
    """
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 ({exc.reason})", path=where) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not JSON: {exc.msg}", path=where, line=exc.lineno) from None
    notices = doc.get("notices") if isinstance(doc, dict) else None
    if not isinstance(notices, dict):
        raise ConfigError('expected an object with "notices": {locale: text}', path=where)
    for locale, text in notices.items():
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"the notice for {locale!r} is not a non-empty string", path=where)
    if "en" not in notices:
        raise ConfigError('no English notice ("en"), the fallback of every other language', path=where)
    return MappingProxyType(dict(notices))


@lru_cache(maxsize=1)
def _bundled() -> Mapping[str, str]:
    return load_notices(resources.files("l10n.publish").joinpath(_DATA).read_bytes(), f"l10n/publish/{_DATA}")


#: "This page was machine-translated" in each language we ship (English is the fallback).
MT_NOTICE: Mapping[str, str] = _bundled()


def mt_notice(locale: str) -> str:
    """The machine-translation notice in ``locale`` (then its language, then English).

    >>> mt_notice("pt_BR").startswith("Esta página")
    True
    >>> mt_notice("de") == MT_NOTICE["en"]
    True
    """
    return MT_NOTICE.get(locale) or MT_NOTICE.get(locale.split("_")[0]) or MT_NOTICE["en"]
