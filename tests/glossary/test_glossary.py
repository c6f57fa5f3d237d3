"""The glossary: schema validation (every problem, with lines), the real glossary.yaml, term finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n.config import Settings
from l10n.errors import GlossaryError
from l10n.glossary import Glossary, load_glossary, parse_glossary, text_sha256
from l10n.glossary.model import Term
from l10n.model import Segment
from tests.support import paths
from tests.support.paths import ROOT

CASES = paths.CASES / "glossary"
LOCALES = ("es", "ca", "fr", "pt_BR", "ar")


@pytest.fixture(scope="module")
def real() -> Glossary:
    return load_glossary(ROOT / "glossary.yaml", Settings(root=ROOT, locales=LOCALES))


# -- broken glossaries: one mistake each, expected messages with line numbers -------------------------
@pytest.mark.parametrize("case", sorted(CASES.glob("bad.*.yaml")), ids=lambda p: p.name)
def test_bad_glossary_reports_every_problem_with_its_line(case: Path, tmp_path: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expected = re.findall(r"^# expect: (.+)$", text, re.M)
    assert expected, f"{case.name} has no '# expect:' line"
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary(path, Settings(root=tmp_path, locales=("es", "ca")))
    err = info.value
    for want in expected:
        assert any(p.startswith(want) for p in err.problems), f"{want!r} not in {err.problems}"
        assert want.split(": ", 1)[1] in str(err)  # the one-line message lists it too
    assert len(err.problems) == len(expected), err.problems
    assert err.line == int(expected[0].split(":")[1])


def test_all_problems_at_once_in_one_error() -> None:
    data = {"terms": [{"source": "a", "kind": "nope", "targets": {"xx": "b"}}, {"source": "b"}],
            "disclaimers": [{"text": "t"}], "extra": 1}
    with pytest.raises(GlossaryError) as info:
        parse_glossary(data, locales=["es"])
    assert len(info.value.problems) >= 5
    assert info.value.message.startswith(f"{len(info.value.problems)} problems in the glossary")


def test_object_tag_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "glossary.yaml"
    path.write_text(f'terms: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    with pytest.raises(GlossaryError):
        load_glossary(path, Settings(root=tmp_path, locales=("es",)))
    assert not marker.exists()


# -- the real glossary.yaml --------------------------------------------------------------------------
def test_real_glossary_is_complete(real: Glossary) -> None:
    assert len(real.terms) >= 40
    required = ["kratom", "Mitragyna speciosa", "mitragynine", "7-hydroxymitragynine", "alkaloid", "opioid receptor",
                "opiate", "opioid", "analgesic", "euphoric", "dopamine", "neurotransmitter", "dependence",
                "tolerance", "withdrawal symptoms", "craving", "dosage", "efficacy", "adverse effect", "side effect",
                "substance use disorder", "addiction medicine", "healthcare professional", "benzodiazepine",
                "seizure"]
    sources = {t.source for t in real.terms}
    assert not [s for s in required if s not in sources]
    for t in real.terms:
        assert t.kind and t.definition, t.id
        for loc in LOCALES:
            assert t.target(loc) is not None, (t.id, loc)
            assert t.target(loc).forms[0] == t.target(loc).text
    assert real.term("mitragyna-speciosa").keep
    assert "mitraginin" in real.term("mitragynine").misspellings
    assert "opiáceo" in real.term("opioid").forbidden["es"]


def test_real_disclaimers_have_current_reviewed_translations(real: Glossary) -> None:
    ids = {d.id for d in real.disclaimers}
    assert {"consult-addiction-specialist", "further-study-dosage", "legal-status-varies", "responsible-use",
            "not-medical-advice"} <= ids
    assert [d.id for d in real.standard_disclaimers()] == ["not-medical-advice"]
    for d in real.disclaimers:
        for loc in LOCALES:
            tr = d.approved_for(loc)
            assert tr is not None and not d.is_stale(loc), (d.id, loc)
            assert tr.reviewed_by and tr.reviewed_on and tr.source_sha256 == d.sha256 == text_sha256(d.text)
    assert real.disclaimer("not-medical-advice").negations == ("not",)
    assert "no" in real.disclaimer("not-medical-advice").translations["es"].negations
    assert set(real.rules) == {"en", *LOCALES}
    assert "may" in real.rules["en"].hedges and "proven" in real.rules["en"].inflated


def test_every_bundled_disclaimer_is_a_segment_of_the_articles(real: Glossary) -> None:
    from l10n.config import load_settings
    from l10n.project import load_documents

    docs = load_documents(load_settings(ROOT))
    found = {(d.name, real.disclaimer_id(s)) for d in docs for s in d.segments if real.disclaimer_id(s)}
    for d in real.disclaimers:
        for name in d.documents:
            assert (name, d.id) in found, (name, d.id)


def test_version_changes_with_content() -> None:
    a = parse_glossary({"terms": [{"source": "x", "kind": "medical", "keep": True}]}, locales=["es"])
    b = parse_glossary({"terms": [{"source": "y", "kind": "medical", "keep": True}]}, locales=["es"])
    assert a.version != b.version and len(a.version) == 12


# -- finding terms -----------------------------------------------------------------------------------
def test_find_terms_multiword_case_plural_markup(real: Glossary) -> None:
    text = "Kratom (*Mitragyna speciosa*) binds to Opioid Receptors; <i>Mitragyna</i>\nspeciosa has ALKALOIDS."
    hits = [(h.term.id, h.matched) for h in real.find_terms(text)]
    assert hits == [("kratom", "Kratom"), ("mitragyna-speciosa", "Mitragyna speciosa"),
                    ("opioid-receptor", "Opioid Receptors"), ("mitragyna-speciosa", "Mitragyna</i>\nspeciosa"),
                    ("alkaloid", "ALKALOIDS")]
    h = real.find_terms(text)[1]
    assert text[h.start:h.end] == h.matched


def test_find_terms_longest_first_whole_words(real: Glossary) -> None:
    hits = [h.term.id for h in real.find_terms("opioid addiction, opioids, 7-hydroxymitragynine, opioidal")]
    assert hits == ["opioid-addiction", "opioid", "7-hydroxymitragynine"]


def test_find_misspellings(real: Glossary) -> None:
    hits = real.find_misspellings("alkaloids, including mitraginin and 7-hydroxymitragynine")
    assert [(h.matched, h.term.source) for h in hits] == [("mitraginin", "mitragynine")]


def test_keeps_and_target_fallback() -> None:
    g = parse_glossary({"terms": [{"source": "mitragynine", "kind": "compound", "keep_in": ["fr"],
                                   "targets": {"es": {"text": "mitraginina", "forms": ["mitraginina"]}}}]},
                       locales=["es", "fr"])
    t = g.term("mitragynine")
    assert t.keeps("fr") and not t.keeps("es") and t.keeps("fr_CA")
    assert t.target("es_MX").text == "mitraginina" and t.target("es").forms == ("mitraginina",)


def test_disclaimer_by_text_folds_whitespace_quotes_nfc(real: Glossary) -> None:
    d = real.disclaimer("consult-addiction-specialist")
    messy = d.text.replace("it’s", "it's").replace(" ", "  \n ", 3)
    assert real.disclaimer_by_text(messy) is d
    assert real.disclaimer_by_text("Something else.") is None
    with pytest.raises(KeyError):
        real.disclaimer("nope")
    with pytest.raises(KeyError):
        real.term("nope")


# -- annotator ---------------------------------------------------------------------------------------
def test_annotator_notes(real: Glossary) -> None:
    msgid = "Kratom, from *Mitragyna speciosa*, acts on opioid receptors; mitraginin too."
    tnotes = real.template_notes(None, msgid)
    assert "glossary: opioid receptor (pharmacology)" in tnotes
    assert "glossary: Mitragyna speciosa: never translated" in tnotes
    assert any("misspelling of 'mitragynine'" in n for n in tnotes)
    lnotes = real.locale_notes(None, msgid, "es")
    assert any(n.startswith("glossary: opioid receptor (pharmacology) → receptor opioide")
               and "not: receptor opiáceo" in n for n in lnotes)
    assert "glossary: kratom (botanical): kept as is in es" in lnotes
    # locale notes are complete: they replace the template's glossary notes in the PO
    assert "glossary: Mitragyna speciosa: never translated" in lnotes
    assert any("misspelling of 'mitragynine'" in n for n in lnotes)


def test_disclaimer_id_by_marker_or_text(real: Glossary) -> None:
    d = real.disclaimer("further-study-dosage")
    assert real.disclaimer_id(Segment(d.text, d.text, "p1", 1)) == d.id
    assert real.disclaimer_id(Segment("x", "x", "p1", 1, disclaimer_id="custom")) == "custom"
    assert real.disclaimer_id(Segment("Other text.", "Other text.", "p1", 1)) is None


def test_approved_and_stale() -> None:
    tr = {"text": "No es consejo médico.", "reviewed_by": "R. Revisora", "reviewed_on": "2026-01-02",
          "source_sha256": text_sha256("This is not medical advice.")}
    data = {"disclaimers": [{"id": "nma", "text": "This is not medical advice.", "translations": {"es": tr}}]}
    g = parse_glossary(data, locales=["es"])
    a = g.approved("nma", "es")
    assert a.text == "No es consejo médico." and not a.stale and "R. Revisora" in a.note and "2026-01-02" in a.note
    assert g.approved("nma", "ca") is None and g.approved("other", "es") is None
    data["disclaimers"][0]["text"] = "This is not medical advice at all."
    g2 = parse_glossary(data, locales=["es"])
    assert g2.disclaimer("nma").is_stale("es") and g2.disclaimer("nma").approved_for("es") is None
    assert g2.approved("nma", "es").stale and "STALE" in g2.approved("nma", "es").note


def test_term_dataclass_is_frozen() -> None:
    t = Term("x", "x", "medical")
    with pytest.raises(Exception):
        t.source = "y"  # type: ignore[misc]


# -- markup_free is strip_markup without the index ------------------------------------------------------------------

from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

from l10n.glossary.match import markup_free, strip_markup  # noqa: E402

_MARKUPISH = st.text(alphabet=st.sampled_from(list("ab <>/i*_`[]()&nbsp;:x\u00a0é")), max_size=40)


@hsettings(max_examples=300, deadline=None)
@given(_MARKUPISH)
def test_markup_free_equals_strip_markup_text(text):
    assert markup_free(text) == strip_markup(text)[0]


def test_markup_free_examples():
    assert markup_free("Do *not* take <b>2 g</b>&nbsp;a [day](#d).") == "Do not take 2 g a day."
    assert markup_free("plain text") == "plain text"
