"""`l10n glossary disclaimer ID`: what a disclaimer needs before its articles are published."""

from __future__ import annotations

from l10n.glossary import text_sha256

GLOSSARY = """\
version: 1
terms: []
disclaimers:
  - id: pregnancy
    text: Do not use kratom if you are pregnant or breastfeeding.
    severity: critical
    match: text
    translations:
      es:
        text: No use kratom si está embarazada o en período de lactancia.
        reviewed_by: revisión médica
        reviewed_on: 2026-12-04
        source_sha256: {sha}
      ca:
        text: No feu servir kratom si esteu embarassada o en període de lactància.
        reviewed_by: revisió mèdica
        reviewed_on: 2026-12-01
        source_sha256: {old}
"""

TEXT = "Do not use kratom if you are pregnant or breastfeeding."


def test_disclaimer_states_and_the_yaml_to_add(make_project, cli):
    root = make_project({"a.md": f"# A\n\n{TEXT}\n"}, locales=["es", "ca", "fr"],
                        glossary=GLOSSARY.format(sha=text_sha256(TEXT), old=text_sha256("Do not use it.")))
    res = cli(root, "glossary", "disclaimer", "pregnancy")
    assert res.exit_code == 1
    out = res.stdout
    assert f"source_sha256: {text_sha256(TEXT)}" in out
    assert "es: approved by revisión médica on 2026-12-04" in out
    assert "ca: STALE" in out and "fr: MISSING" in out
    assert out.count(f"source_sha256: {text_sha256(TEXT)}") == 3  # the header and the snippets for ca, fr


def test_all_approved_exits_0_and_unknown_id_exits_1(make_project, cli):
    root = make_project({"a.md": f"# A\n\n{TEXT}\n"}, locales=["es", "ca"],
                        glossary=GLOSSARY.format(sha=text_sha256(TEXT), old=text_sha256(TEXT)))
    assert cli(root, "glossary", "disclaimer", "pregnancy").exit_code == 0
    res = cli(root, "glossary", "disclaimer", "nope")
    assert res.exit_code == 1 and "known: pregnancy" in res.stdout
