"""Where the translation memory is: $L10N_TM > [tool.l10n] tm > .l10n/tm.sqlite; translate uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import Settings, load_settings, parse_settings
from l10n.errors import ConfigError
from l10n.translate import translate_locale
from l10n.translate.memory import TranslationMemory
from l10n.execute import SerialExecutor
from l10n.translate.store import ENV, copy_memory, locate, open_memory, parse_location, require_shared_memory
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

DOC = "# Kratom\n\nKratom is a tree.\n\nIt grows in Asia.\n"
class Cluster(SerialExecutor):
    """Tasks on other machines (as far as the callers can tell): a Dask cluster."""

    @property
    def distributed(self) -> bool:
        return True


KEY = {"provider": "fake", "source_lang": "en", "target_lang": "es", "glossary_version": ""}


def test_precedence_environment_then_pyproject_then_default(tmp_path):
    root = tmp_path
    bare = Settings(root=root)
    configured = parse_settings({"tm": "memories/shared.sqlite"}, root)
    assert locate(bare, environ={}).target == str(root / ".l10n" / "tm.sqlite")
    assert locate(bare, environ={}).origin == "default"
    assert locate(configured, environ={}).target == str((root / "memories" / "shared.sqlite").resolve())
    assert locate(configured, environ={}).origin == "pyproject"
    env = {ENV: "postgresql://tm:s3cret@db.example.org/l10n"}
    where = locate(configured, environ=env)
    assert (where.kind, where.origin) == ("postgresql", "environment")
    assert where.target == env[ENV] and "s3cret" not in where.shown


def test_urls_and_paths(tmp_path):
    assert parse_location("sqlite:///srv/tm.sqlite", tmp_path, "x").target == str(Path("/srv/tm.sqlite").resolve())
    assert parse_location("postgres://tm@db/l10n", tmp_path, "x").kind == "postgresql"
    with pytest.raises(ConfigError, match="not a path"):
        parse_location("mysql://tm@db/l10n", tmp_path, "x")


@pytest.mark.parametrize("url", ["postgresql://tm:s3cret@db.example.org/l10n",
                                 "postgresql://tm@db.example.org/l10n?password=s3cret"])
def test_a_password_in_pyproject_is_refused(tmp_path, url):
    (tmp_path / "pyproject.toml").write_text(f'[tool.l10n]\ntm = "{url}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="password never goes into pyproject.toml") as err:
        load_settings(tmp_path)
    assert "s3cret" not in str(err.value)


def test_tm_must_be_a_string(tmp_path):
    with pytest.raises(ConfigError, match="tm must be"):
        parse_settings({"tm": 3}, tmp_path)
    assert parse_settings({"tm": "postgresql://tm@db/l10n"}, tmp_path).tm == "postgresql://tm@db/l10n"


def test_dry_run_does_not_create_a_memory(tmp_path):
    assert open_memory(Settings(root=tmp_path), create=False, environ={}) is None
    assert not (tmp_path / ".l10n").exists()


def _project(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"])
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    return root


def test_translate_uses_the_memory_named_by_the_environment(make_project, cli, monkeypatch, tmp_path):
    root = _project(make_project, cli)
    elsewhere = tmp_path / "shared" / "tm.sqlite"
    monkeypatch.setenv(ENV, str(elsewhere))
    summary = translate_locale(load_settings(root), "es", "fake")
    assert summary.sent_segments == 3 and not (root / ".l10n" / "tm.sqlite").exists()
    with TranslationMemory(elsewhere) as tm:
        assert tm.get("It grows in Asia.", **KEY) == "iT GROWS IN aSIA."


def test_translate_with_a_postgresql_memory(make_project, cli, monkeypatch, tmp_path, pg_url):  # noqa: F811
    import shutil

    from l10n.translate.pgmemory import PostgresMemory

    root = _project(make_project, cli)
    other = tmp_path / "colleague"  # another user's copy of the project, the same shared memory
    shutil.copytree(root, other)
    monkeypatch.setenv(ENV, pg_url)
    first = translate_locale(load_settings(root), "es", "fake")
    assert first.sent_segments == 3 and first.translated == 3
    assert not (root / ".l10n" / "tm.sqlite").exists()
    with PostgresMemory(pg_url) as tm:
        assert tm.get("It grows in Asia.", **KEY) == "iT GROWS IN aSIA."
        assert not tm._run("SELECT * FROM claims").fetchall()  # every claim released
    second = translate_locale(load_settings(other), "es", "fake")
    assert (second.sent_segments, second.from_memory, second.translated) == (0, 3, 3)


def test_a_cluster_needs_a_shared_memory_not_the_sqlite_file(tmp_path):
    settings = Settings(root=tmp_path)
    with pytest.raises(ConfigError) as err:
        require_shared_memory(settings, Cluster(), locales=("es", "ca"), environ={})
    message = str(err.value)
    assert "translating es, ca on a Dask cluster needs a translation memory every worker shares" in message
    assert str(tmp_path / ".l10n" / "tm.sqlite") in message and "(default)" in message
    assert 'tm = "postgresql://…"' in message and f"{ENV}=postgresql://…" in message
    assert "run without --scheduler" in message
    configured = parse_settings({"tm": "shared.sqlite"}, tmp_path)  # any SQLite file: a worker has its own disk
    with pytest.raises(ConfigError, match="not the SQLite file .*shared.sqlite \\(pyproject\\)"):
        require_shared_memory(configured, Cluster(), environ={})
    with pytest.raises(ConfigError):
        require_shared_memory(settings, Cluster(), environ={ENV: "sqlite:///srv/tm.sqlite"})
    shared = require_shared_memory(settings, Cluster(), environ={ENV: "postgresql://tm@db/l10n"})
    assert shared.kind == "postgresql"
    assert require_shared_memory(settings, SerialExecutor(), environ={}).kind == "sqlite"  # here: fine
    assert not (tmp_path / ".l10n").exists()


def test_translate_on_a_cluster_with_the_sqlite_memory_stops_before_any_work(make_project, cli, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    root = _project(make_project, cli)
    catalog = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
    before = catalog.read_bytes()
    with pytest.raises(ConfigError, match="needs a translation memory every worker shares"):
        translate_locale(load_settings(root), "es", "fake", executor=Cluster())
    assert catalog.read_bytes() == before and not (root / ".l10n" / "tm.sqlite").exists()
    # a dry run only counts what it would send (here, on no cluster) and writes no memory: nothing to refuse
    dry = translate_locale(load_settings(root), "es", "fake", executor=Cluster(), dry_run=True)
    assert dry.dry_run and dry.translated == 0 and catalog.read_bytes() == before
    assert not (root / ".l10n" / "tm.sqlite").exists()


def test_copy_memory_copies_everything_and_keeps_newer(tmp_path):
    with TranslationMemory(tmp_path / "a.sqlite") as a, TranslationMemory(tmp_path / "b.sqlite") as b:
        a.put("x", "X", **KEY)
        a.add_human("y", "Y", "en", "es")
        assert copy_memory(a, b) == 2
        assert b.rows() == a.rows()
        b._run("UPDATE tm SET created='9999', target='newer' WHERE source='x'")
        b.commit()
        copy_memory(a, b)
        assert b._run("SELECT target FROM tm WHERE source='x'").fetchone()[0] == "newer"
