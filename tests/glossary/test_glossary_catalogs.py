"""The glossary in the catalogs (notes, approved disclaimers, stale approvals) and its exports."""

from __future__ import annotations

import csv
import io

import polib
from lxml import etree

from tests.support.gettext import msgfmt_check, requires_msgfmt

LOCALES = ("es", "ca", "fr", "pt_BR", "ar")
CONSULT = "disclaimer:consult-addiction-specialist"


def _po(root, locale, domain="kratom-addiction-treatment"):
    return polib.pofile(str(root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"))


def test_update_fills_approved_disclaimers_and_notes(make_project, cli):
    root = make_project({"alkaloids.md": "# Alkaloids\n\nThe leaves contain mitraginin.\n"}, bundled=True,
                        glossary=True, locales=LOCALES)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    pot = polib.pofile(str(root / "locales" / "kratom-addiction-treatment.pot"))
    ctx = {e.msgctxt for e in pot if e.msgctxt}
    assert {CONSULT, "disclaimer:further-study-dosage", "disclaimer:legal-status-varies",
            "disclaimer:responsible-use"} <= ctx
    note_entry = next(e for e in pot if "opioid receptors in the brain" in e.msgid)
    assert "glossary: opioid receptor (pharmacology)" in note_entry.comment
    mito = next(e for e in polib.pofile(str(root / "locales" / "alkaloids.pot")) if "mitraginin" in e.msgid)
    assert "'mitraginin' is a misspelling of 'mitragynine'" in mito.comment
    es = _po(root, "es")
    e = next(x for x in es if x.msgctxt == CONSULT)
    assert e.msgstr.startswith("Como con cualquier enfoque de tratamiento") and not e.fuzzy
    assert "reviewed by l10n glossary maintainers" in e.comment.replace("\n", " ")
    plain = next(x for x in es if "opioid receptors in the brain" in x.msgid)
    assert "glossary: opioid receptor (pharmacology) → receptor opioide" in plain.comment and plain.msgstr == ""
    assert "glossary: opioid receptor (pharmacology)\n" not in plain.comment + "\n"  # one note per term
    html = _po(root, "ar", "kratom-harm-reduction")
    assert next(x for x in html if x.msgctxt == CONSULT).msgstr.startswith("كما هو الحال")


@requires_msgfmt
def test_catalogs_with_disclaimers_pass_msgfmt(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    cli(root, "extract")
    cli(root, "update")
    paths = sorted((root / "locales").rglob("*.po")) + sorted((root / "locales").glob("*.pot"))
    assert len(paths) == 18  # 3 bundled articles: 3 templates, 3 catalogs in each of 5 locales
    for p in paths:
        r = msgfmt_check(p)
        assert r.returncode == 0, (p.name, r.stderr)


def test_changed_english_text_makes_approval_stale(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    cli(root, "extract")
    cli(root, "update", "-l", "es")
    old = "Remember that, as with any substance, responsible use and professional guidance are paramount."
    new = "Remember that, as with any substance, responsible use and medical guidance are paramount."
    for path in (root / "source_docs" / "kratom-addiction-treatment.md", root / "glossary.yaml"):
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "es").exit_code == 0
    e = next(x for x in _po(root, "es") if x.msgctxt == "disclaimer:responsible-use")
    assert e.msgid == new and e.fuzzy
    assert e.msgstr.startswith("Recuerde que") and "STALE" in e.comment
    other = next(x for x in _po(root, "es") if x.msgctxt == "disclaimer:further-study-dosage")
    assert not other.fuzzy


def test_tbx_export_rereads_with_every_term_and_locale(make_project, cli):
    from l10n.config import load_settings
    from l10n.glossary import load_glossary

    root = make_project(glossary=True, locales=LOCALES)
    r = cli(root, "glossary", "export", "--format", "tbx", "-o", "g.tbx")
    assert r.exit_code == 0, r.output
    tree = etree.parse(str(root / "g.tbx"), etree.XMLParser(resolve_entities=False, no_network=True))
    assert tree.getroot().tag == "martif" and tree.getroot().get("type") == "TBX-Basic"
    g = load_glossary(root / "glossary.yaml", load_settings(root))
    entries = {e.get("id"): e for e in tree.iter("termEntry")}
    assert set(entries) == {t.id for t in g.terms}
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for t in g.terms:
        langs = {ls.get(lang) for ls in entries[t.id].iter("langSet")}
        assert langs == {"en", "es", "ca", "fr", "pt-BR", "ar"}, t.id
        assert entries[t.id].findtext("descrip[@type='subjectField']") == t.kind
    opioid = entries["opioid"]
    es = next(ls for ls in opioid.iter("langSet") if ls.get(lang) == "es")
    status = {tig.findtext("term"): tig.findtext("termNote") for tig in es.iter("tig")}
    assert status["opioide"] == "preferredTerm-admn-sts" and status["opiáceo"] == "deprecatedTerm-admn-sts"


def test_csv_export_and_show(make_project, cli):
    root = make_project(glossary=True, locales=LOCALES)
    r = cli(root, "glossary", "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) >= 40
    row = next(x for x in rows if x["id"] == "opioid-receptor")
    assert row["es"] == "receptor opioide" and "receptor opiáceo" in row["es forbidden"] and row["pt_BR"]
    s = cli(root, "glossary", "show", "mitraginin")
    assert s.exit_code == 0 and "mitragynine" in s.stdout and "es: mitraginina" in s.stdout
    assert cli(root, "glossary", "show", "no-such-term").exit_code == 1
