"""Issue 14, interchange: no translator's work is lost through XLIFF, and nothing unsafe is imported silently.

The inputs are in tests/cases/interchange/ (regenerate with make_cases.py):
``es.po``/``fr.po`` are the catalogs the exports were made from, and the
``*.xlf`` files are those exports as a translator (or an accident) returned
them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree

from l10n.formats.xliff import NS, base_hash, catalog_to_xliff, merge_xliff, read_xliff, unit_id

from tests.support.interchange import CASES, DOSE, MIX, WATER, interchange_project, po_path  # noqa: F401

X = f"{{{NS}}}"


@pytest.fixture
def project(make_project, cli):
    return interchange_project(make_project, cli)


def returned(root: Path, case: str) -> Path:
    """A returned file, copied into the project as a translator would drop it."""
    dest = root / "returned" / case
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(CASES / case, dest)
    return dest


def edit_catalog(root: Path, msgid: str, msgstr: str, loc: str = "es", fuzzy: bool = False) -> None:
    po = polib.pofile(str(po_path(root, loc)))
    e = po.find(msgid)
    e.msgstr = msgstr
    if fuzzy and "fuzzy" not in e.flags:
        e.flags.append("fuzzy")
    po.save()


def entry(root: Path, msgid: str, loc: str = "es") -> polib.POEntry:
    return polib.pofile(str(po_path(root, loc))).find(msgid)


# -- 1. a stale XLIFF never reverts newer work -----------------------------------------------------------------

def test_untouched_stale_export_keeps_the_newer_catalog_edit(project, cli):
    edit_catalog(project, WATER, "Beba agua, por favor.")  # the translator edits the PO after the export
    before = po_path(project).read_bytes()
    r = cli(project, "xliff", "import", str(returned(project, "es-export.xlf")))
    assert r.exit_code == 0, r.output
    assert "0 translations merged" in r.stdout
    assert po_path(project).read_bytes() == before


def test_unit_changed_only_in_the_file_merges_while_other_catalog_edits_stay(project, cli):
    edit_catalog(project, MIX, "Nunca mezcle kratom con alcohol.")
    r = cli(project, "xliff", "import", str(returned(project, "es-edited-water.xlf")))
    assert r.exit_code == 0, r.output
    assert entry(project, WATER).msgstr == "Beba mucha agua."
    assert entry(project, MIX).msgstr == "Nunca mezcle kratom con alcohol."


def test_unit_changed_in_both_is_a_conflict_with_both_texts_and_the_location(project, cli):
    edit_catalog(project, WATER, "Beba agua fresca.")
    before = po_path(project).read_bytes()
    xlf = returned(project, "es-edited-water.xlf")
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 1
    assert "conflict" in r.stderr and "'Beba agua fresca.'" in r.stderr and "'Beba mucha agua.'" in r.stderr
    line = entry(project, WATER).linenum
    assert f"locales/es/LC_MESSAGES/doc.po:{line}" in r.stderr and "--take" in r.stderr
    assert po_path(project).read_bytes() == before

    r = cli(project, "xliff", "import", str(xlf), "--take", "ours")
    assert r.exit_code == 0, r.output
    assert po_path(project).read_bytes() == before

    r = cli(project, "xliff", "import", str(xlf), "--take", "theirs")
    assert r.exit_code == 0, r.output
    assert entry(project, WATER).msgstr == "Beba mucha agua." and not entry(project, WATER).fuzzy


def test_a_review_state_change_counts_as_a_change(project, cli):
    """The catalog marked the entry fuzzy (needs review) after the export; the file is untouched: it stays fuzzy."""
    edit_catalog(project, WATER, "Beba agua.", fuzzy=True)
    r = cli(project, "xliff", "import", str(returned(project, "es-export.xlf")))
    assert r.exit_code == 0, r.output
    assert entry(project, WATER).fuzzy


def test_take_is_validated(project, cli):
    r = cli(project, "xliff", "import", str(returned(project, "es-export.xlf")), "--take", "mine")
    assert r.exit_code == 2 and "--take" in r.output


# -- 3. identity is checked before anything is read in ---------------------------------------------------------

@pytest.mark.parametrize("case, word", [("fr-relabelled-es.xlf", "target-language"),
                                        ("es-other-original.xlf", "original")])
def test_a_file_for_another_catalog_is_refused_and_nothing_changes(project, cli, case, word):
    before = {loc: po_path(project, loc).read_bytes() for loc in ("es", "fr")}
    xlf = returned(project, case)
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 2, r.output
    assert word in r.stderr and str(xlf) in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert {loc: po_path(project, loc).read_bytes() for loc in ("es", "fr")} == before


def test_relabelled_file_without_its_export_phase_is_refused_by_its_units(project, cli):
    """A tool dropped l10n's export phase: each unit still says which locale it was exported for."""
    before = po_path(project).read_bytes()
    r = cli(project, "xliff", "import", str(returned(project, "fr-relabelled-es-no-phase.xlf")))
    assert r.exit_code == 2 and "exported for 'fr'" in r.stderr, r.output
    assert po_path(project).read_bytes() == before


