"""What the catalogs need from the glossary, as a small protocol.

The catalog stage does not know glossary.yaml; it asks an
:class:`Annotator` (implemented by ``l10n.glossary``) three things: is this
segment a safety disclaimer, which notes go on an entry, and what is the
approved translation of a disclaimer. :class:`NullAnnotator` answers
"nothing", for projects without a glossary and for tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from l10n.model import Segment

__all__ = ["Annotator", "ApprovedTranslation", "NullAnnotator", "DISCLAIMER_PREFIX"]

#: msgctxt prefix of every safety-disclaimer entry.
DISCLAIMER_PREFIX = "disclaimer:"


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
