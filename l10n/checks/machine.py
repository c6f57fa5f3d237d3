"""Unreviewed machine translation checked as if it were published.

The content checks skip fuzzy entries: a guess awaiting review is not
published. Machine translation is fuzzy until a person reviews it, yet a
project may publish it unreviewed (``[tool.l10n.publish]``). So ``l10n build``
checks it as published (and withholds a segment that fails), and ``l10n check
--mt`` does the same for reviewers and CI: each unreviewed machine translation
is checked as if it were not fuzzy, and what it would be reported for is
added to the findings, marked :data:`MT_NOTE`.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from typing import Any

import polib

from l10n.model import MT_NOTE, Finding

__all__ = ["MT_NOTE", "as_published_findings", "unfuzzied_view"]


def unfuzzied_view(po: polib.POFile, pick: Callable[[polib.POEntry], bool]
                   ) -> tuple[polib.POFile, set[tuple[str | None, str]]]:
    """``po`` with the entries ``pick`` chooses copied without their fuzzy flag, and the keys of those entries.

    Every other entry, the catalog itself and the line numbers are untouched;
    ``po`` is returned as it is when nothing is picked.
    """
    keys: set[tuple[str | None, str]] = set()
    view = None
    for i, entry in enumerate(po):
        if pick(entry):
            if view is None:
                view = copy.copy(po)
            unfuzzied = copy.copy(entry)
            unfuzzied.flags = [f for f in entry.flags if f != "fuzzy"]
            view[i] = unfuzzied
            keys.add((entry.msgctxt, entry.msgid))
    return (po if view is None else view), keys


def as_published_findings(check_catalog: Callable[..., list[Finding]], view: polib.POFile,
                          keys: set[tuple[str | None, str]], found: list[Finding], **kwargs: Any) -> list[Finding]:
    """The findings of ``view`` on the entries of ``keys`` that ``found`` does not have, marked :data:`MT_NOTE`."""
    if not keys:
        return []
    seen = {(f.code, f.line, f.msgctxt, f.msgid, f.message) for f in found}
    return [dataclasses.replace(f, message=f"{f.message} {MT_NOTE}") for f in check_catalog(view, **kwargs)
            if (f.msgctxt, f.msgid) in keys and (f.code, f.line, f.msgctxt, f.msgid, f.message) not in seen]
