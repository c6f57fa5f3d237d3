"""L10N501: a name the glossary keeps, replaced by a pronoun or translated (from the eighth QA pass)."""

from __future__ import annotations

from tests.support.checks_realglossary import GLOSSARY


def _severity_of(locale: str, source: str, translation: str, code: str) -> list[str]:
    from l10n.checks import check_catalog
    from tests.support.checks import make_po

    found = check_catalog(make_po([(source, translation)]), locale=locale, glossary=GLOSSARY)
    return [str(f.severity) for f in found if f.code == code]


def test_a_kept_common_name_replaced_by_a_pronoun_is_a_warning_a_latin_name_an_error():
    # "kratom" is kept in French (keep_in): "ses composés" (its compounds) is a pronoun, not a mistranslation
    assert _severity_of("fr", "Kratom's active compounds act on opioid receptors.",
                        "Ses composés actifs agissent sur les récepteurs opioïdes.", "L10N501") == ["warning"]
    # Mitragyna speciosa is kept everywhere (keep): dropping or translating it stays an error
    assert _severity_of("fr", "Mitragyna speciosa is a tree.", "La mitragyne est un arbre.",
                        "L10N501") == ["error"]
