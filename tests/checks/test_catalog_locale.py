"""A tree of real catalogs is checked to the end: the locale comes from the header, else the gettext path."""

from __future__ import annotations

import json

import pytest

from l10n.checks import catalog_locale, path_locale

ENTRY = '\nmsgid "Not found."\nmsgstr "{t}"\n'


def _po(language: str | None, translation: str) -> str:
    head = 'msgid ""\nmsgstr ""\n"Project-Id-Version: demo\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    if language is not None:
        head += f'"Language: {language}\\n"\n'
    return head + ENTRY.format(t=translation)


@pytest.mark.parametrize("path,expected", [
    ("django/conf/locale/hr/LC_MESSAGES/django.po", "hr"),
    ("locale/pt-BR/LC_MESSAGES/x.po", "pt_BR"),
    ("locale/zh_Hans/LC_MESSAGES/djangojs.po", "zh_Hans"),
    ("po/sr@latin.po", "sr_Latn"),
    ("po/de.po", "de"),
    ("po/messages.po", None),
    ("LC_MESSAGES/x.po", None),
    ("locale/udm/LC_MESSAGES/x.po", "udm"),     # ISO 639, not in CLDR: kept as it is
    ("locale/Estonian/LC_MESSAGES/x.po", None),
])
def test_path_locale(path, expected):
    assert path_locale(path) == expected


def test_header_wins_then_path_then_a_problem():
    assert catalog_locale("pt-br", "x/fr/LC_MESSAGES/a.po") == ("pt_BR", None)
    assert catalog_locale("Estonian", "locale/et/LC_MESSAGES/django.po") == ("et", None)
    assert catalog_locale("", "locale/hr/LC_MESSAGES/django.po") == ("hr", None)
    loc, problem = catalog_locale("", "notes/a.po")
    assert loc is None and "give the locale with -l" in problem
    assert catalog_locale("", "notes/a.po", "es") == ("es", None)


def test_a_tree_is_checked_to_the_end(tmp_path, cli):
    tree = tmp_path / "catalogs"
    files = {
        "hr/LC_MESSAGES/django.po": _po(None, "Nije pronađeno."),     # no Language header: the path says hr
        "et/LC_MESSAGES/django.po": _po("Estonian", "Ei leitud."),     # a header that names no locale
        "stray/messages.po": _po(None, "?"),                           # nothing says which language
        "zz/LC_MESSAGES/django.po": _po("fr", "Introuvable."),         # the header says fr
    }
    for name, text in files.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, encoding="utf-8")
    res = cli(tmp_path, "check", str(tree), "--format", "json", "--no-cache")
    assert res.exit_code == 1, res.output  # the stray file's L10N107 is an error; nothing aborted
    report = json.loads(res.stdout)
    files_seen = {f["file"].split("catalogs/", 1)[-1]: f["locale"] for f in report["findings"]}
    assert files_seen == {"hr/LC_MESSAGES/django.po": "hr", "et/LC_MESSAGES/django.po": "et",
                          "stray/messages.po": "", "zz/LC_MESSAGES/django.po": "fr"}
    by_file = {}
    for f in report["findings"]:
        by_file.setdefault(f["file"].split("catalogs/", 1)[-1], []).append((f["code"], f["severity"]))
    assert ("L10N107", "error") in by_file["stray/messages.po"]
    assert ("L10N107", "warning") in by_file["et/LC_MESSAGES/django.po"]
    assert not any(code == "L10N107" for code, _ in by_file.get("hr/LC_MESSAGES/django.po", []))
