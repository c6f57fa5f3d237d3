"""Gettext catalogs: templates from documents, locale catalogs, MO files.

* :mod:`~l10n.catalogs.template` — ``build_template(doc)`` (the POT)
* :mod:`~l10n.catalogs.merge` — ``update_catalog(pot, old, locale)`` (msgmerge)
* :mod:`~l10n.catalogs.fuzzy` — the indexed fuzzy matcher
* :mod:`~l10n.catalogs.pofile` — ``read_po`` / ``generate_po`` / ``write_po``
* :mod:`~l10n.catalogs.mofile` — ``generate_mo`` (linear, msgfmt-compatible)
* :mod:`~l10n.catalogs.annotate` — the glossary as the catalogs see it
"""

from l10n.catalogs.annotate import DISCLAIMER_PREFIX, Annotator, ApprovedTranslation, NullAnnotator
from l10n.catalogs.merge import UpdateStats, update_catalog
from l10n.catalogs.mofile import generate_mo, mo_messages
from l10n.catalogs.pofile import generate_po, read_po, write_po
from l10n.catalogs.template import build_template

__all__ = [
    "DISCLAIMER_PREFIX", "Annotator", "ApprovedTranslation", "NullAnnotator", "UpdateStats",
    "build_template", "generate_mo", "generate_po", "mo_messages", "read_po", "update_catalog", "write_po",
]
