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


_Keyed = list[tuple[Segment, int, str]]  # each segment, the offset of its raw text, its comparison key


class _Lint:
    """The findings of one document, with the line of any offset in its text."""

    def __init__(self, doc: Document, glossary: Glossary) -> None:
        self.doc = doc
        self.glossary = glossary
        self.text = "".join(p.raw if isinstance(p, Segment) else p for p in doc.parts)
        self.findings: list[Finding] = []

    def at(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def add(self, code: str, check: str, sev: Severity, message: str, line: int, seg: Segment | None = None) -> None:
        self.findings.append(Finding(code=code, check=check, severity=sev, message=message, path=self.doc.name,
                                     line=line, msgctxt=seg.msgctxt if seg else None, msgid=seg.source if seg else ""))

    def active_content(self) -> None:
        if self.doc.fmt not in ("html", "md"):
            return
        from l10n.pages.sanitize import active_content

        for off, what in active_content(self.text, self.doc.fmt):
            self.add("G301", "active-content", Severity.ERROR,
                     f"active content in the article: {what}; it is never published (remove it)", self.at(off))

    def spelling(self, seg: Segment, off: int) -> None:
        for hit in self.glossary.find_misspellings(seg.raw):
            self.add("G101", "misspelling", Severity.ERROR,
                     f"{hit.matched!r} is a misspelling of {hit.term.source!r}", self.at(off + hit.start), seg)
        for hit in self.glossary.find_terms(seg.raw):
            key = " ".join(hit.matched.split()).casefold()
            if key in {n.casefold() for n in hit.term.nonstandard}:
                self.add("G102", "nonstandard-term", Severity.WARNING,
                         f"{hit.matched!r} is a non-standard form; write {hit.term.source!r}",
                         self.at(off + hit.start), seg)
            elif hit.term.keep and hit.term.kind == "botanical" and \
                    " ".join(strip_markup(hit.matched)[0].split()) != hit.term.source:
                self.add("G102", "nonstandard-term", Severity.WARNING,
                         f"{hit.matched!r}: write the binomial as {hit.term.source!r}", self.at(off + hit.start), seg)

    def marker(self, seg: Segment, off: int, key: str) -> None:
        """A segment marked as a disclaimer names one the glossary defines, with its English text."""
        try:
            d = self.glossary.disclaimer(seg.disclaimer_id)
        except KeyError:
            self.add("G203", "disclaimer-unknown", Severity.ERROR,
                     f"disclaimer marker {seg.disclaimer_id!r} is not defined in the glossary", self.at(off), seg)
            return
        if key != _key(d.text):
            self.add("G204", "disclaimer-changed", _severity(d),
                     f"the text of disclaimer {d.id!r} differs from the glossary's English text; update the glossary "
                     "and have every translation re-approved", self.at(off), seg)

    def placement(self, d: Disclaimer, seg_keys: _Keyed, whole: str, carried: set[str]) -> None:
        """A disclaimer the document carries is a segment of its own; one it should carry is there."""
        dkey = _key(d.text)
        own = [(s, o) for s, o, k in seg_keys if k == dkey and d.match != "marker"]
        if own:
            carried.add(d.id)
        embedded = [(s, o) for s, o, k in seg_keys if dkey in k and k != dkey]
        for s, o in embedded:
            carried.add(d.id)
            self.add("G201", "disclaimer-segment", _severity(d),
                     f"disclaimer {d.id!r} is inside a longer segment; give it a paragraph of its own "
                     f"(or mark it with <!-- l10n: disclaimer {d.id} -->) so it is translated and checked as a whole",
                     self.at(o), s)
        if not own and not embedded and dkey in whole and d.id not in carried:
            self.split(d, seg_keys, dkey)
            carried.add(d.id)
        if self.doc.name in d.documents and d.id not in carried:
            how = "its marker <!-- l10n: disclaimer " + d.id + " -->" if d.match == "marker" else "its text"
            self.add("G202", "disclaimer-missing", _severity(d),
                     f"the document should carry disclaimer {d.id!r} but {how} is not found: {d.text[:60]!r}…", 1)

    def split(self, d: Disclaimer, seg_keys: _Keyed, dkey: str) -> None:
        fallback = (seg_keys[0][0], seg_keys[0][1]) if seg_keys else (None, 0)
        seg, off = next(((s, o) for s, o, k in seg_keys if k and k in dkey), fallback)
        self.add("G201", "disclaimer-segment", _severity(d),
                 f"disclaimer {d.id!r} is split across several segments; make it one sentence or one marked block",
                 self.at(off), seg)


def lint_document(doc: Document, glossary: Glossary) -> list[Finding]:
    """Findings for one segmented document (``path`` is the document name)."""
    lint = _Lint(doc, glossary)
    lint.active_content()
    seg_keys = [(seg, off, _key(seg.source)) for seg, off in _offsets(doc)]
    for seg, off, _ in seg_keys:
        lint.spelling(seg, off)
    carried: set[str] = set()
    for seg, off, key in seg_keys:
        if seg.disclaimer_id:
            carried.add(seg.disclaimer_id)
            lint.marker(seg, off, key)
    whole = " ".join(k for _, _, k in seg_keys)
    for d in glossary.disclaimers:
        lint.placement(d, seg_keys, whole, carried)
    lint.findings.sort(key=lambda f: (f.line, f.code))
    return lint.findings


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
