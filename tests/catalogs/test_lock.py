"""The per-catalog lock: every command that writes catalogs holds it and re-reads under it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from l10n.catalogs.lock import catalog_lock, catalog_locks, lock_path
from l10n.errors import CatalogError
from tests.support import paths

CASES = paths.CASES / "interchange"
WATER = "Drink water."


@pytest.fixture
def project(make_project, cli):
    root = make_project({"doc.md": (CASES / "doc.md").read_text(encoding="utf-8")}, locales=["es"])
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    shutil.copy(CASES / "es.po", po_path(root))
    return root


def po_path(root: Path) -> Path:
    return root / "locales" / "es" / "LC_MESSAGES" / "doc.po"


def test_lock_files_live_in_the_state_folder(tmp_path):
    catalog = tmp_path / "locales" / "es" / "LC_MESSAGES" / "doc.po"
    path = lock_path(catalog, tmp_path / ".l10n")
    assert path.parent == tmp_path / ".l10n" / "locks" and path.name.startswith("doc.po-")
    assert lock_path(catalog, tmp_path / ".l10n") == path  # the same catalog, the same lock


def test_a_held_lock_is_waited_for_then_refused_in_one_line(project, cli, monkeypatch):
    before = po_path(project).read_bytes()
    xlf = project / "es-edited-water.xlf"
    shutil.copy(CASES / "es-edited-water.xlf", xlf)
    # another process holds the catalog's lock (a process, so that it is a lock of another owner)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, filelock; l = filelock.FileLock(sys.argv[1]); l.acquire(); "
                               "print('held', flush=True); sys.stdin.read()",
         str(lock_path(po_path(project), project / ".l10n"))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        r = cli(project, "xliff", "import", str(xlf), env={"L10N_LOCK_TIMEOUT": "0.2"})
        assert r.exit_code == 2 and "another l10n command" in r.stderr and "doc.po" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
        assert po_path(project).read_bytes() == before
    finally:
        holder.communicate("")
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 0, r.output


def test_locks_are_released_after_an_error(tmp_path):
    catalogs = [tmp_path / "b.po", tmp_path / "a.po"]
    with pytest.raises(RuntimeError):
        with catalog_locks(catalogs, tmp_path / ".l10n"):
            raise RuntimeError("boom")
    with catalog_lock(catalogs[0], tmp_path / ".l10n", timeout=0):  # free again
        pass


def test_lock_timeout_is_a_catalog_error(tmp_path):
    from filelock import FileLock

    held = FileLock(str(lock_path(tmp_path / "a.po", tmp_path / ".l10n")))
    (tmp_path / ".l10n" / "locks").mkdir(parents=True)
    held.acquire()
    try:
        with pytest.raises(CatalogError, match="another l10n command"):
            with catalog_lock(tmp_path / "a.po", tmp_path / ".l10n", timeout=0):
                pass
    finally:
        held.release()


def test_update_merges_what_another_command_wrote_while_it_worked(project, cli, monkeypatch):
    """A translation written between update's read and its write survives: update re-reads under the lock."""
    import l10n.stages as stages_mod  # update merges through l10n.stages.merge_catalog

    real = stages_mod.update_catalog
    calls = []

    def update_catalog(pot, old, locale, **kwargs):
        if not calls:  # the first merge: meanwhile an import writes the catalog
            po = polib.pofile(str(po_path(project)))
            po.find(WATER).msgstr = "Beba mucha agua."
            po.save()
        calls.append(locale)
        return real(pot, old, locale, **kwargs)

    monkeypatch.setattr(stages_mod, "update_catalog", update_catalog)
    r = cli(project, "update", "-l", "es")
    assert r.exit_code == 0, r.output
    assert len(calls) == 2  # merged again under the lock
    assert polib.pofile(str(po_path(project))).find(WATER).msgstr == "Beba mucha agua."
