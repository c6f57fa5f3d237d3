"""Catalog health, waivers, crashes, rendered copies, output formats and the CLI of `l10n check`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import polib
import pytest

import l10n.checks as checks
from l10n.checks import check_catalog, check_file, check_rendered, exit_code
from l10n.checks.output import CheckedFile, format_findings
from l10n.model import Finding, Severity
from tests.support.checks import DID, DISCLAIMER_EN, DISCLAIMER_ES, HEADER, make_po, standin_glossary

G = standin_glossary()


def codes(findings):
    return {f.code for f in findings}


# -- catalog health -----------------------------------------------------------------------------------------------

def _plural(forms):
    return polib.POEntry(msgid="%d dose", msgid_plural="%d doses", flags=["c-format"],
                         msgstr_plural=dict(enumerate(forms)))


@pytest.mark.parametrize("header,code", [
    ({**HEADER, "Plural-Forms": "nplurals=2; plural=(n > 1);"}, "L10N103"),   # French rule in a Spanish file
    ({**HEADER, "Plural-Forms": "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);"}, "L10N103"),
    ({k: v for k, v in HEADER.items() if k != "Language-Team"}, "L10N102"),
    ({**HEADER, "Last-Translator": "FULL NAME <EMAIL@ADDRESS>"}, "L10N102"),
    # (a legacy charset is valid, as in GNU gettext; text it cannot hold is not)
    ({**HEADER, "Content-Type": "text/plain; charset=KOI8-R"}, "L10N101"),
])
def test_header_defects(header, code):
    assert code in codes(check_catalog(make_po([("Warning signs", "Señales de alarma")], header), locale="es",
                                       glossary=None))


def test_equivalent_plural_expression_is_accepted():
    header = {**HEADER, "Plural-Forms": "nplurals=2; plural=n != 1;"}
    assert check_catalog(make_po([_plural(["%d dosis", "%d dosis"])], header), locale="es", glossary=None) == []


@pytest.mark.parametrize("forms,ok", [(["%d dosis", "%d dosis"], True), (["%d dosis", ""], False),
                                      (["%d dosis"], False)])
def test_plural_forms_filled(forms, ok):
    found = check_catalog(make_po([_plural(forms)]), locale="es", glossary=None)
    assert ("L10N106" not in codes(found)) is ok


def test_duplicate_and_missing_template_entry():
    po = make_po([("Warning signs", "Señales de alarma"), ("Warning signs", "Señales de alarma")])
    pot = make_po([("Warning signs", ""), ("Getting help", "")])
    found = check_catalog(po, locale="es", glossary=None, template=pot)
    assert {"L10N105", "L10N104"} <= codes(found)


def test_syntax_error_is_a_finding_with_its_line():
    data = b'msgid ""\nmsgstr "Language: es\\n"\n\nmsgid "a\nmsgstr "b"\n'
    found, _ = check_file(data, locale="es", glossary=None, path="x.po")
    assert [(f.code, f.line) for f in found][:1] == [("L10N101", 5)]  # msgfmt's line: where the string's line ends


def test_newline_consistency_like_msgfmt():
    found = check_catalog(make_po([("Warning signs\n", "Señales de alarma")]), locale="es", glossary=None)
    assert "L10N101" in codes(found)


# -- workflow -----------------------------------------------------------------------------------------------------

def test_workflow_states():
    fuzzy = polib.POEntry(msgid="Warning signs", msgstr="Señales", flags=["fuzzy"])
    stale = polib.POEntry(msgid="Getting help now", msgstr="Buscar ayuda", previous_msgid="Getting help")
    found = check_catalog(make_po([("Seizures or trouble breathing", ""), fuzzy, stale]), locale="es",
                          glossary=None)
    assert {"L10N201", "L10N203", "L10N205"} <= codes(found)


def test_unchanged_allows_glossary_keep_terms():
    assert check_catalog(make_po([("*Mitragyna speciosa*", "*Mitragyna speciosa*")]), locale="es", glossary=G) == []
    found = check_catalog(make_po([("Fresh leaves of kratom", "Fresh leaves of kratom")]), locale="es", glossary=G)
    assert "L10N204" in codes(found)


def test_untranslated_entry_skips_content_checks():
    found = check_catalog(make_po([("Do not take 5 mg.", "")]), locale="es", glossary=None)
    assert codes(found) == {"L10N201"}


# -- numbers by value ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("locale,source,target,ok", [
    ("es", "Take 2.5 mg.", "Tome 2,5 mg.", True),
    ("es", "Up to 1,000 mg.", "Hasta 1 000 mg.", True),
    ("fr", "Up to 1,000 mg.", "Jusqu’à 1\u202f000 mg.", True),
    ("es", "Take 5 mg.", "Tome 50 mg.", False),
    ("es", "Take 5 mg.", "Tome 5 g.", False),
    ("es", "Take 2.5 mg.", "Tome 2.5 mg.", True),   # English notation kept: same value
])
def test_numbers_by_value(locale, source, target, ok):
    found = check_catalog(make_po([(source, target)], {**HEADER, "Language": locale,
                                                       "Plural-Forms": "nplurals=2; plural=(n > 1);"
                                                       if locale == "fr" else HEADER["Plural-Forms"]}),
                          locale=locale, glossary=None, select={"L10N301", "L10N302", "L10N303"})
    assert (found == []) is ok, [f.message for f in found]


# -- waivers, crashes, selection ----------------------------------------------------------------------------------

def test_waiver_silences_a_suppressible_warning_only_with_a_reason():
    e = polib.POEntry(msgid="Fresh leaves of kratom", msgstr="Fresh leaves of kratom",
                      tcomment="l10n-waive: L10N204 the Spanish edition keeps this caption in English")
    assert check_catalog(make_po([e]), locale="es", glossary=G) == []
    e2 = polib.POEntry(msgid="Fresh leaves of kratom", msgstr="Fresh leaves of kratom", tcomment="l10n-waive: L10N204")
    assert codes(check_catalog(make_po([e2]), locale="es", glossary=G)) == {"L10N204", "L10N902"}


def test_number_and_negation_findings_cannot_be_waived():
    e = polib.POEntry(msgid="Do not take 5 mg.", msgstr="Tome 50 mg.",
                      tcomment="l10n-waive: L10N301 typo\nl10n-waive: L10N311 style")
    found = codes(check_catalog(make_po([e]), locale="es", glossary=None))
    assert {"L10N301", "L10N311", "L10N901"} <= found


@requires_msgfmt_marker := pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
def test_msgfmt_accepts_a_waiver_comment(tmp_path):
    e = polib.POEntry(msgid="Fresh leaves", msgstr="Hojas frescas", tcomment="l10n-waive: L10N204 reason here")
    path = tmp_path / "w.po"
    path.write_text(make_po([e]).__unicode__(), encoding="utf-8")
    r = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_a_crashing_check_becomes_l10n000(monkeypatch):
    spec = checks.get_check("L10N401")

    def boom(entry, ctx):
        raise RuntimeError("bug")
        yield  # pragma: no cover

    monkeypatch.setattr(spec.func, "__code__", boom.__code__)
    found = check_catalog(make_po([("Warning signs. Call now.", "Señales de alarma.")]), locale="es", glossary=None)
    assert "L10N000" in codes(found)


def test_exit_code_and_registry():
    assert exit_code([]) == 0
    assert exit_code([Finding("L10N201", "untranslated", Severity.WARNING, "x")]) == 0
    assert exit_code([Finding("L10N301", "number-changed", Severity.ERROR, "x")]) == 1
    specs = checks.all_checks()
    assert len({s.code for s in specs}) == len(specs) and all(s.title for s in specs)


# -- rendered copies ----------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>t</title></head><body>
<p>Texto.</p>
{body}
</body></html>"""


