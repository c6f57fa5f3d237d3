"""What an import into catalogs must pass: the checks of ``l10n check`` on what it brought in.

An XLIFF import (or any other import into catalogs) merges a translator's
units; :func:`check_merged` runs the same checks as ``l10n check`` (the
public :func:`l10n.checks.check_catalog`) on exactly those entries, each
checked *as it would be published* — as a reviewed translation, even when it
was merged as needing review — so a changed dose or a dropped negation is
seen at the import, not at some later ``check``. :func:`hold_unsafe` then
turns every merged entry with an error back into needing work (fuzzy): the
translator's text is kept, but it cannot be published until a person has
reviewed it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import polib

from l10n.model import Finding, Severity

__all__ = ["check_merged", "hold_unsafe"]


def check_merged(po: polib.POFile, merged: Iterable[tuple[str | None, str]], *, locale: str, glossary: Any,
                 template: polib.POFile | None = None, path: str = "", options: Mapping[str, Any] | None = None,
                 ignore: Iterable[str] = ()) -> list[Finding]:
    """The findings of ``l10n check`` on the ``merged`` entries ``(msgctxt, msgid)`` of ``po``, in file order.

    The rest of the catalog is context only (its own findings are not
    reported: the import did not cause them). ``po`` is not modified.
    """
    from l10n.checks import check_catalog

    wanted = set(merged)
    if not wanted:
        return []
    view = copy.deepcopy(po)
    for e in view:
        if not e.obsolete and (e.msgctxt, e.msgid) in wanted:  # checked as it would be published
            e.flags = [f for f in e.flags if f != "fuzzy"]
            e.previous_msgid = e.previous_msgctxt = None
    found = check_catalog(view, locale=locale, glossary=glossary, template=template, path=path,
                          options=options, ignore=ignore)
    return [f for f in found if (f.msgctxt, f.msgid) in wanted]


def hold_unsafe(po: polib.POFile, findings: Iterable[Finding]) -> list[polib.POEntry]:
    """Mark fuzzy every entry of ``po`` with a finding at error severity or above; the entries newly marked."""
    keys = {(f.msgctxt, f.msgid) for f in findings if f.severity >= Severity.ERROR}
    held = []
    for e in po:
        if not e.obsolete and (e.msgctxt, e.msgid) in keys and "fuzzy" not in e.flags:
            e.flags.insert(0, "fuzzy")
            held.append(e)
    return held
