"""Plural-Forms: the catalog's own formula is its truth (l10n.catalogs.plurals, L10N103, update)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalogs.plurals import default_plural_forms, judge, parse_plural_forms
from l10n.errors import CatalogError

requires_msginit = pytest.mark.skipif(shutil.which("msginit") is None or shutil.which("msgfmt") is None,
                                      reason="GNU gettext not installed")

# --- parsing: what gettext refuses --------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "nplurals=two; plural=(n>>;",
    "nplurals=2; plural=(n>>1;",
    "nplurals=2;",
    "plural=(n != 1);",
    "nplurals=0; plural=0;",
    "nplurals=2; plural=(n != 1) ? 0 : 2;",   # picks form 2 of two
    "nplurals=2; plural=(x != 1);",            # only n is known
    "nplurals=2; plural=n % 0;",               # division by zero
    "nplurals=3; plural=" + "(" * 40 + "n" + ")" * 40 + ";",
])
def test_malformed_plural_forms_are_refused(value):
    with pytest.raises(CatalogError) as exc:
        parse_plural_forms(value)
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("value,n", [
    ("nplurals=2; plural=(n != 1);", 2),
    ("nplurals=2; plural=n>1", 2),                  # no final semicolon: gettext reads it
    (" nplurals = 1 ;  plural = 0 ; ", 1),
    ("nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;", 3),
])
def test_well_formed_plural_forms_parse(value, n):
    assert parse_plural_forms(value).nplurals == n


# --- judged against the rules the ecosystem writes --------------------------------------------

TRANSIFEX_PL = ("nplurals=4; plural=(n==1 ? 0 : (n%10>=2 && n%10<=4) && (n%100<12 || n%100>14) ? 1 : "
                "n!=1 && (n%10>=0 && n%10<=1) || (n%10>=5 && n%10<=9) || (n%100>=12 && n%100<=14) ? 2 : 3);")
TRANSIFEX_RU = ("nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) "
                "? 1 : n%10==0 || (n%10>=5 && n%10<=9) || (n%100>=11 && n%100<=14)? 2 : 3);")


@pytest.mark.parametrize("locale,value", [
    ("es", "nplurals=2; plural=(n != 1);"),                                        # msginit
    ("es", "nplurals=2; plural=n != 1;"),                                          # Weblate
    ("es", "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"),  # CLDR 42+ (Babel 2.19)
    ("es_MX", "nplurals=2; plural=(n != 1);"),                                     # the language's rule
    ("fr", "nplurals=2; plural=(n > 1);"),
    ("fr", "nplurals=2; plural=n>1;"),
    ("fr", "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"),
    ("ca", "nplurals=2; plural=(n != 1);"),
    ("it", "nplurals=2; plural=(n != 1);"),
    ("pt_BR", "nplurals=2; plural=(n > 1);"),
    ("pl", "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
    ("pl", TRANSIFEX_PL),
    ("ru", TRANSIFEX_RU),
    ("ru", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
    ("cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"),
    ("ar", "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"),
    ("ar", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : "
           "n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);"),
    ("ja", "nplurals=1; plural=0;"),
    ("tr", "nplurals=2; plural=(n != 1);"),
    ("tr", "nplurals=1; plural=0;"),
])
def test_rules_the_ecosystem_writes_are_accepted(locale, value):
    assert judge(parse_plural_forms(value), locale).status == "ok"


@pytest.mark.parametrize("locale,value", [
    ("fr", "nplurals=2; plural=(n != 1);"),     # 0 is singular in French
    ("tr", "nplurals=2; plural=(n > 1);"),
    ("de", "nplurals=2; plural=(n > 1);"),
    ("pt_BR", "nplurals=2; plural=(n != 1);"),
    ("pl", "nplurals=2; plural=(n != 1);"),
    ("ru", "nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);"),   # 21 is singular in Russian
    ("ar", "nplurals=2; plural=(n != 1);"),
])
def test_rules_wrong_for_the_language_are_not(locale, value):
    verdict = judge(parse_plural_forms(value), locale)
    assert verdict.status == "wrong" and "n=" in verdict.message


def test_a_language_nobody_lists_is_not_judged():
    assert judge(parse_plural_forms("nplurals=2; plural=(n != 1);"), "qqq").status == "unknown"


def test_defaults_come_from_the_data_not_babel():
    assert default_plural_forms("pt_BR") == "nplurals=2; plural=(n > 1);"
    assert default_plural_forms("es") == "nplurals=2; plural=(n != 1);"


# --- catalogs made by GNU msginit: updated, checked and compiled with their header untouched -----

POT = """\
# Template.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Report-Msgid-Bugs-To: bugs@example.org\\n"
"POT-Creation-Date: 2026-01-01 00:00+0000\\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
"Language-Team: LANGUAGE <LL@li.org>\\n"
"Language: \\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"