@pytest.mark.parametrize("body,lang,code", [
    (f"<p>{DISCLAIMER_ES}</p>", "es", None),
    ("<p>Otra cosa.</p>", "es", "L10N711"),
    (f"<p hidden>{DISCLAIMER_ES}</p>", "es", "L10N712"),
    (f'<div style="display: none"><p>{DISCLAIMER_ES}</p></div>', "es", "L10N712"),
    (f'<p style="visibility:hidden">{DISCLAIMER_ES}</p>', "es", "L10N712"),
    (f"<!-- {DISCLAIMER_ES} -->", "es", "L10N712"),
    (f"<p>{DISCLAIMER_EN}</p>", "es", "L10N713"),
    (f"<p>{DISCLAIMER_ES}</p>", "en", "L10N714"),
])
def test_rendered_html(body, lang, code):
    found = check_rendered(PAGE.format(lang=lang, body=body), "html", locale="es", glossary=G,
                           expected={DID: DISCLAIMER_ES}, path="es/page.html")
    assert (codes(found) == set()) if code is None else code in codes(found), [f.message for f in found]


def test_rendered_markdown():
    ok = f"# Título\n\n{DISCLAIMER_ES}\n"
    assert check_rendered(ok, "md", locale="es", glossary=G, expected={DID: DISCLAIMER_ES}) == []
    hidden = f"# Título\n\n<!--\n{DISCLAIMER_ES}\n-->\n"
    assert "L10N712" in codes(check_rendered(hidden, "md", locale="es", glossary=G, expected={DID: DISCLAIMER_ES}))
    english = f"# Título\n\n{DISCLAIMER_EN}\n"
    assert "L10N713" in codes(check_rendered(english, "md", locale="es", glossary=G, expected={DID: DISCLAIMER_ES}))


