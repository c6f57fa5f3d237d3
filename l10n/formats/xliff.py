"""A locale catalog as XLIFF 1.2 for CAT tools, and the translations merged back.

Pure functions over values: :func:`catalog_to_xliff` turns a polib catalog
into XLIFF bytes; :func:`read_xliff` parses (safely) and validates XLIFF
bytes into :class:`XliffFile`; :func:`merge_xliff` merges its targets into a
copy of the catalog and reports what it could not merge.

**Unit ids.** Every PO entry ``(msgctxt, msgid)`` has the id
:func:`unit_id`: ``"u"`` + the first 16 hex digits of the SHA-1 of the
UTF-8 of ``msgctxt + "\\x04" + msgid`` (just ``msgid`` without a context —
the key GNU gettext uses in MO files). The same sentence has the same id in
every locale and every export; an edited English sentence gets a new id, so
an old XLIFF unit can never overwrite a new sentence.

**Inline markup** (Markdown ``**b**``, ``*i*``, ``[t](url)``, inline code;
HTML tags) becomes XLIFF inline elements: ``<g id ctype>`` around translated
content and ``<x id ctype/>`` for standalone codes, the codes themselves
being taken back from the catalog's msgid on import. Codes a translation has
that the source has not (a localised link, say) travel as ``<bpt>``/``<ept>``
and ``<ph>`` with the native code as content. A target's ``<g>``/``<x>``
take the ids of the source's codes with the same code text, in order of
occurrence, so every id is unique. Either way the PO text comes back byte
for byte.

**HTML text** (an entry referencing a .html/.htm document, or a plain-text
msgid with HTML tags or entities, see :func:`entry_format`) is plain text in
XLIFF: entities are unescaped on export, and on import the text is escaped
again (``&``, ``<``, ``>``; see :func:`html_escaper`) so only the inline
elements become markup. An untouched target gives back the msgstr itself.
Markdown text is not escaped.

**States.** untranslated: no target text, ``state="needs-translation"``;
fuzzy: ``needs-review-translation`` + ``state-qualifier="fuzzy-match"``;
unreviewed machine translation: ``needs-review-translation`` +
``state-qualifier="mt-suggestion"`` and a note; translated: ``translated``;
a safety disclaimer carrying its approved translation: ``final``,
``approved="yes"`` and ``translate="no"`` (locked).

Reviewed units (``translated``, ``final``) also carry ``approved="yes"``:
translate-toolkit (Weblate) reads a unit without it as fuzzy, Okapi and
OmegaT read the state. On import a target confirmed as ``translated``,
``final`` or ``signed-off`` becomes a normal translation; with no state,
``approved="no"`` makes it fuzzy, else it is confirmed; any other state with
text becomes fuzzy. An empty or missing target changes nothing.

**Three-way merge.** Every unit records the state of the catalog entry it
was exported from (:func:`base_hash`: locale, msgstr and review state) in a
context group CAT tools carry through untouched::

    <context-group purpose="information">
      <context context-type="x-l10n-base">es:3f2a9c01d4e5</context>
    </context-group>

(the locale it was exported for, then the hash).

On import the file's unit (its text and state, as it would be merged) and
the catalog's entry are each compared with that base: a unit the translator
did not change is a no-op, even when the catalog has moved on; a unit
changed only in the file merges; a unit changed in both, differently, is a
*conflict*, not merged unless ``take`` says whose text wins. A unit without
a base (a file from another tool) merges into an untranslated entry only.
:func:`conflicts_to_xliff` writes the conflicts as a file to resolve and
import again.

**Identity.** The header records what the file was exported for
(``<phase phase-name="l10n-export" job-id="fr|en|kratom.md">``); a file
whose ``target-language``, ``source-language`` or ``original`` no longer say
the same is refused (see :func:`identity_problem`).
"""

from __future__ import annotations

import copy
import hashlib
import html
import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import polib
from lxml import etree

from l10n.model import DISCLAIMER_PREFIX
from l10n.errors import CatalogError
from l10n.formats.inline import Code, Node, Span, flatten, format_of, parse_inline
from l10n.formats.xmlsafe import parse_xml, xml_parser

__all__ = ["NS", "MergeResult", "UnitProblem", "XliffFile", "XliffUnit", "base_hash", "catalog_format",
           "catalog_to_xliff", "conflicts_to_xliff", "document_of", "entry_format", "entry_state", "html_escaper",
           "identity_problem", "merge_xliff", "read_xliff", "unit_id", "validate_xliff"]

