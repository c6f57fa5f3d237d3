"""import_xliff: `l10n xliff import` as a core function returning what it did (the CLI only prints it)."""

from __future__ import annotations

import shutil

import polib
import pytest

from l10n.config import load_settings
from l10n.errors import CatalogError
from l10n.interchange import import_targets, import_xliff, read_xliff_files, write_conflicts
from l10n.project import load_annotator
from tests.support.interchange import CASES, WATER, interchange_project, po_path


@pytest.fixture
def project(make_project, cli):
    return interchange_project(make_project, cli)


def _import(root, case, **kw):
    dest = root / "returned" / case
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(CASES / case, dest)
    settings = load_settings(root)
    targets = import_targets(settings, read_xliff_files([dest]))
    return settings, import_xliff(settings, targets, annotator=load_annotator(settings), **kw)


def test_a_unit_changed_only_in_the_file_is_merged_and_written(project):
    _, result = _import(project, "es-edited-water.xlf")
    (cat,) = result.catalogs.values()
    assert cat.locale == "es" and cat.changed == 1 and cat.written and cat.held == 0
    assert result.problems == [] and result.errors == 0
    assert polib.pofile(str(po_path(project))).find(WATER).msgstr == "Beba mucha agua."


def test_a_conflict_is_returned_not_merged_and_can_be_written_out(project, tmp_path):
    po = polib.pofile(str(po_path(project)))
    po.find(WATER).msgstr = "Beba agua fresca."
    po.save()
    before = po_path(project).read_bytes()
    settings, result = _import(project, "es-edited-water.xlf")
    assert result.conflicts == 1 and not next(iter(result.catalogs.values())).written
    assert po_path(project).read_bytes() == before
    written = list(write_conflicts(settings, result, tmp_path, annotator=load_annotator(settings)))
    assert written == [(tmp_path / "es" / "doc.conflicts.xlf", 1)] and written[0][0].is_file()


def test_an_unreadable_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(CatalogError) as info:
        read_xliff_files([tmp_path / "missing.xlf"])
    assert info.value.path == str(tmp_path / "missing.xlf")


def test_import_tmx_returns_imported_conflicts_and_unsafe_units(make_project):
    from l10n.interchange import import_tmx
    from l10n.translate.memory import TranslationMemory

    root = make_project({"doc.md": (CASES / "doc.md").read_text(encoding="utf-8")}, locales=["es"])
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:
        tm.add_human(WATER, "Beba agua.", "en", "es")
    result = import_tmx(load_settings(root), CASES / "memory-returned.tmx")
    assert [(r.source, loc, held) for r, loc, held in result.conflicts] == [(WATER, "es", "Beba agua.")]
    assert result.errors and ("es", "Wait 30 minutes before a second dose.") in result.unsafe
    assert result.imported >= 1 and result.path == root / ".l10n" / "tm.sqlite"
    with TranslationMemory(result.path) as tm:
        assert tm.human("Do not mix kratom with alcohol.", "en", "es") == "No mezcle kratom con alcohol."
