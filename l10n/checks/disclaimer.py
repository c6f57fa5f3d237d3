"""Disclaimer integrity (L10N70x), the check no other tool has. Never waivable.

Every safety disclaimer of the template is in the catalog as many times as in
the source (its ``#:`` references), keeps its ``disclaimer:<id>`` context, is
translated (not the English text copied), not fuzzy, and equal to the locale's
approved translation from the glossary after NFC and whitespace
normalisation; where no approved translation exists, it contains the required
wording, negations and hedges listed for the locale, and at least as many
negations and hedges as the English text.

A disclaimer the glossary defines must have an approved translation for
every *configured* locale (L10N708): a locale listed in ``[tool.l10n]
locales`` whose translation was removed from ``glossary.yaml`` would
otherwise keep publishing the old, no longer vouched-for text. The
configured locales come from ``options["configured_locales"]`` (set by
``l10n check`` and the build from the project's settings); without it (a
catalog checked outside a project) no locale counts as configured.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import polib

from l10n.checks.context import CatalogContext, normalize_text, plain_text
from l10n.catalogs.annotate import lacks_approval
from l10n.checks.registry import Issue, check
from l10n.model import Severity, disclaimer_context, disclaimer_of

__all__ = ["CONFIGURED_LOCALES", "approved_text", "disclaimer_id", "lacks_approval"]

#: The key of the check options that carries the project's configured locales (see L10N708).
CONFIGURED_LOCALES = "configured_locales"



def disclaimer_id(entry: Any) -> str | None:
    """The disclaimer id of a catalog entry (from its msgctxt), or None."""
    ctxt = getattr(entry, "msgctxt", None)
    return disclaimer_of(ctxt)


def _disclaimer(glossary: Any, did: str) -> Any:
    if glossary is None or not hasattr(glossary, "disclaimer"):
        return None
    try:
        return glossary.disclaimer(did)
    except Exception:
        return None


def approved_text(glossary: Any, did: str, locale: str) -> str | None:
    """The approved (reviewed, current) translation of disclaimer ``did`` for ``locale``."""
    d = _disclaimer(glossary, did)
    if d is None or not hasattr(d, "approved_for"):
        return None
    try:
        a = d.approved_for(locale)
    except Exception:
        return None
    if a is None:
        return None
    return a if isinstance(a, str) else (getattr(a, "text", None) or None)


def _translation(d: Any, locale: str) -> Any:
    tr = getattr(d, "translations", None) or {}
    if locale in tr:
        return tr[locale]
    lang = locale.split("_")[0]
    return tr.get(lang)


def _lost_disclaimers(po: polib.POFile, live: dict, template: Any) -> Iterator[Issue]:
    """The disclaimers of ``template`` that the catalog lost, made obsolete, stripped of their context or
    carries fewer times."""
    for t in template:
        did = disclaimer_id(t)
        if t.obsolete or did is None:
            continue
        e = live.get((t.msgctxt, t.msgid))
        if e is None:
            plain = live.get((None, t.msgid))
            why = ("has lost its disclaimer context" if plain is not None
                   else "is obsolete" if any(x.obsolete and x.msgctxt == t.msgctxt for x in po)
                   else "is missing from the catalog")
            yield Issue(f"disclaimer {did!r} {why}", entry=plain, line=0 if plain else 1,
                        msgctxt=t.msgctxt, msgid=t.msgid, target="")
        elif len(e.occurrences) < len(t.occurrences):
            yield Issue(f"disclaimer {did!r} occurs {len(e.occurrences)} time(s), the source has "
                        f"{len(t.occurrences)}", entry=e)


def _unprotected_disclaimers(live: dict, glossary: Any, template: Any) -> Iterator[Issue]:
    """Entries holding the text of a disclaimer without its context (so not protected as one), unless the
    template has that text as a disclaimer."""
    keys = {(t.msgctxt, t.msgid) for t in template} if template is not None else None
    for (ctxt, msgid), e in live.items():
        if ctxt is None and msgid and len(msgid) > 30:
            d = glossary.disclaimer_by_text(msgid)
            if d is not None and (keys is None or (disclaimer_context(d.id), msgid) not in keys):
                yield Issue(f"text of disclaimer {d.id!r} without its msgctxt 'disclaimer:{d.id}': "
                            "it would not be protected", entry=e)


@check("L10N701", "disclaimer-missing", Severity.CRITICAL, suppressible=False, scope="catalog")
def disclaimer_missing(po: polib.POFile, ctx: CatalogContext):
    """A disclaimer is missing, obsolete, lost its context, or occurs fewer times than in the source."""
    live = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    if ctx.template is not None:
        yield from _lost_disclaimers(po, live, ctx.template)
    g = ctx.glossary
    if g is not None and hasattr(g, "disclaimer_by_text"):
        yield from _unprotected_disclaimers(live, g, ctx.template)


@check("L10N702", "disclaimer-untranslated", Severity.CRITICAL, suppressible=False, requires="any", when=("disclaimer",))
def disclaimer_untranslated(entry: polib.POEntry, ctx: CatalogContext):
    """A disclaimer is not translated, or its translation is the English text."""
    did = disclaimer_id(entry)
    if did is None or ctx.lang == ctx.source_lang or "fuzzy" in entry.flags:
        return
    if not entry.msgstr.strip():
        yield f"disclaimer {did!r} is not translated"
    elif normalize_text(entry.msgstr) == normalize_text(entry.msgid):
        yield f"disclaimer {did!r} is the English text, not a translation"


@check("L10N703", "disclaimer-fuzzy", Severity.CRITICAL, suppressible=False, requires="any", when=("disclaimer",))
def disclaimer_fuzzy(entry: polib.POEntry, ctx: CatalogContext):
    """A disclaimer is fuzzy: it would not be published, and nobody reviewed it."""
    did = disclaimer_id(entry)
    if did is not None and "fuzzy" in entry.flags:
        yield f"disclaimer {did!r} is fuzzy"


@check("L10N704", "disclaimer-approved", Severity.CRITICAL, suppressible=False, requires="any", when=("disclaimer",))
def disclaimer_approved(entry: polib.POEntry, ctx: CatalogContext):
    """A disclaimer differs from the locale's approved translation in the glossary."""
    did = disclaimer_id(entry)
    if did is None or "fuzzy" in entry.flags or not entry.msgstr.strip():
        return
    approved = approved_text(ctx.glossary, did, ctx.locale)
    if approved is None or normalize_text(entry.msgstr) == normalize_text(approved):
        return
    if normalize_text(entry.msgstr) == normalize_text(entry.msgid):
        return  # reported by L10N702
    a, b = normalize_text(approved), normalize_text(entry.msgstr)
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    yield (f"disclaimer {did!r} differs from the approved translation at character {i + 1}: "
           f"expected …{a[max(0, i - 15):i + 25]!r}, found …{b[max(0, i - 15):i + 25]!r}")


