"""The data model shared by every stage: small frozen dataclasses.

Vocabulary follows XLIFF and the Translate Toolkit (*source*, *target*,
*notes*, *ref*) where l10n owns the type.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["DISCLAIMER_PREFIX", "MT_NOTE", "Document", "Finding", "Segment", "Severity", "disclaimer_context",
           "disclaimer_of"]

#: The msgctxt prefix of every safety-disclaimer entry (``disclaimer:<id>``): the one spelling of it.
DISCLAIMER_PREFIX = "disclaimer:"


def disclaimer_context(did: str) -> str:
    """The msgctxt of disclaimer ``did``'s entry.

    >>> disclaimer_context("not-medical-advice")
    'disclaimer:not-medical-advice'
    """
    return DISCLAIMER_PREFIX + did


def disclaimer_of(msgctxt: str | None) -> str | None:
    """The disclaimer id a msgctxt names, or None when it names none.

    >>> disclaimer_of("disclaimer:not-medical-advice"), disclaimer_of("menu"), disclaimer_of(None)
    ('not-medical-advice', None, None)
    """
    return msgctxt[len(DISCLAIMER_PREFIX):] if msgctxt and msgctxt.startswith(DISCLAIMER_PREFIX) else None


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit of a source document.

    ``source`` is the msgid (whitespace folded, inline markup kept in the
    source's own syntax); ``raw`` is the exact slice of the source file it
    came from, so an untranslated segment renders back byte for byte.

    ``ref`` is a structural position (``<section-slug>/<kind><n>``) that does
    not move when unrelated lines move; ``line`` is the 1-based source line.

    >>> Segment("Take with food.", "Take with food.", ref="intro/p1", line=3).msgctxt is None
    True
    """

    source: str
    raw: str
    ref: str
    line: int
    kind: str = "paragraph"
    heading: str = ""
    msgctxt: str | None = None
    disclaimer_id: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A source document as alternating verbatim skeleton and segments.

    Invariant (property-tested): rendering with no translations gives the
    original text back, byte for byte.
    """

    name: str
    fmt: str
    parts: tuple[str | Segment, ...]
    #: the source file's bytes, for a binary format (a Word document) that is rebuilt, not re-joined
    data: bytes = field(default=b"", repr=False, compare=False)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The translatable segments, in source order."""
        return tuple(p for p in self.parts if isinstance(p, Segment))

    @property
    def domain(self) -> str:
        """The gettext domain of the document: its file name without suffix."""
        return self.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


class Severity(enum.IntEnum):
    """How bad a finding is; ``ERROR`` and above fail ``l10n check``."""

    INFO = 10
    WARNING = 30
    ERROR = 60
    CRITICAL = 100

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """A QA result. Findings are values, not exceptions; one check may report many."""

    code: str
    check: str
    severity: Severity
    message: str
    path: str = ""
    line: int = 0
    locale: str = ""
    msgctxt: str | None = None
    msgid: str = ""
    target: str = ""
    suppressible: bool = True
    extra: tuple[tuple[str, str], ...] = field(default=())


#: Appended to the message of a finding about unreviewed machine translation checked as it would be published
#: (``l10n build``, ``l10n check --mt``).
MT_NOTE = "[unreviewed machine translation]"