def test_relabelled_file_without_any_record_merges_nothing(project, cli):
    """Only the per-unit bases are left (made for fr): they still stop every unit, as conflicts."""
    before = po_path(project).read_bytes()
    r = cli(project, "xliff", "import", str(returned(project, "fr-relabelled-es-no-records.xlf")))
    assert r.exit_code == 1
    assert "0 translations merged" in r.stdout and "conflict" in r.stderr
    assert po_path(project).read_bytes() == before


def test_source_language_must_be_the_projects(project, cli):
    xlf = returned(project, "es-export.xlf")
    xlf.write_text(xlf.read_text(encoding="utf-8").replace('source-language="en"', 'source-language="de"')
                   .replace("es|en|doc.md", "es|de|doc.md"), encoding="utf-8")
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 2 and "source-language" in r.stderr


# -- 4. an import is checked like everything else --------------------------------------------------------------

def test_changed_dose_is_reported_at_import_and_held_as_fuzzy(project, cli):
    r = cli(project, "xliff", "import", str(returned(project, "es-dose-changed.xlf")))
    assert r.exit_code == 1, r.output
    assert "L10N3" in r.stderr and "error" in r.stderr and "held for review" in r.stdout
    e = entry(project, DOSE)
    assert e.msgstr == "Espere 3 minutos antes de una segunda dosis."  # the translator's text is kept
    assert e.fuzzy  # ... but cannot be published unreviewed
    check = cli(project, "check", str(po_path(project)))
    assert check.exit_code == 0, check.output  # fuzzy: not published, so no error left for `check`


def test_clean_import_prints_no_findings(project, cli):
    r = cli(project, "xliff", "import", str(returned(project, "es-edited-water.xlf")))
    assert r.exit_code == 0 and "L10N" not in r.output


# -- merge_xliff directly: bases and states --------------------------------------------------------------------

def _catalog():
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    for msgid, msgstr, flags in ((WATER, "Beba agua.", []), (MIX, "No mezcle kratom.", ["fuzzy"]),
                                 (DOSE, "", [])):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags, occurrences=[("doc.md#p", "")]))
    return po


def test_every_unit_records_its_base_and_reviewed_units_are_approved():
    root = etree.fromstring(catalog_to_xliff(_catalog(), locale="es"))
    units = {u.find(f"{X}source").text: u for u in root.iter(f"{X}trans-unit")}
    base = units[WATER].find(f"{X}context-group/{X}context[@context-type='x-l10n-base']").text
    assert base == "es:" + base_hash("es", "Beba agua.", "translated")
    assert units[WATER].get("approved") == "yes"
    assert units[MIX].get("approved") is None
    assert units[MIX].find(f"{X}target").get("state") == "needs-review-translation"


