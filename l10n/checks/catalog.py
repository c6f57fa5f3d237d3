"""Catalog health (L10N1xx): the file is one that ``msgfmt -c`` would accept.

Syntax, a complete header, a ``Plural-Forms`` that is a rule the ecosystem
uses for the ``Language`` (the catalog's own formula is its truth), every
template entry present, no duplicates, every plural form filled.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polib

from l10n.checks.context import CatalogContext
from l10n.checks.registry import Issue, check
from l10n.model import Finding, Severity, disclaimer_of

__all__ = ["as_locale", "parse_catalog"]

REQUIRED_HEADER = ("Project-Id-Version", "PO-Revision-Date", "Last-Translator", "Language-Team", "Language",
                   "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms")
_DEFAULTS = {"Project-Id-Version": "PACKAGE VERSION", "PO-Revision-Date": "YEAR-MO-DA",
             "Last-Translator": "FULL NAME", "Language-Team": "LANGUAGE", "Content-Type": "CHARSET"}


def _syntax_finding(message: str, path: str, line: int) -> Finding:
    return Finding("L10N101", "syntax", Severity.ERROR, message, path=path, line=line, suppressible=False)


def parse_catalog(data: bytes, path: str = "") -> tuple[polib.POFile | None, list[Finding]]:
    """Parse PO bytes (in the charset the header declares), reporting what ``msgfmt`` rejects as an
    ``L10N101`` finding on the line ``msgfmt`` names.

    Returns ``(catalog, findings)``; the catalog is None when the file cannot
    be parsed at all. Duplicates of active entries and plural counts are left
    to the checks; an obsolete entry duplicating another is reported here.
    """
    from l10n.catalogs.pofile import read_po_unchecked
    from l10n.errors import CatalogError

    try:
        po = read_po_unchecked(data, path, layout=False)  # read, never written back
    except CatalogError as exc:
        return None, [_syntax_finding(exc.message, path, exc.line or 0)]
    return po, _obsolete_duplicates(po, path)


def _obsolete_duplicates(po: polib.POFile, path: str) -> list[Finding]:
    """msgfmt counts obsolete entries as definitions too (L10N105 reports active duplicates)."""
    from l10n.catalogs.pofile import msgid_line

    if not any(e.obsolete for e in po):
        return []
    first: dict[tuple[str | None, str], tuple[int, bool]] = {}
    found = []
    for e in po:
        key = (e.msgctxt, e.msgid)
        line = msgid_line(e)
        if key in first:
            if e.obsolete or first[key][1]:
                found.append(_syntax_finding(f"duplicate message definition (an obsolete entry counts; first at line "
                                             f"{first[key][0]})", path, line))
        else:
            first[key] = (line, bool(e.obsolete))
    return found


@check("L10N101", "msgfmt-check", Severity.ERROR, suppressible=False, scope="catalog")
def msgfmt_check(po: polib.POFile, ctx: CatalogContext):
    """Entries break a rule that ``msgfmt -c`` enforces.

    A translation must begin and end with a newline exactly when its msgid
    does; the header must name the charset the file is in (any charset GNU
    gettext reads: the catalog was read in it).
    """
    ctype = po.metadata.get("Content-Type", "")
    m = re.search(r"charset=([^\s;]+)", ctype)
    if ctype and not m:
        yield Issue("Content-Type names no charset", line=1, msgid="", target=ctype)
    elif m and m.group(1).upper() not in ("UTF-8", "UTF8", "CHARSET"):
        import codecs

        try:
            codec = codecs.lookup(m.group(1)).name
        except LookupError:
            yield Issue(f"Content-Type charset {m.group(1)} is not one GNU gettext and l10n read", line=1,
                        msgid="", target=ctype)
            return
        for e in po:  # a legacy charset is fine, as long as every text fits in it
            for text in (e.msgctxt or "", e.msgid, e.msgid_plural or "", e.msgstr, *e.msgstr_plural.values()):
                try:
                    text.encode(codec)
                except UnicodeEncodeError:
                    yield Issue(f"text that charset {m.group(1)} cannot hold (the file cannot be written in it)",
                                entry=e, target=text)
                    break
    for e in po:
        if e.obsolete or not e.msgid:
            continue
        forms = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        for form in forms:
            if not form:
                continue
            if e.msgid.startswith("\n") != form.startswith("\n"):
                yield Issue("msgid and msgstr do not both begin with '\\n'", entry=e, target=form)
            if e.msgid.endswith("\n") != form.endswith("\n"):
                yield Issue("msgid and msgstr do not both end with '\\n'", entry=e, target=form)


@check("L10N102", "header", Severity.ERROR, scope="catalog")
def header(po: polib.POFile, ctx: CatalogContext):
    """The header lacks a required field or still has its template placeholder."""
    meta = po.metadata
    missing = [k for k in REQUIRED_HEADER if not meta.get(k, "").strip()
               and not (k == "Plural-Forms" and not any(e.msgid_plural for e in po))]
    # msgfmt -c warns about both and compiles the file: a warning here too (an error must be a defect)
    if missing:
        yield Issue("header field(s) missing or empty: " + ", ".join(missing), line=1, msgid="", target="",
                    severity=Severity.WARNING)
    for key, default in _DEFAULTS.items():
        if default in meta.get(key, ""):
            yield Issue(f"header field {key} still has the placeholder {meta[key]!r}", line=1, msgid="",
                        target=meta[key], severity=Severity.WARNING)
    lang = meta.get("Language", "").strip()
    if lang and ctx.locale and lang.replace("-", "_").lower() != ctx.locale.lower():
        from l10n.locales import normalize_locale

        try:
            same = normalize_locale(lang) == ctx.locale
        except Exception:
            same = True  # not a locale identifier at all: L10N107 says so
        if not same:
            yield Issue(f"Language header says {lang!r}, the catalog is checked as {ctx.locale!r}", line=1,
                        msgid="", target=lang)


_CODE = re.compile(r"^[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|\d{3}))?$")


def as_locale(code: str) -> str | None:
    """Babel's identifier for ``code``; a well-formed ISO code CLDR does not know (``udm``) as it is;
    None for anything else (``Estonian``, ``LC_MESSAGES``, ``xx_YY`` is well-formed and kept)."""
    from l10n.errors import LocaleError
    from l10n.locales import normalize_locale

    try:
        return normalize_locale(code)
    except LocaleError:
        code = code.strip().replace("-", "_")
        return code if _CODE.match(code) else None


@check("L10N107", "language", Severity.WARNING, suppressible=False, scope="catalog")
def language_header(po: polib.POFile, ctx: CatalogContext):
    """The ``Language`` header is not a locale identifier (the locale came from the path or ``-l``).

    A catalog whose locale cannot be known at all gets this code at error
    severity instead of its checks (no file stops a run).
    """
    lang = po.metadata.get("Language", "").strip()
    if lang and as_locale(lang) is None:
        yield Issue(f"Language header {lang!r} is not a locale identifier (ll or ll_CC); checked as {ctx.locale}",
                    line=_header_line(po, "Language"), msgid="", target=lang)


def _parse_plural_forms(value: str) -> tuple[int | None, str | None]:
    n = re.search(r"nplurals\s*=\s*(\d+)", value)
    p = re.search(r"plural\s*=\s*([^;]+)", value)
    return (int(n.group(1)) if n else None), (p.group(1).strip() if p else None)


def _header_line(po: polib.POFile, field: str) -> int:
    """The line of a header field, counted from the header entry (the reader keeps no per-field lines)."""
    header = next((e for e in po if not e.msgid and not e.msgctxt and not e.obsolete), None)
    start = getattr(header, "linenum", 0) or 1
    for i, line in enumerate(po.metadata):
        if line == field:
            return start + 2 + i  # 'msgid ""', 'msgstr ""', then one line per field
    return start


@check("L10N103", "plural-forms", Severity.ERROR, scope="catalog")
def plural_forms_header(po: polib.POFile, ctx: CatalogContext):
    """``Plural-Forms`` is malformed, or none of the rules the ecosystem uses for the language.

    The catalog's declared formula is the truth for that catalog: it is
    evaluated as gettext does and accepted when, for n = 0…10,000, it picks
    the same forms as a rule GNU gettext, CLDR (across versions), Weblate,
    Transifex or translate-toolkit write for the language (see
    :mod:`l10n.catalogs.plurals`). French with ``n != 1`` or Turkish with
    ``n > 1`` is an error; a language nobody lists is not judged.
    """
    from l10n.catalogs.plurals import parse_plural_forms
    from l10n.errors import CatalogError

    value = po.metadata.get("Plural-Forms", "")
    if not value.strip():
        return
    line = _header_line(po, "Plural-Forms")
    try:
        forms = parse_plural_forms(value)
    except CatalogError as exc:
        yield Issue(exc.message, line=line, msgid="", target=value)
        return
    if not ctx.locale:
        return
    verdict = _judge_cached(forms, ctx.locale)
    if verdict.status == "wrong":
        # one form for all numbers cannot pick a wrong form, it only gives up a distinction the language's
        # rules make (Kyrgyz and Uzbek catalogs are written so): a warning; any other unknown rule picks
        # a wrong form for some n: an error
        yield Issue(verdict.message, line=line, msgid="", target=value,
                    severity=Severity.WARNING if forms.nplurals == 1 else None)


@lru_cache(maxsize=1024)
def _judge_cached(forms, locale: str):
    """Once per formula and language and process: the catalogs of one language share it."""
    from l10n.catalogs.plurals import judge

    return judge(forms, locale)


@check("L10N104", "missing-entry", Severity.ERROR, scope="catalog")
def missing_entry(po: polib.POFile, ctx: CatalogContext):
    """A template entry is missing from the catalog (run ``l10n update``)."""
    if ctx.template is None:
        return
    have = {(e.msgctxt, e.msgid) for e in po if not e.obsolete}
    for t in ctx.template:
        if t.obsolete or not t.msgid or (t.msgctxt, t.msgid) in have:
            continue
        if disclaimer_of(t.msgctxt) is not None:
            continue  # reported by the disclaimer check, which cannot be waived
        yield Issue(f"template entry missing from the catalog: {t.msgid[:60]!r}", line=1, msgctxt=t.msgctxt,
                    msgid=t.msgid, target="")


@check("L10N105", "duplicate", Severity.ERROR, suppressible=False, scope="catalog")
def duplicate(po: polib.POFile, ctx: CatalogContext):
    """The same msgctxt and msgid are defined twice (``msgfmt`` refuses the file)."""
    seen: dict[tuple[str | None, str], int] = {}
    for e in po:
        if e.obsolete or (not e.msgid and not e.msgctxt):
            continue
        key = (e.msgctxt, e.msgid)
        if key in seen:
            yield Issue(f"duplicate message definition (first at line {seen[key]})", entry=e)
        else:
            seen[key] = e.linenum


@check("L10N106", "plural-forms-filled", Severity.ERROR, requires="any", when=("plural",))
def plural_filled(entry: polib.POEntry, ctx: CatalogContext):
    """A plural entry does not have exactly the language's number of forms, all filled."""
    if not entry.msgid_plural:
        return
    forms = entry.msgstr_plural
    if not any(v.strip() for v in forms.values()):
        return  # untranslated: reported by L10N201
    n = ctx.nplurals
    if n is None and ctx.catalog is not None:
        n = _parse_plural_forms(ctx.catalog.metadata.get("Plural-Forms", ""))[0]
    if n is not None and sorted(forms) != list(range(n)):
        yield (f"plural entry has forms {sorted(forms)}, the catalog's Plural-Forms declares {n} "
               f"(msgstr[0]..msgstr[{n - 1}])")
    empty = [k for k, v in sorted(forms.items()) if not v.strip()]
    if empty:
        yield "plural form(s) left empty: " + ", ".join(f"msgstr[{k}]" for k in empty)
