"""`l10n tm migrate`: the schema brought up to date; a SQLite memory copied across."""

from __future__ import annotations

import shutil
from pathlib import Path

from l10n.translate.memory import TranslationMemory
from tests.support.paths import CASES
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

LEGACY = CASES / "tm" / "legacy-v0.sqlite"


def _with_legacy_memory(make_project) -> Path:
    root = make_project({}, locales=["es"])
    (root / ".l10n").mkdir()
    shutil.copy(LEGACY, root / ".l10n" / "tm.sqlite")
    return root


def test_migrate_in_place_then_nothing_to_do(make_project, cli):
    root = _with_legacy_memory(make_project)
    r = cli(root, "tm", "migrate")
    assert r.exit_code == 0, r.output
    assert "migrations applied: 1, 2" in r.stdout
    r = cli(root, "tm", "migrate")
    assert "migrations applied: none needed" in r.stdout


def test_migrate_to_another_sqlite_copies_everything(make_project, cli, tmp_path):
    root = _with_legacy_memory(make_project)
    target = tmp_path / "shared.sqlite"
    r = cli(root, "tm", "migrate", "--to", f"sqlite:///{target}")
    assert r.exit_code == 0, r.output
    assert "4 units copied" in r.stdout
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as a, TranslationMemory(target) as b:
        assert a.rows() == b.rows()
    assert cli(root, "tm", "migrate", "--to", str(target)).exit_code == 0  # again: the same memory
    with TranslationMemory(target) as b:
        assert len(b.rows()) == 4


def test_migrate_to_postgresql_copies_everything(make_project, cli, pg_url):  # noqa: F811
    from l10n.translate.pgmemory import PostgresMemory

    root = _with_legacy_memory(make_project)
    r = cli(root, "tm", "migrate", "--to", pg_url)
    assert r.exit_code == 0, r.output
    assert "4 units copied" in r.stdout and "L10N_TM" in r.stdout
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as a, PostgresMemory(pg_url) as b:
        assert a.rows() == b.rows()
        assert list(a.entries()) == list(b.entries())
    r = cli(root, "tm", "migrate", env={"L10N_TM": pg_url})
    assert "migrations applied: none needed" in r.stdout


def test_nothing_to_copy_is_an_error(make_project, cli, tmp_path):
    root = make_project({}, locales=["es"])
    r = cli(root, "tm", "migrate", "--to", str(tmp_path / "x.sqlite"))
    assert r.exit_code == 2 and "no SQLite translation memory to copy" in r.stderr


def _export_then_import(cli, root: Path, first: str, second: str, tmp_path: Path) -> None:
    """`tm export` reads the memory named by $L10N_TM, `tm import` writes into it."""
    from l10n.translate.store import open_location, parse_location

    with open_location(parse_location(first, root, "test")) as tm:
        tm.add_human("Drink water.", "Beba agua.", "en", "es")
    out = tmp_path / "memory.tmx"
    r = cli(root, "tm", "export", "--memory-only", "-o", str(out), env={"L10N_TM": first})
    assert r.exit_code == 0, r.output
    assert "1 translation units (1 from the memory" in r.stdout
    r = cli(root, "tm", "import", str(out), env={"L10N_TM": second})
    assert r.exit_code == 0, r.output
    assert "1 human translations imported" in r.stdout
    with open_location(parse_location(second, root, "test")) as tm:
        assert tm.human("Drink water.", "en", "es") == "Beba agua."
    assert not (root / ".l10n" / "tm.sqlite").exists()


def test_tm_export_and_import_use_the_memory_named_by_the_environment(make_project, cli, tmp_path):
    root = make_project({}, locales=["es"])
    _export_then_import(cli, root, str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite"), tmp_path)


def test_tm_export_and_import_with_postgresql(make_project, cli, tmp_path, pg_url):  # noqa: F811
    root = make_project({}, locales=["es"])
    _export_then_import(cli, root, pg_url, str(tmp_path / "b.sqlite"), tmp_path)
    r = cli(root, "tm", "import", str(tmp_path / "memory.tmx"), env={"L10N_TM": pg_url})
    assert r.exit_code == 0 and r.stdout.startswith("postgresql://"), r.output
