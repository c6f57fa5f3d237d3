"""Building a template (POT) from a segmented document.

Entries come in source order; identical segments become one entry with all
their references; each reference names the document and a structural
position (``kratom.md#what-is-kratom/p2.s1``), and ``#.`` notes give the
block type and the heading the segment sits under.
"""

from __future__ import annotations

import polib

from l10n.catalogs.annotate import Annotator, NullAnnotator
from l10n.catalogs.header import pot_header
from l10n.model import DISCLAIMER_PREFIX, Document

__all__ = ["DISCLAIMER_NOTE", "build_template", "entry_notes"]

DISCLAIMER_NOTE = ("SAFETY DISCLAIMER: translate completely and faithfully; keep every negation "
                   "(not, never) and hedge (may, further study).")


def entry_notes(kind: str, heading: str, msgctxt: str | None) -> list[str]:
    """The structural notes of an entry."""
    notes = []
    if msgctxt and msgctxt.startswith(DISCLAIMER_PREFIX):
        notes.append(f"{DISCLAIMER_NOTE} [{msgctxt[len(DISCLAIMER_PREFIX):]}]")
    notes.append(f"block: {kind.replace('_', ' ')}" + (f" | section: {heading}" if heading else ""))
    return notes


def build_template(doc: Document, *, annotator: Annotator | None = None, project: str = "",
                   bugs: str = "", created: str = "") -> polib.POFile:
    """The template of one document.

    ``annotator`` marks disclaimers found by text and adds glossary notes.
    """
    annotator = annotator or NullAnnotator()
    pot = polib.POFile(wrapwidth=79, check_for_duplicates=False)
    pot.metadata = pot_header(project or doc.domain, bugs, created)
    pot.metadata_is_fuzzy = ["fuzzy"]  # the template convention (msginit and Poedit expect it)
    pot.header = f"Template of {doc.name}: translatable segments extracted by l10n."
    by_key: dict[tuple[str | None, str], polib.POEntry] = {}
    for seg in doc.segments:
        did = seg.disclaimer_id or annotator.disclaimer_id(seg)
        ctxt = f"{DISCLAIMER_PREFIX}{did}" if did else seg.msgctxt
        key = (ctxt, seg.source)
        ref = (f"{doc.name}#{seg.ref}", "")
        entry = by_key.get(key)
        if entry is not None:
            entry.occurrences.append(ref)
            continue
        notes = entry_notes(seg.kind, seg.heading, ctxt) + annotator.template_notes(ctxt, seg.source)
        entry = polib.POEntry(msgid=seg.source, msgstr="", msgctxt=ctxt, occurrences=[ref],
                              comment="\n".join(notes))
        by_key[key] = entry
        pot.append(entry)
    return pot