@check("L10N705", "disclaimer-wording", Severity.CRITICAL, suppressible=False, requires="any", when=("disclaimer",))
def disclaimer_wording(entry: polib.POEntry, ctx: CatalogContext):
    """A disclaimer without an approved translation lacks required wording, a negation or a hedge."""
    did = disclaimer_id(entry)
    if did is None or "fuzzy" in entry.flags or not entry.msgstr.strip() or ctx.lang == ctx.source_lang:
        return
    if approved_text(ctx.glossary, did, ctx.locale) is not None:
        return
    target = plain_text(entry.msgstr)
    low = normalize_text(target).lower()
    d = _disclaimer(ctx.glossary, did)
    tr = _translation(d, ctx.locale) if d is not None else None
    for kind in ("required", "negations", "hedges"):
        for word in tuple(getattr(tr, kind, ()) or ()) if tr is not None else ():
            if normalize_text(word).lower() not in low:
                yield f"disclaimer {did!r} lacks the required {kind.rstrip('s') if kind != 'required' else 'wording'} {word!r}"
    if ctx.negation_tgt.phrases:
        src_text = plain_text(entry.msgid)
        ns, nt = ctx.negation_src.count(src_text), ctx.negation_tgt.count(target)
        if nt < ns:
            yield f"disclaimer {did!r} has {nt} negation(s), the English text {ns}"
        hs, ht = ctx.hedge_src.count(src_text), ctx.hedge_tgt.count(target)
        if ht < hs:
            yield f"disclaimer {did!r} has {ht} hedge(s), the English text {hs}"


@check("L10N706", "disclaimer-stale", Severity.ERROR, suppressible=False, requires="any", when=("disclaimer",))
def disclaimer_stale(entry: polib.POEntry, ctx: CatalogContext):
    """The approved translation of a disclaimer was reviewed for an older English text."""
    did = disclaimer_id(entry)
    d = _disclaimer(ctx.glossary, did) if did else None
    if d is None or not hasattr(d, "is_stale"):
        return
    try:
        stale = d.is_stale(ctx.locale)
    except Exception:
        return
    if stale:
        yield f"the approved {ctx.locale} translation of {did!r} predates the current English text; re-review it"
        return
    by_text = getattr(ctx.glossary, "disclaimer_by_text", None)
    if by_text is not None and by_text(entry.msgid) is not d:
        yield (f"the article's English of {did!r} is no longer the glossary's text: its approved translation "
               "cannot vouch for this entry; update glossary.yaml and have the translation reviewed again")


@check("L10N707", "disclaimer-unknown", Severity.WARNING, suppressible=False, requires="any", when=("disclaimer",))
def disclaimer_unknown(entry: polib.POEntry, ctx: CatalogContext):
    """An entry claims to be a disclaimer that the glossary does not define."""
    did = disclaimer_id(entry)
    g = ctx.glossary
    if did is None or g is None or not hasattr(g, "disclaimer"):
        return
    if _disclaimer(g, did) is None:
        yield f"no disclaimer {did!r} in the glossary"


def _configured(ctx: CatalogContext) -> bool:
    from l10n.locales import PSEUDO_LOCALES

    if ctx.locale in PSEUDO_LOCALES or ctx.lang == ctx.source_lang:
        return False
    configured = (getattr(ctx, "options", None) or {}).get(CONFIGURED_LOCALES)
    return configured is not None and ctx.locale in configured


@check("L10N708", "disclaimer-unapproved", Severity.CRITICAL, suppressible=False, scope="catalog")
def disclaimer_unapproved(po: polib.POFile, ctx: CatalogContext):
    """A configured locale has no approved translation in the glossary for a disclaimer its catalog carries.

    Without one nobody vouches for the text: ``l10n update`` no longer fills
    it, and ``l10n build`` does not publish the articles carrying it in that
    locale until ``glossary.yaml`` has a reviewed translation again.
    """
    g = ctx.glossary
    if g is None or not _configured(ctx):
        return
    seen: set[str] = set()
    for e in po:
        did = disclaimer_id(e)
        if e.obsolete or did is None or did in seen or not lacks_approval(g, did, ctx.locale):
            continue
        seen.add(did)
        d = _disclaimer(g, did)
        where = f"{getattr(g, 'path', '') or 'glossary.yaml'}" + (f":{d.line}" if getattr(d, "line", 0) else "")
        yield Issue(f"disclaimer {did!r} has no approved {ctx.locale} translation in {where}: add a reviewed "
                    f"translations.{ctx.locale} entry there; the articles carrying it are not published in "
                    f"{ctx.locale} until then", entry=e)
