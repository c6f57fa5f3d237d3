"""TMX into the translation memory: the same rules as XLIFF into catalogs (nothing overwritten silently, checked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.translate.memory import TranslationMemory
from tests.support import paths

CASES = paths.CASES / "interchange"
TMX = CASES / "memory-returned.tmx"


@pytest.fixture
def root(make_project):
    root = make_project({"doc.md": (CASES / "doc.md").read_text(encoding="utf-8")}, locales=["es"])
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:
        tm.add_human("Drink water.", "Beba agua.", "en", "es")  # a reviewed translation the memory holds
    return root


def human(root: Path, source: str) -> str | None:
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:
        return tm.human(source, "en", "es")


def test_tmx_import_reports_conflicts_and_unsafe_units_and_imports_the_rest(root, cli):
    r = cli(root, "tm", "import", str(TMX))
    assert r.exit_code == 1, r.output
    assert "conflict" in r.stderr and "'Beba agua.'" in r.stderr and "'Beba mucha agua.'" in r.stderr
    assert "L10N3" in r.stderr and "not imported" in r.stderr
    assert human(root, "Drink water.") == "Beba agua."  # not overwritten
    assert human(root, "Wait 30 minutes before a second dose.") is None  # the changed dose is not taken
    assert human(root, "Do not mix kratom with alcohol.") == "No mezcle kratom con alcohol."


def test_take_theirs_replaces_and_take_ours_keeps(root, cli):
    r = cli(root, "tm", "import", str(TMX), "--take", "ours")
    assert r.exit_code == 1 and "conflict" not in r.stderr  # only the unsafe unit is left to report
    assert human(root, "Drink water.") == "Beba agua."
    r = cli(root, "tm", "import", str(TMX), "--take", "theirs")
    assert human(root, "Drink water.") == "Beba mucha agua."


def test_reimporting_the_same_file_is_not_a_conflict(root, cli):
    cli(root, "tm", "import", str(TMX), "--take", "theirs")
    r = cli(root, "tm", "import", str(TMX))
    assert "conflict" not in r.stderr


def test_tmx_round_trip_is_three_way(root, cli):
    """Exported by `tm export`: an untouched unit keeps the memory's newer text; a changed one replaces an
    unchanged memory entry; a unit changed on both sides is a conflict."""
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:
        tm.add_human("Do not mix kratom with alcohol.", "No mezcle kratom con alcohol.", "en", "es")
        tm.add_human("Take one dose.", "Tome una dosis.", "en", "es")
    out = root / "out.tmx"
    assert cli(root, "tm", "export", "-o", str(out), "--memory-only").exit_code == 0
    data = out.read_text(encoding="utf-8")
    assert 'type="x-l10n-base"' in data
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:  # the memory moves on after the export
        tm.add_human("Drink water.", "Beba agua fresca.", "en", "es")
        tm.add_human("Take one dose.", "Tome solo una dosis.", "en", "es")
    # the translator changes two units in the file, one of which the memory also changed
    out.write_text(data.replace(">No mezcle kratom con alcohol.<", ">Nunca mezcle kratom con alcohol.<")
                   .replace(">Tome una dosis.<", ">Tome una única dosis.<"), encoding="utf-8")
    r = cli(root, "tm", "import", str(out))
    assert r.exit_code == 1 and r.stderr.count("conflict:") == 1 and "'Take one dose.'" in r.stderr, r.output
    assert human(root, "Drink water.") == "Beba agua fresca."  # untouched in the file: the newer text stays
    assert human(root, "Do not mix kratom with alcohol.") == "Nunca mezcle kratom con alcohol."  # merged
    assert human(root, "Take one dose.") == "Tome solo una dosis."  # conflict: not overwritten
