"""Updating a locale's catalog from its template (what ``msgmerge`` does).

Never loses work: an exact match keeps its translation, translator comments
and flags; a slightly edited message gets its old translation back as fuzzy
with the previous msgid (``#|``); a removed message becomes an obsolete
``#~`` entry. Matching is by content, so inserting or moving paragraphs
changes no translation. Safety disclaimers are filled from their approved
translation, and one approved for an older English text stays fuzzy.
"""

from __future__ import annotations

from collections import Counter
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


_Key = str | tuple[str, str]
_Pools = dict[str | None, tuple[list[polib.POEntry], FuzzyIndex]]


def _copy_translation(src: polib.POEntry, dst: polib.POEntry) -> None:
    dst.msgstr = src.msgstr
    if dst.msgid_plural and src.msgstr_plural:  # forms the catalog's rule has and the entry lacks: empty
        dst.msgstr_plural = {**dst.msgstr_plural, **src.msgstr_plural}
    dst.tcomment = src.tcomment
    dst.flags = [f for f in src.flags if f != "fuzzy"]


def _has_translation(e: polib.POEntry) -> bool:
    return bool(e.msgstr) or any(e.msgstr_plural.values()) if e.msgstr_plural else bool(e.msgstr)


def _key(e: polib.POEntry) -> _Key:
    """What identifies a message: its msgid, with its msgctxt if it has one (a string and a tuple are never
    equal: no two messages share a key; most messages have no context and need no tuple)."""
    return e.msgid if e.msgctxt is None else (e.msgctxt, e.msgid)


def _disclaimer_context(msgctxt: str | None) -> str | None:
    """The msgctxt if it marks a safety disclaimer, else None (the pool of ordinary messages)."""
    return msgctxt if msgctxt and msgctxt.startswith(DISCLAIMER_PREFIX) else None


@dataclass(frozen=True, slots=True)
class _Previous:
    """The old catalog, indexed: live and obsolete entries by key (first wins), all in file order."""

    active: dict[_Key, polib.POEntry]
    dead: dict[_Key, polib.POEntry]
    order: list[polib.POEntry]

    @classmethod
    def of(cls, old: polib.POFile | None) -> _Previous:
        prev = cls({}, {}, [])
        for e in old if old is not None else ():
            (prev.dead if e.obsolete else prev.active).setdefault(_key(e), e)
            prev.order.append(e)
        return prev

    def get(self, key: _Key) -> polib.POEntry | None:
        return self.active.get(key) or self.dead.get(key)


def _fuzzy_pools(prev: _Previous, template_keys: set[_Key]) -> _Pools:
    """Candidates for fuzzy matching, translated messages that left the template, by disclaimer context."""
    by_ctx: dict[str | None, list[polib.POEntry]] = {}
    for e in prev.order:
        if _key(e) not in template_keys and _has_translation(e):
            by_ctx.setdefault(_disclaimer_context(e.msgctxt), []).append(e)
    return {k: (v, FuzzyIndex([e.msgid for e in v])) for k, v in by_ctx.items()}


def _fuzzy_match(t: polib.POEntry, pools: _Pools) -> polib.POEntry | None:
    ctx = _disclaimer_context(t.msgctxt)
    if ctx not in pools:
        return None
    entries, index = pools[ctx]
    i = index.best(t.msgid)
    return None if i is None else entries[i]


def _fresh_entry(t: polib.POEntry, forms: int) -> polib.POEntry:
    e = polib.POEntry(msgid=t.msgid, msgid_plural=t.msgid_plural, msgctxt=t.msgctxt,
                      occurrences=list(t.occurrences), msgstr="")
    if t.msgid_plural:  # every form the catalog's own Plural-Forms has, empty (as msginit writes them)
        e.msgstr_plural = {i: "" for i in range(forms)}
    return e


def _notes(t: polib.POEntry, annotator: Annotator, locale: str) -> list[str]:
    notes = [t.comment] if t.comment else []
    local = annotator.locale_notes(t.msgctxt, t.msgid, locale)
    if any(n.startswith("glossary: ") for n in local):  # the locale's notes replace the template's
        notes = [n for n in "\n".join(notes).split("\n") if n and not n.startswith("glossary: ")]
    return notes + local


def _keep(prev: polib.POEntry, e: polib.POEntry) -> None:
    _copy_translation(prev, e)
    if prev.fuzzy:
        e.flags.insert(0, "fuzzy")
        e.previous_msgid = prev.previous_msgid
        e.previous_msgctxt = prev.previous_msgctxt


