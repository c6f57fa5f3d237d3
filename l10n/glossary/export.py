"""Exporting the glossary for CAT tools, Weblate and spreadsheets (pure: values in, bytes/str out).

* :func:`to_tbx` — TBX-Basic (ISO 30042 ``martif``; what Weblate and the
  Translate Toolkit import), built with lxml: one ``termEntry`` per term with
  its kind (``subjectField``) and definition, and one ``langSet`` per language.
  Approved translations are ``preferredTerm-admn-sts``, other accepted forms
  ``admittedTerm-admn-sts``, forbidden renderings ``deprecatedTerm-admn-sts``.
* :func:`to_csv` — one row per term, columns per locale.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from lxml import etree

from l10n.glossary import Glossary
from l10n.glossary.model import Term

__all__ = ["to_csv", "to_tbx"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _bcp47(locale: str) -> str:
    return locale.replace("_", "-")


def _tig(lang_set: etree._Element, text: str, status: str, note: str = "") -> None:
    tig = etree.SubElement(lang_set, "tig")
    etree.SubElement(tig, "term").text = text
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = f"{status}-admn-sts"
    if note:
        etree.SubElement(tig, "note").text = note


def _term_entry(body: etree._Element, term: Term, source_language: str, locales: Sequence[str]) -> None:
    entry = etree.SubElement(body, "termEntry", id=term.id)
    etree.SubElement(entry, "descrip", type="subjectField").text = term.kind
    if term.keep:
        etree.SubElement(entry, "note").text = "never translated (keep the source form in every language)"
    src = etree.SubElement(entry, "langSet", {XML_LANG: _bcp47(source_language)})
    if term.definition:
        etree.SubElement(src, "descrip", type="definition").text = term.definition
    _tig(src, term.source, "preferredTerm")
    for v in term.variants:
        _tig(src, v, "admittedTerm")
    for v in term.nonstandard:
        _tig(src, v, "deprecatedTerm", "non-standard spelling")
    for v in term.misspellings:
        _tig(src, v, "deprecatedTerm", "misspelling")
    for loc in locales:
        target = term.target(loc)
        forbidden = term.forbidden.get(loc, ())
        if target is None and not forbidden:
            continue
        ls = etree.SubElement(entry, "langSet", {XML_LANG: _bcp47(loc)})
        if target is not None:
            _tig(ls, target.text, "preferredTerm", "kept as in the source" if term.keeps(loc) else "")
            for form in target.forms[1:]:
                _tig(ls, form, "admittedTerm")
        for word in forbidden:
            _tig(ls, word, "deprecatedTerm", "forbidden translation")


def to_tbx(glossary: Glossary, *, locales: Sequence[str], source_language: str = "en",
           title: str = "l10n glossary") -> bytes:
    """The glossary as TBX-Basic bytes (UTF-8, with XML declaration)."""
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: _bcp47(source_language)})
    header = etree.SubElement(root, "martifHeader")
    fd = etree.SubElement(header, "fileDesc")
    etree.SubElement(etree.SubElement(fd, "titleStmt"), "title").text = title
    etree.SubElement(etree.SubElement(fd, "sourceDesc"), "p").text = (
        f"Exported from glossary.yaml (version {glossary.version}) by l10n.")
    enc = etree.SubElement(header, "encodingDesc")
    etree.SubElement(enc, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for term in glossary.terms:
        _term_entry(body, term, source_language, locales)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def to_csv(glossary: Glossary, *, locales: Sequence[str]) -> str:
    """The glossary as CSV text: id, kind, source, variants, misspellings, keep, definition, then per locale."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    head = ["id", "kind", "source", "variants", "misspellings", "keep", "definition"]
    for loc in locales:
        head += [loc, f"{loc} forms", f"{loc} forbidden"]
    w.writerow(head)
    for t in glossary.terms:
        row = [t.id, t.kind, t.source, "; ".join(t.variants + t.nonstandard), "; ".join(t.misspellings),
               "all" if t.keep else "; ".join(sorted(t.keep_in)), t.definition]
        for loc in locales:
            tgt = t.target(loc)
            row += [tgt.text if tgt else "", "; ".join(tgt.forms[1:]) if tgt else "",
                    "; ".join(t.forbidden.get(loc, ()))]
        w.writerow(row)
    return out.getvalue()
