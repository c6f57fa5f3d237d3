"""Linting source articles against the glossary (pure: documents in, findings out).

Codes:

* ``G101`` a known misspelling of a glossary term (error)
* ``G102`` a non-standard spelling of a term; use the canonical form (warning)
* ``G201`` a disclaimer that is not a segment of its own (inside a longer one, or split)
* ``G202`` a disclaimer the document should carry (``documents`` in the glossary) is missing
* ``G203`` a disclaimer marker names an id the glossary does not define
* ``G204`` a marked disclaimer whose text differs from the glossary's English text
* ``G205`` the glossary lists a document that does not exist
* ``G301`` active content in a source article: ``<script>``, an ``on…=`` event
  handler, a ``javascript:``/``vbscript:``/``data:text/html`` URL, an embedded
  frame or object, ``<meta http-equiv=refresh>`` (error; in Markdown, raw HTML
  only: code spans and fences are text). ``l10n build`` never publishes it
  (:mod:`l10n.pages.sanitize`), but the article should not carry it.
"""

from __future__ import annotations

from collections.abc import Sequence

from l10n.glossary import Glossary
from l10n.glossary.model import Disclaimer, fold_text
from l10n.glossary.match import markup_free, strip_markup
from l10n.model import Document, Finding, Segment, Severity

__all__ = ["lint_documents", "lint_document"]


def _key(text: str) -> str:
    return fold_text(markup_free(text), quotes=True).casefold()


def _offsets(doc: Document) -> list[tuple[Segment, int]]:
    """Each segment with the offset of its raw text in the original document."""
    out, pos = [], 0
    for part in doc.parts:
        if isinstance(part, Segment):
            out.append((part, pos))
            pos += len(part.raw)
        else:
            pos += len(part)
    return out


def _severity(d: Disclaimer) -> Severity:
    return Severity.CRITICAL if d.severity == "critical" else Severity.ERROR


def lint_document(doc: Document, glossary: Glossary) -> list[Finding]:
    """Findings for one segmented document (``path`` is the document name)."""
    text = "".join(p.raw if isinstance(p, Segment) else p for p in doc.parts)
    findings: list[Finding] = []

    def at(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    def add(code: str, check: str, sev: Severity, message: str, line: int, seg: Segment | None = None) -> None:
        findings.append(Finding(code=code, check=check, severity=sev, message=message, path=doc.name, line=line,
                                msgctxt=seg.msgctxt if seg else None, msgid=seg.source if seg else ""))

    if doc.fmt in ("html", "md"):
        from l10n.pages.sanitize import active_content

        for off, what in active_content(text, doc.fmt):
            add("G301", "active-content", Severity.ERROR,
                f"active content in the article: {what}; it is never published (remove it)", at(off))
    segs = _offsets(doc)
    for seg, off in segs:
        for hit in glossary.find_misspellings(seg.raw):
            add("G101", "misspelling", Severity.ERROR,
                f"{hit.matched!r} is a misspelling of {hit.term.source!r}", at(off + hit.start), seg)
        for hit in glossary.find_terms(seg.raw):
            key = " ".join(hit.matched.split()).casefold()
            if key in {n.casefold() for n in hit.term.nonstandard}:
                add("G102", "nonstandard-term", Severity.WARNING,
                    f"{hit.matched!r} is a non-standard form; write {hit.term.source!r}", at(off + hit.start), seg)
            elif hit.term.keep and hit.term.kind == "botanical" and \
                    " ".join(strip_markup(hit.matched)[0].split()) != hit.term.source:
                add("G102", "nonstandard-term", Severity.WARNING,
                    f"{hit.matched!r}: write the binomial as {hit.term.source!r}", at(off + hit.start), seg)

    carried: set[str] = set()
    seg_keys = [(seg, off, _key(seg.source)) for seg, off in segs]
    for seg, off, key in seg_keys:
        if seg.disclaimer_id:
            carried.add(seg.disclaimer_id)
            try:
                d = glossary.disclaimer(seg.disclaimer_id)
            except KeyError:
                add("G203", "disclaimer-unknown", Severity.ERROR,
                    f"disclaimer marker {seg.disclaimer_id!r} is not defined in the glossary", at(off), seg)
                continue
            if key != _key(d.text):
                add("G204", "disclaimer-changed", _severity(d),
                    f"the text of disclaimer {d.id!r} differs from the glossary's English text; update the glossary "
                    "and have every translation re-approved", at(off), seg)
    whole = " ".join(k for _, _, k in seg_keys)
    for d in glossary.disclaimers:
        dkey = _key(d.text)
        own = [(s, o) for s, o, k in seg_keys if k == dkey and d.match != "marker"]
        if own:
            carried.add(d.id)
        embedded = [(s, o) for s, o, k in seg_keys if dkey in k and k != dkey]
        for s, o in embedded:
            carried.add(d.id)
            add("G201", "disclaimer-segment", _severity(d),
                f"disclaimer {d.id!r} is inside a longer segment; give it a paragraph of its own "
                f"(or mark it with <!-- l10n: disclaimer {d.id} -->) so it is translated and checked as a whole",
                at(o), s)
        if not own and not embedded and dkey in whole and d.id not in carried:
            first = next(((s, o) for s, o, k in seg_keys if k and k in dkey), segs[0] if segs else (None, 0))
            carried.add(d.id)
            add("G201", "disclaimer-segment", _severity(d),
                f"disclaimer {d.id!r} is split across several segments; make it one sentence or one marked block",
                at(first[1]), first[0])
        if doc.name in d.documents and d.id not in carried:
            how = "its marker <!-- l10n: disclaimer " + d.id + " -->" if d.match == "marker" else "its text"
            add("G202", "disclaimer-missing", _severity(d),
                f"the document should carry disclaimer {d.id!r} but {how} is not found: {d.text[:60]!r}…", 1)
    findings.sort(key=lambda f: (f.line, f.code))
    return findings


def lint_documents(docs: Sequence[Document], glossary: Glossary) -> list[Finding]:
    """Findings for every document, plus documents the glossary lists that do not exist."""
    out: list[Finding] = []
    names = {d.name for d in docs}
    for doc in docs:
        out.extend(lint_document(doc, glossary))
    for d in glossary.disclaimers:
        for name in d.documents:
            if name not in names:
                out.append(Finding(code="G205", check="disclaimer-document", severity=Severity.WARNING,
                                   message=f"disclaimer {d.id!r} lists the document {name!r}, which does not exist",
                                   path=glossary.path or "glossary.yaml", line=d.line))
    return out
