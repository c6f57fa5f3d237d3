"""Gettext catalogs: templates from documents, locale catalogs, MO files.

* :mod:`~l10n.catalogs.template` — ``build_template(doc)`` (the POT)
* :mod:`~l10n.catalogs.merge` — ``update_catalog(pot, old, locale)`` (msgmerge)
* :mod:`~l10n.catalogs.fuzzy` — the indexed fuzzy matcher
* :mod:`~l10n.catalogs.pofile` — ``read_po`` (GNU gettext's grammar, any charset it reads) / ``generate_po``
  (what was read written back as it was, except what changed) / ``encode_po`` (in the catalog's charset) /
  ``write_po``
* :mod:`~l10n.catalogs.mofile` — ``generate_mo`` (linear, byte for byte msgfmt's)
* :mod:`~l10n.catalogs.annotate` — the glossary as the catalogs see it
"""

from __future__ import annotations

import importlib
from typing import Any

#: where each public name lives; a submodule is imported on first use (``l10n check`` needs the PO reader only)
_HOME = {
    "DISCLAIMER_PREFIX": "annotate", "Annotator": "annotate", "ApprovedTranslation": "annotate",
    "NullAnnotator": "annotate", "UpdateStats": "merge", "update_catalog": "merge", "generate_mo": "mofile",
    "mo_messages": "mofile", "generate_po": "pofile", "read_po": "pofile", "write_po": "pofile",
    "encode_po": "pofile", "carry_layout": "pofile",
    "build_template": "template",
}
_SUBMODULES = ("annotate", "fuzzy", "header", "merge", "mofile", "pofile", "template")

__all__ = [
    "DISCLAIMER_PREFIX", "Annotator", "ApprovedTranslation", "NullAnnotator", "UpdateStats",
    "build_template", "carry_layout", "encode_po", "generate_mo", "generate_po", "mo_messages", "read_po",
    "update_catalog", "write_po",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