# -- output formats -----------------------------------------------------------------------------------------------

FINDINGS = [Finding("L10N301", "number-changed", Severity.ERROR, "number 5 mg became 50 mg", "es/a.po", 12, "es",
                    None, "Take 5 mg.", "Tome 50 mg.", False),
            Finding("L10N703", "disclaimer-fuzzy", Severity.CRITICAL, "fuzzy", "es/a.po", 20, "es",
                    f"disclaimer:{DID}", DISCLAIMER_EN, DISCLAIMER_ES, False),
            Finding("L10N201", "untranslated", Severity.WARNING, "not translated", "es/a.po", 30, "es")]
FILES = [CheckedFile("es/a.po", "es", (DID,)), CheckedFile("es/b.po", "es", ())]

# The parts of the SARIF 2.1.0 schema (OASIS) that code-scanning views rely on.
SARIF_SCHEMA = {
    "type": "object", "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name"], "properties": {
                        "name": {"type": "string"}, "version": {"type": "string"},
                        "rules": {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
                            "id": {"type": "string"}, "shortDescription": {"type": "object", "required": ["text"]},
                            "defaultConfiguration": {"type": "object", "properties": {
                                "level": {"enum": ["none", "note", "warning", "error"]}}}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["message"], "properties": {
                        "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": 0},
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"type": "object", "required": ["text"]},
                        "locations": {"type": "array", "items": {"type": "object", "properties": {
                            "physicalLocation": {"type": "object", "properties": {
                                "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string"}}},
                                "region": {"type": "object", "properties": {
                                    "startLine": {"type": "integer", "minimum": 1}}}}}}}}}}}}}}},
}


def test_sarif_structure():
    doc = json.loads(format_findings(FINDINGS, "sarif", FILES))
    jsonschema.validate(doc, SARIF_SCHEMA)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning"]