NS = "urn:oasis:names:tc:xliff:document:1.2"
_X = f"{{{NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SCHEMA = Path(__file__).resolve().parent / "schemas" / "xliff-core-1.2-strict.xsd"
_DATATYPE = {"markdown": "x-markdown", "html": "html", "plaintext": "plaintext"}
_CONFIRMED = {"translated", "final", "signed-off"}
MT_NOTE = "Unreviewed machine translation: check it against the source and confirm it (state: translated)."
LOCK_NOTE = "Approved safety disclaimer: locked. Changes go through the medical reviewers, not the CAT tool."
BASE_CONTEXT = "x-l10n-base"
EXPORT_PHASE = "l10n-export"
#: how ``take`` resolves a conflict: the file's text, or the catalog's
TAKE = ("theirs", "ours")


def _review_class(state: str | None, text: str) -> str:
    """untranslated / fuzzy / reviewed: what a state means for a merge."""
    if not text:
        return "untranslated"
    return "reviewed" if state in _CONFIRMED else "fuzzy"


def base_hash(locale: str, msgstr: str, state: str | None) -> str:
    """A short hash of one entry's translation as a merge sees it: locale, text and review state.

    >>> base_hash("es", "Hola", "translated") == base_hash("es", "Hola", "final")
    True
    >>> base_hash("es", "Hola", "translated") == base_hash("es", "Hola", "needs-review-translation")
    False
    """
    key = "\x00".join((_lang(locale).lower(), msgstr, _review_class(state, msgstr)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def unit_id(msgctxt: str | None, msgid: str) -> str:
    """The stable XLIFF unit id of a PO entry (see the module docstring).

    >>> unit_id(None, "Hello")
    'uf7ff9e8b7bb2e09b'
    """
    key = msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"
    return "u" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def catalog_format(po: polib.POFile) -> str:
    """The markup of a catalog's messages, from its references (``doc.md#…`` → markdown)."""
    for e in po:
        for path, _line in e.occurrences:
            return format_of(path)
    return "plaintext"


def _document_name(po: polib.POFile, default: str) -> str:
    for e in po:
        for path, _line in e.occurrences:
            return path.split("#", 1)[0]
    return default


def _approved_lock(e: polib.POEntry, approved: Mapping[str, str]) -> bool:
    """True for a safety disclaimer whose msgstr is its approved translation."""
    if not (e.msgctxt and e.msgctxt.startswith(DISCLAIMER_PREFIX)) or "fuzzy" in e.flags:
        return False
    text = approved.get(e.msgctxt[len(DISCLAIMER_PREFIX):])
    return text is not None and bool(e.msgstr) and e.msgstr == text


def entry_state(e: polib.POEntry, approved: Mapping[str, str],
                machine: Callable[[polib.POEntry], bool]) -> tuple[str, str | None]:
    """The XLIFF ``(state, state-qualifier)`` of a PO entry."""
    if not e.msgstr:
        return "needs-translation", None
    if _approved_lock(e, approved):
        return "final", None
    if machine(e):  # checked first: unreviewed machine output is fuzzy too
        return "needs-review-translation", "mt-suggestion"
    if "fuzzy" in e.flags:
        return "needs-review-translation", "fuzzy-match"
    return "translated", None


# -- inline markup <-> XLIFF elements ------------------------------------------------------------------------------

def _source_table(nodes: tuple[Node, ...]) -> dict[str, Node]:
    """id -> Span/Code of a source, numbered in document order."""
    table: dict[str, Node] = {}

    def walk(ns: tuple[Node, ...]) -> None:
        for n in ns:
            if isinstance(n, str):
                continue
            table[str(len(table) + 1)] = n
            if isinstance(n, Span):
                walk(n.children)

    walk(nodes)
    return table


def _add_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _code_queues(table: dict[str, Node]) -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    """The source's ids by original code text (span open/close, standalone raw), in document order."""
    spans: dict[tuple[str, str], list[str]] = {}
    codes: dict[str, list[str]] = {}
    for key, n in table.items():
        if isinstance(n, Span):
            spans.setdefault((n.open, n.close), []).append(key)
        else:
            codes.setdefault(n.raw, []).append(key)
    return spans, codes


def _render(parent: etree._Element, nodes: tuple[Node, ...], table: dict[str, Node], *, source: bool,
            counter: list[int], unescape: Callable[[str], str] = str,
            queues: tuple[dict, dict] | None = None) -> None:
    """Append ``nodes`` to ``parent`` as XLIFF inline content.

    In a target, each code takes the id of the next unused source code with
    the same original text (in order of occurrence), so ids stay unique and
    correspond to the source's; a code with no unused counterpart travels as
    ``<bpt>``/``<ept>`` or ``<ph>`` with a fresh id. ``unescape`` turns the
    msgid's text into plain XLIFF text (HTML entities → characters).
    """
    if queues is None:
        queues = _code_queues(table)
    spans, codes = queues
    for n in nodes:
        if isinstance(n, str):
            _add_text(parent, unescape(n))
        elif isinstance(n, Span):
            if source:
                key = str(counter[0] + 1)
                counter[0] += 1
            else:
                free = spans.get((n.open, n.close))
                key = free.pop(0) if free else None
            if key is not None:
                g = etree.SubElement(parent, _X + "g", id=key, ctype=n.ctype)
                _render(g, n.children, table, source=source, counter=counter, unescape=unescape, queues=queues)
            else:
                counter[0] += 1
                pair = str(counter[0])
                etree.SubElement(parent, _X + "bpt", id=pair, ctype=n.ctype).text = n.open
                _render(parent, n.children, table, source=source, counter=counter, unescape=unescape,
                        queues=queues)
                etree.SubElement(parent, _X + "ept", id=pair).text = n.close
        else:
            if source:
                key = str(counter[0] + 1)
                counter[0] += 1
            else:
                free = codes.get(n.raw)
                key = free.pop(0) if free else None
            if key is not None:
                etree.SubElement(parent, _X + "x", id=key, ctype=n.ctype)
            else:
                counter[0] += 1
                etree.SubElement(parent, _X + "ph", id=str(counter[0]), ctype=n.ctype).text = n.raw


def _inline_element(tag: str, text: str, fmt: str, table: dict[str, Node] | None) -> etree._Element:
    """``<source>``/``<target>`` for ``text``; ``table`` is the source's codes (None when rendering the source).

    In HTML the text between codes is HTML source: its entities become plain
    characters in XLIFF (``&amp;`` → ``&``), the way a CAT tool shows them.
    """
    elem = etree.Element(_X + tag)
    nodes = parse_inline(text, fmt)
    unescape = html.unescape if fmt == "html" else str
    if table is None:
        _render(elem, nodes, {}, source=True, counter=[0], unescape=unescape)
    else:
        _render(elem, nodes, table, source=False, counter=[len(table)], unescape=unescape)
    return elem


_HTML_HINT = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def entry_format(e: polib.POEntry, default: str) -> str:
    """The markup of one entry's msgid: from its references, else ``default``.

    A plain-text entry whose msgid contains HTML tags or entities is HTML
    source. Markdown stays Markdown (its text is never escaped).
    """
    fmt = default
    for path, _line in e.occurrences:
        fmt = format_of(path)
        break
    if fmt == "plaintext" and _HTML_HINT.search(e.msgid):
        fmt = "html"
    return fmt


def html_escaper(*samples: str) -> Callable[[str], str]:
    """Plain XLIFF text → HTML source text: ``&``, ``<``, ``>`` escaped.

    A character that ``samples`` (the msgid, the old msgstr) write as an
    entity (``&copy;``, ``&#39;``) is written with that entity again, so an
    edit keeps the article's own spelling.
    """
    table = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    for sample in samples:
        for m in _ENTITY.finditer(sample or ""):
            char = html.unescape(m.group(0))
            if len(char) == 1 and char not in table:
                table[char] = m.group(0)
    trans = str.maketrans(table)
    return lambda text: text.translate(trans)


def _native(elem: etree._Element, table: dict[str, Node], problems: list[str],
            escape: Callable[[str], str] = str) -> str:
    """The PO text of an XLIFF ``<target>`` (or of any inline container).

    Text goes through ``escape`` (HTML escaping for HTML msgids); only the
    inline elements become markup, the native codes of ``<bpt>``/``<ept>``/
    ``<ph>`` verbatim.
    """
    out = [escape(elem.text or "")]
    for child in elem:
        if not isinstance(child.tag, str):  # comments, processing instructions
            out.append(escape(child.tail or ""))
            continue
        tag = etree.QName(child).localname
        key = child.get("id", "")
        if tag == "g":
            span = table.get(key)
            if isinstance(span, Span):
                out.append(span.open + _native(child, table, problems, escape) + span.close)
            else:
                problems.append(f"<g id={key!r}> has no counterpart in the source")
        elif tag == "x":
            code = table.get(key)
            if isinstance(code, Code):
                out.append(code.raw)
            else:
                problems.append(f"<x id={key!r}/> has no counterpart in the source")
        elif tag in ("bpt", "ept", "ph", "it"):
            out.append("".join(child.itertext()))
        elif tag == "mrk":
            out.append(_native(child, table, problems, escape))
        else:
            problems.append(f"<{tag}> is not supported in a target")
        out.append(escape(child.tail or ""))
    return "".join(out)


def _shape(elem: etree._Element) -> tuple:
    """A comparable form of inline content: text, tags, ids and nothing tool-specific."""
    items: list = [elem.text or ""]
    for child in elem:
        if isinstance(child.tag, str):
            tag = etree.QName(child).localname
            if tag == "mrk":
                items.append(_shape(child))
            else:
                items.append((tag, child.get("id"), _shape(child)))
        items.append(child.tail or "")
    flat: list = []
    for item in items:
        if isinstance(item, str) and flat and isinstance(flat[-1], str):
            flat[-1] += item
        elif item != "":
            flat.append(item)
    return tuple(flat)


# -- export ------------------------------------------------------------------------------------------------------

def _comment_notes(comment: str) -> list[str]:
    """``#.`` notes: one per line (l10n writes comment lines unwrapped)."""
    return [line for line in comment.split("\n") if line.strip()]


def _lang(locale: str) -> str:
    return locale.replace("_", "-")


def _indent(elem: etree._Element, level: int = 0) -> None:
    """Pretty-print the structure, never touching the inside of source/target/note."""
    pad = "\n" + "  " * (level + 1)
    if len(elem):
        elem.text = pad
        for child in elem:
            if etree.QName(child).localname in ("xliff", "file", "header", "body", "trans-unit", "phase-group",
                                                 "context-group"):
                _indent(child, level + 1)
            child.tail = pad
        elem[-1].tail = "\n" + "  " * level


def catalog_to_xliff(po: polib.POFile, *, locale: str, source_language: str = "en", original: str = "",
                     approved: Mapping[str, str] | None = None,
                     machine: Callable[[polib.POEntry], bool] | None = None, tool_version: str = "") -> bytes:
    """One catalog as an XLIFF 1.2 document (UTF-8 bytes), valid against the strict schema.

    :param locale: the catalog's locale (``pt_BR``; written as ``pt-BR``).
    :param original: the source document's name (default: from the references).
    :param approved: disclaimer id -> approved translation for this locale;
        a disclaimer whose msgstr is that text is exported locked.
    :param machine: tells an unreviewed machine translation (default: none is).
    Obsolete entries, the header and plural entries are not exported.
    """
    approved = approved or {}
    machine = machine or (lambda e: False)
    fmt = catalog_format(po)
    root = etree.Element(_X + "xliff", nsmap={None: NS}, version="1.2")
    original = original or _document_name(po, "messages")
    file_el = etree.SubElement(root, _X + "file", original=original, datatype=_DATATYPE[fmt])
    file_el.set("source-language", _lang(source_language))
    file_el.set("target-language", _lang(locale))
    file_el.set("tool-id", "l10n")
    header = etree.SubElement(file_el, _X + "header")
    phases = etree.SubElement(header, _X + "phase-group")
    phase = etree.SubElement(phases, _X + "phase", {"phase-name": EXPORT_PHASE, "process-name": "translation",
                                                    "tool-id": "l10n"})
    phase.set("job-id", _identity(locale, source_language, original))
    tool = etree.SubElement(header, _X + "tool")
    tool.set("tool-id", "l10n")
    tool.set("tool-name", "l10n")
    if tool_version:
        tool.set("tool-version", tool_version)
    etree.SubElement(header, _X + "note").text = (
        "Exported by l10n. Translate the targets; keep the inline tags. Units marked translate=\"no\" are approved "
        "safety disclaimers and must not be changed. Import with: l10n xliff import FILE")
    body = etree.SubElement(file_el, _X + "body")
    for e in po:
        if e.obsolete or e.msgid_plural or not e.msgid:
            continue
        try:
            unit = _unit(e, fmt, approved, machine, locale)
        except ValueError as exc:  # a character XML cannot carry
            raise CatalogError(f"cannot export to XLIFF: {exc}", line=e.linenum) from None
        body.append(unit)
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _unit(e: polib.POEntry, fmt: str, approved: Mapping[str, str],
          machine: Callable[[polib.POEntry], bool], locale: str) -> etree._Element:
    unit = etree.Element(_X + "trans-unit", id=unit_id(e.msgctxt, e.msgid))
    unit.set(_XML_SPACE, "preserve")
    if e.msgctxt is not None:
        unit.set("resname", e.msgctxt)
    state, qualifier = entry_state(e, approved, machine)
    if state == "final":
        unit.set("translate", "no")
    if state in _CONFIRMED:  # translate-toolkit (Weblate) reads a unit without approved="yes" as fuzzy
        unit.set("approved", "yes")
    fmt = entry_format(e, fmt)
    source = _inline_element("source", e.msgid, fmt, None)
    unit.append(source)
    table = _source_table(parse_inline(e.msgid, fmt))
    target = _inline_element("target", e.msgstr, fmt, table)
    target.set("state", state)
    if qualifier:
        target.set("state-qualifier", qualifier)
    unit.append(target)
    group = etree.SubElement(unit, _X + "context-group", purpose="information")
    etree.SubElement(group, _X + "context", {"context-type": BASE_CONTEXT}).text = (
        f"{_lang(locale)}:{base_hash(locale, e.msgstr, state)}")
    if state == "final":
        _note(unit, LOCK_NOTE, "l10n", priority="1")
    if qualifier == "mt-suggestion":
        _note(unit, MT_NOTE, "l10n", priority="2")
    for text in _comment_notes(e.comment or ""):
        _note(unit, text, "l10n", priority="1" if text.startswith("SAFETY") else None)
    for text in (e.tcomment or "").split("\n"):
        if text.strip():
            _note(unit, text, "translator")
    refs = " ".join(p for p, _ in e.occurrences)
    if refs:
        _note(unit, f"references: {refs}", "l10n", priority="10")
    return unit


def _note(unit: etree._Element, text: str, origin: str, priority: str | None = None) -> None:
    note = etree.SubElement(unit, _X + "note")
    note.set("from", origin)
    if priority:
        note.set("priority", priority)
    note.text = text


# -- import ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class XliffUnit:
    """One ``<trans-unit>`` as read from a file."""

    id: str
    line: int
    source: etree._Element = field(repr=False, compare=False)
    target: etree._Element | None = field(repr=False, compare=False)
    state: str | None
    locked: bool
    base: str | None = None
    approved: str | None = None
    base_locale: str | None = None


@dataclass(frozen=True)
class XliffFile:
    """One ``<file>`` of an XLIFF document."""

    name: str
    original: str
    source_language: str
    target_language: str
    units: tuple[XliffUnit, ...]
    exported_for: str | None = None
    line: int = 0

    @property
    def domain(self) -> str:
        """The catalog the file belongs to: the original document's name without folder and suffix."""
        return self.original.rsplit("/", 1)[-1].rsplit(".", 1)[0]


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    doc = etree.parse(str(_SCHEMA), parser=xml_parser())
    return etree.XMLSchema(doc)


def validate_xliff(root: etree._Element, name: str) -> None:
    """Raise :class:`CatalogError` (with the line) unless ``root`` is valid XLIFF 1.2 strict."""
    if etree.QName(root).namespace != NS or etree.QName(root).localname != "xliff":
        raise CatalogError(f"not an XLIFF 1.2 document (root element {root.tag!r})", path=name,
                           line=root.sourceline)
    schema = _schema()
    if not schema.validate(root.getroottree()):
        err = schema.error_log.last_error
        msg = err.message.replace(f"{{{NS}}}", "") if err else "invalid"
        raise CatalogError(f"not valid XLIFF 1.2: {msg}", path=name, line=err.line if err else None)


def read_xliff(data: bytes, name: str) -> list[XliffFile]:
    """Parse and validate XLIFF bytes (safely: no entities, DTDs or network).

    :raises XMLSecurityError: hostile XML.
    :raises CatalogError: malformed or schema-invalid XLIFF, or duplicate units.
    """
    root = parse_xml(data, name)
    validate_xliff(root, name)
    files = []
    for f in root.iterfind(_X + "file"):
        units = []
        for u in f.iter(_X + "trans-unit"):
            target = u.find(_X + "target")
            base = base_locale = None
            for ctx in u.iterfind(f"{_X}context-group/{_X}context"):
                if ctx.get("context-type") == BASE_CONTEXT:
                    text = (ctx.text or "").strip()
                    base_locale, _, base = text.rpartition(":")
                    base, base_locale = base or None, base_locale or None
            units.append(XliffUnit(id=u.get("id"), line=u.sourceline or 0, source=u.find(_X + "source"),
                                   target=target, state=target.get("state") if target is not None else None,
                                   locked=u.get("translate") == "no", base=base, approved=u.get("approved"),
                                   base_locale=base_locale))
        if not f.get("target-language"):
            raise CatalogError("<file> has no target-language", path=name, line=f.sourceline)
        exported_for = None
        for ph in f.iterfind(f"{_X}header/{_X}phase-group/{_X}phase"):
            if ph.get("phase-name") == EXPORT_PHASE and ph.get("job-id"):
                exported_for = ph.get("job-id")
        files.append(XliffFile(name=name, original=f.get("original"), source_language=f.get("source-language"),
                               target_language=f.get("target-language"), units=tuple(units),
                               exported_for=exported_for, line=f.sourceline or 0))
    return files


def _identity(locale: str, source_language: str, original: str) -> str:
    return f"{_lang(locale)}|{_lang(source_language)}|{original}"


def _same_tag(a: str | None, b: str | None) -> bool:
    return (a or "").replace("_", "-").lower() == (b or "").replace("_", "-").lower()


def identity_problem(xf: XliffFile, *, locale: str, source_language: str, document: str | None) -> str | None:
    """Why ``xf`` cannot go into the catalog of ``locale`` for ``document``, or None when it can.

    The file must still say what it was exported for (its export phase and
    the locale each unit records, when it has them), and that must be this
    catalog: its ``target-language`` the catalog's locale, its
    ``source-language`` the project's (``en-US`` is ``en``), its
    ``original`` the catalog's document (when the catalog names one in its
    references).
    """
    if xf.exported_for:
        parts = xf.exported_for.split("|", 2)
        if len(parts) == 3:
            was_target, was_source, was_original = parts
            for label, now_, then in (("target-language", xf.target_language, was_target),
                                      ("source-language", xf.source_language, was_source)):
                if not _same_tag(now_, then):
                    return (f"{label} is {now_!r} but the file was exported with {then!r}; "
                            "a file is imported into the catalog it was exported from")
            if (xf.original or "") != was_original:
                return (f"original is {xf.original!r} but the file was exported from {was_original!r}; "
                        "a file is imported into the catalog it was exported from")
    for u in xf.units:  # every unit records the locale it was exported for, too
        if u.base_locale and not _same_tag(u.base_locale, xf.target_language):
            return (f"target-language is {xf.target_language!r} but unit {u.id} (line {u.line}) was exported "
                    f"for {u.base_locale!r}; a file is imported into the catalog it was exported from")
    if not _same_tag(xf.target_language, locale):
        return f"target-language {xf.target_language!r} is not the catalog's language {_lang(locale)!r}"
    src = (xf.source_language or "").replace("_", "-").lower().split("-")
    want = source_language.replace("_", "-").lower().split("-")
    if src[:len(want)] != want:
        return f"source-language {xf.source_language!r} is not the project's source language {source_language!r}"
    if document and (xf.original or "") != document:
        return f"original {xf.original!r} is not the catalog's document {document!r}"
    return None


def document_of(po: polib.POFile) -> str | None:
    """The source document a catalog's references name (``kratom.md``), or None."""
    name = _document_name(po, "")
    return name or None


@dataclass(frozen=True, slots=True)
class UnitProblem:
    """A unit that was not merged, and why (``kind``: stale, locked, markup, duplicate, conflict).

    For a conflict, ``entry_line`` is the entry's line in the catalog and
    ``ours``/``theirs`` the catalog's and the file's texts.
    """

    kind: str
    unit_id: str
    path: str
    line: int
    message: str
    entry_line: int = 0
    ours: str | None = None
    theirs: str | None = None
    theirs_reviewed: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.unit_id}: {self.message}"


@dataclass(frozen=True)
class MergeResult:
    """What :func:`merge_xliff` did: the new catalog and the counts.

    ``merged``: the ``(msgctxt, msgid)`` of the entries whose translation
    changed (for the checks an import runs on what it brought in).
    """

    po: polib.POFile
    changed: int = 0
    unchanged: int = 0
    problems: tuple[UnitProblem, ...] = ()
    merged: tuple[tuple[str | None, str], ...] = ()


def _confirmed(u: XliffUnit) -> bool:
    """Whether a unit's target is a reviewed translation: its state, else its ``approved`` attribute."""
    if u.state is None:
        return u.approved != "no"
    return u.state in _CONFIRMED


def _target_text(u: XliffUnit, e: polib.POEntry, efmt: str, table: dict[str, Node], bad: list[str]) -> str:
    """The PO text of a unit's target ("" if it has none); markup it cannot carry back goes into ``bad``."""
    if u.target is None:
        return ""
    if _shape(u.target) == _shape(_inline_element("target", e.msgstr, efmt, table)):
        return e.msgstr  # the target as exported: the msgstr byte for byte
    escape = html_escaper(e.msgid, e.msgstr) if efmt == "html" else str
    return _native(u.target, table, bad, escape)


def _as_exported(u: XliffUnit, e: polib.POEntry, text: str, state: str, qualifier: str | None) -> bool:
    """Whether a unit's text and state are what an export of ``e`` writes."""
    return text == e.msgstr and u.state == state and (
        u.target is None or u.target.get("state-qualifier") == qualifier)


# what the three-way merge makes of one unit
_PROBLEM, _UNCHANGED, _MERGE = "problem", "unchanged", "merge"


class _Merger:
    """One import: the units of an XLIFF file merged into a catalog, one at a time, counted and reported."""

    def __init__(self, po: polib.POFile, xf: XliffFile, approved: Mapping[str, str],
                 machine: Callable[[polib.POEntry], bool], mark_reviewed: Callable[[polib.POEntry], None] | None,
                 take: str | None, loc: str) -> None:
        self.po, self.xf, self.approved, self.machine = po, xf, approved, machine
        self.mark_reviewed, self.take, self.loc = mark_reviewed, take, loc
        self.fmt = catalog_format(po)
        self.index = {unit_id(e.msgctxt, e.msgid): e for e in po if not e.obsolete and not e.msgid_plural and e.msgid}
        self.problems: list[UnitProblem] = []
        self.merged: list[tuple[str | None, str]] = []
        self.changed = self.unchanged = 0
        self.seen: set[str] = set()

    def result(self) -> MergeResult:
        return MergeResult(po=self.po, changed=self.changed, unchanged=self.unchanged,
                           problems=tuple(self.problems), merged=tuple(self.merged))

    def problem(self, kind: str, u: XliffUnit, msg: str, **extra: Any) -> None:
        self.problems.append(UnitProblem(kind, u.id, self.xf.name, u.line, msg, **extra))

    def unit(self, u: XliffUnit) -> None:
        e = self._entry(u)
        text = None if e is None else self._text(u, e)
        if e is None or text is None:
            return
        verdict = self._verdict(u, e, text)
        if verdict == _UNCHANGED:
            self.unchanged += 1
        elif verdict == _MERGE:
            self._write(u, e, text)

    def _entry(self, u: XliffUnit) -> polib.POEntry | None:
        if u.id in self.seen:
            self.problem("duplicate", u, "unit appears twice; ignored")
            return None
        self.seen.add(u.id)
        e = self.index.get(u.id)
        if e is None:
            self.problem("stale", u, "no such message in the catalog (the English text changed or was removed); "
                                     "not merged — export again")
        return e

    def _text(self, u: XliffUnit, e: polib.POEntry) -> str | None:
        efmt = entry_format(e, self.fmt)
        expected = _inline_element("source", e.msgid, efmt, None)
        if _shape(expected) != _shape(u.source):
            self.problem("stale", u, "the source text differs from the catalog's; not merged — export again")
            return None
        table = _source_table(parse_inline(e.msgid, efmt))
        bad: list[str] = []
        text = _target_text(u, e, efmt, table, bad)
        if bad:
            self.problem("markup", u, "; ".join(bad) + "; not merged")
            return None
        return text

    def _verdict(self, u: XliffUnit, e: polib.POEntry, text: str) -> str:
        state, qualifier = entry_state(e, self.approved, self.machine)
        locked = _approved_lock(e, self.approved)
        if (locked or u.locked) and (text != e.msgstr):
            self.problem("locked", u, "approved safety disclaimer was edited; rejected (the approved wording stays)")
            return _PROBLEM
        if not text or locked or _as_exported(u, e, text, state, qualifier):
            return _UNCHANGED
        return self._three_way(u, e, text, state)

    def _three_way(self, u: XliffUnit, e: polib.POEntry, text: str, state: str) -> str:
        confirmed = _confirmed(u)
        theirs = base_hash(self.loc, text, "translated" if confirmed else "needs-review-translation")
        ours = base_hash(self.loc, e.msgstr, state)
        if u.base is not None and theirs == u.base:
            return _UNCHANGED  # the translator did not touch it: whatever the catalog holds now stays
        if theirs == ours:
            return _UNCHANGED  # the same change on both sides
        catalog_moved = (u.base != ours) if u.base is not None else bool(e.msgstr)
        if not catalog_moved or self.take == "theirs":
            return _MERGE
        if self.take is not None:
            return _UNCHANGED
        why = ("changed in the file and in the catalog since the export" if u.base is not None else
               "the file does not record what it was exported from, and the catalog has a translation")
        self.problem("conflict", u, f"{why}; not merged — rerun with --take theirs (the file's text) or "
                                    "--take ours (the catalog's)", entry_line=e.linenum or 0, ours=e.msgstr,
                     theirs=text, theirs_reviewed=confirmed)
        return _PROBLEM

    def _write(self, u: XliffUnit, e: polib.POEntry, text: str) -> None:
        before = (e.msgstr, list(e.flags), e.previous_msgid, e.previous_msgctxt)
        e.msgstr = text
        if _confirmed(u):
            e.flags = [f for f in e.flags if f != "fuzzy"]
            e.previous_msgid = e.previous_msgctxt = None
            if self.mark_reviewed is not None:
                self.mark_reviewed(e)
        elif "fuzzy" not in e.flags:
            e.flags.insert(0, "fuzzy")
        if (e.msgstr, list(e.flags), e.previous_msgid, e.previous_msgctxt) == before:
            self.unchanged += 1
        else:
            self.changed += 1
            self.merged.append((e.msgctxt, e.msgid))


def merge_xliff(po: polib.POFile, xf: XliffFile, *, approved: Mapping[str, str] | None = None,
                machine: Callable[[polib.POEntry], bool] | None = None,
                mark_reviewed: Callable[[polib.POEntry], None] | None = None,
                take: str | None = None, locale: str | None = None) -> MergeResult:
    """Merge the targets of ``xf`` into a copy of ``po`` (a three-way merge, see the module docstring).

    A unit whose id or source no longer matches the catalog is reported
    (``stale``), never merged; a changed target on a locked disclaimer is
    reported (``locked``) and not merged. A unit whose target and state equal
    what an export would write changes nothing, so an untouched file leaves
    the catalog byte-identical. A unit changed both in the file and in the
    catalog since the export is a ``conflict``: not merged, unless ``take``
    is ``"theirs"`` (the file's text wins) or ``"ours"`` (the catalog's stays,
    silently).

    :param mark_reviewed: called on an entry a translator confirmed, to drop
        machine-translation marks (default: nothing beyond the fuzzy flag).
    :param locale: the catalog's locale (default: the file's target-language).
    """
    if take not in (None, *TAKE):
        raise ValueError(f"take must be one of {TAKE}, not {take!r}")
    merger = _Merger(copy.deepcopy(po), xf, approved or {}, machine or (lambda e: False), mark_reviewed, take,
                     locale or xf.target_language)
    for u in xf.units:
        merger.unit(u)
    return merger.result()


CONFLICT_NOTE = ("Conflict: the catalog changed since your export; it now reads: {ours} — keep your text "
                 "(the target), take the catalog's or combine them, then import this file again.")


def conflicts_to_xliff(po: polib.POFile, conflicts: list[UnitProblem], *, locale: str, source_language: str = "en",
                       approved: Mapping[str, str] | None = None,
                       machine: Callable[[polib.POEntry], bool] | None = None, tool_version: str = "") -> bytes:
    """The conflicting units of an import as an XLIFF file to resolve: each target is the translator's
    text, a note gives the catalog's, and each base is the catalog entry *now*.

    Imported again (as is, or as the translator edited it), every unit merges,
    unless the catalog moved once more in the meantime (a new conflict).
    """
    wanted = {p.unit_id: p for p in conflicts if p.kind == "conflict"}
    sub = copy.deepcopy(po)
    for e in [e for e in sub if unit_id(e.msgctxt, e.msgid) not in wanted or e.obsolete]:
        sub.remove(e)
    root = etree.fromstring(catalog_to_xliff(sub, locale=locale, source_language=source_language,
                                             original=_document_name(po, "messages"), approved=approved,
                                             machine=machine, tool_version=tool_version),
                            parser=xml_parser())
    fmt = catalog_format(po)
    by_id = {unit_id(e.msgctxt, e.msgid): e for e in sub}
    for unit in root.iter(_X + "trans-unit"):
        problem, e = wanted[unit.get("id")], by_id[unit.get("id")]
        efmt = entry_format(e, fmt)
        old = unit.find(_X + "target")
        target = _inline_element("target", problem.theirs or "", efmt, _source_table(parse_inline(e.msgid, efmt)))
        target.set("state", "translated" if problem.theirs_reviewed else "needs-review-translation")
        target.tail = old.tail
        unit.replace(old, target)
        if problem.theirs_reviewed:
            unit.set("approved", "yes")
        elif "approved" in unit.attrib:
            del unit.attrib["approved"]
        note = etree.Element(_X + "note", {"from": "l10n", "priority": "1"})
        note.text = CONFLICT_NOTE.format(ours=repr(problem.ours or ""))
        note.tail = target.tail
        target.addnext(note) if unit.find(_X + "context-group") is None else \
            unit.find(_X + "context-group").addnext(note)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def wrap_notes(text: str) -> str:
    """Notes as a translator reads them in a terminal (for previews)."""
    return textwrap.fill(text, 79)