#: leaflet.md#intro
msgid "Café breaks are not a dose."
msgstr ""

#: leaflet.md#doses
#, python-format
msgid "%(count)s dose left"
msgid_plural "%(count)s doses left"
msgstr[0] ""
msgstr[1] ""
"""

MSGINIT_LOCALES = ["es", "fr", "pt_BR", "de", "ru", "pl", "cs", "ar", "ja", "hr"]


def _msginit_project(make_project, locale: str) -> tuple[Path, Path]:
    root = make_project({}, locales=[locale])
    locales = root / "locales"
    locales.mkdir()
    pot = locales / "leaflet.pot"
    pot.write_text(POT, encoding="utf-8")
    po = locales / locale / "LC_MESSAGES" / "leaflet.po"
    po.parent.mkdir(parents=True)
    subprocess.run(["msginit", "--no-translator", "-l", locale, "-i", str(pot), "-o", str(po)], check=True,
                   capture_output=True, env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    return root, po


def _fill(po_path: Path) -> None:
    """Translate every entry as a translator would in Poedit (all the catalog's plural forms)."""
    cat = polib.pofile(str(po_path))
    for e in cat:
        if e.msgid_plural:
            e.msgstr_plural = {k: f"[{k}] %(count)s" for k in e.msgstr_plural}
        else:
            e.msgstr = "Les pauses café ne sont pas une dose."
    cat.save()


@requires_msginit
@pytest.mark.gettext
@pytest.mark.parametrize("locale", MSGINIT_LOCALES)
def test_msginit_catalogs_keep_their_header(make_project, cli, locale):
    root, po_path = _msginit_project(make_project, locale)
    before = polib.pofile(str(po_path))
    placeholder = "INTEGER" in before.metadata.get("Plural-Forms", "")
    if placeholder:  # msginit 0.21 does not know the language: update fills in the rule and the forms
        assert cli(root, "update", "-l", locale).exit_code == 0
        assert len(polib.pofile(str(po_path)).find("%(count)s dose left").msgstr_plural) == \
            parse_plural_forms(default_plural_forms(locale)).nplurals
    _fill(po_path)
    filled = po_path.read_bytes()

    res = cli(root, "update", "-l", locale)
    assert res.exit_code == 0, res.output
    after = polib.pofile(str(po_path))
    if placeholder:  # only the placeholder was filled in
        assert after.metadata["Plural-Forms"] == default_plural_forms(locale)
        assert {k: v for k, v in after.metadata.items() if k != "Plural-Forms"} == \
            {k: v for k, v in before.metadata.items() if k != "Plural-Forms"}
    else:
        assert list(after.metadata.items()) == list(before.metadata.items())  # values and order
    assert [e.msgstr_plural for e in after if e.msgid_plural] == \
        [e.msgstr_plural for e in polib.pofile(filled.decode("utf-8")) if e.msgid_plural]

    res = cli(root, "check", "-l", locale, "--format", "json")
    assert not [c for c in ("L10N101", "L10N102", "L10N103", "L10N106") if f'"{c}"' in res.stdout], res.stdout

    res = cli(root, "compile", "-l", locale)
    assert res.exit_code == 0, res.output
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po_path)]).returncode == 0


@requires_msginit
@pytest.mark.gettext
def test_a_second_update_changes_nothing(make_project, cli):
    root, po_path = _msginit_project(make_project, "ru")
    assert cli(root, "update", "-l", "ru").exit_code == 0
    once = po_path.read_bytes()
    assert cli(root, "update", "-l", "ru").exit_code == 0
    assert po_path.read_bytes() == once


