"""Per-locale, per-document progress: the figures behind ``l10n status``, ``build``/``run`` and the dashboard.

Pure: :func:`status_rows` turns the assessments of
:func:`l10n.publish.pipeline.assess` into :class:`StatusRow` values;
:func:`rows_to_json` gives deterministic JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from l10n.model import Finding, Severity, disclaimer_of

__all__ = ["Progress", "StatusRow", "locale_progress", "progress_of", "rows_to_json", "status_rows"]

_ID = re.compile(r"(?:disclaimer|notice) '([^']+)'")


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a locale (or one article in it) is: the one definition every view uses.

    Over the distinct segments: ``reviewed`` are translated and not fuzzy;
    ``machine`` are unreviewed machine translations (fuzzy with the
    machine-translation marker) not withheld; ``withheld`` unreviewed machine
    translations the policy would publish but a check stopped; ``fuzzy``
    other fuzzy entries (never published); ``stale`` fuzzy with a previous
    msgid (the English changed, never published); ``untranslated`` the rest.
    ``published`` is what a reader sees in the language: the reviewed entries
    plus the machine translation the policy allows
    (``allow_machine_translation``) — the completeness the threshold applies
    to. ``l10n build``/``run``, ``l10n status`` (table and JSON) and the
    dashboard all print these.
    """

    reviewed: int = 0
    machine: int = 0
    withheld: int = 0
    fuzzy: int = 0
    stale: int = 0
    untranslated: int = 0
    published: int = 0

    @property
    def total(self) -> int:
        """Number of distinct segments."""
        return self.reviewed + self.machine + self.withheld + self.fuzzy + self.stale + self.untranslated

    def share(self, n: int) -> float:
        """``n`` over :attr:`total` (0 when there is nothing)."""
        return n / self.total if self.total else 0.0

    def __add__(self, other: "Progress") -> "Progress":
        return Progress(*(getattr(self, f) + getattr(other, f) for f in _FIELDS))

    def describe(self) -> str:
        """``8% reviewed, 90% machine: 98% published`` (just ``75% reviewed`` when that is all it is).

        >>> Progress(reviewed=1, machine=9, untranslated=1, published=10).describe()
        '9% reviewed, 82% machine: 91% published'
        >>> Progress(reviewed=3, untranslated=1, published=3).describe()
        '75% reviewed'
        """
        if not self.machine and self.published == self.reviewed:
            return f"{self.share(self.reviewed):.0%} reviewed"
        return (f"{self.share(self.reviewed):.0%} reviewed, {self.share(self.machine):.0%} machine: "
                f"{self.share(self.published):.0%} published")


_FIELDS = ("reviewed", "machine", "withheld", "fuzzy", "stale", "untranslated", "published")


def progress_of(copy: Any) -> Progress:
    """The :class:`Progress` of one built copy (:class:`~l10n.publish.build.CopyBuild`)."""
    c = copy.counts
    return Progress(reviewed=c.get("translated", 0), machine=c.get("machine", 0), withheld=c.get("withheld", 0),
                    fuzzy=c.get("fuzzy", 0), stale=c.get("stale", 0), untranslated=c.get("untranslated", 0),
                    published=len(copy.published))


def locale_progress(assessment: Any, documents: Iterable[str] | None = None) -> Progress:
    """The :class:`Progress` of a locale over all its articles (or only ``documents``)."""
    wanted = None if documents is None else set(documents)
    total = Progress()
    for copy in assessment.copies:
        if wanted is None or copy.document in wanted:
            total = total + progress_of(copy)
    return total


@dataclass(frozen=True, slots=True)
class StatusRow:
    """One (article, locale): entry counts, disclaimers, and whether (and why not) it is published.

    The counts follow :class:`Progress`: ``translated`` is the reviewed
    entries, ``machine`` the unreviewed machine translations (published
    where the policy allows it), ``withheld`` those the policy allows but
    that a check that blocks publishing stopped (their segments show the
    source text), with ``withheld_reasons`` as ``path:line: CODE message``.
    ``completeness`` is the published share. ``status``
    is ``published``, ``not ready`` (too little translated yet: not an
    error), ``held back`` (a safety reason), ``withdrawn`` or ``preview``
    (a pseudo-locale); ``reasons`` say why it is not published.
    """

    locale: str
    document: str
    translated: int
    fuzzy: int
    stale: int
    untranslated: int
    machine: int
    disclaimers_passing: int
    disclaimers_total: int
    completeness: float
    publishable: bool
    reasons: tuple[str, ...] = ()
    withheld: int = 0
    withheld_reasons: tuple[str, ...] = ()
    status: str = "published"
    #: segments shown in the language (reviewed + machine translation the policy publishes)
    published: int = 0
    #: "meaning verified" or "meaning unverified": whether every meaning check runs for the language
    #: (l10n.checks.coverage); an unverified locale publishes no unreviewed machine translation
    meaning: str = ""

    @property
    def total(self) -> int:
        """Number of distinct segments."""
        return self.translated + self.fuzzy + self.stale + self.untranslated + self.machine + self.withheld


_FINDING_SUFFIXES = (".po", ".html", ".md")


def _failing_disclaimers(findings: Iterable[Finding]) -> dict[str, set[str]]:
    """The disclaimers with an error, by the domain of the file it is in (``.../<domain>.po|.html|.md``):
    grouped once per locale, not searched again for every document."""
    out: dict[str, set[str]] = {}
    for f in findings:
        did = disclaimer_of(f.msgctxt)
        if did is None or f.severity < Severity.ERROR:
            continue
        _, slash, base = (f.path or "").rpartition("/")
        suffix = next((x for x in _FINDING_SUFFIXES if base.endswith(x)), None)
        if slash and suffix:
            out.setdefault(base[:-len(suffix)], set()).add(did)
    return out


def status_rows(assessments: Iterable) -> list[StatusRow]:
    """One row per locale and document, in locale then document order."""
    rows = []
    for a in assessments:
        failing_in = _failing_disclaimers(a.findings)
        for copy in a.copies:
            failing = {m.group(1) for p in copy.problems for m in _ID.finditer(p)} | failing_in.get(copy.domain, set())
            reasons = tuple(str(r) for r in a.document_reasons(copy.document))
            p = progress_of(copy)
            ids = set(copy.disclaimer_ids)
            rows.append(StatusRow(
                locale=a.locale, document=copy.document, translated=p.reviewed,
                fuzzy=p.fuzzy, stale=p.stale, untranslated=p.untranslated,
                machine=p.machine, disclaimers_passing=len(ids - failing),
                disclaimers_total=len(ids), completeness=copy.completeness,
                publishable=a.publishable(copy.document), reasons=reasons, withheld=p.withheld,
                withheld_reasons=tuple(r for rs in getattr(copy, "withheld", {}).values() for r in rs),
                status=a.status(copy.document), published=p.published,
                meaning=getattr(a, "meaning", "")))
    return rows


def rows_to_json(rows: Iterable[StatusRow]) -> str:
    """Rows as a JSON array (sorted keys), for scripts and CI.

    ``reviewed`` repeats ``translated`` under the name the CLI and dashboard use; ``total`` is the
    number of distinct segments, so every share the CLI prints is ``<count> / total``.
    """
    return json.dumps([asdict(r) | {"reasons": list(r.reasons), "withheld_reasons": list(r.withheld_reasons),
                                    "reviewed": r.translated, "total": r.total}
                       for r in rows], sort_keys=True, indent=2,
                      ensure_ascii=False) + "\n"
