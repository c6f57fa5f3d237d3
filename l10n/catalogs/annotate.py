"""What the catalogs need from the glossary, as a small protocol.

The catalog stage does not know glossary.yaml; it asks an
:class:`Annotator` (implemented by ``l10n.glossary``) three things: is this
segment a safety disclaimer, which notes go on an entry, and what is the
approved translation of a disclaimer. :class:`NullAnnotator` answers
"nothing", for projects without a glossary and for tests.

:func:`unapproved_disclaimers` lists the disclaimers of the templates that a
configured locale has no approved translation for: ``l10n update`` reports
them as errors (it can no longer fill them, and nobody vouches for the text
the catalog still holds).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from l10n.model import DISCLAIMER_PREFIX, Segment

__all__ = ["Annotator", "ApprovedTranslation", "NullAnnotator", "DISCLAIMER_PREFIX", "UnapprovedDisclaimer",
           "lacks_approval", "unapproved_disclaimers"]

@dataclass(frozen=True, slots=True)
class ApprovedTranslation:
    """A reviewed translation of a safety disclaimer.

    ``stale`` is True when it was approved for an older English text.
    ``note`` says where it comes from (shown to translators as ``#.``).
    """

    text: str
    note: str
    stale: bool = False


class Annotator(Protocol):
    """The glossary as the catalogs see it."""

    def disclaimer_id(self, segment: Segment) -> str | None:
        """The id of the disclaimer this segment is (by text match), if any."""

    def template_notes(self, msgctxt: str | None, msgid: str) -> list[str]:
        """``#.`` notes for the template (language-independent)."""

    def locale_notes(self, msgctxt: str | None, msgid: str, locale: str) -> list[str]:
        """``#.`` notes for one locale's catalog (approved term translations)."""

    def approved(self, disclaimer_id: str, locale: str, msgid: str | None = None) -> ApprovedTranslation | None:
        """The approved translation of a disclaimer for a locale, if any.

        With ``msgid`` (the English text in the catalog), the translation is
        stale when it was approved for a different text.
        """


class NullAnnotator:
    """An annotator that knows no terms and no disclaimers."""

    def disclaimer_id(self, segment: Segment) -> str | None:
        return segment.disclaimer_id

    def template_notes(self, msgctxt: str | None, msgid: str) -> list[str]:
        return []

    def locale_notes(self, msgctxt: str | None, msgid: str, locale: str) -> list[str]:
        return []

    def approved(self, disclaimer_id: str, locale: str, msgid: str | None = None) -> ApprovedTranslation | None:
        return None


@dataclass(frozen=True, slots=True)
class UnapprovedDisclaimer:
    """A disclaimer the glossary defines (``path``:``line``) without an approved translation for ``locale``."""

    disclaimer_id: str
    locale: str
    path: str
    line: int

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return (f"{where}: disclaimer {self.disclaimer_id!r} has no approved {self.locale} translation "
                f"(add a reviewed translations.{self.locale} entry); its articles are not published in "
                f"{self.locale} until then")


def unapproved_disclaimers(annotator: Any, msgctxts: Iterable[str | None],
                           locales: Iterable[str]) -> list[UnapprovedDisclaimer]:
    """The (disclaimer, locale) pairs among ``msgctxts`` (of the templates) that lack an approved translation.

    Only disclaimers the annotator's glossary defines count (a project
    without a glossary has nothing to approve); pseudo-locales never need
    one. Sorted by locale then disclaimer id, without repeats.
    """
    if not hasattr(annotator, "disclaimer"):
        return []
    ids = sorted({c[len(DISCLAIMER_PREFIX):] for c in msgctxts if c and c.startswith(DISCLAIMER_PREFIX)})
    path = getattr(annotator, "path", "") or "glossary.yaml"
    out = []
    for locale in locales:
        for did in ids:
            if lacks_approval(annotator, did, locale):
                try:
                    line = int(getattr(annotator.disclaimer(did), "line", 0) or 0)
                except (KeyError, LookupError):
                    line = 0
                out.append(UnapprovedDisclaimer(did, locale, path, line))
    return out


def lacks_approval(glossary: Any, did: str, locale: str) -> bool:
    """True when the glossary defines disclaimer ``did`` but has no translation at all for ``locale``.

    A stale approval (approved for an older English text) is not "lacking"
    here: L10N706 reports it. Pseudo-locales are generated, never approved.
    """
    from l10n.locales import PSEUDO_LOCALES

    if not locale or locale in PSEUDO_LOCALES:
        return False
    try:
        d = glossary.disclaimer(did) if hasattr(glossary, "disclaimer") else None
    except (KeyError, LookupError):
        d = None
    if d is None or not hasattr(d, "approved_for"):
        return False
    try:
        if d.approved_for(locale) is not None:
            return False
        return not (hasattr(d, "is_stale") and d.is_stale(locale))
    except (LookupError, ValueError, AttributeError):
        return False