# --- malformed and inconsistent catalogs ----------------------------------------------------------

BAD = """\
msgid ""
msgstr ""
"Project-Id-Version: demo\\n"
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: {plural}\\n"

#: leaflet.md#intro
msgid "Café breaks are not a dose."
msgstr "x"
{extra}"""


def _bad_project(make_project, plural: str, extra: str = "") -> tuple[Path, Path]:
    root = make_project({}, locales=["fr"])
    (root / "locales").mkdir()
    (root / "locales" / "leaflet.pot").write_text(POT, encoding="utf-8")
    po = root / "locales" / "fr" / "LC_MESSAGES" / "leaflet.po"
    po.parent.mkdir(parents=True)
    po.write_text(BAD.format(plural=plural, extra=extra), encoding="utf-8")
    return root, po


def test_update_refuses_a_malformed_formula_naming_its_line(make_project, cli):
    root, po = _bad_project(make_project, "nplurals=two; plural=(n>>;")
    data = po.read_bytes()
    res = cli(root, "update", "-l", "fr")
    assert res.exit_code == 2
    assert "locales/fr/LC_MESSAGES/leaflet.po:6:" in res.stderr and "Plural-Forms" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert po.read_bytes() == data


def test_check_reports_a_malformed_formula_as_an_error(make_project, cli):
    root, po = _bad_project(make_project, "nplurals=two; plural=(n>>;")
    res = cli(root, "check", str(po), "-l", "fr", "--format", "json")
    assert res.exit_code == 1 and '"L10N103"' in res.stdout


def test_check_reports_a_rule_wrong_for_the_language(make_project, cli):
    root, po = _bad_project(make_project, "nplurals=2; plural=(n != 1);")
    res = cli(root, "check", str(po), "-l", "fr", "--format", "json")
    assert res.exit_code == 1 and '"L10N103"' in res.stdout and "n=0" in res.stdout


def test_update_refuses_entries_inconsistent_with_the_declared_forms(make_project, cli):
    extra = ('\n#: leaflet.md#doses\n#, python-format\nmsgid "%(count)s dose left"\n'
             'msgid_plural "%(count)s doses left"\nmsgstr[0] "a"\nmsgstr[1] "b"\nmsgstr[2] "c"\n')
    root, po = _bad_project(make_project, "nplurals=2; plural=(n > 1);", extra)
    res = cli(root, "update", "-l", "fr")
    assert res.exit_code == 2 and "leaflet.po:16:" in res.stderr and "nplurals=2" in res.stderr


def test_three_forms_declared_by_the_catalog_are_its_truth(make_project, cli):
    """CLDR's French rule (three forms) written by a newer Babel: accepted, and three forms are required."""
    extra = ('\n#: leaflet.md#doses\n#, python-format\nmsgid "%(count)s dose left"\n'
             'msgid_plural "%(count)s doses left"\nmsgstr[0] "%(count)s dose"\nmsgstr[1] "%(count)s doses"\n'
             'msgstr[2] "%(count)s doses"\n')
    root, po = _bad_project(make_project, "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && "
                                          "n % 1000000 == 0 ? 1 : 2;", extra)
    res = cli(root, "check", str(po), "-l", "fr", "--format", "json")
    assert not [c for c in ("L10N103", "L10N106") if f'"{c}"' in res.stdout], res.stdout
    assert cli(root, "update", "-l", "fr").exit_code == 0
    assert "nplurals=3" in po.read_text(encoding="utf-8")


def test_one_form_for_a_language_with_more_is_a_warning(make_project, cli):
    """nplurals=1 cannot pick a wrong form (it gives up a distinction): said, at warning, never an error."""
    root = make_project({}, locales=["ky"])
    po = root / "locales" / "ky" / "LC_MESSAGES" / "leaflet.po"
    po.parent.mkdir(parents=True)
    po.write_text(BAD.format(plural="nplurals=1; plural=0;", extra="").replace("Language: fr", "Language: ky"),
                  encoding="utf-8")
    res = cli(root, "check", str(po), "--format", "json", "--select", "L10N103")
    assert res.exit_code == 0 and '"L10N103"' in res.stdout and '"warning"' in res.stdout
