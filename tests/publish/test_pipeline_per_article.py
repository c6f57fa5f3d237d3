"""Publishing per (article, locale): issues 12.2, 12.7, 12.8, 12.9 and 14.8.

A reviewed article stays published when another article of its locale is
incomplete or unsafe; the completeness threshold applies per article; the
manifest, status, dashboard and CLI say per article what was published, held
back and why; pseudo-locales are a preview, never published; exit codes: 0
when everything ready is built, 1 for a safety reason or a requested locale
with nothing built; a configured locale whose disclaimer lost its approved
translation is an error in update, check and build.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.support.publish import AR, DOC_HTML, DOC_MD, ES, translate
from tests.support.publish import project  # noqa: F401
from tests.support.paths import CASES, ROOT

HERE = CASES / "per_article"
NEW_ARTICLE = "kratom-sleep.md"


def _manifest(root: Path, folder: str = "dist") -> dict:
    return json.loads((root / folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def bundled(tmp_path):
    """A copy of the bundled project: its articles, glossary and catalogs (French fully reviewed)."""
    root = tmp_path / "bundled"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copy(ROOT / "glossary.yaml", root / "glossary.yaml")
    shutil.copytree(ROOT / "source_docs", root / "source_docs")
    shutil.copytree(ROOT / "locales", root / "locales")
    return root


# --- issue 12.7: one new article does not withdraw a language -----------------------------------------------

def test_a_new_untranslated_article_is_held_back_and_the_reviewed_ones_stay_published(bundled, cli):
    root = bundled
    assert cli(root, "build").exit_code == 0
    reviewed = sorted(p.name for p in (root / "dist" / "fr").iterdir() if p.is_file())
    assert reviewed, "French is fully reviewed in the bundled project"
    shutil.copy(HERE / "new-article.md", root / "source_docs" / NEW_ARTICLE)

    r = cli(root, "run", "-l", "fr")  # fr has no engine: nothing is machine-translated, the run is offline
    assert r.exit_code == 0, r.output  # the new article is merely not translated yet: not an error
    assert "1 of 4 articles" not in r.stdout and "3 of 4 articles built" in r.stdout
    assert f"{NEW_ARTICLE} (not ready" in r.stdout
    # every reviewed French page is still published, the new one is not
    assert sorted(p.name for p in (root / "dist" / "fr").iterdir() if p.is_file()) == reviewed
    assert not list((root / "dist" / "fr").glob("kratom-sleep.*"))
    m = _manifest(root)
    assert set(m["locales"]["fr"]["documents"]) == {"kratom-addiction-treatment.md", "kratom-harm-reduction.html",
                                                 "kratom-leaflet.docx"}
    record = m["articles"]["fr"][NEW_ARTICLE]
    assert record["status"] == "not ready" and "completeness threshold" in record["reasons"][0]
    assert m["articles"]["fr"]["kratom-addiction-treatment.md"] == {
        "status": "published", "completeness": 1.0, "machine_translation": 0.0, "reasons": []}
    assert cli(root, "verify").exit_code == 0

    # `l10n build` says the same, and exits 0 (pt_BR and ar untranslated, es and ca not machine-translated)
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    assert "fr: built, 3 of 4 articles" in r.stdout
    assert f"{NEW_ARTICLE} (not ready; 0% reviewed): 0% translated, below the completeness threshold" in r.stderr
    # status and the dashboard say it per article too
    rows = {(x["locale"], x["document"]): x for x in json.loads(cli(root, "status", "--format", "json").stdout)}
    assert rows[("fr", NEW_ARTICLE)]["status"] == "not ready"
    assert rows[("fr", "kratom-harm-reduction.html")]["status"] == "published"
    assert cli(root, "report").exit_code == 0
    tree = lxml_html.fromstring((root / "dist" / "report.html").read_bytes())
    assert tree.xpath('//tr[@data-locale="fr"]//span[@class="partial"]/text()') == ["3 of 4 published"]
    assert tree.xpath(f'//section[@id="locale-fr"]//tr[@data-article="{NEW_ARTICLE}"]/td[2]/text()') == [
        "not ready"]


def test_threshold_applies_per_article(project, cli):  # noqa: F811
    root = project(locales=("es",))
    # sleep.html is complete; water.md misses one segment of five (80% < 90%)
    translate(root, "es", ES, skip={"Drink water."})
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    assert (root / "dist" / "es" / "sleep.html").is_file() and not (root / "dist" / "es" / "water.html").exists()
    assert "es: built, 1 of 2 articles" in r.stdout and "water.md (not ready" in r.stderr
    r = cli(root, "build", "-l", "es")  # asked for by name: something was built, the rest is not ready
    assert r.exit_code == 0, r.output


# --- safety reasons hold back one article, and are errors ------------------------------------------------------

def test_an_unsafe_article_is_held_back_alone_and_exit_1(project, cli):  # noqa: F811
    root = project(locales=("es", "ar"))
    translate(root, "es", ES)
    translate(root, "ar", AR)
    assert cli(root, "build").exit_code == 0
    # a translator blanks the disclaimer of water.md only (sleep.html has its own entry)
    po = root / "locales" / "es" / "LC_MESSAGES" / "water.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Esto no es un consejo médico."', 'msgstr ""'),
                  encoding="utf-8")
    # before building, status already says what the next build does to the published copy
    rows = {(x["locale"], x["document"]): x for x in json.loads(cli(root, "status", "--format", "json").stdout)}
    assert rows[("es", "water.md")]["status"] == "withdrawn" and rows[("es", "sleep.html")]["status"] == "published"
    r = cli(root, "build")
    assert r.exit_code == 1, r.output
    assert not (root / "dist" / "es" / "water.html").exists() and not (root / "dist" / "es" / "water.md").exists()
    assert (root / "dist" / "es" / "sleep.html").is_file() and (root / "dist" / "ar" / "water.html").is_file()
    # issue 12.2: a copy that was published and now fails does not vanish silently
    assert "es: WITHDRAWN from dist/es/ (published before, held back now): water.md" in r.stderr
    assert "water.md (WITHDRAWN (published before), held back" in r.stderr
    record = _manifest(root)["articles"]["es"]["water.md"]
    assert record["status"] == "withdrawn" and any("not-advice" in x for x in record["reasons"])
    assert cli(root, "verify").exit_code == 0
    assert cli(root, "report").exit_code == 0
    tree = lxml_html.fromstring((root / "dist" / "report.html").read_bytes())
    assert tree.xpath('//section[@id="locale-es"]//tr[@data-article="water.md"]/td[2]/text()') == ["withdrawn"]
    assert tree.xpath('//tr[@data-locale="es"]//span[@class="partial"]/text()') == ["1 of 2 published"]
    # the withdrawal stays on record (and an error) until the article is published again
    r = cli(root, "build")
    assert r.exit_code == 1 and _manifest(root)["articles"]["es"]["water.md"]["status"] == "withdrawn"
    translate(root, "es", {"This is not medical advice.": "Esto no es un consejo médico."})
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    assert _manifest(root)["articles"]["es"]["water.md"]["status"] == "published"
    assert (root / "dist" / "es" / "water.html").is_file()


# --- issue 12.9: exit codes in both states of the bundled project -----------------------------------------------

def test_exit_codes_untranslated_locales_are_not_an_error_unless_requested(project, cli):  # noqa: F811
    root = project(locales=("es", "ar"))
    translate(root, "es", ES)
    r = cli(root, "build")  # ar untranslated (as pt_BR and ar in the bundled project today)
    assert r.exit_code == 0, r.output
    assert "ar: NOT BUILT" in r.stderr and "not ready" in r.stderr
    assert cli(root, "build", "-l", "ar").exit_code == 1  # asked for by name, nothing built
    translate(root, "ar", AR)  # ... and once translators have filled it
    r = cli(root, "build")
    assert r.exit_code == 0 and "ar: built, all 2 articles" in r.stdout
    assert cli(root, "build", "-l", "ar").exit_code == 0


# --- issue 12.8: pseudo-locales are a preview ---------------------------------------------------------------------

def test_pseudo_locale_is_built_for_preview_never_published(project, cli):  # noqa: F811
    root = project(locales=("es", "en_XA"), publish='allow_machine_translation = ["en_XA"]')
    translate(root, "es", ES)
    translate(root, "en_XA", {k: f"[{k}]" for k in ES} | {"This is not medical advice.": "Ţĥîš îš ñöţ."})
    # an older version published it: the folder and the manifest entry must go
    (root / "dist" / "en_XA").mkdir(parents=True)
    (root / "dist" / "en_XA" / "water.html").write_text("old", encoding="utf-8")
    (root / "dist" / "manifest.json").write_text(json.dumps({
        "format": 1, "tool": "l10n", "version": "0", "source_language": "en",
        "locales": {"en_XA": {"lang": "en-XA", "dir": "ltr", "files": {}, "documents": {}}}}), encoding="utf-8")
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    m = _manifest(root)
    assert set(m["locales"]) == {"es"} and "en_XA" not in m["articles"]
    assert not (root / "dist" / "en_XA").exists()
    assert (root / "dist-preview" / "en_XA" / "water.html").is_file()
    preview = _manifest(root, "dist-preview")
    assert preview["preview"] is True and set(preview["locales"]) == {"en_XA"}
    assert preview["articles"]["en_XA"]["water.md"]["status"] == "preview"
    assert "en_XA: preview in dist-preview/en_XA/" in r.stdout
    assert cli(root, "verify").exit_code == 0 and cli(root, "verify", "dist-preview").exit_code == 0


# --- one definition of reviewed / machine / published --------------------------------------------------------------

def test_cli_status_and_dashboard_use_one_definition(project, cli):  # noqa: F811
    root = project(locales=("es",), publish="allow_machine_translation = true")
    reviewed = {"This is not medical advice.", "Water"}
    translate(root, "es", {k: v for k, v in ES.items() if k in reviewed})
    machine = {k: v for k, v in ES.items() if k not in reviewed}
    _machine_translate(root, "es", machine)
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    rows = {x["document"]: x for x in json.loads(cli(root, "status", "--format", "json").stdout)}
    water = rows["water.md"]
    assert (water["translated"], water["machine"], water["untranslated"]) == (2, 3, 0)
    assert (water["reviewed"], water["published"], water["total"]) == (2, 5, 5) and water["completeness"] == 1.0
    # the CLI says what the dashboard shows: reviewed and machine shares, then what is published
    total = sum(x["total"] for x in rows.values())
    human = sum(x["reviewed"] for x in rows.values()) / total
    mt = sum(x["machine"] for x in rows.values()) / total
    assert f"{human:.0%} reviewed, {mt:.0%} machine: 100% published" in r.stdout
    cli(root, "report")
    tree = lxml_html.fromstring((root / "dist" / "report.html").read_bytes())
    cells = tree.xpath('//tr[@data-locale="es"]/td/text()')
    assert f"{human:.0%}" in cells and f"{mt:.0%}" in cells and "100%" in cells


def _machine_translate(root: Path, locale: str, table: dict[str, str]) -> None:
    """Fill entries as unreviewed machine translation (fuzzy + the provider's marker)."""
    import polib

    from l10n.translate import machine_comment

    for path in sorted((root / "locales" / locale / "LC_MESSAGES").glob("*.po")):
        po = polib.pofile(str(path))
        for e in po:
            if e.msgid in table:
                e.msgstr = table[e.msgid]
                e.tcomment = machine_comment("apertium", "2026-01-01")
                e.flags.append("fuzzy")
        po.save(str(path))


# --- issue 14.8: a disclaimer without an approved translation --------------------------------------------------

@pytest.fixture
def glossary_project(make_project, cli):
    def make(glossary: str) -> Path:
        root = make_project({"water.md": DOC_MD, "sleep.html": DOC_HTML, "plain.md": "# Plain\n\nDrink water.\n"},
                            locales=("es", "ca"), glossary=(HERE / glossary).read_text(encoding="utf-8"))
        with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
            fh.write('glossary = "glossary.yaml"\n')
        assert cli(root, "extract").exit_code == 0
        return root
    return make


CA = {"Water": "Aigua", "See [rest](#rest-well).": "Vegeu [descans](#rest-well).", "Drink water.": "Beveu aigua.",
      "Rest well": "Descanseu bé", "This is not medical advice.": "Això no és un consell mèdic.",
      "Sleep": "Son", "Sleep at night.": "Dormiu de nit.", "A moon": "Una lluna", "Plain": "Simple"}


def test_disclaimer_without_approved_translation_is_an_error_in_update_check_build(glossary_project, cli):
    root = glossary_project("glossary-full.yaml")
    assert cli(root, "update").exit_code == 0
    translate(root, "es", ES | {"Plain": "Simple"})
    translate(root, "ca", CA)
    assert cli(root, "check").exit_code == 0
    assert cli(root, "build").exit_code == 0
    assert (root / "dist" / "ca" / "water.html").is_file()

    # the ca translation of the disclaimer is removed from glossary.yaml
    shutil.copy(HERE / "glossary-no-ca.yaml", root / "glossary.yaml")
    r = cli(root, "update")
    assert r.exit_code == 1, r.output
    assert ("glossary.yaml:6: disclaimer 'not-advice' has no approved ca translation" in r.stderr), r.stderr
    assert "approved es" not in r.stderr
    r = cli(root, "check")
    assert r.exit_code == 1 and "L10N708" in r.stdout + r.stderr
    assert "ca/LC_MESSAGES/water.po" in r.stdout + r.stderr and "es/LC_MESSAGES" not in _lines_with(r, "L10N708")
    r = cli(root, "build")
    assert r.exit_code == 1, r.output
    # ca: the articles carrying the disclaimer are not published; the one without it is
    assert not (root / "dist" / "ca" / "water.html").exists() and not (root / "dist" / "ca" / "sleep.html").exists()
    assert (root / "dist" / "ca" / "plain.html").is_file()
    assert (root / "dist" / "es" / "water.html").is_file()  # es keeps its approval
    record = _manifest(root)["articles"]["ca"]["water.md"]
    assert record["status"] == "withdrawn" and "L10N708" in record["reasons"][0]


def test_unapproved_disclaimer_is_an_error_even_when_nothing_is_translated(glossary_project, cli):
    root = glossary_project("glossary-no-ca.yaml")
    r = cli(root, "update", "-l", "es")
    assert r.exit_code == 0, r.output  # es has its approval; ca was not asked for
    r = cli(root, "update")
    assert r.exit_code == 1 and "no approved ca translation" in r.stderr
    translate(root, "es", ES | {"Plain": "Simple"})
    r = cli(root, "build", "-l", "es")
    assert r.exit_code == 0, r.output
    r = cli(root, "build")
    assert r.exit_code == 1  # ca's articles are not merely untranslated: the glossary lacks the approval
    assert "water.md (held back" in r.stderr and "L10N708" in r.stderr


def _lines_with(r, code: str) -> str:
    return "\n".join(line for line in (r.stdout + r.stderr).splitlines() if code in line)


def test_pseudo_and_unconfigured_locales_need_no_approval():
    from l10n.catalogs.annotate import lacks_approval, unapproved_disclaimers
    from l10n.glossary import load_glossary

    class _S:  # the settings load_glossary reads
        locales = ("es", "ca")
        source_language = "en"
        root = HERE

    g = load_glossary(HERE / "glossary-no-ca.yaml", _S)
    assert lacks_approval(g, "not-advice", "ca") and not lacks_approval(g, "not-advice", "es")
    assert not lacks_approval(g, "not-advice", "en_XA")  # generated, never approved
    assert not lacks_approval(g, "unknown-id", "ca")     # not the glossary's: L10N707 reports it
    found = unapproved_disclaimers(g, ["disclaimer:not-advice", None, "disclaimer:not-advice"], ["es", "ca"])
    assert [(u.disclaimer_id, u.locale, u.line) for u in found] == [("not-advice", "ca", 6)]


# --- manifests written before this change --------------------------------------------------------------------------

def test_verify_reads_a_manifest_without_article_records(project, cli):  # noqa: F811
    root = project(locales=("es",))
    translate(root, "es", ES)
    assert cli(root, "build").exit_code == 0
    m = _manifest(root)
    del m["articles"]
    (root / "dist" / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    assert cli(root, "verify").exit_code == 0
    assert cli(root, "build").exit_code == 0  # and a build over it adds them
    assert _manifest(root)["articles"]["es"]["water.md"]["status"] == "published"


def test_a_malformed_article_table_is_one_line_exit_2(project, cli):  # noqa: F811
    root = project(locales=("es",))
    translate(root, "es", ES)
    assert cli(root, "build").exit_code == 0
    m = _manifest(root)
    m["articles"] = ["not", "a", "table"]
    (root / "dist" / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    for command in ("build", "verify"):
        r = cli(root, command)
        assert r.exit_code == 2, r.output
        assert "dist/manifest.json" in r.stderr and "'articles'" in r.stderr and "Traceback" not in r.output
        assert len(r.stderr.strip().splitlines()) == 1


def test_a_malformed_preview_manifest_changes_nothing(project, cli):  # noqa: F811
    root = project(locales=("es", "en_XA"), publish='allow_machine_translation = ["en_XA"]')
    translate(root, "es", ES)
    (root / "dist-preview").mkdir()
    (root / "dist-preview" / "manifest.json").write_text("{", encoding="utf-8")
    r = cli(root, "build")
    assert r.exit_code == 2 and "dist-preview/manifest.json" in r.stderr and "Traceback" not in r.output
    assert not (root / "dist").exists()  # read before anything was written