def test_no_base_merges_only_into_untranslated_entries():
    po = _catalog()
    root = etree.fromstring(catalog_to_xliff(po, locale="es"))
    for u in root.iter(f"{X}trans-unit"):
        for g in u.findall(f"{X}context-group"):
            u.remove(g)
        u.find(f"{X}target").text = "otro " + u.find(f"{X}source").text
        u.find(f"{X}target").set("state", "translated")
    result = merge_xliff(po, read_xliff(etree.tostring(root), "a.xlf")[0])
    assert result.merged == ((None, DOSE),)
    assert sorted(p.kind for p in result.problems) == ["conflict", "conflict"]


def test_take_theirs_and_ours_in_the_core():
    po = _catalog()
    data = catalog_to_xliff(po, locale="es")
    xf = read_xliff(data.replace(b">Beba agua.<", b">Beba m\xc3\xa1s agua.<"), "a.xlf")[0]
    po.find(WATER).msgstr = "Beba agua fresca."
    assert [p.kind for p in merge_xliff(po, xf).problems] == ["conflict"]
    assert merge_xliff(po, xf, take="ours").po.find(WATER).msgstr == "Beba agua fresca."
    assert merge_xliff(po, xf, take="theirs").po.find(WATER).msgstr == "Beba más agua."
    with pytest.raises(ValueError):
        merge_xliff(po, xf, take="both")


def test_unit_id_is_unchanged():
    assert unit_id(None, "Hello") == "uf7ff9e8b7bb2e09b"


def test_approved_no_without_a_state_is_needing_review():
    """translate-toolkit writes approved="no" (and sometimes no state) for a unit it holds fuzzy."""
    po = _catalog()
    root = etree.fromstring(catalog_to_xliff(po, locale="es"))
    for u in root.iter(f"{X}trans-unit"):
        if u.find(f"{X}source").text == DOSE:
            t = u.find(f"{X}target")
            t.text = "Espere media hora."
            del t.attrib["state"]
            u.set("approved", "no")
        if u.find(f"{X}source").text == WATER:
            u.find(f"{X}target").text = "Beba más agua."
            del u.find(f"{X}target").attrib["state"]
    result = merge_xliff(po, read_xliff(etree.tostring(root), "a.xlf")[0])
    assert result.po.find(DOSE).fuzzy and result.po.find(DOSE).msgstr == "Espere media hora."
    assert not result.po.find(WATER).fuzzy  # no state and not approved="no": confirmed, as before


def test_conflicts_file_is_edited_and_imported_again(project, cli):
    """OmegaT-style resolution: the conflicts go to a file with both texts; the translator's choice is imported."""
    edit_catalog(project, WATER, "Beba agua fresca.")
    edit_catalog(project, MIX, "Nunca mezcle kratom con alcohol.")
    xlf = returned(project, "es-edited-water.xlf")
    text = xlf.read_text(encoding="utf-8").replace(">No mezcle kratom con alcohol.<",
                                                   ">Jamás mezcle kratom con alcohol.<")
    xlf.write_text(text, encoding="utf-8")
    r = cli(project, "xliff", "import", str(xlf), "--conflicts", str(project / "conflicts"))
    assert r.exit_code == 1 and "2 conflict(s) written to" in r.stderr, r.output
    out = project / "conflicts" / "es" / "doc.conflicts.xlf"
    files = read_xliff(out.read_bytes(), str(out))
    assert sorted(u.id for u in files[0].units) == sorted([unit_id(None, WATER), unit_id(None, MIX)])
    data = out.read_text(encoding="utf-8")
    assert "Beba mucha agua." in data and "Beba agua fresca." in data  # both texts, to choose from
    # the translator combines one and keeps their own text for the other
    out.write_text(data.replace(">Beba mucha agua.<", ">Beba mucha agua fresca.<"), encoding="utf-8")
    r = cli(project, "xliff", "import", str(out))
    assert r.exit_code == 0, r.output
    assert entry(project, WATER).msgstr == "Beba mucha agua fresca."
    assert entry(project, MIX).msgstr == "Jamás mezcle kratom con alcohol."