def test_json_junit_github_text():
    data = json.loads(format_findings(FINDINGS, "json", FILES))
    assert data["summary"]["findings"] == 3 and data["summary"]["critical"] == 1
    assert set(data["findings"][0]) >= {"file", "line", "locale", "msgctxt", "msgid", "code", "check", "severity",
                                        "message"}
    suite = ElementTree.fromstring(format_findings(FINDINGS, "junit", FILES))
    cases = suite.findall(".//testcase")
    assert len(cases) == 3  # two catalogs + one disclaimer
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["catalog [es]", f"disclaimer:{DID} [es]"]
    gh = format_findings(FINDINGS, "github", FILES).splitlines()
    assert gh[0].startswith("::error file=es/a.po,line=12,title=L10N301 number-changed::")
    assert gh[2].startswith("::warning ")
    text = format_findings(FINDINGS, "text", FILES)
    assert "es/a.po:12: error L10N301 [number-changed] number 5 mg became 50 mg" in text
    assert "    > Tome 50 mg." in text


# -- CLI ----------------------------------------------------------------------------------------------------------

def _translate_all(root: Path) -> None:
    """Fill the Spanish catalogs with a clean translation stand-in (copy of the source, waived)."""
    for path in (root / "locales" / "es" / "LC_MESSAGES").glob("*.po"):
        po = polib.pofile(str(path))
        for e in po:
            if e.msgctxt and e.msgctxt.startswith("disclaimer:"):
                e.msgstr = DISCLAIMER_ES
            else:
                e.msgstr = e.msgid
                e.tcomment = "l10n-waive: L10N204 placeholder translation for the test"
        po.save(str(path))


@pytest.fixture
def project(make_project, cli):
    root = make_project(bundled=True, locales=("es",))
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    return root


def test_cli_project_exit_codes(project, cli):
    r = cli(project, "check")
    assert r.exit_code == 1 and "L10N702" in r.stdout          # the disclaimer is not translated yet
    _translate_all(project)
    r = cli(project, "check", "--format", "json")
    assert r.exit_code == 0, r.stdout
    assert json.loads(r.stdout)["summary"]["files"] == 3  # the bundled .md, .html and .docx


def test_cli_single_file_and_formats(project, cli, tmp_path):
    po = project / "locales" / "es" / "LC_MESSAGES" / "kratom-harm-reduction.po"
    out = tmp_path / "r.sarif"
    r = cli(project, "check", str(po), "--format", "sarif", "-o", str(out))
    assert r.exit_code == 1
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SARIF_SCHEMA)
    # any PO file outside the project, language from its header
    other = tmp_path / "other.po"
    other.write_text(make_po([("Do not take 5 mg.", "No tome 5 mg.")]).__unicode__(), encoding="utf-8")
    assert cli(tmp_path, "check", str(other)).exit_code == 0
    other.write_text(make_po([("Do not take 5 mg.", "Tome 50 mg.")]).__unicode__(), encoding="utf-8")
    r = cli(tmp_path, "check", str(other), "--format", "github")
    assert r.exit_code == 1 and "::error" in r.stdout and "L10N311" in r.stdout


def test_cli_bad_input_and_listing(project, cli, tmp_path):
    assert cli(project, "check", "nope.po").exit_code == 2
    assert cli(project, "check", "--format", "xml").exit_code == 2
    bad = tmp_path / "x.txt"
    bad.write_text("hi", encoding="utf-8")
    assert cli(project, "check", str(bad)).exit_code == 2
    listing = cli(project, "checks")
    assert listing.exit_code == 0 and "L10N705" in listing.stdout and "disclaimer-wording" in listing.stdout
    assert "L10N311" in cli(project, "check", "--list").stdout


def test_cli_rendered_copy(project, cli, tmp_path):
    _translate_all(project)
    page = tmp_path / "es" / "kratom-harm-reduction.html"
    page.parent.mkdir()
    page.write_text(PAGE.format(lang="es", body=f"<p>{DISCLAIMER_ES}</p>"), encoding="utf-8")
    assert cli(project, "check", str(page)).exit_code == 0
    page.write_text(PAGE.format(lang="es", body=f"<p hidden>{DISCLAIMER_ES}</p>"), encoding="utf-8")
    r = cli(project, "check", str(page))
    assert r.exit_code == 1 and "L10N712" in r.stdout
