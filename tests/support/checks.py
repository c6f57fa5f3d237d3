"""Shared by the tests: what checks/test_checks.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polib

DISCLAIMER_EN = ("As with any treatment approach, individual responses to kratom vary, and it’s essential to consult "
                 "healthcare professionals who specialize in addiction medicine for personalized guidance and "
                 "oversight during treatment and recovery journeys.")
DISCLAIMER_ES = ("Como con cualquier tratamiento, la respuesta al kratom varía de una persona a otra, y es fundamental "
                 "consultar a profesionales sanitarios especializados en medicina de las adicciones para recibir "
                 "orientación personalizada y seguimiento durante el tratamiento y la recuperación.")
DID = "consult-addiction-specialist"


@dataclass(frozen=True)
class TermTarget:
    text: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    source: str
    keep: bool = False
    targets: dict = field(default_factory=dict)
    forbidden: dict = field(default_factory=dict)
    variants: tuple[str, ...] = ()

    def keeps(self, locale: str) -> bool:
        return self.keep


@dataclass(frozen=True)
class TermHit:
    term: Term
    start: int
    end: int
    matched: str


@dataclass(frozen=True)
class DisclaimerTranslation:
    text: str
    required: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    stale: bool = False


@dataclass(frozen=True)
class Disclaimer:
    id: str
    text: str
    translations: dict = field(default_factory=dict)
    documents: tuple[str, ...] = ()

    def approved_for(self, locale):
        t = self.translations.get(locale)
        return None if t is None or t.stale or not t.text else t

    def is_stale(self, locale):
        t = self.translations.get(locale)
        return bool(t and t.stale)


@dataclass(frozen=True)
class LocaleRules:
    negations: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    inflated: tuple[str, ...] = ()


class StandInGlossary:
    def __init__(self, terms, disclaimers, rules=None):
        self.terms = tuple(terms)
        self.disclaimers = {d.id: d for d in disclaimers}
        self.rules = rules or {}
        alts = sorted([(s, t) for t in self.terms for s in (t.source, *t.variants)], key=lambda x: -len(x[0]))
        self._rx = [(re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)", re.I), t) for s, t in alts]

    def find_terms(self, text):
        hits, taken = [], []
        for rx, term in self._rx:
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                hits.append(TermHit(term, m.start(), m.end(), m.group(0)))
        return sorted(hits, key=lambda h: h.start)

    def disclaimer(self, did):
        return self.disclaimers.get(did)

    def disclaimer_by_text(self, text):
        norm = " ".join(text.split())
        return next((d for d in self.disclaimers.values() if " ".join(d.text.split()) == norm), None)


def standin_glossary(*, approved: bool = True, stale: bool = False, required=()) -> StandInGlossary:
    terms = [
        Term("kratom", "kratom", keep=True),
        Term("mitragyna", "Mitragyna speciosa", keep=True),
        Term("opioid-receptors", "opioid receptors",
             targets={"es": TermTarget("receptores opioides", ("receptor opioide",))},
             forbidden={"es": ("receptores opiáceos",)}),
    ]
    tr = {"es": DisclaimerTranslation(DISCLAIMER_ES if approved else "", required=tuple(required), stale=stale)}
    return StandInGlossary(terms, [Disclaimer(DID, DISCLAIMER_EN, tr, ("kratom-harm-reduction.html",))])


HEADER = {
    "Project-Id-Version": "test", "Report-Msgid-Bugs-To": "bugs@example.org",
    "POT-Creation-Date": "2026-01-01 00:00+0000", "PO-Revision-Date": "2026-01-01 00:00+0000",
    "Last-Translator": "T <t@example.org>", "Language-Team": "es <es@example.org>", "Language": "es",
    "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


def make_po(entries, header=None) -> polib.POFile:
    """A catalog from POEntry objects or (msgid, msgstr) pairs, re-parsed so line numbers are real."""
    po = polib.POFile(wrapwidth=79)
    po.metadata = dict(HEADER if header is None else header)
    for i, e in enumerate(entries):
        if isinstance(e, tuple):
            e = polib.POEntry(msgid=e[0], msgstr=e[1], occurrences=[("doc.md", str(i + 1))])
        po.append(e)
    return polib.pofile(po.__unicode__(), check_for_duplicates=False)


def pair_findings(locale: str, source: str, translation: str, prefix: str, glossary=None) -> tuple[tuple[str, ...], list]:
    """(sorted distinct codes starting with ``prefix``, every message) of one translated pair: the tables of
    tests/checks/test_numwords.py, test_numbers_signs.py, test_meaning_negation_idioms.py, test_numbers.py and
    test_checks_whole_article.py."""
    from l10n.checks import check_catalog

    found = check_catalog(make_po([(source, translation)]), locale=locale, glossary=glossary)
    return tuple(sorted({f.code for f in found if f.code.startswith(prefix)})), [f.message for f in found]
