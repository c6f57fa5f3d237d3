"""A disclaimer the glossary requires of a document, lost from its catalog, stops every locale."""

from __future__ import annotations

SENTENCE = "Further study is needed to optimize dosage and efficacy while minimizing adverse effects."


def _project(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=("es", "ca", "fr", "pt_BR", "ar"))
    doc = root / "source_docs" / "kratom-addiction-treatment.md"
    text = doc.read_text(encoding="utf-8")
    assert SENTENCE in text
    doc.write_text(text.replace(SENTENCE, "Researchers keep looking at kratom in general."), encoding="utf-8")
    return root


def test_build_refuses_a_document_without_its_required_disclaimer(make_project, cli):
    root = _project(make_project, cli)
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    r = cli(root, "build", "-l", "es")
    assert r.exit_code == 1
    assert ("document kratom-addiction-treatment.md must carry disclaimer 'further-study-dosage'"
            in r.stderr.replace("\n", " ") or "must carry disclaimer 'further-study-dosage'" in r.output)
    assert not (root / "dist" / "es").exists()


def test_run_exits_1_when_a_required_disclaimer_is_missing(make_project, cli):
    root = _project(make_project, cli)
    r = cli(root, "run")
    assert r.exit_code == 1, r.output
    assert "must carry disclaimer 'further-study-dosage'" in r.stdout
