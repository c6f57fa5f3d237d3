"""The bundled articles' reviewed Brazilian Portuguese and Arabic catalogs (issue 15, "the seed row").

Both locales are complete human translations: every entry translated, nothing fuzzy, nothing marked as
machine translation, every disclaimer exactly its approved text, the layout the project's PO writer
(and ``l10n update``) produces, accepted by ``msgfmt -c``. Brazilian Portuguese passes ``l10n check``
with no error and is published; Arabic uses Arabic punctuation and its only check errors are the known
false ones (Arabic proclitics and "تشير ... إلى" for "suggests", see KNOWN_FALSE_AR) until the checks learn them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from l10n.catalogs.pofile import generate_po, read_po
from tests.support.paths import ROOT

LOCALES = ("pt_BR", "ar")
DOCS = ("kratom-addiction-treatment", "kratom-harm-reduction")
CATALOGS = [(loc, doc) for loc in LOCALES for doc in DOCS]

#: Arabic errors that are false (the translation is right, the check does not know Arabic well enough):
#: msgid start -> check code. L10N312: "تشير/يشير ... إلى" is how Arabic says "research suggests", and
#: "فقد" is the hedge "قد" with the conjunction fa- the conditional's answer needs; L10N301: the 7 of
#: "و7-هيدروكسي ميتراجينين" is written after the attached conjunction wa-.
KNOWN_FALSE_AR = {
    "Modern research suggests its active compounds": "L10N312",
    "Research suggests that kratom’s ability to regulate": "L10N312",
    "Research suggests that kratom may help": "L10N312",
    "Its historical use in Southeast Asia, coupled with modern research": "L10N312",
    "If you stop after daily use, withdrawal symptoms may start": "L10N312",
    "With active compounds like mitragynine and 7-hydroxymitragynine": "L10N301",
    "The plant contains several alkaloids, including": "L10N301",
    "Its main alkaloids, <b>mitragynine</b> and <b>7-hydroxymitragynine</b>": "L10N301",
}


def _path(loc: str, doc: str) -> Path:
    return ROOT / "locales" / loc / "LC_MESSAGES" / f"{doc}.po"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def glossary():
    from l10n.config import parse_settings
    from l10n.glossary import load_glossary

    return load_glossary(ROOT / "glossary.yaml", parse_settings({"locales": ["es", "ca", "fr", "pt_BR", "ar"]}, ROOT))


@pytest.mark.parametrize(("loc", "doc"), CATALOGS)
def test_every_entry_is_a_reviewed_translation(loc, doc):
    po = read_po(_path(loc, doc).read_bytes(), str(_path(loc, doc)))
    entries = [e for e in po if not e.obsolete]
    assert len(entries) >= 20
    for e in entries:
        assert e.msgstr.strip(), f"{loc}/{doc}: untranslated {e.msgid[:50]!r}"
        assert "fuzzy" not in e.flags, f"{loc}/{doc}: fuzzy {e.msgid[:50]!r}"
        assert "machine translation" not in (e.tcomment or ""), f"{loc}/{doc}: MT {e.msgid[:50]!r}"
        assert _fold(e.msgstr) != _fold(e.msgid), f"{loc}/{doc}: copied source {e.msgid[:50]!r}"


@pytest.mark.parametrize(("loc", "doc"), CATALOGS)
def test_disclaimers_are_exactly_the_approved_translations(loc, doc, glossary):
    from l10n.checks.disclaimer import approved_text

    po = read_po(_path(loc, doc).read_bytes())
    disclaimers = [e for e in po if e.msgctxt and e.msgctxt.startswith("disclaimer:")]
    assert disclaimers
    for e in disclaimers:
        approved = approved_text(glossary, e.msgctxt.split(":", 1)[1], loc)
        assert approved and _fold(e.msgstr) == _fold(approved), e.msgctxt


@pytest.mark.parametrize(("loc", "doc"), CATALOGS)
def test_catalog_layout_is_the_writers_and_gettexts(loc, doc):
    data = _path(loc, doc).read_bytes()
    assert generate_po(read_po(data)).encode("utf-8") == data  # what `l10n update` writes: no churn
    if shutil.which("msgfmt") is None or shutil.which("msgcat") is None:
        pytest.skip("GNU gettext not installed")
    subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(_path(loc, doc))], check=True)
    # msgcat reorders or rewrites nothing: the files differ from its output only in where long strings wrap
    ours = read_po(data)
    theirs = read_po(subprocess.run(["msgcat", str(_path(loc, doc))], check=True, capture_output=True).stdout)
    assert [(e.msgctxt, e.msgid, e.msgstr, e.comment, e.tcomment, e.flags, e.occurrences) for e in ours] == \
        [(e.msgctxt, e.msgid, e.msgstr, e.comment, e.tcomment, e.flags, e.occurrences) for e in theirs]


def test_arabic_uses_arabic_punctuation():
    for doc in DOCS:
        for e in read_po(_path("ar", doc).read_bytes()):
            text = re.sub(r"<[^>]*>|\]\([^)]*\)", " ", e.msgstr)  # tags with their attributes, link targets
            assert not re.search(r"[,;?]", text), f"Latin punctuation in {e.msgid[:50]!r}: {e.msgstr}"
            assert re.search(r"[\u0600-\u06ff]", text), e.msgid


def test_the_misspelt_alkaloid_is_translated_by_its_correct_name():
    """The alkaloid (misspelt "mitraginin" in the seed, since corrected in the source) has its correct name."""
    for loc, name in (("pt_BR", "mitraginina"), ("ar", "الميتراجينين")):
        po = read_po(_path(loc, "kratom-addiction-treatment").read_bytes())
        (entry,) = [e for e in po if "alkaloids, including mitragyn" in e.msgid]
        assert re.search(rf"(?<!\w){name}(?!\w)", entry.msgstr), entry.msgstr


@pytest.fixture
def project_copy(tmp_path):
    root = tmp_path / "proj"
    root.mkdir()
    for name in ("pyproject.toml", "glossary.yaml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("source_docs", "locales"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("*.mo"))
    return root


def _errors(cli, root: Path, loc: str) -> list[dict]:
    r = cli(root, "check", "-l", loc, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return [f for f in json.loads(r.stdout)["findings"] if f["severity"] in ("error", "critical")]


def test_brazilian_portuguese_checks_clean_and_is_published(project_copy, cli):
    assert _errors(cli, project_copy, "pt_BR") == []
    r = cli(project_copy, "build", "-l", "pt_BR")
    assert r.exit_code == 0, r.output
    manifest = json.loads((project_copy / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["locales"]["pt_BR"]["documents"]) == {"kratom-addiction-treatment.md",
                                                                "kratom-harm-reduction.html",
                                                                "kratom-leaflet.docx"}
    page = (project_copy / "dist" / "pt_BR" / "kratom-harm-reduction.html").read_text(encoding="utf-8")
    assert "Não misture kratom com álcool, benzodiazepínicos ou opioides." in page
    assert 'href="https://www.samhsa.gov/find-help"' in page
    assert cli(project_copy, "verify").exit_code == 0


def test_arabic_check_errors_are_only_the_known_false_ones(project_copy, cli):
    errors = _errors(cli, project_copy, "ar")
    unexplained = [(f["code"], f["msgid"][:60], f["message"]) for f in errors
                   if not any(f["msgid"].startswith(k) and f["code"] == code for k, code in KNOWN_FALSE_AR.items())]
    assert unexplained == []
