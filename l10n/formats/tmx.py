"""Translation-memory records as TMX 1.4, and back.

Pure functions over :class:`TMRecord` values: :func:`generate_tmx` writes a
TMX 1.4 document a CAT tool can import; :func:`parse_tmx` reads one
(safely, through :func:`~l10n.formats.xmlsafe.parse_xml`).

Each ``<tu>`` says where its translation comes from, so machine output is
never mistaken for a human translation::

    <tu creationdate="20240501T101500Z" creationid="deepl">
      <prop type="x-origin">machine</prop>
      <prop type="x-provider">deepl</prop>
      <tuv xml:lang="en"><seg>Take with food.</seg></tuv>
      <tuv xml:lang="es"><seg>Tomar con comida.</seg></tuv>
    </tu>

Segments are plain text: inline markup stays in the source's own syntax.

Each ``<tu>`` also records the target it was exported with
(``<prop type="x-l10n-base">``, :func:`tm_base`), so that an import tells a
unit the translator changed from one the memory changed since the export
(the three-way rule of XLIFF imports, see :mod:`l10n.formats.xliff`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from lxml import etree

from l10n.errors import CatalogError
from l10n.formats.xmlsafe import parse_xml

__all__ = ["TMRecord", "generate_tmx", "lang_matches", "match_locale", "parse_tmx", "same_language", "tm_base",
           "tmx_date"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ORIGINS = ("human", "machine")


@dataclass(frozen=True, slots=True)
class TMRecord:
    """One translation: ``origin`` is ``human`` or ``machine``; ``provider`` the engine or tool.

    ``base``: as read from a file, the :func:`tm_base` of the target it was
    exported with (empty when the file does not say).
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str = "human"
    provider: str = ""
    created: str = ""
    base: str = ""


def tm_base(target: str) -> str:
    """A short hash of a target as exported (``<prop type="x-l10n-base">``).

    >>> tm_base("Hola")
    '4e46dc0969e6'
    """
    return hashlib.sha1(target.encode("utf-8")).hexdigest()[:12]


def tmx_date(value: str) -> str:
    """A date as TMX wants it (``YYYYMMDDThhmmssZ``, UTC), or ``""`` when unknown.

    Accepts ISO 8601 and the PO header format.

    >>> tmx_date("2024-05-01 12:15+0200")
    '20240501T101500Z'
    >>> tmx_date("20240501T101500Z")
    '20240501T101500Z'
    """
    value = (value or "").strip()
    if not value:
        return ""
    if re.fullmatch(r"\d{8}T\d{6}Z", value):
        return value
    for fmt in ("%Y-%m-%d %H:%M%z", "%Y-%m-%d %H:%M:%S%z"):
        try:
            dt = datetime.strptime(value, fmt)
            break
        except ValueError:
            dt = None
    if dt is None:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _lang(code: str) -> str:
    return code.replace("_", "-")


def _subtags(code: str) -> list[str]:
    return [p for p in (code or "").strip().replace("_", "-").lower().split("-") if p]


def same_language(a: str, b: str) -> bool:
    """True when two BCP 47 tags (or POSIX locales) have the same primary language, case-insensitively.

    >>> same_language("en-US", "en"), same_language("EN_gb", "en-US"), same_language("es", "pt")
    (True, True, False)
    """
    sa, sb = _subtags(a), _subtags(b)
    return bool(sa) and bool(sb) and sa[0] == sb[0]


def lang_matches(tag: str, wanted: str) -> bool:
    """True when the language tag ``tag`` can serve the locale ``wanted``.

    Case and ``-``/``_`` do not matter. A language-only locale takes any
    variant of its language (``fr-FR`` serves ``fr``); a more specific
    locale needs its own subtags (``pt-BR`` serves ``pt_BR``, ``pt-PT`` and
    ``pt`` do not).

    >>> lang_matches("fr-FR", "fr"), lang_matches("pt-br", "pt_BR"), lang_matches("pt-PT", "pt_BR")
    (True, True, False)
    """
    st, sw = _subtags(tag), _subtags(wanted)
    return bool(sw) and st[:len(sw)] == sw


def match_locale(tag: str, locales: Iterable[str]) -> str | None:
    """The locale of ``locales`` that ``tag`` serves best (exact, then most specific), or None."""
    best: tuple[int, str] | None = None
    for loc in locales:
        if _subtags(loc) == _subtags(tag):
            return loc
        if lang_matches(tag, loc) and (best is None or len(_subtags(loc)) > best[0]):
            best = (len(_subtags(loc)), loc)
    return best[1] if best else None


