"""The memory's versioned migrations, on SQLite (always) and PostgreSQL (with a server)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from l10n.errors import ConfigError
from l10n.translate import schema
from l10n.translate.memory import TranslationMemory
from tests.support.paths import CASES
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

LEGACY = CASES / "tm" / "legacy-v0.sqlite"  # made by l10n before migrations
KEY = {"provider": "apertium", "source_lang": "en", "target_lang": "es", "glossary_version": "3"}


def test_migrations_are_numbered_and_portable():
    found = schema.migrations()
    assert [m.version for m in found] == list(range(1, schema.LATEST + 1))
    assert found[0].name == "001_initial"
    for m in found:
        assert m.statements and all(";" not in s for s in m.statements)
    assert schema.pending(schema.LATEST) == ()
    assert [m.version for m in schema.pending(1)] == list(range(2, schema.LATEST + 1))


def test_split_statements_drops_comments():
    assert schema.split_statements("-- head\nCREATE TABLE t (a TEXT); -- x\n\nCREATE INDEX i ON t (a);\n") == (
        "CREATE TABLE t (a TEXT)", "CREATE INDEX i ON t (a)")


def _versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as db:
        return [v for (v,) in db.execute("SELECT version FROM schema_version ORDER BY version")]


def test_a_memory_made_before_migrations_is_migrated_in_place(tmp_path):
    path = tmp_path / "tm.sqlite"
    shutil.copy(LEGACY, path)
    with sqlite3.connect(path) as db:
        assert not db.execute("SELECT 1 FROM sqlite_master WHERE name='schema_version'").fetchall()
    with TranslationMemory(path) as tm:
        assert tm.schema_version() == schema.LATEST
        assert tm.get("Take ⟦0⟧ twice a day.", **KEY) == "Tome ⟦0⟧ dos veces al día."
        assert tm.human("Ask your doctor.", "en", "fr") == "Consultez votre médecin."
        assert len(tm.rows()) == 4
        # the answer a killed run left on its claim is still there for the next run
        assert tm.claim(["Sleep well."], **KEY).answered == (("Sleep well.", "Duerma bien."),)
    assert _versions(path) == list(range(1, schema.LATEST + 1))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT 1 FROM sqlite_master WHERE name='claims_owner'").fetchall()


def test_migrations_are_idempotent(tmp_path):
    path = tmp_path / "tm.sqlite"
    for _ in range(3):
        TranslationMemory(path).close()
    assert _versions(path) == list(range(1, schema.LATEST + 1))


def test_a_memory_from_a_newer_l10n_is_refused(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version VALUES (999, '999_future', 'x')")
    with pytest.raises(ConfigError, match="newer l10n") as err:
        TranslationMemory(path)
    assert err.value.path == str(path)


def test_postgresql_migrations_are_idempotent(pg_url):  # noqa: F811
    import psycopg

    from l10n.translate.pgmemory import PostgresMemory

    for _ in range(3):
        PostgresMemory(pg_url).close()
    with psycopg.connect(pg_url) as db:
        assert [v for (v,) in db.execute("SELECT version FROM schema_version ORDER BY version")] == list(
            range(1, schema.LATEST + 1))
        assert db.execute("SELECT to_regclass('claims_owner')").fetchone()[0] == "claims_owner"
