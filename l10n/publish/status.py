"""Per-locale, per-document progress: the figures behind ``l10n status`` and the dashboard.

Pure: :func:`status_rows` turns the assessments of
:func:`l10n.publish.pipeline.assess` into :class:`StatusRow` values;
:func:`rows_to_json` gives deterministic JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

__all__ = ["StatusRow", "rows_to_json", "status_rows"]

_ID = re.compile(r"(?:disclaimer|notice) '([^']+)'")


@dataclass(frozen=True, slots=True)
class StatusRow:
    """One locale × document: entry counts, disclaimers and whether it can be published.

    ``machine`` counts the unreviewed machine translations (published where
    the policy allows it); ``withheld`` those the policy allows but that are
    not published because a check that blocks publishing failed on them
    (their segments show the source text), and
    ``withheld_reasons`` gives those findings as ``path:line: CODE message``.
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

    @property
    def total(self) -> int:
        """Number of distinct segments."""
        return self.translated + self.fuzzy + self.stale + self.untranslated + self.machine + self.withheld


def status_rows(assessments: Iterable) -> list[StatusRow]:
    """One row per locale and document, in locale then document order."""
    rows = []
    for a in assessments:
        for copy in a.copies:
            failing = {m.group(1) for p in copy.problems for m in _ID.finditer(p)}
            for f in a.findings:
                if (f.msgctxt or "").startswith("disclaimer:") and f.severity >= 60 and \
                        f.path.endswith((f"/{copy.domain}.po", f"/{copy.domain}.html", f"/{copy.domain}.md")):
                    failing.add(f.msgctxt.split(":", 1)[1])
            reasons = tuple(str(r) for r in a.reasons if str(r).startswith(copy.document)
                            or copy.domain in str(r))
            if not a.ok and not reasons:  # a locale is published whole: say which other document stops it
                others = sorted({r.document for r in a.reasons if getattr(r, "document", None)} - {copy.document})
                reasons = (f"nothing wrong in this document, but the locale is not published: "
                           f"{', '.join(others) if others else 'a locale-wide problem'} fails (see "
                           f"{'its row' if len(others) == 1 else 'their rows'})",)
            c = copy.counts
            ids = set(copy.disclaimer_ids)
            rows.append(StatusRow(
                locale=a.locale, document=copy.document, translated=c.get("translated", 0),
                fuzzy=c.get("fuzzy", 0), stale=c.get("stale", 0), untranslated=c.get("untranslated", 0),
                machine=c.get("machine", 0), disclaimers_passing=len(ids - failing),
                disclaimers_total=len(ids), completeness=copy.completeness,
                publishable=a.ok, reasons=reasons, withheld=c.get("withheld", 0),
                withheld_reasons=tuple(r for rs in getattr(copy, "withheld", {}).values() for r in rs)))
    return rows


def rows_to_json(rows: Iterable[StatusRow]) -> str:
    """Rows as a JSON array (sorted keys), for scripts and CI."""
    return json.dumps([asdict(r) | {"reasons": list(r.reasons), "withheld_reasons": list(r.withheld_reasons)}
                       for r in rows], sort_keys=True, indent=2,
                      ensure_ascii=False) + "\n"
