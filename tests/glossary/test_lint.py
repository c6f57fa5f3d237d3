"""`l10n lint` through the real CLI: misspellings, disclaimers not segments of their own, missing disclaimers."""

from __future__ import annotations

import json

LOCALES = ("es", "ca", "fr", "pt_BR", "ar")


MISSPELT = "# Alkaloids\n\nThe leaves contain mitraginin, among other alkaloids.\n"


def test_the_bundled_articles_lint_clean(make_project, cli):
    """The seed's misspelt alkaloid ('mitraginin') was corrected in the source, as a localisation engineer would."""
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    r = cli(root, "lint")
    assert r.exit_code == 0 and r.stdout.strip() == "lint: clean", r.output


def test_lint_reports_a_misspelling(make_project, cli):
    root = make_project({"alkaloids.md": MISSPELT}, bundled=True, glossary=True, locales=LOCALES)
    r = cli(root, "lint")
    assert r.exit_code == 1, r.output
    assert "source_docs/alkaloids.md:3: G101 'mitraginin' is a misspelling of 'mitragynine'" in r.stdout
    assert "G201" not in r.stdout and "G202" not in r.stdout  # sentence unit: every disclaimer is its own segment


def test_lint_json(make_project, cli):
    root = make_project({"alkaloids.md": MISSPELT}, bundled=True, glossary=True, locales=LOCALES)
    r = cli(root, "lint", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert {"path": "source_docs/alkaloids.md", "line": 3, "code": "G101", "check": "misspelling",
            "severity": "error", "message": "'mitraginin' is a misspelling of 'mitragynine'"} in data


def test_lint_block_unit_reports_embedded_disclaimers(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    r = cli(root, "lint", "--unit", "block")
    assert r.exit_code == 1
    lines = [x for x in r.stdout.splitlines() if " G201 " in x]
    ids = {x.split("'")[1] for x in lines}
    # the markdown paragraphs swallow their disclaimers; the marked HTML paragraph stays whole
    assert ids == {"further-study-dosage", "legal-status-varies", "consult-addiction-specialist", "responsible-use"}
    assert all(x.startswith("source_docs/kratom-addiction-treatment.md:") for x in lines)


def test_lint_clean_and_missing_disclaimer(make_project, cli):
    glossary = """\
terms:
  - source: opioid
    kind: pharmacology
    nonstandard: [opioïd]
    misspellings: [opiod]
    targets: {es: opioide}
disclaimers:
  - id: nma
    text: This is not medical advice.
    documents: [a.md, gone.md]
"""
    root = make_project({"a.md": "# Title\n\nOpioids act on receptors.\n\nThis is not medical advice.\n"},
                        glossary=glossary, locales=("es",))
    assert cli(root, "lint").exit_code == 1  # gone.md does not exist
    (root / "glossary.yaml").write_text(glossary.replace(", gone.md", ""), encoding="utf-8")
    r = cli(root, "lint")
    assert r.exit_code == 0, r.output
    (root / "source_docs" / "a.md").write_text("# Title\n\nAn opiod.\n\nThe opioïd here.\n", encoding="utf-8")
    r = cli(root, "lint")
    assert r.exit_code == 1
    assert "source_docs/a.md:3: G101 'opiod' is a misspelling of 'opioid'" in r.stdout
    assert "source_docs/a.md:5: G102 'opioïd' is a non-standard form; write 'opioid'" in r.stdout
    assert "G202 the document should carry disclaimer 'nma'" in r.stdout


def test_lint_disclaimer_split_or_embedded(make_project, cli):
    glossary = """\
disclaimers:
  - id: two
    text: This is not advice. Ask a doctor.
  - id: one
    text: Ask your pharmacist.
"""
    root = make_project({"a.md": "Intro.\n\nThis is not advice. Ask a doctor.\n\nWell, ask your pharmacist, then.\n"},
                        glossary=glossary, locales=("es",))
    r = cli(root, "lint")
    assert "source_docs/a.md:3: G201 disclaimer 'two' is split across several segments" in r.stdout
    r2 = cli(root, "lint", "--unit", "block")
    assert "G201" not in r2.stdout and r2.exit_code == 0, r2.output


def test_lint_unknown_marker_and_changed_text(make_project, cli):
    glossary = "disclaimers:\n  - id: nma\n    text: This is not medical advice.\n    match: marker\n"
    doc = ("<p>Hi.</p>\n<!-- l10n: disclaimer nma -->\n<p>This is not medical advice at all.</p>\n"
           "<!-- l10n: disclaimer nope -->\n<p>Other.</p>\n")
    root = make_project({"a.html": doc}, glossary=glossary, locales=("es",))
    r = cli(root, "lint")
    assert "source_docs/a.html:3: G204 the text of disclaimer 'nma' differs" in r.stdout
    assert "source_docs/a.html:5: G203 disclaimer marker 'nope' is not defined in the glossary" in r.stdout


def test_lint_bad_glossary_is_exit_2(make_project, cli):
    root = make_project({"a.md": "Text.\n"}, glossary="terms:\n  - source: x\n", locales=("es",))
    r = cli(root, "lint")
    assert r.exit_code == 2
    assert "glossary.yaml:2:" in r.stderr and "has no kind" in r.stderr
