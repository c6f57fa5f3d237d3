"""`l10n xliff export|import` on a real mini project: valid files, exact round trip, all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from l10n.formats.xliff import NS
from tests.support import paths

SCHEMAS = paths.SHARED_SCHEMAS
CASES = paths.CASES / "xml"
X = f"{{{NS}}}"

DOC = """\
# Kratom

Take **one** small dose and *wait*. Read [the guide](https://example.org/guide) first.

<!-- l10n: disclaimer not-medical-advice -->
This is not medical advice.
"""


@pytest.fixture
def project(make_project, cli):
    root = make_project({"kratom.md": DOC}, locales=["es"])
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    return root


def po_path(root: Path) -> Path:
    return root / "locales" / "es" / "LC_MESSAGES" / "kratom.po"


def test_export_writes_valid_xliff_per_document(project, cli):
    r = cli(project, "xliff", "export", "-l", "es")
    assert r.exit_code == 0, r.output
    xlf = project / "xliff" / "es" / "kratom.xlf"
    root = etree.fromstring(xlf.read_bytes())
    if (SCHEMAS / "xliff-core-1.2-strict.xsd").is_file():
        etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"))).assertValid(root.getroottree())
    assert root.find(f"{X}file").get("original") == "kratom.md"
    assert root.find(f".//{X}g[@ctype='link']").text == "the guide"


def test_untouched_round_trip_leaves_po_byte_identical(project, cli):
    before = po_path(project).read_bytes()
    assert cli(project, "xliff", "export", "-l", "es", "-o", str(project / "out")).exit_code == 0
    r = cli(project, "xliff", "import", str(project / "out" / "es" / "kratom.xlf"))
    assert r.exit_code == 0, r.output
    assert po_path(project).read_bytes() == before


def test_import_merges_translation_with_markup(project, cli):
    cli(project, "xliff", "export", "-l", "es")
    xlf = project / "xliff" / "es" / "kratom.xlf"
    root = etree.fromstring(xlf.read_bytes())
    for unit in root.iter(f"{X}trans-unit"):
        if unit.find(f"{X}source").text == "Take ":
            t = unit.find(f"{X}target")
            t.set("state", "translated")
            t.text = "Toma "
            g = etree.SubElement(t, X + "g", id="1")
            g.text, g.tail = "una", " dosis pequeña y "
            g2 = etree.SubElement(t, X + "g", id="2")
            g2.text, g2.tail = "espera", "."
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 0, r.output
    assert 'msgstr "Toma **una** dosis pequeña y *espera*."' in po_path(project).read_text(encoding="utf-8")


@pytest.mark.parametrize("hostile", ["xxe-passwd.xlf", "billion-laughs.xlf"])
def test_one_hostile_file_means_nothing_is_written(project, cli, hostile):
    cli(project, "xliff", "export", "-l", "es")
    xlf = project / "xliff" / "es" / "kratom.xlf"
    root = etree.fromstring(xlf.read_bytes())
    for t in root.iter(f"{X}target"):
        t.text, t.attrib["state"] = "traducido", "translated"
        break
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    before = po_path(project).read_bytes()
    r = cli(project, "xliff", "import", str(xlf), str(CASES / hostile))
    assert r.exit_code == 2
    assert "refused" in r.stderr and hostile in r.stderr
    assert po_path(project).read_bytes() == before


def test_stale_unit_is_reported_with_exit_1(project, cli):
    cli(project, "xliff", "export", "-l", "es")
    xlf = project / "xliff" / "es" / "kratom.xlf"
    root = etree.fromstring(xlf.read_bytes())
    unit = next(root.iter(f"{X}trans-unit"))
    unit.find(f"{X}source").text = "Something else"
    unit.find(f"{X}target").text = "Otra cosa"
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 1
    assert "stale" in r.stderr
    assert "Otra cosa" not in po_path(project).read_text(encoding="utf-8")


def test_unknown_document_is_an_error(project, cli):
    r = cli(project, "xliff", "export", "-l", "es", "nope")
    assert r.exit_code == 2 and "nope" in r.stderr


@pytest.mark.parametrize("obstacle", ["folder", "file"])
def test_export_checks_every_output_before_writing_any(make_project, cli, obstacle):
    root = make_project({"a.md": "# A\n\nOne.\n", "b.md": "# B\n\nTwo.\n"}, locales=["es"])
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    if obstacle == "folder":
        (root / "xliff" / "es" / "b.xlf").mkdir(parents=True)
    else:
        (root / "xliff").mkdir()
        (root / "xliff" / "es").write_text("not a folder")
    r = cli(root, "xliff", "export", "-l", "es")
    assert r.exit_code == 2, r.output
    assert "cannot write" in r.stderr and "nothing was written" in r.stderr
    assert not (root / "xliff" / "es" / "a.xlf").exists()
    assert "Traceback" not in r.stderr