def _take_fuzzy(match: polib.POEntry, e: polib.POEntry) -> None:
    _copy_translation(match, e)
    e.flags.insert(0, "fuzzy")
    e.previous_msgid = match.msgid
    if match.msgctxt != e.msgctxt:
        e.previous_msgctxt = match.msgctxt


def _apply_approved(e: polib.POEntry, annotator: Annotator, locale: str, notes: list[str]) -> bool:
    """Fill a disclaimer from its approved translation; True if that counts as approved by this update."""
    if _disclaimer_context(e.msgctxt) is None:
        return False
    appr = annotator.approved(e.msgctxt[len(DISCLAIMER_PREFIX):], locale, e.msgid)
    if appr is None:
        return False
    notes.append(appr.note)
    if e.msgstr and not e.fuzzy and e.msgstr != appr.text:
        return False
    counted = e.msgstr != appr.text or (e.fuzzy and not appr.stale)
    e.msgstr = appr.text
    e.flags = [f for f in e.flags if f != "fuzzy"]
    if appr.stale:
        e.flags.insert(0, "fuzzy")
    else:
        e.previous_msgid = e.previous_msgctxt = None
    return counted


def _obsolete(e: polib.POEntry) -> polib.POEntry:
    o = polib.POEntry(msgid=e.msgid, msgid_plural=e.msgid_plural, msgctxt=e.msgctxt, msgstr=e.msgstr,
                      tcomment=e.tcomment, flags=list(e.flags), obsolete=True)
    if e.msgstr_plural:
        o.msgstr_plural = dict(e.msgstr_plural)
    return o


def _leftovers(prev: _Previous, template_keys: set[_Key], consumed: set[int]) -> list[polib.POEntry]:
    """Old entries the template no longer has and no fuzzy match took, worth keeping as ``#~``."""
    return [_obsolete(e) for e in prev.order
            if _key(e) not in template_keys and id(e) not in consumed and (_has_translation(e) or e.tcomment)]


def _new_catalog(pot: polib.POFile, old: polib.POFile | None, locale: str, revised: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=79, check_for_duplicates=False)
    po.metadata = po_header(pot.metadata, old.metadata if old is not None else None, locale, revised,
                            plurals=any(t.msgid_plural for t in pot))
    return po


def _finish_header(po: polib.POFile, pot: polib.POFile, old: polib.POFile | None, locale: str) -> None:
    po.metadata_is_fuzzy = old.metadata_is_fuzzy if old is not None else False
    po.header = old.header if old is not None and old.header.strip() else (
        f"{locale} translation of {pot.header.split(':', 1)[0].removeprefix('Template of ')}.")


def update_catalog(pot: polib.POFile, old: polib.POFile | None, locale: str, *,
                   annotator: Annotator | None = None, revised: str = "",
                   fuzzy_matching: bool = True) -> tuple[polib.POFile, UpdateStats]:
    """Merge ``pot`` into the previous catalog ``old`` (None for a new locale)."""
    annotator = annotator or NullAnnotator()
    prev = _Previous.of(old)
    template_keys = {_key(t) for t in pot}
    pools = _fuzzy_pools(prev, template_keys) if fuzzy_matching else {}
    po = _new_catalog(pot, old, locale, revised)
    # the catalog's own forms; gettext's default (two) where it declares none
    forms = parse_plural_forms(po.metadata["Plural-Forms"]).nplurals if po.metadata.get("Plural-Forms") else 2
    consumed: set[int] = set()
    counts = Counter[str]()
    for t in pot:
        e = _fresh_entry(t, forms)
        notes = _notes(t, annotator, locale)
        kept = prev.get(_key(t))
        match = _fuzzy_match(t, pools) if kept is None else None
        if kept is not None:
            _keep(kept, e)
            counts["kept"] += 1
        elif match is not None:
            _take_fuzzy(match, e)
            consumed.add(id(match))
            counts["fuzzy"] += 1
        else:
            counts["new"] += 1
        counts["approved"] += _apply_approved(e, annotator, locale, notes)
        # a comment line's trailing blanks do not survive a PO round trip: never write them
        comment = "\n".join(line.rstrip() for n in notes for line in n.split("\n"))
        e.comment = t.comment if comment == t.comment else comment  # the template's string when the same
        po.append(e)
    leftovers = _leftovers(prev, template_keys, consumed)
    for o in leftovers:
        po.append(o)
    _finish_header(po, pot, old, locale)
    stats = UpdateStats(total=len(pot), kept=counts["kept"], fuzzy=counts["fuzzy"], new=counts["new"],
                        obsolete=len(leftovers), approved=counts["approved"])
    return po, stats