def generate_tmx(records: Iterable[TMRecord], *, source_language: str = "en", tool_version: str = "") -> bytes:
    """The records as a TMX 1.4 document (UTF-8 bytes), in the order given.

    :raises CatalogError: a record's origin is neither ``human`` nor ``machine``,
        or its text has characters XML cannot carry.
    """
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", creationtool="l10n", creationtoolversion=tool_version or "0",
                              segtype="sentence", adminlang="en", srclang=_lang(source_language),
                              datatype="plaintext")
    header.set("o-tmf", "l10n")
    body = etree.SubElement(root, "body")
    for i, r in enumerate(records, 1):
        if r.origin not in _ORIGINS:
            raise CatalogError(f"translation-memory record {i}: origin must be human or machine, not {r.origin!r}")
        tu = etree.SubElement(body, "tu")
        date = tmx_date(r.created)
        if date:
            tu.set("creationdate", date)
        tu.set("creationid", r.provider or r.origin)
        etree.SubElement(tu, "prop", type="x-origin").text = r.origin
        if r.provider:
            etree.SubElement(tu, "prop", type="x-provider").text = r.provider
        try:
            etree.SubElement(tu, "prop", type="x-l10n-base").text = tm_base(r.target)
            for lang, text in ((r.source_lang, r.source), (r.target_lang, r.target)):
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(_XML_LANG, _lang(lang))
                etree.SubElement(tuv, "seg").text = text
        except ValueError as exc:
            raise CatalogError(f"translation-memory record {i}: {exc}") from None
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _seg_text(seg: etree._Element) -> str:
    """The text of a ``<seg>``: inline codes (``<ph>``, ``<bpt>``…) keep their native text."""
    return "".join(seg.itertext())


def _tmx_root(data: bytes, name: str) -> tuple[etree._Element, str]:
    """The ``<tmx>`` element and its header's source language."""
    root = parse_xml(data, name)
    if root.tag != "tmx":
        raise CatalogError(f"not a TMX document (root element {root.tag!r})", path=name, line=root.sourceline)
    header = root.find("header")
    if header is None:
        raise CatalogError("TMX without <header>", path=name, line=root.sourceline)
    return root, header.get("srclang", "")


def _origin(tu: etree._Element, props: Mapping[str | None, str]) -> tuple[str, str]:
    """A unit's origin (human unless it says machine) and provider."""
    origin = props.get("x-origin", "human").lower()
    if origin not in _ORIGINS:
        origin = "human"
    provider = props.get("x-provider") or (tu.get("creationid", "") if tu.get("creationid") not in _ORIGINS else "")
    return origin, provider


def _variants(tu: etree._Element, name: str) -> list[tuple[str, str]]:
    """Each ``<tuv>`` of a unit as (language, text)."""
    tuvs = []
    for tuv in tu.iterfind("tuv"):
        lang = tuv.get(_XML_LANG) or tuv.get("lang")
        seg = tuv.find("seg")
        if not lang or seg is None:
            raise CatalogError("<tuv> without xml:lang or <seg>", path=name, line=tuv.sourceline)
        tuvs.append((lang, _seg_text(seg)))
    return tuvs


def _source_variant(tuvs: list[tuple[str, str]], unit_src: str) -> tuple[str, str] | None:
    if unit_src == "*all*" or not unit_src:
        return tuvs[0] if tuvs else None
    # the exact tag first, else the same language (srclang="en", <tuv xml:lang="en-US">)
    return next((t for t in tuvs if _subtags(t[0]) == _subtags(unit_src)), None) or \
        next((t for t in tuvs if same_language(t[0], unit_src)), None)


def _unit_records(tu: etree._Element, srclang: str, name: str) -> list[TMRecord]:
    """The records of one ``<tu>``: its source variant paired with each other language's."""
    props = {p.get("type"): (p.text or "").strip() for p in tu.iterfind("prop")}
    origin, provider = _origin(tu, props)
    created = tu.get("creationdate", "")
    tuvs = _variants(tu, name)
    unit_src = tu.get("srclang") or srclang
    source = _source_variant(tuvs, unit_src)
    if source is None:
        raise CatalogError(f"<tu> has no variant in the source language {unit_src!r}", path=name,
                           line=tu.sourceline)
    return [TMRecord(source=source[1], target=text, source_lang=source[0], target_lang=lang,
                     origin=origin, provider=provider, created=created, base=props.get("x-l10n-base", ""))
            for lang, text in tuvs
            if not ((lang, text) is source or _subtags(lang) == _subtags(source[0]))]


def parse_tmx(data: bytes, name: str) -> list[TMRecord]:
    """Read a TMX document into records: one per target language of each ``<tu>``.

    :raises XMLSecurityError: hostile XML (entities, DTDs, network).
    :raises CatalogError: not a TMX document, or a unit without the source language.
    """
    root, srclang = _tmx_root(data, name)
    body = root.find("body")
    out: list[TMRecord] = []
    for tu in body.iterfind("tu") if body is not None else ():
        out.extend(_unit_records(tu, srclang, name))
    return out
