"""Updating a locale's catalog from its template (what ``msgmerge`` does).

Never loses work: an exact match keeps its translation, translator comments
and flags; a slightly edited message gets its old translation back as fuzzy
with the previous msgid (``#|``); a removed message becomes an obsolete
``#~`` entry. Matching is by content, so inserting or moving paragraphs
changes no translation. Safety disclaimers are filled from their approved
translation, and one approved for an older English text stays fuzzy.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib

from l10n.catalogs.annotate import Annotator, NullAnnotator
from l10n.catalogs.fuzzy import FuzzyIndex
from l10n.catalogs.header import po_header
from l10n.catalogs.plurals import parse_plural_forms
from l10n.model import DISCLAIMER_PREFIX

__all__ = ["UpdateStats", "update_catalog"]


@dataclass(frozen=True, slots=True)
class UpdateStats:
    """What an update did."""

    total: int = 0
    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    approved: int = 0


def _copy_translation(src: polib.POEntry, dst: polib.POEntry) -> None:
    dst.msgstr = src.msgstr
    if dst.msgid_plural and src.msgstr_plural:  # forms the catalog's rule has and the entry lacks: empty
        dst.msgstr_plural = {**dst.msgstr_plural, **src.msgstr_plural}
    dst.tcomment = src.tcomment
    dst.flags = [f for f in src.flags if f != "fuzzy"]


def _has_translation(e: polib.POEntry) -> bool:
    return bool(e.msgstr) or any(e.msgstr_plural.values()) if e.msgstr_plural else bool(e.msgstr)


def update_catalog(pot: polib.POFile, old: polib.POFile | None, locale: str, *,
                   annotator: Annotator | None = None, revised: str = "",
                   fuzzy_matching: bool = True) -> tuple[polib.POFile, UpdateStats]:
    """Merge ``pot`` into the previous catalog ``old`` (None for a new locale)."""
    annotator = annotator or NullAnnotator()
    active: dict[tuple[str | None, str], polib.POEntry] = {}
    dead: dict[tuple[str | None, str], polib.POEntry] = {}
    order: list[polib.POEntry] = []
    if old is not None:
        for e in old:
            key = (e.msgctxt, e.msgid)
            (dead if e.obsolete else active).setdefault(key, e)
            order.append(e)
    template_keys = {(t.msgctxt, t.msgid) for t in pot}
    # candidates for fuzzy matching: translated messages that left the template
    pool = [e for e in order if (e.msgctxt, e.msgid) not in template_keys and _has_translation(e)]
    pools: dict[str | None, tuple[list[polib.POEntry], FuzzyIndex]] = {}
    if fuzzy_matching and pool:
        by_ctx: dict[str | None, list[polib.POEntry]] = {}
        for e in pool:
            ctx = e.msgctxt if e.msgctxt and e.msgctxt.startswith(DISCLAIMER_PREFIX) else None
            by_ctx.setdefault(ctx if ctx is None else e.msgctxt, []).append(e)
        pools = {k: (v, FuzzyIndex([e.msgid for e in v])) for k, v in by_ctx.items()}

    po = polib.POFile(wrapwidth=79, check_for_duplicates=False)
    po.metadata = po_header(pot.metadata, old.metadata if old is not None else None, locale, revised,
                            plurals=any(t.msgid_plural for t in pot))
    # the catalog's own forms; gettext's default (two) where it declares none
    forms = parse_plural_forms(po.metadata["Plural-Forms"]).nplurals if po.metadata.get("Plural-Forms") else 2
    consumed: set[int] = set()
    kept = fuzzy = new = approved_n = 0
    for t in pot:
        key = (t.msgctxt, t.msgid)
        e = polib.POEntry(msgid=t.msgid, msgid_plural=t.msgid_plural, msgctxt=t.msgctxt,
                          occurrences=list(t.occurrences), msgstr="")
        if t.msgid_plural:  # every form the catalog's own Plural-Forms has, empty (as msginit writes them)
            e.msgstr_plural = {i: "" for i in range(forms)}
        notes = [t.comment] if t.comment else []
        local = annotator.locale_notes(t.msgctxt, t.msgid, locale)
        if any(n.startswith("glossary: ") for n in local):  # the locale's notes replace the template's
            notes = [n for n in "\n".join(notes).split("\n") if n and not n.startswith("glossary: ")]
        notes += local
        prev = active.get(key) or dead.get(key)
        if prev is not None:
            _copy_translation(prev, e)
            if prev.fuzzy:
                e.flags.insert(0, "fuzzy")
                e.previous_msgid = prev.previous_msgid
                e.previous_msgctxt = prev.previous_msgctxt
            kept += 1
        else:
            ctx = t.msgctxt if t.msgctxt and t.msgctxt.startswith(DISCLAIMER_PREFIX) else None
            match = None
            if ctx in pools:
                entries, index = pools[ctx]
                i = index.best(t.msgid)
                if i is not None:
                    match = entries[i]
            if match is not None:
                _copy_translation(match, e)
                e.flags.insert(0, "fuzzy")
                e.previous_msgid = match.msgid
                if match.msgctxt != t.msgctxt:
                    e.previous_msgctxt = match.msgctxt
                consumed.add(id(match))
                fuzzy += 1
            else:
                new += 1
        if t.msgctxt and t.msgctxt.startswith(DISCLAIMER_PREFIX):
            appr = annotator.approved(t.msgctxt[len(DISCLAIMER_PREFIX):], locale, t.msgid)
            if appr is not None:
                notes.append(appr.note)
                if not e.msgstr or e.fuzzy or e.msgstr == appr.text:
                    if e.msgstr != appr.text or (e.fuzzy and not appr.stale):
                        approved_n += 1
                    e.msgstr = appr.text
                    e.flags = [f for f in e.flags if f != "fuzzy"]
                    if appr.stale:
                        e.flags.insert(0, "fuzzy")
                    else:
                        e.previous_msgid = e.previous_msgctxt = None
        # a comment line's trailing blanks do not survive a PO round trip: never write them
        e.comment = "\n".join(line.rstrip() for n in notes for line in n.split("\n"))
        po.append(e)

    obsolete = 0
    for e in order:
        key = (e.msgctxt, e.msgid)
        if key in template_keys or id(e) in consumed:
            continue
        if not (_has_translation(e) or e.tcomment):
            continue
        o = polib.POEntry(msgid=e.msgid, msgid_plural=e.msgid_plural, msgctxt=e.msgctxt, msgstr=e.msgstr,
                          tcomment=e.tcomment, flags=list(e.flags), obsolete=True)
        if e.msgstr_plural:
            o.msgstr_plural = dict(e.msgstr_plural)
        po.append(o)
        obsolete += 1

    po.metadata_is_fuzzy = old.metadata_is_fuzzy if old is not None else False
    po.header = old.header if old is not None and old.header.strip() else (
        f"{locale} translation of {pot.header.split(':', 1)[0].removeprefix('Template of ')}.")
    stats = UpdateStats(total=len(pot), kept=kept, fuzzy=fuzzy, new=new, obsolete=obsolete, approved=approved_n)
    return po, stats
