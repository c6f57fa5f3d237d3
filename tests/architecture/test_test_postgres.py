"""The PostgreSQL tests' server (tests/support/postgres.py): a server that cannot be reached skips them, saying
which, unless L10N_REQUIRE_POSTGRES=1 (scripts/test.sh with its own server, CI), where they fail."""

from __future__ import annotations

import pytest

from tests.support import postgres

DEAD = "postgresql://tm:s3cret@127.0.0.1:1/x"  # port 1: nothing listens there


@pytest.fixture
def dead(monkeypatch):
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install -e '.[postgresql]')")
    monkeypatch.setenv(postgres.ENV, DEAD)
    monkeypatch.delenv(postgres.REQUIRE, raising=False)


def test_a_dead_server_skips_with_its_url_without_the_password(dead):
    with pytest.raises(pytest.skip.Exception) as skipped:
        postgres.server_url()
    reason = str(skipped.value)
    assert "cannot be reached" in reason and "127.0.0.1:1/x" in reason and "s3cret" not in reason


def test_a_dead_server_fails_when_postgresql_is_required(dead, monkeypatch):
    monkeypatch.setenv(postgres.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="L10N_REQUIRE_POSTGRES=1 but .*cannot be reached"):
        postgres.server_url()


def test_no_server_named_skips_unless_required(monkeypatch):
    monkeypatch.delenv(postgres.ENV, raising=False)
    monkeypatch.delenv(postgres.REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server"):
        postgres.server_url()
    monkeypatch.setenv(postgres.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="no PostgreSQL server"):
        postgres.server_url()


def test_the_probe_is_quick_and_says_why():
    pytest.importorskip("psycopg")
    import time

    t0 = time.monotonic()
    why = postgres.probe("postgresql://127.0.0.1:1/x", timeout=1)
    assert why and time.monotonic() - t0 < 10
